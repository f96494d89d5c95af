"""The persistent store: an on-disk Oxigraph store with one named graph per article.

Layout (IRIs as in docs/graph-model.md):

* ``https://w3id.org/stancegraph/id/graph/article/{article_id}``: one graph per article;
* ``.../id/graph/ontology``, ``.../id/graph/codebook``, ``.../id/graph/gazetteer``: the static graphs;
* ``.../id/graph/meta``: bookkeeping, one entry per graph above::

      <.../graph/article/A> store:contentHash "sha256:…" ; store:tripleCount 412 ;
                             store:graphKind "article" ; store:articleId "A" .

  (``store:`` is ``https://w3id.org/stancegraph/store#``.) The hash is over the sorted canonical
  N-Triples of the graph as it was given (blank nodes canonicalised with RDFC-1.0), so re-putting
  an identical graph is skipped without rewriting anything.

Every change of a graph (put or remove) is ONE SPARQL Update executed by ``Store.update``, which
Oxigraph applies as a single transaction: the old graph is dropped, the new one inserted and the
meta entry rewritten together, or nothing happens. Readers (queries, a read-only server) see the
old graph or the new one, never a mix.

Article ids are percent-encoded in graph IRIs where they hold characters that are not allowed
unencoded in an IRI path segment (``/``, ``%``, space, ``#``, ``?``...); ids made of letters,
digits and ``-._~`` (every id of the bundled corpus) appear unchanged.

>>> import tempfile, pathlib
>>> st = open_store(pathlib.Path(tempfile.mkdtemp()) / "st")
>>> put_article(st, "A", '<urn:a> <urn:p> "x" .')
'added'
>>> put_article(st, "A", '<urn:a> <urn:p> "x" .')
'unchanged'
>>> put_article(st, "A", '<urn:a> <urn:p> "y" .')
'replaced'
>>> article_ids(st)
['A']
>>> remove_article(st, "A"), remove_article(st, "A")
(True, False)
"""

from __future__ import annotations

import gc
import hashlib
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator, Union
from urllib.parse import unquote

import pyoxigraph as ox

from ..errors import StanceGraphError
from ..rdf import to_oxigraph
from .formats import RDF_FORMATS
# the store's graph names (minted in ids.py) are part of this module's interface too
from ..ids import ARTICLE_GRAPH_PREFIX, META_GRAPH, STATIC_GRAPHS, article_graph_iri, static_graph_iri  # noqa: F401

STORE_NS = "https://w3id.org/stancegraph/store#"

_HASH = ox.NamedNode(STORE_NS + "contentHash")
_COUNT = ox.NamedNode(STORE_NS + "tripleCount")
_META = ox.NamedNode(META_GRAPH)
_XSD = "http://www.w3.org/2001/XMLSchema#"

GraphInput = Union["rdflib.Graph", str, bytes, Path, Iterable[ox.Triple]]  # noqa: F821


# ------------------------------------------------------------ open store ---

def open_store(path: str | Path, create: bool = True) -> ox.Store:
    """Open (or create) the on-disk store in directory ``path`` for reading and writing.

    Raises a one-line :class:`StanceGraphError` when ``path`` is a file, is missing and
    ``create`` is false, is a non-empty directory without an Oxigraph database in it (so a
    mistyped path never scatters database files into e.g. a source folder), or is locked by
    another process (a running build, ``stancegraph serve --writable`` or ``oxigraph serve``).
    The store is closed, and its lock released, when the returned object is garbage-collected;
    :func:`session` does that at the end of a ``with`` block.
    """
    p = Path(path)
    if p.exists() and not p.is_dir():
        raise StanceGraphError("not a store directory (it is a file)", path=p)
    if not p.exists():
        if not create:
            raise StanceGraphError("no such store directory", path=p)
    elif not (p / "CURRENT").is_file() and any(p.iterdir()):
        raise StanceGraphError(
            "not an Oxigraph store: the directory is not empty and holds no database "
            "(give a new or empty directory)", path=p)
    try:
        return ox.Store(str(p))
    except OSError as exc:
        text = " ".join(str(exc).split())
        if "lock" in text.lower():
            raise StanceGraphError(
                "store is locked: another process (a running build, 'stancegraph serve --writable' or "
                "an oxigraph server) or another open handle in this process is using it",
                path=p) from None
        raise StanceGraphError(f"cannot open store: {text}", path=p) from None


class StoreSession:
    """An on-disk store open for the length of a ``with session(...)`` block.

    It answers everything a :class:`pyoxigraph.Store` does (it hands attribute
    access on to the store); when the block ends it drops its one reference to
    the store, so the store closes and its lock is released at once, even while
    the name bound by ``as`` lives on. Using it after the block is an error.
    """

    __slots__ = ("_store", "path")

    def __init__(self, store: ox.Store, path: Path):
        self._store: ox.Store | None = store
        self.path = path

    @property
    def store(self) -> ox.Store:
        if self._store is None:
            raise StanceGraphError("the store session is closed", path=self.path)
        return self._store

    def __getattr__(self, name: str):
        return getattr(self.store, name)

    def __iter__(self) -> Iterator[ox.Quad]:
        return iter(self.store)

    def __len__(self) -> int:
        return len(self.store)

    def close(self) -> None:
        """Drop the store now (lock released); later use raises."""
        self._store = None
        gc.collect()  # pyoxigraph objects in reference cycles must not keep the lock


