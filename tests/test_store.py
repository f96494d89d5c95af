"""The persistent store, the SPARQL endpoint and pushing to remote stores (issue 5).

Servers run on 127.0.0.1 only, on ports the tests pick, and are always stopped in `finally`;
every wait is bounded in time.
"""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import date
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic

XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # plain Namespace: no warnings on unknown names

from stancegraph.errors import StanceGraphError
from stancegraph.store import load_file, select
from stancegraph.store.library import render_query, run_named_query
from stancegraph.store.persistent import (
    ARTICLE_GRAPH_PREFIX, META_GRAPH, article_graph_iri, article_ids, content_hash,
    open_store, put_article, put_static, remove_article,
    replacement_update, session, static_graph_iri, stored_hash,
)
from stancegraph.export.rdf import export_dataset
from stancegraph.rdf import to_ntriples as rdflib_to_ntriples, to_oxigraph as rdflib_to_oxigraph
from stancegraph.store.remote import push
from stancegraph.store.server import find_oxigraph

_spec = importlib.util.spec_from_file_location("sg_fixture_split", Path(__file__).parent / "store" / "fixture_split.py")
fs = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fs)  # type: ignore[union-attr]

ONTOLOGY = fs.ONTOLOGY
ARTICLES_FIRST = ["a1", "a2", "a3", "a4"]
SG = "https://w3id.org/stancegraph/ontology#"

# The real command line, run in a child process.
APP = "from stancegraph.cli import main; main()"


# ----------------------------------------------------------------- helpers ---

def graph_bytes(store: ox.Store, iri: str) -> bytes:
    """The quads of one named graph as sorted N-Quads bytes (what "byte-identical" compares)."""
    lines = sorted(str(q) for q in store.quads_for_pattern(None, None, None, ox.NamedNode(iri)))
    return "\n".join(lines).encode("utf-8")


def as_rdflib(store: ox.Store, iri: str) -> Graph:
    data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(iri))
    return Graph().parse(data=data.decode("utf-8"), format="nt")


def build_store(path: Path, articles=ARTICLES_FIRST) -> ox.Store:
    return fill_store(open_store(path), articles)


def fill_store(st, articles=ARTICLES_FIRST):
    static, graphs = fs.split_fixture()
    assert put_static(st, "ontology", ONTOLOGY) is True
    assert put_static(st, "codebook", static["codebook"]) is True
    assert put_static(st, "gazetteer", static["gazetteer"]) is True
    for aid in articles:
        assert put_article(st, aid, graphs[aid]) == "added"
    return st


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(base: str, timeout: float = 20.0, proc: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise AssertionError(f"server exited early with {proc.returncode}")
        try:
            with urllib.request.urlopen(base + "/query?query=ASK%7B%7D", timeout=1) as r:
                r.read()
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.1)
    raise AssertionError(f"no answer from {base} within {timeout} s")


def wait_log(log: Path, text: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if log.exists() and text in log.read_text(encoding="utf-8", errors="replace"):
            return
        time.sleep(0.05)
    raise AssertionError(f"{text!r} not in {log} within {timeout} s")


def sparql_get(base: str, query: str) -> list[dict[str, str]]:
    url = base + "/query?" + urllib.parse.urlencode({"query": query})
    req = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=10) as r:
        data = json.load(r)
    return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]


