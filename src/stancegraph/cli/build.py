"""``stancegraph build``: ingest, extract, validate and write the graph (:func:`stancegraph.pipeline.build`)."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer
from rich.markup import escape

from ._app import app, err, one_line_errors, out


@app.command()
@one_line_errors
def build(paths: List[Path] = typer.Argument(None, help="Article files or folders (.txt, .jsonl). Default: data/articles."),
          output: Path = typer.Option(Path("graph.ttl"), "-o", "--output", help="Turtle file to write."),
          store: Optional[Path] = typer.Option(None, "--store", help="Also write into this on-disk Oxigraph store."),
          data_dir: Optional[Path] = typer.Option(None, "--data", help="Folder with codebook.ttl, actors.ttl, territories.ttl, cues.ttl."),
          codebook: Optional[Path] = typer.Option(None, "--codebook", help="Another codebook (Turtle)."),
          gazetteer: Optional[Path] = typer.Option(None, "--gazetteer", help="Another actor gazetteer (Turtle)."),
          territories: Optional[Path] = typer.Option(None, "--territories", help="Another territory list (Turtle)."),
          model: Optional[str] = typer.Option(None, "--model", help="Installed spaCy pipeline to use.")) -> None:
    """Extract, validate and write the knowledge graph of the articles."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from .. import paths as P
    from ..pipeline import build as run_build

    sources = list(paths) if paths else [P.data_dir() / "articles"]
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=True, disable=not err.is_terminal) as bar:
        task = bar.add_task("extracting", total=None)

        def progress(done: int, total: int, article_id: str) -> None:
            if total > 1:
                bar.update(task, total=total, completed=done, description=f"extracting {article_id}")

        result = run_build(sources, output, data_dir=data_dir, codebook=codebook, gazetteer=gazetteer,
                           territories=territories, model=model, progress=progress, store_dir=store)
    for s in result.skipped:
        err.print(f"[yellow]skipped:[/] {s.oneline()}", highlight=False)
    for p in result.review_problems:
        err.print(f"[yellow]warning:[/] {escape(p)}", highlight=False, soft_wrap=True)
    out.print(result.summary(), highlight=False)
    if result.report is not None:
        warnings = [v for v in result.report.violations if v.severity == "Warning"]
        out.print(f"shapes: conforms ({len(warnings)} warnings)", highlight=False)
