"""Validate stage: SHACL shapes over a graph, without inference.

pyshacl runs with ``inference="none"`` and the ontology as ``ont_graph`` (its
class hierarchy is mixed into the data for ``sh:class`` checks, nothing is
inferred from ``rdfs:range``).

Two shapes files, so that "conforms" means what the SHACL spec says (no
result at all): ``shapes/stancegraph-shapes.ttl`` holds the hard rules, and a
graph conforms when the SHACL engine reports nothing for them;
``shapes/stancegraph-advice.ttl`` holds soft expectations (low confidence, no
Wikidata id), whose warnings and infos are reported apart, counted by
severity (:meth:`Report.counts`), and never make a build fail.

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

    @classmethod
    def from_line(cls, line: str) -> "Violation":
        """A result back from its :meth:`oneline` (severity and text; what a worker sends back).

        >>> Violation.from_line("Info: urn:a: no id [shape urn:s]").severity
        'Info'
        """
        severity, _, rest = line.partition(": ")
        shape = rest.rsplit(" [shape ", 1)[1].rstrip("]") if " [shape " in rest else ""
        return cls("", shape, None, rest, severity)


@dataclass
class Report:
    """``conforms``: the SHACL engine's ``sh:conforms`` for the hard shapes (no result at all);
    ``violations``: their results; ``advice``: the results of the advice shapes."""

    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    advice: list[Violation] = field(default_factory=list)

    @property
    def errors(self) -> list[Violation]:
        return [v for v in self.violations if v.severity == "Violation"]

    def counts(self, advice: bool = True) -> dict[str, int]:
        """Results by severity (``Violation``, ``Warning``, ``Info``), advice included by default."""
        out = {"Violation": 0, "Warning": 0, "Info": 0}
        for v in self.violations + (self.advice if advice else []):
            out[v.severity] = out.get(v.severity, 0) + 1
        return out

    def summary(self) -> str:
        """One line: whether the hard shapes conform, and the advice counted by severity.

        >>> Report(True, [], [Violation("x", "s", None, "m", "Info")]).summary()
        'conforms to the shapes (SHACL: no results); advice: 0 warnings, 1 info'
        """
        c = self.counts(advice=False)
        if self.conforms:
            head = "conforms to the shapes (SHACL: no results)"
        else:
            head = (f"does not conform to the shapes ({c['Violation']} violations, {c['Warning']} warnings, "
                    f"{c['Info']} infos)")
        a = {"Warning": 0, "Info": 0}
        for v in self.advice:
            a[v.severity] = a.get(v.severity, 0) + 1
        w, i = a["Warning"], a["Info"]
        return f"{head}; advice: {w} warning{'s' * (w != 1)}, {i} info{'s' * (i != 1)}"

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


def advice_graph(path: str | Path | None = None) -> Graph:
    """The soft expectations (``shapes/stancegraph-advice.ttl``)."""
    return _load(str(path or paths.shapes_file().with_name("stancegraph-advice.ttl")))


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
    >>> sorted({c.shape.rsplit("#", 1)[-1] for c in p.graph_wide})
    ['ReviewShape', 'TextSpanShape']
    """
    return _prepare_shapes_cached(id(shapes), shapes)


def _to_oxigraph(data: Graph, ontology: Graph):
    import pyoxigraph as ox

    from .rdf import to_oxigraph

    st = ox.Store()
    st.bulk_extend(ox.Quad(t.subject, t.predicate, t.object) for g in (data, ontology)
                   for t in to_oxigraph(g))
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
                   store=None, advice: Graph | bool = True, consume: bool = False) -> Report:
    """Validate ``data`` against the shapes; the ontology supplies the class hierarchy.

    pyshacl runs every shape with ``inference="none"`` and the ontology as
    ``ont_graph``, on a :class:`PreparedQueryGraph` so that each SPARQL
    constraint is parsed once; SPARQL constraints of targeted node shapes that
    only use ``$this`` (the span-text check) run once over the whole graph on
    Oxigraph instead of once per focus node (:func:`prepare_shapes`).
    ``store``: an Oxigraph store already holding ``data`` and the ontology
    (saves converting them). ``advice``: the advice shapes too (``True``: the
    project's; a Graph: those; ``False``: none), reported in ``Report.advice``. ``consume``: ``data`` is a
    PreparedQueryGraph the caller no longer needs; it is validated in place (the
    ontology is mixed into it) instead of copied.
    """
    shapes = shapes if shapes is not None else shapes_graph()
    ontology = ontology if ontology is not None else ontology_graph()
    if advice is False:
        conforms, violations = _run(data, shapes, ontology, store, consume)
        return Report(conforms, violations)
    soft_shapes = advice_graph() if advice is True else advice
    # one engine run over both files; results are told apart by the shape that gave them, so
    # `conforms` is what the engine says for the hard shapes file alone
    _, results = _run(data, _union(shapes, soft_shapes), ontology, store, consume)
    soft_names = {str(s) for s in soft_shapes.subjects() if not isinstance(s, BNode)}
    hard = [v for v in results if v.shape.split(" ", 1)[0] not in soft_names]
    soft = [v for v in results if v.shape.split(" ", 1)[0] in soft_names]
    return Report(not hard, hard, soft)


_UNION: list = []   # [(a, b, union)]: the last pair asked for


def _union(a: Graph, b: Graph) -> Graph:
    """The two shapes graphs as one (blank nodes kept); the last pair's union is re-used."""
    if _UNION and _UNION[0][0] is a and _UNION[0][1] is b:
        return _UNION[0][2]
    g = Graph()
    for t in a:
        g.add(t)
    for t in b:
        g.add(t)
    _UNION[:] = [(a, b, g)]
    return g


def _run(data: Graph, shapes: Graph, ontology: Graph, store=None,
         consume: bool = False) -> tuple[bool, list[Violation]]:
    """The SHACL engine's ``sh:conforms`` for ``shapes`` and its results, sorted (violations first)."""
    from pyshacl import validate

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
        abort_on_first=False, allow_warnings=False, allow_infos=False, advanced=True, meta_shacl=False,
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
    return bool(conforms) and not violations, violations


def validate_file(path: str | Path) -> Report:
    """Validate a graph file (any format of :mod:`stancegraph.store.formats`; all its graphs together)."""
    from .rdf import to_rdflib
    from .store import load_file

    return validate_graph(to_rdflib(load_file(path)))


def validate_store(store_dir: str | Path) -> Report:
    """Validate everything in an on-disk store (all named graphs together)."""
    from .rdf import to_rdflib
    from .store import open_source

    return validate_graph(to_rdflib(open_source(None, store_dir)))
