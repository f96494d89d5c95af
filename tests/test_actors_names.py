"""One actor however the article names it (issue 13, actors F1), on sentences written for these tests.

A surname in a headline before the full name, a courtesy title read as a body's name, a name cut at a
hyphen, a role run into a name by the recogniser, a particle surname ("van Example"), a full name read
as a body whose surname speaks alone, a descriptor whose state is the state of the named person's
ministry, and "top diplomat" for a foreign minister: each is the one actor the article names, not a
second actor named after the words.
"""

from __future__ import annotations

import pytest

from stancegraph.extract.actors import title_variants
from stancegraph.ingest import parse_text


def extract(extractor, text, published="2025-05-02"):
    return extractor.extract(parse_text("t", f"date: {published}\n---\n{text}"))


def speakers(result) -> set[str]:
    return {result.actors[st.speaker].name for st in result.statements}


def words_for(result, name: str) -> set[str]:
    return {m.span.text for m in result.mentions if result.actors[m.actor].name == name}


CASES = [
    pytest.param('Oosterhuis on Westland: "Our party is alive and well"\n\nReporters heard Piet Oosterhuis speak '
                 'in Lisbon. Oosterhuis said that the votes were heard "loud and clear".',
                 "Piet Oosterhuis", {"Oosterhuis", "Piet Oosterhuis"},
                 id="a_headline_surname_before_the_full_name_is_that_person"),
    pytest.param('Interior Minister Nadia Farooq said she was “disappointed” with today’s decision.\n\n“The court '
                 'has acknowledged that the group carried out acts of violence,” said a statement from Ms Farooq.',
                 "Nadia Farooq", {"Nadia Farooq", "Farooq"},
                 id="a_courtesy_title_read_as_a_body_opens_a_persons_name"),
    pytest.param('President Moon Sang-in and the envoy met on Saturday. Moon said they "agreed on the summit".',
                 "Moon Sang-in", {"Moon Sang-in", "Moon"},
                 id="a_name_cut_before_a_hyphen_goes_on"),
    pytest.param('Harbour Authority Spokesperson Lena Voss said the port was "closed until further notice".',
                 "Lena Voss", {"Lena Voss"},
                 id="a_role_run_into_a_name_is_the_roles_holder"),
    pytest.param('Council President Jan van Oosten said the deal was "fair". Later, van Oosten said it was "final".',
                 "Jan van Oosten", {"Jan van Oosten", "van Oosten"},
                 id="a_particle_surname_is_the_person_named_in_full"),
    pytest.param('Tayo Brown reveals why local musicians can’t win prizes\n\nA popular musician and recording '
                 'artiste, Tayo Brown says local musicians cannot win because “we sing in dialect.”\n\nBrown said '
                 'the sound was "poor".',
                 "Tayo Brown", {"Tayo Brown", "Brown"},
                 id="a_full_name_read_as_a_body_whose_surname_speaks_alone_is_a_person"),
]


@pytest.mark.parametrize("text, name, words", CASES)
def test_one_actor_however_named(extractor, text, name, words):
    r = extract(extractor, text)
    assert speakers(r) == {name}
    assert words_for(r, name) == words
    assert next(a for a in r.actors.values() if a.name == name).kind == "person"


def test_a_descriptor_of_a_state_is_the_person_of_its_ministry(extractor):
    """ "Russia's deputy foreign minister" before "Deputy Foreign Minister Sergei Ryabkov": the gazetteer
    gives him to the foreign ministry, which belongs to that state; one actor, not two."""
    r = extract(extractor, "Russia's deputy foreign minister said on Monday that the talks had stalled.\n\n"
                           '"The momentum is gone," Deputy Foreign Minister Sergei Ryabkov was quoted as saying.')
    assert speakers(r) == {"Sergei Ryabkov"}


def test_a_top_diplomat_is_the_foreign_minister(extractor):
    """On a day the gazetteer knows the holder, the title names him; on another, the person the article
    names as that state's foreign minister."""
    r = extract(extractor, 'Lithuania\'s top diplomat said the summit would be "historic".', "2023-06-20")
    assert speakers(r) == {"Gabrielius Landsbergis"}
    r = extract(extractor, 'Lithuanian Foreign Minister Ann Example arrived in Riga.\n\n"We must not stop here," '
                           "Lithuania's top diplomat said.")
    assert speakers(r) == {"Ann Example"}


def test_title_variants():
    assert title_variants("westland's foreign minister") == ["westland's top diplomat", "westland's chief diplomat"]
    assert title_variants("prime minister") == []


def test_a_headline_surname_of_two_people_named_later_is_neither(extractor):
    """A headline surname names the one person the article names in full with it; with two (Piet and
    Anna Oosterhuis) it is neither of them (the surname in the text is the one named last before it)."""
    r = extract(extractor, 'Oosterhuis on Westland: "Our party is alive and well"\n\nReporters heard Piet Oosterhuis '
                           'and Anna Oosterhuis speak in Lisbon. Oosterhuis said that the votes were heard "loud and '
                           'clear".')
    first = min(r.mentions, key=lambda m: m.span.begin)
    assert first.span.text == "Oosterhuis" and r.actors[first.actor].name == "Oosterhuis"
    assert speakers(r) >= {"Anna Oosterhuis"}


