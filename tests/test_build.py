"""The main job on the bundled corpus: a valid, stable, traceable graph."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF

from stancegraph.errors import StanceGraphError
from stancegraph.namespaces import NIF, PROV, SG
from stancegraph.pipeline import build
from stancegraph.validate import validate_graph


def test_bundled_corpus_builds_a_conforming_graph(built):
    result, path = built
    assert path.is_file()
    assert result.articles == 5 and not result.skipped
    assert result.statements >= 30 and result.positions >= 10 and result.claims >= 3
    assert result.report.conforms
    g = Graph().parse(path)
    assert len(g) == result.triples
    assert validate_graph(g).conforms


def test_every_statement_position_and_claim_is_tied_to_article_and_span(built):
    result, path = built
    g = Graph().parse(path)
    for cls in (SG.Statement, SG.IssuePosition, SG.TerritorialClaim):
        nodes = list(g.subjects(RDF.type, cls))
        assert nodes, cls
        for n in nodes:
            art = g.value(n, PROV.wasDerivedFrom)
            assert (art, RDF.type, SG.Article) in g
            text = str(g.value(art, NIF.isString))
            spans = list(g.objects(n, SG.span))
            assert spans
            for s in spans:
                b, e = int(g.value(s, NIF.beginIndex)), int(g.value(s, NIF.endIndex))
                assert text[b:e] == str(g.value(s, NIF.anchorOf))


def test_same_input_gives_isomorphic_graph(built, resources, tmp_path):
    result, path = built
    root = Path(__file__).resolve().parents[1]
    again = build([root / "data" / "articles"], tmp_path / "again.ttl", resources=resources)
    assert isomorphic(Graph().parse(path), Graph().parse(tmp_path / "again.ttl"))
    # byte-identical: a rebuild can be diffed and reviewed in git (the build time is in graph.void.ttl)
    assert (tmp_path / "again.ttl").read_bytes() == path.read_bytes()
    assert (tmp_path / "again.void.ttl").read_bytes() != b""


def test_graph_whose_statements_lose_their_properties_does_not_conform(built):
    result, path = built
    g = Graph().parse(path)
    for st in list(g.subjects(RDF.type, SG.Statement)):
        g.remove((st, PROV.wasAttributedTo, None))
        g.remove((st, SG.span, None))
    report = validate_graph(g)
    assert not report.conforms
    assert any("exactly one speaker" in v.message for v in report.errors)
    assert any("at least one text span" in v.message for v in report.errors)


def test_one_bad_article_is_skipped_not_fatal(corpus_copy, resources, tmp_path):
    (corpus_copy / "broken.txt").write_bytes(b"\xff\xfe\x00bad")
    (corpus_copy / "empty.txt").write_text("", encoding="utf-8")
    result = build([corpus_copy], tmp_path / "g.ttl", resources=resources)
    assert result.articles == 5
    assert sorted(s.source.rsplit("/", 1)[-1] for s in result.skipped) == ["broken.txt", "empty.txt"]


def test_nothing_written_when_no_article_is_readable(tmp_path, resources):
    (tmp_path / "e.txt").write_text(" ", encoding="utf-8")
    out = tmp_path / "g.ttl"
    out.write_text("previous", encoding="utf-8")
    with pytest.raises(StanceGraphError, match="no readable articles"):
        build([tmp_path / "e.txt"], out, resources=resources)
    assert out.read_text(encoding="utf-8") == "previous"
