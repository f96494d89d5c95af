"""The rule layer's predicates of removal and imposition (sentences written here, not from any article)."""

from __future__ import annotations

import pytest

from stancegraph.extract import Extractor
from stancegraph.ingest import parse_text


@pytest.fixture(scope="module")
def rules(resources):
    return Extractor(resources, stances="rules")


def positions(ex, text):
    r = ex.extract(parse_text("t", text))
    return {(r.actors[p.holder].name, p.issue, int(p.stance)) for p in r.positions}


@pytest.mark.parametrize("text,expected", [
    # removing something opposes it; imposing, adopting or extending it supports it (the issue's
    # own cue list names none of these verbs)
    ("Anna Berg said the allies should drop the security guarantees.", ("security-guarantees", -1)),
    ("Anna Berg wants parliament to scrap the neutral status.", ("ukraine-neutrality", -1)),
    ("Anna Berg said the assembly would adopt a neutral status.", ("ukraine-neutrality", 1)),
    ("Anna Berg urged the allies to remove the peacekeepers.", ("security-guarantees", -1)),
    # a negation turns the predicate round
    ("Anna Berg said the allies would not drop the security guarantees.", ("security-guarantees", 1)),
])
def test_removal_and_adoption_predicates_give_the_stance(rules, text, expected):
    assert ("Anna Berg", *expected) in positions(rules, text)


@pytest.mark.parametrize("text,expected", [
    # removing a measure opposes it; imposing or tightening it supports it
    ("Anna Berg said the bloc should lift the sanctions on the bank.", -1),
    ("Anna Berg said the ministers should scrap the price cap.", -1),
    ("Anna Berg wants the council to ease the embargo on steel.", -1),
    ("Anna Berg said the government would impose new sanctions next week.", 1),
    ("Anna Berg said the union had to tighten the embargo.", 1),
    # a negation turns the predicate round
    ("Anna Berg said the council must not ease the embargo.", 1),
    ("Anna Berg said the bloc would not lift the sanctions.", 1),
])
def test_removal_and_imposition_predicates_give_the_stance(rules, text, expected):
    assert ("Anna Berg", "sanctions-on-russia", expected) in positions(rules, text)


@pytest.mark.parametrize("text,expected", [
    ("Anna Berg rejected the neutrality model put forward by the envoys.", ("ukraine-neutrality", -1)),
    ("Anna Berg backed the security guarantee framework.", ("security-guarantees", 1)),
])
def test_a_topic_naming_a_proposal_is_the_topic(rules, text, expected):
    # "the neutrality model" is about neutrality, unlike "a WHO ministers' meeting", which is a meeting
    assert ("Anna Berg", *expected) in positions(rules, text)
