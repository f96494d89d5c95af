"""Actors named with a title (issue 13, actors F1), on sentences written for these tests.

A person's name closing a long title that names a body ("Deputy Head of the Westland Harbour Council
Ann Example") is that person and the title's holder; a title between commas before a name ("Russia's
chief diplomat, Ann Example,") is the person named, or the holder when the name is another spelling
of the holder's.
"""

from __future__ import annotations

import pytest

from test_actors import aliases_of, extract


def quoted_speakers(result) -> set[str]:
    return {result.actors[st.speaker].name for st in result.statements if st.quoted_text}


TITLE_OF_A_BODY_CASES = [
    pytest.param('The Deputy Head of the Westland Harbour Council Ann Example said the port was "closed for good".',
                 "Ann Example", id="a_name_the_recogniser_reads_with_the_body"),
    pytest.param('Deputy Chairman of the European Commission Ann Example said the port was "closed for good".',
                 "Ann Example", id="a_name_after_a_gazetteer_body"),
    pytest.param('Minister of Foreign Affairs of Hungary Bob Sample told reporters that "the talks are over".',
                 "Bob Sample", id="a_title_with_a_field_and_a_state"),
    pytest.param('Former Adviser to the Office of the President of Ukraine Carl Example said: "We will not sign."',
                 "Carl Example", id="an_adviser_to_a_body"),
    pytest.param('The Deputy Head of the Russian Security Council Dmitry Medvedev said the port was "closed".',
                 "Dmitry Medvedev", id="a_gazetteer_person_after_a_gazetteer_body"),
]


@pytest.mark.parametrize("text, name", TITLE_OF_A_BODY_CASES)
def test_a_name_closing_a_title_of_a_body_is_the_titles_holder(extractor, text, name):
    r = extract(extractor, text)
    assert quoted_speakers(r) == {name}
    assert not any("'s " in a.name or "’s " in a.name for a in r.actors.values()), \
        [a.name for a in r.actors.values()]  # no "Ann Example's head", no "Harbour Council's chairman"


@pytest.mark.parametrize("text, owner", [
    pytest.param('An aide to Senator Ann Example said the bill was "dead".', "Ann Example", id="after_a_title"),
    pytest.param('An adviser to Ann Example said the bill was "dead".', "Ann Example", id="a_bare_name"),
])
def test_the_person_a_role_is_for_is_not_its_holder(extractor, text, owner):
    r = extract(extractor, text)
    (name,) = quoted_speakers(r)
    assert name != owner and owner in name


def test_a_body_of_one_word_before_two_more_is_no_name(extractor):
    """ "a spokesperson for the Westland Harbour Board": "Harbour Board" is the body's, not a person."""
    r = extract(extractor, 'A spokesperson for the Westland Harbour Board said the port was "closed".')
    assert not any(a.name == "Harbour Board" or a.kind == "person" and "Spokesperson" not in a.name
                   and "spokesperson" not in a.name for a in r.actors.values()), list(r.actors.values())


def test_a_title_between_commas_is_the_person_named(extractor):
    """The gazetteer's holder of a post is not the speaker when the text names another in apposition."""
    r = extract(extractor, 'Russia’s chief diplomat, Ann Example, said the offer was "a provocation".')
    assert quoted_speakers(r) == {"Ann Example"}
    assert aliases_of(r, "Ann Example") == {"Ann Example", "Russia’s chief diplomat"}


def test_a_name_in_apposition_to_a_title_spelt_like_its_holder_is_the_holder(extractor):
    r = extract(extractor, 'Russia’s chief diplomat, Sergey Lavrow, said the offer was "a provocation".')
    assert quoted_speakers(r) == {"Sergei Lavrov"}
    assert "Sergey Lavrow" in aliases_of(r, "Sergei Lavrov")  # the text's spelling is an alias


@pytest.mark.parametrize("text, name", [
    pytest.param('A spokesperson for the Westland Harbour Board said the port was "closed".',
                 "Westland Harbour Board spokesperson", id="a_bodys_spokesperson"),
    pytest.param('The European Commission’s spokesman said the port was "closed".',
                 "European Commission spokesperson", id="a_bodys_spokesman_with_a_possessive"),
    pytest.param('An adviser to Ann Example said the bill was "dead".', "Ann Example's adviser",
                 id="a_persons_adviser"),
])
def test_an_unnamed_role_of_a_named_actor_is_named_as_one_names_it(extractor, text, name):
    """A body's role goes after the body's name ("Kremlin spokesperson"), a person's after the possessive."""
    assert quoted_speakers(extract(extractor, text)) == {name}


