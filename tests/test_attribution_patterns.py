"""Quote attribution and speaker resolution patterns, on sentences written for these tests."""

from __future__ import annotations

import pytest

from stancegraph.ingest import parse_text


def quotes_of(extractor, text, published="2022-05-02"):
    r = extractor.extract(parse_text("t", f" date {published} {text}" if published else text))
    return r, {(r.actors[s.speaker].name, s.quoted_text) for s in r.statements if s.quoted_text}


def test_colon_introduction(extractor):
    _, got = quotes_of(extractor, 'Ann Example said: "The port stays closed."')
    assert got == {("Ann Example", "The port stays closed.")}


def test_headline_name_colon_quote(extractor):
    _, got = quotes_of(extractor, 'Ann Example: "The port stays closed"\nThe mayor spoke on Monday.')
    assert ("Ann Example", "The port stays closed") in got


def test_quote_continued_over_paragraphs_is_one_quote_per_paragraph(extractor):
    text = 'Ann Example spoke at the port.\n\n"The first part is ready.\n\n"The second part follows," she said.'
    _, got = quotes_of(extractor, text, published=None)
    assert got == {("Ann Example", "The first part is ready."), ("Ann Example", "The second part follows,")}


def test_quote_continued_without_a_reopening_mark_is_one_quote(extractor):
    text = ('Ann Example met the port council on Monday.\n\n"The quays stay closed until the vote.\n\n'
            'The ships will wait," she said.\n\nBob Sample left early.')
    r, got = quotes_of(extractor, text, published=None)
    assert got == {("Ann Example", "The quays stay closed until the vote. The ships will wait,")}
    # a closing mark after a word alone (no sentence end, no comma before it) continues nothing
    _, got = quotes_of(extractor, 'Ann Example spoke on Monday. "The quays stay closed until the vote.\n\n'
                                  'Bob Sample called it "a shame" later.', published=None)
    assert {q for _, q in got} == {"The quays stay closed until the vote.", "a shame"}


def test_two_speakers_in_one_sentence_and_bare_surnames(extractor):
    text = ('Ann Example met Bob Sample in Lisbon. "We agreed on the basics," Example said, '
            'while Sample said "nothing is settled."')
    _, got = quotes_of(extractor, text)
    assert got == {("Ann Example", "We agreed on the basics,"), ("Bob Sample", "nothing is settled.")}


def test_shared_surname_goes_to_the_one_named_last(extractor):
    text = ('Ann Example opened the meeting. Later her brother Carl Example arrived. '
            '"The port stays closed," Example said.')
    _, got = quotes_of(extractor, text)
    assert got == {("Carl Example", "The port stays closed,")}


def test_quoted_titles_are_not_quotes(extractor):
    r, got = quotes_of(extractor, 'Ann Example said on "Good Morning Harbour" that the "Port Safety Act" '
                                  'was "a disaster for workers."')
    assert got == {("Ann Example", "a disaster for workers.")}


def test_definite_descriptor_is_the_actor_named_nearby(extractor):
    text = ('Ann Example, the former prime minister, met students on Monday. '
            'According to the former prime minister, "the deal is close."')
    r, got = quotes_of(extractor, text)
    assert got == {("Ann Example", "the deal is close.")}
    assert not any("minister" in a.name for a in r.actors.values())


def test_unnamed_spokesperson_of_a_named_actor(extractor):
    text = ('A spokesperson for Ann Example said the talks would go on. '
            '"We expect a result by Friday," the spokesperson said.')
    r, got = quotes_of(extractor, text)
    assert got == {("Ann Example's spokesperson", "We expect a result by Friday,")}
    actor = next(a for a in r.actors.values() if a.name == "Ann Example's spokesperson")
    assert actor.kind == "person" and r.actors[actor.affiliation].name == "Ann Example"


def test_a_body_named_by_its_kind(extractor):
    text = 'The Harbour Watch Authority issued new rules. "Operators must comply by May," the regulator said.'
    _, got = quotes_of(extractor, text)
    assert got == {("Harbour Watch Authority", "Operators must comply by May,")}


def test_unnamed_collectives_are_group_actors(extractor):
    r, got = quotes_of(extractor, '"We are not convinced," Western officials said. "It is too early," critics said.')
    assert got == {("Western officials", "We are not convinced,"), ("critics", "It is too early,")}
    assert {a.kind for a in r.actors.values() if a.name in ("Western officials", "critics")} == {"group"}


def test_collective_affiliated_by_its_demonym(extractor):
    r, _ = quotes_of(extractor, '"We are not convinced," Ukrainian officials said.')
    actor = next(a for a in r.actors.values() if a.name == "Ukrainian officials")
    assert actor.affiliation == "https://w3id.org/stancegraph/id/actor/ukraine"


def test_object_control_evaluative_verbs_and_transliterated_names(extractor):
    _, got = quotes_of(extractor, 'The speech led Ann Example to label the plan as "reckless" on Monday.')
    assert got == {("Ann Example", "reckless")}
    _, got = quotes_of(extractor, 'Ann Example later slammed the proposal as "absolutely unacceptable."')
    assert got == {("Ann Example", "absolutely unacceptable.")}
    # a transliterated first name and a near surname are the gazetteer person
    _, got = quotes_of(extractor, 'The negotiator and adviser, Mijailo Podoliak, has assured that "the clause stays."')
    assert got == {("Mykhailo Podolyak", "the clause stays.")}


def test_outlets_documents_and_their_issuers(extractor):
    # an outlet relaying someone keeps them as the speaker
    r, got = quotes_of(extractor, '"We will win," TASS quoted Dmitry Peskov as saying.')
    assert got == {("Dmitry Peskov", "We will win,")}
    assert {r.actors[s.reported_by].name for s in r.statements if s.reported_by} == {"TASS"}
    # an outlet quoting its own text is the speaker
    _, got = quotes_of(extractor, '"The gap remains huge," Politico reported.')
    assert got == {("Politico", "The gap remains huge,")}
    # a document speaks for the body that issued it or was named just before
    _, got = quotes_of(extractor, '"No one may give up the harbour," reads a statement issued by the '
                                  'Harbour Workers Union.')
    assert got == {("Harbour Workers Union", "No one may give up the harbour,")}
    _, got = quotes_of(extractor, '"The port will reopen," the Harbour Board said. "Work starts in May," '
                                  'the statement said.')
    assert got == {("Harbour Board", "The port will reopen,"), ("Harbour Board", "Work starts in May,")}


def test_pronoun_after_a_participle_with_a_possessor(extractor):
    text = ('Ann Example addressed the council. Ridiculing Bob Sample’s claim that the port was safe, '
            'she said: "This is nonsense."')
    _, got = quotes_of(extractor, text)
    assert got == {("Ann Example", "This is nonsense.")}


