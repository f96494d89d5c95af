"""``stancegraph build``: ingest, extract, validate and write the graph (:func:`stancegraph.pipeline.build`)."""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path
from typing import List, Optional

import typer
from rich.markup import escape

from ._app import app, err, one_line_errors, out


@app.command()
@one_line_errors(flags={"jobs": "--jobs", "dask": "--dask", "stances_model": "--stances-model"})
def build(paths: List[Path] = typer.Argument(None, help="Article files or folders (.txt, .jsonl). Default: data/articles."),
          output: Path = typer.Option(Path("graph.ttl"), "-o", "--output", help="Graph file to write: Turtle (.ttl), N-Triples (.nt) or N-Quads (.nq)."),
          store: Optional[Path] = typer.Option(None, "--store", help="Also write into this on-disk Oxigraph store."),
          data_dir: Optional[Path] = typer.Option(None, "--data", help="Folder with codebook.ttl, actors.ttl, territories.ttl, cues.ttl."),
          codebook: Optional[Path] = typer.Option(None, "--codebook", help="Another codebook (Turtle)."),
          gazetteer: Optional[Path] = typer.Option(None, "--gazetteer", help="Another actor gazetteer (Turtle)."),
          territories: Optional[Path] = typer.Option(None, "--territories", help="Another territory list (Turtle)."),
          model: Optional[str] = typer.Option(None, "--model", help="Installed spaCy pipeline to use."),
          stances: Optional[str] = typer.Option(None, "--stances", help="Stance detector by name (rules, learned, hybrid)."),
          stances_model: Optional[Path] = typer.Option(None, "--stances-model", help="Model file of a learned stance detector (from stancegraph train)."),
          jobs: Optional[int] = typer.Option(None, "--jobs", "-j", help="Worker processes (default: the cores available)."),
          dask: Optional[str] = typer.Option(None, "--dask", help="Run on a Dask cluster: scheduler address (tcp://HOST:8786)."),
          license: Optional[str] = typer.Option(None, "--license", help="Licence IRI of the data, recorded in the build description (OUTPUT.void.ttl)."),
          endpoint: Optional[str] = typer.Option(None, "--endpoint", help="SPARQL endpoint URL the graph will be served at, recorded in the build description.")) -> None:
    """Extract, validate and write the knowledge graph of the articles (.ttl, .nt or .nq), article by article.

    The same input and versions give the same bytes (readable Turtle, sorted); beside OUTPUT goes its VoID + DCAT description (OUTPUT with .void.ttl: counts, build time, run, licence).
    """
    from .. import paths as P, worker
    from ..pipeline import build as run_build
    from . import _app

    if _app.STANDALONE:  # the program loads once and ends with the build: what it loads is frozen
        worker.FREEZE_LOADED = True

    sources = list(paths) if paths else [P.data_dir() / "articles"]
    bar = None
    if err.is_terminal:  # a progress bar on a terminal; elsewhere one line per stage (no rich.progress loaded)
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                       console=err, transient=True)
    with bar if bar is not None else nullcontext():
        task = bar.add_task("extracting", total=None) if bar is not None else None

        def progress(done: int, total: int, article_id: str) -> None:
            if bar is not None:
                bar.update(task, total=total or None, completed=done, description=f"extracting {article_id}")

        def stage(what: str) -> None:
            if bar is not None:
                bar.update(task, description=f"{what}…")
            else:
                err.print(f"{what}…", highlight=False, markup=False)

        result = run_build(sources, output, data_dir=data_dir, codebook=codebook, gazetteer=gazetteer,
                           territories=territories, model=model, progress=progress, store_dir=store,
                           jobs=jobs, dask=dask, license=license, endpoint=endpoint, stage=stage,
                           stances=stances, stances_model=stances_model)
    for w in result.ingest_warnings:
        err.print("[yellow]warning:[/] " + escape(w), highlight=False)
    for s in result.skipped:
        err.print("[yellow]skipped:[/] " + escape(s.oneline()), highlight=False)
    for p in result.review_problems:
        err.print(f"[yellow]warning:[/] {escape(p)}", highlight=False, soft_wrap=True)
    out.print(result.summary(), highlight=False)
    if result.report is not None:
        out.print(f"shapes: {result.report.summary()}", highlight=False)
    if result.description is not None:
        out.print(f"description: {result.description}", highlight=False)
