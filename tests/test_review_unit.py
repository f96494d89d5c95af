"""Review records on their own: applying them in order, vanished targets, annotation JSON as reviews."""

from __future__ import annotations

import json
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

from typer.testing import CliRunner

from stancegraph.cli import app
from stancegraph.review import ACT, EXAMPLE_TTL, Review, Row, apply_reviews, machine_rows, reviewed_view
from stancegraph.store import load_text

T0 = datetime(2024, 1, 1, tzinfo=timezone.utc)
ANNA, BORIS = ACT + "anna", ACT + "boris"


def rows() -> list[Row]:
    return [Row("a1", 0, 10, ANNA, "fees", "support", statement="s1", position="p1"),
            Row("a1", 20, 30, ANNA, "fees", "support", statement="s2", position="p1"),
            Row("a2", 0, 10, BORIS, "fees", "oppose", statement="s3", position="p2")]


def test_a_review_applies_to_its_span_only_and_later_reviews_see_earlier_ones():
    edit = Review("edited", "a1", 0, 10, ANNA, "fees", "support", new_stance="oppose", reviewer="R", time=T0)
    again = Review("edited", "a1", 0, 10, ANNA, "fees", "oppose", new_holder=BORIS, reviewer="S",
                   time=T0 + timedelta(hours=1))
    out, problems = apply_reviews(rows(), [again, edit])  # given out of order: applied by time
    assert problems == []
    assert [(r.begin, r.holder, r.stance, r.status, r.coder) for r in out if r.article == "a1"] == [
        (0, BORIS, "oppose", "edited", "S"), (20, ANNA, "support", "machine", None)]


def test_a_review_whose_target_vanished_is_reported_not_dropped():
    gone = Review("rejected", "a1", 40, 50, ANNA, "fees", "support", reviewer="R", time=T0)
    lost = Review("added", "a9", 0, 5, new_holder=ANNA, new_issue="fees", new_stance="support", reviewer="R", time=T0)
    out, problems = apply_reviews(rows(), [gone, lost], articles={"a1", "a2"})
    assert out == sorted(rows(), key=lambda r: (r.article, r.begin))
    assert len(problems) == 2
    assert "target vanished" in problems[0] and "rejected by R in a1 [40-50]" in problems[0]
    assert "article a9 is not in the graph" in problems[1]


def test_whole_position_reviews_and_acceptance():
    reject = Review("rejected", "a1", None, None, ANNA, "fees", "support", reviewer="R", time=T0)
    accept = Review("accepted", "a2", None, None, BORIS, "fees", "oppose", reviewer="R", time=T0)
    out, problems = apply_reviews(rows(), [reject, accept])
    assert problems == [] and [(r.article, r.status) for r in out] == [("a2", "accepted")]


def test_bad_reviews_are_refused():
    import pytest

    from stancegraph.errors import StanceGraphError

    with pytest.raises(StanceGraphError, match="unknown review action"):
        Review("deleted", "a1", 0, 1, ANNA, "fees", "support")
    with pytest.raises(StanceGraphError, match="needs a holder, an issue and a stance"):
        Review("added", "a1", 0, 1, new_holder=ANNA)


def test_reviewed_view_moves_the_position_and_keeps_the_raw_graph():
    from stancegraph.export import annotations

    st = load_text(EXAMPLE_TTL)
    rev = Review("edited", "a1", 4, 12, ANNA, "harbour-fees", "support", new_stance="oppose", reviewer="R", time=T0)
    from stancegraph.review import issue_table, review_quads

    st.extend(review_quads([rev], issue_table(st)))
    view = reviewed_view(st)
    assert [s["stance"] for s in annotations(view)[0]["statements"]] == ["oppose"]
    assert [s["stance"] for s in annotations(st)[0]["statements"]] == ["support"]
    assert [r.stance for r in machine_rows(st)] == ["support"]


def test_edited_annotation_files_become_reviews(built, tmp_path):
    graph = tmp_path / "graph.ttl"
    shutil.copy(built[1], graph)
    r = CliRunner().invoke(app, ["export", str(graph), "--format", "annotations", "-o", str(tmp_path / "ann")])
    assert r.exit_code == 0, r.stderr
    path = sorted((tmp_path / "ann").glob("*.json"))[0]
    doc = json.loads(path.read_text())
    statements = doc["statements"]
    assert len(statements) >= 3
    flipped, dropped, accepted = statements[0], statements[1], statements[2]
    flipped["stance"] = "oppose" if flipped["stance"] == "support" else "support"
    statements.remove(dropped)
    accepted["status"] = "accepted"
    art = (Path(__file__).resolve().parents[1] / "data" / "articles" / f"{doc['article']}.txt").read_text()
    words = max(art.split("\n"), key=len).split()[:8]
    statements.append({"speaker": "Maria Reviewed-Example", "issue": "talks-progress", "stance": "support",
                       "evidence": " ".join(words)})
    statements.append({"speaker": "Nobody Example", "issue": "talks-progress", "stance": "oppose",
                       "evidence": "words that are not in the article at all"})
    path.write_text(json.dumps(doc))
    for other in sorted((tmp_path / "ann").glob("*.json"))[1:]:
        other.unlink()
    r = CliRunner().invoke(app, ["import-annotations", str(tmp_path / "ann"), "-o", str(graph),
                                 "--reviewer", "Una Reviewer"])
    assert r.exit_code == 0, r.stderr
    assert "1 rejected, 1 edited, 1 added, 1 accepted" in r.stdout
    assert "is not a piece of the article's text" in r.stderr
    r = CliRunner().invoke(app, ["export", str(graph), "--format", "annotations", "-o", str(tmp_path / "again")])
    after = json.loads((tmp_path / "again" / path.name).read_text())
    keys = {(s["speaker"], s["issue"], s["stance"]) for s in after["statements"]}
    assert (flipped["speaker"], flipped["issue"], flipped["stance"]) in keys
    assert (dropped["speaker"], dropped["issue"], dropped["stance"]) not in keys
    assert ("Maria Reviewed-Example", "talks-progress", "support") in keys
    assert "Maria Reviewed-Example" in {a["name"] for a in after["actors"]}


def test_dna_import_skips_what_it_cannot_place(tmp_path):
    """A document whose text was edited in DNA gives no reviews (its offsets no longer mean the
    graph's text); a span outside its document is reported; both as one line naming the place."""
    import sqlite3

    from stancegraph.dna import read_dna, read_review, write_dna

    st = load_text(EXAMPLE_TTL)
    path = tmp_path / "x.dna"
    write_dna(st, path)
    c = sqlite3.connect(path)
    c.execute("PRAGMA foreign_keys = ON")
    c.execute("INSERT INTO STATEMENTS(StatementTypeId, DocumentId, Start, Stop, Coder) VALUES (1, 1, 5, 999, 3)")
    c.commit()
    imp = read_review(read_dna(path), st)
    assert imp.reviews == [] and len(imp.problems) == 1
    assert imp.problems[0].startswith(f"{path}:statement 2: span 5-999 is outside its document")
    c.execute("UPDATE DOCUMENTS SET Text = 'Ann rejected the harbour fees.' WHERE ID = 1")
    c.execute("DELETE FROM STATEMENTS WHERE ID = 1")
    c.commit()
    imp = read_review(read_dna(path), st)
    assert imp.reviews == []  # not a rejection: the document changed under it
    assert imp.problems == [f"{path}:document 1: its text is not the text of article a1 in the graph (edited in "
                            "DNA, or the article changed); its statements are skipped"]
