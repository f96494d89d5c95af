"""The build writes :func:`article_triples` (pyoxigraph terms, no rdflib); it must be exactly the graph
:func:`article_graph` builds with rdflib, on real extractions."""

from __future__ import annotations

from pathlib import Path

from rdflib.compare import isomorphic

from stancegraph.graph import _OxigraphTerms, article_graph, article_triples, issue_iris
from stancegraph.ingest import iter_articles
from stancegraph.rdf import to_oxigraph, to_rdflib

ROOT = Path(__file__).resolve().parents[1]


def test_article_triples_are_the_rdflib_graph_term_for_term(extractor, resources):
    issues, sovereigns = issue_iris(resources)
    terms = _OxigraphTerms()  # shared across articles, as in a worker
    n = 0
    for article in iter_articles([ROOT / "data" / "articles"]):
        ex = extractor.extract(article)
        g = article_graph(ex, issues, sovereigns)
        triples = article_triples(ex, issues, sovereigns, terms=terms)
        assert len(triples) == len(set(triples)) == len(g)
        assert set(triples) == set(to_oxigraph(g))
        assert isomorphic(to_rdflib(triples), g)
        n += 1
    assert n >= 5
