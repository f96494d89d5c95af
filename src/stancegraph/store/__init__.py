"""Store/query stage: load a graph (Turtle, TriG, N-Quads, N-Triples, JSON-LD
file, or an on-disk store) into Oxigraph and answer SPARQL on it.

Every command that reads a graph goes through :func:`open_source`, so a Turtle
file and a persistent store answer the same queries. Queries see the union of
all named graphs as their default graph.

>>> from stancegraph.store import load_text, select
>>> st = load_text('<urn:a> <urn:p> "x" .', "nt")
>>> select(st, "SELECT ?o WHERE { ?s ?p ?o }")
[{'o': 'x'}]
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from ..errors import StanceGraphError
from .formats import for_name, for_path


def rdf_format(path: str | Path) -> ox.RdfFormat:
    """Oxigraph's format for a file, from its suffix (see :mod:`stancegraph.store.formats`)."""
    return for_path(path).oxigraph


def load_file(path: str | Path, store: ox.Store | None = None) -> ox.Store:
    """Parse an RDF file into an (in-memory by default) Oxigraph store."""
    p = Path(path)
    if not p.is_file():
        raise StanceGraphError("no such graph file", path=p)
    store = store if store is not None else ox.Store()
    try:
        store.bulk_load(path=str(p), format=rdf_format(p))
    except SyntaxError as exc:
        raise StanceGraphError(f"not valid RDF: {' '.join(str(exc).split())}", path=p) from None
    except (OSError, ValueError) as exc:
        raise StanceGraphError(f"cannot read graph: {exc}", path=p) from None
    return store


def load_text(text: str, fmt: str = "ttl") -> ox.Store:
    """An in-memory store of RDF text; ``fmt`` a format name or suffix (``turtle``, ``ttl``, ``nt``...)."""
    store = ox.Store()
    store.load(text.encode("utf-8"), format=for_name(fmt).oxigraph)
    return store


def open_source(graph: str | Path | None = None, store_dir: str | Path | None = None) -> ox.Store:
    """The store behind a command: a graph file loaded in memory, or an on-disk store.

    Exactly one of ``graph`` and ``store_dir`` must be given.
    """
    if (graph is None) == (store_dir is None):
        raise StanceGraphError("give either a `graph` file or `store_dir`, not both or neither")
    if graph is not None:
        return load_file(graph)
    d = Path(store_dir)  # type: ignore[arg-type]
    if not d.is_dir():
        raise StanceGraphError("no such store directory", path=d)
    try:
        return ox.Store.read_only(str(d))
    except OSError as exc:
        raise StanceGraphError(f"cannot open store: {exc}", path=d) from None


def term_value(term: Any) -> Any:
    """A SPARQL result term as a plain Python value (IRIs and literals as str, numbers as numbers)."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dt = term.datatype.value if term.datatype is not None else ""
        if dt.endswith(("#integer", "#int", "#long", "#nonNegativeInteger", "#positiveInteger")):
            return int(term.value)
        if dt.endswith(("#decimal", "#double", "#float")):
            return float(term.value)
        if dt.endswith("#boolean"):
            return term.value == "true"
        return term.value
    return term.value


def _is_update(sparql: str) -> bool:
    r"""Whether the text is a SPARQL UPDATE: its first keyword after the prologue is an update
    operation. Read, never run (running ``LOAD <url>`` even on an empty store fetches the URL).

    >>> _is_update("PREFIX x: <urn:x#> # note\n INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    True
    >>> _is_update("SELECT * WHERE { ?s ?p 'INSERT' }")
    False
    """
    from .guard import without_opaque

    text = re.sub(r"(?is)^\s*(?:(?:PREFIX\s+[^\s:]*:\s*|BASE\s*)\s*)*", "", without_opaque(sparql))
    return bool(re.match(r"(?i)(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", text))


def query(store: ox.Store, sparql: str, source: str | None = None, allow_service: bool = True):
    """Run any SPARQL query (default graph = union of named graphs).

    ``allow_service=False`` refuses a query with a federated ``SERVICE`` clause. A SPARQL
    UPDATE, a syntax error or a failing ``SERVICE`` is a one-line :class:`StanceGraphError`.
    SELECT solutions are streamed (:class:`Solutions`, read once): the first is read here, so
    a query that fails at once fails here, and a failure while iterating the rest is the same
    one-line error, raised by the iteration.
    """
    if not allow_service:
        from .guard import uses_service

        if uses_service(sparql):
            raise StanceGraphError("SERVICE (a federated query) would send HTTP requests from this machine; "
                                   "give `allow_service` to allow it", path=source)
    try:
        result = store.query(sparql, use_default_graph_as_union=True)
        if isinstance(result, ox.QuerySolutions):
            return Solutions([v.value for v in result.variables], iter(result), _failure(sparql), source)
        if isinstance(result, ox.QueryTriples):
            return list(result)
        return result
    except SyntaxError as exc:
        if _is_update(sparql):
            raise StanceGraphError("this is a SPARQL UPDATE, and query is read-only (change a store with "
                                   "'stancegraph build --store' or a 'serve --writable' endpoint)",
                                   path=source) from None
        raise StanceGraphError(f"SPARQL syntax error: {' '.join(str(exc).split())}", path=source) from None
    except OSError as exc:
        raise StanceGraphError(f"{_failure(sparql)}: {' '.join(str(exc).split())}", path=source) from None


def _failure(sparql: str) -> str:
    return "SERVICE call failed" if "SERVICE" in sparql.upper() else "query failed"


_UNREAD = object()


class Solutions:
    """The solutions of a SELECT query, streamed from Oxigraph, with their ``variables`` (names, in order).

    Iterate once (a second pass is an error, never silently empty). An OSError of the engine
    while solutions are read (a SERVICE that fails part-way) is a one-line
    :class:`StanceGraphError`.

    >>> st = load_text('<urn:a> <urn:p> "x" . <urn:b> <urn:p> "y" .', "ttl")
    >>> res = query(st, "SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o")
    >>> res.variables, [sol["o"].value for sol in res]
    (['o'], ['x', 'y'])
    """

    def __init__(self, variables: list[str], solutions: Any, what: str = "query failed",
                 source: str | None = None):
        self.variables = variables
        self._solutions = iter(solutions)
        self._what = what
        self._source = source
        self._first = self._next()  # a query that fails at once fails where it is asked
        self._read = False

    def _next(self) -> Any:
        try:
            return next(self._solutions, _UNREAD)
        except OSError as exc:
            raise StanceGraphError(f"{self._what}: {' '.join(str(exc).split())}", path=self._source) from None

    def __iter__(self):
        if self._read:
            raise RuntimeError("the solutions of a query are read once")
        self._read = True
        sol = self._first
        self._first = _UNREAD
        while sol is not _UNREAD:
            yield sol
            sol = self._next()


def iter_select(store: ox.Store, sparql: str, source: str | None = None):
    """Rows of a SELECT query as dicts of plain values (unbound variables omitted), one at a time."""
    result = query(store, sparql, source)
    names = result.variables
    for sol in result:
        row = {}
        for name in names:
            value = sol[name]
            if value is not None:
                row[name] = term_value(value)
        yield row


def select(store: ox.Store, sparql: str) -> list[dict[str, Any]]:
    """Rows of a SELECT query as dicts of plain values (unbound variables omitted)."""
    return list(iter_select(store, sparql))
