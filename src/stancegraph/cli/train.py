"""``stancegraph train``: the learned stance detector from gold annotations (:func:`stancegraph.training.train`)."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from ._app import app, err, one_line_errors, out


@app.command()
@one_line_errors(flags={"reviewed": "--reviewed"})
def train(gold: Optional[List[Path]] = typer.Argument(None, help="Folders of gold annotation JSON; articles/ID.txt beside each."),
          output: Path = typer.Option(..., "-o", "--output", help="Model file to write (.npz)."),
          reviewed: Optional[List[Path]] = typer.Option(
              None, "--reviewed", help="A reviewed graph file or store to learn from (repeatable): the articles "
                                       "a reviewer corrected, with the corrections (stancegraph import-dna)."),
          train_only: Optional[List[Path]] = typer.Option(
              None, "--train-only", help="A gold folder trained on but not scored by the cross-validation "
                                         "(repeatable): more training data, measured on the other folders' articles."),
          data_dir: Optional[Path] = typer.Option(None, "--data", help="Folder with codebook.ttl, actors.ttl, territories.ttl, cues.ttl."),
          codebook: Optional[Path] = typer.Option(None, "--codebook", help="Another codebook (Turtle)."),
          gazetteer: Optional[Path] = typer.Option(None, "--gazetteer", help="Another actor gazetteer (Turtle)."),
          territories: Optional[Path] = typer.Option(None, "--territories", help="Another territory list (Turtle)."),
          model: Optional[str] = typer.Option(None, "--model", help="Installed spaCy pipeline to use.")) -> None:
    """Train the learned stance detector (for build --stances learned/hybrid --stances-model MODEL)."""
    from ..knowledge import load_resources
    from ..training import train as run_train

    res = load_resources(data_dir, codebook=codebook, gazetteer=gazetteer, territories=territories)

    def progress(done: int, total: int, article_id: str) -> None:
        if err.is_terminal and (done % 20 == 0 or done == total):
            err.print(f"read {done}/{total} articles", highlight=False)

    report = run_train(list(gold or ()), output, resources=res, model=model, progress=progress,
                       reviewed=list(reviewed or ()), train_only=list(train_only or ()))
    out.print(report.summary(), highlight=False, soft_wrap=True)
