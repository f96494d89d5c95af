"""``stancegraph report``: one self-contained HTML page of a graph (:mod:`stancegraph.report`)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ._app import app, one_line_errors, out


@app.command(epilog="Example: stancegraph report graph.ttl -o report.html, then open report.html in a browser.")
@one_line_errors
def report(graph: Optional[Path] = typer.Argument(None, metavar="GRAPH", help="Graph file (Turtle, N-Triples, N-Quads, TriG, JSON-LD)."),
           output: Path = typer.Option(Path("report.html"), "-o", "--output", metavar="FILE", help="HTML file to write."),
           store: Optional[Path] = typer.Option(None, "--store", metavar="DIR", help="Report on an on-disk store instead.")) -> None:
    """Write an HTML page to look at the graph in any browser, offline: the agreement/disagreement network (coalitions, evidence on click), positions over time, the most contested issues, the actors, and the build's provenance.

    The page is one file with no outside dependency and makes no network request. Beyond a few thousand actors it does not draw the network: open the GEXF export in Gephi.
    """
    from ..provenance import description_path
    from ..report import write_report
    from ..store import open_source

    st = open_source(graph, store)
    desc = description_path(graph) if graph is not None else None
    path = write_report(st, output, desc if desc is not None and desc.is_file() else None)
    out.print(f"wrote {path}", highlight=False)
