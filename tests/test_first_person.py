"""First-person documents: the speaker:/author: header names who "I" and "we" are (written texts)."""

from __future__ import annotations

from stancegraph.ingest import parse_text


def extract(extractor, header, body):
    r = extractor.extract(parse_text("fp", header + "\n---\n" + body))
    name = lambda iri: r.actors[iri].name if iri in r.actors else iri
    return r, name


def test_first_person_sentences_are_the_document_speakers(extractor):
    r, name = extract(extractor, "speaker: Volodymyr Zelenskyy\ndate: 2023-02-01",
                      "Thank you all for coming.\nWe will never recognise the annexation of Kherson.\n"
                      "Our partners must keep the sanctions on Russia in place.")
    assert r.document_speaker == "https://w3id.org/stancegraph/id/actor/volodymyr-zelenskyy"
    assert {(name(c.claimant), c.territory.rsplit("/", 1)[-1], c.sovereign) for c in r.claims} == {
        ("Volodymyr Zelenskyy", "kherson", "ukraine")}
    assert {name(st.speaker) for st in r.statements} == {"Volodymyr Zelenskyy"}


def test_quoted_first_person_words_stay_with_their_own_speaker(extractor):
    r, name = extract(extractor, "author: Harbour Workers Union",
                      'I met the mayor on Monday.\n"We are not ready to sign," Ann Example said.')
    quotes = {(name(st.speaker), st.quoted_text) for st in r.statements if st.quoted_text}
    assert quotes == {("Ann Example", "We are not ready to sign,")}
    assert r.actors[r.document_speaker].name == "Harbour Workers Union"
    assert r.actors[r.document_speaker].kind == "organisation"


def test_reporting_verb_with_a_first_person_subject(extractor):
    r, name = extract(extractor, "speaker: Ann Example", 'I told the council: "The plan is dead."')
    assert {(name(st.speaker), st.quoted_text) for st in r.statements if st.quoted_text} == {
        ("Ann Example", "The plan is dead.")}


def test_without_a_header_first_person_narration_has_no_speaker(extractor):
    r = extractor.extract(parse_text("fp", "We will never recognise the annexation of Kherson."))
    assert r.document_speaker is None and not r.statements
