"""The computed agreement-pairs query (issue 9 part 5): the same rows as its SPARQL and as a brute-force count.

Graphs are generated here (random positions of a few actors on a few issues, labels in several
languages or none, issues with and without a notation, actors who changed stance), small enough
for the SPARQL text and a plain Python double loop to answer too.
"""

from __future__ import annotations

import dataclasses
import random
from itertools import combinations

import pytest

from stancegraph.errors import StanceGraphError
from stancegraph.store import load_text
from stancegraph.store.library import answer, load_query, run_named_query

PREFIXES = """@prefix sg: <https://w3id.org/stancegraph/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix act: <https://w3id.org/stancegraph/id/actor/> .
@prefix cb: <https://w3id.org/stancegraph/codebook/> .
"""
STANCES = ("sg:Support", "sg:Oppose", "sg:Neutral")


def random_graph(seed: int, actors: int = 9, issues: int = 5, positions: int = 45):
    """Turtle of random positions, and the distinct (actor, issue key, stance) triples behind it."""
    rng = random.Random(seed)
    lines = [PREFIXES]
    for a in range(actors):
        label = rng.choice(["one", "none", "two", "german", "british"])
        if label == "one":
            lines.append(f'act:a{a} skos:prefLabel "Actor {rng.randrange(5)}"@en .')
        elif label == "two":
            lines.append(f'act:a{a} skos:prefLabel "Zed {a}" , "Ace {a}"@en .')
        elif label == "german":
            lines.append(f'act:a{a} skos:prefLabel "Akteur {a}"@de .')
        elif label == "british":
            lines.append(f'act:a{a} skos:prefLabel "Actor {a} (UK)"@en-GB .')
    for i in range(issues):
        if i % 2 == 0:
            lines.append(f'cb:i{i} skos:notation "key-{i}" .')
    held = set()
    for k in range(positions):
        a, i, s = rng.randrange(actors), rng.randrange(issues), rng.choice(STANCES[:2] if k % 4 else STANCES)
        held.add((f"a{a}", f"key-{i}" if i % 2 == 0 else f"i{i}", s))
        lines.append(f"<urn:pos:{k}> a sg:IssuePosition ; sg:holder act:a{a} ; sg:issue cb:i{i} ; sg:stance {s} .")
    return "\n".join(lines) + "\n", held


def brute_force(held: set[tuple[str, str, str]]) -> dict[tuple[str, str], tuple[int, int, set[str]]]:
    """(actorA, actorB) -> (agreements, disagreements, agreed issue keys), by a double loop."""
    base = "https://w3id.org/stancegraph/id/actor/"
    by_actor: dict[str, set[tuple[str, str]]] = {}
    for a, key, s in held:
        by_actor.setdefault(base + a, set()).add((key, s))
    out = {}
    for x, y in combinations(sorted(by_actor), 2):
        agreed = {k for k, s in by_actor[x] if (k, s) in by_actor[y]}
        opposed = {k for k, s in by_actor[x] for k2, t in by_actor[y] if k == k2 and s != t}
        if agreed:
            out[(x, y)] = (len(agreed), len(opposed), agreed)
    return out


def sparql_rows(store, params=None):
    nq = dataclasses.replace(load_query("agreement-pairs"), computed="")
    return run_named_query(store, nq, params)


def normal(rows):
    """Rows with the issue keys as a sorted list (SPARQL's GROUP_CONCAT has no order)."""
    return [{**r, "issues": sorted(r["issues"].split(" "))} for r in rows]


def test_the_library_query_is_computed():
    assert load_query("agreement-pairs").computed == "agreement-pairs"
    assert [p.name for p in load_query("agreement-pairs").params] == ["min_agreements"]


@pytest.mark.parametrize("seed", range(6))
def test_computed_rows_equal_the_sparql_and_a_brute_force_count(seed):
    ttl, held = random_graph(seed)
    st = load_text(ttl)
    rows = run_named_query(st, "agreement-pairs", {})
    assert rows, "the generated graph has agreeing pairs"
    assert normal(rows) == normal(sparql_rows(st))  # same rows, same order, labels and all
    got = {}
    for r in rows:
        got[(r["actorA"], r["actorB"])] = (r["agreements"], r["disagreements"], set(r["issues"].split(" ")))
        assert r["issues"].split(" ") == sorted(r["issues"].split(" "))
    assert got == brute_force(held)


