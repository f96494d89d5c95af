"""Unnamed collectives as speakers (issue 13 part 2), on sentences written for these tests.

A plural role noun ("officials", "diplomats", "leaders") with its modifiers is a group actor named by
its words and affiliated to the state or body its modifier names; modifiers joined by "and" make one
collective of several members, named with all its words and affiliated to none of them. A joint
statement speaks for its parties together.
"""

from __future__ import annotations

import pytest

from test_actors import extract, speakers_of


@pytest.mark.parametrize("text, expected", [
    pytest.param('Canadian officials said the tariff plan was "unworkable".',
                 {"Canadian officials": ("group", "Canada")}, id="a_demonym_affiliates_the_collective"),
    pytest.param('French and German officials accused the minister of "feigning interest" in the harbour talks.',
                 {"French and German officials": ("group", None)}, id="two_demonyms_joined_affiliate_none"),
    pytest.param('U.S. and Ukrainian officials said they had made "significant progress" on the plan.',
                 {"U.S. and Ukrainian officials": ("group", None)},
                 id="a_known_collective_closing_a_coordination_is_not_the_speaker"),
    pytest.param('US and Ukrainian delegations said the talks in Geneva had gone "very well".',
                 {"US and Ukrainian delegations": ("group", None)}, id="a_state_and_a_demonym_joined"),
])
def test_collectives_named_by_their_words(extractor, resources, text, expected):
    got = speakers_of(extract(extractor, text), resources)
    assert got == expected, got


def test_the_known_collective_alone_is_still_itself(extractor, resources):
    """Without the coordination, the gazetteer's own collective speaks, with its affiliation."""
    got = speakers_of(extract(extractor, 'Ukrainian officials said the plan was "unworkable".'), resources)
    assert got == {"Ukrainian officials": ("group", "Ukraine")}, got


def quoted_speakers(result) -> dict[str, str]:
    """Quoted words -> the name of their speaker."""
    return {st.quoted_text: result.actors[st.speaker].name for st in result.statements if st.quoted_text}


def test_a_joint_statement_speaks_for_its_parties_together(extractor):
    """ "X and Y issued a joint statement, describing …": the words are the two parties' together, and so are
    those of "the joint statement" quoted after it."""
    r = extract(extractor, 'Canada and France issued a joint statement on Tuesday, describing the talks as "respectful '
                           'and constructive". The joint statement said the two sides would "meet again soon".')
    assert quoted_speakers(r) == {"respectful and constructive": "Canada and France",
                                  "meet again soon": "Canada and France"}
    assert next(a for a in r.actors.values() if a.name == "Canada and France").kind == "group"


def test_a_joint_statement_with_another_party(extractor):
    """ "X said in a joint statement with Y that …" and a later "a joint statement said": X and Y together."""
    r = extract(extractor, 'Canada said in a joint statement with France that it would "lift the tariffs at once". '
                           'The talks were "useful," a joint statement said.')
    assert set(quoted_speakers(r).values()) == {"Canada and France"}, quoted_speakers(r)


def test_a_statement_that_is_not_joint_stays_its_issuers(extractor):
    r = extract(extractor, 'Canada issued a statement on Tuesday, describing the talks as "respectful and constructive".')
    assert set(quoted_speakers(r).values()) == {"Canada"}
    r = extract(extractor, 'Canada and France said the talks were "respectful and constructive".')
    assert "Canada and France" not in set(quoted_speakers(r).values())
