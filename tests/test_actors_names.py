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
