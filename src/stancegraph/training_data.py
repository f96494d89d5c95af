"""Training data from reviews: what ``stancegraph train`` (stream s14) learns from a reviewed graph.

Each correction a reviewer makes (:mod:`stancegraph.review`) is a labelled
example: the reviewed view of an article, in the gold annotation format
(``shared/spec/annotations.md``), with the article's text. A trainer that
reads gold annotation files reads these the same way.

The hook for a ``train`` command: a ``--reviewed PATH`` option (repeatable;
graph files or store folders), declared by :func:`reviewed_option`, and
:func:`examples_from_reviewed` to turn its values into examples::

    @app.command()
    def train(..., reviewed: list[Path] = reviewed_option()):
        examples = examples_from_reviewed(reviewed)
        ...  # e.g. [(e.article(), e.annotation) for e in examples]

A trainer that reads gold folders laid out as ``gold/ID.json`` with
``articles/ID.txt`` beside them takes :func:`write_training_folder`'s result as
one more gold folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import pyoxigraph as ox

from .review import Q_ARTICLES, _select, load_reviews, reviewed_view


@dataclass(frozen=True)
class TrainingExample:
    """One article and its reviewed coding in the gold annotation format (shared/spec/annotations.md)."""

    article_id: str
    text: str
    annotation: dict
    reviewed: bool

    def article(self):
        """The article as ``stancegraph build`` read it (its text holds any metadata header)."""
        from .ingest import parse_text

        return parse_text(self.article_id, self.text)


def training_examples(graph: str | Path | None = None, store_dir: str | Path | None = None, *,
                      only_reviewed: bool = True, source: ox.Store | None = None) -> list[TrainingExample]:
    """Training data from a reviewed graph or store: the reviewed view's annotations per article.

    ``only_reviewed`` keeps the articles in which a reviewer decided at least
    once (the others hold the machine's own output, which a learner should not
    be taught). Each annotation is what ``export --format annotations`` writes
    for the article, so a trainer that reads gold annotation files reads these.

    >>> from stancegraph.store import load_text
    >>> from stancegraph.review import EXAMPLE_TTL, EXAMPLE_REVIEW_TTL
    >>> st = load_text(EXAMPLE_TTL + EXAMPLE_REVIEW_TTL)
    >>> [(e.article_id, e.annotation["statements"][0]["stance"]) for e in training_examples(source=st)]
    [('a1', 'oppose')]
    """
    from .export import annotations
    from .store import open_source

    st = source if source is not None else open_source(graph, store_dir)
    reviews = load_reviews(st)
    touched = {r.article for r in reviews}
    texts = {r["aid"]: r["text"] for r in _select(st, Q_ARTICLES)}
    out = []
    for doc in annotations(reviewed_view(st)):
        aid = doc["article"]
        if only_reviewed and aid not in touched:
            continue
        out.append(TrainingExample(aid, texts.get(aid, ""), doc, aid in touched))
    return out


def examples_from_reviewed(paths: Iterable[str | Path], only_reviewed: bool = True) -> list[TrainingExample]:
    """Examples from graph files and store folders (a folder is a store), in order, one per article."""
    out: list[TrainingExample] = []
    for p in paths:
        path = Path(p)
        out += training_examples(None, path, only_reviewed=only_reviewed) if path.is_dir() else \
            training_examples(path, None, only_reviewed=only_reviewed)
    return out


def reviewed_option():
    """The ``--reviewed`` option of a ``train`` command (a Typer option, repeatable)."""
    import typer

    return typer.Option(None, "--reviewed", help="A reviewed graph file or store to learn from (repeatable): "
                                                 "the articles a reviewer corrected, as reviewed.")


def write_training_folder(examples: Iterable[TrainingExample], folder: str | Path) -> Path:
    """Write examples as ``folder/gold/ID.json`` and ``folder/articles/ID.txt``; returns the gold folder.

    The layout of a gold folder with its articles beside it, which a trainer
    reading gold annotation folders takes as it is.
    """
    import json

    from .fileio import safe_child, write_text_atomic

    root = Path(folder)
    gold, articles = root / "gold", root / "articles"
    for e in examples:
        write_text_atomic(safe_child(gold, e.article_id, ".json"),
                          json.dumps(e.annotation, ensure_ascii=False, indent=2) + "\n")
        write_text_atomic(safe_child(articles, e.article_id, ".txt"), e.text)
    return gold
