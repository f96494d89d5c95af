"""What stands between the network and the Oxigraph server: SERVICE, CSRF and DNS-rebinding checks.

Oxigraph's server answers any federated ``SERVICE`` query by sending HTTP requests wherever the
query says (server-side request forgery, reachable from any web page through a plain GET), and it
accepts form-encoded ``POST /update``, which a browser sends cross-site without asking. ``serve``
therefore runs Oxigraph on a private loopback port and puts :class:`Guard`, a small HTTP proxy, on
the address the user asked for. The guard

* refuses a query or update that uses ``SERVICE`` unless the endpoint was started with
  ``--allow-service`` (403 with a one-line reason);
* refuses writes a web page could send cross-site without a CORS preflight: ``POST`` to
  ``/update`` or ``/store`` as a form (``application/x-www-form-urlencoded``,
  ``multipart/form-data``) or ``text/plain``; a client sends ``application/sparql-update``
  (``PUT``/``DELETE`` need a preflight, which the server never grants);
* on a loopback address, refuses a ``Host`` header naming another machine (DNS rebinding);
* closes a connection that sends nothing for ``idle_timeout`` seconds, so idle or half-open
  connections do not hold workers (Oxigraph's own server serves at most 256 connections);
* answers ``GET /`` with ``page`` when given: stancegraph's query page
  (:mod:`stancegraph.store.query_page`) instead of Oxigraph's.

>>> uses_service("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
True
>>> uses_service('SELECT ?service WHERE { ?s <urn:p> "SERVICE" } # SERVICE in a comment')
False
>>> uses_service(r"SELECT * WHERE { \\u0053ERVICE <http://x/> { ?s ?p ?o } }")
True
"""

from __future__ import annotations

import http.client
import http.server
import re
import socket
import threading
import urllib.parse

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
# strings (long forms first), IRIs, comments: their text is never a keyword
_OPAQUE = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
                     r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*', re.S)
_SERVICE = re.compile(r"(?<![\w?$:.\-])SERVICE(?![\w:\-])", re.I)
_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data", "text/plain")
_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer",
        "transfer-encoding", "upgrade", "host", "content-length"}
SERVICE_REFUSED = ("SERVICE (a federated query) is refused by this endpoint: it would make the server send "
                   "HTTP requests to any address; start it with --allow-service to allow it")
FORM_REFUSED = ("form-encoded and text/plain writes are refused (a web page could send them cross-site); "
                "send the update as application/sparql-update")


def uses_service(sparql: str) -> bool:
    """Whether a SPARQL query or update text has a ``SERVICE`` clause (escapes, strings,
    IRIs and comments taken into account; when in doubt it says True)."""
    return bool(_SERVICE.search(without_opaque(sparql)))


def without_opaque(sparql: str) -> str:
    """The query text with escapes decoded and strings, IRIs and comments blanked: what is left
    are keywords, names and punctuation."""
    text = _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)) if int(m.group(1) or m.group(2), 16)
                       <= 0x10FFFF else "", sparql)
    return _OPAQUE.sub(" ", text)


def sparql_texts(query_string: str, content_type: str, body: bytes) -> list[str]:
    """Every SPARQL text a request carries: ``query``/``update`` parameters of the URL or a form
    body, or a ``application/sparql-query``/``-update`` body."""
    texts: list[str] = []
    for key, values in urllib.parse.parse_qs(query_string, keep_blank_values=True).items():
        if key in ("query", "update"):
            texts += values
    ctype = content_type.split(";")[0].strip().lower()
    if ctype == "application/x-www-form-urlencoded":
        form = urllib.parse.parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
        texts += [v for k in ("query", "update") for v in form.get(k, [])]
    elif ctype in ("application/sparql-query", "application/sparql-update") or (
            body and ctype in ("", "text/plain") or ctype.startswith("multipart/")):
        texts.append(body.decode("utf-8", "replace"))
    return texts


def _local_names(bind_host: str) -> set[str]:
    return {"localhost", "127.0.0.1", "::1", bind_host.lower()}


