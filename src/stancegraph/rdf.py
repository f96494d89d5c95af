"""Every crossing between rdflib (graph building, SHACL) and Oxigraph (store, SPARQL, fast I/O).

The graph stage builds rdflib graphs and pyshacl validates rdflib graphs; the
store, queries and file output are Oxigraph's. Terms cross here and nowhere
else, one way (:func:`to_oxigraph`) or the other (:func:`to_rdflib`):
lexical forms, datatypes and language tags are kept exactly (Oxigraph
lower-cases language tags, which RDF treats as case-insensitive), each blank
node becomes one fresh blank node on the other side.

>>> from rdflib import Graph, Literal, URIRef
>>> g = Graph().add((URIRef("urn:a"), URIRef("urn:p"), Literal("x", lang="en")))
>>> to_ntriples(g)
'<urn:a> <urn:p> "x"@en .\\n'
>>> from rdflib.compare import isomorphic
>>> isomorphic(to_rdflib(to_oxigraph(g)), g)
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

import pyoxigraph as ox

from .errors import StanceGraphError
from .namespaces import prefix_map

if TYPE_CHECKING:  # pragma: no cover
    import rdflib

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def to_oxigraph(graph: rdflib.Graph) -> list[ox.Triple]:
    """The triples of an rdflib Graph as pyoxigraph Triples, term by term.

    Generalised triples (a literal subject, ...) and invalid IRIs or literals are
    refused with a one-line :class:`StanceGraphError`.
    """
    from rdflib.term import BNode, Literal, URIRef

    bnodes: dict = {}
    iris: dict = {}

    def term(t, position: str):
        if isinstance(t, URIRef):
            node = iris.get(t)
            if node is not None:
                return node
            try:
                node = iris[t] = ox.NamedNode(str(t))
            except ValueError as exc:
                raise StanceGraphError(f"invalid IRI <{t}> in {position}: {exc}") from None
            return node
        if isinstance(t, BNode):
            if t not in bnodes:
                bnodes[t] = ox.BlankNode()
            return bnodes[t]
        if isinstance(t, Literal):
            try:
                if t.language:
                    return ox.Literal(str(t), language=t.language)
                if t.datatype is not None and str(t.datatype) != _XSD_STRING:
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


def to_ntriples(graph: rdflib.Graph) -> str:
    """N-Triples text of an rdflib Graph, written by Oxigraph (exact escaping of every literal)."""
    return ox.serialize(to_oxigraph(graph), format=ox.RdfFormat.N_TRIPLES).decode("utf-8")


def to_turtle(graph: rdflib.Graph) -> bytes:
    """Turtle of an rdflib Graph, written by Oxigraph (fast) with the project's prefixes.

    >>> from rdflib import Graph, URIRef
    >>> from stancegraph.namespaces import SG
    >>> g = Graph().add((URIRef("urn:a"), URIRef(str(SG.mode)), SG.DirectQuote))
    >>> print(to_turtle(g).decode().splitlines()[-1])
    <urn:a> sg:mode sg:DirectQuote .
    """
    store = ox.Store()
    store.extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in to_oxigraph(graph))
    return store.dump(format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(), prefixes=prefix_map())


def to_rdflib(data: ox.Store | Iterable[ox.Quad | ox.Triple], prefixes: dict[str, str] | None = None) -> rdflib.Graph:
    """One rdflib Graph of the triples of a store (all its graphs together) or of quads/triples,
    term by term (no text in between); ``prefixes`` are bound in it."""
    from rdflib import BNode, Graph, Literal, URIRef

    items = data.quads_for_pattern(None, None, None, None) if isinstance(data, ox.Store) else data
    g = Graph()
    for prefix, ns in (prefixes or {}).items():
        g.bind(prefix, ns, override=True, replace=True)
    iris: dict[str, URIRef] = {}
    bnodes: dict[str, BNode] = {}

    def term(t):
        if isinstance(t, ox.NamedNode):
            node = iris.get(t.value)
            if node is None:
                node = iris[t.value] = URIRef(t.value)
            return node
        if isinstance(t, ox.BlankNode):
            node = bnodes.get(t.value)
            if node is None:
                node = bnodes[t.value] = BNode()
            return node
        if isinstance(t, ox.Literal):
            if t.language:
                return Literal(t.value, lang=t.language)
            dt = t.datatype.value
            return Literal(t.value) if dt == _XSD_STRING else Literal(t.value, datatype=term(t.datatype))
        raise StanceGraphError(f"unsupported RDF term {t!r} (RDF-star is not kept)")

    g.addN((term(q.subject), term(q.predicate), term(q.object), g) for q in items)
    return g