def test_a_speaker_in_a_clause_of_his_own_keeps_the_quote(extractor):
    text = ('Ann Example spoke on Wednesday. The Harbour Board has agreed to an "orderly handover," she said, '
            'adding that other points included "restoration of order."')
    _, got = quotes_of(extractor, text)
    assert got == {("Ann Example", "orderly handover,"), ("Ann Example", "restoration of order.")}


def test_collectives_named_with_their_of_phrase(extractor):
    r, got = quotes_of(extractor, '"We support the plan," members of the Harbour Council said.')
    assert got == {("members of the Harbour Council", "We support the plan,")}
    actor = next(a for a in r.actors.values() if a.name == "members of the Harbour Council")
    assert actor.kind == "group" and r.actors[actor.affiliation].name == "Harbour Council"


def test_the_innermost_outlet_owns_its_text_and_the_publication_is_an_outlet(extractor):
    text = ('Talks went on. "Nothing was settled," Politico reports, writes the Harbour Gazette. '
            '"The gap remains huge," the publication says.')
    _, got = quotes_of(extractor, text)
    assert got == {("Politico", "Nothing was settled,"), ("Politico", "The gap remains huge,")}


def test_it_said_is_the_body_named_before(extractor):
    _, got = quotes_of(extractor, 'The Harbour Board met on Monday. "We are preparing to comply," it said.')
    assert got == {("Harbour Board", "We are preparing to comply,")}
    _, got = quotes_of(extractor, 'The plan is complex. "It works," it said.')
    assert not got


def test_unclosed_quote_ends_with_its_paragraph(extractor):
    from stancegraph.extract.quotes import find_quotes

    assert [q.text for q in find_quotes('She stressed that "the rules must hold.\nThe talks went on.')] == [
        "the rules must hold."]
    assert [q.text for q in find_quotes('" I think the issue is settled," she said.')] == [
        "I think the issue is settled,"]
    _, got = quotes_of(extractor, 'Ann Example stressed that "the rules must hold.\nThe talks went on.')
    assert got == {("Ann Example", "the rules must hold.")}


def test_quote_marks_of_every_habit():
    from stancegraph.extract.quotes import find_quotes
    # two apostrophes for a double mark, also closing a straight double one
    assert [q.text for q in find_quotes("She said ''the port stays shut.'' Then she left.")] == [
        "the port stays shut."]
    assert [q.text for q in find_quotes('He called the vote "rigged\'\' and left.')] == ["rigged"]
    # an opening mark glued to the full stop before it
    assert [q.text for q in find_quotes('“We are ready,” she wrote on X.“The rest is noise.” Then')] == [
        "We are ready,", "The rest is noise."]
    # a closing-style mark used to open, and double primes
    assert [q.text for q in find_quotes('The mayor said, ”Nothing has changed.” Then')] == ["Nothing has changed."]
    assert [q.text for q in find_quotes('″We are not there yet,″ the mayor said.')] == ["We are not there yet,"]
    # a straight mark glued to a full stop, met outside a quote and before a capital, opens one
    assert [q.text for q in find_quotes('The talks "speak volumes" about the port."It is my hope," he said.')] == [
        "speak volumes", "It is my hope,"]
    # and one glued after a closing mark ('supplies.""The')
    assert [q.text for q in find_quotes('It wants "fair prices.""The eyes are on us," she said.')] == [
        "fair prices.", "The eyes are on us,"]



def test_definite_descriptor_of_a_person_named_just_before(extractor):
    text = ('Ann Example, who leads the Ruritanian coalition, visited the harbour on Monday. '
            '"We will not sell the port," the Ruritanian president said.')
    r, got = quotes_of(extractor, text)
    assert got == {("Ann Example", "We will not sell the port,")}
    assert not any("president" in a.name for a in r.actors.values())


def test_gender_read_from_possessives_and_pronoun_chains():
    from stancegraph.extract.document import ArticleParser
    from stancegraph.extract.gender import article_genders
    from stancegraph.knowledge import load_resources
    text = ('Carl Example praised his own plan on Monday. Dora Sample arrived in Lisbon. '
            'She met the council.')
    pd, index = ArticleParser(load_resources()).parse(parse_text("t", text))
    got = {index.get(iri).name: g for iri, g in article_genders(pd, index).items()}
    assert got == {"Carl Example": "m", "Dora Sample": "f"}
    # an object "her" is someone else than the clause's subject; a possessive "her" is the subject's
    pd, index = ArticleParser(load_resources()).parse(parse_text("t", "Bob Sample spoke after her. "
                                                                      "Dora Example praised her own plan."))
    got = {index.get(iri).name: g for iri, g in article_genders(pd, index).items()}
    assert got == {"Dora Example": "f"}


def test_a_name_glued_to_a_closing_mark_is_still_the_speaker(extractor):
    text = ('Carl Example spoke to the council on Monday.\n\n'
            '“We have never refused to talk about the port”Example pointed out.')
    r, got = quotes_of(extractor, text)
    assert got == {("Carl Example", "We have never refused to talk about the port")}
    assert not any("”" in a.name for a in r.actors.values())


def test_the_verb_right_before_a_quote_reports_it(extractor):
    text = ('Ann Example tweeted, "The harbour will open on Friday." '
            'Bob Sample, the port director, spoke later, saying, "the quays are ready for ships." '
            'He saluted "all efforts towards a calm reopening of the port."')
    _, got = quotes_of(extractor, text)
    assert ("Ann Example", "The harbour will open on Friday.") in got
    assert ("Bob Sample", "the quays are ready for ships.") in got
    assert ("Bob Sample", "all efforts towards a calm reopening of the port.") in got


def test_one_unnamed_spokesperson_however_spelt(extractor):
    text = ('Mr Carl Example’s spokesman said the port was calm. '
            'Mr Carl Example’s spokesperson added: "The quays stay open."')
    r, _ = quotes_of(extractor, text)
    names = {a.name for a in r.actors.values()}
    assert "Carl Example's spokesperson" in names and not any("spokesman" in n for n in names)


def test_voicing_and_echoing_report_speech(extractor):
    from stancegraph.ingest import parse_text as pt
    text = ('Ann Example voiced doubt about the harbour plan. Bob Sample echoed her optimism about the talks. '
            'Carl Example set out the conditions for a deal.')
    pd, index = extractor.parse(pt("t", text))
    utts, _ = extractor.utterances(pd, index)
    said = {(index.get(u.statement.speaker).name, u.statement.cue) for u in utts}
    assert {("Ann Example", "voice"), ("Bob Sample", "echo"), ("Carl Example", "set")} <= said


