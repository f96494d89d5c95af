"""`stancegraph query`: run SPARQL and format the answer (table, CSV, JSON)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyoxigraph as ox

from .errors import StanceGraphError
from .store import open_source, query, term_value


def run_query_command(graph: str | Path | None, sparql: str | None, file: Path | None, name: str | None,
                      params: list[str], store: Path | None, fmt: str, allow_service: bool = False) -> str:
    """Run the query the user gave and return the formatted answer.

    With ``--store DIR`` the one positional argument is the query text (there is no graph file).
    """
    if store is not None and graph is not None and sparql is None:
        graph, sparql = None, str(graph)
    st = open_source(Path(graph) if graph is not None else None, store)
    if name:
        from .store.library import load_query, render_query

        kv = {}
        for p in params:
            if "=" not in p:
                raise StanceGraphError(f"--param wants KEY=VALUE, got {p!r}")
            k, v = p.split("=", 1)
            kv[k] = v
        nq = load_query(name)
        # the columns come from the query, not from the first row (an OPTIONAL may be unbound there)
        result = query(st, render_query(nq, kv), source=str(nq.path))
        return format_rows(result.variables, _rows(result), fmt)
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
    # CONSTRUCT / DESCRIBE: triples as Turtle (or N-Triples lines for csv/json)
    tmp = ox.Store()
    tmp.extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in result)
    return tmp.dump(format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph()).decode("utf-8")


def _rows(result) -> list[dict]:
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
