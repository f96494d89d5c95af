"""Start-up of a build: resources read from Oxigraph's parse with no rdflib graph made on the way,
and the same resources as rdflib reads them."""

from __future__ import annotations

import gc

import pyoxigraph as ox
from rdflib import Graph
from rdflib.compare import isomorphic

from stancegraph import worker
from stancegraph.graph import static_triples
from stancegraph.knowledge import load_codebook, load_gazetteer, load_resources, read_turtle


def test_a_build_s_resources_make_no_rdflib_graph():
    """Loading the resources and making the static triples a build writes and validates against
    converts no file to rdflib (that conversion was most of the resources' start-up cost)."""
    res = load_resources()
    static = static_triples(res, "m", detector_id="d")
    holders = [res.codebook.data, res.lexicon.data, res.gazetteer.data, res.territory_data, res.ontology_data]
    assert ["graph" in d.__dict__ for d in holders] == [False] * 5
    assert len(static["gazetteer"]) > len(res.gazetteer.data.triples) > 1000
    # on demand, each is the graph rdflib itself reads from the file
    for d, name in zip(holders, ("codebook", "cues", "gazetteer", "territories", "ontology")):
        path = res.sources[name]
        assert isomorphic(d.graph, Graph().parse(path, format="turtle")), name


GAZ = """@prefix sg: <https://w3id.org/stancegraph/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix org: <http://www.w3.org/ns/org#> .
<urn:p1> a sg:Person ; skos:prefLabel "Jo Quill"@de, "Joanna Quill"@en, "Jo Quill" ;
    skos:altLabel "J. Quill", "Quill" ; sg:isSource true ; sg:affiliation <urn:o1> .
<urn:o1> a sg:Organisation ; skos:prefLabel "Zeta Board"@fr, "Board of Zeta"@fr ; sg:isSource false .
<urn:post> a org:Post ; skos:prefLabel "chair" ; org:postIn <urn:o1> ; sg:title "board chair" .
_:t a sg:Tenure ; org:member <urn:p1> ; sg:post <urn:post> ; org:memberDuring _:i .
_:i <http://www.w3.org/2006/time#hasBeginning> [ <http://www.w3.org/2006/time#inXSDDate> "2020-01-02" ] .
"""


def test_labels_flags_and_dates_read_as_rdflib_reads_them(tmp_path):
    """The label kept is rdflib's first in its order (untagged, then @en, else the first other
    language by value); ``true`` flags; blank-node intervals."""
    p = tmp_path / "actors.ttl"
    p.write_text(GAZ, encoding="utf-8")
    gaz = load_gazetteer(p)
    person, body = gaz.actors["urn:p1"], gaz.actors["urn:o1"]
    assert (person.name, person.aliases, person.is_source, person.affiliation) == \
        ("Jo Quill", ("J. Quill", "Quill"), True, "urn:o1")
    assert (body.name, body.is_source, body.kind) == ("Board of Zeta", False, "organisation")
    assert gaz.posts["urn:post"].titles == ("board chair", "chair")
    assert [(t.person, t.post, t.begin.isoformat(), t.end) for t in gaz.tenures] == \
        [("urn:p1", "urn:post", "2020-01-02", None)]


def test_blank_node_labels_are_the_file_s_own(tmp_path):
    """``_:i`` in two files are two nodes, as when rdflib reads them (the static gazetteer
    graph merges the actor and territory files)."""
    a, b = tmp_path / "a.ttl", tmp_path / "b.ttl"
    a.write_text("_:i <urn:p> 1 .", encoding="utf-8")
    b.write_text("_:i <urn:p> 2 .", encoding="utf-8")
    subjects = {t.subject for f in (a, b) for t in read_turtle(f).triples}
    assert len(subjects) == 2 and all(isinstance(s, ox.BlankNode) for s in subjects)


def test_a_file_oxigraph_refuses_is_read_by_rdflib(tmp_path):
    """Relative IRIs: rdflib resolves them against the file, Oxigraph refuses them; the
    codebook loads either way, its triples as Oxigraph terms for the build."""
    p = tmp_path / "cb.ttl"
    p.write_text("""@prefix sg: <https://w3id.org/stancegraph/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<cb> a sg:Codebook . <toll> skos:inScheme <cb> ; skos:notation "toll" ;
    sg:cue [ sg:cuePhrase "cash grab" ; sg:cueStance sg:Oppose ; sg:standalone true ] .""", encoding="utf-8")
    cb = load_codebook(p)
    assert cb.iri == p.resolve().as_uri().rsplit("/", 1)[0] + "/cb"
    assert [(c.words, c.stance.name, c.standalone) for c in cb.issues["toll"].cues] == \
        [(("cash", "grab"), "OPPOSE", True)]
    assert all(isinstance(t, ox.Triple) for t in cb.data.triples) and len(cb.data.triples) == 7


def test_loading_pause_restores_the_collector_and_freezes_only_when_asked(monkeypatch):
    frozen = gc.get_freeze_count()
    with worker.loading_pause():
        assert not gc.isenabled()
        junk = [[] for _ in range(100)]
    assert gc.isenabled() and gc.get_freeze_count() == frozen  # a library caller's process: nothing frozen
    monkeypatch.setattr(worker, "FREEZE_LOADED", True)
    try:
        with worker.loading_pause():
            junk = [[] for _ in range(100)]
        assert gc.isenabled() and gc.get_freeze_count() >= frozen + 100
    finally:
        gc.unfreeze()
    del junk
