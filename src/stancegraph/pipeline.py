"""The main job: ingest -> extract -> graph -> validate -> write.

Usage from Python (what ``stancegraph build`` runs)::

    from stancegraph.pipeline import build
    result = build(["data/articles"], "graph.ttl")
    print(result.summary())
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import pyoxigraph as ox
from rdflib import Graph

from .errors import StanceGraphError
from .fileio import write_bytes_atomic
from .graph import article_graph, issue_iris, merge, static_graphs
from .ingest import Article, Skipped, load_articles
from .knowledge import Resources, load_resources
from .namespaces import PREFIXES
from .validate import Report, validate_graph


@dataclass
class BuildResult:
    output: Path | None
    articles: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    actors: int = 0
    statements: int = 0
    positions: int = 0
    claims: int = 0
    triples: int = 0
    seconds: float = 0.0
    report: Report | None = None
    graph: Graph | None = None
    article_graphs: dict[str, Graph] = field(default_factory=dict)
    static: dict[str, Graph] = field(default_factory=dict)
    store_dir: Path | None = None
    store_counts: dict[str, int] = field(default_factory=dict)
    reviews: int = 0
    review_problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        s = (f"built {self.output or 'graph'}: {self.articles} articles, {self.actors} actors, "
             f"{self.statements} statements, {self.positions} positions, {self.claims} claims, "
             f"{self.triples} triples in {self.seconds:.1f} s")
        if self.skipped:
            s += f"; {len(self.skipped)} skipped"
        if self.store_dir is not None:
            c = self.store_counts
            s += (f"\nstore {self.store_dir}: {c.get('added', 0)} added, {c.get('replaced', 0)} replaced, "
                  f"{c.get('unchanged', 0)} unchanged")
        if self.reviews:
            s += f"\nkept {self.reviews} review records"
        return s


def extract_graphs(articles: Iterable[Article], res: Resources, model: str | None = None,
                   on_article: Callable[[Article], None] | None = None,
                   skipped: list[Skipped] | None = None):
    """Yield (article, extraction, article graph) for each article; failures go to ``skipped``."""
    from .extract import Extractor

    ex = Extractor(res, model)
    issues, sovereigns = issue_iris(res)
    for article in articles:
        try:
            result = ex.extract(article)
            g = article_graph(result, issues, sovereigns)
        except StanceGraphError as exc:
            if skipped is None:
                raise
            skipped.append(Skipped(article.source or article.id, None, exc.message))
            continue
        finally:
            if on_article:
                on_article(article)
        yield article, result, g, ex.model_id


def to_turtle(graph: Graph) -> bytes:
    """Serialize through Oxigraph (fast) with the project's prefixes."""
    store = ox.Store()
    store.load(graph.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
    prefixes = {k: str(v) for k, v in PREFIXES.items()}
    prefixes.update({"skos": "http://www.w3.org/2004/02/skos/core#", "xsd": "http://www.w3.org/2001/XMLSchema#",
                     "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "owl": "http://www.w3.org/2002/07/owl#",
                     "act": "https://w3id.org/stancegraph/id/actor/", "ter": "https://w3id.org/stancegraph/id/territory/",
                     "cb": "https://w3id.org/stancegraph/codebook/"})
    return store.dump(format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(), prefixes=prefixes)


def build(paths: Iterable[str | Path], output: str | Path | None = "graph.ttl", *,
          resources: Resources | None = None, data_dir: str | Path | None = None,
          codebook: str | Path | None = None, gazetteer: str | Path | None = None,
          territories: str | Path | None = None, model: str | None = None,
          progress: Callable[[int, int, str], None] | None = None,
          validate: bool = True, store_dir: str | Path | None = None) -> BuildResult:
    """Build the knowledge graph of the articles under ``paths`` and write it to ``output``.

    The graph is validated first; nothing is written when it does not conform.
    One unreadable article is reported in ``result.skipped`` and left out.
    """
    t0 = time.perf_counter()
    res = resources or load_resources(data_dir, codebook=codebook, gazetteer=gazetteer, territories=territories)
    articles, skipped = load_articles(paths)
    if not articles:
        detail = f" ({skipped[0].oneline()})" if skipped else ""
        raise StanceGraphError(f"no readable articles in {', '.join(map(str, paths))}{detail}")
    result = BuildResult(output=Path(output) if output else None, skipped=skipped)
    done = 0

    def tick(article: Article) -> None:
        nonlocal done
        done += 1
        if progress:
            progress(done, len(articles), article.id)

    actors: set[str] = set()
    model_id = ""
    for article, ex, g, model_id in extract_graphs(articles, res, model, tick, skipped):
        result.article_graphs[article.id] = g
        result.articles += 1
        result.statements += len(ex.statements)
        result.positions += len(ex.positions)
        result.claims += len(ex.claims)
        actors.update(st.speaker for st in ex.statements)
        actors.update(p.holder for p in ex.positions)
        actors.update(c.claimant for c in ex.claims)
    if not result.article_graphs:
        raise StanceGraphError("no article could be processed: " + "; ".join(s.oneline() for s in skipped[:3]))
    result.static = static_graphs(res, model_id)
    full = merge([*result.static.values(), *result.article_graphs.values()])
    result.actors = len(actors)
    if output:  # a graph file being rebuilt keeps the review records it holds (stancegraph.review)
        from .review import carried_reviews

        carried, result.review_problems = carried_reviews(output)
        if carried:
            full.parse(data="\n".join(f"{t} ." for t in carried), format="nt")
    if validate:
        result.report = validate_graph(full, ontology=res.ontology)
        if not result.report.conforms:
            raise StanceGraphError(
                f"the built graph does not conform to the shapes ({len(result.report.errors)} violations); "
                "nothing written", details=result.report.text(20).split("\n"))
    result.graph = full
    result.triples = len(full)
    from .review import review_check

    if output:
        data = to_turtle(full)
        write_bytes_atomic(output, data)
        review_check(result, turtle=data)
    if store_dir:
        from .store import persistent

        st = persistent.open_store(Path(store_dir))
        for name, g in result.static.items():
            persistent.put_static(st, name, g)
        for aid, g in result.article_graphs.items():
            status = persistent.put_article(st, aid, g)
            result.store_counts[status] = result.store_counts.get(status, 0) + 1
        review_check(result, ox_store=st)
        st.flush()
        del st  # release the store's lock now, not at the next garbage collection
        import gc

        gc.collect()
        result.store_dir = Path(store_dir)
    result.seconds = time.perf_counter() - t0
    return result