def _speakers_of(extractor, text):
    pd, index = extractor.parse(parse_text("t", text))
    utts, _ = extractor.utterances(pd, index)
    return {index.get(u.statement.speaker).name for u in utts}


def test_a_condition_and_an_attitude_inside_anothers_speech_are_not_statements(extractor):
    said = _speakers_of(extractor, 'Ann Example said the harbour would close if Bob Sample does not accept the plan.')
    assert "Ann Example" in said and "Bob Sample" not in said
    said = _speakers_of(extractor, 'Ann Example said that Carl Example wants a deal on the port.')
    assert said == {"Ann Example"}
    # a speech verb inside another's speech still has its own speaker
    said = _speakers_of(extractor, 'Ann Example said that Carl Example told her the port would open.')
    assert "Carl Example" in said


def test_an_unknown_name_that_reports_is_an_outlet(extractor):
    text = ('Harbour Wire reports Mayor Ann Example rejected the toll plan on Monday, saying, '
            '"The port belongs to the city and it stays open."')
    r, got = quotes_of(extractor, text)
    assert got == {("Ann Example", "The port belongs to the city and it stays open.")}
    assert "Harbour Wire" not in {r.actors[s.speaker].name for s in r.statements}


def test_a_picture_credit_is_no_headline_claim(extractor):
    r = extractor.extract(parse_text("t", "Port talks stall again\nMayor Ann Example. (Photo: Harbour Wire)\n"
                                          "The council met on Monday."))
    assert not r.statements


