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

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import BNode, Graph, URIRef
from rdflib.namespace import RDF

from . import paths
from .errors import StanceGraphError

SH = "http://www.w3.org/ns/shacl#"


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


def validate_graph(data: Graph, shapes: Graph | None = None, ontology: Graph | None = None,
                   advice: Graph | bool = True) -> Report:
    """Validate ``data`` against the shapes; the ontology supplies the class hierarchy.

    ``advice``: the advice shapes too (``True``: the project's; a Graph: those; ``False``: none).
    """
    shapes = shapes if shapes is not None else shapes_graph()
    ontology = ontology if ontology is not None else ontology_graph()
    conforms, violations = _run(data, shapes, ontology)
    soft: list[Violation] = []
    if advice is not False:
        _, soft = _run(data, advice_graph() if advice is True else advice, ontology)
    return Report(conforms, violations, soft)


def _run(data: Graph, shapes: Graph, ontology: Graph) -> tuple[bool, list[Violation]]:
    """pyshacl's ``sh:conforms`` and its results, sorted (violations first)."""
    from pyshacl import validate

    conforms, results, _ = validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference="none",
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
    violations.sort(key=lambda v: (v.severity != "Violation", v.focus, v.shape))
    return bool(conforms) and not violations, violations


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
