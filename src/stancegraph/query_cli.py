"""`stancegraph query`: run SPARQL and format the answer (table, CSV, JSON)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyoxigraph as ox

from .errors import StanceGraphError
from .store import open_source, query, term_value


def run_query_command(graph: Path | None, sparql: str | None, file: Path | None, name: str | None,
                      params: list[str], store: Path | None, fmt: str) -> str:
    """Run the query the user gave and return the formatted answer."""
    st = open_source(graph, store)
    if name:
        from .store.library import run_named_query

        kv = {}
        for p in params:
            if "=" not in p:
                raise StanceGraphError(f"--param wants KEY=VALUE, got {p!r}")
            k, v = p.split("=", 1)
            kv[k] = v
        rows = run_named_query(st, name, kv)
        return format_rows(list(rows[0].keys()) if rows else [], rows, fmt)
    if file is not None:
        if not file.is_file():
            raise StanceGraphError("no such query file", path=file)
        sparql = file.read_text(encoding="utf-8")
    if not sparql:
        raise StanceGraphError("give a query: QUERY text, -f FILE.rq or --name NAME")
    result = query(st, sparql, source=str(file) if file else "query")
    if isinstance(result, (bool, ox.QueryBoolean)):
        return format_rows(["ask"], [{"ask": bool(result)}], fmt)
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        rows = [{n: term_value(sol[n]) for n in names if sol[n] is not None} for sol in result]
        return format_rows(names, rows, fmt)
    # CONSTRUCT / DESCRIBE: triples as Turtle (or N-Triples lines for csv/json)
    tmp = ox.Store()
    tmp.extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in result)
    return tmp.dump(format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph()).decode("utf-8")


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
