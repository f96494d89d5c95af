"""The named queries of queries/*.rq against the hand-made fixture (tests/store/fixture.ttl),
both as one graph file and as a persistent store split into article graphs; and their
parameters, which are bound as SPARQL terms, never pasted as text."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from stancegraph.errors import StanceGraphError
from stancegraph.store import load_file, select
from stancegraph.store.library import (QUERIES_DIR, list_queries, load_query, render_query, render_term,
                                       run_named_query)
from stancegraph.store.persistent import open_store, put_article, put_static

_spec = importlib.util.spec_from_file_location("sg_fixture_split", Path(__file__).parent / "store" / "fixture_split.py")
fs = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fs)  # type: ignore[union-attr]

ACT = "https://w3id.org/stancegraph/id/actor/"
PESKOV, ZELENSKY = ACT + "dmitry-peskov", ACT + "volodymyr-zelensky"
LAVROV, PODOLYAK = ACT + "sergei-lavrov", ACT + "mykhailo-podolyak"
REQUIRED = {"positions-over-time", "territory-claims", "stance-changes", "most-quoted", "actor-statements",
            "agreement-pairs"}


@pytest.fixture(scope="module", params=["file", "store"])
def store(request, tmp_path_factory) -> ox.Store:
    if request.param == "file":
        return load_file(fs.FIXTURE)
    static, articles = fs.split_fixture()
    st = open_store(tmp_path_factory.mktemp("lib") / "st")
    put_static(st, "ontology", fs.ONTOLOGY)
    for name, graph in static.items():
        put_static(st, name, graph)
    for aid, graph in articles.items():
        put_article(st, aid, graph)
    return st


def pick(rows, *cols):
    return [tuple(r.get(c) for c in cols) for r in rows]


# ------------------------------------------------------------ the library ---

def test_library_has_the_required_queries_with_headers():
    queries = {q.name: q for q in list_queries()}
    assert REQUIRED <= set(queries)
    assert QUERIES_DIR.name == "queries" and QUERIES_DIR.parent == Path(__file__).resolve().parents[1]
    for q in queries.values():
        assert q.summary and q.description and q.columns, q.name
        for p in q.params:
            assert p.description, (q.name, p.name)
    assert [(p.name, p.type, p.required) for p in queries["positions-over-time"].params] == [("issue", "term", True)]
    assert [(p.name, p.type, p.required) for p in queries["territory-claims"].params] == [
        ("territory", "term", False)]
    assert [(p.name, p.type, p.required) for p in queries["stance-changes"].params] == [
        ("since", "date", False), ("until", "date", False)]
    assert [(p.name, p.type, p.required) for p in queries["actor-statements"].params] == [("actor", "term", True)]


def test_every_query_file_is_valid_sparql_as_it_stands(store):
    """Unbound parameters (the files as they are, e.g. pasted into the web query page) mean "all"."""
    for q in list_queries():
        rows = select(store, q.text)
        assert rows, q.name
    assert len(select(store, load_query("positions-over-time").text)) == 10  # every position
    assert len(select(store, load_query("actor-statements").text)) == 10  # every statement


# --------------------------------------------------------- expected rows ---

def test_positions_over_time(store):
    rows = run_named_query(store, "positions-over-time", {"issue": "talks-progress"})
    assert pick(rows, "date", "actorLabel", "stance", "articleId", "evidence") == [
        ("2022-02-28", "Dmitry Peskov", "oppose", "a1", "There is no progress in the talks"),
        ("2022-03-15", "Dmitry Peskov", "support", "a2", "The talks are moving forward."),
        ("2022-03-15", "Mykhailo Podolyak", "support", "a2", "the negotiations were making headway"),
        ("2022-03-15", "Sergei Lavrov", "support", "a2", "Some progress has been made"),
        ("2022-04-06", "Dmitry Peskov", "oppose", "a3", "stalled"),
        ("2022-04-07", "Volodymyr Zelensky", "oppose", "a3", "The talks are a farce."),
        ("2022-04-20", "Dmitry Peskov", "oppose", "a5", "still no progress in the negotiations"),
    ]
    assert {r["issueKey"] for r in rows} == {"talks-progress"}
    assert rows[0]["actor"] == PESKOV
    assert rows[0]["position"].endswith("/article/a1/position/dmitry-peskov/talks-progress/oppose")
    neutral = [("2022-03-01", "Volodymyr Zelensky", "support", "a1"),
               ("2022-04-07", "Volodymyr Zelensky", "oppose", "a3"),
               (None, "Mykhailo Podolyak", "support", "a4")]  # undated: last
    for issue in ("neutral-status", "cb:neutral-status", "https://w3id.org/stancegraph/codebook/neutral-status",
                  "Ukraine should adopt NEUTRAL status"):
        rows = run_named_query(store, "positions-over-time", {"issue": issue})
        assert pick(rows, "date", "actorLabel", "stance", "articleId") == neutral, issue
    assert run_named_query(store, "positions-over-time", {"issue": "no-such-issue"}) == []


def test_territory_claims(store):
    rows = run_named_query(store, "territory-claims", {})
    assert pick(rows, "territoryLabel", "claimantLabel", "sovereignKey", "sovereignLabel", "claims", "first",
                "last", "articles") == [
        ("Crimea", "Dmitry Peskov", "russia", "Russia", 1, "2022-02-28", "2022-02-28", "a1"),
        ("Crimea", "Sergei Lavrov", "russia", "Russia", 1, "2022-03-15", "2022-03-15", "a2"),
        ("Crimea", "Volodymyr Zelensky", "ukraine", "Ukraine", 1, "2022-03-01", "2022-03-01", "a1"),
        ("Donetsk Oblast", "Sergei Lavrov", "russia", "Russia", 1, "2022-03-15", "2022-03-15", "a2"),
    ]
    assert rows[0]["territoryIri"] == "https://w3id.org/stancegraph/id/territory/crimea"
    assert rows[0]["sovereign"] == "https://w3id.org/stancegraph/codebook/sovereign-russia"
    for territory in ("Crimea", "crimean peninsula", "crimea", "ter:crimea",
                      "https://w3id.org/stancegraph/id/territory/crimea"):
        rows = run_named_query(store, "territory-claims", {"territory": territory})
        assert pick(rows, "claimantLabel", "sovereignKey") == [
            ("Dmitry Peskov", "russia"), ("Sergei Lavrov", "russia"), ("Volodymyr Zelensky", "ukraine")], territory
    # a region takes in its parts (Donetsk sg:partOf Donbas)
    rows = run_named_query(store, "territory-claims", {"territory": "Donbas"})
    assert pick(rows, "territoryLabel", "claimantLabel", "sovereignKey") == [
        ("Donetsk Oblast", "Sergei Lavrov", "russia")]
    assert run_named_query(store, "territory-claims", {"territory": "Kyiv"}) == []
    assert run_named_query(store, "territory-claims", {"territory": None}) == run_named_query(
        store, "territory-claims", {})


def test_stance_changes(store):
    cols = ("actorLabel", "issueKey", "fromStance", "fromDate", "fromArticle", "toStance", "toDate", "toArticle")
    rows = run_named_query(store, "stance-changes", {})
    # not a5: Peskov opposed in a3 and a5 (no change), and a2 -> a5 is not consecutive
    assert pick(rows, *cols) == [
        ("Dmitry Peskov", "talks-progress", "oppose", "2022-02-28", "a1", "support", "2022-03-15", "a2"),
        ("Dmitry Peskov", "talks-progress", "support", "2022-03-15", "a2", "oppose", "2022-04-06", "a3"),
        ("Volodymyr Zelensky", "neutral-status", "support", "2022-03-01", "a1", "oppose", "2022-04-07", "a3"),
    ]
    assert rows[0]["actor"] == PESKOV
    rows = run_named_query(store, "stance-changes", {"since": "2022-03-10"})
    assert pick(rows, *cols) == [
        ("Dmitry Peskov", "talks-progress", "support", "2022-03-15", "a2", "oppose", "2022-04-06", "a3")]
    rows = run_named_query(store, "stance-changes", {"until": "2022-03-31"})
    assert pick(rows, *cols) == [
        ("Dmitry Peskov", "talks-progress", "oppose", "2022-02-28", "a1", "support", "2022-03-15", "a2")]
    rows = run_named_query(store, "stance-changes", {"since": "2022-03-01", "until": "2022-04-07"})
    assert pick(rows, "actorLabel", "fromDate", "toDate") == [
        ("Dmitry Peskov", "2022-03-15", "2022-04-06"), ("Volodymyr Zelensky", "2022-03-01", "2022-04-07")]
    assert run_named_query(store, "stance-changes", {"since": "2022-05-01"}) == []


def test_most_quoted(store):
    rows = run_named_query(store, "most-quoted", {})
    assert pick(rows, "actor", "actorLabel", "statements", "directQuotes", "articles") == [
        (PESKOV, "Dmitry Peskov", 5, 2, 5),
        (ZELENSKY, "Volodymyr Zelensky", 2, 1, 2),
        (PODOLYAK, "Mykhailo Podolyak", 2, 0, 2),
        (LAVROV, "Sergei Lavrov", 1, 1, 1),
    ]  # TASS relays (sg:reportedBy) and is no speaker
    rows = run_named_query(store, "most-quoted", {"since": "2022-03-10"})
    assert pick(rows, "actorLabel", "statements", "directQuotes", "articles") == [
        ("Dmitry Peskov", 3, 1, 3), ("Sergei Lavrov", 1, 1, 1), ("Volodymyr Zelensky", 1, 1, 1),
        ("Mykhailo Podolyak", 1, 0, 1)]
    rows = run_named_query(store, "most-quoted", {"until": "2022-03-01"})
    assert pick(rows, "actorLabel", "statements") == [("Dmitry Peskov", 1), ("Volodymyr Zelensky", 1)]


def test_actor_statements(store):
    expected = [
        ("2022-02-28", "a1", "DirectQuote", "say", "There is no progress in the talks, and Crimea is Russian.",
         "There is no progress in the talks, and Crimea is Russian.", "TASS"),
        ("2022-03-15", "a2", "DirectQuote", "tell", "The talks are moving forward.",
         "The talks are moving forward.", None),
        ("2022-04-06", "a3", "MixedSpeech", "say", None, "stalled … going nowhere", None),
        ("2022-04-20", "a5", "ReportedSpeech", "say", None,
         "said there was still no progress in the negotiations.", None),
        (None, "a4", "ReportedSpeech", "decline", None, "declined to comment on the reports.", None),  # undated last
    ]
    for actor in ("Peskov", "dmitry peskov", "dmitry-peskov", "act:dmitry-peskov", PESKOV):
        rows = run_named_query(store, "actor-statements", {"actor": actor})
        assert pick(rows, "date", "articleId", "mode", "cueVerb", "quotedText", "evidence", "reportedBy") == \
            expected, actor
    rows = run_named_query(store, "actor-statements", {"actor": "Zelenskyy"})
    assert pick(rows, "articleId", "quotedText", "headline", "url") == [
        ("a1", None, "Kremlin says talks are stalling", "https://news.example.org/a1"),
        ("a3", "Neutrality is off the table.\nThe talks are a farce.", 'Talks "frozen", Kremlin says',
         "https://news.example.org/a3")]
    assert rows[0]["statement"] == "https://w3id.org/stancegraph/id/article/a1/statement/107-191"
    assert {r["actorIri"] for r in rows} == {ZELENSKY}
    assert run_named_query(store, "actor-statements", {"actor": "TASS"}) == []


def test_agreement_pairs(store):
    rows = run_named_query(store, "agreement-pairs", {})
    assert pick(rows, "actorALabel", "actorBLabel", "agreements", "disagreements", "issues") == [
        ("Mykhailo Podolyak", "Sergei Lavrov", 1, 0, "talks-progress"),
        ("Dmitry Peskov", "Mykhailo Podolyak", 1, 1, "talks-progress"),
        ("Dmitry Peskov", "Sergei Lavrov", 1, 1, "talks-progress"),
        ("Dmitry Peskov", "Volodymyr Zelensky", 1, 1, "talks-progress"),
        ("Mykhailo Podolyak", "Volodymyr Zelensky", 1, 2, "neutral-status"),
    ]
    assert all(r["actorA"] < r["actorB"] for r in rows)
    assert (LAVROV, ZELENSKY) not in {(r["actorA"], r["actorB"]) for r in rows}  # they only disagree


# ------------------------------------------------------------- parameters ---

INJECTIONS = [
    'x" } UNION { ?statement ?p ?o } #',
    '") || true || ("',
    'Peskov"@en . } } #',
    "Peskov\\",
    'Peskov" ; DROP ALL ; "',
    "line\nbreak } \r\t \\u0022 \x00",
]


@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_is_escaped_not_executed(store, value):
    assert run_named_query(store, "actor-statements", {"actor": value}) == []
    assert run_named_query(store, "territory-claims", {"territory": value}) == []
    assert run_named_query(store, "positions-over-time", {"issue": value}) == []
    # the value sits in the query as one string literal that reads back as itself
    text = render_query("actor-statements", {"actor": value})
    slot = re.search(r"VALUES \?actor \{ (.*) \}\n", text)
    assert slot is not None
    assert select(ox.Store(), f"SELECT ?v WHERE {{ VALUES ?v {{ {slot.group(1)} }} }}") == [{"v": value}]
    assert text.count("VALUES ?actor") == 1
    assert len(store) > 0  # nothing dropped


def test_typed_parameters_are_checked(store):
    for bad in ('2022-01-01"^^xsd:date) || true || ("', "2022-13-01", "2022-02-30", "yesterday", "2022-1-1"):
        with pytest.raises(StanceGraphError, match="parameter 'since'") as err:
            run_named_query(store, "stance-changes", {"since": bad})
        assert "stance-changes.rq" in str(err.value) and "\n" not in str(err.value)
    with pytest.raises(ValueError, match="absolute IRI"):
        render_term("term", "http://x> } UNION { ?s ?p ?o } #<")
    with pytest.raises(ValueError, match="absolute IRI"):
        render_term("iri", "not an iri")
    assert render_term("iri", "urn:x:y") == "<urn:x:y>"
    assert render_term("integer", " 42 ") == '"42"^^<http://www.w3.org/2001/XMLSchema#integer>'
    with pytest.raises(ValueError):
        render_term("integer", "4 OR 1")
    assert render_term("date", "2022-04-07") == '"2022-04-07"^^<http://www.w3.org/2001/XMLSchema#date>'
    assert render_term("term", "Crimea") == '"Crimea"'
    assert render_term("term", "ter:crimea") == "<https://w3id.org/stancegraph/id/territory/crimea>"


def test_parameter_mistakes_are_one_line_errors(store):
    with pytest.raises(StanceGraphError, match="missing parameter 'issue'"):
        run_named_query(store, "positions-over-time", {})
    with pytest.raises(StanceGraphError, match=r"unknown parameter 'isue' \(this query takes: issue\)"):
        run_named_query(store, "positions-over-time", {"isue": "x"})
    with pytest.raises(StanceGraphError, match="no query named 'nope'"):
        run_named_query(store, "nope", {})
    with pytest.raises(StanceGraphError, match="invalid query name"):
        run_named_query(store, "../queries/most-quoted", {})


def test_malformed_query_headers_are_refused(tmp_path):
    (tmp_path / "q.rq").write_text("# q: fine\n# param: x (string): an x\nSELECT * WHERE { ?s ?p ?o }\n")
    with pytest.raises(StanceGraphError, match=r"exactly one slot 'VALUES \?x \{ UNDEF \}'") as err:
        load_query("q", tmp_path)
    assert "q.rq:line 2" in str(err.value)
    (tmp_path / "r.rq").write_text("# r: fine\n# param: x (text): an x\nSELECT * WHERE { VALUES ?x { UNDEF } }\n")
    with pytest.raises(StanceGraphError, match="unknown parameter type 'text'"):
        load_query("r", tmp_path)
    (tmp_path / "s.rq").write_text("SELECT * WHERE { ?s ?p ?o }\n")
    with pytest.raises(StanceGraphError, match="must start with"):
        load_query("s", tmp_path)
    (tmp_path / "t.rq").write_text(
        "# t: ok\n# param: x (string, optional): x\nSELECT ?x WHERE { VALUES ?x { UNDEF } }\n")
    assert run_named_query(ox.Store(), "t", {"x": 'a"b'}, directory=tmp_path) == [{"x": 'a"b'}]
    assert run_named_query(ox.Store(), "t", {}, directory=tmp_path) == [{}]
