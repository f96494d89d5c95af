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
    body = text.split("\n\n", 1)[1]
    assert "<https://w3id.org/stancegraph/ontology#" not in body     # every sg term prefixed
    assert "<https://w3id.org/stancegraph/id/actor/" not in body     # act: too
    assert "_:" not in text        # the bundled data's blank nodes are all written inline, unlabelled
    g = Graph().parse(data=text, format="turtle")
    assert len(g) == result.triples
    # each article's section: its subjects grouped (one block each) and sorted
    from stancegraph.turtle import _Writer, project_prefixes

    name = _Writer([], project_prefixes()).iri
    art = "https://w3id.org/stancegraph/id/article/000_51f969d92cf07be1"
    subjects = sorted({str(s) for s in g.subjects() if isinstance(s, URIRef) and str(s).startswith(art)})
    places = [text.find("\n\n" + name(s) + " ") for s in subjects]
    assert len(subjects) > 50 and -1 not in places and places == sorted(places)
    assert all(text.count("\n\n" + name(s) + " ") == 1 for s in subjects)
    # far smaller than N-Triples
    assert len(text.encode()) < 0.7 * len(g.serialize(format="nt", encoding="utf-8"))


def test_same_triples_in_any_order_give_the_same_bytes(built):
    from stancegraph.turtle import project_prefixes, turtle_bytes

    _, path = built
    g = Graph().parse(path)                       # fresh blank-node labels
    triples = list(g)
    random.Random(7).shuffle(triples)
    again = Graph()
    for t in triples[::-1]:
        again.add(t)
    assert turtle_bytes(again, project_prefixes()) == turtle_bytes(g, project_prefixes())


def test_export_turtle_is_readable_and_deterministic(built, tmp_path):
    _, path = built
    for name in ("x.ttl", "y.ttl"):
        r = run("export", path, "--format", "turtle", "-o", tmp_path / name)
        assert r.returncode == 0, r.stderr
    x = (tmp_path / "x.ttl").read_bytes()
    assert x == (tmp_path / "y.ttl").read_bytes()
    assert x.startswith(b"@prefix ") and b"\nact:vladimir-putin a sg:Person ;" in x
    assert isomorphic(Graph().parse(data=x.decode(), format="turtle"), Graph().parse(path))


def test_jsonld_is_compacted_with_the_shipped_context(built, tmp_path):
    import json

    jsonld = __import__("pytest").importorskip("pyld.jsonld", reason="PyLD is a test dependency")
    from stancegraph.export.linked_data import context_file
    from stancegraph.namespaces import prefix_map

    _, path = built
    r = run("export", path, "--format", "jsonld", "-o", tmp_path / "g.jsonld")
    assert r.returncode == 0, r.stderr
    doc = json.loads((tmp_path / "g.jsonld").read_text(encoding="utf-8"))
    shipped = json.loads(context_file().read_text(encoding="utf-8"))["@context"]
    assert doc["@context"] == shipped
    assert {k: v for k, v in shipped.items() if not k.startswith("@")} == \
        {k: v for k, v in prefix_map().items() if k != "id"}          # the one prefix table
    g = Graph().parse(path)
    ids = [n["@id"] for n in doc["@graph"]]
    assert len(ids) == len(set(ids)) <= len(set(g.subjects()))    # one node object per subject
    expanded = {n["@id"] for n in jsonld.expand(doc) if not n["@id"].startswith("_:")}
    assert expanded == {str(s) for s in g.subjects() if isinstance(s, URIRef)}
    assert "act:vladimir-putin" in ids
    # a JSON-LD processor reads back exactly the graph
    nquads = jsonld.to_rdf(doc, {"format": "application/n-quads"})
    assert isomorphic(Graph().parse(data=nquads, format="nt"), g)


def test_build_description_beside_the_graph(built):
    result, path = built
    desc = description_path(path)
    assert desc == path.with_name("graph.void.ttl") and desc.is_file()
    d = Graph().parse(desc)
    [ds] = list(d.subjects(RDF.type, VOID.Dataset))
    assert (ds, RDF.type, URIRef("http://www.w3.org/ns/dcat#Dataset")) in d
    assert int(d.value(ds, VOID.triples)) == result.triples == len(Graph().parse(path))
    parts = {d.value(p, VOID["class"]): int(d.value(p, VOID.entities)) for p in d.objects(ds, VOID.classPartition)}
    assert parts[SG.Article] == 5 and parts[SG.Statement] == result.statements
    created = d.value(ds, DCTERMS.created)
    assert isinstance(created, Literal) and created.datatype == XSD.dateTime
    # the download link resolves to the graph file itself
    assert str(d.value(ds, VOID.dataDump)) == path.as_uri()
    # the time is in the description, not in the graph; the run is named in both
    assert str(created)[:16] not in path.read_text(encoding="utf-8") and "dateTime" not in path.read_text()
    run_node = d.value(ds, PROV_GEN)
    g = Graph().parse(path)
    # counted while writing (article subjects counted, not kept): the same as the graph's own counts
    assert int(d.value(ds, VOID.distinctSubjects)) == len(set(g.subjects()))
    assert int(d.value(ds, VOID.entities)) == len({s for s in g.subjects() if isinstance(s, URIRef)})
    assert parts == {c: len(set(g.subjects(RDF.type, c))) for c in set(g.objects(None, RDF.type))}
    assert (run_node, RDF.type, SG.ExtractionRun) in g
    assert set(g.objects(None, PROV_GEN)) == {run_node}


