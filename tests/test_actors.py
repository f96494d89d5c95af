"""Actor minting and matching (issue 13 parts 2-3), on sentences written for these tests.

Each row is a sentence (or two) written for one rule, and what the reader of the graph sees: the
speaker's canonical name, kind and affiliation, and the words the article names it with.
"""

from __future__ import annotations

import pytest

from stancegraph.ingest import parse_text


def extract(extractor, text, published="2025-05-02"):
    return extractor.extract(parse_text("t", f"date: {published}\n---\n{text}" if published else text))


def speakers_of(result, resources) -> dict[str, tuple[str, str | None]]:
    """Name -> (kind, affiliation name) of every actor that speaks in the result."""
    out = {}
    for st in result.statements:
        actor = result.actors[st.speaker]
        aff = (result.actors.get(actor.affiliation) or resources.gazetteer.actors.get(actor.affiliation)) \
            if actor.affiliation else None
        out[actor.name] = (actor.kind, aff.name if aff is not None else None)
    return out


def aliases_of(result, name: str) -> set[str]:
    iri = next(i for i, a in result.actors.items() if a.name == name)
    return {m.span.text for m in result.mentions if m.actor == iri}


#: (text written for the rule, {speaker name: (kind, affiliation or None)} expected among the speakers)
SPEAKER_CASES = [
    pytest.param('Russia’s Foreign Ministry said the offer was "a provocation".',
                 {"Russian Ministry of Foreign Affairs": ("organisation", "Russia")},
                 id='a_gazetteer_body_written_with_a_typographic_apostrophe'),
    pytest.param('The Ministry of Defence of Russia said the drills were "routine".',
                 {"Russian Ministry of Defence": ("organisation", "Russia")},
                 id='an_institution_of_a_state_named_after_it_is_the_gazetteer_body'),
    pytest.param('Finland’s Defence Ministry said the border was "calm".',
                 {"Finland's Defence Ministry": ("organisation", "Finland")},
                 id='an_unknown_institution_of_a_known_state_is_minted_with_the_state'),
    pytest.param('The Interior Ministry of Finland said the border was "calm".',
                 {"Interior Ministry of Finland": ("organisation", "Finland")},
                 id='an_unknown_institution_with_the_state_after_it'),
    pytest.param("Kazakhstan's National Security Council said the border was \"calm\".",
                 {"Kazakhstan's National Security Council": ("organisation", "Kazakhstan")},
                 id='a_gazetteer_bodys_generic_name_given_to_another_state_is_that_states_body'),
    pytest.param("America's National Security Council said the border was \"calm\".",
                 {"US National Security Council": ("organisation", "White House")},
                 id='a_gazetteer_bodys_generic_name_given_to_its_own_state_stays_that_body'),
    pytest.param('A US official said the talks were "going nowhere".',
                 {"US official": ("person", "United States")},
                 id='an_unnamed_official_of_a_state_is_a_person_not_the_state'),
    pytest.param('An EU diplomat said the vote would be "very close".',
                 {"EU diplomat": ("person", "European Union")},
                 id='an_unnamed_diplomat_of_an_organisation'),
    pytest.param('Another White House official said the plan was "not final".',
                 {"White House official": ("person", "White House")},
                 id='another_unnamed_member_of_a_body'),
    pytest.param('The U.N. mission said the meeting was "open". Later the U.N. mission said "we meet again".',
                 {"U.N. mission": ("organisation", "United Nations")},
                 id='a_mission_of_a_body_is_a_body_of_its_own_affiliated_to_it'),
    pytest.param('Some senators claimed the plan was a "wish list". Several diplomats said it was "dead".',
                 {"senators": ("group", None), "diplomats": ("group", None)},
                 id='a_plural_with_a_quantifier_is_a_collective_named_without_it'),
    pytest.param('“The arms stay with us,” said a communique signed by an umbrella of Kazakh resistance groups.',
                 {"Kazakh resistance groups": ("group", "Kazakhstan")},
                 id='an_umbrella_of_groups_speaks_as_the_collective_of_those_groups'),
    pytest.param('A coalition of Kazakh farmers said the quota was "unfair".',
                 {"Kazakh farmers": ("group", "Kazakhstan")},
                 id='a_coalition_of_people_is_the_collective_they_make'),
    pytest.param('White House aides said the plan was "not final".',
                 {"White House aides": ("group", "White House")},
                 id='unnamed_members_of_a_body_are_a_group_of_it'),
]


