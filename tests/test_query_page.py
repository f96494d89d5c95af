"""The query page of `stancegraph serve`: the project's prefixes and its query library, in a browser."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from consumers import Page
from stancegraph.store.library import list_queries

EXE = str(Path(sys.executable).parent / "stancegraph")
FIXTURE = Path(__file__).parent / "networks" / "fixture.ttl"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_query_page_has_prefixes_and_runs_library_queries(tmp_path):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen([EXE, "serve", str(FIXTURE), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ})
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(base + "/", timeout=2) as r:
                    html = r.read().decode("utf-8")
                    csp = r.headers.get("Content-Security-Policy", "")
                break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, "serve did not start"
                time.sleep(0.3)
        assert "stancegraph SPARQL endpoint" in html and "connect-src 'self'" in csp
        # the SPARQL protocol still answers through the front, on the same address
        req = urllib.request.Request(base + "/query?query=" + urllib.parse.quote("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"),
                                     headers={"Accept": "application/sparql-results+json"})
        with urllib.request.urlopen(req, timeout=10) as r:
            assert int(json.loads(r.read())["results"]["bindings"][0]["n"]["value"]) > 100
        page = Page(base + "/", tmp_path, loopback=True)
        try:
            assert page.evaluate("document.body.dataset.ready") == "true"
            editor = page.evaluate("document.getElementById('editor').value")
            assert "PREFIX sg: <https://w3id.org/stancegraph/ontology#>" in editor
            assert "PREFIX act: <https://w3id.org/stancegraph/id/actor/>" in editor
            names = page.evaluate("Array.from(document.querySelectorAll('#library button')).map(b => b.dataset.name)")
            assert names == [q.name for q in list_queries()] and "most-quoted" in names
            page.evaluate("document.querySelector('#library button[data-name=\"most-quoted\"]').click()")
            assert "most-quoted" in page.evaluate("document.getElementById('about').textContent") or \
                page.evaluate("document.getElementById('editor').value").startswith("# most-quoted")
            page.evaluate("document.getElementById('run').click()")
            rows = 0
            for _ in range(100):
                rows = page.evaluate("document.querySelectorAll('#results tbody tr, #results tr').length")
                if rows:
                    break
                page._read(timeout=0.1)
            assert rows > 1, page.evaluate("document.getElementById('status').textContent")
            # the page talked to its own server only
            assert page.requests and all(u.startswith(base + "/") for u in page.requests)
            assert page.trap.requests == [] or all("google" in r for r in page.trap.requests)
        finally:
            page.close()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    assert "Traceback" not in proc.stderr.read().decode()
