"""Issue 10, item 14: property-based fuzzing of ingest and of the build (library and CLI).

Random bytes, random Unicode (lone surrogates included), random JSON Lines records and random
header blocks, mixed with one good article written for this test. Whatever the input: ingest
yields an Article or a Skipped for each input and never raises; the build exits 0 or 1 without a
traceback; the good article is in the graph; every article ingest accepted is in the graph or
reported as skipped (nothing is lost silently); the graph is Turtle that ``validate`` reads.
The number of examples is bounded so that the test runs in CI.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis", reason="hypothesis is a test dependency (pip install -e '.[test]')")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from stancegraph.ingest import iter_articles, parse_text  # noqa: E402
from stancegraph.model import Article, Skipped  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
EXE = str(Path(sys.executable).parent / "stancegraph")
GOOD_ID = "0000-good"
GOOD = ('Councillor Mara Quill said on Tuesday: "We reject the harbour plan."\n\n'
        "The committee met in the old library.\n")

# STANCEGRAPH_FUZZ_SCALE=10 runs ten times more examples (a longer hunt than CI's).
SCALE = max(1, int(os.environ.get("STANCEGRAPH_FUZZ_SCALE", "1")))
FAST = settings(max_examples=120 * SCALE, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SLOW = settings(max_examples=6 * SCALE, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])
CLI = settings(max_examples=2 * SCALE, deadline=None, database=None,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                      HealthCheck.function_scoped_fixture])

any_char = st.characters(codec=None, exclude_categories=())  # surrogates and controls too
words = st.text(alphabet=st.sampled_from(list("abcdefghij ABC.,:-\"'\n\t[]/0123456789") + ["é", "—", "\u2028"]),
                max_size=200)
texts = st.one_of(st.text(alphabet=any_char, max_size=400), words)
KEYS = ["id", "text", "published", "date", "url", "title", "outlet", "source", "headline"]
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**20, 10**20) | st.floats(allow_nan=False) | texts
    | st.from_regex(r"-?\d{1,6}-\d{1,2}-\d{1,2}", fullmatch=True),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6)
ids = st.one_of(st.from_regex(r"[A-Za-z0-9._~-]{1,12}", fullmatch=True), st.text(alphabet=any_char, max_size=8))
records = st.one_of(
    st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=6), json_values, max_size=6),
    st.fixed_dictionaries({"id": ids, "text": texts}, optional={k: json_values for k in KEYS[2:]}),
    json_values,
)
jsonl_lines = st.one_of(records.map(lambda r: json.dumps(r)), st.text(alphabet=any_char, max_size=80),
                        st.just("[" * 5000 + "]" * 5000))
header_lines = st.lists(st.tuples(st.sampled_from(KEYS[2:] + ["note", "Title", "x y"]), words), max_size=6)


@st.composite
def header_block(draw):
    lines = [f"{k}: {v.splitlines()[0] if v.splitlines() else ''}" for k, v in draw(header_lines)]
    closing = draw(st.sampled_from(["---\n", "--- \n", "", "--\n"]))
    return "\n".join(lines) + ("\n" if lines else "") + closing + draw(texts)


@st.composite
def input_file(draw, n: int):
    kind = draw(st.sampled_from(["bytes", "text", "header", "jsonl", "other"]))
    if kind == "bytes":
        return f"x{n}.txt", draw(st.binary(max_size=600))
    if kind == "text":
        return f"x{n}.txt", draw(texts).encode("utf-8", "surrogatepass")
    if kind == "header":
        return f"x{n}.txt", draw(header_block()).encode("utf-8", "surrogatepass")
    if kind == "jsonl":
        lines = draw(st.lists(jsonl_lines, max_size=5))
        return f"x{n}.jsonl", "\n".join(lines).encode("utf-8", "surrogatepass")
    return draw(st.sampled_from([f"x{n}.TXT", f"x{n}.JsonL", f".x{n}.txt", f"x{n}..txt"])), draw(st.binary(max_size=200))


@st.composite
def corpus(draw, max_files: int = 5):
    return [draw(input_file(n)) for n in range(draw(st.integers(1, max_files)))]


def _write(folder: Path, files) -> None:
    (folder / f"{GOOD_ID}.txt").write_text(GOOD, encoding="utf-8")
    for name, data in files:
        (folder / name).write_bytes(data)


# ----------------------------------------------------------------- ingest ---

@FAST
@given(st.text(alphabet=any_char, max_size=300) | header_block(), ids)
def test_parse_text_raises_only_one_line_errors(text, article_id):
    from stancegraph.errors import StanceGraphError

    try:
        a = parse_text(article_id, text)
    except StanceGraphError as exc:
        assert "\n" not in exc.oneline()
        return
    a.text.encode("utf-8")  # nothing unencodable gets through
    assert a.id == article_id and not a.id.startswith(".") and 0 <= a.body_start <= len(a.text)


@FAST
@given(corpus(max_files=4))
def test_ingest_yields_an_article_or_a_reason_for_everything(files):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        _write(folder, files)
        items = list(iter_articles([folder]))
    assert any(isinstance(i, Article) and i.id == GOOD_ID and i.text == GOOD for i in items)
    for item in items:
        assert isinstance(item, (Article, Skipped))
        if isinstance(item, Skipped):
            assert item.reason and "\n" not in item.oneline()
        else:
            for value in (item.id, item.text, item.title or "", item.url or "", item.outlet or ""):
                assert isinstance(value, str)
                value.encode("utf-8")
            assert item.text[item.body_start:].strip()


# ------------------------------------------------------------------ build ---

def _graph_ids(path: Path) -> set[str]:
    from stancegraph.store import load_file, select

    rows = select(load_file(path), "SELECT ?id WHERE { ?a <https://w3id.org/stancegraph/ontology#articleId> ?id }")
    return {r["id"] for r in rows}


@SLOW
@given(corpus())
def test_build_of_a_mixed_corpus_keeps_every_good_article(resources, files):
    from stancegraph.pipeline import build
    from stancegraph.validate import validate_file

    tmp = Path(tempfile.mkdtemp(prefix="s10-fuzz-"))
    try:
        folder = tmp / "in"
        folder.mkdir()
        _write(folder, files)
        accepted = {a.id for a in iter_articles([folder]) if isinstance(a, Article)}
        out = tmp / "graph.ttl"
        result = build([folder], out, resources=resources, jobs=1)
        in_graph = _graph_ids(out)
        assert GOOD_ID in in_graph
        skipped_text = " ".join(s.oneline() for s in result.skipped)
        for aid in accepted - in_graph:
            assert aid in skipped_text, f"article {aid!r} lost without a reason"
        assert validate_file(out).conforms
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


@CLI
@given(corpus(max_files=4))
def test_build_cli_exits_0_or_1_without_a_traceback(files):
    from stancegraph.validate import validate_file

    tmp = Path(tempfile.mkdtemp(prefix="s10-fuzz-cli-"))
    try:
        folder = tmp / "in"
        folder.mkdir()
        _write(folder, files)
        out = tmp / "graph.ttl"
        r = subprocess.run([EXE, "build", str(folder), "-o", str(out), "--jobs", "1"], capture_output=True,
                           text=True, errors="replace", cwd=ROOT, env={**os.environ, "COLUMNS": "200"}, timeout=600)
        assert r.returncode in (0, 1), r.stderr
        assert "Traceback" not in r.stderr + r.stdout
        assert r.returncode == 0, r.stderr  # the good article is always there to build
        assert GOOD_ID in _graph_ids(out)
        assert validate_file(out).conforms
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