def graph_counts_http(base: str) -> dict[str, int]:
    rows = sparql_get(base, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    return {r["g"]: int(r["n"]) for r in rows}


def graph_counts(store: ox.Store) -> dict[str, int]:
    counts: dict[str, int] = {}
    for q in store.quads_for_pattern(None, None, None, None):
        if isinstance(q.graph_name, ox.NamedNode):
            counts[q.graph_name.value] = counts.get(q.graph_name.value, 0) + 1
    return counts


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


# ------------------------------------------------------------- open_store ---

def test_open_store_refuses_bad_places(tmp_path):
    a_file = tmp_path / "f.ttl"
    a_file.write_text("x")
    with pytest.raises(StanceGraphError, match="it is a file"):
        open_store(a_file)
    with pytest.raises(StanceGraphError, match="no such store directory"):
        open_store(tmp_path / "missing", create=False)
    assert not (tmp_path / "missing").exists()
    src = tmp_path / "src"
    src.mkdir()
    (src / "notes.txt").write_text("mine")
    with pytest.raises(StanceGraphError, match="not an Oxigraph store") as err:
        open_store(src)
    assert "\n" not in str(err.value)
    assert sorted(p.name for p in src.iterdir()) == ["notes.txt"]  # nothing scattered into it


def test_open_store_locked_by_other_process(tmp_path):
    path = tmp_path / "st"
    with session(path):  # create it, then let it go
        pass
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time, pyoxigraph as ox; s = ox.Store(sys.argv[1]); print('ready', flush=True); time.sleep(60)",
         str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StanceGraphError, match="store is locked") as err:
            open_store(path)
        assert str(path) in str(err.value) and "\n" not in str(err.value)
    finally:
        holder.kill()
        holder.wait(timeout=10)


def test_open_store_twice_in_one_process_is_locked(tmp_path):
    st = open_store(tmp_path / "st")
    with pytest.raises(StanceGraphError, match="locked"):
        open_store(tmp_path / "st")
    del st


def test_session_releases_the_lock_when_the_block_ends(tmp_path):
    path = tmp_path / "st"
    with session(path) as st:
        assert put_article(st, "a", '<urn:a> <urn:p> "x" .') == "added"
        with pytest.raises(StanceGraphError, match="locked"):
            open_store(path)
    # the name `st` is still bound, yet the store is closed: another handle opens it, and `st` refuses
    again = open_store(path, create=False)
    assert article_ids(again) == ["a"]
    del again
    with pytest.raises(StanceGraphError, match="the store session is closed"):
        article_ids(st)
    # an error inside the block closes the store too
    with pytest.raises(RuntimeError):
        with session(path):
            raise RuntimeError("boom")
    with session(path, create=False) as st3:
        assert article_ids(st3) == ["a"]


# ---------------------------------------------------- incremental builds ---

