"""Issue 9: the streaming build -- several worker processes, unchanged articles skipped before parsing,
each article validated on its own, output formats."""

from __future__ import annotations

import gc
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from stancegraph import worker
from stancegraph.pipeline import build
from stancegraph.store import persistent

ROOT = Path(__file__).resolve().parents[1]


def test_two_jobs_give_the_same_graph_as_one(built, resources, tmp_path):
    one, one_path = built
    assert one.jobs == 1
    two = build([ROOT / "data" / "articles"], tmp_path / "two.ttl", resources=resources, jobs=2)
    assert two.jobs == 2 and two.articles == 5
    assert (two.statements, two.positions, two.claims, two.triples) == \
        (one.statements, one.positions, one.claims, one.triples)
    assert isomorphic(Graph().parse(one_path), Graph().parse(tmp_path / "two.ttl"))


def test_unchanged_articles_are_not_parsed_again(resources, corpus_copy, tmp_path):
    store = tmp_path / "st"
    first = build([corpus_copy], tmp_path / "a.ttl", resources=resources, store_dir=store, jobs=1)
    assert first.store_counts == {"added": 5}
    worker._WORKER.clear()  # no model loaded in this process from here on, unless something is parsed
    again = build([corpus_copy], tmp_path / "b.ttl", resources=resources, store_dir=store, jobs=1)
    assert again.unchanged == 5 and again.store_counts == {"unchanged": 5}
    assert worker._WORKER == {}, "an unchanged corpus loaded the model"
    assert again.triples == first.triples
    assert isomorphic(Graph().parse(tmp_path / "a.ttl"), Graph().parse(tmp_path / "b.ttl"))
    # one edited article: only that one is parsed and replaced
    one = sorted(corpus_copy.glob("*.txt"))[0]
    one.write_text(one.read_text(encoding="utf-8") + "\nThe minister said nothing more.\n", encoding="utf-8")
    third = build([corpus_copy], None, resources=resources, store_dir=store, jobs=1)
    assert third.store_counts == {"unchanged": 4, "replaced": 1}
    st = persistent.open_store(store)
    assert len(persistent.article_ids(st)) == 5
    del st
    gc.collect()


def test_nquads_output_has_one_named_graph_per_article(resources, tmp_path):
    out = tmp_path / "g.nq"
    r = build([ROOT / "data" / "articles"], out, resources=resources, jobs=1)
    ds = Dataset()
    ds.parse(out, format="nquads")
    names = {str(g.identifier) for g in ds.graphs() if len(g)}
    articles = {n for n in names if n.startswith(persistent.ARTICLE_GRAPH_PREFIX)}
    assert len(articles) == r.articles == 5
    assert {persistent.static_graph_iri(n) for n in persistent.STATIC_GRAPHS} <= names


def test_an_article_whose_graph_does_not_conform_is_skipped_not_fatal(resources, corpus_copy, tmp_path,
                                                                      monkeypatch):
    from stancegraph import graph as graph_stage

    real = graph_stage.article_triples
    victim = sorted(p.stem for p in corpus_copy.glob("*.txt"))[1]

    def broken(ex, issues, sovereigns, *args):
        triples = real(ex, issues, sovereigns, *args)
        if ex.article.id == victim:  # a span whose text is not the article's text at its offsets
            from stancegraph.namespaces import NIF

            n = next(i for i, t in enumerate(triples) if t.predicate.value == str(NIF.anchorOf))
            triples[n] = ox.Triple(triples[n].subject, triples[n].predicate, ox.Literal("not the text"))
        return triples

    monkeypatch.setattr(graph_stage, "article_triples", broken)
    r = build([corpus_copy], tmp_path / "g.ttl", resources=resources, jobs=1)
    assert r.articles == 4
    assert [s.source.rsplit("/", 1)[-1] for s in r.skipped] == [f"{victim}.txt"]
    assert "does not conform" in r.skipped[0].reason and "TextSpanShape" in r.skipped[0].reason
    st = ox.Store()
    st.load(path=str(tmp_path / "g.ttl"), format=ox.RdfFormat.TURTLE)
    ids = {s["id"].value for s in st.query(
        "SELECT ?id WHERE { ?a <https://w3id.org/stancegraph/ontology#articleId> ?id }")}
    assert victim not in ids and len(ids) == 4
