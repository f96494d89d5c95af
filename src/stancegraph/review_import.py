"""Reviews into a graph or store: from a DNA file (:func:`import_dna`) or annotation JSON (:func:`import_annotations`).

The typed functions behind ``stancegraph import-dna`` and ``stancegraph
import-annotations`` (:mod:`stancegraph.cli.review`). Usage from Python::

    from stancegraph.review_cli import import_dna
    result = import_dna("corpus.dna", graph_file="graph.ttl")
    print(result.summary())
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from .errors import StanceGraphError


@dataclass
class ImportResult:
    """What an import did: review counts and where they went, or the gold files written."""

    source: Path
    counts: dict[str, int] = field(default_factory=dict)
    added: int = 0
    already: int = 0
    target: Path | None = None
    gold: list[Path] = field(default_factory=list)
    articles: list[Path] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        lines = []
        if self.target is not None:
            c = self.counts
            lines.append(f"{self.source}: {c.get('rejected', 0)} rejected, {c.get('edited', 0)} edited, "
                         f"{c.get('added', 0)} added, {c.get('accepted', 0)} accepted")
            lines.append(f"{self.added} review records added to {self.target}"
                         + (f" ({self.already} already there)" if self.already else ""))
        if self.gold:
            lines.append(f"wrote {len(self.gold)} gold annotation files to {self.gold[0].parent}")
        if self.articles:
            lines.append(f"wrote {len(self.articles)} articles to {self.articles[0].parent}")
        return "\n".join(lines)


def _reviews_target(store_dir: Path | None, graph_file: Path | None):
    from .store import load_file, open_source

    if (store_dir is None) == (graph_file is None):
        raise StanceGraphError("give either `store_dir` or `graph_file` (the graph that receives the reviews)")
    return load_file(graph_file) if graph_file is not None else open_source(None, store_dir)


def import_dna(path: str | Path, *, store_dir: str | Path | None = None, graph_file: str | Path | None = None,
               gold_out: str | Path | None = None, articles_out: str | Path | None = None,
               reviewer: str | None = None, codebook: str | Path | None = None) -> ImportResult:
    """Read a DNA file: reviews into a graph or store, or (``gold_out``) gold annotation files.

    A file stancegraph wrote gives review records (:func:`stancegraph.dna.read_review`)
    saved into ``store_dir`` or ``graph_file``. With ``gold_out`` (any DNA file, e.g.
    one coded by hand) its statements become gold annotation JSON files, and with
    ``articles_out`` its documents ``.txt`` articles that ``stancegraph build`` reads.
    """
    from .dna import annotations_of, read_dna, read_review, write_articles, write_gold

    dna = read_dna(Path(path))
    result = ImportResult(Path(path))
    if gold_out is not None or articles_out is not None:
        from .agreement import _issue_labels

        docs, gold, problems = annotations_of(dna, _issue_labels(codebook))
        result.problems += problems
        if gold_out is not None:
            result.gold = write_gold(gold, gold_out)
        if articles_out is not None:
            result.articles = write_articles(docs, articles_out)
        if store_dir is None and graph_file is None:
            return result
    if not dna.written_by_stancegraph:
        read_review(dna, None, reviewer=reviewer)  # raises: says what to do with a hand-coded file
    st = _reviews_target(Path(store_dir) if store_dir else None, Path(graph_file) if graph_file else None)
    imp = read_review(dna, st, reviewer=reviewer)
    del st
    return _save(result, imp, store_dir, graph_file)


def _save(result: ImportResult, imp, store_dir, graph_file) -> ImportResult:
    import gc

    from .review import save_reviews

    gc.collect()  # a read-only handle on the store must be gone before it is opened for writing
    saved = save_reviews(imp.reviews, store_dir=Path(store_dir) if store_dir else None,
                         graph_file=Path(graph_file) if graph_file else None, new_actors=imp.new_actors)
    result.counts = imp.counts()
    result.added, result.already, result.target = saved.added, saved.already, saved.target
    result.problems += imp.problems
    return result


def import_annotations(folder: str | Path, *, store_dir: str | Path | None = None,
                       graph_file: str | Path | None = None, reviewer: str = "reviewer") -> ImportResult:
    """Edited annotation JSON files as review records (see :mod:`stancegraph.annotation_review`)."""
    from .annotation_review import read_annotation_reviews

    st = _reviews_target(Path(store_dir) if store_dir else None, Path(graph_file) if graph_file else None)
    imp = read_annotation_reviews(folder, st, reviewer=reviewer)
    del st
    return _save(ImportResult(Path(folder)), imp, store_dir, graph_file)