def test_run_iri_is_a_hash_of_versions_and_data(tmp_path, resources):
    import shutil

    from stancegraph.worker import BuildConfig, input_fingerprint

    base = BuildConfig.from_resources(resources)
    run = run_iri(input_fingerprint(base))
    assert run == run_iri(input_fingerprint(BuildConfig.from_resources(resources)))
    assert str(run).startswith("https://w3id.org/stancegraph/id/run/stancegraph-0.1.0-")
    # another codebook file: another run
    cb = tmp_path / "codebook.ttl"
    shutil.copy(dict(base.sources)["codebook"], cb)
    with open(cb, "a", encoding="utf-8") as fh:
        fh.write("\n# edited\n")
    other = BuildConfig(tuple((k, str(cb) if k == "codebook" else v) for k, v in base.sources), shapes=base.shapes)
    assert run_iri(input_fingerprint(other)) != run
    assert run_iri(input_fingerprint(base), "0.2.0") != run


def test_conforms_only_when_shacl_reports_nothing(built):
    from pyshacl import validate as shacl

    from stancegraph.validate import advice_graph, ontology_graph, shapes_graph, validate_graph

    _, path = built
    g = Graph().parse(path)
    report = validate_graph(g)
    # the hard shapes: the SHACL engine itself says sh:conforms true, with no result at all
    conforms, results, _ = shacl(g, shacl_graph=shapes_graph(), ont_graph=ontology_graph(),
                                 inference="none", advanced=True)
    assert conforms and report.conforms and report.violations == []
    # the advice: the engine says sh:conforms false (Info results); we report them as such
    soft_conforms, soft_results, _ = shacl(g, shacl_graph=advice_graph(), ont_graph=ontology_graph(),
                                           inference="none", advanced=True)
    assert not soft_conforms
    SH = "http://www.w3.org/ns/shacl#"
    n_soft = len(set(soft_results.subjects(RDF.type, URIRef(SH + "ValidationResult"))))
    assert len(report.advice) == n_soft > 0 and {v.severity for v in report.advice} <= {"Info", "Warning"}
    counts = report.counts()
    assert counts["Violation"] == 0 and counts["Info"] + counts["Warning"] == n_soft
    w, i = counts["Warning"], counts["Info"]  # "1 warning", "2 warnings"
    assert report.summary().endswith(f"advice: {w} warning{'s' * (w != 1)}, {i} info{'s' * (i != 1)}")
    # a Warning from the hard shapes is a result: no "conforms", whatever its severity
    warn = Graph().parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix sg: <https://w3id.org/stancegraph/ontology#> .
        <urn:s> a sh:NodeShape ; sh:targetClass sg:Article ; sh:severity sh:Warning ;
            sh:property [ sh:path sg:outlet ; sh:minCount 1 ; sh:severity sh:Warning ] .""", format="turtle")
    strict = validate_graph(g, shapes=warn, advice=False)
    assert not strict.conforms and strict.errors == [] and strict.counts()["Warning"] == 5
    assert strict.summary().startswith("does not conform to the shapes (0 violations, 5 warnings")


def test_validate_command_reports_counts_by_severity(built):
    _, path = built
    r = run("validate", path)
    assert r.returncode == 0, r.stderr
    line = r.stdout.strip().splitlines()[-1]
    assert line.startswith(f"{path}: conforms to the shapes (SHACL: no results); advice: ")
    assert "infos" in line


def test_turtle_writer_on_awkward_graphs():
    """Blank-node cycles, shared and unreferenced blank nodes, escapes, datatypes, unprefixable IRIs."""
    from stancegraph.turtle import turtle_bytes

    data = r'''@prefix ex: <http://example.org/> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
    _:a ex:p _:b . _:b ex:p _:a .
    ex:s ex:q [ ex:r [ ex:t 1 ] ] ; ex:label "say \"hi\"\\ now"@en-gb , "tab\there\u0001" ;
         ex:n "007"^^xsd:integer , "1.50"^^xsd:decimal , "x"^^ex:custom , "true"^^xsd:boolean ;
         ex:long """two
    lines with \"\"\" inside""" .
    _:lone ex:z 2 .
    ex:u ex:v _:shared . ex:w ex:v _:shared . _:shared ex:y 3 .
    <http://example.org/a/b/c> ex:p <http://other.example/x y> .'''
    g = Graph().parse(data=data.replace("<http://other.example/x y>", "<http://other.example/x%20y>"),
                      format="turtle")
    out = turtle_bytes(g, {"ex": "http://example.org/", "xsd": "http://www.w3.org/2001/XMLSchema#"})
    text = out.decode()
    back = Graph().parse(data=text, format="turtle")
    assert isomorphic(back, g)
    assert turtle_bytes(back, {"ex": "http://example.org/", "xsd": "http://www.w3.org/2001/XMLSchema#"}) == out
    assert "<http://example.org/a/b/c>" in text                  # a local name with slashes stays a full IRI
    assert " 1.50 , 7 , true" in text and '"x"^^ex:custom' in text and '"say \\"hi\\"\\\\ now"@en-gb' in text
    assert "[ ex:r [ ex:t 1 ] ]" in text and "[ ex:z 2 ] ." in text
    assert text.count("_:b") == 5      # the cycle (2 mentions + its subject) and the shared node (3): 2 + 3
