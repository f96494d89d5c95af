"""Golden graphs: short articles written for these tests and the exact graph each must give.

They pin IRIs and the graph layout of the extract and graph stages (one quote with a
back-reference, reported speech, a territorial claim, a relayed demand), so that a
restructuring of ``extract/`` that changes any triple fails here with the difference
printed. Regenerate on purpose with ``STANCEGRAPH_REGEN_GOLDEN=1 pytest tests/test_golden.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from stancegraph.graph import article_graph, issue_iris
from stancegraph.ingest import parse_text

HERE = Path(__file__).resolve().parent / "golden"
CASES = sorted(p.stem for p in HERE.glob("*.txt"))


def _dump(g: Graph) -> str:
    return "\n".join(sorted(line for line in g.serialize(format="nt").splitlines() if line.strip()))


@pytest.mark.parametrize("case", CASES)
def test_article_graph_is_the_golden_one(case, extractor, resources):
    text = (HERE / f"{case}.txt").read_text(encoding="utf-8")
    article = parse_text(case, text)
    assert article.published is not None, "the header date is read"
    issues, sovereigns = issue_iris(resources)
    got = article_graph(extractor.extract(article), issues, sovereigns)
    expected_path = HERE / f"{case}.ttl"
    if os.environ.get("STANCEGRAPH_REGEN_GOLDEN") == "1":
        got.serialize(expected_path, format="turtle")
    expected = Graph().parse(expected_path, format="turtle")
    if not isomorphic(got, expected):
        _, only_got, only_expected = graph_diff(to_isomorphic(got), to_isomorphic(expected))
        pytest.fail(f"{case}: graph differs from tests/golden/{case}.ttl\n"
                    f"only in the built graph:\n{_dump(only_got)}\nonly in the golden graph:\n{_dump(only_expected)}")


def test_golden_cases_cover_the_shapes_they_pin():
    """Each case holds what it is named for, so a regenerated file cannot silently lose it."""
    sg = "https://w3id.org/stancegraph/ontology#"
    kinds = {case: {str(o) for o in Graph().parse(HERE / f"{case}.ttl").objects()} for case in CASES}
    assert sg + "DirectQuote" in kinds["quote"]
    assert sg + "ReportedSpeech" in kinds["reported"]
    assert sg + "TerritorialClaim" in kinds["claim"]
    relayed = Graph().parse(HERE / "relay.ttl")
    assert any(p.endswith("relayedBy") for p in map(str, relayed.predicates()))
