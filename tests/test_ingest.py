from __future__ import annotations

import json
from datetime import date

import pytest

from stancegraph.errors import StanceGraphError
from stancegraph.ingest import iter_articles, load_articles, parse_text, read_txt


def test_seed_date_prefix_sets_published_and_body():
    a = parse_text("a", " date 2022-04-07 Dubbing the retreat a gesture.")
    assert a.published == date(2022, 4, 7)
    assert a.text[a.body_start:].startswith("Dubbing")


def test_header_block_is_metadata():
    text = "url: https://example.org/x\ntitle: Talks resume\noutlet: Example News\npublished: 2023-05-01\n---\nBody here."
    a = parse_text("b", text)
    assert (a.url, a.title, a.outlet, a.published) == ("https://example.org/x", "Talks resume", "Example News",
                                                      date(2023, 5, 1))
    assert a.text[a.body_start:] == "Body here."


def test_text_without_header_keeps_everything():
    a = parse_text("c", "Note: this is prose.\nMore prose.")
    assert a.body_start == 0 and a.published is None


def test_jsonl_corpus_reports_bad_lines_and_keeps_good(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text("\n".join([
        json.dumps({"id": "one", "text": "Alpha said so.", "published": "2024-01-02", "outlet": "X"}),
        "{not json",
        json.dumps({"id": "two", "text": "   "}),
        json.dumps({"id": "three", "text": "Gamma.", "published": "yesterday"}),
        json.dumps({"id": "four", "text": "Delta."}),
    ]), encoding="utf-8")
    arts, skipped = load_articles([p])
    assert [a.id for a in arts] == ["one", "four"]
    assert arts[0].published == date(2024, 1, 2) and arts[0].outlet == "X"
    msgs = [s.oneline() for s in skipped]
    assert any("line 2" in m and "JSON" in m for m in msgs)
    assert any("line 3" in m and "empty" in m for m in msgs)
    assert any("line 4" in m and "bad date" in m for m in msgs)


def test_bad_encoding_and_empty_file_are_skipped_with_place(tmp_path):
    (tmp_path / "good.txt").write_text("Fine text.", encoding="utf-8")
    (tmp_path / "latin.txt").write_bytes("first line\ncaf\xe9".encode("latin-1"))
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    arts, skipped = load_articles([tmp_path])
    assert [a.id for a in arts] == ["good"]
    lines = sorted(s.oneline() for s in skipped)
    assert any("empty.txt:line 1: empty article" in l for l in lines)
    assert any("latin.txt:line 2: not UTF-8" in l for l in lines)


def test_missing_path_is_an_error(tmp_path):
    with pytest.raises(StanceGraphError, match="no such file"):
        list(iter_articles([tmp_path / "nope.txt"]))


def test_duplicate_ids_are_skipped(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("One.", encoding="utf-8")
    p = tmp_path / "c.jsonl"
    p.write_text(json.dumps({"id": "x", "text": "Two."}), encoding="utf-8")
    arts, skipped = load_articles([tmp_path / "a", p])
    assert len(arts) == 1 and "duplicate article id" in skipped[0].reason


def test_crlf_is_normalised(tmp_path):
    p = tmp_path / "w.txt"
    p.write_bytes(b"Line one.\r\nLine two.")
    assert read_txt(p).text == "Line one.\nLine two."


def test_header_with_any_keys_unknown_date_and_document_speaker():
    text = "url: https://example.org/a\ndate: unknown\ntopic: trade\nspeaker: Ann Example\n---\nWe agree."
    a = parse_text("s1", text)
    assert a.published is None and a.speaker == "Ann Example" and a.meta["topic"] == "trade"
    assert a.text[a.body_start:] == "We agree."


def test_a_block_of_unknown_keys_is_not_a_header():
    a = parse_text("s2", "Note: this is prose\n---\nMore prose.")
    assert a.body_start == 0


def test_jsonl_document_speaker(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text('{"id": "j1", "text": "We agree.", "author": "Harbour Board"}\n', encoding="utf-8")
    (article,), skipped = load_articles([path])
    assert article.speaker == "Harbour Board" and not skipped
