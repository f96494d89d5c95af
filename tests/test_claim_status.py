"""Territorial claims stated as a status ("T will remain Russian", "T stays with X"), on sentences
written for these tests: the status cues of the codebook, negated to their negated sovereign, and a
cue found only where its words are one piece of the parse."""

from __future__ import annotations

import pytest

from stancegraph.ingest import parse_text


def claims_of(extractor, text):
    r = extractor.extract(parse_text("t", f" date 2023-03-01 {text}"))
    name = lambda iri: r.actors[iri].name if iri in r.actors else iri
    return {(name(c.claimant), c.territory.rsplit("/", 1)[-1], c.sovereign) for c in r.claims}


@pytest.mark.parametrize("text,expected", [
    ('Donald Trump said: "Sevastopol will stay with Russia."', ("Donald Trump", "sevastopol", "russia")),
    ("Sergei Lavrov said Melitopol would remain Russian forever.", ("Sergei Lavrov", "melitopol", "russia")),
    ("Sergei Lavrov said Enerhodar is Russian.", ("Sergei Lavrov", "enerhodar", "russia")),
    ("Sergei Lavrov said Berdiansk would stay under Russian control.", ("Sergei Lavrov", "berdiansk", "russia")),
    ("Volodymyr Zelenskyy said Melitopol was and will be Ukrainian.", ("Volodymyr Zelenskyy", "melitopol", "ukraine")),
    # a negated status asserts the negated sovereign
    ("Dmytro Kuleba said Melitopol will never be Russian.", ("Dmytro Kuleba", "melitopol", "ukraine")),
])
def test_status_claims(extractor, text, expected):
    assert expected in claims_of(extractor, text)


def test_status_words_must_be_one_phrase(extractor):
    # "is … Russian" split over two clauses states no status
    claims = claims_of(extractor, 'Dmytro Kuleba said: "The idea is supposedly that Russian troops will not '
                                  'enter Melitopol."')
    assert not {c for c in claims if c[2] == "russia"}, claims