def test_incremental_add_replace_unchanged_remove(tmp_path):
    st = build_store(tmp_path / "st")
    static, graphs = fs.split_fixture()
    assert article_ids(st) == ARTICLES_FIRST
    others = [article_graph_iri(a) for a in ARTICLES_FIRST] + [static_graph_iri(n) for n in
                                                                ("ontology", "codebook", "gazetteer")]
    before = {g: graph_bytes(st, g) for g in others}
    assert all(before.values())

    # add a further article: the others are untouched, byte for byte
    assert put_article(st, "a5", graphs["a5"]) == "added"
    assert article_ids(st) == ARTICLES_FIRST + ["a5"]
    assert {g: graph_bytes(st, g) for g in others} == before
    a5 = article_graph_iri("a5")
    assert isomorphic(as_rdflib(st, a5), graphs["a5"])
    assert stored_hash(st, a5) == content_hash(rdflib_to_oxigraph(graphs["a5"]))

    # the same graph again (a new rdflib object, triples in another order): unchanged, nothing rewritten
    again = Graph()
    for t in sorted(graphs["a5"], reverse=True):
        again.add(t)
    a5_bytes = graph_bytes(st, a5)
    assert put_article(st, "a5", again) == "unchanged"
    assert graph_bytes(st, a5) == a5_bytes
    # N-Triples text of the same graph: unchanged too
    assert put_article(st, "a5", rdflib_to_ntriples(graphs["a5"])) == "unchanged"

    # a changed article: replaced, old triples gone, new ones present, others untouched
    changed = Graph()
    for t in graphs["a5"]:
        changed.add(t)
    pos = URIRef("https://w3id.org/stancegraph/id/article/a5/position/dmitry-peskov/talks-progress/oppose")
    old_ev = Literal("still no progress in the negotiations")
    new_ev = Literal("no progress at all")
    assert (pos, URIRef(SG + "evidenceText"), old_ev) in changed
    changed.remove((pos, URIRef(SG + "evidenceText"), old_ev))
    changed.add((pos, URIRef(SG + "evidenceText"), new_ev))
    changed.add((pos, URIRef(SG + "confidence"), Literal("0.5", datatype=XSD.decimal)))
    old_hash = stored_hash(st, a5)
    assert put_article(st, "a5", changed) == "replaced"
    stored = as_rdflib(st, a5)
    assert (pos, URIRef(SG + "evidenceText"), old_ev) not in stored
    assert (pos, URIRef(SG + "evidenceText"), new_ev) in stored
    assert isomorphic(stored, changed)
    assert stored_hash(st, a5) not in (None, old_hash)
    assert {g: graph_bytes(st, g) for g in others} == before

    # static graphs: same content -> False, a change -> True
    assert put_static(st, "codebook", static["codebook"]) is False
    assert put_static(st, "ontology", ONTOLOGY.read_text(encoding="utf-8")) is False
    cb = Graph()
    for t in static["codebook"]:
        cb.add(t)
    cb.add((URIRef("https://w3id.org/stancegraph/codebook/new-issue"),
            URIRef("http://www.w3.org/2004/02/skos/core#notation"), Literal("new-issue")))
    assert put_static(st, "codebook", cb) is True
    with pytest.raises(StanceGraphError, match="unknown static graph"):
        put_static(st, "actors", cb)

    # remove: graph and its meta entry go, the rest stays; unknown -> False
    assert remove_article(st, "a3") is True
    assert article_ids(st) == ["a1", "a2", "a4", "a5"]
    assert not st.contains_named_graph(ox.NamedNode(article_graph_iri("a3")))
    assert stored_hash(st, article_graph_iri("a3")) is None
    assert graph_bytes(st, article_graph_iri("a1")) == before[article_graph_iri("a1")]
    assert remove_article(st, "a3") is False
    rows = run_named_query(st, "positions-over-time", {"issue": "talks-progress"})
    assert "a3" not in {r["articleId"] for r in rows} and rows
    # the store survives a reopen with its hashes: an unchanged article is still skipped
    del st
    st2 = open_store(tmp_path / "st", create=False)
    assert put_article(st2, "a1", graphs["a1"]) == "unchanged"
    assert article_ids(st2) == ["a1", "a2", "a4", "a5"]


def test_graph_edited_behind_our_back_is_not_skipped(tmp_path):
    st = build_store(tmp_path / "st", ["a1"])
    _, graphs = fs.split_fixture()
    g = article_graph_iri("a1")
    st.update(f"DELETE WHERE {{ GRAPH <{g}> {{ ?s <{SG}evidenceText> ?o }} }}")  # e.g. via a writable server
    assert put_article(st, "a1", graphs["a1"]) == "replaced"
    assert isomorphic(as_rdflib(st, g), graphs["a1"])


def test_article_ids_with_odd_characters_round_trip(tmp_path):
    st = open_store(tmp_path / "st")
    for aid in ("plain_id-1.2", "with space", "slash/inside", "100%", "Ünïcödé"):
        assert put_article(st, aid, "<urn:a> <urn:p> 1 .") == "added"
        assert article_graph_iri(aid).startswith(ARTICLE_GRAPH_PREFIX)
        ox.NamedNode(article_graph_iri(aid))  # a valid IRI
    assert article_ids(st) == sorted(["plain_id-1.2", "with space", "slash/inside", "100%", "Ünïcödé"])
    for bad in ("", "  ", "tab\there"):
        with pytest.raises(StanceGraphError, match="invalid article id"):
            put_article(st, bad, "<urn:a> <urn:p> 1 .")


