"""``stancegraph eval``: score a graph or exported annotations against gold (:mod:`stancegraph.evaluate`)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape

from ._app import app, err, one_line_errors, out


@app.command("eval")
@one_line_errors
def eval_cmd(gold: Path = typer.Argument(..., help="Folder of gold annotation JSON."),
             predicted: Optional[Path] = typer.Argument(None, help="A graph file, or a folder of annotation JSON."),
             store: Optional[Path] = typer.Option(None, "--store", help="Score an on-disk store instead."),
             as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
             errors: bool = typer.Option(False, "--errors", help="List every miss and false hit per article."),
             machine_only: bool = typer.Option(False, "--machine-only", help="Score the machine coding, "
                                               "without the reviews.")) -> None:
    """Score the graph (its reviewed view) or exported annotations against gold annotations."""
    from ..evaluate import evaluate, load_json_dir
    from ..export import annotations
    from ..review import view_of
    from ..store import open_source

    gold_docs = load_json_dir(gold)
    if predicted is not None and predicted.is_dir():
        pred_docs = load_json_dir(predicted)
    else:
        problems: list[str] = []
        pred_docs = {d["article"]: d for d in annotations(view_of(open_source(predicted, store), machine_only,
                                                                  problems))}
        for p in problems:
            err.print(f"[yellow]warning:[/] {escape(p)}", highlight=False, soft_wrap=True)
    scores = evaluate(gold_docs, pred_docs)
    if as_json:
        data = scores.as_dict()
        if errors:
            data["errors"] = scores.errors
        sys.stdout.write(json.dumps(data, indent=2) + "\n")
        return
    out.print(scores.table(), highlight=False)
    if errors:
        for aid, errs in scores.errors.items():
            out.print(f"\n{aid}: {len(errs)} errors", highlight=False)
            for e in errs:
                out.print(f"  {e}", highlight=False, soft_wrap=True)
