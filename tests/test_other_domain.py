"""Nothing in the code knows the bundled conflict: another debate, another codebook,
another gazetteer, the same pipeline."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from stancegraph.pipeline import build
from stancegraph.export import annotations
from stancegraph.store import load_file

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent / "other_domain"
DOMAIN_WORDS = r"ukrain|russia|kyiv|kiev|kremlin|putin|\bnato\b|crimea|donbas|donetsk|luhansk|zelensk|peskov|moscow"


def test_python_code_holds_no_word_of_the_bundled_domain():
    hits = []
    for path in (ROOT / "src").rglob("*.py"):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(DOMAIN_WORDS, line, re.I):
                hits.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert not hits, "\n".join(hits)


def test_another_debate_with_its_own_codebook_and_gazetteer(tmp_path):
    out = tmp_path / "harbour.ttl"
    result = build([HERE / "article.txt"], out, codebook=HERE / "codebook.ttl",
                   gazetteer=HERE / "actors.ttl", territories=HERE / "territories.ttl")
    assert result.report.conforms
    doc = annotations(load_file(out))[0]
    assert doc["published"] == "2024-05-14"
    statements = {(s["speaker"], s["issue"], s["stance"]) for s in doc["statements"]}
    assert ("Maria Lindqvist", "congestion-toll", "support") in statements
    assert ("Tom Okafor", "congestion-toll", "oppose") in statements
    assert ("Tom Okafor", "budget-talks-progress", "oppose") in statements
    assert not any(s[0] == "Maria Lindqvist" and s[2] == "oppose" and s[1] == "congestion-toll" for s in statements)
    quotes = {(q["speaker"], q["text"][:12]) for q in doc["quotes"]}
    assert quotes == {("Maria Lindqvist", "The toll mea"), ("Tom Okafor", "It is a cash")}
    claims = {(c["claimant"], c["territory"], c["sovereign"]) for c in doc["claims"]}
    assert ("Maria Lindqvist", "Gull Island", "city") in claims


def test_learned_detector_trained_on_the_domain_finds_a_position_without_cue_phrases(tmp_path):
    """Trained on the harbour debate's own coded sentences (tests/other_domain/train, written
    for this test), the learned detector finds a position worded with none of the codebook's
    cue phrases, which the rules miss."""
    from stancegraph.extract import Extractor
    from stancegraph.ingest import parse_text
    from stancegraph.knowledge import load_resources
    from stancegraph.training import train

    res = load_resources(codebook=HERE / "codebook.ttl", gazetteer=HERE / "actors.ttl",
                         territories=HERE / "territories.ttl")
    model = tmp_path / "harbour.npz"
    report = train([HERE / "train" / "gold"], model, resources=res, folds=4)
    assert report.positives >= 12 and len(report.training_set) == 64
    text = "Councillor Tom Okafor said on Tuesday that the budget negotiations were going nowhere."
    cues = [" ".join(c.words) for i in res.codebook.issues.values() for c in i.cues]
    assert not any(c in text.lower() for c in cues)

    def found(stances):
        ex = Extractor(res, stances=stances, stance_options={"model": model} if stances != "rules" else None)
        r = ex.extract(parse_text("t", " date 2024-05-20 " + text))
        return {(r.actors[p.holder].name, p.issue, p.stance) for p in r.positions}

    assert ("Tom Okafor", "budget-talks-progress", -1) not in found("rules")
    assert ("Tom Okafor", "budget-talks-progress", -1) in found("learned")
    assert ("Tom Okafor", "budget-talks-progress", -1) in found("hybrid")


def test_train_only_gold_joins_the_training_folds_but_is_not_scored(tmp_path):
    """``train_only`` folders add training articles; the cross-validation scores only the others."""
    import shutil

    from stancegraph.errors import StanceGraphError
    from stancegraph.extract.stance.learned import StanceModel
    from stancegraph.knowledge import load_resources
    from stancegraph.training import train

    res = load_resources(codebook=HERE / "codebook.ttl", gazetteer=HERE / "actors.ttl",
                         territories=HERE / "territories.ttl")
    src = HERE / "train"
    golds = sorted((src / "gold").glob("*.json"))
    for part, files in (("a", golds[:5]), ("b", golds[5:])):
        (tmp_path / part / "gold").mkdir(parents=True)
        (tmp_path / part / "articles").mkdir()
        for f in files:
            shutil.copy(f, tmp_path / part / "gold" / f.name)
            shutil.copy(src / "articles" / f"{f.stem}.txt", tmp_path / part / "articles" / f"{f.stem}.txt")
    both = train([src / "gold"], tmp_path / "both.npz", resources=res, folds=4)
    report = train([tmp_path / "a" / "gold"], tmp_path / "m.npz", resources=res, folds=4,
                   train_only=[tmp_path / "b" / "gold"])
    assert (report.articles, report.cv_articles) == (len(golds), 5)
    assert report.positives == both.positives and report.training_set == both.training_set
    assert f"cross-validated by article on 5 " in report.summary()
    meta = StanceModel.load(tmp_path / "m.npz").meta
    assert meta["train_only"] == [str(tmp_path / "b" / "gold")] and meta["cv_articles"] == 5
    with pytest.raises(StanceGraphError, match="in a scored gold directory too"):
        train([src / "gold"], tmp_path / "x.npz", resources=res, train_only=[tmp_path / "b" / "gold"])


def test_training_takes_an_article_in_which_nobody_speaks(tmp_path):
    """A gold article whose text has no quote, reported speech or stance yields no candidate rows;
    training (and its cross-validation folds) still run and count the article."""
    import shutil

    from stancegraph.knowledge import load_resources
    from stancegraph.training import train

    res = load_resources(codebook=HERE / "codebook.ttl", gazetteer=HERE / "actors.ttl",
                         territories=HERE / "territories.ttl")
    src = HERE / "train"
    (tmp_path / "gold").mkdir()
    (tmp_path / "articles").mkdir()
    for f in sorted((src / "gold").glob("*.json")):
        shutil.copy(f, tmp_path / "gold" / f.name)
        shutil.copy(src / "articles" / f"{f.stem}.txt", tmp_path / "articles" / f"{f.stem}.txt")
    (tmp_path / "articles" / "silent.txt").write_text(
        "The river rose by two metres overnight. Roads near the bridge were closed until noon.\n",
        encoding="utf-8")
    (tmp_path / "gold" / "silent.json").write_text(json.dumps(
        {"article": "silent", "published": None, "actors": [], "quotes": [], "statements": [],
         "claims": []}), encoding="utf-8")
    with_silent = train([tmp_path / "gold"], tmp_path / "m.npz", resources=res, folds=4)
    without = train([src / "gold"], tmp_path / "n.npz", resources=res, folds=4)
    assert with_silent.articles == without.articles + 1
    assert with_silent.rows == without.rows and with_silent.positives == without.positives
