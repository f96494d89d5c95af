"""``stancegraph validate``: the SHACL check of a graph file or a store (:mod:`stancegraph.validate`)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ._app import app, one_line_errors, out


@app.command()
@one_line_errors
def validate(graph: Optional[Path] = typer.Argument(None, help="Graph file (Turtle, N-Triples, N-Quads, TriG, JSON-LD)."),
             store: Optional[Path] = typer.Option(None, "--store", help="Validate an on-disk store instead."),
             warnings: bool = typer.Option(False, "--warnings", help="Also list the advice: each warning and info.")) -> None:
    """Check a graph against the SHACL shapes: exit 0 when it conforms, 1 with a report when not.

    "Conforms" is the SHACL engine's verdict on the hard rules (shapes/stancegraph-shapes.ttl):
    no result at all. The soft expectations (shapes/stancegraph-advice.ttl) are counted apart by
    severity; list them with --warnings.
    """
    from ..validate import validate_file, validate_store

    report = validate_file(graph) if store is None or graph is not None else validate_store(store)
    graph = graph or store
    if warnings:
        for v in report.advice + [v for v in report.violations if v.severity != "Violation"]:
            out.print(v.oneline(), highlight=False, soft_wrap=True)
    out.print(f"{graph}: {report.summary()}", highlight=False)
    if report.conforms:
        return
    out.print(report.text(200), highlight=False, soft_wrap=True)
    raise typer.Exit(1)