#: (text written for the pattern, the (speaker, quote) pairs expected, whether others may be found too)
QUOTE_SPEAKER_CASES = [
    pytest.param(
        'Ann Example spoke at the harbour. "The first ships leave tomorrow," she continued. '
        '"Why should we wait any longer?" Example said.',
        {("Ann Example", "The first ships leave tomorrow,"),
         ("Ann Example", "Why should we wait any longer?")}, False,
        id='any_verb_in_the_frame_after_a_quote_reports_it'),
    pytest.param(
        '"The port stays closed until May," tweeted the Harbour Council on Monday.',
        {("Harbour Council", "The port stays closed until May,")}, False,
        id='inverted_frame_after_a_quote'),
    pytest.param(
        'Ms Ann Example opened the harbour talks. Mr Bob Sample, the port director, spoke next. '
        '"The quays must stay open," she said.',
        {("Ann Example", "The quays must stay open,")}, False,
        id='she_passes_over_a_man_the_article_shows_as_one'),
    pytest.param(
        '"The fleet is ready," Carl Example said. '
        'Bob Sample thanked the crews for their work at the harbour. '
        '"The harbour is defending the coast," he said.',
        {("Bob Sample", "The harbour is defending the coast,")}, True,
        id='he_is_the_subject_of_the_sentence_before_not_an_older_speaker'),
    pytest.param(
        'Bob Sample, the harbour master, arrived on Monday. '
        '"There are two reasons for Carl Example doing this," he said.',
        {("Bob Sample", "There are two reasons for Carl Example doing this,")}, False,
        id='a_narrative_pronoun_never_stands_for_a_name_inside_the_quote'),
    pytest.param(
        'After Bob Sample threatened new tolls on Monday, Carl Example said the harbour would stay open. '
        '"I pulled the handbrake," he said.',
        {("Carl Example", "I pulled the handbrake,")}, False,
        id='he_takes_the_main_clause_subject_of_the_sentence_before'),
    pytest.param(
        '"Words are not enough," Ann Example said, adding that the port would open if the council agreed. '
        '"If they keep the quays closed, we will keep ours closed."',
        {("Ann Example", "Words are not enough,"),
         ("Ann Example", "If they keep the quays closed, we will keep ours closed.")}, False,
        id='a_quote_after_a_full_stop_is_not_the_last_verbs'),
    pytest.param(
        'Carl Example met the council on Monday. Mr Example’s spokesperson said the port was calm.\n\n'
        '"Fighting continues," they said.',
        {("Carl Example's spokesperson", "Fighting continues,")}, False,
        id='singular_they_after_an_unnamed_spokesperson'),
    pytest.param(
        'Carl Example, the port director, took the opposite view.\n'
        '"I do not know what they would do at the table," Harbour Wire quoted him as saying.',
        {("Carl Example", "I do not know what they would do at the table,")}, False,
        id='quoted_him_as_saying_is_his'),
    pytest.param(
        'Ann Example rejected the toll plan on Monday, following Carl Example\'s statement of a possible '
        '"harbour swap."',
        {("Carl Example", "harbour swap.")}, False,
        id='a_quote_in_someones_statement_is_theirs'),
    pytest.param(
        'Dmitry Peskov said there were no plans for new votes on the borders. '
        '"Not yet," the Kremlin official said.',
        {("Dmitry Peskov", "Not yet,")}, False,
        id='the_kremlin_official_is_the_kremlin_person_named_before'),
    pytest.param(
        'Ann Example, the foreign minister, spoke in Lisbon. '
        'Ann Example said it marked a “new era” of trust between the two ports.',
        {("Ann Example", "new era")}, True,
        id='two_short_lowercase_words_are_a_quote_not_a_title'),
    pytest.param(
        "Bob Sample: I think the rival may just be 'stringing me along'\nThe mayor spoke on Monday.",
        {("Bob Sample", "stringing me along")}, True,
        id='headline_name_colon_words_then_quote'),
    pytest.param(
        'Ann Example said the talks were useful, Politico reports. Bob Sample wrote a letter. He met '
        'the mayor. The mayor left for Lisbon. Bob Sample met the council. "The gap between the two '
        'camps remains wide," the publication says.',
        {("Politico", "The gap between the two camps remains wide,")}, True,
        id='the_publication_sentences_after_the_outlet_is_named'),
    pytest.param(
        "Sir Carl Example, the prime minister, spoke in Lisbon. "
        "Sir Carl also said he is doing “everything he can” to keep the port open.",
        {("Carl Example", "everything he can")}, False,
        id='first_name_alone_after_the_full_name_is_that_person'),
    pytest.param(
        "Harbourland MP Carl Example has claimed the mayor fears the festival could be spoiled. "
        "As for whether he believes the mayor will keep his word, the MP argued: "
        "“He is promising something and at once doing the opposite.”",
        {("Carl Example", "He is promising something and at once doing the opposite.")}, False,
        id='the_mp_is_the_member_of_parliament_named_before'),
    pytest.param(
        '"Open Ports For All," Ann Example said on Monday.',
        {("Ann Example", "Open Ports For All,")}, False,
        id='a_capitalised_slogan_in_a_reporting_frame_is_a_quote'),
    pytest.param(
        "Ann Example spoke in Lisbon on Monday. Ann Example’s comments echo her call for “fair prices.”",
        {("Ann Example", "fair prices.")}, True,
        id='a_phrase_of_someones_comments_stays_a_quote'),
    pytest.param(
        'Ann Example met Bob Sample in Lisbon. Ann Example said the talks were useful, '
        'while Bob Sample insisted "the deal is not done."',
        {("Bob Sample", "the deal is not done.")}, True,
        id='the_second_speaker_of_a_contrastive_clause_keeps_the_quote'),
    pytest.param(
        'Bob Sample spoke to the council on Monday. He then turned to the toll plan:\n\n'
        '"The tolls are too high. The ships will go elsewhere."',
        {("Bob Sample", "The tolls are too high. The ships will go elsewhere.")}, False,
        id='a_paragraph_ending_with_a_colon_introduces_the_quote_below'),
    pytest.param(
        'To the mayor\'s question on the tolls, Bob Sample replied:\n\n"The tolls stay."',
        {("Bob Sample", "The tolls stay.")}, False,
        id='a_reporting_verb_before_the_colon_of_the_paragraph_before'),
    pytest.param(
        '"Close to madness": Ann Example on the new toll plan\nAnn Example spoke on Monday at the harbour.',
        {("Ann Example", "Close to madness")}, False,
        id='headline_quote_colon_name'),
    pytest.param(
        '"Close to madness": Ann Example and Bob Sample comment on the toll plan\n'
        'The two spoke on Monday at the harbour.',
        {("Ann Example", "Close to madness")}, False,
        id='headline_quote_colon_names_the_first'),
    pytest.param(
        '"No tolls for small ships": Ann Example on the port\n'
        'Bob Sample spoke first. "We want no tolls for small ships, none at all," Bob Sample said.',
        {("Bob Sample", "No tolls for small ships"),
         ("Bob Sample", "We want no tolls for small ships, none at all,")}, False,
        id='a_headline_quote_taken_from_the_body_is_its_speakers'),
    pytest.param(
        'Ann Example signalled on Monday that France may delay the vote on the tolls, saying the current '
        'draft is "not my final offer."',
        {("Ann Example", "not my final offer.")}, False,
        id='a_reporting_participle_after_a_reported_clause_is_the_reporters'),
    pytest.param(
        'Ann Example said France fears losing its quays, calling the plan "the clearest way to keep the port '
        'alive."',
        {("Ann Example", "the clearest way to keep the port alive.")}, False,
        id='calling_after_a_reported_clause_is_the_reporters'),
    pytest.param(
        'Harbour Wire reports Ann Example shot down the idea as well, saying last month, '
        '"The port is not for sale."',
        {("Ann Example", "The port is not for sale.")}, False,
        id='a_reporting_participle_of_a_person_who_speaks_stays_theirs'),
    pytest.param(
        "Ann Example said she was grateful to the ports that backed the plan.\n\n"
        "''The demand is clear: the tolls must go,'' she said.",
        {("Ann Example", "The demand is clear: the tolls must go,")}, False,
        id='two_apostrophes_after_a_comma_close_the_quote'),
    pytest.param(
        'Ann Example spoke to the council about the tolls. The tolls would need "robust guarantees", she said.'
        '\n\nIf there was no vote on Monday, "then the council must act on its own".',
        {("Ann Example", "robust guarantees"), ("Ann Example", "then the council must act on its own")}, False,
        id='quoted_words_ending_the_next_sentence_continue_the_speaker'),
    pytest.param(
        'The Harbour Board announced a three-day pause on Monday.\n\n"The other ports should follow this '
        'example," began a translated announcement from the Harbour Board.\n\n'
        '"In the event of new tolls, the board will respond."',
        {("Harbour Board", "The other ports should follow this example,"),
         ("Harbour Board", "In the event of new tolls, the board will respond.")}, False,
        id='an_announcement_speaks_for_the_body_it_is_from'),
    pytest.param(
        'Ann Example questioned the recording with a one word post on social media: "Fake."',
        {("Ann Example", "Fake.")}, False,
        id='a_colon_ending_a_clause_before_a_quote_gives_it_to_the_clauses_subject'),
    pytest.param(
        'The agenda of the port council included two items: "tolls and quays."',
        set(), False,
        id='a_colon_after_a_clause_whose_subject_is_nobody_gives_no_speaker'),
    pytest.param(
        'Bob Sample spoke to the council on Monday. He emphasized that for peace to be lasting, "we need to '
        'eliminate all the roots and causes of that conflict," highlighting the port\'s longstanding concerns.',
        {("Bob Sample", "we need to eliminate all the roots and causes of that conflict,")}, False,
        id='the_next_reporting_verb_when_the_nearest_has_its_subject_inside_the_quote'),
    pytest.param(
        'Politico reported on the port talks on Monday.\n\n"The gap is wide," the publication states.',
        {("Politico", "The gap is wide,")}, False,
        id='a_reporting_verb_read_as_a_plural_noun_after_a_quote'),
    pytest.param(
        'Politico reported on the port talks on Monday.\n\n'
        'These results, the publication notes, "culminated in weekend meetings in Lisbon."',
        {("Politico", "culminated in weekend meetings in Lisbon.")}, False,
        id='a_reporting_verb_read_as_a_plural_noun_before_a_quote'),
    pytest.param(
        'Ann Example said the talks were "useful and calm," but "nothing was settled on the tolls," '
        'Politico reports, writes Harbour Gazette.',
        {("Ann Example", "useful and calm,"), ("Politico", "nothing was settled on the tolls,")}, False,
        id='the_frame_right_after_the_second_quote_of_a_sentence_owns_it'),
    pytest.param(
        'Harbourland President Carl Example spoke on Monday. "The blockade must end," said Carl Example.\n\n'
        '"We appeal to the ports to open the quays," the Harbourland president added.',
        {("Carl Example", "The blockade must end,"), ("Carl Example", "We appeal to the ports to open the quays,")},
        False, id='the_x_president_is_the_person_named_before_not_x'),
    pytest.param(
        'Bob Sample spoke on the tolls. "We need the quays for the harbour," he said. "And I think we are going '
        'to get them. We are going to get them." Not so fast, says Ann Example.',
        {("Bob Sample", "We need the quays for the harbour,"),
         ("Bob Sample", "And I think we are going to get them. We are going to get them.")}, False,
        id='a_short_answer_after_a_quote_is_no_frame_of_it'),
    pytest.param(
        'Ann Example met the council. "The port is closed. It stays closed." She said.',
        {("Ann Example", "The port is closed. It stays closed.")}, False,
        id='a_bare_frame_split_off_by_the_sentence_splitter'),
    pytest.param(
        'Kyiv summoned the envoy to complain about Bob Sample’s comments that the port should have the '
        '“courage of the white flag” to end the strike.',
        {("Bob Sample", "courage of the white flag")}, False,
        id='a_quote_in_the_that_clause_of_someones_comments_is_theirs'),
    pytest.param(
        'Ann Example spoke in Lisbon. The council was also accused by Ann Example of subjecting the port to '
        '“pressure and threats”.',
        {("Ann Example", "pressure and threats")}, False,
        id='the_agent_of_a_passive_verb_of_speech_is_the_speaker'),
    pytest.param(
        'The port is closed, Bob Sample was quoted by Harbour Wire as saying: "We stay shut."',
        {("Bob Sample", "We stay shut.")}, False,
        id='quoted_by_an_outlet_as_saying_stays_the_subjects'),
    pytest.param(
        'After the negotiations in Belarus, Kyiv’s presidential advisor Mikhailo Example tweeted, “We have '
        'accomplished some tiny positive outcomes about the logistics of humanitarian corridors.”',
        {("Mikhailo Example", "We have accomplished some tiny positive outcomes about the logistics of "
                              "humanitarian corridors.")}, False,
        id='the_name_right_before_the_verb_when_the_parsed_subject_names_nobody'),
    pytest.param(
        'In a statement on Tuesday, the Harbour Families Forum in Lisbon urged the council to extend the truce, '
        'saying: “If a truce with the mayor is possible, so too is an end to the strike.”',
        {("Harbour Families Forum", "If a truce with the mayor is possible, so too is an end to the strike.")},
        False, id='a_place_after_the_subject_is_no_speaker'),
    pytest.param(
        '"We did not get there, but progress was made," Bob Sample said at the press conference. Referring to '
        'the talks, he hinted at a second meeting, to which Ann Example responded with a smile, “Next time in '
        'Lisbon.”',
        {("Bob Sample", "We did not get there, but progress was made,"), ("Ann Example", "Next time in Lisbon.")},
        False, id='the_reporting_clause_right_before_a_quote_owns_it'),
    pytest.param(
        '"The four regions are the key issue," said Bob Sample.\n\nTo Carl Example\'s remark that the regions are '
        'already lost, he replied:\n\n"Right. That is right. But that has always been an issue."',
        {("Bob Sample", "The four regions are the key issue,"),
         ("Bob Sample", "Right. That is right. But that has always been an issue.")}, False,
        id='a_possessor_in_a_fronted_to_phrase_is_not_the_pronouns_antecedent'),
    pytest.param(
        'In Ann Example’s account of her meeting in Lisbon with Bob Sample and the port’s lawyer Carl Example, '
        'she said the plan was a “tough endeavor.”',
        {("Ann Example", "tough endeavor.")}, False,
        id='a_possessor_in_a_fronted_in_phrase_may_be_the_pronouns_antecedent'),
    pytest.param(
        'Bob Sample is confident that Westland does not want the whole port.\n\n"They got what they wanted. They '
        'got those five quays back. They have the docks and they got what they need. I think we have to get a fair '
        'deal for the town. But we cannot let this port drag us into a war. And that is not my policy. That is the '
        'mayor\'s policy," he said.',
        {("Bob Sample", "They got what they wanted. They got those five quays back. They have the docks and they got "
                        "what they need. I think we have to get a fair deal for the town. But we cannot let this port "
                        "drag us into a war. And that is not my policy. That is the mayor's policy,")}, False,
        id='he_after_a_long_quote_looks_back_from_where_the_quote_began'),
    pytest.param(
        'Ann Example spoke in Lisbon on Monday. Ann Example reminded the council of the port\'s "red lines".',
        {("Ann Example", "red lines")}, False, id='reminded_reports_speech'),
    pytest.param(
        'The Harbour Board spoke on Monday. It alleged that the "toll cartel" had raised prices.',
        {("Harbour Board", "toll cartel")}, False, id='alleged_reports_speech'),
    pytest.param(
        'Ann Example met the council on Monday. Bob Sample spoke after her. "We will not pay the tolls," he said.',
        {("Bob Sample", "We will not pay the tolls,")}, False,
        id='he_is_not_the_man_an_object_her_follows'),
    pytest.param(
        'The port talks resumed in Lisbon. "The harbour deal is close," a US official told reporters.',
        {("US official", "The harbour deal is close,")}, False,
        id='an_unnamed_member_of_a_named_state_is_not_the_state'),
    pytest.param(
        'The port talks resumed in Lisbon. "The harbour deal is close," an EU diplomat said.',
        {("EU diplomat", "The harbour deal is close,")}, False,
        id='an_unnamed_member_of_a_named_body_is_not_the_body'),
]


