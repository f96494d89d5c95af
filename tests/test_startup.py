"""Start-up of a build: resources read from Oxigraph's parse with no rdflib graph made on the way,
and the same resources as rdflib reads them."""

from __future__ import annotations

import gc
from pathlib import Path

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


def test_the_model_loads_as_a_plain_spacy_load_with_less_work():
    """load_nlp skips what a plain ``spacy.load`` builds only to throw away or never runs: the
    tokenizer is the package's own with the glued-quote infix (the same bytes as a plain load
    plus :func:`glue_quote_marks`), the running pipes are the same, the shipped-disabled
    senter is not loaded."""
    import spacy

    from stancegraph.extract.nlp import glue_quote_marks, load_nlp, model_name

    ours = load_nlp()
    plain = spacy.load(model_name())
    glue_quote_marks(plain)
    assert ours.tokenizer.to_bytes(exclude=["vocab"]) == plain.tokenizer.to_bytes(exclude=["vocab"])
    assert [p for p in ours.pipe_names if p != "paragraph_boundaries"] == plain.pipe_names
    assert "senter" in plain.component_names and "senter" not in ours.component_names
    text = "Ann Example told reporters:“We will not sign,” and left.\nNew line."
    assert [t.text for t in ours.tokenizer(text)] == [t.text for t in plain.tokenizer(text)]
    assert "“" in [t.text for t in ours.tokenizer(text)]


def test_memory_mapped_embeddings_are_wordllama_s_own():
    """The embedder reads float16 rows from the memory-mapped weights instead of wordllama's
    float32 copy of the whole matrix: the vectors are the same bits, in batches of any size."""
    import numpy as np
    import wordllama
    from safetensors import safe_open
    from tokenizers import Tokenizer
    from wordllama.inference import WordLlamaInference

    from stancegraph.extract.stance.embed import WORDLLAMA_TOKENIZER, WORDLLAMA_WEIGHTS, WordLlamaEmbedder

    root = Path(wordllama.__file__).resolve().parent
    with safe_open(str(root / WORDLLAMA_WEIGHTS), framework="np", device="cpu") as f:
        reference = WordLlamaInference(f.get_tensor("embedding.weight"), Tokenizer.from_file(str(root / WORDLLAMA_TOKENIZER)))
    ours = WordLlamaEmbedder()
    assert isinstance(ours.matrix.base, np.memmap) and ours.matrix.dtype == np.float16
    words = "the envoy said talks on the ceasefire had stalled again while ministers met".split()
    texts = [" ".join(words[i % 7:i % 7 + 3 + i % 5]) + f" {i}" for i in range(150)] + ["Ünïcödé “quotes”…", "a"]
    for n in (1, 64, 65, len(texts)):
        want = np.asarray(reference.embed(texts[:n], norm=True), dtype=np.float32)
        assert np.array_equal(ours.embed(texts[:n]), want), n
    assert ours.embed([]).shape == (0, 256)
    # each text is pooled alone: the same bits as wordllama's padded batch and as a batch of one,
    # also for an empty text (0/0 in both), one token, and a text longer than any batch-mate
    import warnings

    edge = texts[:5] + ["", "no", "word " * 300]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = ours.embed(edge)
        batched = np.asarray(reference.embed(edge, norm=True), dtype=np.float32)
        alone = np.vstack([reference.embed([t], norm=True) for t in edge])
    assert np.array_equal(got, batched, equal_nan=True) and np.array_equal(got, alone, equal_nan=True)
    assert np.isnan(got[-3]).all() and not np.isnan(np.delete(got, -3, axis=0)).any()


def test_every_command_turns_the_paused_collector_back_on():
    """The ``stancegraph`` program pauses the garbage collector for its imports and the argument
    parsing; a command runs with it on only if it is wrapped by one_line_errors, so every one is."""
    from stancegraph.cli import app

    callbacks = {c.name or c.callback.__name__: c.callback for c in app.registered_commands}
    assert len(callbacks) >= 14
    assert [name for name, f in callbacks.items() if not getattr(f, "resumes_gc", False)] == []


def test_the_program_s_help_runs_with_the_collector_paused_and_a_command_with_it_on(tmp_path):
    """``python -m stancegraph`` is the program: its --help works, and a command's own code sees
    the collector on (a failing command's one line still comes out)."""
    import subprocess
    import sys

    helped = subprocess.run([sys.executable, "-m", "stancegraph", "--help"], capture_output=True, text=True)
    assert helped.returncode == 0 and "build" in helped.stdout
    code = ("import gc, sys\nfrom stancegraph.__main__ import main\n"
            "sys.argv = ['stancegraph', 'validate', sys.argv[1]]\n"
            "try:\n    main()\nexcept SystemExit as e:\n    print('gc on:', gc.isenabled(), 'exit', e.code)\n")
    r = subprocess.run([sys.executable, "-c", code, str(tmp_path / "missing.ttl")], capture_output=True, text=True)
    assert "gc on: True exit 1" in r.stdout and "missing.ttl" in r.stderr
