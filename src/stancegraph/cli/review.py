"""``stancegraph import-dna``, ``import-annotations`` and ``agreement``: reviews in, agreement out.

Thin wrappers over :func:`stancegraph.review_import.import_dna`,
:func:`stancegraph.review_import.import_annotations` and
:func:`stancegraph.agreement.compare`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.markup import escape

from ._app import app, err, one_line_errors, out


def _print(result) -> None:
    for p in result.problems:
        err.print(f"[yellow]warning:[/] {escape(p)}", highlight=False, soft_wrap=True)
    out.print(result.summary(), highlight=False, markup=False, soft_wrap=True)


# where the reviews go: the same two options on import-dna and import-annotations
ReviewStore = Annotated[Optional[Path], typer.Option("--store", help="Store that receives the reviews.")]
ReviewGraph = Annotated[Optional[Path], typer.Option(
    "-o", "--output", help="Graph file that receives the reviews (rewritten in place).")]

FLAGS = {"store_dir": "--store DIR", "graph_file": "-o GRAPH", "gold_out": "--gold-out DIR"}


@app.command("import-dna")
@one_line_errors(flags=FLAGS)
def import_dna_command(
    path: Annotated[Path, typer.Argument(help="A DNA 3 file (.dna, SQLite).")],
    store: ReviewStore = None,
    output: ReviewGraph = None,
    gold_out: Annotated[Optional[Path], typer.Option(
        "--gold-out", help="Write the statements as gold annotation JSON files into this folder.")] = None,
    articles_out: Annotated[Optional[Path], typer.Option(
        "--articles-out", help="Write the documents as .txt articles into this folder.")] = None,
    reviewer: Annotated[Optional[str], typer.Option(
        "--reviewer", help="Name the reviews are attributed to (default: the DNA coder).")] = None,
    codebook: Annotated[Optional[Path], typer.Option("--codebook", help="Codebook to map concepts to.")] = None,
) -> None:
    """Read a DNA file back: a reviewed stancegraph export becomes review records; any DNA file gold annotations."""
    from ..review_import import import_dna

    result = import_dna(path, store_dir=store, graph_file=output, gold_out=gold_out, articles_out=articles_out,
                        reviewer=reviewer, codebook=codebook)
    _print(result)


@app.command("import-annotations")
@one_line_errors(flags=FLAGS)
def import_annotations_command(
    folder: Annotated[Path, typer.Argument(help="Folder of edited annotation JSON files.")],
    store: ReviewStore = None,
    output: ReviewGraph = None,
    reviewer: Annotated[str, typer.Option("--reviewer", help="Name the reviews are attributed to.")] = "reviewer",
) -> None:
    """Take edited annotation files as reviews of the graph's statements."""
    from ..review_import import import_annotations

    _print(import_annotations(folder, store_dir=store, graph_file=output, reviewer=reviewer))


@app.command("agreement")
@one_line_errors
def agreement_command(
    a: Annotated[str, typer.Argument(help="Reference coding: graph, store, .dna file or annotation folder.")],
    b: Annotated[Optional[str], typer.Argument(
        help="Other coding (machine:PATH for a graph's machine coding). Omitted: A's machine coding.")] = None,
    codebook: Annotated[Optional[Path], typer.Option("--codebook", help="Codebook to map DNA concepts to.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Agreement of two codings of the same articles: P/R/F1 and Krippendorff's alpha."""
    from ..agreement import compare

    result = compare(a, b, codebook)
    out.print(json.dumps(result.as_dict(), indent=2) if as_json else result.table(), highlight=False, markup=False,
              soft_wrap=True)

