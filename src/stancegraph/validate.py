"""Validate stage: SHACL shapes over a graph, without inference.

pyshacl runs with ``inference="none"`` and the ontology as ``ont_graph`` (its
class hierarchy is mixed into the data for ``sh:class`` checks, nothing is
inferred from ``rdfs:range``). Warnings and infos do not make a graph fail.

>>> from rdflib import Graph
>>> report = validate_graph(Graph())
>>> report.conforms
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF

from . import paths
from .errors import StanceGraphError

SH = "http://www.w3.org/ns/shacl#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf"


@dataclass(frozen=True)
class Violation:
    focus: str
    shape: str
    path: str | None
    message: str
    severity: str
    value: str | None = None

    def oneline(self) -> str:
        where = f" {self.path}" if self.path else ""
        val = f" (value {self.value})" if self.value else ""
        return f"{self.severity}: {self.focus}{where}: {self.message}{val} [shape {self.shape}]"


@dataclass
class Report:
    conforms: bool
    violations: list[Violation] = field(default_factory=list)

    @property
    def errors(self) -> list[Violation]:
        return [v for v in self.violations if v.severity == "Violation"]

    def text(self, limit: int = 50) -> str:
        lines = [v.oneline() for v in self.errors[:limit]]
        more = len(self.errors) - limit
        if more > 0:
            lines.append(f"... and {more} more violations")
        return "\n".join(lines)


@lru_cache(maxsize=4)
def _load(path: str) -> Graph:
    from .knowledge import parse_turtle

    return parse_turtle(path)


def shapes_graph(path: str | Path | None = None) -> Graph:
    return _load(str(path or paths.shapes_file()))


def ontology_graph(path: str | Path | None = None) -> Graph:
    return _load(str(path or paths.ontology_file()))


class PreparedQueryGraph(Graph):
    """An rdflib Graph that parses each SPARQL text once and re-uses the prepared query.

    pyshacl runs a SPARQL constraint once per focus node and hands rdflib the
    query as text every time; rdflib would parse it again each time (most of
    the cost). The parsed, translated query only depends on the text, so it is
    cached per text (the initial bindings are given at evaluation).

    >>> g = PreparedQueryGraph()
    >>> _ = g.add((URIRef("urn:a"), URIRef("urn:p"), URIRef("urn:b")))
    >>> [str(r[0]) for r in g.query("SELECT ?o WHERE { ?s <urn:p> ?o }")]
    ['urn:b']
    """

    def query(self, query_object, *args, **kwargs):  # type: ignore[override]
        if isinstance(query_object, str):
            query_object = _prepared(query_object)
        return super().query(query_object, *args, **kwargs)


@lru_cache(maxsize=256)
def _prepared(text: str):
    from rdflib.plugins.sparql import prepareQuery

    return prepareQuery(text)


@dataclass(frozen=True)
class GraphWideConstraint:
    """A SPARQL constraint of a targeted node shape, evaluated once over the whole graph.

    ``query`` selects ``?this`` (and ``?value``, ``?path`` where the constraint
    binds them) for every focus node of ``shape`` that violates it.
    """

    shape: str
    query: str
    message: str
    severity: str


@dataclass(frozen=True)
class PreparedShapes:
    """The shapes split for fast validation: what pyshacl runs, and what runs once on Oxigraph."""

    pyshacl_shapes: Graph
    graph_wide: tuple[GraphWideConstraint, ...]
    holders: dict


_THIS = re.compile(r"\$this\b")
_OTHER_PREBOUND = re.compile(r"\$(currentShape|shapesGraph|PATH|value)\b")


def _prefix_block(shapes: Graph, constraint) -> str:
    sh = lambda n: URIRef(SH + n)  # noqa: E731
    lines = []
    for decl_holder in shapes.objects(constraint, sh("prefixes")):
        for decl in shapes.objects(decl_holder, sh("declare")):
            pre, ns = shapes.value(decl, sh("prefix")), shapes.value(decl, sh("namespace"))
            if pre is not None and ns is not None:
                lines.append(f"PREFIX {pre}: <{ns}>")
    return "\n".join(lines)


def _targets_pattern(shapes: Graph, shape) -> str | None:
    """A SPARQL pattern binding ?this to every focus node of ``shape`` (None: no target we handle)."""
    sh = lambda n: URIRef(SH + n)  # noqa: E731
    parts = []
    for c in shapes.objects(shape, sh("targetClass")):
        parts.append(f"{{ ?this a/<{RDFS_SUBCLASS}>* <{c}> }}")
    for n in shapes.objects(shape, sh("targetNode")):
        if not isinstance(n, URIRef):
            return None
        parts.append(f"{{ VALUES ?this {{ <{n}> }} }}")
    for p in shapes.objects(shape, sh("targetSubjectsOf")):
        parts.append(f"{{ SELECT DISTINCT ?this WHERE {{ ?this <{p}> [] }} }}")
    for p in shapes.objects(shape, sh("targetObjectsOf")):
        parts.append(f"{{ SELECT DISTINCT ?this WHERE {{ [] <{p}> ?this }} }}")
    if (shape, URIRef(RDF_TYPE), sh("PropertyShape")) in shapes or (shape, sh("path"), None) in shapes:
        return None
    return " UNION ".join(parts) if parts else None


@lru_cache(maxsize=8)
def _prepare_shapes_cached(key: int, shapes: Graph) -> PreparedShapes:
    """Split ``shapes``: SPARQL constraints of targeted node shapes that only use ``$this`` are taken
    out of what pyshacl runs (it would run them once per focus node) and rewritten as one query each
    over the whole graph; everything else stays with pyshacl."""
    sh = lambda n: URIRef(SH + n)  # noqa: E731
    lifted = []
    remove = []
    for shape, constraint in shapes.subject_objects(sh("sparql")):
        select = shapes.value(constraint, sh("select"))
        if select is None or (constraint, sh("deactivated"), Literal(True)) in shapes:
            continue
        text = str(select)
        targets = _targets_pattern(shapes, shape)
        if targets is None or _OTHER_PREBOUND.search(text) or not _THIS.search(text):
            continue
        inner = _THIS.sub("?this", text)
        message = " ".join(str(shapes.value(constraint, sh("message")) or
                               shapes.value(shape, sh("message")) or "SPARQL constraint").split())
        severity = shapes.value(constraint, sh("severity")) or shapes.value(shape, sh("severity")) or sh("Violation")
        query = (f"{_prefix_block(shapes, constraint)}\n"
                 f"SELECT DISTINCT * WHERE {{ {{ {inner} }} {{ {targets} }} }}")
        lifted.append(GraphWideConstraint(str(shape), query, message, str(severity).rsplit("#", 1)[-1]))
        remove.append((shape, constraint))
    if not remove:
        return PreparedShapes(shapes, (), {})
    rest = Graph()
    for t in shapes:
        rest.add(t)
    for shape, constraint in remove:
        rest.remove((shape, sh("sparql"), constraint))
    holders = {o: s for s, o in shapes.subject_objects(sh("property"))}
    return PreparedShapes(rest, tuple(sorted(lifted, key=lambda c: (c.shape, c.query))), holders)


def prepare_shapes(shapes: Graph) -> PreparedShapes:
    """:class:`PreparedShapes` of a shapes graph (cached per graph object).

    >>> p = prepare_shapes(shapes_graph())
    >>> [c.shape.rsplit("#", 1)[-1] for c in p.graph_wide]
    ['TextSpanShape']
    """
    return _prepare_shapes_cached(id(shapes), shapes)


def _to_oxigraph(data: Graph, ontology: Graph):
    import pyoxigraph as ox

    from .store.persistent import rdflib_to_oxigraph

    st = ox.Store()
    st.bulk_extend(ox.Quad(t.subject, t.predicate, t.object) for g in (data, ontology)
                   for t in rdflib_to_oxigraph(g))
    return st


def graph_wide_violations(constraints, data: Graph | None = None, ontology: Graph | None = None,
                          store=None) -> list[Violation]:
    """Run graph-wide SPARQL constraints once each, on Oxigraph, over ``data`` and the ontology
    (or over an Oxigraph ``store`` that already holds both)."""
    if not constraints:
        return []
    import pyoxigraph as ox

    st = store if store is not None else _to_oxigraph(data, ontology if ontology is not None else Graph())
    out = []
    for c in constraints:
        for row in st.query(c.query):
            def get(name):
                try:
                    v = row[name]
                except (KeyError, IndexError):
                    return None
                return None if v is None else v.value

            focus = get("this")
            value = get("value")
            path = get("path")
            out.append(Violation(focus or "", c.shape, path, c.message, c.severity,
                                 value if value is not None else focus))
    del ox
    return out


def validate_graph(data: Graph, shapes: Graph | None = None, ontology: Graph | None = None,
                   store=None, consume: bool = False) -> Report:
    """Validate ``data`` against the shapes; the ontology supplies the class hierarchy.

    pyshacl runs every shape with ``inference="none"`` and the ontology as
    ``ont_graph``, on a :class:`PreparedQueryGraph` so that each SPARQL
    constraint is parsed once; SPARQL constraints of targeted node shapes that
    only use ``$this`` (the span-text check) run once over the whole graph on
    Oxigraph instead of once per focus node (:func:`prepare_shapes`).
    ``store``: an Oxigraph store already holding ``data`` and the ontology
    (saves converting them). ``consume``: ``data`` is a PreparedQueryGraph the
    caller no longer needs; it is validated in place (the ontology is mixed
    into it) instead of copied.
    """
    from pyshacl import validate

    shapes = shapes if shapes is not None else shapes_graph()
    ontology = ontology if ontology is not None else ontology_graph()
    prepared = prepare_shapes(shapes)
    if consume and isinstance(data, PreparedQueryGraph):
        g = data
    else:
        g = PreparedQueryGraph()
        for prefix, ns in data.namespaces():
            g.bind(prefix, ns, override=True, replace=True)
        for t in data:
            g.add(t)
    if store is None and prepared.graph_wide:
        store = _to_oxigraph(data, ontology)  # before pyshacl mixes the ontology into g
    # inplace: g is ours to mix the ontology into, and pyshacl keeps our query-preparing graph
    conforms, results, _ = validate(
        g, shacl_graph=prepared.pyshacl_shapes, ont_graph=ontology, inference="none", inplace=True,
        abort_on_first=False, allow_warnings=True, allow_infos=True, advanced=True, meta_shacl=False,
    )
    violations = []
    shq = URIRef
    for r in results.subjects(RDF.type, shq(SH + "ValidationResult")):
        def val(p):
            o = results.value(r, shq(SH + p))
            return None if o is None else str(o)

        shape = results.value(r, shq(SH + "sourceShape"))
        shape_name = str(shape)
        # Name blank property shapes by the node shape that holds them.
        if isinstance(shape, BNode):
            for holder in shapes.subjects(shq(SH + "property"), shape):
                shape_name = f"{holder} property {val('resultPath')}"
        sev = (val("resultSeverity") or "").rsplit("#", 1)[-1]
        violations.append(Violation(val("focusNode") or "", shape_name, val("resultPath"),
                                    " ".join((val("resultMessage") or "").split()), sev, val("value")))
    violations += graph_wide_violations(prepared.graph_wide, data, ontology, store)
    violations.sort(key=lambda v: (v.severity != "Violation", v.focus, v.shape))
    # Warnings and infos are advice; only violations make a graph fail.
    return Report(not any(v.severity == "Violation" for v in violations), violations)


def validate_file(path: str | Path) -> Report:
    from .store import rdf_format  # noqa: F401  (checks the extension with a clear error)

    p = Path(path)
    if not p.is_file():
        raise StanceGraphError("no such graph file", path=p)
    g = Graph()
    fmt = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig", ".jsonld": "json-ld",
           ".json": "json-ld"}.get(p.suffix.lower())
    if fmt is None:
        raise StanceGraphError(f"unknown RDF file type '{p.suffix}'", path=p)
    try:
        if fmt in ("nquads", "trig"):
            from rdflib import Dataset

            ds = Dataset()
            ds.parse(p, format=fmt)
            for s, pr, o, _ in ds.quads((None, None, None, None)):
                g.add((s, pr, o))
        else:
            g.parse(p, format=fmt)
    except Exception as exc:
        raise StanceGraphError(f"not valid RDF: {' '.join(str(exc).split())[:300]}", path=p) from None
    return validate_graph(g)


def validate_store(store_dir: str | Path) -> Report:
    """Validate everything in an on-disk store (all named graphs together)."""
    from .store import open_source

    st = open_source(None, store_dir)
    g = Graph()
    data = "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in st)
    g.parse(data=data, format="nt")
    return validate_graph(g)
