"""Each shapes/examples/*_PASS.ttl must conform; each *_XFAIL.ttl must give exactly the violations it
lists, one ``# expect: sgsh:SHAPE FOCUS`` line per (shape, focus node) pair (as UCO's examples do):
a shape that stops firing, or starts firing on something else, fails the test."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph

from stancegraph.validate import validate_graph

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "shapes" / "examples").glob("*.ttl"))
SGSH = "https://w3id.org/stancegraph/shapes#"


def load(path: Path) -> Graph:
    g = Graph()
    g.parse(path)
    g.parse(ROOT / "data" / "codebook.ttl")
    return g


def test_there_are_examples_of_both_kinds():
    assert any(p.name.endswith("_PASS.ttl") for p in EXAMPLES)
    assert sum(p.name.endswith("_XFAIL.ttl") for p in EXAMPLES) >= 10


@pytest.mark.parametrize("path", [p for p in EXAMPLES if p.name.endswith("_PASS.ttl")], ids=lambda p: p.name)
def test_pass_examples_conform(path):
    report = validate_graph(load(path))
    assert report.conforms, report.text()


def expected_results(path: Path) -> set[tuple[str, str]]:
    """The (shape, focus node) pairs an XFAIL example declares; focus as <IRI> or PREFIX:rest."""
    prefixes = {p: str(ns) for p, ns in Graph().parse(path).namespaces()}
    out = set()
    for shape, focus in re.findall(r"^# expect: sgsh:(\w+) (\S+)$", path.read_text(), re.M):
        if focus.startswith("<"):
            iri = focus[1:-1]
        else:
            prefix, rest = focus.split(":", 1)
            iri = prefixes[prefix] + rest
        out.add((SGSH + shape, iri))
    return out


def test_optional_properties_have_pass_examples():
    names = {p.name for p in EXAMPLES}
    for name in ("statement_reported_by_PASS.ttl", "statement_utterance_date_PASS.ttl",
                 "statement_several_spans_PASS.ttl", "position_relayed_by_PASS.ttl"):
        assert name in names


@pytest.mark.parametrize("path", [p for p in EXAMPLES if p.name.endswith("_XFAIL.ttl")], ids=lambda p: p.name)
def test_xfail_examples_give_exactly_their_results(path):
    expected = expected_results(path)
    assert expected, f"{path.name} declares no '# expect: sgsh:SHAPE FOCUS' line"
    report = validate_graph(load(path))
    assert not report.conforms
    got = {(v.shape.split(" ")[0], v.focus) for v in report.errors}
    assert got == expected, f"{path.name}: unexpected {sorted(got - expected)}, missing {sorted(expected - got)}"