#: (text written for the rule, the one name its speakers have, a name no actor may have)
SAME_ACTOR_CASES = [
    pytest.param('"The front is holding," Zelenski said on Monday.',
                 "Volodymyr Zelenskyy", "Zelenski",
                 id='a_surname_spelt_another_way_than_the_gazetteer_spellings'),
    pytest.param('Bob Ruritanski spoke in Lisbon. "The port stays shut," Ruritansky said.',
                 "Bob Ruritanski", "Ruritansky",
                 id='a_surname_spelt_another_way_than_earlier_in_the_article'),
    pytest.param('Ann Exampel opened the port. "The port stays open," said Ann Example.',
                 "Ann Exampel", "Ann Example",
                 id='a_full_name_spelt_another_way_than_earlier_in_the_article'),
    pytest.param('The Harbour Liberation Front met in Lisbon. "We will not stop," the Front said.',
                 "Harbour Liberation Front", "Front",
                 id='a_word_of_an_organisation_named_before_is_that_organisation'),
    pytest.param('Kirilo Examplov spoke in Lisbon on Monday. "It is over," said Examplow.',
                 "Kirilo Examplov", "Examplow",
                 id='a_surname_spelt_another_way_and_read_as_a_body_is_the_person'),
    pytest.param('Front leaders meet envoy\n\nThe Harbour Liberation Front met in Lisbon. "We will not stop," '
                 'the Front said.', "Harbour Liberation Front", "Front",
                 id='a_headline_may_use_the_short_name_before_the_full_one'),
    pytest.param('The Lisbon Harbour Authority met on Monday. "We will not stop," the Harbour Authority said.',
                 "Lisbon Harbour Authority", "Harbour Authority",
                 id='the_last_words_of_an_organisations_name_are_that_organisation'),
    pytest.param('ISW said the plan was failing. The army is "stalling", the Institute noted.',
                 "Institute for the Study of War", "Institute",
                 id='a_word_of_the_full_name_of_a_body_named_by_its_acronym'),
    pytest.param('ISW analysts said the army was "stalling".',
                 "Institute for the Study of War", "ISW analysts",
                 id='analysts_of_an_institute_speak_as_the_institute'),
]


@pytest.mark.parametrize("text, name, not_name", SAME_ACTOR_CASES)
def test_one_actor_however_spelt(extractor, text, name, not_name):
    r = extract(extractor, text)
    assert {r.actors[st.speaker].name for st in r.statements} == {name}
    assert not any(a.name == not_name for a in r.actors.values())


def test_a_title_after_another_bodys_name_is_not_that_post(extractor, resources):
    """ "the Vatican secretary of state" is not the US Secretary of State of the day."""
    r = extract(extractor, 'The Vatican secretary of state said peace must be "just". '
                           'The US secretary of state said "no".', published="2024-03-12")
    said = {st.quoted_text: r.actors[st.speaker].name for st in r.statements if st.quoted_text}
    assert said["no"] == "Antony Blinken"
    assert said["just"] != "Antony Blinken"


def test_places_peoples_and_documents_are_not_actors(extractor):
    """Where the recogniser reads a place's name as a person, or a treaty's as a body, no actor
    is minted from it."""
    r = extract(extractor, 'The blockade of Ruritania goes on, Ann Example said. "We appeal to the parties of the '
                           'Harbour Ceasefire Agreement," the Ruritania president added. "We anticipate a swift '
                           'end," the Lisbon Ceasefire Agreement said.')
    names = {a.name for a in r.actors.values()}
    assert not names & {"Ruritania", "Lisbon Ceasefire Agreement", "Harbour Ceasefire Agreement"}, names


