"""Networks at scale (issue 9 part 5): the array path, top-k and threshold, streamed writers, the large-graph rules.

Every expectation is computed here by brute force from the count matrix (a Python loop over node
pairs, the definitions of stancegraph.networks.kinds written out), on the hand-made fixture and on
random position tables made for these tests.
"""

from __future__ import annotations

import math
import random
import sys
from itertools import combinations
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from stancegraph.errors import StanceGraphError
from stancegraph.networks import (
    communities, count_matrix, edge_table, keep_top_k, load_positions, network, network_table, run_network,
    table_communities, write_network,
)
from stancegraph.networks import build, options
from stancegraph.networks.formats import csv_paths, gexf_bytes, graphml_bytes, write_csv
from stancegraph.networks.matrix import Position, PositionTable
from stancegraph.store import load_file

sys.path.insert(0, str(Path(__file__).parent))
from consumers import schema, xmllint  # noqa: E402

FIXTURE = Path(__file__).parent / "networks" / "fixture.ttl"
KINDS = ("agreement", "disagreement", "subtract", "signed")


def random_table(seed: int, actors: int = 14, positions: int = 160) -> PositionTable:
    """Positions of a few actors on support/oppose issues and a three-sovereign claim, some repeated."""
    rng = random.Random(seed)
    out = []
    for n in range(positions):
        issue = rng.choice(["i1", "i2", 'i&3 "<q>"', "territory:t"])  # writers must escape what needs it
        stance = rng.choice(["x", "y", "z"] if issue == "territory:t" else ["support", "oppose"])
        holder = rng.randrange(actors)
        out.append(Position(iri=f"urn:p{n}", holder=f"urn:actor/a{holder:02d}" + ("?x&y" if holder == 3 else ""),
                            issue=issue,
                            stance=stance, issue_iri=f"urn:{issue}", article=f"urn:art{rng.randrange(40)}",
                            date=None, statements=(f"urn:st{n}",), quotes=(), claim=issue.startswith("territory")))
    return PositionTable(positions=out, labels={f"urn:actor/a{a:02d}": f"Actor {a}" for a in range(actors)})


def matrices():
    t = load_positions(load_file(FIXTURE))
    yield "fixture", count_matrix(t.positions, t)
    for seed in (1, 2):
        t = random_table(seed)
        yield f"random-{seed}", count_matrix(t.positions, t)


def brute_force(M, kind: str, normalize: str) -> dict[tuple[int, int], dict]:
    """The edges of ``kind`` by a loop over node pairs: the formulas of stancegraph.networks.kinds."""
    C = M.counts.toarray()
    cols = M.columns
    opposite = [(c, c2) for c, (i, s) in enumerate(cols) for c2, (i2, s2) in enumerate(cols) if i == i2 and s != s2]
    out = {}
    for a, b in combinations(range(len(M.nodes)), 2):
        A = sum(min(C[a, c], C[b, c]) for c in range(len(cols)))
        D = sum(min(C[a, c], C[b, c2]) for c, c2 in opposite)
        na, nb = C[a].sum(), C[b].sum()
        if normalize == "cosine":
            num_a = float(sum(C[a, c] * C[b, c] for c in range(len(cols))))
            num_d = float(sum(C[a, c] * C[b, c2] for c, c2 in opposite))
            den = math.sqrt((C[a] ** 2).sum()) * math.sqrt((C[b] ** 2).sum())
        else:
            num_a, num_d = float(A), float(D)
            den = {"none": 1.0, "average": (na + nb) / 2, "jaccard": na + nb - A}[normalize]
        num = {"agreement": num_a, "disagreement": num_d}.get(kind, num_a - num_d)
        if num == 0:
            continue
        weight = num / den
        sign = (1 if num > 0 else -1) * (-1 if kind == "disagreement" else 1)
        if kind == "signed":
            weight = abs(weight)
        issues, statements = set(), set()
        if kind != "disagreement":
            for c in range(len(cols)):
                if C[a, c] and C[b, c]:
                    issues.add(cols[c][0])
                    statements |= M.cell_statements[(a, c)] | M.cell_statements[(b, c)]
        if kind != "agreement":
            for c, c2 in opposite:
                if C[a, c] and C[b, c2]:
                    issues.add(cols[c][0])
                    statements |= M.cell_statements[(a, c)] | M.cell_statements[(b, c2)]
        out[(a, b)] = {"weight": weight, "sign": sign, "agreement": A, "disagreement": D,
                       "issues": ";".join(sorted(issues)), "statements": ";".join(sorted(statements))}
    return out


