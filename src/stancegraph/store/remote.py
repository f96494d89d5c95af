"""Push a graph file or a store into a remote SPARQL 1.1 Graph Store Protocol endpoint.

Every graph goes in one ``PUT {endpoint}?graph=<iri>`` (``?default`` for the default graph)
with a Turtle body, so a push replaces what the remote graph held and can be repeated.
Works with Fuseki (``http://host:3030/DATASET/data``), GraphDB
(``http://host:7200/repositories/REPO/rdf-graphs/service``), Virtuoso
(``http://host:8890/sparql-graph-crud-auth``), and the Oxigraph server (``http://host:7878/store``).
Credentials may be given in the URL (``http://user:password@host/...``); they are never
printed. HTTP goes through ``requests`` with both schemes servers ask for: Digest (Virtuoso's
``/sparql-graph-crud-auth``) and Basic (Fuseki, GraphDB, a proxy in front of Oxigraph), chosen
from the server's ``WWW-Authenticate`` challenge (:class:`ChallengeAuth`); one session keeps the
connection and the Digest nonce for all the graphs of a push.
"""

from __future__ import annotations

import time
import urllib.parse
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import requests
from requests.auth import AuthBase, HTTPBasicAuth, HTTPDigestAuth

from ..errors import StanceGraphError
from . import open_source
from ..ids import GRAPH_BASE, META_GRAPH, STATIC_GRAPHS
from ..namespaces import prefix_map

_TURTLE = "text/turtle; charset=utf-8"


class ChallengeAuth(AuthBase):
    """HTTP authentication by whatever the server's challenge asks for: Digest or Basic.

    The first request goes out with no credentials (or Digest, once a nonce is known); a 401
    whose ``WWW-Authenticate`` offers Digest is answered by requests' :class:`HTTPDigestAuth`,
    one that offers only Basic is repeated with :class:`HTTPBasicAuth`, which is then used
    for every later request of the session.
    """

    def __init__(self, user: str, password: str) -> None:
        self.digest = HTTPDigestAuth(user, password)
        self.basic = HTTPBasicAuth(user, password)
        self.scheme: str | None = None

    def __call__(self, r: requests.PreparedRequest) -> requests.PreparedRequest:
        if self.scheme == "basic":
            return self.basic(r)
        r = self.digest(r)   # adds its 401 handler, and the Digest header once it has a nonce
        r.register_hook("response", self._basic_challenge)
        return r

    def _basic_challenge(self, resp: requests.Response, **kwargs: Any) -> requests.Response:
        offered = resp.headers.get("www-authenticate", "").lower()
        if resp.status_code != 401 or "basic" not in offered or "digest" in offered or self.scheme == "basic":
            return resp
        self.scheme = "basic"
        resp.content  # noqa: B018  (read, so the connection can be re-used)
        resp.close()
        prep = resp.request.copy()
        self.basic(prep)
        again = resp.connection.send(prep, **kwargs)
        again.history.append(resp)
        again.request = prep
        return again


def _split_credentials(endpoint: str) -> tuple[str, ChallengeAuth | None]:
    """(endpoint without user:password, the authentication to use or None)."""
    parts = urllib.parse.urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise StanceGraphError(f"invalid endpoint '{endpoint}': give an http:// or https:// URL "
                               "(for the Oxigraph server: http://HOST:PORT/store)")
    if parts.username is None:
        return endpoint, None
    netloc = parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"
    if parts.port:
        netloc += f":{parts.port}"
    clean = urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))
    user = urllib.parse.unquote(parts.username)
    password = urllib.parse.unquote(parts.password or "")
    return clean, ChallengeAuth(user, password)