@pytest.mark.parametrize("text, expected, subset", QUOTE_SPEAKER_CASES)
def test_quote_speaker_patterns(extractor, text, expected, subset):
    _, got = quotes_of(extractor, text)
    assert expected <= got if subset else got == expected



#: (text written for the rule, a quoted phrase, the speaker it is not given to: None for anyone)
NOT_A_QUOTE_CASES = [
    pytest.param("Bob Sample: the port is closed. Critics call it a 'slow surrender'\nThe mayor spoke on Monday.",
                 "slow surrender", "Bob Sample", id='headline_colon_then_a_sentence_end_is_not_the_speakers'),
    pytest.param("Ann Example spoke in Lisbon on Monday. Ann Example’s comments echo old claims to the coast "
                 "under the royal concept of “Newharbour” (New Harbour).",
                 "Newharbour", None, id='a_named_term_after_someones_comments_is_the_writers_label'),
    pytest.param('Ann Example welcomed the "Coalition of the Bold," a group of ten ports that will share pilots.',
                 "Coalition of the Bold,", None, id='a_title_with_the_comma_inside_the_marks'),
    pytest.param("Carl Example met Carl Sample in Lisbon. "
                 "Carl said the port would stay “open to all ships” this year.",
                 "open to all ships", "Carl Example", id='a_first_name_two_people_share_is_not_examples'),
    pytest.param("Carl Example met Carl Sample in Lisbon. "
                 "Carl said the port would stay “open to all ships” this year.",
                 "open to all ships", "Carl Sample", id='a_first_name_two_people_share_is_not_samples'),
]


@pytest.mark.parametrize("text, phrase, speaker", NOT_A_QUOTE_CASES)
def test_phrases_that_are_not_that_speakers_quote(extractor, text, phrase, speaker):
    _, got = quotes_of(extractor, text)
    assert all(q != phrase or (speaker is not None and who != speaker) for who, q in got)