def test_bad_input_is_a_one_line_error(tmp_path):
    st = open_store(tmp_path / "st")
    with pytest.raises(StanceGraphError, match="not valid Turtle/N-Triples") as err:
        put_article(st, "x", "<urn:a> <urn:p> .")
    assert "\n" not in str(err.value)
    g = Graph()
    g.add((Literal("subject literal"), URIRef("urn:p"), Literal("o")))
    with pytest.raises(StanceGraphError, match="not an RDF triple"):
        put_article(st, "x", g)
    assert article_ids(st) == []


# --------------------------------------------------- atomic replacement ---

def test_replacement_is_one_transaction(tmp_path):
    """The mechanism put_article uses (one SPARQL Update) is all-or-nothing: make the last
    operation of the very same update fail at run time, and nothing of it is applied."""
    st = build_store(tmp_path / "st", ["a1", "a2"])
    _, graphs = fs.split_fixture()
    g = article_graph_iri("a1")
    old = graph_bytes(st, g)
    old_hash = stored_hash(st, g)
    new = [ox.Triple(ox.NamedNode("urn:x"), ox.NamedNode("urn:p"), ox.Literal("new"))]
    update = replacement_update(g, new, {"contentHash": "sha256:bogus", "tripleCount": 1})
    # CREATE GRAPH of a graph that exists fails at run time, after DROP, DELETE and INSERT ran
    with pytest.raises(Exception, match="already exists"):
        st.update(update + f" ;\nCREATE GRAPH <{article_graph_iri('a2')}>")
    assert graph_bytes(st, g) == old
    assert stored_hash(st, g) == old_hash
    # and the same update without the failing tail does replace
    st.update(update)
    assert graph_bytes(st, g) == b'<urn:x> <urn:p> "new" <' + g.encode() + b">"
    assert put_article(st, "a1", graphs["a1"]) == "replaced"


def test_readers_never_see_a_half_replaced_graph(tmp_path):
    st = open_store(tmp_path / "st")
    version_a = "\n".join(f'<urn:s{i}> <urn:p> "A" .' for i in range(300))
    version_b = "\n".join(f'<urn:s{i}> <urn:q> "B" .' for i in range(200))
    put_article(st, "flip", version_a)
    g = article_graph_iri("flip")
    seen: list[tuple] = []
    done = threading.Event()

    def reader():
        while not done.is_set():
            rows = select(st, f"SELECT ?o (COUNT(*) AS ?n) WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }} GROUP BY ?o")
            seen.append(tuple(sorted((r["o"], r["n"]) for r in rows)))

    t = threading.Thread(target=reader)
    t.start()
    try:
        for i in range(30):
            assert put_article(st, "flip", version_b if i % 2 == 0 else version_a) == "replaced"
    finally:
        done.set()
        t.join(timeout=20)
    assert seen
    assert set(seen) <= {(("A", 300),), (("B", 200),)}


# ------------------------------------------------------------- conversion ---

def rdf11(g: Graph) -> Graph:
    """``g`` as RDF 1.1 (and Oxigraph) sees it: "x"^^xsd:string is the simple literal "x", and
    language tags, case-insensitive, are written in lower case."""
    out = Graph()
    for s, p, o in g:
        if isinstance(o, Literal) and o.datatype == XSD.string:
            o = Literal(str(o))
        elif isinstance(o, Literal) and o.language:
            o = Literal(str(o), lang=o.language.lower())
        out.add((s, p, o))
    return out