def table_edges(T) -> dict[tuple[int, int], dict]:
    cols = T.edge_columns()
    return {(r, c): {name: cols[name][k] for name in cols}
            for k, (r, c) in enumerate(zip(T.row.tolist(), T.col.tolist()))}


@pytest.mark.parametrize("normalize", ["none", "average", "jaccard", "cosine"])
@pytest.mark.parametrize("kind", KINDS)
def test_array_edges_equal_a_pairwise_loop(kind, normalize):
    for name, M in matrices():
        got = table_edges(edge_table(M, kind, normalize, edge_statements=True))
        want = brute_force(M, kind, normalize)
        assert got.keys() == want.keys(), name
        for pair, attrs in want.items():
            g = got[pair]
            assert math.isclose(g.pop("weight"), attrs.pop("weight"), rel_tol=1e-12), (name, pair)
            assert g == attrs, (name, pair)


def test_networkx_graph_has_the_table_edges():
    t = random_table(3)
    G = network(t, "subtract", normalize="jaccard")
    T = network_table(t, "subtract", normalize="jaccard")
    assert sorted(G.edges(data=True)) == sorted(T.edges())
    assert dict(G.nodes(data=True)) == dict(zip(T.nodes, T.node_data))
    assert G.graph == T.graph


def test_min_weight_and_top_k_before_any_graph():
    for name, M in matrices():
        full = table_edges(edge_table(M, "agreement", edge_statements=False))
        for least in (2, 3):
            kept = table_edges(edge_table(M, "agreement", min_weight=least, edge_statements=False))
            assert kept == {p: d for p, d in full.items() if abs(d["weight"]) >= least}, name
        for k in (1, 2, 3):
            kept = set(table_edges(edge_table(M, "agreement", top_k=k, edge_statements=False)))
            # brute force: each node ranks its edges by |weight| desc, then the other end's index
            chosen = set()
            for node in range(len(M.nodes)):
                mine = sorted(((-abs(d["weight"]), p[0] if p[1] == node else p[1], p) for p, d in full.items()
                               if node in p))
                chosen |= {p for _, _, p in mine[:k]}
            assert kept == chosen, (name, k)
            degree = {n: sum(n in p for p in kept) for n in range(len(M.nodes))}
            full_degree = {n: sum(n in p for p in full) for n in range(len(M.nodes))}
            assert all(degree[n] >= min(k, full_degree[n]) for n in degree)
        # threshold first, then top-k among what is left
        both = set(table_edges(edge_table(M, "agreement", min_weight=2, top_k=1, edge_statements=False)))
        strong = {p: d for p, d in full.items() if d["weight"] >= 2}
        assert both <= set(strong) and all(any(n in p for p in both) for p in strong for n in p)


def test_keep_top_k_ties_go_to_the_lower_neighbour():
    import numpy as np

    keep = keep_top_k(np.array([0, 0, 0]), np.array([1, 2, 3]), np.array([1.0, 1.0, 1.0]), 1)
    # node 0 keeps (0, 1); nodes 2 and 3 each keep their only edge
    assert keep.tolist() == [True, True, True]
    keep = keep_top_k(np.array([0, 0, 1]), np.array([1, 2, 2]), np.array([1.0, 1.0, 5.0]), 1)
    assert keep.tolist() == [True, False, True]


@pytest.mark.parametrize("kind", KINDS)
def test_streamed_files_are_the_networkx_files(tmp_path, kind):
    for name, M in matrices():
        for statements in (True, False):
            T = build.table_from_matrix(M, kind, "average", edge_statements=statements)
            G = T.to_networkx()
            streamed = write_network(T, "graphml", tmp_path / f"{name}.graphml")[0]
            assert streamed.read_bytes() == graphml_bytes(G), (name, kind, statements)
            streamed = write_network(T, "gexf", tmp_path / f"{name}.gexf")[0]
            assert streamed.read_bytes() == gexf_bytes(G), (name, kind, statements)
            a = write_network(T, "csv", tmp_path / f"{name}-a.csv")
            b = write_csv(G, tmp_path / f"{name}-b.csv")
            assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]
            assert ("statements" in csv_paths(tmp_path / f"{name}-a.csv")[1].read_text().splitlines()[0]) == statements
            # formats without a streamed writer get the networkx graph
            assert write_network(T, "json", tmp_path / "n.json")[0].is_file()


