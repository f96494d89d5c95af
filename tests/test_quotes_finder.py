"""The quote finder on marks set the way news pages set them, on sentences written for these tests."""

from __future__ import annotations

import pytest

from stancegraph.extract.quotes import find_quotes


@pytest.mark.parametrize("text,expected", [
    pytest.param('The mayor spoke.\n— It may take a long time. The quays wait," the mayor told the council.\n',
                 ["It may take a long time. The quays wait,"], id="a_dialogue_dash_opens_the_quote"),
    pytest.param('The mayor spoke.\n– We agree," she said.\n', ["We agree,"], id="an_en_dash_too"),
    pytest.param('The council met.\n— the quays, the docks and the locks\n— and then "the toll," she said.\n',
                 ["the toll,"], id="a_dashed_list_is_no_quote"),
])
def test_a_dialogue_dash_paragraph(text, expected):
    assert [q.text for q in find_quotes(text)] == expected


@pytest.mark.parametrize("text,expected", [
    pytest.param('The mayor said this represents"additional work," and left.', ["additional work,"],
                 id="a_straight_mark_glued_to_the_word_before"),
    pytest.param('They added that"the tolls must go" soon, and "the locks" too.', ["the tolls must go", "the locks"],
                 id="glued_then_spaced"),
    pytest.param('She listed “the docks”, “ the quays are closed.” Then she left.', ["the docks", "the quays are closed."],
                 id="an_opening_mark_with_a_space_after_it"),
    pytest.param("The ministers' meeting and the 5\" pipe don't count.", [], id="apostrophes_and_inches"),
])
def test_marks_with_a_space_lost_or_added(text, expected):
    assert [q.text for q in find_quotes(text)] == expected


@pytest.mark.parametrize("text,expected", [
    pytest.param('"Westland published the so-called "harbour consensus" on the crisis. It has support," Li said.',
                 ['Westland published the so-called "harbour consensus" on the crisis. It has support,'],
                 id="straight_marks_inside_straight_marks"),
    pytest.param('“The so-called “harbour crisis” is over,” she said.', ['The so-called “harbour crisis” is over,'],
                 id="curly_marks_inside_curly_marks"),
    pytest.param('"One," she said, "two."', ["One,", "two."], id="two_quotes_are_not_nested"),
    pytest.param('"One, she said. Then Bob said "no way" and left.', ['One, she said. Then Bob said "no way'],
                 id="unpaired_marks_close_at_the_first_closing_mark"),
])
def test_quotes_inside_quotes(text, expected):
    assert [q.text for q in find_quotes(text)] == expected
