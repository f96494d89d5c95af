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
             warnings: bool = typer.Option(False, "--warnings", help="Also list warnings.")) -> None:
    """Check a graph against the SHACL shapes: exit 0 when it conforms, 1 with a report when not."""
    from ..validate import validate_file, validate_store

    report = validate_file(graph) if store is None or graph is not None else validate_store(store)
    graph = graph or store
    if warnings:
        for v in report.violations:
            if v.severity != "Violation":
                out.print(v.oneline(), highlight=False, soft_wrap=True)
    if report.conforms:
        out.print(f"{graph}: conforms", highlight=False)
        return
    out.print(f"{graph}: does not conform ({len(report.errors)} violations)", highlight=False)
    out.print(report.text(200), highlight=False, soft_wrap=True)
    raise typer.Exit(1)