def test_an_ambassador_to_a_state_is_not_that_states(extractor):
    """ "the Portuguese ambassador to Westland": Westland receives the ambassador, who is not its own."""
    r = extract(extractor, 'The Portuguese ambassador to Ruritania said the port was "closed".')
    (name,) = quoted_speakers(r)
    assert "Ruritania" not in name and "ambassador" in name, name


def test_a_place_read_as_a_body_speaks_for_no_one(extractor):
    """A headline's "X on Crimea: '…'" gives the words to X; the place is never minted as a body."""
    r = extract(extractor, 'Read more: Lavrov on occupied Crimea: "We have nothing to return"\n\n'
                           'Crimea said on Monday the bridge was "open".')
    assert not any(a.name == "Crimea" for a in r.actors.values()), [a.name for a in r.actors.values()]


def test_the_name_closing_a_chain_of_a_roles_phrases_is_the_roles_holder(extractor):
    """ "Westland's representative at the agencies in Lisbon, Ann Example, responded": the parser hangs
    the name on "Lisbon", two phrases below the role."""
    r = extract(extractor, 'In a Telegram post, Westland’s representative at international organizations in Lisbon, '
                           'Ann Example, responded that it was "absurd".')
    assert quoted_speakers(r) == {"Ann Example"}


def test_a_first_name_the_recogniser_leaves_out_after_a_title_is_the_names(extractor):
    r = extract(extractor, 'Westland envoy Anders Fogh Examplesen, speaking on the eve of the summit in Lisbon, '
                           'said it was "a smokescreen".')
    assert quoted_speakers(r) == {"Anders Fogh Examplesen"}


def test_a_title_after_a_bodys_name_of_several_words_is_not_another_bodys_post(extractor):
    """ "the Holy See's secretary of state" is not the gazetteer's US secretary of state."""
    r = extract(extractor, 'The Holy See’s secretary of state told reporters the offer was "an availability of place".')
    (name,) = quoted_speakers(r)
    assert "Holy See" in name, name


def test_a_persons_own_post_title_before_the_name_is_not_a_role_of_the_person(extractor):
    """ "Advisor to the Head of the President's Office Mikhail Podolyak": the recogniser reads the head's
    title with the name, but the words before the name are the title of his own post in the gazetteer."""
    r = extract(extractor, "Advisor to the Head of the President's Office Mikhail Podolyak said the talks were "
                           '"difficult".')
    assert quoted_speakers(r) == {"Mykhailo Podolyak"}


@pytest.mark.parametrize("title", ["Cardinal", "Archbishop", "Rabbi", "Sheikh"])
def test_a_clerical_or_customary_title_is_no_part_of_the_name(extractor, title):
    r = extract(extractor, f'{title} Ann Example, the synod’s envoy, told reporters the port was "open to all".')
    assert quoted_speakers(r) == {"Ann Example"}


def test_a_body_the_recogniser_cuts_inside_a_bracket_is_named_without_it(extractor):
    """ "The Union of 12 (U-12) group of harbour towns" read as "Union of 12 (U-12": no bracket left open."""
    r = extract(extractor, 'The Union of 12 (U-12) group of harbour towns said it would "stand with" the port.')
    assert quoted_speakers(r) == {"Union of 12"}


@pytest.mark.parametrize("text, name", [
    pytest.param('Former Ukrainian Prime Minister Yulia Tymoshenko has said the process failed. '
                 'In an interview, Tymoshenko said it should be "the basis of negotiations."',
                 "Yulia Tymoshenko", id="a_former_holder_sharing_the_first_name_and_a_surname_ending"),
    pytest.param('Ukrainian Prime Minister Yulia Svyridenko said the deal was "not acceptable".',
                 "Yulia Svyrydenko", id="the_holder_spelt_another_way"),
])
def test_a_title_before_a_name_is_the_holder_only_when_the_name_is_the_holders(extractor, text, name):
    """The post's holder on the day shares the first name; the surname decides (a typo or another
    transliteration is the holder, a different surname with the same ending is another person)."""
    assert quoted_speakers(extract(extractor, text)) == {name}