def test_an_empty_network_streams(tmp_path):
    t = random_table(1, actors=1, positions=3)
    T = network_table(t, "agreement")
    assert T.number_of_edges() == 0
    p = write_network(T, "graphml", tmp_path / "e.graphml")[0]
    assert p.read_bytes() == graphml_bytes(T.to_networkx())
    assert write_network(T, "gexf", tmp_path / "e.gexf")[0].read_bytes() == gexf_bytes(T.to_networkx())
    assert nx.read_graphml(p).number_of_nodes() == 1


def test_large_networks_leave_out_edge_statements_and_say_so(tmp_path, monkeypatch):
    monkeypatch.setattr(options, "EDGE_STATEMENTS_LIMIT", 3)
    run = run_network(FIXTURE, None, kind="agreement", out=tmp_path / "n.graphml")
    assert run.warnings == ["edge statements left out: 9 edges (more than 3); set `edge_statements` to list them"]
    H = nx.read_graphml(tmp_path / "n.graphml")
    assert H.number_of_edges() == 9 and all("statements" not in d for _, _, d in H.edges(data=True))
    assert all(d["issues"] for _, _, d in H.edges(data=True))
    run = run_network(FIXTURE, None, kind="agreement", edge_statements=True, out=tmp_path / "m.graphml")
    assert run.warnings == []
    assert all(d["statements"] for _, _, d in nx.read_graphml(tmp_path / "m.graphml").edges(data=True))
    r = CliRunner().invoke(_app(), ["network", str(FIXTURE), "-o", str(tmp_path / "c.graphml")])
    assert r.exit_code == 0 and "set --edge-statements to list them" in r.stderr


def test_streamed_graphml_and_gexf_validate(tmp_path):
    T = network_table(load_positions(load_file(FIXTURE)), "signed", normalize="cosine")
    p = write_network(T, "graphml", tmp_path / "s.graphml")[0]
    ok, messages = xmllint(p, schema("graphml"))
    assert ok, messages
    p = write_network(T, "gexf", tmp_path / "s.gexf")[0]
    ok, messages = xmllint(p, schema("gexf"))
    assert ok, messages


def test_igraph_communities_above_the_limit(monkeypatch):
    t = random_table(4, actors=30, positions=260)
    T = network_table(t, "agreement", edge_statements=False)
    small = table_communities(T)
    monkeypatch.setattr(build, "IGRAPH_EDGES", 1)
    large = table_communities(T)
    assert sorted(n for part in large for n in part) == sorted(T.nodes)   # a partition of every node
    assert large == table_communities(T)                                 # the same run after run
    assert len(large) > 1 and [len(p) for p in large] == sorted((len(p) for p in large), reverse=True)
    assert communities(T.to_networkx()) == large                         # both entry points agree
    # on the fixture both Louvain implementations find the two camps
    F = network_table(load_positions(load_file(FIXTURE)), "agreement")
    monkeypatch.setattr(build, "IGRAPH_EDGES", 10 ** 9)
    assert table_communities(F) == communities(network(load_positions(load_file(FIXTURE)), "agreement"))
    monkeypatch.setattr(build, "IGRAPH_EDGES", 1)
    big = table_communities(F)
    monkeypatch.setattr(build, "IGRAPH_EDGES", 10 ** 9)
    assert big == table_communities(F)
    assert small  # networkx path ran too


def _app():
    from stancegraph.cli import app

    return app


@pytest.mark.parametrize("args,message", [
    (["--top-k", "0"], "--top-k: --top-k must be 1 or more, not 0"),
    (["--kind", "affiliation", "--top-k", "2"], "--top-k: --top-k applies to one-mode networks"),
])
def test_cli_top_k_errors(tmp_path, args, message):
    r = CliRunner().invoke(_app(), ["network", str(FIXTURE), "-o", str(tmp_path / "n.graphml"), *args])
    assert r.exit_code == 1 and message in r.stderr and "Traceback" not in r.stderr


def test_cli_top_k_keeps_fewer_edges(tmp_path):
    r = CliRunner().invoke(_app(), ["network", str(FIXTURE), "--top-k", "1", "-o", str(tmp_path / "n.graphml")])
    assert r.exit_code == 0, r.stderr
    H = nx.read_graphml(tmp_path / "n.graphml")
    full = network(load_positions(load_file(FIXTURE)), "agreement")
    assert 0 < H.number_of_edges() < full.number_of_edges()
    assert H.graph["top_k"] == 1
    with pytest.raises(StanceGraphError, match="top_k"):
        run_network(FIXTURE, None, top_k=-3, out=tmp_path / "x.graphml")
