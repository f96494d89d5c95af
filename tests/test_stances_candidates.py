"""The candidates the stance classifier sees and the rule signals it reads, on sentences written here:
passives with an agent, predicates after a linking verb, "this was announced by X", conjuncts, a
linking verb's complement judging its subject, descriptive participles, event anaphora."""

from __future__ import annotations

import pytest

from stance_text import positions

from stancegraph.ingest import parse_text


def candidates(ex, resources, text):
    from stancegraph.extract.attribution import attribute
    from stancegraph.extract.speakers import SpeakerResolver

    pd, index = ex.parse(parse_text("t", text))
    return [(u.pattern, index.get(u.statement.speaker).name, " ".join(pd.doc[i].text for i in u.scope))
            for u in attribute(pd, SpeakerResolver(pd, index, ex.resources, ex.cues))]


# Candidates

@pytest.mark.parametrize("text,expected", [
    # the agent of a passive speaks, and what it rejects is in the scope
    ("The peace plan was rejected by Anna Berg on Monday.",
     ("reported-speech", "Anna Berg", "The peace plan rejected on Monday")),
    ("Full NATO membership remains opposed by Tom Okafor.",
     ("reported-speech", "Tom Okafor", "Full NATO membership opposed")),
])
def test_the_agent_of_a_passive_stance_verb_holds_it(rules, resources, text, expected):
    assert expected in candidates(rules, resources, text)


@pytest.mark.parametrize("text,expected", [
    ("The peace plan was rejected by Anna Berg on Monday.", ("Anna Berg", "us-peace-plan", -1)),
    ("Full NATO membership remains opposed by Tom Okafor.", ("Tom Okafor", "ukraine-nato-membership", -1)),
    # a predicate after a linking verb takes the linking verb's subject
    ("Anna Berg remains committed to the security guarantees.", ("Anna Berg", "security-guarantees", 1)),
])
def test_passives_and_predicates_after_a_linking_verb_give_positions(rules, text, expected):
    assert expected in positions(rules, text)


def test_speakers_joined_by_and_after_a_linking_verb_each_hold_it(rules):
    got = positions(rules, "Anna Berg and Tom Okafor were opposed to sending peacekeepers.")
    assert got == {("Anna Berg", "security-guarantees", -1), ("Tom Okafor", "security-guarantees", -1)}


def test_this_was_announced_by_x_reports_the_sentence_before(rules, resources):
    text = "The council will impose new sanctions on the bank next week. This was announced by Anna Berg on Monday."
    got = [c for c in candidates(rules, resources, text) if c[1] == "Anna Berg"]
    assert got == [("reported-speech", "Anna Berg",
                    "The council will impose new sanctions on the bank next week . This announced on Monday")]
    assert positions(rules, text) == {("Anna Berg", "sanctions-on-russia", 1)}
    # not across a paragraph break: there "this" may be anything
    assert positions(rules, text.replace(". This", ".\n\nThis")) == set()


# Rule signals

@pytest.mark.parametrize("text,expected", [
    # one conjunct does not turn the other round: both remove the sanctions
    ("Anna Berg said the bloc should ease or lift the sanctions.", {("sanctions-on-russia", -1)}),
    # a linking verb's complement judges its subject, and its negation turns the judgement round
    ("Anna Berg said that providing security guarantees is dangerous.", {("security-guarantees", -1)}),
    ("Anna Berg said a neutral status would be unacceptable.", {("ukraine-neutrality", -1)}),
    ("Anna Berg said the security guarantees are essential.", {("security-guarantees", 1)}),
    ("Anna Berg said the security guarantees were not essential.", {("security-guarantees", -1)}),
    # a participle that describes the sanctions ("imposed in March") takes no stance on them
    ("Anna Berg spoke about the sanctions imposed in March.", set()),
    ("Anna Berg said the sanctions imposed in March had hurt farmers.", set()),
    ("Anna Berg criticised the sanctions imposed in March.", {("sanctions-on-russia", -1)}),
    # an adverbial clause is outside the negation and the predicate of the clause it hangs on
    ("Anna Berg said the plan was not being considered, proposing new security guarantees instead.",
     {("security-guarantees", 1)}),
    # but a negation before coordinated verbs still governs both
    ("Anna Berg said the bloc would not ease or lift the sanctions.", {("sanctions-on-russia", 1)}),
    ("Anna Berg demanded that Ruritania forget NATO membership.", {("ukraine-nato-membership", -1)}),
    # a conjunct with a negation or a subject of its own is outside the negation of the first one
    ("Anna Berg said the council does not trust the envoys and will never lift the sanctions.",
     {("sanctions-on-russia", 1)}),
    ("Anna Berg said the talks had not started and that the council opposed the new sanctions.",
     {("sanctions-on-russia", -1)}),
])
def test_negation_contrast_and_judgement_on_the_path(rules, text, expected):
    assert {(i, s) for _, i, s in positions(rules, text)} == expected


@pytest.mark.parametrize("text,expected", [
    ("The envoys presented a new peace plan on Monday. Anna Berg rejected the document.",
     ("Anna Berg", "us-peace-plan", -1)),
    ("The council imposed new sanctions on the bank. Anna Berg said the decision was a mistake.",
     ("Anna Berg", "sanctions-on-russia", -1)),
    # "it" judged by a linking verb's complement refers to the plan named before
    ("The envoys presented a new peace plan on Monday. Anna Berg said it was unacceptable.",
     ("Anna Berg", "us-peace-plan", -1)),
])
def test_event_anaphors_judged_or_rejected_carry_the_issue(anaphora, rules, text, expected):
    assert expected in positions(anaphora, text)
    assert expected not in positions(rules, text)  # no issue word in the sentence itself


def test_remaining_firm_that_reports_the_clause(rules, resources):
    got = candidates(rules, resources, "Anna Berg remained firm that the security guarantees must be binding.")
    assert got == [("reported-speech", "Anna Berg", "firm that the security guarantees must be binding")]


def test_a_stance_noun_after_a_linking_verb_is_its_subjects_act(rules, resources):
    text = "Anna Berg has long been a vocal advocate of NATO membership."
    assert candidates(rules, resources, text) == [("narrated-action", "Anna Berg", "advocate of NATO membership")]
    assert positions(rules, text) == {("Anna Berg", "ukraine-nato-membership", 1)}