def test_a_possessor_hung_on_its_noun_with_a_bare_apostrophe(extractor):
    from spacy.tokens import Doc

    from stancegraph.extract.attribution.quotes import possessor_of
    # the parse the parser gives "about Francis’ comments" at times: the name a modifier, the mark its case
    words = ["about", "Francis", "’", "comments", "and", "Ann", "’s", "remarks", "and", "the", "remarks"]
    heads = [0, 3, 1, 0, 3, 7, 5, 3, 3, 10, 3]
    deps = ["ROOT", "nmod", "case", "pobj", "cc", "poss", "case", "conj", "cc", "det", "conj"]
    doc = Doc(extractor.nlp.vocab, words=words, heads=heads, deps=deps)
    assert possessor_of(doc[3]).text == "Francis"
    assert possessor_of(doc[7]).text == "Ann"
    assert possessor_of(doc[10]) is None


def test_an_unnamed_member_is_affiliated_to_the_body_named(extractor):
    r, _ = quotes_of(extractor, '"The harbour deal is close," an EU diplomat said.')
    actor = next(a for a in r.actors.values() if a.name == "EU diplomat")
    assert actor.kind == "person" and actor.affiliation == "https://w3id.org/stancegraph/id/actor/european-union"



def test_a_state_in_the_reported_clause_does_not_speak_the_quote(extractor):
    _, got = quotes_of(extractor, 'Anna Berg stressed that France wants an "ironclad" guarantee from the council.')
    assert got == {("Anna Berg", "ironclad")}
    _, got = quotes_of(extractor, 'Anna Berg said that France agreed "in principle" to the harbour framework.')
    assert got == {("Anna Berg", "in principle")}
    # a person the reported clause names, told by another, keeps the words
    _, got = quotes_of(extractor, 'Anna Berg said Bob Sample told her, "The port stays closed."')
    assert got == {("Bob Sample", "The port stays closed.")}


def test_the_subject_of_a_frame_is_not_a_name_in_its_own_clause(extractor):
    text = ('Anna Berg spoke after the meeting called by Bob Sample.\n\n'
            'On the contrary, Carl Example is "raising the tolls" and "wants everything at once," she said.')
    _, got = quotes_of(extractor, text, published=None)
    assert got == {("Anna Berg", "raising the tolls"), ("Anna Berg", "wants everything at once,")}
    _, got = quotes_of(extractor, 'Anna Berg spoke in the port.\n\nBob Sample "has failed in every task," he said.',
                       published=None)
    assert not any(speaker == "Bob Sample" for speaker, _ in got)


def test_a_quote_paragraph_after_a_long_attributed_quote(extractor):
    text = ('Anna Berg said: "The port stays closed until the vote. The ships wait in the bay for a week. '
            'The council meets on Friday at noon."\n\n"We will see what the vote brings."\n\nBob Sample left early.')
    _, got = quotes_of(extractor, text, published=None)
    assert ("Anna Berg", "We will see what the vote brings.") in got


def test_a_labelled_quote_block_takes_its_speaker_from_the_source_line(extractor):
    text = ('The council met on Monday.\n\nSource: Anna Berg in an interview with the Harbour Gazette\n\n'
            'Quote: "The port stays closed until the vote."\n\nDetails: The vote is set for Friday.\n\n'
            'Quote: "We will see what the vote brings."')
    _, got = quotes_of(extractor, text, published=None)
    assert got == {("Anna Berg", "The port stays closed until the vote."),
                   ("Anna Berg", "We will see what the vote brings.")}
    text = ('Bob Sample left early.\n\nAfterwards, Anna Berg wrote on social media that the port would stay closed.'
            '\n\nQuote: "There is no vote without the council."')
    _, got = quotes_of(extractor, text, published=None)
    assert got == {("Anna Berg", "There is no vote without the council.")}


def test_a_quoted_phrase_is_the_words_of_its_clauses_subject(extractor):
    _, got = quotes_of(extractor, 'Anna Berg justified the decision on "humanitarian grounds."')
    assert got == {("Anna Berg", "humanitarian grounds.")}
    _, got = quotes_of(extractor, 'Anna Berg promoted the new tolls as "the fairest rules in the region," '
                                  'which the board had drafted.')
    assert got == {("Anna Berg", "the fairest rules in the region,")}
    # no actor as the subject, a state narrated as acting, a one-word label, or a whole sentence
    # in the marks: not read so
    _, got = quotes_of(extractor, 'The monitoring would be agreed "under port supervision".')
    assert not got
    _, got = quotes_of(extractor, 'France held the "harbour vote" in the spring.')
    assert not got
    _, got = quotes_of(extractor, 'Anna Berg signed the "memorandum" on Monday.')
    assert not got
    # a possessor owns the words; a participle used as a preposition carries no clause
    _, got = quotes_of(extractor, 'The port guard is now moving its boats to the south following the second '
                                  'phase of the board’s "harbour operations."')
    assert not got
    _, got = quotes_of(extractor, 'The port guard moves its boats following the "harbour operations" of the spring.')
    assert not got
    _, got = quotes_of(extractor, 'Anna Berg left the hall. The plan "will fail in the spring and nobody will '
                                  'notice it until the ships are gone and the quays are empty again."')
    assert not any(q.startswith("will fail") for _, q in got)


def test_a_frame_after_a_semicolon_may_be_the_subject_before_it(extractor):
    text = ('Deputy mayor Bob Sample said the port had not been hit. Harbour master Anna Berg scoffed at the '
            'promises and said she saw no let-up; "all night long they hit the quays," she said.')
    _, got = quotes_of(extractor, text, published=None)
    assert got == {("Anna Berg", "all night long they hit the quays,")}


def test_a_double_mark_after_a_space_closes_a_quote_at_its_paragraphs_end(extractor):
    from stancegraph.extract.quotes import find_quotes

    assert [q.text for q in find_quotes('"The port is ours. And that means forever "\n\nThe ships left.')] == [
        "The port is ours. And that means forever"]
    # a mark after a space inside a paragraph still does not close ('"One " two' is no quote)
    assert [q.text for q in find_quotes('"One " two')] == []
    _, got = quotes_of(extractor, 'Anna Berg spoke on Monday. "We know all about the tolls very well. " she said.\n\n'
                                  'Bob Sample left.', published=None)
    assert not any(q.endswith('"') for _, q in got)
    _, got = quotes_of(extractor, 'Anna Berg spoke on Monday.\n\n"We know all about the tolls very well. "\n\n'
                                  'Bob Sample left.', published=None)
    assert {q for _, q in got} <= {"We know all about the tolls very well."}


