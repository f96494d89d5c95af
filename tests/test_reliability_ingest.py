"""Issue 10, items 1 and 7: bad ids and bad metadata at ingest; one bad article never costs the corpus."""

from __future__ import annotations

import json
from datetime import date

import pytest

from stancegraph.errors import StanceGraphError
from stancegraph.ingest import load_articles, parse_text


@pytest.mark.parametrize("bad", [".", "..", ".hidden", "trailing.", "a/b", "..%2f"])
def test_ids_with_dot_segments_are_refused(bad):
    with pytest.raises(StanceGraphError, match="bad article id"):
        parse_text(bad, "Some text.")


def test_dotted_ids_inside_are_fine():
    assert parse_text("v1.2_a", "Some text.").id == "v1.2_a"


def _jsonl(tmp_path, *records):
    p = tmp_path / "c.jsonl"
    p.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return p


def test_non_string_metadata_is_refused_not_stored_as_repr(tmp_path):
    p = _jsonl(tmp_path,
               {"id": "num", "text": "Alpha spoke.", "published": 20240102},
               {"id": "lst", "text": "Beta spoke.", "title": ["a", "b"]},
               {"id": "obj", "text": "Gamma spoke.", "outlet": {"name": "X"}},
               {"id": "ok", "text": "Delta spoke.", "title": None})
    arts, skipped = load_articles([p])
    assert [a.id for a in arts] == ["ok"]
    msgs = [s.oneline() for s in skipped]
    assert any("line 1" in m and "'published' must be a string" in m and "number" in m for m in msgs)
    assert any("line 2" in m and "'title' must be a string" in m for m in msgs)
    assert any("line 3" in m and "'outlet' must be a string" in m for m in msgs)


def test_lone_surrogates_are_refused(tmp_path):
    p = _jsonl(tmp_path,
               '{"id": "s1", "text": "Bad \\ud800 text."}',
               '{"id": "s2", "text": "Fine text.", "title": "Bad \\udfff title"}',
               {"id": "ok", "text": "Good text."})
    arts, skipped = load_articles([p])
    assert [a.id for a in arts] == ["ok"]
    msgs = [s.oneline() for s in skipped]
    assert any("line 1" in m and "lone surrogate" in m and "'text'" in m for m in msgs)
    assert any("line 2" in m and "lone surrogate" in m and "'title'" in m for m in msgs)


def test_deeply_nested_json_is_skipped(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text("[" * 200_000 + "]" * 200_000 + "\n" + json.dumps({"id": "ok", "text": "Good."}) + "\n",
                 encoding="utf-8")
    arts, skipped = load_articles([p])
    assert [a.id for a in arts] == ["ok"]
    assert "line 1" in skipped[0].oneline() and "nested too deeply" in skipped[0].oneline()


def test_unclosed_header_block_is_reported(tmp_path):
    a = parse_text("h", "title: Talks resume\npublished: 2023-05-01\nBody here, and no closing line.")
    assert a.published is None
    assert any("no closing '---'" in w and "line 1" in w for w in a.warnings)


def test_odd_publication_year_warns():
    a = parse_text("y", "published: 0001-01-07\n---\nBody.")
    assert a.published == date(1, 1, 7)
    assert any("year 1" in w for w in a.warnings)
    assert not parse_text("z", "published: 2023-01-07\n---\nBody.").warnings


def test_year_one_sunday_does_not_crash_extraction(extractor):
    from stancegraph.extract.dates import resolve_relative_date

    assert resolve_relative_date("on Sunday", date(1, 1, 1)) is None
    art = parse_text("y1", 'published: 0001-01-01\n---\nThe minister said on Sunday: "We reject the plan."')
    extractor.extract(art)  # no OverflowError
