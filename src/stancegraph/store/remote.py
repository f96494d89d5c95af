"""Push a graph file or a store into a remote SPARQL 1.1 Graph Store Protocol endpoint.

Every graph goes in one ``PUT {endpoint}?graph=<iri>`` (``?default`` for the default graph)
with a Turtle body, so a push replaces what the remote graph held and can be repeated.
Works with Fuseki (``http://host:3030/DATASET/data``), GraphDB
(``http://host:7200/repositories/REPO/rdf-graphs/service``), Virtuoso
(``http://host:8890/sparql-graph-crud-auth``), and the Oxigraph server (``http://host:7878/store``).
Credentials may be given in the URL (``http://user:password@host/...``: HTTP Basic); they are
never printed. Only the standard library's urllib is used.
"""

from __future__ import annotations

import base64
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from ..errors import StanceGraphError
from . import open_source
from ..ids import GRAPH_BASE, META_GRAPH, STATIC_GRAPHS
from ..namespaces import prefix_map

_TURTLE = "text/turtle; charset=utf-8"


def _split_credentials(endpoint: str) -> tuple[str, str | None]:
    """(endpoint without user:password, Basic auth header value or None)."""
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
    token = base64.b64encode(f"{user}:{password}".encode("utf-8")).decode("ascii")
    return clean, f"Basic {token}"


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


def put_graph(url: str, body: bytes, auth: str | None = None, timeout: float = 120.0) -> int:
    """PUT a Turtle body to a GSP graph URL; returns the HTTP status, raises a one-line
    :class:`PutError` (``retry`` set for 5xx, 429, timeouts and dropped connections)."""
    headers = {"Content-Type": _TURTLE, "Accept": "*/*"}
    if auth:
        headers["Authorization"] = auth
    req = urllib.request.Request(url, data=body, method="PUT", headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            resp.read()
            return resp.status
    except urllib.error.HTTPError as exc:
        detail = ""
        try:
            detail = " ".join(exc.read(400).decode("utf-8", "replace").split())[:200]
        except OSError:
            pass
        message = f"HTTP {exc.code} {exc.reason} for PUT {url}" + (f": {detail}" if detail else "")
        raise PutError(message, retry=exc.code >= 500 or exc.code == 429) from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        retry = False
        if isinstance(reason, ConnectionRefusedError):
            why = "connection refused (is the SPARQL server running, and is this its address?)"
        elif isinstance(reason, (socket.timeout, TimeoutError)):
            why, retry = f"no answer within {timeout:g} s", True
        elif isinstance(reason, socket.gaierror):
            why = "unknown host"
        else:
            why, retry = " ".join(str(reason).split()), isinstance(reason, ConnectionError)
        raise PutError(f"cannot reach {url}: {why}", retry) from None
    except (TimeoutError, socket.timeout):
        raise PutError(f"cannot reach {url}: no answer within {timeout:g} s", True) from None
    except (ConnectionError, OSError) as exc:
        raise PutError(f"connection to {url} failed: {exc.strerror or exc}", True) from None


def put_with_retries(url: str, body: bytes, auth: str | None, timeout: float, retries: int = 3,
                     backoff: float = 0.5, sleep=time.sleep) -> int:
    """:func:`put_graph`, tried again after ``backoff``, 2x``backoff``, 4x``backoff``... seconds when
    the failure may pass (server errors, timeouts); a PUT replaces the graph, so a retry is safe."""
    for attempt in range(retries + 1):
        try:
            return put_graph(url, body, auth, timeout)
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
                status = put_with_retries(graph_url(clean, target), body, auth, timeout, retries, backoff)
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
        if bar is not None:
            bar.stop()
    return report


def _short(name: str) -> str:
    for prefix in ("https://w3id.org/stancegraph/id/graph/",):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name if len(name) <= 60 else "…" + name[-59:]
