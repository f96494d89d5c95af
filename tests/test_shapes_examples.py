"""Each shapes/examples/*_PASS.ttl must conform; each *_XFAIL.ttl must fail on the shape it names."""

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


@pytest.mark.parametrize("path", [p for p in EXAMPLES if p.name.endswith("_XFAIL.ttl")], ids=lambda p: p.name)
def test_xfail_examples_fail_on_their_shape(path):
    expected = re.search(r"# expect: sgsh:(\w+)", path.read_text()).group(1)
    report = validate_graph(load(path))
    assert not report.conforms
    shapes = {v.shape.split(" ")[0] for v in report.errors}
    assert SGSH + expected in shapes, f"{path.name} failed on {shapes}, expected {expected}"
