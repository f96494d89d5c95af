"""``stancegraph export``: the graph in any format of :data:`stancegraph.export.EXPORTERS`."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape

from ..export import EXPORTERS
from ._app import app, err, one_line_errors, out

ExportFormat = Enum("ExportFormat", {name: name for name in EXPORTERS}, type=str)  # type: ignore[misc]
"""The ``--format`` choices: the names of the registry, in its order."""

FORMAT_HELP = "; ".join(f"{name}: {e.help}" for name, e in EXPORTERS.items()) + "."


@app.command()
@one_line_errors
def export(graph: Optional[Path] = typer.Argument(None, help="Graph file."),
           fmt: ExportFormat = typer.Option(..., "--format", help=FORMAT_HELP),
           output: Optional[Path] = typer.Option(None, "-o", "--output", help="File, or folder for annotations."),
           store: Optional[Path] = typer.Option(None, "--store", help="Export an on-disk store instead of a file."),
           machine_only: bool = typer.Option(False, "--machine-only", help="annotations, statements, dna: the "
                                             "machine coding as extracted, without the reviews."),
           reviewer: str = typer.Option("Reviewer", "--reviewer", help="dna: name of the reviewer's coder.")) -> None:
    """Export the graph: annotation JSON per article, the statement table, a DNA file, or RDF."""
    from ..store import open_source

    exporter = EXPORTERS[fmt.value]
    target = output or exporter.default_output
    if exporter.reviewed:
        problems: list[str] = []
        written = exporter.write(open_source(graph, store), target, machine_only=machine_only, reviewer=reviewer,
                                 problems=problems)
        for p in problems:
            err.print(f"[yellow]warning:[/] {escape(p)}", highlight=False, soft_wrap=True)
    else:
        written = exporter.write(open_source(graph, store), target)
    if exporter.suffix:
        out.print(f"wrote {target}", highlight=False)
    else:
        out.print(f"wrote {len(written)} annotation files to {target}", highlight=False)