def test_rdflib_conversion_keeps_every_kind_of_literal(tmp_path):
    ex = "http://example.org/"
    s = URIRef(ex + "s")
    tricky = ('He said: "Crimea is \\"ours\\"."\nSecond line\r\n\ttabbed — «Крим» 中文 😀 '
              + "x" * 5000 + ' end "quoted" \\ backslash')
    literals = [
        Literal("Dmitry Peskov", lang="en"), Literal("Kremlin spokesman", lang="en-GB"),
        Literal("Дмитрий Песков", lang="ru"), Literal(date(2022, 4, 7)),
        Literal("2022-04-07", datatype=XSD.date), Literal(42), Literal(-7), Literal("0042", datatype=XSD.integer),
        Literal("0.85", datatype=XSD.decimal), Literal(1.5e-3), Literal(True), Literal(tricky),
        Literal("plain"), Literal("typed", datatype=XSD.string), Literal("", lang="en"), Literal(""),
        Literal("control \x01 \x1f \x7f chars"), Literal("x", datatype=URIRef(ex + "customType")),
        Literal("<b>bold</b>", datatype=URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#HTML")),
    ]
    g = Graph()
    for i, lit in enumerate(literals):
        g.add((s, URIRef(f"{ex}p{i}"), lit))
    b = BNode()
    g.add((s, URIRef(ex + "interval"), b))
    g.add((b, URIRef(ex + "begin"), Literal(date(2012, 5, 22))))
    g.add((URIRef(ex + "Ünïcödé/ïri"), URIRef(ex + "p"), s))

    triples = rdflib_to_oxigraph(g)
    assert len(triples) == len(g)
    # rdflib (RDF 1.0 habit) tells "typed"^^xsd:string from "typed"; RDF 1.1 and Oxigraph do not
    assert rdf11(g) != g and len(rdf11(g)) == len(g)
    # through N-Triples text and back into rdflib: the same graph
    assert isomorphic(Graph().parse(data=rdflib_to_ntriples(g), format="nt"), rdf11(g))
    # through the store (the SPARQL Update text) and back: the same graph
    st = open_store(tmp_path / "st")
    assert put_article(st, "lits", g) == "added"
    back = as_rdflib(st, article_graph_iri("lits"))
    assert isomorphic(back, rdf11(g))
    assert (s, URIRef(ex + "p13"), Literal("typed")) in back
    assert (s, URIRef(ex + "p1"), Literal("Kremlin spokesman", lang="en-gb")) in back
    assert (s, URIRef(ex + "p11"), Literal(tricky)) in back
    assert (s, URIRef(ex + "p3"), Literal("2022-04-07", datatype=XSD.date)) in back
    assert put_article(st, "lits", g) == "unchanged"
    # blank nodes relabelled: same hash; one literal changed: another hash
    relabelled = Graph()
    other = BNode()
    for t in g:
        relabelled.add(tuple(other if x == b else x for x in t))
    assert content_hash(rdflib_to_oxigraph(relabelled)) == content_hash(triples)
    changed = Graph()
    for t in g:
        changed.add(t)
    changed.set((s, URIRef(ex + "p5"), Literal(43)))
    assert content_hash(rdflib_to_oxigraph(changed)) != content_hash(triples)


def test_oxigraph_stores_values_not_lexical_forms(tmp_path):
    """Pinned Oxigraph 0.5 behaviour the graph builders must know (any way into the store, not
    only put_article): numbers are kept as values, so a non-canonical lexical form comes back
    canonical and the integer subtypes (xsd:int, xsd:nonNegativeInteger, ...) come back as
    xsd:integer. The content hash is taken from the input, so re-putting such a graph is still
    "unchanged"."""
    st = open_store(tmp_path / "st")
    nt = ('<urn:a> <urn:d> "0.80"^^<http://www.w3.org/2001/XMLSchema#decimal> .\n'
          '<urn:a> <urn:i> "7"^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger> .\n')
    assert put_article(st, "x", nt) == "added"
    back = {q.predicate.value: str(q.object) for q in
            st.quads_for_pattern(None, None, None, ox.NamedNode(article_graph_iri("x")))}
    assert back == {"urn:d": '"0.8"^^<http://www.w3.org/2001/XMLSchema#decimal>',
                    "urn:i": '"7"^^<http://www.w3.org/2001/XMLSchema#integer>'}
    assert put_article(st, "x", nt) == "unchanged"


# ----------------------------------------------------------------- export ---

@pytest.mark.parametrize("fmt,suffix", [("trig", ".trig"), ("nquads", ".nq")])
def test_export_keeps_named_graphs(tmp_path, fmt, suffix):
    st = build_store(tmp_path / "st", ["a1", "a2", "a3", "a4", "a5"])
    out = tmp_path / f"dump{suffix}"
    n = export_dataset(st, out, fmt)
    assert n == sum(c for g, c in graph_counts(st).items() if g != META_GRAPH)
    ds = rdflib.Dataset()
    ds.parse(out, format="trig" if fmt == "trig" else "nquads")
    names = {str(c.identifier) for c in ds.graphs() if len(c)}
    expected = set(graph_counts(st)) - {META_GRAPH}
    assert names == expected
    for name in expected:
        assert isomorphic(ds.graph(URIRef(name)), as_rdflib(st, name)), name
    # by suffix, with the meta graph on request; and a clear error for an unknown format
    n_meta = export_dataset(st, tmp_path / f"all{suffix}", include_meta=True)
    assert n_meta > n
    with pytest.raises(StanceGraphError, match="unknown dataset format"):
        export_dataset(st, tmp_path / "x.ttl", "turtle")
    assert not (tmp_path / "x.ttl").exists()
    # loading the export into a fresh store gives the same dataset back
    st2 = load_file(out)
    assert {g: c for g, c in graph_counts(st2).items()} == {g: c for g, c in graph_counts(st).items()
                                                             if g != META_GRAPH}


# ------------------------------------------------------------------ serve ---

def start_serve(args: list[str], env: dict | None = None, log: Path | None = None) -> subprocess.Popen:
    out = open(log, "wb") if log else subprocess.DEVNULL
    try:
        return subprocess.Popen([sys.executable, "-c", APP, "serve", *args], stdout=out,
                                stderr=subprocess.STDOUT if log else subprocess.DEVNULL,
                                env={**os.environ, **(env or {})})
    finally:
        if log:
            out.close()


def test_serve_store_read_only_then_sigint(tmp_path):
    store_dir = tmp_path / "st"
    with session(store_dir) as st:
        fill_store(st, ["a1", "a2", "a3", "a4", "a5"])
        expected_most_quoted = run_named_query(st, "most-quoted", {})
        expected_counts = graph_counts(st)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = tmp_path / "serve.log"
    proc = start_serve(["--store", str(store_dir), "--bind", f"127.0.0.1:{port}"], log=log)
    try:
        wait_http(base, 20, proc)
        # the named query, rendered for the endpoint, gives the same rows over HTTP
        rows = sparql_get(base, render_query("most-quoted", {}))
        assert rows == [{k: str(v) for k, v in r.items()} for r in expected_most_quoted]
        rows = sparql_get(base, render_query("positions-over-time", {"issue": "neutral-status"}))
        assert [(r["actorLabel"], r["stance"], r.get("date")) for r in rows] == [
            ("Volodymyr Zelensky", "support", "2022-03-01"), ("Volodymyr Zelensky", "oppose", "2022-04-07"),
            ("Mykhailo Podolyak", "support", None)]
        assert graph_counts_http(base) == expected_counts
        # the web query page
        with urllib.request.urlopen(base + "/", timeout=10) as r:
            assert r.status == 200 and "html" in r.headers.get("Content-Type", "")
        # writes are refused
        for req in (
            urllib.request.Request(base + "/update", method="POST", data=b"DROP ALL",
                                   headers={"Content-Type": "application/sparql-update"}),
            urllib.request.Request(base + "/store?default", method="PUT", data=b"<urn:a> <urn:b> <urn:c> .",
                                   headers={"Content-Type": "text/turtle"}),
        ):
            with pytest.raises(urllib.error.HTTPError) as err:
                urllib.request.urlopen(req, timeout=10)
            assert err.value.code == 403
        # push into a read-only endpoint: one-line error with status and URL
        with pytest.raises(StanceGraphError, match=r"HTTP 403 .*PUT http://127\.0\.0\.1:\d+/store\?") as err:
            push(fs.FIXTURE, None, base + "/store", progress=False)
        assert "\n" not in str(err.value)
        assert graph_counts_http(base) == expected_counts
        # Ctrl-C: clean stop, exit status 0, the port is free again
        wait_log(log, "Ctrl-C stops it")
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=20) == 0
    finally:
        stop(proc)
    text = log.read_text(encoding="utf-8")
    assert "Traceback" not in text and f"{base}/query" in text and "read-only" in text
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(base + "/query?query=ASK%7B%7D", timeout=2)


