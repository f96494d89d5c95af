"""Issue 10, items 2-6: the endpoint refuses SERVICE (SSRF) and cross-site form writes, stops long
queries, binds other machines only on request, and its oxigraph child dies with it."""

from __future__ import annotations

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
from pathlib import Path

import pytest

from stancegraph.store.server import TMP_PREFIX, find_oxigraph

ROOT = Path(__file__).resolve().parents[1]
EXE = str(Path(sys.executable).parent / "stancegraph")
FIXTURE = ROOT / "tests" / "store" / "fixture.ttl"
SERVICE_Q = "SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"

try:
    find_oxigraph()
except Exception:  # noqa: BLE001
    pytest.skip("the oxigraph server binary is not installed", allow_module_level=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Listener:
    """A TCP port that records whether anyone connected (the target of a forged request)."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.hits = 0
        self._stop = False
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.hits += 1
            conn.close()

    def close(self):
        self._stop = True
        self.thread.join(2)
        self.sock.close()


def start(tmp_path, *args, env=None):
    port = free_port()
    log = tmp_path / f"serve-{port}.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen([EXE, "serve", *map(str, args), "--bind", f"127.0.0.1:{port}"], stdout=out,
                                stderr=subprocess.STDOUT, env={**os.environ, **(env or {})})
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while "Ctrl-C stops it" not in log.read_text(errors="replace"):
        if proc.poll() is not None or time.monotonic() > deadline:
            raise AssertionError(log.read_text(errors="replace"))
        time.sleep(0.05)
    return proc, base, log


def stop(proc):
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def get(base, query, headers=None, timeout=20):
    url = base + "/query?" + urllib.parse.urlencode({"query": query})
    req = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json", **(headers or {})})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def post(base, path, data: bytes, ctype: str):
    req = urllib.request.Request(base + path, data=data, method="POST", headers={"Content-Type": ctype})
    try:
        with urllib.request.urlopen(req, timeout=20) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def count(base) -> int:
    status, body = get(base, COUNT)
    assert status == 200, body
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


def test_service_is_refused_unless_allowed(tmp_path):
    target = Listener()
    try:
        proc, base, _ = start(tmp_path, FIXTURE)
        try:
            status, body = get(base, SERVICE_Q.format(port=target.port))
            assert status == 403 and "--allow-service" in body
            # the same through a form POST, and hidden behind an escape
            status, body = post(base, "/query", urllib.parse.urlencode(
                {"query": SERVICE_Q.format(port=target.port).replace("SERVICE", "\\u0053ERVICE")}).encode(),
                "application/x-www-form-urlencoded")
            assert status == 403
            assert count(base) > 100  # ordinary queries still answer
        finally:
            stop(proc)
        assert target.hits == 0, "the server sent a request for a SERVICE query"
        proc, base, log = start(tmp_path, FIXTURE, "--allow-service")
        try:
            get(base, SERVICE_Q.format(port=target.port))
            assert target.hits >= 1  # allowed: the request goes out
            assert "SERVICE allowed" in log.read_text()
        finally:
            stop(proc)
    finally:
        target.close()


def test_cross_site_form_updates_are_refused(tmp_path):
    proc, base, log = start(tmp_path, FIXTURE, "--writable")
    try:
        before = count(base)
        for ctype, data in (("application/x-www-form-urlencoded", b"update=DROP%20ALL"),
                            ("text/plain", b"DROP ALL"), ("multipart/form-data; boundary=x", b"--x--")):
            status, body = post(base, "/update", data, ctype)
            assert status == 403 and "application/sparql-update" in body
        assert count(base) == before
        status, _ = post(base, "/update", b"INSERT DATA { <urn:s10:a> <urn:s10:b> <urn:s10:c> }",
                         "application/sparql-update")
        assert status in (200, 204)
        assert count(base) == before + 1
    finally:
        stop(proc)


def test_dns_rebinding_host_is_refused(tmp_path):
    proc, base, _ = start(tmp_path, FIXTURE)
    try:
        status, body = get(base, "ASK {}", headers={"Host": "attacker.example"})
        assert status == 403 and "Host" in body
        assert get(base, "ASK {}", headers={"Host": "localhost"})[0] == 200
    finally:
        stop(proc)


def test_long_queries_stop_at_the_timeout(tmp_path):
    proc, base, log = start(tmp_path, FIXTURE, "--timeout", "1")
    try:
        assert "queries stop after 1 s" in log.read_text()
        heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
        t = time.monotonic()
        status, body = get(base, heavy, timeout=60)
        assert status != 200
        assert time.monotonic() - t < 30
        assert count(base) > 100  # the worker is free again
    finally:
        stop(proc)


def test_idle_connections_do_not_lock_anyone_out(tmp_path):
    proc, base, _ = start(tmp_path, FIXTURE)
    port = int(base.rsplit(":", 1)[1])
    idle = []
    try:
        for _ in range(300):
            idle.append(socket.create_connection(("127.0.0.1", port), timeout=5))
        assert count(base) > 100
    finally:
        for s in idle:
            s.close()
        stop(proc)


def test_non_loopback_bind_needs_public(tmp_path):
    r = subprocess.run([EXE, "serve", str(FIXTURE), "--bind", f"0.0.0.0:{free_port()}"], capture_output=True,
                       text=True, timeout=60)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert "--public" in r.stderr and "reverse proxy" in r.stderr and len(r.stderr.strip().splitlines()) == 1


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(x) for x in text.split()]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="parent-death signal is Linux only")
def test_sigkill_of_serve_kills_the_child_and_the_next_start_cleans_up(tmp_path):
    tmpdir = tmp_path / "tmp"
    tmpdir.mkdir()
    proc, base, _ = start(tmp_path, FIXTURE, env={"TMPDIR": str(tmpdir)})
    kids = _children(proc.pid)
    assert kids, "serve has no oxigraph child"
    proc.kill()
    proc.wait()
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{k}").exists() and "Z" not in Path(f"/proc/{k}/stat").read_text().split()[2]
              for k in kids if Path(f"/proc/{k}/stat").exists()):
        assert time.monotonic() < deadline, "the oxigraph child outlived serve"
        time.sleep(0.1)
    stale = [d for d in tmpdir.iterdir() if d.name.startswith(TMP_PREFIX)]
    assert stale  # SIGKILL gave serve no chance to clean up
    proc, base, _ = start(tmp_path, FIXTURE, env={"TMPDIR": str(tmpdir)})
    try:
        assert not any(d.exists() for d in stale)
    finally:
        stop(proc)
    assert list(tmpdir.iterdir()) == []
