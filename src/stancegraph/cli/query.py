"""``stancegraph query``: SPARQL text, a ``.rq`` file or a query of the library, answered as a table,
CSV or JSON.

>>> print(format_rows(["n"], [{"n": 3}], "csv"), end="")
n
3
"""

from __future__ import annotations

import csv
import io
import json
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from ..errors import StanceGraphError
from ._app import app, one_line_errors


class QueryFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


def parse_params(items: list[str] | None, flag: str = "--param") -> dict[str, str]:
    """``KEY=VALUE`` strings as a dict.

    >>> parse_params(["issue=talks-progress", "since=2022-01-01"])
    {'issue': 'talks-progress', 'since': '2022-01-01'}
    """
    values: dict[str, str] = {}
    for item in items or []:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise StanceGraphError(f"{flag} wants KEY=VALUE, got {item!r}")
        values[key.strip()] = value
    return values


def library_listing() -> str:
    """One line per query of the library: name, summary and parameters."""
    from ..store.library import list_queries

    lines = []
    for q in list_queries():
        params = ", ".join(f"{p.name} ({p.type}{'' if p.required else ', optional'})" for p in q.params)
        lines.append(f"{q.name}: {q.summary}" + (f"  [{params}]" if params else ""))
    return "".join(line + "\n" for line in lines)


def run_query_command(graph: str | Path | None, sparql: str | None, file: Path | None, name: str | None,
                      params: dict[str, str], store: Path | None, fmt: str, allow_service: bool = False) -> str:
    """Run the query the user gave and return the formatted answer (read-only).

    With ``--store DIR`` the one positional argument is the query text (there is no graph file).
    Columns come from the query, never from the first row (an OPTIONAL may be unbound there).
    """
    import pyoxigraph as ox

    from ..store import open_source, query

    if store is not None and graph is not None and sparql is None:
        graph, sparql = None, str(graph)
    st = open_source(Path(graph) if graph is not None else None, store)
    if name:
        from ..store.library import answer

        return format_rows(*answer(st, name, params), fmt)
    if file is not None:
        if not file.is_file():
            raise StanceGraphError("no such query file", path=file)
        sparql = file.read_text(encoding="utf-8")
    if not sparql:
        raise StanceGraphError("give a query: QUERY text, -f FILE.rq or --name NAME")
    result = query(st, sparql, source=str(file) if file else "query", allow_service=allow_service)
    if isinstance(result, (bool, ox.QueryBoolean)):
        return format_rows(["ask"], [{"ask": bool(result)}], fmt)
    if hasattr(result, "variables"):
        return format_rows(result.variables, _rows(result), fmt)
    # CONSTRUCT / DESCRIBE: triples as Turtle
    tmp = ox.Store()
    tmp.extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in result)
    return tmp.dump(format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph()).decode("utf-8")


def _rows(result) -> list[dict]:
    from ..store import term_value

    names = result.variables
    return [{n: term_value(sol[n]) for n in names if sol[n] is not None} for sol in result]


def format_rows(names: list[str], rows: list[dict], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(rows, indent=2, ensure_ascii=False, default=str) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=names, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow(r)
        return buf.getvalue()
    if not rows:
        return "(no rows)\n"
    widths = {n: min(60, max(len(n), *(len(str(r.get(n, ""))) for r in rows))) for n in names}
    line = "  ".join(n.ljust(widths[n]) for n in names)
    out = [line, "  ".join("-" * widths[n] for n in names)]
    for r in rows:
        out.append("  ".join(str(r.get(n, ""))[:60].ljust(widths[n]) for n in names))
    return "\n".join(out) + f"\n({len(rows)} rows)\n"


@app.command()
@one_line_errors(flags={"allow_service": "--allow-service"})
def query(graph: Optional[str] = typer.Argument(None, help="Graph file (with --store: the query text)."),
          sparql: Optional[str] = typer.Argument(None, help="SPARQL query text."),
          file: Optional[Path] = typer.Option(None, "-f", "--file", help="Read the query from a .rq file."),
          name: Optional[str] = typer.Option(None, "--name", help="Run a query of the library (queries/NAME.rq)."),
          param: List[str] = typer.Option([], "--param", "-p", help="KEY=VALUE for a library query."),
          list_library: bool = typer.Option(False, "--list", help="List the queries of the library and stop."),
          store: Optional[Path] = typer.Option(None, "--store", help="Query an on-disk store instead of a file."),
          fmt: QueryFormat = typer.Option(QueryFormat.table, "--format"),
          allow_service: bool = typer.Option(False, "--allow-service",
                                             help="Allow federated SERVICE clauses (HTTP requests from here).")) -> None:
    """Run a SPARQL query (SELECT, ASK or CONSTRUCT), or a named query of the library; read-only."""
    if list_library:
        sys.stdout.write(library_listing())
        return
    sys.stdout.write(run_query_command(graph, sparql, file, name, parse_params(param), store, fmt.value,
                                       allow_service))


@app.command("named-query", hidden=True)
@one_line_errors
def named_query(
    name: Optional[str] = typer.Argument(None, help="Query name (omit to list the library).", metavar="NAME",
                                         show_default=False),
    graph: Optional[Path] = typer.Argument(None, help="Graph file; or give --store.", show_default=False),
    store: Optional[Path] = typer.Option(None, "--store", help="On-disk store directory.", show_default=False),
    param: Optional[List[str]] = typer.Option(None, "--param", "-p", help="NAME=VALUE, repeatable.",
                                              show_default=False),
) -> None:
    """Run a query of the library with parameters, rows as JSON lines (same as query --name/--list)."""
    if name is None:
        sys.stdout.write(library_listing())
        return
    from ..store import open_source
    from ..store.library import run_named_query

    for row in run_named_query(open_source(graph, store), name, parse_params(param)):
        print(json.dumps(row, ensure_ascii=False))
