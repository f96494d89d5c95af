"""The ontology documents every term, and the project uses one schema.org IRI form."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph
from rdflib.namespace import OWL, RDF, RDFS

from stancegraph.namespaces import SG, SG_IRI

ROOT = Path(__file__).resolve().parents[1]


def test_every_class_and_property_has_a_label_and_a_comment():
    g = Graph().parse(ROOT / "ontology" / "stancegraph.ttl")
    terms = set()
    for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty):
        terms |= {t for t in g.subjects(RDF.type, kind) if str(t).startswith(SG_IRI)}
    assert len(terms) >= 50
    missing = [t for t in terms if g.value(t, RDFS.label) is None or g.value(t, RDFS.comment) is None]
    assert not missing, missing


def test_python_namespace_matches_the_ontology():
    g = Graph().parse(ROOT / "ontology" / "stancegraph.ttl")
    defined = {str(t)[len(SG_IRI):] for t in g.subjects() if str(t).startswith(SG_IRI)}
    declared = set(SG.__annotations__)
    assert declared <= defined, declared - defined


def test_one_schema_org_form_everywhere():
    for folder in ("ontology", "shapes", "data", "src", "queries"):
        for path in (ROOT / folder).rglob("*"):
            if path.is_file() and path.suffix in (".ttl", ".py", ".rq"):
                text = path.read_text(encoding="utf-8")
                assert "http://schema.org" not in text, path


def test_ontology_metadata_for_catalogues_and_tools():
    from rdflib import URIRef
    from rdflib.namespace import DCTERMS, Namespace

    from stancegraph import __version__

    VANN = Namespace("http://purl.org/vocab/vann/")
    g = Graph().parse(ROOT / "ontology" / "stancegraph.ttl")
    ont = URIRef("https://w3id.org/stancegraph/ontology")
    assert (ont, RDF.type, OWL.Ontology) in g
    assert str(g.value(ont, OWL.versionIRI)) == f"https://w3id.org/stancegraph/ontology/{__version__}"
    assert str(g.value(ont, OWL.versionInfo)) == __version__
    for p in (DCTERMS.title, DCTERMS.creator, DCTERMS.created, DCTERMS.license, DCTERMS.description):
        assert g.value(ont, p) is not None, p
    assert str(g.value(ont, VANN.preferredNamespacePrefix)) == "sg"
    assert str(g.value(ont, VANN.preferredNamespaceUri)) == SG_IRI
