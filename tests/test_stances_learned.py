"""The learned and hybrid stance detectors, their model file, event anaphora, and the rule layer's predicates (sentences written here)."""

from __future__ import annotations

import numpy as np
import pytest
from rdflib import Graph
from stance_text import positions

from stancegraph.errors import StanceGraphError
from stancegraph.extract import Extractor
from stancegraph.extract.stance.learned import StanceModel, default_model_path
from stancegraph.ingest import parse_text
from stancegraph.namespaces import SG


@pytest.mark.parametrize("text,expected", [
    ("The council imposed new sanctions on the bank on Monday. Anna Berg said she welcomed the move.",
     ("Anna Berg", "sanctions-on-russia", 1)),
    ("The ministers agreed a plan to tighten sanctions. Anna Berg said she would oppose it.",
     ("Anna Berg", "sanctions-on-russia", -1)),
])
def test_event_anaphora_carry_the_issue_of_the_event(anaphora, extractor, text, expected):
    assert expected in positions(anaphora, text)
    assert expected not in positions(extractor, text)  # plain rules see no issue word


def test_a_pronoun_without_an_event_named_before_carries_nothing(anaphora):
    found = positions(anaphora, "Anna Berg said the talks had stalled. Tom Okafor rejected it.")
    assert not any(h == "Tom Okafor" for h, _, _ in found)


def test_shipped_model_matches_the_codebook_and_records_its_training_set(resources):
    model = StanceModel.load(default_model_path())
    assert model.issues == tuple(sorted(resources.codebook.issues))
    assert len(model.training_set) == 64 and 0 < model.threshold < 1 and 0 < model.hybrid_threshold < 1
    assert model.coef.shape == (3, model.mean.shape[0])
    p = model.proba(np.zeros((2, model.mean.shape[0]), dtype=np.float32))
    assert np.allclose(p.sum(axis=1), 1.0)


def test_model_file_round_trip_and_bad_files(tmp_path):
    model = StanceModel.load(default_model_path())
    copy = tmp_path / "copy.npz"
    model.save(copy)
    again = StanceModel.load(copy)
    assert again.issues == model.issues and np.array_equal(again.coef, model.coef)
    assert model.prior.speakers and again.prior.speakers == model.prior.speakers
    assert np.array_equal(again.prior.counts, model.prior.counts)
    bad = tmp_path / "bad.npz"
    bad.write_text("not a model", encoding="utf-8")
    with pytest.raises(StanceGraphError, match="not a stancegraph stance model"):
        StanceModel.load(bad)
    with pytest.raises(StanceGraphError, match="no such stance model"):
        StanceModel.load(tmp_path / "missing.npz")


def test_the_speaker_prior_counts_articles_and_leaves_a_training_article_out():
    from stancegraph.extract.stance.features import SpeakerPrior

    first = ({("act:x", 0, 2), ("act:y", 1, 1)}, {"act:x", "act:y"})
    second = ({("act:x", 0, 2)}, {"act:x"})
    prior = SpeakerPrior.count([first, second, (set(), {"act:y"})], 2)
    x = prior.columns("act:x")
    assert x[0, 0] < 0 and x[1, 0] == 0  # opposes issue 0 in both its articles, nothing on issue 1
    assert prior.columns("act:x", without=first)[0, 1] < x[0, 1]  # its own article not counted
    y = prior.columns("act:y", without=first)
    assert y[1, 0] == 0 and np.allclose(y[:, 4], np.log1p(1))  # then only the article where it says nothing
    assert not prior.columns("act:unknown").any()


def test_a_model_for_another_codebook_is_refused(tmp_path):
    from stancegraph.knowledge import load_resources
    from pathlib import Path

    here = Path(__file__).resolve().parent / "other_domain"
    res = load_resources(codebook=here / "codebook.ttl", gazetteer=here / "actors.ttl",
                         territories=here / "territories.ttl")
    with pytest.raises(StanceGraphError, match="trained for other issues"):
        Extractor(res, stances="learned")


def test_hybrid_keeps_rule_hits_and_names_its_model_in_the_provenance(tmp_path, resources):
    from stancegraph.pipeline import build

    text = 'Anna Berg said, "The talks have reached a deadlock."'
    rules, hybrid = Extractor(resources, stances="rules"), Extractor(resources, stances="hybrid")
    assert positions(rules, text) <= positions(hybrid, text)
    art = tmp_path / "a.txt"
    art.write_text(text, encoding="utf-8")
    build([art], tmp_path / "g.ttl", resources=resources, stances="hybrid")
    g = Graph().parse(tmp_path / "g.ttl")
    (detector,) = set(map(str, g.objects(None, SG.stanceDetector)))
    (digest,) = set(map(str, g.objects(None, SG.trainingSetDigest)))
    assert detector.startswith("hybrid model sha256:")
    assert digest == StanceModel.load(default_model_path()).training_set