def test_a_body_of_a_body_is_neither_that_body_nor_another_named_before(extractor):
    r = extract(extractor, 'The Harbour Watch Authority met the U.N. mission in Lisbon. The U.N. mission said the '
                           'talks were "open".')
    said = {r.actors[st.speaker].name for st in r.statements if st.quoted_text}
    assert said == {"U.N. mission"}


def test_a_name_the_parser_hangs_on_the_person_before_is_the_roles(extractor):
    """ "MP and adviser to Ann Example, Bob Sample, ...": Bob Sample is the MP, and "the MP" later too."""
    r = extract(extractor, 'In response, Ruritanian MP and adviser to president Ann Example, Bob Sample, has claimed '
                           'the decision shows "fear". Asked about it, the MP argued: "He is declaring something '
                           'and doing the opposite."')
    said = {st.quoted_text: r.actors[st.speaker].name for st in r.statements if st.quoted_text}
    assert set(said.values()) == {"Bob Sample"}, said
    assert not any("MP" in a.name for a in r.actors.values())


def test_the_place_of_a_dateline_is_no_speaker(extractor):
    r = extract(extractor, 'PARIS (AP) — Ann Example said on Friday the port may "move on" from the talks.\n\n'
                           'BERLIN, March 3 (Reuters) - Bob Sample said the plan was "dead".')
    assert {r.actors[st.speaker].name for st in r.statements} == {"Ann Example", "Bob Sample"}


def test_a_states_adjective_is_no_body_and_affiliates_the_descriptor(extractor, resources):
    """ "Kazakh president ...": the recogniser reads "Kazakh" as a body; it is Kazakhstan's adjective."""
    r = extract(extractor, 'Kazakh president refuses to recognise the new republics\n\n'
                           '"The world is changing," the Kazakh president told the forum.')
    assert "Kazakh" not in {a.name for a in r.actors.values()}
    got = speakers_of(r, resources)
    assert got and all(aff == "Kazakhstan" for _, aff in got.values()), got


def test_two_different_surnames_stay_two_people(extractor):
    r = extract(extractor, 'Ann Example met Bob Sample. "We agree," Example said. "We do not," Sample said.')
    assert {r.actors[st.speaker].name for st in r.statements} == {"Ann Example", "Bob Sample"}


@pytest.mark.parametrize("text, expected", SPEAKER_CASES)
def test_speakers_minted_with_kind_and_affiliation(extractor, resources, text, expected):
    got = speakers_of(extract(extractor, text), resources)
    for name, value in expected.items():
        assert got.get(name) == value, got


def test_the_state_is_not_the_speaker_for_its_unnamed_official(extractor, resources):
    got = speakers_of(extract(extractor, 'A US official said the talks were "going nowhere".'), resources)
    assert "United States" not in got


def test_a_role_phrase_is_a_mention_of_the_unnamed_actor_it_names(extractor):
    r = extract(extractor, 'Ann Example wrote to the board. An EU diplomat said the vote would be "very close".')
    assert aliases_of(r, "EU diplomat") == {"An EU diplomat"}


def test_a_name_read_as_a_body_after_a_persons_title_is_a_person(extractor):
    """ "chief mediator Okonkwo Adeyemi": the recogniser reads the name as a body; the title before it
    shows a person, so "he said" after it is that person's."""
    r = extract(extractor, 'The Harbour Union chief mediator Okonkwo Adeyemi announced that the parties agreed. '
                           '"All sides must now keep their word," he said.')
    quoted = {st.quoted_text: r.actors[st.speaker] for st in r.statements if st.quoted_text}
    assert [(a.name, a.kind) for a in quoted.values()] == [("Okonkwo Adeyemi", "person")], quoted


