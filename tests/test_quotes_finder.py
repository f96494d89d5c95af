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


@pytest.mark.parametrize("text,expected", [
    pytest.param('The mayor spoke.\n"Hopes for a deal on the\nharbour have risen a little," Ann Example\ntold reporters.\n',
                 [("Hopes for a deal on the harbour have risen a little,", 1)], id="a_wrapped_line_runs_on"),
    pytest.param('The mayor spoke.\n"The quays\nwill\n\nwait for us', [], id="a_blank_line_ends_a_wrapped_quote"),
    pytest.param('The mayor said: "We are ready.\nThe quays stay closed.', [("We are ready.", 1)],
                 id="a_line_ending_a_sentence_does_not_run_on"),
])
def test_quote_over_wrapped_lines(text, expected):
    assert [(" ".join(q.text.split()), len(q.pieces)) for q in find_quotes(text)] == expected


def test_reopened_paragraphs_left_open_at_the_end_of_the_text_are_kept():
    # a page cut off before the last closing mark: each paragraph reopens the quote, each ends a sentence
    long = " ".join(["The quays stay closed until the council votes on the tolls and the locks."] * 6)
    text = f'Ann Example said: "{long}\n"We will wait for the vote.\n"The ships will wait too.\n'
    quotes = find_quotes(text)
    assert [len(q.pieces) for q in quotes] == [3]
    assert quotes[0].pieces[-1].text.strip() == "The ships will wait too."
    # one long paragraph left open is not trusted
    assert find_quotes(f'Ann Example said: "{long}\nThe ships left.\n') == []