def graph_url(endpoint: str, graph_iri: str | None) -> str:
    """The GSP URL of one graph (None: the default graph).

    >>> graph_url("http://127.0.0.1:7878/store", "https://w3id.org/stancegraph/id/graph/codebook")
    'http://127.0.0.1:7878/store?graph=https%3A%2F%2Fw3id.org%2Fstancegraph%2Fid%2Fgraph%2Fcodebook'
    >>> graph_url("http://h/ds/data?x=1", None)
    'http://h/ds/data?x=1&default'
    """
    sep = "&" if "?" in endpoint else "?"
    if graph_iri is None:
        return f"{endpoint}{sep}default"
    return f"{endpoint}{sep}graph={urllib.parse.quote(graph_iri, safe='')}"


class PutError(StanceGraphError):
    """A PUT that failed; ``retry`` when trying again may help (a server error, a timeout)."""

    def __init__(self, message: str, retry: bool):
        super().__init__(message)
        self.retry = retry


def put_graph(url: str, body: bytes, auth: AuthBase | None = None, timeout: float = 120.0,
              session: requests.Session | None = None) -> int:
    """PUT a Turtle body to a GSP graph URL; returns the HTTP status, raises a one-line
    :class:`PutError` (``retry`` set for 5xx, 429, timeouts and dropped connections)."""
    headers = {"Content-Type": _TURTLE, "Accept": "*/*"}
    http = session or requests.Session()
    try:
        resp = http.put(url, data=body, headers=headers, auth=auth, timeout=timeout, allow_redirects=False)
    except requests.exceptions.Timeout:
        raise PutError(f"cannot reach {url}: no answer within {timeout:g} s", True) from None
    except requests.exceptions.ConnectionError as exc:
        text = str(exc).lower()
        retry = False
        if "refused" in text:
            why = "connection refused (is the SPARQL server running, and is this its address?)"
        elif "name or service not known" in text or "nodename nor servname" in text or "failed to resolve" in text:
            why = "unknown host"
        else:
            why, retry = " ".join(str(exc).split())[:200], True
        raise PutError(f"cannot reach {url}: {why}", retry) from None
    except requests.exceptions.RequestException as exc:
        raise PutError(f"connection to {url} failed: {' '.join(str(exc).split())[:200]}", True) from None
    finally:
        if session is None:
            http.close()
    if resp.status_code >= 300:
        detail = " ".join(resp.text[:400].split())[:200] if resp.content else ""
        message = f"HTTP {resp.status_code} {resp.reason} for PUT {url}" + (f": {detail}" if detail else "")
        if resp.status_code == 401:
            offered = resp.headers.get("WWW-Authenticate", "")
            message += (" (the server wants credentials: put them in the endpoint URL, http://USER:PASSWORD@HOST/...)"
                        if auth is None else f" (credentials refused; the server offers: {offered or 'no scheme'})")
        raise PutError(message, retry=resp.status_code >= 500 or resp.status_code == 429)
    return resp.status_code


def put_with_retries(url: str, body: bytes, auth: AuthBase | None, timeout: float, retries: int = 3,
                     backoff: float = 0.5, sleep=time.sleep, session: requests.Session | None = None) -> int:
    """:func:`put_graph`, tried again after ``backoff``, 2x``backoff``, 4x``backoff``... seconds when
    the failure may pass (server errors, timeouts); a PUT replaces the graph, so a retry is safe."""
    for attempt in range(retries + 1):
        try:
            return put_graph(url, body, auth, timeout, session)
        except PutError as exc:
            if not exc.retry or attempt == retries:
                if attempt:
                    raise PutError(f"{exc.message} (after {attempt + 1} tries)", exc.retry) from None
                raise
            sleep(backoff * (2 ** attempt))
    raise AssertionError("unreachable")  # pragma: no cover


