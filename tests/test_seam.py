"""The extract seam: a frozen parsed article, ordered attribution patterns, detectors by name."""

from __future__ import annotations

import dataclasses

import pytest
from rdflib import Graph, Literal

from stancegraph.errors import StanceGraphError
from stancegraph.extract import STANCE_DETECTORS, Extractor, StanceDetector, StanceQuery
from stancegraph.extract.attribution import PATTERNS, attribute
from stancegraph.extract.speakers import SpeakerResolver
from stancegraph.ingest import parse_text
from stancegraph.namespaces import SG

TEXT = 'Anna Berg said on Monday that the talks had reached a deadlock. "We see no progress at all," she added.'


def test_parsed_article_is_complete_and_frozen(extractor):
    pd, _ = extractor.parse(parse_text("t", TEXT))
    assert [m.span.text for m in pd.mentions] == ["Anna Berg"]
    assert [q.text for q in pd.quotes] == ["We see no progress at all,"]
    assert "talks-progress" in pd.sent_topics[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        pd.mentions = ()
    with pytest.raises(TypeError):
        pd.tok_actor[0] = "x"


def test_attribution_patterns_run_in_their_declared_order(extractor, resources):
    pd, index = extractor.parse(parse_text("t", TEXT))
    found = attribute(pd, SpeakerResolver(pd, index, resources, extractor.cues))
    assert [u.pattern for u in found][:2] == ["quote", "reported-speech"]
    assert {u.pattern for u in found} == {"quote", "reported-speech"}
    quote, reported = found[:2]
    # "she added" resolves through the speaker the reported-speech reading made known
    assert quote.statement.speaker == reported.statement.speaker
    assert quote.quote == 0 and quote.anchor is not None
    assert set(reported.scope) and reported.verb is not None
    assert [p.name for p in PATTERNS][1:] == ["quote", "reported-speech", "headline", "narration", "narrated-action",
                                              "conjoined-speakers", "continued-speech", "first-person"]


@pytest.mark.parametrize("name", sorted(STANCE_DETECTORS))
def test_every_registered_detector_keeps_the_contract(name, resources):
    ex = Extractor(resources, stances=name)
    assert isinstance(ex.stances, StanceDetector) and name in ex.detector_id
    result = ex.extract(parse_text("t", TEXT))
    positions = {(result.actors[p.holder].name, p.issue, p.stance) for p in result.positions}
    assert ("Anna Berg", "talks-progress", -1) in positions
    pd, index = ex.parse(parse_text("t", TEXT))
    u = ex.utterances(pd, index)[0][0]
    for hit in ex.stances.positions(StanceQuery(pd, u)):
        assert hit.stance in (1, -1) and 0 < hit.confidence <= 1 and set(hit.tokens) <= set(range(len(pd.doc)))


def test_unknown_detector_is_one_clear_error(resources):
    with pytest.raises(StanceGraphError, match="unknown stance detector 'nope'"):
        Extractor(resources, stances="nope")


def test_detector_is_recorded_in_the_run_provenance(tmp_path, resources):
    from stancegraph.pipeline import build

    art = tmp_path / "a.txt"
    art.write_text(TEXT, encoding="utf-8")
    result = build([art], tmp_path / "g.ttl", resources=resources, stances="rules")
    g = Graph().parse(tmp_path / "g.ttl")
    detectors = set(g.objects(None, SG.stanceDetector))
    assert detectors == {Literal(result_id := Extractor(resources).detector_id)} and result_id.startswith("rules")
    assert result.positions >= 1


def test_a_worker_builds_the_detector_the_build_asked_for(resources):
    """A build's stance choice travels to its workers (other processes rebuild the extractor from
    the BuildConfig alone) and changes the input fingerprint, so a store re-parses its articles."""
    from stancegraph.worker import BuildConfig, Worker, input_fingerprint

    rules = BuildConfig.from_resources(resources, stances="rules")
    hybrid = BuildConfig.from_resources(resources, stances="hybrid")
    assert input_fingerprint(rules) != input_fingerprint(hybrid)
    worker = Worker(hybrid, resources)
    assert worker.extractor.detector_id.startswith("hybrid model sha256:")
    out, = worker.process([parse_text("w1", TEXT)], ["h"])
    assert out.skipped is None and out.positions >= 1


def test_first_person_sentences_already_covered_are_not_statements_again(extractor, resources):
    """A document speaker's sentence outside every other utterance's scope is a first-person
    statement; one whose words all stand in a kept utterance's scope is not."""
    from stancegraph.extract.attribution import FirstPerson

    text = "speaker: Ann Example\n---\nWe reject the harbour toll. The council said the toll is fair.\n"
    pd, index = extractor.parse(parse_text("fp", text))
    found = attribute(pd, SpeakerResolver(pd, index, resources, extractor.cues))
    first = [u for u in found if u.pattern == "first-person"]
    assert [u.statement.span.text for u in first] == ["We reject the harbour toll."]
    assert first[0].statement.speaker == pd.doc_speaker
    assert not FirstPerson.covered(first[0], set())
    assert FirstPerson.covered(first[0], set(first[0].scope))