class _Handler(http.server.BaseHTTPRequestHandler):
    server_version = "stancegraph-guard"
    protocol_version = "HTTP/1.0"  # one request per connection: nothing idles between requests
    guard: "Guard"

    def setup(self) -> None:
        self.timeout = self.guard.idle_timeout  # read timeout on the client socket
        super().setup()

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - quiet by default
        pass

    def _refuse(self, code: int, text: str) -> None:
        data = (text + "\n").encode("utf-8")
        self.send_response(code)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _handle(self) -> None:
        g = self.guard
        host = (self.headers.get("Host") or "").strip().lower()
        hostname = urllib.parse.urlsplit("//" + host).hostname if host else ""
        if g.loopback and hostname not in _local_names(g.bind_host):
            self._refuse(403, f"unexpected Host header {host!r}: this endpoint only answers local names")
            return
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            self._refuse(400, "bad Content-Length")
            return
        if length < 0 or length > g.max_body:
            self._refuse(413, f"request body over {g.max_body} bytes")
            return
        body = self.rfile.read(length) if length else b""
        parts = urllib.parse.urlsplit(self.path)
        if g.page is not None and self.command in ("GET", "HEAD") and parts.path in ("/", "/index.html") \
                and not parts.query:
            self._send_page(g.page)
            return
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if self.command == "POST" and parts.path.rstrip("/") in ("/update", "/store") and (
                not ctype or ctype in _FORM_TYPES or ctype.startswith("multipart/")):
            self._refuse(403, FORM_REFUSED)
            return
        if not g.allow_service and any(uses_service(t) for t in sparql_texts(parts.query, ctype, body)):
            self._refuse(403, SERVICE_REFUSED)
            return
        self._forward(body)

    def _send_page(self, page: bytes) -> None:
        from .query_page import CSP

        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(page)))
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(page)

    def _forward(self, body: bytes) -> None:
        g = self.guard
        headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP}
        conn = http.client.HTTPConnection(g.backend_host, g.backend_port, timeout=g.backend_timeout)
        try:
            try:
                conn.request(self.command, self.path, body=body if body or self.command in ("POST", "PUT") else None,
                             headers=headers)
                resp = conn.getresponse()
            except (socket.timeout, TimeoutError):
                self._refuse(504, "the query ran longer than the endpoint's --timeout")
                return
            except OSError as exc:
                self._refuse(502, f"the SPARQL server did not answer: {exc}")
                return
            self.send_response(resp.status, resp.reason)
            for key, value in resp.getheaders():
                if key.lower() not in _HOP or key.lower() == "content-length":
                    self.send_header(key, value)
            self.end_headers()
            if self.command == "HEAD":
                return
            while True:
                try:
                    chunk = resp.read1(65536)
                except (socket.timeout, TimeoutError, OSError):
                    break
                if not chunk:
                    break
                self.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client went away
        finally:
            conn.close()

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = do_OPTIONS = do_PATCH = _handle


class Guard:
    """The guarding proxy: listens on ``(host, port)``, forwards to Oxigraph at ``backend``.

    ``start()`` serves in a background thread; ``stop()`` closes it.
    """

    def __init__(self, host: str, port: int, backend: tuple[str, int], *, allow_service: bool = False,
                 loopback: bool = True, timeout: float = 60.0, idle_timeout: float = 20.0,
                 max_body: int = 1 << 31, page: bytes | None = None):
        self.bind_host = host
        self.backend_host, self.backend_port = backend
        self.allow_service = allow_service
        self.loopback = loopback
        self.backend_timeout = timeout + 15.0  # Oxigraph stops the query at --timeout; this is a backstop
        self.idle_timeout = idle_timeout
        self.max_body = max_body
        self.page = page
        handler = type("Handler", (_Handler,), {"guard": self})
        server_cls = type("Server", (http.server.ThreadingHTTPServer,), {
            "address_family": socket.AF_INET6 if ":" in host else socket.AF_INET, "daemon_threads": True,
            "request_queue_size": 128})
        self.server = server_cls((host, port), handler)
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.2},
                                        name="stancegraph-guard", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        if self._thread is not None:
            self.server.shutdown()
            self._thread.join(timeout=5)
        self.server.server_close()


def free_loopback_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