#: a bare "the document" speaks for the one actor that put out the text named before it
ISSUED_TEXT_CASES = [
    pytest.param('Norway presented a five-point peace plan on Friday. "All parties should return to the table '
                 'as soon as possible," the document says.', id="a_plan_an_actor_presents"),
    pytest.param('Norway issued a statement on Friday. "The principles of the United Nations Charter must be '
                 'observed by all," the document reads.', id="not_a_text_the_quoted_words_name"),
    pytest.param('A ten-page memorandum was released by Norway on Friday. "The parties shall meet every month," '
                 'the document states.', id="a_text_released_by_an_actor"),
]


@pytest.mark.parametrize("text", ISSUED_TEXT_CASES)
def test_a_bare_document_speaks_for_who_issued_the_text(extractor, text):
    _, got = quotes_of(extractor, text)
    assert {name for name, _ in got} == {"Norway"}


def test_a_document_is_not_the_text_of_who_rejects_it(extractor):
    """Rejecting a plan does not make it one's own; nor is a text two actors sign either's alone."""
    _, got = quotes_of(extractor, 'Norway rejected the peace plan on Friday. "All parties should return to the '
                                  'table as soon as possible," the document says.')
    assert "Norway" not in {name for name, _ in got}
    _, got = quotes_of(extractor, 'Norway and Sweden signed a declaration on Friday. "The parties shall meet every '
                                  'month," the document reads.')
    assert not {"Norway", "Sweden"} & {name for name, _ in got}


def test_an_order_speaks_for_its_possessor(extractor):
    _, got = quotes_of(extractor, 'Ann Example closed the harbour on Monday. "The quays stay closed until the '
                                  'council has voted," Ann Example\'s order said.')
    assert got == {("Ann Example", "The quays stay closed until the council has voted,")}


@pytest.mark.parametrize("text,quote", [
    pytest.param('Ann Example met the harbour council on Monday. In her view, the new tolls are "a disaster for '
                 'the port".', "a disaster for the port", id="in_her_view"),
    pytest.param('In the opinion of Ann Example, the plan was "dead on arrival" from the start.',
                 "dead on arrival", id="in_the_opinion_of"),
])
def test_a_quoted_phrase_in_a_view_is_its_holders(extractor, text, quote):
    _, got = quotes_of(extractor, text)
    assert got == {("Ann Example", quote)}


def test_a_view_phrase_inside_the_quote_names_no_one(extractor):
    _, got = quotes_of(extractor, 'The tolls were raised on Monday. "In my view, this is a disaster for the port," '
                                  'a sign at the gate read.')
    assert got == set()


def test_quotes_introduced_by_extracts_from_a_speech(extractor):
    text = ('Ann Example opened the new quay on Monday. Following are extracts from her speech:\n\n'
            '"The quays stay open all winter."\n\n"The ships will not wait any longer."\n\nBob Sample left early.')
    _, got = quotes_of(extractor, text, published=None)
    assert got == {("Ann Example", "The quays stay open all winter."),
                   ("Ann Example", "The ships will not wait any longer.")}


def test_a_title_cased_headline_quote_is_no_title(extractor):
    """In a headline written in title case, capitals do not make a quoted phrase a title."""
    text = ('Ann Example Says Harbour Talks Are "A Lot Closer" To A Deal\n\n'
            'Ann Example spoke to the council on Monday. "We are a lot closer to a deal," she said.')
    _, got = quotes_of(extractor, text, published=None)
    assert ("Ann Example", "A Lot Closer") in got


@pytest.mark.parametrize("text,speaker", [
    pytest.param('"The quays stay closed" - Ann Example on the harbour tolls\n\n'
                 'Ann Example spoke to the council on Monday.', "Ann Example", id="quote_dash_name_on"),
    pytest.param('Harbour to stay shut "until the council votes" -Berg\n\n'
                 'Mayor Anna Berg said on Monday that the harbour stays shut.', "Anna Berg",
                 id="reuters_style_dash_credit"),
])
def test_a_headline_credit_after_a_dash(extractor, text, speaker):
    r, got = quotes_of(extractor, text, published=None)
    assert {name for name, _ in got} == {speaker}


def test_a_dash_inside_a_line_credits_no_one(extractor):
    _, got = quotes_of(extractor, 'The council called it "a pause" - not a closure - and Ann Example left.\n',
                       published=None)
    assert "Ann Example" not in {name for name, _ in got}


def test_a_headline_quote_repeating_the_body_is_the_body_speakers(extractor):
    text = ('Harbour talks "a closed book" as winter nears\n\n'
            '"For us the harbour talks are a closed book," Ann Example said on Monday.')
    _, got = quotes_of(extractor, text, published=None)
    assert got == {("Ann Example", "a closed book"),
                   ("Ann Example", "For us the harbour talks are a closed book,")}


def test_a_headline_quote_no_body_quote_says_stays_unattributed(extractor):
    text = ('Harbour talks "a closed book" as winter nears\n\n'
            'Ann Example said on Monday that "nothing is settled."')
    _, got = quotes_of(extractor, text, published=None)
    assert got == {("Ann Example", "nothing is settled.")}


def test_according_to_a_person_over_a_state_subject(extractor):
    """The words in a person's account are the person's, not those of the state the clause is about."""
    _, got = quotes_of(extractor, 'Anna Berg met the envoys in Oslo. According to Anna Berg, Norway now wants '
                                  '"a watertight pledge" from both sides.')
    assert got == {("Anna Berg", "a watertight pledge")}


def test_the_plan_speaks_for_who_presented_it(extractor):
    _, got = quotes_of(extractor, 'Norway presented a peace plan on Friday. The plan also calls for "an immediate '
                                  'ceasefire along the whole coast".')
    assert got == {("Norway", "an immediate ceasefire along the whole coast")}


def test_according_to_unnamed_sources_leaves_the_body_its_words(extractor):
    """ "…, according to several diplomats": unnamed sources tell what a body did; its words stay its own."""
    _, got = quotes_of(extractor, 'Norway agreed on Monday to back a "lasting peace" in the region, according to '
                                  'several diplomats.')
    assert got == {("Norway", "lasting peace")}


@pytest.mark.parametrize("text,quote", [
    pytest.param('Anna Berg\'s claim that the port will "stay open all winter" was rejected by the council.',
                 "stay open all winter", id="a_claims_possessor"),
    pytest.param('Norway rejected Anna Berg\'s warning that the port would "close for good" next year.',
                 "close for good", id="a_warning_someone_else_rejects"),
    pytest.param('The council heard a warning from Anna Berg about "a closed port for years".',
                 "a closed port for years", id="a_warning_from_someone"),
])
def test_the_words_of_a_speech_act_are_its_authors(extractor, text, quote):
    _, got = quotes_of(extractor, text)
    assert got == {("Anna Berg", quote)}


def test_a_phrase_said_of_someones_claims_is_the_speakers(extractor):
    _, got = quotes_of(extractor, "Anna Berg rejected the offer on Monday, calling Norway's claims \"completely "
                                  "unacceptable\" for the port.")
    assert got == {("Anna Berg", "completely unacceptable")}


