"""`push` authenticates the way servers ask: Digest (Virtuoso's /sparql-graph-crud-auth) or Basic.

The server here checks credentials for real: Digest per RFC 7616 (MD5, qop=auth: the client's
response hash is recomputed from the password and compared), Basic from the header.
"""

from __future__ import annotations

import base64
import hashlib
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from stancegraph.errors import StanceGraphError
from stancegraph.store.remote import push

FIXTURE = Path(__file__).parent / "networks" / "fixture.ttl"
USER, PASSWORD, REALM, NONCE = "dba", "s3cret pass", "SPARQL", "b8f4a3c0e1d2"


def md5(text: str) -> str:
    return hashlib.md5(text.encode()).hexdigest()


class GraphStore(BaseHTTPRequestHandler):
    """A Graph Store Protocol endpoint that wants ``scheme`` authentication and keeps what is PUT."""

    scheme = "digest"
    received: dict[str, bytes] = {}
    challenges = 0

    def log_message(self, *args):  # quiet
        pass

    def _authorised(self) -> bool:
        header = self.headers.get("Authorization", "")
        if self.scheme == "basic":
            return header == "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
        if not header.startswith("Digest "):
            return False
        f = dict(re.findall(r'(\w+)="?([^",]*)"?', header[7:]))
        if f.get("username") != USER or f.get("realm") != REALM or f.get("nonce") != NONCE:
            return False
        ha1 = md5(f"{USER}:{REALM}:{PASSWORD}")
        ha2 = md5(f"{self.command}:{f['uri']}")
        expected = md5(f"{ha1}:{NONCE}:{f['nc']}:{f['cnonce']}:{f['qop']}:{ha2}")
        return f.get("qop") == "auth" and f.get("response") == expected and f["uri"] == self.path

    def do_PUT(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if not self._authorised():
            type(self).challenges += 1
            self.send_response(401)
            if self.scheme == "basic":
                self.send_header("WWW-Authenticate", f'Basic realm="{REALM}"')
            else:
                self.send_header("WWW-Authenticate", f'Digest realm="{REALM}", nonce="{NONCE}", qop="auth", '
                                                     'algorithm=MD5')
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        type(self).received[self.path] = body
        self.send_response(201)
        self.send_header("Content-Length", "0")
        self.end_headers()


@pytest.fixture(params=["digest", "basic"])
def server(request):
    handler = type("Handler", (GraphStore,), {"scheme": request.param, "received": {}, "challenges": 0})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()
    yield handler, f"127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_push_with_the_scheme_the_server_asks_for(server):
    handler, host = server
    user = USER
    password = PASSWORD.replace(" ", "%20")
    report = push(FIXTURE, None, f"http://{user}:{password}@{host}/sparql-graph-crud-auth", progress=False,
                  graph_iri="https://example.org/g/fixture")
    assert [g["status"] for g in report["graphs"]] == [201]
    assert report["endpoint"] == f"http://{host}/sparql-graph-crud-auth"      # no password in the report
    [(path, body)] = handler.received.items()
    assert path.startswith("/sparql-graph-crud-auth?graph=https%3A%2F%2Fexample.org")
    assert isomorphic(Graph().parse(data=body.decode(), format="turtle"), Graph().parse(FIXTURE))
    assert handler.challenges == 1     # one challenge, then authenticated


def test_wrong_password_is_a_one_line_error(server):
    handler, host = server
    with pytest.raises(StanceGraphError, match=r"HTTP 401 .*credentials refused") as err:
        push(FIXTURE, None, f"http://{USER}:wrong@{host}/sparql-graph-crud-auth", progress=False)
    assert "\n" not in str(err.value) and "wrong" not in str(err.value)
    assert handler.received == {}


def test_no_credentials_says_how_to_give_them(server):
    _, host = server
    with pytest.raises(StanceGraphError, match=r"HTTP 401 .*USER:PASSWORD@HOST"):
        push(FIXTURE, None, f"http://{host}/sparql-graph-crud-auth", progress=False)
