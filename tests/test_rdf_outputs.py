"""graph.ttl, `export --format turtle`, the build description and validation, as users and tools see them."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, RDF, XSD

from stancegraph.namespaces import SG
from stancegraph.pipeline import to_turtle
from stancegraph.provenance import VOID, description_path, run_iri

EXE = str(Path(sys.executable).parent / "stancegraph")
PROV_GEN = URIRef("http://www.w3.org/ns/prov#wasGeneratedBy")


def run(*args):
    return subprocess.run([EXE, *map(str, args)], capture_output=True, text=True, env={**os.environ})


def test_graph_ttl_is_grouped_prefixed_turtle(built):
    result, path = built
    text = path.read_text(encoding="utf-8")
    assert text.startswith("@prefix ")
    assert "@prefix sg: <https://w3id.org/stancegraph/ontology#> ." in text
    assert "<https://w3id.org/stancegraph/ontology#" not in text.split("\n\n", 1)[1]   # every sg term prefixed
    assert "_:" not in text        # the bundled data's blank nodes are all written inline, unlabelled
    # one block per subject, subjects in sorted order
    from stancegraph.turtle import _Writer, project_prefixes

    name = _Writer([], project_prefixes()).iri
    subjects = sorted({str(s) for s in result.graph.subjects() if isinstance(s, URIRef)})
    places = [text.find("\n\n" + name(s) + " ") for s in subjects]
    assert len(subjects) > 1000 and -1 not in places and places == sorted(places)
    assert all(text.count("\n\n" + name(s) + " ") == 1 for s in subjects[:50])
    assert isomorphic(Graph().parse(data=text, format="turtle"), result.graph)
    # half the size the N-Triples-style output had
    assert len(text.encode()) < 0.7 * len(result.graph.serialize(format="nt", encoding="utf-8"))


def test_same_triples_in_any_order_give_the_same_bytes(built):
    _, path = built
    g = Graph().parse(path)                       # fresh blank-node labels
    triples = list(g)
    random.Random(7).shuffle(triples)
    again = Graph()
    for t in triples:
        again.add(t)
    assert to_turtle(again) == path.read_bytes()


def test_export_turtle_is_the_same_readable_turtle(built, tmp_path):
    _, path = built
    r = run("export", path, "--format", "turtle", "-o", tmp_path / "x.ttl")
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "x.ttl").read_bytes() == path.read_bytes()


def test_build_description_beside_the_graph(built):
    result, path = built
    desc = description_path(path)
    assert desc == path.with_name("graph.void.ttl") and desc.is_file()
    d = Graph().parse(desc)
    [ds] = list(d.subjects(RDF.type, VOID.Dataset))
    assert (ds, RDF.type, URIRef("http://www.w3.org/ns/dcat#Dataset")) in d
    assert int(d.value(ds, VOID.triples)) == len(result.graph)
    parts = {d.value(p, VOID["class"]): int(d.value(p, VOID.entities)) for p in d.objects(ds, VOID.classPartition)}
    assert parts[SG.Article] == 5 and parts[SG.Statement] == result.statements
    created = d.value(ds, DCTERMS.created)
    assert isinstance(created, Literal) and created.datatype == XSD.dateTime
    # the download link resolves to the graph file itself
    assert str(d.value(ds, VOID.dataDump)) == path.as_uri()
    # the time is in the description, not in the graph; the run is named in both
    assert str(created)[:16] not in path.read_text(encoding="utf-8") and "dateTime" not in path.read_text()
    run_node = d.value(ds, PROV_GEN)
    assert (run_node, RDF.type, SG.ExtractionRun) in result.graph
    assert set(result.graph.objects(None, PROV_GEN)) == {run_node}


def test_run_iri_is_a_hash_of_versions_and_data(tmp_path):
    a, b = tmp_path / "codebook.ttl", tmp_path / "other.ttl"
    a.write_text("# one\n")
    b.write_text("# two\n")
    base = run_iri({"codebook": str(a)}, "en_core_web_sm 3.8.0", "0.1.0")
    assert base == run_iri({"codebook": str(a)}, "en_core_web_sm 3.8.0", "0.1.0")
    assert str(base).startswith("https://w3id.org/stancegraph/id/run/stancegraph-0.1.0-")
    assert base != run_iri({"codebook": str(b)}, "en_core_web_sm 3.8.0", "0.1.0")
    assert base != run_iri({"codebook": str(a)}, "en_core_web_sm 3.8.1", "0.1.0")
    assert base != run_iri({"codebook": str(a)}, "en_core_web_sm 3.8.0", "0.2.0")


def test_conforms_only_when_shacl_reports_nothing(built):
    from pyshacl import validate as shacl

    from stancegraph.validate import advice_graph, ontology_graph, shapes_graph, validate_graph

    result, _ = built
    report = result.report
    # the hard shapes: the SHACL engine itself says sh:conforms true, with no result at all
    conforms, results, _ = shacl(result.graph, shacl_graph=shapes_graph(), ont_graph=ontology_graph(),
                                 inference="none", advanced=True)
    assert conforms and report.conforms and report.violations == []
    # the advice: the engine says sh:conforms false (Info results); we report them as such
    soft_conforms, _, _ = shacl(result.graph, shacl_graph=advice_graph(), ont_graph=ontology_graph(),
                                inference="none", advanced=True)
    assert not soft_conforms
    assert report.advice and {v.severity for v in report.advice} <= {"Info", "Warning"}
    counts = report.counts()
    assert counts["Violation"] == 0 and counts["Info"] + counts["Warning"] == len(report.advice)
    assert report.summary().endswith(f"advice: {counts['Warning']} warnings, {counts['Info']} infos")
    # a Warning from the hard shapes is a result: no "conforms", whatever its severity
    warn = Graph().parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix sg: <https://w3id.org/stancegraph/ontology#> .
        <urn:s> a sh:NodeShape ; sh:targetClass sg:Article ; sh:severity sh:Warning ;
            sh:property [ sh:path sg:outlet ; sh:minCount 1 ; sh:severity sh:Warning ] .""", format="turtle")
    strict = validate_graph(result.graph, shapes=warn, advice=False)
    assert not strict.conforms and strict.errors == [] and strict.counts()["Warning"] == 5


def test_validate_command_reports_counts_by_severity(built):
    _, path = built
    r = run("validate", path)
    assert r.returncode == 0, r.stderr
    line = r.stdout.strip().splitlines()[-1]
    assert line.startswith(f"{path}: conforms to the shapes (SHACL: no results); advice: ")
    assert "infos" in line