def test_a_dateline_with_a_colon_is_a_place_not_a_speaker(extractor):
    """ "JERUSALEM: The office of … said": the place in capitals before the colon is where the report was
    filed; it neither speaks nor is named as an actor."""
    r = extract(extractor, 'Port deal reached\n\nJERUSALEM: The office of Prime Minister Ann Example said on Friday '
                           'that a "deal to release the ships" had been reached.')
    assert "JERUSALEM" not in {a.name for a in r.actors.values()}
    assert not any(m.span.text == "JERUSALEM" for m in r.mentions)
    r = extract(extractor, 'Port deal reached\n\nLISBON: The Harbour Board said on Friday that a "deal to release '
                           'the ships" had been reached.')
    assert speakers(r) == {"Harbour Board"}


def test_a_dateline_with_a_dash_is_a_place_not_a_speaker(extractor):
    """ "WASHINGTON – U.S. Senator Ann Example said …": the place before the dash is no actor, and the
    words after it are read as they stand."""
    r = extract(extractor, 'WASHINGTON – U.S. Senators Ann Example (R-Westland) and Bob Sample (D-Ruritania) today '
                           'applauded the passage of a resolution they introduced affirming that the Senate views the '
                           'actions of the government as "acts of terror".')
    assert "United States" not in {a.name for a in r.actors.values()}
    assert speakers(r) == {"Ann Example"}


@pytest.mark.parametrize("text, name", [
    pytest.param('The Westland Joints Chief of Staff (WJCS) said the fleet launched a drill.\n\n"The ships fired at '
                 '5 a.m.," the agency quoted the WJCS as saying in a statement.', "WJCS", id="quoted_as_saying"),
    pytest.param('The Harbour Chief of Staff (HCS) said on Sunday that "the drill was routine".', "HCS",
                 id="said_that"),
])
def test_an_acronym_in_apposition_to_a_title_is_a_body(extractor, text, name):
    """ "the Joints Chief of Staff (WJCS)": the acronym names the body; the title before it does not make it a
    person (a kind that differs from the same name's in other articles makes their graphs disagree)."""
    r = extract(extractor, text)
    assert {(r.actors[st.speaker].name, r.actors[st.speaker].kind) for st in r.statements} == {(name, "organisation")}


def test_a_body_named_with_a_comma_is_not_a_person(extractor):
    """ "Example, Sample warn …" read as one body, "Sample said" as a person: the comma joins two names, so the
    body is not a full name whose surname speaks alone; "Tayo Brown" read the same way is one."""
    from spacy.tokens import Span

    from stancegraph.extract.actors import ActorIndex

    finder = extractor.parser.actor_finder
    kinds = {}
    for first in ("Ann Example,", "Tayo"):
        doc = finder.nlp(f"{first} Sample warn of tougher tariffs. Sample said the tariffs were coming.")
        n = len(first.split()) + (1 if "," in first else 0)
        doc.ents = [Span(doc, 0, n + 1, "ORG"), Span(doc, n + 6, n + 7, "PERSON")]
        index = ActorIndex(extractor.resources, None)
        finder.find(doc, index, 0)
        kinds.update({a.name: a.kind for a in index.minted.values()})
    assert kinds["Tayo Sample"] == "person"
    assert kinds["Ann Example, Sample"] == "organisation"


def test_a_dame_is_named_without_the_title_and_by_her_first_name(extractor):
    """ "Dame Cressida Brook" is Cressida Brook (the courtesy title is no part of the name), and a later
    "Dame Cressida told …" is she."""
    r = extract(extractor, 'Police chief Dame Cressida Brook said the figures were "worrying".\n\nDame Cressida told '
                           'the city committee on Wednesday that “violent crime is not on the up again” but said there '
                           'had been “ghastly offences”.')
    assert speakers(r) == {"Cressida Brook"}
    assert words_for(r, "Cressida Brook") == {"Cressida Brook", "Cressida"}


def test_two_names_joined_by_a_hyphen_stay_two(extractor):
    """A name cut before "-mi" goes on over it; a hyphen before a capitalised name ("the Example-Sample
    talks") joins two people's names and ends the first."""
    from spacy.tokens import Doc

    from stancegraph.extract.actors import _hyphen_end

    vocab = extractor.parser.actor_finder.nlp.vocab
    doc = Doc(vocab, words=["Ann", "Sun", "-", "mi", "said"], spaces=[True, False, False, True, False])
    assert _hyphen_end(doc, 2) == 4
    doc = Doc(vocab, words=["the", "Example", "-", "Sample", "talks"], spaces=[True, False, False, True, False])
    assert _hyphen_end(doc, 2) == 2
