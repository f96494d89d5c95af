"""SHACL shapes compiled to SPARQL and run on Oxigraph: the build's validator.

pyshacl (:func:`stancegraph.validate.validate_graph`) stays the reference:
``stancegraph validate`` and everything that checks a graph file use it. A
build validates thousands of small article graphs, where pyshacl's walk over
every focus node in Python costs more than parsing the text; here every
constraint of the shapes becomes a SPARQL pattern, and all of them run as a
few queries over an Oxigraph store holding the data and the ontology, with
the same semantics as pyshacl with ``inference="none"`` and the ontology as
``ont_graph`` (class targets and ``sh:class`` follow ``rdfs:subClassOf`` in
the data and the ontology; nothing else is inferred). ``tests/test_shacl_sparql.py``
checks that both give the same results on every ``shapes/examples`` file and
on real builds.

Only the SHACL features the compiler knows are compiled (simple predicate
paths; ``sh:minCount``, ``maxCount``, ``datatype``, ``class``, ``in``,
``nodeKind``, ``pattern``, ``min/maxInclusive``, ``min/maxExclusive``,
``lessThan``, ``hasValue``, ``node``, SPARQL constraints on ``$this``);
:func:`compile_shapes` raises :class:`Unsupported` for anything else, and
:func:`validate_oxigraph` then falls back to pyshacl, so a user's own shapes
file is never checked less strictly.

>>> import pyoxigraph as ox
>>> from stancegraph.validate import shapes_graph, ontology_graph
>>> st = ox.Store()
>>> a = ox.NamedNode("https://w3id.org/stancegraph/id/article/x")
>>> st.add(ox.Quad(a, ox.NamedNode(RDF_TYPE), ox.NamedNode("https://w3id.org/stancegraph/ontology#Article")))
>>> report = validate_oxigraph(st, shapes_graph(), ontology_graph(), advice=False)
>>> sorted(v.path.rsplit("#", 1)[-1] for v in report.violations)
['articleId', 'isString']
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection

SH = "http://www.w3.org/ns/shacl#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
RDFS_CLASS = "http://www.w3.org/2000/01/rdf-schema#Class"
_XSD = "http://www.w3.org/2001/XMLSchema#"
# datatypes whose lexical form SPARQL can check by casting (an ill-typed literal does not cast)
_CASTABLE = {_XSD + n for n in ("integer", "decimal", "double", "float", "boolean", "date", "dateTime")}


class Unsupported(Exception):
    """A shapes graph uses a SHACL feature the compiler does not translate."""


@dataclass(frozen=True)
class Check:
    """One constraint of one shape: ``query`` selects ``?this`` (and ``?_value``) for each result."""

    shape: str              # what a result names: the shape IRI, or "HOLDER property PATH"
    path: str | None
    severity: str           # Violation, Warning, Info
    message: str
    query: str


def _sh(name: str) -> URIRef:
    return URIRef(SH + name)


def _term(t) -> str:
    """A SPARQL term for an rdflib term."""
    if isinstance(t, URIRef):
        return f"<{t}>"
    if isinstance(t, Literal):
        text = _string(str(t))
        if t.language:
            return f"{text}@{t.language}"
        if t.datatype is not None:
            return f"{text}^^<{t.datatype}>"
        return text
    raise Unsupported(f"blank node {t!r} as a constant")


def _string(s: str) -> str:
    out = s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    return f'"{out}"'


_KNOWN_PROPERTY = {_sh(n) for n in (
    "path", "minCount", "maxCount", "datatype", "class", "in", "nodeKind", "pattern", "flags", "minInclusive",
    "maxInclusive", "minExclusive", "maxExclusive", "lessThan", "hasValue", "node", "message", "severity",
    "name", "description", "order", "group", "deactivated")}
_KNOWN_NODE = {_sh(n) for n in (
    "property", "sparql", "targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf", "message",
    "severity", "name", "description", "deactivated")} | {URIRef(RDF_TYPE)}
_NODE_KINDS = {
    "IRI": "!isIRI(VALUE)", "BlankNode": "!isBlank(VALUE)", "Literal": "!isLiteral(VALUE)",
    "BlankNodeOrIRI": "isLiteral(VALUE)", "BlankNodeOrLiteral": "isIRI(VALUE)", "IRIOrLiteral": "isBlank(VALUE)",
}
_THIS = re.compile(r"\$this\b")
_OTHER_PREBOUND = re.compile(r"\$(currentShape|shapesGraph|PATH|value)\b")


class _Compiler:
    def __init__(self, shapes: Graph):
        self.g = shapes
        self._n = itertools.count()

    def var(self, stem: str = "v") -> str:
        return f"?_{stem}{next(self._n)}"

    def deactivated(self, shape) -> bool:
        return (shape, _sh("deactivated"), Literal(True)) in self.g

    def severity(self, shape) -> str:
        s = self.g.value(shape, _sh("severity"))
        return str(s).rsplit("#", 1)[-1] if s is not None else "Violation"

    def one(self, node, pred: str):
        values = list(self.g.objects(node, _sh(pred)))
        if len(values) > 1:
            raise Unsupported(f"several sh:{pred} on one shape")
        return values[0] if values else None

    # -- patterns: group contents that assume the focus variable ``f`` is bound in the same group ---

    def property_patterns(self, ps, f: str, depth: int = 0) -> list[tuple[str, str, str | None]]:
        """(component, pattern, value variable) for every constraint of property shape ``ps``."""
        for p, _ in self.g.predicate_objects(ps):
            if p.startswith(SH) and p not in _KNOWN_PROPERTY:
                raise Unsupported(f"{p} on a property shape")
        path = self.g.value(ps, _sh("path"))
        if not isinstance(path, URIRef):
            raise Unsupported("a property path that is not one predicate")
        pp = f"<{path}>"
        out = []

        def each(component: str, condition: str, extra: str = "") -> None:
            v = self.var()
            out.append((component, f"{f} {pp} {v} . {extra} FILTER ({condition.replace('VALUE', v)})", v))

        n = self.one(ps, "minCount")
        if n is not None and int(n) > 0:
            n = int(n)
            if n == 1:
                out.append(("minCount", f"FILTER NOT EXISTS {{ {f} {pp} [] }}", None))
            else:
                c, x = self.var("c"), self.var()
                out.append(("minCount", f"OPTIONAL {{ SELECT {f} (COUNT(DISTINCT {x}) AS {c}) "
                                        f"WHERE {{ {f} {pp} {x} }} GROUP BY {f} }} FILTER (COALESCE({c}, 0) < {n})",
                            None))
        n = self.one(ps, "maxCount")
        if n is not None:
            n = int(n)
            a, b = self.var(), self.var()
            if n == 0:
                out.append(("maxCount", f"FILTER EXISTS {{ {f} {pp} [] }}", None))
            elif n == 1:
                out.append(("maxCount", f"FILTER EXISTS {{ {f} {pp} {a}, {b} . FILTER (!sameTerm({a}, {b})) }}",
                            None))
            else:
                c = self.var("c")
                out.append(("maxCount", f"{{ SELECT {f} (COUNT(DISTINCT {a}) AS {c}) WHERE {{ {f} {pp} {a} }} "
                                        f"GROUP BY {f} }} FILTER ({c} > {n})", None))
        dt = self.one(ps, "datatype")
        if dt is not None:
            cond = f"!isLiteral(VALUE) || !sameTerm(DATATYPE(VALUE), <{dt}>)"
            if str(dt) in _CASTABLE:
                cond += f" || !COALESCE(isLiteral(<{dt}>(STR(VALUE))), false)"
            each("datatype", cond)
        for c in self.g.objects(ps, _sh("class")):
            each("class", f"NOT EXISTS {{ VALUE <{RDF_TYPE}>/<{RDFS_SUBCLASS}>* <{c}> }}")
        lst = self.one(ps, "in")
        if lst is not None:
            members = [_term(m) for m in Collection(self.g, lst)]
            each("in", "!(" + (" || ".join(f"sameTerm(VALUE, {m})" for m in members) or "false") + ")")
        kind = self.one(ps, "nodeKind")
        if kind is not None:
            k = str(kind)[len(SH):]
            if k not in _NODE_KINDS:
                raise Unsupported(f"sh:nodeKind {kind}")
            each("nodeKind", _NODE_KINDS[k])
        pat = self.one(ps, "pattern")
        if pat is not None:
            flags = self.one(ps, "flags")
            fl = f", {_string(str(flags))}" if flags is not None else ""
            each("pattern", f"isBlank(VALUE) || !REGEX(STR(VALUE), {_string(str(pat))}{fl})")
        for name, op in (("minInclusive", ">="), ("maxInclusive", "<="), ("minExclusive", ">"),
                         ("maxExclusive", "<")):
            lim = self.one(ps, name)
            if lim is not None:
                each(name, f"!COALESCE(VALUE {op} {_term(lim)}, false)")
        for other in self.g.objects(ps, _sh("lessThan")):
            if not isinstance(other, URIRef):
                raise Unsupported("sh:lessThan with a path")
            o = self.var("o")
            each("lessThan", f"!COALESCE(VALUE < {o}, false)", extra=f"{f} <{other}> {o} .")
        for hv in self.g.objects(ps, _sh("hasValue")):
            out.append(("hasValue", f"FILTER NOT EXISTS {{ {f} {pp} {_term(hv)} }}", None))
        for node in self.g.objects(ps, _sh("node")):
            v = self.var()
            branches = self.node_branches(node, v, depth + 1)
            if branches:
                union = " UNION ".join(f"{{ {f} {pp} {v} . {b} }}" for b in branches)
                out.append(("node", union, v))
        return out

    def parts(self, shape, depth: int):
        """("property", property shape) and ("sparql", constraint) of an active node shape."""
        if depth > 8:
            raise Unsupported("sh:node nested too deep (recursive shapes?)")
        if self.deactivated(shape):
            return
        self.check_node_shape(shape)
        for ps in self.g.objects(shape, _sh("property")):
            if not self.deactivated(ps):
                yield "property", ps
        for constraint in self.g.objects(shape, _sh("sparql")):
            if not self.deactivated(constraint):
                yield "sparql", constraint

    def node_branches(self, shape, f: str, depth: int = 0) -> list[str]:
        """Patterns, each true when focus ``f`` (bound first in the branch) violates ``shape``."""
        out = []
        for kind, node in self.parts(shape, depth):
            if kind == "property":
                out += [pattern for _, pattern, _ in self.property_patterns(node, f, depth)]
            else:
                out.append(self.sparql_pattern(node, f))
        return out

    def check_node_shape(self, shape) -> None:
        for p, o in self.g.predicate_objects(shape):
            if p.startswith(SH) and p not in _KNOWN_NODE and not (
                    p == _sh("path") or p in _KNOWN_PROPERTY):
                raise Unsupported(f"{p} on a node shape")
        if (shape, URIRef(RDF_TYPE), URIRef(RDFS_CLASS)) in self.g:
            raise Unsupported("implicit class target (a shape that is also an rdfs:Class)")

    def sparql_pattern(self, constraint, f: str) -> str:
        select = self.g.value(constraint, _sh("select"))
        if select is None:
            raise Unsupported("a SPARQL constraint without sh:select")
        text = str(select)
        if _OTHER_PREBOUND.search(text):
            raise Unsupported("a SPARQL constraint using $value, $PATH, $currentShape or $shapesGraph")
        return _THIS.sub(f, _where_body(text))

    def targets(self, shape, f: str) -> str | None:
        parts = []
        for c in self.g.objects(shape, _sh("targetClass")):
            parts.append(f"{{ {f} <{RDF_TYPE}>/<{RDFS_SUBCLASS}>* <{c}> }}")
        for n in self.g.objects(shape, _sh("targetNode")):
            parts.append(f"{{ VALUES {f} {{ {_term(n)} }} }}")
        for p in self.g.objects(shape, _sh("targetSubjectsOf")):
            parts.append(f"{{ SELECT DISTINCT {f} WHERE {{ {f} <{p}> [] }} }}")
        for p in self.g.objects(shape, _sh("targetObjectsOf")):
            parts.append(f"{{ SELECT DISTINCT {f} WHERE {{ [] <{p}> {f} }} }}")
        return " UNION ".join(parts) if parts else None

    def message(self, node, fallback: str) -> str:
        m = self.g.value(node, _sh("message"))
        return " ".join(str(m).split()) if m is not None else fallback

    # -- the checks of the whole shapes graph ---

    def checks(self) -> list[Check]:
        """Every result-giving constraint, the constraints of shapes reached through ``sh:node``
        included (pyshacl reports those results too, about the value node)."""
        out: list[Check] = []
        all_prefixes = set()
        for c in self.g.objects(None, _sh("prefixes")):
            all_prefixes.update(self.prefixes_of_holder(c))
        header = "\n".join(sorted(all_prefixes))
        shapes = set(self.g.subjects(_sh("targetClass"))) | set(self.g.subjects(_sh("targetNode"))) | \
            set(self.g.subjects(_sh("targetSubjectsOf"))) | set(self.g.subjects(_sh("targetObjectsOf")))
        for s in self.g.subjects(URIRef(RDF_TYPE), URIRef(RDFS_CLASS)):
            if (s, URIRef(RDF_TYPE), _sh("NodeShape")) in self.g or (s, _sh("property"), None) in self.g:
                raise Unsupported("implicit class target (a shape that is also an rdfs:Class)")
        for shape in sorted(shapes, key=str):
            if self.deactivated(shape):
                continue
            bind = f"{{ {self.targets(shape, '?this')} }}"
            if (shape, _sh("path"), None) in self.g:  # a property shape with its own targets
                out += self.property_checks(shape, shape, bind, "?this", header, 0)
            else:
                out += self.node_checks(shape, bind, "?this", header, 0)
        return out

    def node_checks(self, shape, bind: str, f: str, header: str, depth: int) -> list[Check]:
        out = []
        for kind, node in self.parts(shape, depth):
            if kind == "property":
                out += self.property_checks(node, shape, bind, f, header, depth)
                continue
            sev = self.g.value(node, _sh("severity")) or self.g.value(shape, _sh("severity"))
            out.append(Check(str(shape), None, str(sev).rsplit("#", 1)[-1] if sev else "Violation",
                             self.message(node, self.message(shape, "SPARQL constraint")),
                             f"{header}\nSELECT DISTINCT ?_focus ?_value WHERE {{ {bind} {self.sparql_pattern(node, f)} "
                             f"BIND({f} AS ?_focus) BIND(COALESCE(?value, {f}) AS ?_value) }}"))
        return out

    def prefixes_of_holder(self, holder) -> list[str]:
        lines = []
        for decl in self.g.objects(holder, _sh("declare")):
            pre, ns = self.g.value(decl, _sh("prefix")), self.g.value(decl, _sh("namespace"))
            if pre is not None and ns is not None:
                lines.append(f"PREFIX {pre}: <{ns}>")
        return lines

    def property_checks(self, ps, holder, bind: str, f: str, header: str, depth: int) -> list[Check]:
        path = self.g.value(ps, _sh("path"))
        name = f"{holder} property {path}" if isinstance(ps, BNode) else str(ps)
        out = []
        for component, pattern, v in self.property_patterns(ps, f, depth):
            value = f"BIND({v} AS ?_value)" if v else ""
            query = (f"{header}\nSELECT DISTINCT ?_focus ?_value WHERE {{ {bind} {pattern} "
                     f"BIND({f} AS ?_focus) {value} }}")
            out.append(Check(name, str(path), self.severity(ps),
                             self.message(ps, f"{component} constraint on {path}"), query))
        for node in self.g.objects(ps, _sh("node")):
            v = self.var()
            out += self.node_checks(node, f"{bind} {f} <{path}> {v} .", v, header, depth + 1)
        return out


def _where_body(select: str) -> str:
    """The contents of the WHERE group of a SELECT (without its outer braces)."""
    m = re.search(r"\bWHERE\s*\{", select, re.I) or re.search(r"\{", select)
    if m is None:
        raise Unsupported("a SPARQL constraint without a WHERE group")
    start = m.end()
    end = select.rstrip().rfind("}")
    tail = select[end + 1:].strip()
    if end < start or tail:
        raise Unsupported("a SPARQL constraint with solution modifiers after its WHERE group")
    return select[start:end]


@lru_cache(maxsize=8)
def _compiled(key: int, shapes: Graph) -> tuple[Check, ...]:
    return tuple(_Compiler(shapes).checks())


def compile_shapes(shapes: Graph) -> tuple[Check, ...]:
    """The checks of a shapes graph (cached per graph object); :class:`Unsupported` if it uses
    a feature the compiler does not translate.

    >>> from stancegraph.validate import shapes_graph
    >>> any(c.shape.endswith("TextSpanShape") and c.path is None for c in compile_shapes(shapes_graph()))
    True
    """
    return _compiled(id(shapes), shapes)


def run_checks(store, checks) -> list:
    """The results of ``checks`` on an Oxigraph ``store`` (data and ontology in its default graph)."""
    from .validate import Violation

    out = []
    for c in checks:
        for row in store.query(c.query, use_default_graph_as_union=True):
            focus, value = row["_focus"], row["_value"]
            out.append(Violation(focus.value if focus is not None else "", c.shape, c.path, c.message,
                                 c.severity, value.value if value is not None else None))
    return out


def validate_oxigraph(store, shapes: Graph | None = None, ontology: Graph | None = None,
                      advice: Graph | bool = True):
    """Validate what an Oxigraph ``store`` holds (with the ontology in it or given) against the shapes.

    Returns a :class:`stancegraph.validate.Report` with the results pyshacl would give for the
    same graph (``inference="none"``, ontology as ``ont_graph``); falls back to pyshacl when the
    shapes use a feature the compiler does not translate. ``ontology``: added to a copy of the
    store when given (``None``: the store holds it already).
    """
    from .validate import Report, advice_graph, shapes_graph, validate_graph

    shapes = shapes if shapes is not None else shapes_graph()
    soft = advice_graph() if advice is True else (advice or None)
    try:
        hard_checks = compile_shapes(shapes)
        soft_checks = compile_shapes(soft) if soft is not None else ()
    except Unsupported:
        from .rdf import to_rdflib

        g = to_rdflib(store)
        return validate_graph(g, shapes, ontology, advice=soft if soft is not None else False)
    if ontology is not None:
        from .rdf import to_oxigraph
        import pyoxigraph as ox

        st = ox.Store()
        st.bulk_extend(q for q in store.quads_for_pattern(None, None, None, None))
        st.bulk_extend(ox.Quad(t.subject, t.predicate, t.object) for t in to_oxigraph(ontology))
        store = st
    hard = _sorted(run_checks(store, hard_checks))
    return Report(not hard, hard, _sorted(run_checks(store, soft_checks)))


def _sorted(vs: list) -> list:
    return sorted(vs, key=lambda v: (v.severity != "Violation", v.focus, v.shape, v.path or "", v.value or ""))