def test_one_word_name_read_as_a_name_at_some_mentions_only(extractor):
    """A surname the recogniser reads as a body at one mention, as a person at another and as no name
    at a third (its first, with a role in apposition) is one person at all three."""
    r = extract(extractor, '"We are satisfied with the answer," Harrowby, Lisbon\'s ambassador to Ruritania and '
                           'special envoy to Westland, told reporters after the meeting. "It is a serious plan," he '
                           'said. Last month, Harrowby asked the ministers to sign the accord.')
    quoted = {st.quoted_text: r.actors[st.speaker] for st in r.statements if st.quoted_text}
    assert len(quoted) == 2 and {(a.name, a.kind) for a in quoted.values()} == {("Harrowby", "person")}, quoted
    assert len(aliases_of(r, "Harrowby")) == 1 and sum(m.span.text == "Harrowby" for m in r.mentions) == 2


#: a person named right after "<title> of <field>": the recogniser sees no name there, or takes the field
#: into it as a person or a body; the name is the last two words either way
FIELD_TITLE_CASES = [
    pytest.param("Richard Kollar", id="a_name_the_recogniser_does_not_see"),
    pytest.param("Milos Zelenak", id="a_name_read_with_the_field_as_a_person"),
    pytest.param("Richard Vrabec", id="a_name_read_with_the_field_as_a_body"),
]


@pytest.mark.parametrize("name", FIELD_TITLE_CASES)
def test_a_name_after_a_title_of_a_field(extractor, name):
    r = extract(extractor, f"Westland's Minister of Agriculture {name} also answered the letter on Facebook. "
                           '"Our fields are not for sale," he said.')
    quoted = [r.actors[st.speaker] for st in r.statements if st.quoted_text]
    assert [(a.name, a.kind) for a in quoted] == [(name, "person")], quoted
    assert not any("Agriculture" in a.name for a in r.actors.values())


def test_a_headline_descriptor_is_the_person_named_in_that_title_below(extractor):
    """ "Ruritanian president rejects …" above "Ruritania's President Ann Example …": one speaker, named."""
    r = extract(extractor, 'Ruritanian president rejects the new border\n\n'
                           'Ruritania’s President Ann Example spoke after the vote. "The border stays where it is," '
                           'the Ruritanian president told the assembly.')
    names = {r.actors[st.speaker].name for st in r.statements}
    assert names == {"Ann Example"}, names
    assert not any("president" in a.name.lower() for a in r.actors.values())


def test_an_unnamed_spokesperson_is_the_one_the_spokesperson_named_later(extractor):
    """ "a navy spokesperson told" before "the spokesperson, Ann Example, said": the same person."""
    r = extract(extractor, 'The exercise went "as planned", a navy spokesperson told reporters on Monday. The drills '
                           'are "a signal to our neighbours", the spokesperson, Ann Example, said in Lisbon.')
    assert {r.actors[st.speaker].name for st in r.statements if st.quoted_text} == {"Ann Example"}


def test_a_descriptor_is_not_someone_with_another_title_of_the_same_head(extractor):
    """A headline's "Ruritanian prime minister" is not the foreign minister the article names."""
    r = extract(extractor, 'Ruritanian prime minister rejects the harbour plan\n\n'
                           'Ruritania’s Foreign Minister Bob Sample said the plan was "a good start".')
    said = {(st.quoted_text or st.span.text): r.actors[st.speaker].name for st in r.statements}
    assert said.get("a good start") == "Bob Sample", said
    assert {n for t, n in said.items() if "rejects" in t} == {"Ruritanian prime minister"}, said


def test_the_name_closing_a_roles_to_phrase_is_the_roles_holder(extractor):
    """ "the negotiator and counsellor to the Lisbon Port Board, Mijailo Exampliak, told": the parser hangs
    the name on "Board"; it names the negotiator, who speaks."""
    r = extract(extractor, 'Speaking for the harbour, the negotiator and counsellor to the Lisbon Port Board, Mijailo '
                           'Exampliak, told the press that “a clause of its own will cover the islands.”')
    assert {r.actors[st.speaker].name for st in r.statements if st.quoted_text} == {"Mijailo Exampliak"}