def test_serve_graph_file_cleans_its_temporary_store(tmp_path):
    tmpdir = tmp_path / "tmp"
    tmpdir.mkdir()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = tmp_path / "serve.log"
    proc = start_serve([str(fs.FIXTURE), "--bind", f"127.0.0.1:{port}"], env={"TMPDIR": str(tmpdir)}, log=log)
    try:
        wait_http(base, 20, proc)
        wait_log(log, "Ctrl-C stops it")
        assert any(tmpdir.iterdir())  # the temporary store
        rows = sparql_get(base, render_query("territory-claims", {"territory": "Crimea"}))
        assert [(r["claimantLabel"], r["sovereignKey"]) for r in rows] == [
            ("Dmitry Peskov", "russia"), ("Sergei Lavrov", "russia"), ("Volodymyr Zelensky", "ukraine")]
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=20) == 0
    finally:
        stop(proc)
    assert list(tmpdir.iterdir()) == []


def test_serve_writable_store(tmp_path):
    store_dir = tmp_path / "st"
    with session(store_dir) as st:
        fill_store(st, ["a1"])
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    # a store another process writes to cannot be served writable: one line, exit status 1
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time, pyoxigraph as ox; s = ox.Store(sys.argv[1]); print('ready', flush=True); time.sleep(60)",
         str(store_dir)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        res = subprocess.run([sys.executable, "-c", APP, "serve", "--store", str(store_dir), "--writable",
                              "--bind", f"127.0.0.1:{port}"], capture_output=True, text=True, timeout=60)
    finally:
        holder.kill()
        holder.wait(timeout=10)
    assert res.returncode == 1
    assert res.stderr.strip().splitlines() == [res.stderr.strip()] and "store is locked" in res.stderr
    # writable: a Graph Store write is accepted and is in the store after Ctrl-C
    log = tmp_path / "serve.log"
    proc = start_serve(["--store", str(store_dir), "--writable", "--bind", f"127.0.0.1:{port}"], log=log)
    try:
        wait_http(base, 20, proc)
        wait_log(log, "Ctrl-C stops it")
        report = push(fs.FIXTURE, None, base + "/store", progress=False, graph_iri="https://example.org/g/extra")
        assert report["graphs"][0]["status"] in (201, 204)
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=20) == 0
    finally:
        stop(proc)
    assert "read-write" in log.read_text(encoding="utf-8")
    st = open_store(store_dir, create=False)
    assert graph_counts(st)["https://example.org/g/extra"] == len(Graph().parse(fs.FIXTURE))
    assert article_ids(st) == ["a1"]