def test_labels_as_the_sparql_gives_them():
    ttl, _ = random_graph(3)
    rows = run_named_query(load_text(ttl), "agreement-pairs", {})
    labels = {r.get("actorALabel") for r in rows} | {r.get("actorBLabel") for r in rows}
    assert None in labels                                   # no English label: the column is left out
    assert not any(str(x).startswith("Akteur") for x in labels)   # German labels are not English
    assert any(str(x).endswith("(UK)") for x in labels)     # en-GB matches "en"
    # an actor with two labels gives one row per label
    two = [r for r in rows if str(r.get("actorALabel", "")).startswith(("Zed", "Ace"))]
    assert two and len({(r["actorA"], r["actorB"]) for r in two}) < len(two)


@pytest.mark.parametrize("least", [2, 3])
def test_min_agreements(least):
    ttl, held = random_graph(1, actors=6, issues=6, positions=60)
    st = load_text(ttl)
    rows = run_named_query(st, "agreement-pairs", {"min_agreements": least})
    assert normal(rows) == normal(sparql_rows(st, {"min_agreements": least}))
    expected = {k for k, v in brute_force(held).items() if v[0] >= least}
    assert {(r["actorA"], r["actorB"]) for r in rows} == expected
    assert all(r["agreements"] >= least for r in rows)


def test_no_positions_and_bad_parameters():
    st = load_text(PREFIXES)
    assert answer(st, "agreement-pairs") == (
        ["actorA", "actorALabel", "actorB", "actorBLabel", "agreements", "disagreements", "issues"], [])
    with pytest.raises(StanceGraphError, match="min_agreements.*not an integer"):
        run_named_query(st, "agreement-pairs", {"min_agreements": "many"})
    with pytest.raises(StanceGraphError, match="unknown parameter 'since'"):
        run_named_query(st, "agreement-pairs", {"since": "2022-01-01"})


def test_an_unknown_computed_name_is_one_line(tmp_path):
    (tmp_path / "mine.rq").write_text("# mine: x\n#\n# rows\n#\n# computed-by: nothing-such\n# columns: s\n"
                                      "SELECT ?s WHERE { ?s ?p ?o }\n", encoding="utf-8")
    with pytest.raises(StanceGraphError, match=r"mine.rq:line 5: no computed query named 'nothing-such'"):
        load_query("mine", tmp_path)


# ------------------------------------------------- streamed SELECT solutions ---

def test_select_solutions_are_streamed():
    from stancegraph.store import Solutions, query, select

    ttl, _ = random_graph(2, positions=200)
    st = load_text(ttl)
    res = query(st, "SELECT ?s ?p ?o WHERE { ?s ?p ?o }")
    assert isinstance(res, Solutions) and not isinstance(res, list)
    assert res.variables == ["s", "p", "o"]
    assert len(list(res)) == len(st)
    with pytest.raises(RuntimeError, match="read once"):
        list(res)
    assert len(select(st, "SELECT ?s WHERE { ?s ?p ?o }")) == len(st)


def test_a_failure_part_way_through_the_solutions_is_one_line():
    from stancegraph.store import Solutions

    def engine():
        yield "first"
        yield "second"
        raise OSError("connection reset by\npeer")

    res = Solutions(["x"], engine(), "SERVICE call failed", "q.rq")
    got = []
    with pytest.raises(StanceGraphError) as err:
        for sol in res:
            got.append(sol)
    assert got == ["first", "second"]
    assert str(err.value) == "q.rq: SERVICE call failed: connection reset by peer"

    def failing_at_once():
        raise OSError("refused")
        yield  # pragma: no cover

    with pytest.raises(StanceGraphError, match="^q.rq: query failed: refused$"):
        Solutions(["x"], failing_at_once(), "query failed", "q.rq")