# A reporting verb's subject that the actor finder did not link is still a name: the person actor
# whose name has the word, else a person minted from the fullest form the article gives.

def test_first_name_alone_after_the_full_name_is_that_person(extractor):
    text = ('Prime Minister Abiy Tessema welcomed the envoys on Monday. Abiy said he valued their '
            '"readiness to help" and called the visit "a gesture of goodwill".')
    _, got = quotes_of(extractor, text)
    assert got == {("Abiy Tessema", "readiness to help"), ("Abiy Tessema", "a gesture of goodwill")}
    text = ('Commissioner Dame Cressa Dunmore spoke to the committee on Wednesday. Cressa told the members '
            'that "violent crime is not rising again".')
    _, got = quotes_of(extractor, text)
    assert got == {("Cressa Dunmore", "violent crime is not rising again")}


def test_unrecognised_name_in_an_inverted_frame_is_minted_as_a_person(extractor):
    text = 'The river rose overnight.\n\n"There is water everywhere now," said Olenka, who had fled with a cart.'
    r, got = quotes_of(extractor, text, published=None)
    assert got == {("Olenka", "There is water everywhere now,")}
    assert [a.kind for a in r.actors.values() if a.name == "Olenka"] == ["person"]


def test_a_title_a_body_or_a_common_word_is_not_minted_as_a_person(extractor):
    # "General Staff" is a body's words, "Survivors" a word the article also writes in lower case
    for text in ('"The enemy is trying to mislead us," General Staff said.',
                 'Relatives of the survivors met on Monday. "We will not rest," Survivors said.'):
        r, got = quotes_of(extractor, text, published=None)
        assert not any(a.kind == "person" for a in r.actors.values()), text
        assert got == set()


def test_the_judge_and_the_company_name_the_actor_named_before(extractor):
    text = ('Judge Marta Ellery dismissed the charge on Friday. "The evidence does not meet the burden of proof," '
            'the judge said.')
    _, got = quotes_of(extractor, text)
    assert got == {("Marta Ellery", "The evidence does not meet the burden of proof,")}
    text = ('Harbourline Shipping confirmed the breach on Tuesday. "We are committed to the privacy of our '
            'customers," the company said.')
    _, got = quotes_of(extractor, text)
    assert got == {("Harbourline Shipping", "We are committed to the privacy of our customers,")}


def test_frameless_quote_further_on_in_the_speakers_paragraph(extractor):
    text = ('"It was not an easy meeting," Ann Example summed up the talks. There was a "frank exchange" about '
            'the port in Westland. "There are real differences between the two sides."')
    _, got = quotes_of(extractor, text)
    assert ("Ann Example", "There are real differences between the two sides.") in got
    # another speaker brought in between: the quote is not hers
    text = ('"It was not an easy meeting," Ann Example summed up the talks. Bob Sample disagreed with her. '
            '"There are real differences between the two sides."')
    _, got = quotes_of(extractor, text)
    assert ("Ann Example", "There are real differences between the two sides.") not in got


def test_quote_paragraph_after_a_paragraph_about_one_person(extractor):
    text = ('Governor Ann Example ordered the evacuation of the coast on Monday.\n\n'
            '"Do not wait until it is too late. The storm will put your lives in danger."\n\n'
            'The order covers three islands.')
    _, got = quotes_of(extractor, text)
    assert got == {("Ann Example", "Do not wait until it is too late. The storm will put your lives in danger.")}
    # a crosshead in marks, or a quote after a paragraph about no person, is left alone
    text = ('Governor Ann Example ordered the evacuation of the coast on Monday.\n\n'
            '"A storm like no other"\n\nThe wind rose overnight.\n\n"Do not wait until it is too late."')
    _, got = quotes_of(extractor, text)
    assert got == set()


def test_phrase_quoted_in_a_reported_clause_is_the_reporters_wording(extractor):
    text = ('Ann Example said Bob Sample expressed his commitment to a "complete reopening of the harbour" '
            'at their meeting.')
    _, got = quotes_of(extractor, text)
    assert got == {("Ann Example", "complete reopening of the harbour")}
    # the words of a clause set against hers, or first-person words, are the clause's subject's
    text = 'Ann Example said the talks went on, while Bob Sample insisted "there can be no deal without the port."'
    _, got = quotes_of(extractor, text)
    assert got == {("Bob Sample", "there can be no deal without the port.")}
    text = 'Ann Example said Bob Sample told the council "we will not reopen the harbour" at the meeting.'
    _, got = quotes_of(extractor, text)
    assert got == {("Bob Sample", "we will not reopen the harbour")}


def test_he_under_a_bodys_reporting_verb_is_the_pronouns_antecedent(extractor):
    text = ('PORTVILLE — Prime Minister Ann Example’s office says she told the allies today that Westland is '
            'ready to send "direct and scalable assistance" after a ceasefire.')
    _, got = quotes_of(extractor, text)
    assert got == {("Ann Example", "direct and scalable assistance")}


def test_headline_credits_by_surname_name_the_body_person(extractor):
    text = ('Harbour "not ready" for the ships this winter: Harwood\n\n'
            'John Harwood, the port director, spoke to reporters on Monday about the quays.')
    _, got = quotes_of(extractor, text, published=None)
    assert got == {("John Harwood", "not ready")}
    text = ('Harwood: harbour win an "extraordinary victory"\n\n'
            'John Harwood celebrated the vote with the dock workers on Monday.')
    _, got = quotes_of(extractor, text, published=None)
    assert got == {("John Harwood", "extraordinary victory")}


def test_transcript_capitals_name_the_body_person(extractor):
    text = ('John Harwood and Peter Kowalczyk spoke after the vote on the harbour.\n\n'
            '• HARWOOD: "The tolls have worked, but we need to do more."\n\n'
            '• KOWALCZYK: "This vote is more than a symbol."')
    _, got = quotes_of(extractor, text, published=None)
    assert got == {("John Harwood", "The tolls have worked, but we need to do more."),
                   ("Peter Kowalczyk", "This vote is more than a symbol.")}


def test_labelled_quote_block_after_narration_is_the_details_speaker(extractor):
    text = ('Source: John Harwood on his page\n\n'
            'Quote: "The port will open in May."\n\n'
            'Details: Harwood noted that instead of answering, the Westland Harbour Board put forward new demands.\n\n'
            'This contradicts the promises made by the Westland Harbour Board in March.\n\n'
            'Quote: "The board has rejected every proposal so far."')
    _, got = quotes_of(extractor, text, published=None)
    assert ("John Harwood", "The board has rejected every proposal so far.") in got
