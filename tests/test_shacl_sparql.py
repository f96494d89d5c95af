"""The build's validator (shapes compiled to SPARQL on Oxigraph) gives the same results as pyshacl.

pyshacl with ``inference="none"`` and the ontology as ``ont_graph`` (:func:`validate_graph`) is
the reference; :func:`validate_oxigraph` must report the same (focus, shape, path, severity,
value) results, and the same message wherever the shape gives one, on every example under
``shapes/examples``, on a real build and on real graphs broken in the ways a bug would break them.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from stancegraph.namespaces import NIF, PROV, SDO, SG
from stancegraph.rdf import to_oxigraph
from stancegraph.shacl_sparql import Unsupported, compile_shapes, validate_oxigraph
from stancegraph.validate import ontology_graph, shapes_graph, validate_graph

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "shapes" / "examples").glob("*.ttl"))


def results(report, blanks: frozenset = frozenset()) -> set:
    """The results as tuples; a blank node value (its label differs between engines) as ``_:``."""
    return {(v.focus, v.shape, v.path, v.severity, "_:" if v.value in blanks else v.value)
            for v in report.violations + report.advice}


def messages(report) -> set:
    return {(v.focus, v.shape, v.message) for v in report.violations + report.advice}


def store_of(g: Graph) -> ox.Store:
    st = ox.Store()
    st.bulk_extend(ox.Quad(t.subject, t.predicate, t.object) for t in to_oxigraph(g))
    return st


def assert_same(g: Graph, shapes: Graph | None = None):
    ref = validate_graph(g, shapes) if shapes is not None else validate_graph(g)
    st = store_of(g)
    got = validate_oxigraph(st, shapes, ontology_graph())
    blanks = frozenset({str(n) for t in g for n in t if isinstance(n, BNode)} |
                       {n.value for q in st for n in (q.subject, q.object) if isinstance(n, ox.BlankNode)})
    assert got.conforms == ref.conforms
    a, b = results(ref, blanks), results(got, blanks)
    assert a == b, (sorted(a - b), sorted(b - a))
    # the message of every shape that gives one (pyshacl words its own for the others)
    ref_msgs = {m for m in messages(ref) if not m[2].startswith(("Less than", "More than", "Value "))}
    assert ref_msgs <= messages(got)
    return ref


def test_the_project_shapes_compile_entirely():
    checks = compile_shapes(shapes_graph())
    assert len(checks) > 50
    assert {c.severity for c in checks} == {"Violation"}


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_same_results_as_pyshacl_on_every_example(path):
    g = Graph().parse(path)
    g.parse(ROOT / "data" / "codebook.ttl")
    ref = assert_same(g)
    assert ref.conforms == path.name.endswith("_PASS.ttl")


@pytest.fixture(scope="module")
def real(built) -> Graph:
    _, path = built
    return Graph().parse(path)


def test_same_results_on_a_real_build(real):
    ref = assert_same(real)
    assert ref.conforms and ref.advice  # actors without a Wikidata id: infos on both sides


def _first(g: Graph, cls) -> URIRef:
    return sorted(g.subjects(RDF.type, cls))[0]


def _mutations(g: Graph):
    """(name, change) pairs: each change breaks a copy of a real graph the way a bug would."""
    span, statement = _first(g, SG.TextSpan), _first(g, SG.Statement)
    article = _first(g, SG.Article)
    position = next(iter(sorted(g.subjects(RDF.type, SG.IssuePosition))), None)
    actor = sorted(s for s in g.subjects(SG.actorKind, None) if (s, SG.fromGazetteer, Literal(False)) in g)[0]
    yield "span text", lambda h: h.set((span, NIF.anchorOf, Literal("not the text")))
    yield "begin after end", lambda h: (h.set((span, NIF.beginIndex, Literal(90, datatype=XSD.integer))),
                                        h.set((span, NIF.endIndex, Literal(10, datatype=XSD.integer))))
    yield "offset not an integer", lambda h: h.set((span, NIF.beginIndex, Literal("three")))
    yield "ill-typed integer", lambda h: h.set((span, NIF.beginIndex, Literal("x9", datatype=XSD.integer)))
    yield "two article ids", lambda h: h.add((article, SG.articleId, Literal("other")))
    yield "no article text", lambda h: h.remove((article, NIF.isString, None))
    yield "date not a date", lambda h: h.set((article, SDO.datePublished, Literal("last Tuesday")))
    yield "speaker not an actor", lambda h: h.set((statement, PROV.wasAttributedTo, span))
    yield "no speaker", lambda h: h.remove((statement, PROV.wasAttributedTo, None))
    yield "mode not in list", lambda h: h.set((statement, SG.mode, SG.Support))
    yield "statement without span", lambda h: h.remove((statement, SG.span, None))
    yield "confidence out of range", lambda h: h.set((statement, SG.confidence, Literal("1.5", datatype=XSD.decimal)))
    yield "confidence a string", lambda h: h.set((statement, SG.confidence, Literal("high")))
    yield "actor without label", lambda h: h.remove((actor, SKOS.prefLabel, None))
    yield "actor kind not in list", lambda h: h.set((actor, SG.actorKind, Literal("person", lang="en")))
    yield "sameAs a literal", lambda h: h.add((actor, SDO.sameAs, Literal("Q1")))
    yield "sameAs not wikidata", lambda h: h.add((actor, SDO.sameAs, URIRef("http://example.org/Q1")))
    yield "sameAs a blank node", lambda h: h.add((actor, SDO.sameAs, BNode()))
    yield "affiliation not an actor", lambda h: h.add((actor, SG.affiliation, article))
    aside = URIRef("urn:x:Aside")  # a subclass the data declares: its instances are statements too
    yield "subclass of Statement", lambda h: (h.add((aside, RDFS.subClassOf, SG.Statement)),
                                              h.add((URIRef(str(article) + "/x"), RDF.type, aside)))
    if position is not None:
        yield "issue not in codebook", lambda h: h.set((position, SG.issue, URIRef("urn:x:not-an-issue")))
        yield "stance not in list", lambda h: h.set((position, SG.stance, SG.DirectQuote))
        yield "low confidence", lambda h: h.set((position, SG.confidence, Literal("0.1", datatype=XSD.decimal)))
        yield "two holders", lambda h: h.add((position, SG.holder, actor))


def test_same_results_on_real_graphs_broken_in_many_ways(real):
    names = []
    for name, change in _mutations(real):
        h = Graph()
        for t in real:
            h.add(t)
        change(h)
        ref = assert_same(h)
        names.append(name)
        if name != "low confidence":
            assert not ref.conforms, name
    assert len(names) >= 20


def test_the_one_known_difference_an_end_that_cannot_be_compared(real):
    """SHACL: a begin that cannot be compared with the end is a sh:lessThan result; pyshacl compares
    an ill-typed literal as rdflib does and reports nothing. Both report the ill-typed end itself
    (sh:datatype), so neither calls the graph conforming."""
    span = _first(real, SG.TextSpan)
    h = Graph()
    for t in real:
        h.add(t)
    h.set((span, NIF.endIndex, Literal("x9", datatype=XSD.integer)))
    ref = validate_graph(h)
    got = validate_oxigraph(store_of(h), None, ontology_graph())
    extra = results(got) - results(ref)
    assert not ref.conforms and not got.conforms and results(ref) <= results(got)
    assert {(f, p.rsplit("#", 1)[-1]) for f, _, p, _, _ in extra} == {(str(span), "beginIndex")}


def test_shapes_the_compiler_does_not_translate_are_checked_by_pyshacl():
    shapes = Graph().parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <urn:ex:> .
        ex:S a sh:NodeShape ; sh:targetClass ex:C ;
            sh:or ( [ sh:path ex:p ; sh:minCount 1 ] [ sh:path ex:q ; sh:minCount 1 ] ) .""", format="turtle")
    with pytest.raises(Unsupported):
        compile_shapes(shapes)
    data = Graph().parse(data="<urn:ex:a> a <urn:ex:C> . <urn:ex:b> a <urn:ex:C> ; <urn:ex:q> 1 .",
                         format="turtle")
    got = validate_oxigraph(store_of(data), shapes, ontology_graph(), advice=False)
    assert [v.focus for v in got.violations] == ["urn:ex:a"]