def test_serve_port_in_use_is_a_one_line_error(tmp_path):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        res = subprocess.run([sys.executable, "-c", APP, "serve", str(fs.FIXTURE), "--bind", f"127.0.0.1:{port}"],
                             capture_output=True, text=True, timeout=60)
    assert res.returncode == 1
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: cannot listen on 127.0.0.1:")


def test_serve_needs_the_oxigraph_binary(monkeypatch, tmp_path):
    assert find_oxigraph().name.startswith("oxigraph")
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(StanceGraphError, match="oxigraph server is not installed"):
        find_oxigraph()


# ------------------------------------------------------------------- push ---

def test_push_store_and_file_into_a_writable_oxigraph_server(tmp_path):
    store_dir = tmp_path / "st"
    with session(store_dir) as st:
        fill_store(st, ["a1", "a2", "a3", "a4", "a5"])
        expected = {g: c for g, c in graph_counts(st).items() if g != META_GRAPH}
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([str(find_oxigraph()), "serve", "--location", str(tmp_path / "remote"),
                               "--bind", f"127.0.0.1:{port}"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_http(base, 20, server)
        assert graph_counts_http(base) == {}
        report = push(None, store_dir, base + "/store", progress=True)
        assert report["triples"] == sum(expected.values())
        assert {g["graph"]: g["triples"] for g in report["graphs"]} == expected
        assert graph_counts_http(base) == expected  # every named graph arrived, nothing else
        # the content, not just the counts: graphs read back over the Graph Store Protocol
        _, graphs = fs.split_fixture()
        for aid in ("a1", "a3"):
            url = base + "/store?graph=" + urllib.parse.quote(article_graph_iri(aid), safe="")
            req = urllib.request.Request(url, headers={"Accept": "application/n-triples"})
            with urllib.request.urlopen(req, timeout=10) as r:
                remote = Graph().parse(data=r.read().decode("utf-8"), format="nt")
            assert isomorphic(remote, graphs[aid])
        # pushing again replaces instead of duplicating
        push(None, store_dir, base + "/store", progress=False)
        assert graph_counts_http(base) == expected
        # a plain Turtle file: its default graph to ?default, or to --graph-iri
        n_fixture = len(Graph().parse(fs.FIXTURE))
        r1 = push(fs.FIXTURE, None, base + "/store", progress=False)
        assert r1["graphs"] == [{"graph": "default", "triples": n_fixture, "status": r1["graphs"][0]["status"]}]
        rows = sparql_get(base, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")  # default graph only
        assert int(rows[0]["n"]) == n_fixture
        push(fs.FIXTURE, None, base + "/store", progress=False, graph_iri="https://example.org/graph/fixture")
        assert graph_counts_http(base)["https://example.org/graph/fixture"] == n_fixture
        # the push command: a one-line summary, exit status 0
        res = subprocess.run([sys.executable, "-c", APP, "push", "--store", str(store_dir), "-e", base + "/store",
                              "--quiet"], capture_output=True, text=True, timeout=60)
        assert res.returncode == 0, res.stderr
        assert f"pushed {sum(expected.values())} triples in {len(expected)} graph(s)" in res.stderr
    finally:
        stop(server)


def test_push_to_a_closed_port_is_a_one_line_error(tmp_path):
    port = free_port()  # nothing listens there
    with pytest.raises(StanceGraphError, match="connection refused") as err:
        push(fs.FIXTURE, None, f"http://127.0.0.1:{port}/store", progress=False)
    assert "\n" not in str(err.value) and f"127.0.0.1:{port}" in str(err.value)
    res = subprocess.run([sys.executable, "-c", APP, "push", str(fs.FIXTURE), "-e", f"http://127.0.0.1:{port}/store",
                          "-q"], capture_output=True, text=True, timeout=60)
    assert res.returncode == 1
    assert res.stderr.strip().splitlines() == [res.stderr.strip()]
    assert res.stderr.startswith("error: cannot reach http://127.0.0.1:")
    with pytest.raises(StanceGraphError, match="invalid endpoint"):
        push(fs.FIXTURE, None, "ftp://127.0.0.1/store", progress=False)


# ----------------------------------------------------------------- remove ---

def test_remove_command(tmp_path):
    store_dir = tmp_path / "st"
    with session(store_dir) as st:
        fill_store(st, ["a1", "a2"])
    res = subprocess.run([sys.executable, "-c", APP, "remove", "--store", str(store_dir), "a2"],
                         capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stderr
    res = subprocess.run([sys.executable, "-c", APP, "remove", "--store", str(store_dir), "a2"],
                         capture_output=True, text=True, timeout=60)
    assert res.returncode == 1
    assert res.stderr.strip() == f"error: {store_dir}: no article 'a2' in the store"
    res = subprocess.run([sys.executable, "-c", APP, "remove", "--store", str(tmp_path / "nope"), "a1"],
                         capture_output=True, text=True, timeout=60)
    assert res.returncode == 1 and "no such store directory" in res.stderr
    assert not (tmp_path / "nope").exists()
    assert article_ids(open_store(store_dir, create=False)) == ["a1"]