def test_cli_train_names_a_missing_gold_folder(tmp_path):
    from typer.testing import CliRunner

    from stancegraph.cli import app

    r = CliRunner().invoke(app, ["train", str(tmp_path / "nope"), "-o", str(tmp_path / "m.npz")])
    assert r.exit_code == 1 and "no such gold directory" in r.output and "Traceback" not in r.output


# The rule layer's predicates and topic heads (the learned detectors take its hits as features)

@pytest.mark.parametrize("text,expected", [
    # removing something opposes it; imposing, adopting or extending it supports it (the issue's
    # own cue list names none of these verbs)
    ("Anna Berg said the allies should drop the security guarantees.", ("security-guarantees", -1)),
    ("Anna Berg wants parliament to scrap the neutral status.", ("ukraine-neutrality", -1)),
    ("Anna Berg said the assembly would adopt a neutral status.", ("ukraine-neutrality", 1)),
    ("Anna Berg urged the allies to remove the peacekeepers.", ("security-guarantees", -1)),
    # a negation turns the predicate round
    ("Anna Berg said the allies would not drop the security guarantees.", ("security-guarantees", 1)),
])
def test_removal_and_adoption_predicates_give_the_stance(rules, text, expected):
    assert ("Anna Berg", *expected) in positions(rules, text)


@pytest.mark.parametrize("text,expected", [
    # removing a measure opposes it; imposing or tightening it supports it
    ("Anna Berg said the bloc should lift the sanctions on the bank.", -1),
    ("Anna Berg said the ministers should scrap the price cap.", -1),
    ("Anna Berg wants the council to ease the embargo on steel.", -1),
    ("Anna Berg said the government would impose new sanctions next week.", 1),
    ("Anna Berg said the union had to tighten the embargo.", 1),
    # a negation turns the predicate round
    ("Anna Berg said the council must not ease the embargo.", 1),
    ("Anna Berg said the bloc would not lift the sanctions.", 1),
])
def test_removal_and_imposition_predicates_give_the_stance(rules, text, expected):
    assert ("Anna Berg", "sanctions-on-russia", expected) in positions(rules, text)


@pytest.mark.parametrize("text,expected", [
    ("Anna Berg rejected the neutrality model put forward by the envoys.", ("ukraine-neutrality", -1)),
    ("Anna Berg backed the security guarantee framework.", ("security-guarantees", 1)),
])
def test_a_topic_naming_a_proposal_is_the_topic(rules, text, expected):
    # "the neutrality model" is about neutrality, unlike "a WHO ministers' meeting", which is a meeting
    assert ("Anna Berg", *expected) in positions(rules, text)


def candidates(extractor, resources, text):
    from stancegraph.extract.attribution import attribute
    from stancegraph.extract.speakers import SpeakerResolver

    pd, index = extractor.parse(parse_text("t", text))
    return [(u.pattern, index.get(u.statement.speaker).name, " ".join(pd.doc[i].text for i in u.scope))
            for u in attribute(pd, SpeakerResolver(pd, index, resources, extractor.cues))]


@pytest.mark.parametrize("text,expected", [
    ("Anna Berg vetoed the new sanctions package on Tuesday.",
     [("narrated-action", "Anna Berg", "vetoed the new sanctions package on Tuesday")]),
    ("Tom Okafor arrived late. He blocked the toll plan an hour later.",
     [("narrated-action", "Tom Okafor", "blocked the toll plan")]),
    ("Anna Berg travelled to the port on Tuesday.", []),  # an act that takes no position
    ("Tom Okafor said Anna Berg blocked the sanctions.",  # inside Okafor's report: his statement
     [("reported-speech", "Tom Okafor", "said Anna Berg blocked the sanctions")]),
])
def test_narrated_acts_of_actors_are_candidates(rules, resources, text, expected):
    assert candidates(rules, resources, text) == expected


def test_speakers_joined_by_and_each_get_the_utterance(rules, resources):
    text = "Anna Berg and Tom Okafor rejected the new sanctions package."
    got = candidates(rules, resources, text)
    assert [(p, s) for p, s, _ in got] == [("reported-speech", "Anna Berg"), ("conjoined-speakers", "Tom Okafor")]
    assert {("Anna Berg", "sanctions-on-russia", -1), ("Tom Okafor", "sanctions-on-russia", -1)} <= positions(rules, text)


def test_a_narrated_act_speaks_only_when_it_takes_a_position(rules):
    r = rules.extract(parse_text("t", "Anna Berg vetoed the new sanctions package. Tom Okafor approved the menu."))
    assert [r.actors[s.speaker].name for s in r.statements] == ["Anna Berg"]
    assert {(r.actors[p.holder].name, p.issue, int(p.stance)) for p in r.positions} == {
        ("Anna Berg", "sanctions-on-russia", -1)}
    assert not r.claims