@contextmanager
def session(path: str | Path, create: bool = True) -> Iterator[StoreSession]:
    """The on-disk store in ``path`` opened for reading and writing, flushed and closed after the block.

    This is the one place a store's lock is released (see :class:`StoreSession`).

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp()) / "st"
    >>> with session(d) as st:
    ...     put_article(st, "A", '<urn:a> <urn:p> "x" .')
    'added'
    >>> with session(d) as again:   # not locked any more
    ...     article_ids(again)
    ['A']
    """
    handle = StoreSession(open_store(path, create=create), Path(path))
    try:
        yield handle
        handle.flush()
    finally:
        handle.close()


# ------------------------------------------------------------ conversion ---

def to_triples(data: GraphInput, source: str | None = None) -> list[ox.Triple]:
    """Triples from an rdflib Graph, Turtle/N-Triples text (str or bytes), a Turtle/N-Triples
    file (``Path``) or an iterable of pyoxigraph Triples."""
    import rdflib

    if isinstance(data, rdflib.Graph):
        if isinstance(data, rdflib.Dataset):
            raise StanceGraphError("give one rdflib Graph per article, not a Dataset", path=source)
        return to_oxigraph(data)
    if isinstance(data, Path):
        if data.suffix.lower() not in (*RDF_FORMATS["turtle"].suffixes, *RDF_FORMATS["ntriples"].suffixes):
            raise StanceGraphError("a graph file to store must be Turtle (.ttl) or N-Triples (.nt)", path=data)
        try:
            text = data.read_bytes()
        except OSError as exc:
            raise StanceGraphError(f"cannot read graph: {exc.strerror or exc}", path=data) from None
        return to_triples(text, source=str(data))
    if isinstance(data, (str, bytes)):
        raw = data.encode("utf-8") if isinstance(data, str) else data
        try:
            # N-Triples is a subset of Turtle: one parser reads both
            return [q.triple for q in ox.parse(raw, ox.RdfFormat.TURTLE)]
        except SyntaxError as exc:
            raise StanceGraphError(f"not valid Turtle/N-Triples: {' '.join(str(exc).split())}", path=source) from None
    try:
        triples = list(data)  # type: ignore[arg-type]
    except TypeError:
        raise StanceGraphError(f"cannot store a {type(data).__name__}: give an rdflib Graph or Turtle text",
                               path=source) from None
    if not all(isinstance(t, ox.Triple) for t in triples):
        raise StanceGraphError("an iterable given to store must hold pyoxigraph Triples", path=source)
    return triples


