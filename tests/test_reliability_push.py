"""Issue 10, item 12: push sends the static graphs first, retries server errors with backoff, has a
timeout, and says when it left the remote partial (K of N graphs)."""

from __future__ import annotations

import gc
import http.server
import threading
import time
import urllib.parse
from pathlib import Path

import pytest

from stancegraph.errors import StanceGraphError
from stancegraph.store.remote import push

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "store" / "fixture.ttl"
GRAPHS = "https://w3id.org/stancegraph/id/graph/"


class Remote:
    """A Graph Store endpoint that records each PUT and answers by a script: ``plan(n, graph)``
    returns the status of the n-th PUT (None: never answer)."""

    def __init__(self, plan):
        remote = self
        self.puts: list[str] = []
        self.stop_event = threading.Event()

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_PUT(self):
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                graph = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query).get("graph", ["default"])[0]
                remote.puts.append(graph)
                status = plan(len(remote.puts), graph)
                if status is None:
                    remote.stop_event.wait(30)
                    return
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/store"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.stop_event.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture()
def store_dir(tmp_path):
    from stancegraph.store.persistent import open_store, put_article, put_static

    d = tmp_path / "st"
    st = open_store(d)
    for aid in ("a1", "a2"):
        put_article(st, aid, f'<urn:{aid}> <urn:p> "x" .')
    for name in ("ontology", "codebook", "gazetteer"):
        put_static(st, name, f'<urn:{name}> <urn:p> "x" .')
    st.flush()
    del st
    gc.collect()
    return d


def test_static_graphs_go_first_and_server_errors_are_retried(store_dir):
    remote = Remote(lambda n, g: 503 if n in (1, 4) else 204)  # two transient failures
    try:
        report = push(None, store_dir, remote.url, progress=False, backoff=0.01)
    finally:
        remote.close()
    firsts = [g for g in dict.fromkeys(remote.puts)]
    assert firsts[:3] == [GRAPHS + "ontology", GRAPHS + "codebook", GRAPHS + "gazetteer"]
    assert len(report["graphs"]) == 5 and len(remote.puts) == 7


def test_a_failing_push_says_what_the_remote_holds(store_dir):
    remote = Remote(lambda n, g: 500 if g.endswith("/article/a2") else 204)
    try:
        with pytest.raises(StanceGraphError) as info:
            push(None, store_dir, remote.url, progress=False, retries=2, backoff=0.01)
    finally:
        remote.close()
    line = info.value.oneline()
    assert "HTTP 500" in line and "after 3 tries" in line
    assert "the remote now holds 4 of the 5 graphs of this push" in line
    assert remote.puts.count(GRAPHS + "article/a2") == 3


def test_client_errors_are_not_retried(store_dir):
    remote = Remote(lambda n, g: 403)
    try:
        with pytest.raises(StanceGraphError, match="nothing was changed on the remote"):
            push(None, store_dir, remote.url, progress=False, backoff=0.01)
    finally:
        remote.close()
    assert len(remote.puts) == 1


def test_a_remote_that_never_answers_times_out(store_dir):
    remote = Remote(lambda n, g: None)
    t = time.monotonic()
    try:
        with pytest.raises(StanceGraphError) as info:
            push(None, store_dir, remote.url, progress=False, timeout=0.5, retries=1, backoff=0.01)
    finally:
        remote.close()
    assert "no answer within 0.5 s" in info.value.oneline() and "after 2 tries" in info.value.oneline()
    assert time.monotonic() - t < 10