@pytest.mark.parametrize("text,expected", [
    ('"We will not give up the valley," Anna Berg said on Monday. Any deal that trades land for peace is unacceptable.',
     ("continued-speech", "Anna Berg", "Any deal that trades land for peace is unacceptable")),
    ('"We will not give up the valley," Anna Berg said on Monday.\n\nAny deal that trades land for peace is unacceptable.',
     None),  # a new paragraph: not hers
    ('"We will not give up the valley," Anna Berg said. Tom Okafor rejected any deal that trades land.',
     None),  # another actor speaks
])
def test_the_sentence_after_a_speaker_speaks_is_a_candidate_for_that_speaker(rules, resources, text, expected):
    got = [c for c in candidates(rules, resources, text) if c[0] == "continued-speech"]
    assert got == ([expected] if expected else [])


def test_candidate_coverage_says_why_a_gold_statement_has_no_candidate(rules, resources):
    from stancegraph.training import candidate_coverage

    text = ("The weather was cold in Lisbon. Tom Okafor said the sanctions must stay. "
            "Anna Berg travelled home. Lena Frost opposed the sanctions.")
    gold = {"actors": [{"name": n} for n in ("Anna Berg", "Tom Okafor", "Lena Frost", "Nobody Here")],
            "statements": [
                {"speaker": "Tom Okafor", "issue": "sanctions-on-russia", "stance": "support",
                 "evidence": "the sanctions must stay"},
                {"speaker": "Anna Berg", "issue": "sanctions-on-russia", "stance": "support",
                 "evidence": "the sanctions must stay"},
                {"speaker": "Anna Berg", "issue": "sanctions-on-russia", "stance": "oppose",
                 "evidence": "Anna Berg travelled home"},
                {"speaker": "Nobody Here", "issue": "sanctions-on-russia", "stance": "oppose",
                 "evidence": "The weather was cold in Lisbon"},
                {"speaker": "Lena Frost", "issue": "sanctions-on-russia", "stance": "oppose",
                 "evidence": "words nowhere in the text at all"},
                {"speaker": "Lena Frost", "issue": "sanctions-on-russia", "stance": "oppose",
                 "evidence": "a reading left optional", "optional": True}]}
    kinds = [k for _, k in candidate_coverage(rules, parse_text("t", text), gold)]
    assert kinds == ["covered", "another speaker", "narrated action", "speaker missing", "evidence not found"]


# The statement stage: one decision per (speaker, issue) of the article (sentences written here)

STATEMENT_TEXT = ('Anna Berg said the sanctions on the bank should stay. "The sanctions work," she added. '
                  'Tom Okafor said the talks with the rebels had stalled.')


def _with_stage(model, intercept: float, threshold: float = 0.5):
    from dataclasses import replace

    width = 19 + 60  # statement columns and the best utterance's repeated ones
    stage = (np.zeros(width), np.ones(width), np.zeros(width), intercept)
    return replace(model, statement=stage, statement_threshold=threshold)


def test_a_statement_stage_round_trips_in_the_model_file(tmp_path):
    model = _with_stage(StanceModel.load(default_model_path()), 1.5, 0.4)
    model.save(tmp_path / "m.npz")
    again = StanceModel.load(tmp_path / "m.npz")
    assert again.statement_threshold == 0.4 and again.statement[3] == 1.5
    assert again.statement_proba(np.zeros((1, 79)))[0] == pytest.approx(1 / (1 + np.exp(-1.5)))


def test_the_statement_stage_decides_which_statements_the_article_gets(tmp_path, resources):
    from stancegraph.extract.stance.features import STATEMENT_FLOOR, statement_rows

    base = StanceModel.load(default_model_path())
    found = {}
    for name, intercept in (("none", -30.0), ("all", 30.0)):
        _with_stage(base, intercept).save(tmp_path / f"{name}.npz")
        ex = Extractor(resources, stances="learned", stance_options={"model": str(tmp_path / f"{name}.npz")})
        found[name] = positions(ex, STATEMENT_TEXT)
    assert found["none"] == set()  # a stage that accepts nothing leaves the article without positions
    # one that accepts everything gives each speaker one stance per issue it is a candidate on
    assert found["all"] and len({(h, i) for h, i, _ in found["all"]}) == len(found["all"])
    assert {h for h, _, _ in found["all"]} == {"Anna Berg", "Tom Okafor"}
    # the candidates are (speaker, issue) pairs of rows at the floor or with a rule hit
    proba = np.array([[0.99, 0.005, 0.005], [0.5, 0.3, 0.2]])
    cands, _ = statement_rows(["a", "a"], ["i", "j"], np.zeros(2), np.zeros((2, 60)), proba, 2)
    assert [(i, s) for _, i, s, _ in cands] == [("j", 1)] and STATEMENT_FLOOR > 0.01
