"""Issue 5 end to end on the bundled corpus: a store that grows article by article,
served over the SPARQL protocol, and the query library's rows."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from stancegraph.pipeline import build
from stancegraph.store import persistent
from stancegraph.store.library import render_query, run_named_query

ROOT = Path(__file__).resolve().parents[1]
EXE = str(Path(sys.executable).parent / "stancegraph")
SIXTH = ("url: https://example.org/news/talks\noutlet: Example Wire\npublished: 2022-04-11\n---\n"
         "Finnish diplomat Aino Virtanen said on Monday that the latest round of talks was \"constructive\". "
         "\"We will keep sanctions on Russia in place,\" Virtanen told reporters.\n")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sparql(base: str, query: str) -> list[dict]:
    req = urllib.request.Request(base + "/query?" + urllib.parse.urlencode({"query": query}),
                                 headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=10) as r:
        return [{k: v["value"] for k, v in b.items()} for b in json.load(r)["results"]["bindings"]]


def graph_bytes(st, aid):
    iri = persistent.article_graph_iri(aid)
    import pyoxigraph as ox
    return sorted(str(q) for q in st.quads_for_pattern(None, None, None, ox.NamedNode(iri)))


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory, resources):
    d = tmp_path_factory.mktemp("store") / "st"
    result = build([ROOT / "data" / "articles"], None, resources=resources, store_dir=d)
    assert result.store_counts == {"added": 5}
    return d


def test_add_replace_sixth_article_without_touching_the_others(store_dir, resources, tmp_path):
    with persistent.session(store_dir) as st:
        before = {aid: graph_bytes(st, aid) for aid in persistent.article_ids(st)}
    sixth = tmp_path / "sixth.txt"
    sixth.write_text(SIXTH, encoding="utf-8")
    r = build([sixth], None, resources=resources, store_dir=store_dir)
    assert r.store_counts == {"added": 1}
    with persistent.session(store_dir) as st:
        assert sorted(persistent.article_ids(st)) == sorted([*before, "sixth"])
        assert all(graph_bytes(st, aid) == before[aid] for aid in before)  # the others untouched
        rows = run_named_query(st, "actor-statements", {"actor": "Aino Virtanen"})
        assert rows and all(r["articleId"] == "sixth" for r in rows)
    sixth.write_text(SIXTH.replace("Aino Virtanen", "Aino Korhonen").replace("Virtanen", "Korhonen"), encoding="utf-8")
    r = build([sixth], None, resources=resources, store_dir=store_dir)
    assert r.store_counts == {"replaced": 1}
    with persistent.session(store_dir) as st:
        assert run_named_query(st, "actor-statements", {"actor": "Aino Virtanen"}) == []
        assert run_named_query(st, "actor-statements", {"actor": "Aino Korhonen"})
        assert all(graph_bytes(st, aid) == before[aid] for aid in before)


def test_named_queries_on_the_bundled_corpus(store_dir):
    with persistent.session(store_dir) as st:
        top = run_named_query(st, "most-quoted", {})
        assert top[0]["actorLabel"] == "John Kirby"
        claims = {(r["claimantLabel"], r["territoryLabel"], r["sovereignKey"])
                  for r in run_named_query(st, "territory-claims", {})}
        assert ("Dmitry Peskov", "Crimea", "russia") in claims
        assert ("Volodymyr Zelenskyy", "Crimea", "ukraine") in claims
        pullback = {(r["actorLabel"], r["stance"]) for r in run_named_query(st, "positions-over-time",
                                                                           {"issue": "kyiv-pullback-genuine"})}
        assert {("John Kirby", "oppose"), ("Dmitry Peskov", "support"), ("Antony Blinken", "oppose")} <= pullback
        pairs = {frozenset((r["actorALabel"], r["actorBLabel"])) for r in run_named_query(st, "agreement-pairs", {})}
        assert frozenset(("John Kirby", "Antony Blinken")) in pairs


def test_serve_the_store_and_query_over_http(store_dir):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen([EXE, "serve", "--store", str(store_dir), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                urllib.request.urlopen(base + "/query?query=ASK%7B%7D", timeout=2).read()
                break
            except OSError:
                assert time.monotonic() < deadline and proc.poll() is None, "server did not answer"
                time.sleep(0.1)
        rows = sparql(base, render_query("most-quoted", {}))
        assert rows[0]["actorLabel"] == "John Kirby"
        n = sparql(base, "SELECT (COUNT(?s) AS ?n) WHERE { ?s a <https://w3id.org/stancegraph/ontology#Article> }")
        assert int(n[0]["n"]) >= 5
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=20) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