def test_a_bare_plural_right_after_a_named_collective_is_that_collective(extractor):
    """ "Officials said" right after "Westland officials said" is one collective; three sentences on,
    it is no longer read as the same."""
    r = extract(extractor, "Westland officials said the port was 'closed'. Officials said it would 'open soon'.")
    assert {r.actors[st.speaker].name for st in r.statements} == {"Westland officials"}
    r = extract(extractor, "Westland officials said the port was 'closed'. The storm hit the coast on Monday. The town "
                           "was dark. Officials said it would 'open soon'.")
    assert {r.actors[st.speaker].name for st in r.statements} == {"Westland officials", "Officials"}


def test_a_chief_is_a_top_in_a_title(extractor):
    """The gazetteer knows "Russia's top diplomat"; "Russia's chief diplomat" is the same post."""
    r = extract(extractor, 'Russia’s chief diplomat said on Friday the offer was "a provocation".')
    assert {r.actors[st.speaker].name for st in r.statements} == {"Sergei Lavrov"}


def test_a_role_of_a_list_of_members_is_one_collective_named_with_them(extractor, resources):
    """ "The foreign ministers of France, Germany, ... and Canada said": one collective named with its
    members, affiliated to none of them."""
    r = extract(extractor, 'The foreign ministers of France, Germany, Italy, Poland, Spain and Canada said they would '
                           '"stand together" on the port.')
    assert speakers_of(r, resources) == {
        "foreign ministers of France, Germany, Italy, Poland, Spain and Canada": ("group", None)}


def test_a_name_closing_a_persons_title_phrase_is_person_shaped(extractor):
    """ "the envoy for the harbour talks, Ann Example, said" with the name hung on "talks" (as the parser
    does in longer titles): the title's role shows a person; the same parse after a body's name does not."""
    from spacy.tokens import Doc

    finder = extractor.parser.actor_finder
    heads = [1, 10, 1, 5, 5, 2, 5, 8, 5, 1, 10]
    deps = ["det", "nsubj", "prep", "det", "compound", "pobj", "punct", "compound", "appos", "punct", "ROOT"]
    for head_word, shaped in (("envoy", True), ("office", False)):
        words = ["the", head_word, "for", "the", "harbour", "talks", ",", "Ann", "Example", ",", "said"]
        doc = Doc(finder.nlp.vocab, words=words, heads=heads, deps=deps)
        assert finder._person_shaped(doc, 7, 9) is shaped, head_word


#: a text speaks for the author its own words name, and a bare "the document" for that of the text before
TEXT_AUTHOR_CASES = [
    pytest.param('The Kazakh message stated there is "no reason to wait any longer".',
                 id="a_states_adjective_on_a_text_names_its_author"),
    pytest.param('The Kazakh memorandum on the border was published. The document says that "the parties shall '
                 'meet".', id="the_document_is_the_text_named_before"),
    pytest.param('The Kazakh memorandum on the border envisions a joint commission. "The parties shall meet every '
                 'month," the document states.', id="the_document_states_read_as_one_noun_phrase"),
]


@pytest.mark.parametrize("text", TEXT_AUTHOR_CASES)
def test_a_text_speaks_for_its_author(extractor, text):
    r = extract(extractor, text)
    assert {r.actors[st.speaker].name for st in r.statements if st.quoted_text} == {"Kazakhstan"}


def test_an_outlet_is_not_the_author_its_adjective_names(extractor):
    """ "Kazakh media outlet Steppe News reported that …": the outlet reports; it is no text of Kazakhstan's."""
    r = extract(extractor, 'Kazakh media outlet “Steppe News” reported that Ann Example has “invited the parties” '
                           'to Astana.')
    assert "Kazakhstan" not in {r.actors[st.speaker].name for st in r.statements}