def content_hash(triples: Iterable[ox.Triple]) -> str:
    """A hash of a graph that does not depend on triple order or blank node labels.

    >>> a = [ox.Triple(ox.BlankNode(), ox.NamedNode("urn:p"), ox.Literal("x"))]
    >>> b = [ox.Triple(ox.BlankNode(), ox.NamedNode("urn:p"), ox.Literal("x"))]
    >>> content_hash(a) == content_hash(b)
    True
    """
    triples = list(triples)
    if any(isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode) for t in triples):
        ds = ox.Dataset(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
        ds.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
        lines = sorted({str(q) for q in ds})
    else:
        lines = sorted({str(t) for t in triples})
    digest = hashlib.sha256()
    for line in lines:
        digest.update(line.encode("utf-8"))
        digest.update(b"\n")
    return "sha256:" + digest.hexdigest()


# ------------------------------------------------------------------ puts ---

def _lit(value: str | int) -> str:
    return str(ox.Literal(value)) if isinstance(value, str) else f'"{value}"^^<{_XSD}integer>'


def replacement_update(graph_iri: str, triples: list[ox.Triple], meta: dict[str, str | int]) -> str:
    """The single SPARQL Update that replaces graph ``graph_iri`` by ``triples`` and rewrites its
    meta entry (``meta``: local name under ``store:`` -> value). Exposed for tests."""
    g = str(ox.NamedNode(graph_iri))
    meta_po = " ; ".join(f"<{STORE_NS}{k}> {_lit(v)}" for k, v in meta.items())
    body = "\n".join(f"{t} ." for t in triples)  # N-Triples term syntax is SPARQL term syntax
    return (
        f"DROP SILENT GRAPH {g} ;\n"
        f"DELETE WHERE {{ GRAPH <{META_GRAPH}> {{ {g} ?p ?o }} }} ;\n"
        f"CREATE SILENT GRAPH {g} ;\n"
        f"INSERT DATA {{\n GRAPH {g} {{\n{body}\n }}\n GRAPH <{META_GRAPH}> {{ {g} {meta_po} . }}\n}}"
    )


def _stored(store: ox.Store, graph_iri: str) -> tuple[str | None, int | None]:
    node = ox.NamedNode(graph_iri)
    h = next(iter(store.quads_for_pattern(node, _HASH, None, _META)), None)
    c = next(iter(store.quads_for_pattern(node, _COUNT, None, _META)), None)
    return (h.object.value if h else None, int(c.object.value) if c else None)


def _count(store: ox.Store, graph_iri: str) -> int:
    return sum(1 for _ in store.quads_for_pattern(None, None, None, ox.NamedNode(graph_iri)))


def _put(store: ox.Store, graph_iri: str, data: GraphInput, meta: dict[str, str | int], what: str,
         digest: str | None = None) -> str:
    triples = to_triples(data, source=what)
    digest = digest or content_hash(triples)
    node = ox.NamedNode(graph_iri)
    try:
        exists = store.contains_named_graph(node)
        if exists:
            old_hash, old_count = _stored(store, graph_iri)
            # the count check catches a graph edited behind our back (e.g. through a writable server)
            if old_hash == digest and old_count == _count(store, graph_iri):
                _refresh_meta(store, graph_iri, {"contentHash": digest, "tripleCount": len(triples), **meta})
                return "unchanged"
        store.update(replacement_update(graph_iri, triples,
                                        {"contentHash": digest, "tripleCount": len(triples), **meta}))
    except (OSError, RuntimeError) as exc:
        raise StanceGraphError(f"cannot write {what} to the store: {' '.join(str(exc).split())}") from None
    except SyntaxError as exc:  # a term Oxigraph printed but cannot read back: a bug, say so
        raise StanceGraphError(f"internal error storing {what}: {' '.join(str(exc).split())}") from None
    return "replaced" if exists else "added"


def _refresh_meta(store: ox.Store, graph_iri: str, meta: dict[str, str | int]) -> None:
    """Rewrite a graph's meta entry when it differs from ``meta`` (the graph itself unchanged)."""
    node = ox.NamedNode(graph_iri)
    have = {q.predicate.value[len(STORE_NS):]: q.object.value
            for q in store.quads_for_pattern(node, None, None, _META) if q.predicate.value.startswith(STORE_NS)}
    if all(have.get(k) == str(v) for k, v in meta.items()):
        return
    g = str(node)
    meta_po = " ; ".join(f"<{STORE_NS}{k}> {_lit(v)}" for k, v in meta.items())
    store.update(f"DELETE WHERE {{ GRAPH <{META_GRAPH}> {{ {g} ?p ?o }} }} ;\n"
                 f"INSERT DATA {{ GRAPH <{META_GRAPH}> {{ {g} {meta_po} . }} }}")


def put_article(store: ox.Store, article_id: str, graph_or_ntriples: GraphInput,
                extra_meta: dict[str, str | int] | None = None, digest: str | None = None) -> str:
    """Store (or replace) the graph of one article; returns "added", "replaced" or "unchanged".

    ``graph_or_ntriples``: an rdflib Graph, N-Triples/Turtle text or bytes, a .nt/.ttl ``Path``,
    or pyoxigraph Triples. Other graphs are not touched; a replacement is one transaction.
    ``extra_meta``: more ``store:`` entries for the meta graph (a build adds ``inputHash``);
    ``digest``: the :func:`content_hash` of the triples when the caller computed it already.
    """
    return _put(store, article_graph_iri(article_id), graph_or_ntriples,
                {"graphKind": "article", "articleId": article_id, **(extra_meta or {})}, f"article '{article_id}'",
                digest)


def put_static(store: ox.Store, name: str, graph: GraphInput) -> bool:
    """Store the ontology, codebook or gazetteer graph (``name``); returns whether it changed.

    ``graph``: an rdflib Graph, Turtle text, a Turtle ``Path`` or pyoxigraph Triples.
    """
    return _put(store, static_graph_iri(name), graph, {"graphKind": name}, f"{name} graph") != "unchanged"


def remove_article(store: ox.Store, article_id: str) -> bool:
    """Remove one article's graph and its meta entry (one transaction).

    Returns False, changing nothing, when the store has no such article (so a build can remove
    the articles that disappeared from its input without asking first); the ``remove`` command
    turns False into an error.
    """
    g = article_graph_iri(article_id)
    node = ox.NamedNode(g)
    try:
        if not store.contains_named_graph(node):
            return False
        store.update(f"DROP GRAPH <{g}> ; DELETE WHERE {{ GRAPH <{META_GRAPH}> {{ <{g}> ?p ?o }} }}")
    except (OSError, RuntimeError) as exc:
        raise StanceGraphError(f"cannot remove article '{article_id}': {' '.join(str(exc).split())}") from None
    return True


def article_ids(store: ox.Store) -> list[str]:
    """The ids of the articles in the store, sorted."""
    ids = []
    for g in store.named_graphs():
        if isinstance(g, ox.NamedNode) and g.value.startswith(ARTICLE_GRAPH_PREFIX):
            ids.append(unquote(g.value[len(ARTICLE_GRAPH_PREFIX):]))
    return sorted(ids)


def stored_hash(store: ox.Store, graph_iri: str) -> str | None:
    """The content hash recorded for a graph, or None."""
    return _stored(store, graph_iri)[0]