def _graphs(store: ox.Store, include_meta: bool) -> list[ox.NamedNode | ox.DefaultGraph]:
    graphs: list[ox.NamedNode | ox.DefaultGraph] = []
    if next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is not None:
        graphs.append(ox.DefaultGraph())
    named = sorted((g for g in store.named_graphs() if isinstance(g, ox.NamedNode)), key=lambda g: g.value)
    # the static graphs first: articles pushed without their codebook and gazetteer are not readable
    static = [GRAPH_BASE + name for name in STATIC_GRAPHS]
    named.sort(key=lambda g: (static.index(g.value) if g.value in static else len(static), g.value))
    graphs += [g for g in named if include_meta or g.value != META_GRAPH]
    return graphs


def push(graph: Path | None, store_dir: Path | None, endpoint: str, progress: bool = True,
         graph_iri: str | None = None, include_meta: bool = False, timeout: float = 120.0,
         retries: int = 3, backoff: float = 0.5) -> dict[str, Any]:
    """Load a graph file or a store into the GSP ``endpoint``, graph by graph.

    The file's default graph (a plain Turtle file has only that) goes to ``?default``, or to
    ``graph_iri`` when given; named graphs (TriG, N-Quads, a store) keep their names. The store's
    bookkeeping graph (``.../id/graph/meta``) stays behind unless ``include_meta``. The static
    graphs (ontology, codebook, gazetteer) go first. Each PUT waits at most ``timeout`` seconds
    and is tried again up to ``retries`` times, with exponential ``backoff``, on server errors and
    timeouts. When one graph cannot be pushed the error says how many of the graphs the remote
    now holds (K of N): a PUT replaces a whole graph, so pushing again completes it.
    Returns ``{"endpoint", "graphs": [{"graph", "triples", "status"}], "triples"}``.
    """
    clean, auth = _split_credentials(endpoint)
    if graph_iri is not None:
        try:
            ox.NamedNode(graph_iri)
        except ValueError as exc:
            raise StanceGraphError(f"invalid `graph_iri` '{graph_iri}': {exc}") from None
    store = open_source(graph, store_dir)
    graphs = _graphs(store, include_meta)
    if not graphs:
        raise StanceGraphError("nothing to push: the graph is empty", path=graph or store_dir)
    report: dict[str, Any] = {"endpoint": clean, "graphs": [], "triples": 0}
    session = requests.Session()   # one connection, and one Digest nonce, for all the graphs

    bar = None
    if progress:
        from rich.console import Console
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn,
                                   TimeElapsedColumn)

        bar = Progress(SpinnerColumn(), TextColumn("[bold]push[/bold] {task.description}"), BarColumn(),
                       MofNCompleteColumn(), TextColumn("graphs, {task.fields[triples]:,} triples"),
                       TimeElapsedColumn(), console=Console(stderr=True), transient=False)
    try:
        if bar is not None:
            bar.start()
            task = bar.add_task("", total=len(graphs), triples=0)
        for g in graphs:
            if isinstance(g, ox.DefaultGraph):
                target, name = graph_iri, graph_iri or "default graph"
            else:
                target = name = g.value
            if bar is not None:
                bar.update(task, description=_short(name))
            body = store.dump(format=ox.RdfFormat.TURTLE, from_graph=g, prefixes=prefix_map())
            count = sum(1 for _ in store.quads_for_pattern(None, None, None, g))
            try:
                status = put_with_retries(graph_url(clean, target), body, auth, timeout, retries, backoff,
                                          session=session)
            except PutError as exc:
                done = len(report["graphs"])
                state = ("nothing was changed on the remote" if done == 0 else
                         f"the remote now holds {done} of the {len(graphs)} graphs of this push "
                         "(push again to complete it)")
                raise StanceGraphError(f"{exc.message}; {state}") from None
            report["graphs"].append({"graph": target or "default", "triples": count, "status": status})
            report["triples"] += count
            if bar is not None:
                bar.update(task, advance=1, triples=report["triples"])
    finally:
        session.close()
        if bar is not None:
            bar.stop()
    return report


def _short(name: str) -> str:
    for prefix in ("https://w3id.org/stancegraph/id/graph/",):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name if len(name) <= 60 else "…" + name[-59:]
