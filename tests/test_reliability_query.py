"""Issue 10, items 2 and 13: `query` with --store and text, UPDATE text, CSV with unbound
first-row columns, SERVICE refused unless allowed and a failing SERVICE in one line."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXE = str(Path(sys.executable).parent / "stancegraph")
FIXTURE = ROOT / "tests" / "store" / "fixture.ttl"


def run(*args):
    return subprocess.run([EXE, *map(str, args)], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "COLUMNS": "200"})


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    from stancegraph.store import load_file
    from stancegraph.store.persistent import open_store, put_article

    d = tmp_path_factory.mktemp("q") / "st"
    st = open_store(d)
    put_article(st, "a1", FIXTURE)
    st.flush()
    del st
    import gc

    gc.collect()
    return d


def test_query_store_with_text(store_dir):
    r = run("query", "--store", store_dir, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "csv")
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[0] == "n" and int(r.stdout.splitlines()[1]) > 100
    # an IRI keeps its '//' (the text is not taken for a path)
    r = run("query", "--store", store_dir, "ASK { ?s ?p <http://www.w3.org/2004/02/skos/core#Concept> }")
    assert r.returncode == 0, r.stderr


def test_update_text_says_query_is_read_only(store_dir):
    for args in (("--store", store_dir), (FIXTURE,)):
        r = run("query", *args, "INSERT DATA { <urn:a> <urn:b> <urn:c> }")
        assert r.returncode == 1 and "Traceback" not in r.stderr
        assert "SPARQL UPDATE" in r.stderr and "read-only" in r.stderr
        assert "syntax error" not in r.stderr


def test_csv_with_unbound_optional_in_first_row():
    q = ("SELECT ?s ?missing ?o WHERE { ?s <http://www.w3.org/2004/02/skos/core#prefLabel> ?o "
         "OPTIONAL { ?s <urn:none> ?missing } } LIMIT 3")
    r = run("query", FIXTURE, q, "--format", "csv")
    assert r.returncode == 0, r.stderr
    rows = list(csv.reader(io.StringIO(r.stdout)))
    assert rows[0] == ["s", "missing", "o"] and rows[1][1] == "" and len(rows) == 4
    # the named query whose first row has unbound OPTIONAL columns
    r = run("query", FIXTURE, "--name", "actor-statements", "--param", "actor=Volodymyr Zelensky", "--format", "csv")
    assert r.returncode == 0, r.stderr
    header = r.stdout.splitlines()[0].split(",")
    assert header == ["date", "articleId", "mode", "cueVerb", "quotedText", "evidence", "reportedBy", "headline",
                      "url", "statement", "actorIri", "actorLabel"]


def test_service_in_query_is_refused_unless_allowed():
    q = "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }"
    r = run("query", FIXTURE, q)
    assert r.returncode == 1 and "Traceback" not in r.stderr and "--allow-service" in r.stderr
    r = run("query", FIXTURE, q, "--allow-service")
    assert r.returncode == 1 and "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "SERVICE" in lines[0] and "failed" in lines[0]


def test_update_text_is_never_run_to_find_out_what_it_is():
    import socket

    with socket.socket() as target:
        target.bind(("127.0.0.1", 0))
        target.listen(4)
        target.settimeout(0.5)
        port = target.getsockname()[1]
        r = run("query", FIXTURE, f"LOAD <http://127.0.0.1:{port}/data.ttl>")
        assert r.returncode == 1 and "read-only" in r.stderr
        with pytest.raises(OSError):  # nobody connected: the LOAD was not executed
            target.accept()
