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

import hashlib
from pathlib import Path
from typing import Iterable, Iterator, Union
from urllib.parse import unquote

import pyoxigraph as ox

from ..errors import StanceGraphError
from ..fileio import atomic_output
from ..namespaces import prefix_map
from ..ids import ARTICLE_GRAPH_PREFIX, GRAPH_BASE, META_GRAPH, STATIC_GRAPHS, article_graph_iri, static_graph_iri

STORE_NS = "https://w3id.org/stancegraph/store#"

_HASH = ox.NamedNode(STORE_NS + "contentHash")
_COUNT = ox.NamedNode(STORE_NS + "tripleCount")
_META = ox.NamedNode(META_GRAPH)
_XSD = "http://www.w3.org/2001/XMLSchema#"

EXPORT_FORMATS = {"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS, "nq": ox.RdfFormat.N_QUADS}
_EXPORT_SUFFIX = {".trig": "trig", ".nq": "nquads", ".nquads": "nquads"}
EXPORT_PREFIXES = prefix_map()

GraphInput = Union["rdflib.Graph", str, bytes, Path, Iterable[ox.Triple]]  # noqa: F821


# ------------------------------------------------------------ open store ---

def open_store(path: str | Path, create: bool = True) -> ox.Store:
    """Open (or create) the on-disk store in directory ``path`` for reading and writing.

    Raises a one-line :class:`StanceGraphError` when ``path`` is a file, is missing and
    ``create`` is false, is a non-empty directory without an Oxigraph database in it (so a
    mistyped path never scatters database files into e.g. a source folder), or is locked by
    another process (a running build, ``stancegraph serve --writable`` or ``oxigraph serve``).
    The store is closed, and its lock released, when the returned object is garbage-collected.
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


# ------------------------------------------------------------ conversion ---

def rdflib_to_oxigraph(graph) -> list[ox.Triple]:
    """The triples of an rdflib Graph as pyoxigraph Triples, term by term.

    Lexical forms, datatypes and language tags are kept exactly (Oxigraph lower-cases
    language tags, which RDF treats as case-insensitive); each rdflib blank node becomes one
    fresh Oxigraph blank node. Generalised triples (a literal subject, ...) are refused.
    """
    from rdflib.term import BNode, Literal, URIRef

    bnodes: dict = {}

    def term(t, position: str):
        if isinstance(t, URIRef):
            try:
                return ox.NamedNode(str(t))
            except ValueError as exc:
                raise StanceGraphError(f"invalid IRI <{t}> in {position}: {exc}") from None
        if isinstance(t, BNode):
            if t not in bnodes:
                bnodes[t] = ox.BlankNode()
            return bnodes[t]
        if isinstance(t, Literal):
            try:
                if t.language:
                    return ox.Literal(str(t), language=t.language)
                if t.datatype is not None and str(t.datatype) != _XSD + "string":
                    return ox.Literal(str(t), datatype=ox.NamedNode(str(t.datatype)))
                return ox.Literal(str(t))
            except ValueError as exc:
                raise StanceGraphError(f"invalid literal {t.n3()} in {position}: {exc}") from None
        raise StanceGraphError(f"unsupported RDF term {t!r} in {position}")

    out = []
    for s, p, o in graph.triples((None, None, None)):
        try:
            out.append(ox.Triple(term(s, "subject"), term(p, "predicate"), term(o, "object")))
        except TypeError:
            raise StanceGraphError(f"not an RDF triple (generalised RDF is not stored): {s!r} {p!r} {o!r}") from None
    return out


def rdflib_to_ntriples(graph) -> str:
    """N-Triples text of an rdflib Graph, written by Oxigraph (exact escaping of every literal)."""
    return ox.serialize(rdflib_to_oxigraph(graph), format=ox.RdfFormat.N_TRIPLES).decode("utf-8")


def to_triples(data: GraphInput, source: str | None = None) -> list[ox.Triple]:
    """Triples from an rdflib Graph, Turtle/N-Triples text (str or bytes), a Turtle/N-Triples
    file (``Path``) or an iterable of pyoxigraph Triples."""
    try:
        import rdflib
    except ImportError:  # pragma: no cover - rdflib is a dependency
        rdflib = None
    if rdflib is not None and isinstance(data, rdflib.Graph):
        if isinstance(data, rdflib.Dataset):
            raise StanceGraphError("give one rdflib Graph per article, not a Dataset", path=source)
        return rdflib_to_oxigraph(data)
    if isinstance(data, Path):
        if data.suffix.lower() not in (".ttl", ".turtle", ".nt"):
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


# ---------------------------------------------------------------- export ---

def _content_quads(store: ox.Store, include_meta: bool) -> Iterator[ox.Quad]:
    for q in store.quads_for_pattern(None, None, None, None):
        if include_meta or q.graph_name != _META:
            yield q


def export_dataset(store: ox.Store, path: str | Path, fmt: str | None = None,
                   include_meta: bool = False) -> int:
    """Write the whole dataset, named graphs kept, as TriG or N-Quads (atomic write).

    ``fmt``: "trig", "nquads" or "nq"; None guesses from the suffix (.trig, .nq, .nquads).
    The meta graph (hashes) is left out unless ``include_meta``. Returns the number of quads.
    """
    target = Path(path)
    if fmt is None:
        fmt = _EXPORT_SUFFIX.get(target.suffix.lower())
        if fmt is None:
            raise StanceGraphError("cannot tell the dataset format from the suffix (use .trig or .nq)", path=target)
    key = fmt.lower().replace("-", "")
    if key not in EXPORT_FORMATS:
        raise StanceGraphError(f"unknown dataset format '{fmt}' (use trig or nquads)", path=target)
    counted = 0

    def counting(quads: Iterable[ox.Quad]) -> Iterator[ox.Quad]:
        nonlocal counted
        for q in quads:
            counted += 1
            yield q

    rdf_fmt = EXPORT_FORMATS[key]
    prefixes = EXPORT_PREFIXES if rdf_fmt == ox.RdfFormat.TRIG else None
    try:
        with atomic_output(target, "wb", encoding=None) as handle:
            ox.serialize(counting(_content_quads(store, include_meta)), handle, rdf_fmt, prefixes=prefixes)
    except OSError as exc:
        raise StanceGraphError(f"cannot write dataset: {exc.strerror or exc}", path=target) from None
    return counted
