"""Tests of stancegraph.networks on the hand-made fixture tests/networks/fixture.ttl.

Every expected number below is computed by hand from the fixture's positions.
The count matrix C (person level, duplicates="article", claims on, all dates;
columns T = talks-progress, N = ukraine-nato-membership, S = sanctions-on-russia,
Cr / Cu = claim on Crimea for russia / ukraine; n = row sum; |C|^2 = squared norm):

                T+ T- N+ N- S+ S- Cr Cu    n  |C|^2
    Peskov  PE   3  .  .  1  .  .  1  .    5   11     T+ in a1, a2, a3
    Zelensky ZE  .  1  2  .  1  .  .  1    5    7     N+ in a1 and a4 (undated)
    Kuleba  KU   .  1  1  .  1  .  .  .    3    3
    Putin   PU   1  .  .  1  .  1  1  .    4    4
    NATO    NA   1  .  1  .  1  .  .  .    3    3
    Stoltenberg ST . . 1  .  .  .  .  .    1    1

A(a,b) = sum_c min(C_a,c, C_b,c);  D(a,b) = sum over issues of min over opposite stance pairs.
"""

from __future__ import annotations

import csv
import json
import math
import random
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest

from stancegraph.errors import StanceGraphError
from stancegraph.networks import (
    NetworkRun, agreement_matrix, count_matrix, disagreement_matrix, labelled_edges, load_positions,
    network, run_network, stance_matrix, summarize, windowed_networks, write_network,
)
from stancegraph.networks.matrix import PositionTable, Position
from stancegraph.store import load_file

FIXTURE = Path(__file__).parent / "networks" / "fixture.ttl"
ART = "https://w3id.org/stancegraph/id/article/"
ACT = "https://w3id.org/stancegraph/id/actor/"

PE, ZE, KU, PU, NA, ST = ("Dmitry Peskov", "Volodymyr Zelensky", "Dmytro Kuleba", "Vladimir Putin", "NATO",
                          "Jens Stoltenberg")
KR, UA, MFA, RU = "Kremlin", "Ukraine", "Ministry of Foreign Affairs of Ukraine", "Russia"


def stmt(article: str, span: str) -> str:
    return f"{ART}{article}/statement/{span}"


# statement IRIs of the fixture (article, sentence)
A1S3, A1S4, A1S5, A1S6 = stmt("a1", "111-183"), stmt("a1", "184-224"), stmt("a1", "225-272"), stmt("a1", "273-340")
A1S7, A1S8, A1S9 = stmt("a1", "341-386"), stmt("a1", "387-416"), stmt("a1", "417-449")
A2S2, A2S3, A2S4 = stmt("a2", "62-110"), stmt("a2", "111-169"), stmt("a2", "170-205")
A3S1, A3S3, A3S5 = stmt("a3", "0-43"), stmt("a3", "90-129"), stmt("a3", "167-200")
A4S3 = stmt("a4", "76-113")


def pair(a: str, b: str) -> tuple[str, str]:
    return tuple(sorted((a, b)))  # type: ignore[return-value]


def weights(G: nx.Graph, attr: str = "weight") -> dict[tuple[str, str], float]:
    return {(a, b): w for a, b, w in labelled_edges(G, attr)}


def P(d: dict) -> dict[tuple[str, str], float]:
    """Expected edges given as {(x, y): w} in any order -> label-sorted keys."""
    return {pair(*k): v for k, v in d.items()}


@pytest.fixture(scope="module")
def table() -> PositionTable:
    return load_positions(load_file(FIXTURE))


def test_fixture_follows_the_graph_model():
    # the fixture must pass the project's SHACL shapes, so it really has the shape of a built graph
    from rdflib import Graph

    from stancegraph.validate import validate_graph

    report = validate_graph(Graph().parse(FIXTURE))
    assert report.conforms, report.text()


# ------------------------------------------------------------------ matrix ---

def test_count_matrix_article_mode(table):
    M = stance_matrix(table)
    labels = [table.label(n) for n in M.nodes]
    assert labels == [PE, KU, ST, NA, PU, ZE]  # sorted by IRI
    assert M.columns == [("sanctions-on-russia", "support"), ("sanctions-on-russia", "oppose"),
                         ("talks-progress", "support"), ("talks-progress", "oppose"),
                         ("territory:crimea", "russia"), ("territory:crimea", "ukraine"),
                         ("ukraine-nato-membership", "support"), ("ukraine-nato-membership", "oppose")]
    # rows: S+ S- T+ T- Cr Cu N+ N-  (see the table at the top)
    assert M.counts.toarray().tolist() == [
        [0, 0, 3, 0, 1, 0, 0, 1],   # PE
        [1, 0, 0, 1, 0, 0, 1, 0],   # KU
        [0, 0, 0, 0, 0, 0, 1, 0],   # ST
        [1, 0, 1, 0, 0, 0, 1, 0],   # NA
        [0, 1, 1, 0, 1, 0, 0, 1],   # PU
        [1, 0, 0, 1, 0, 1, 2, 0],   # ZE
    ]


def test_sparse_products_equal_pairwise_min_on_random_counts():
    # the layer identity min(x, y) = sum_k [x>=k][y>=k] must give exactly the pairwise definitions
    rng = random.Random(7)
    positions = []
    issues = ["i1", "i2", "i3"]
    for n in range(200):
        a = f"urn:a{rng.randrange(12)}"
        iss = rng.choice(issues)
        st = rng.choice(["support", "oppose"] if iss != "i3" else ["x", "y", "z"])
        positions.append(Position(iri=f"urn:p{n}", holder=a, issue=iss, stance=st, issue_iri=f"urn:{iss}",
                                  article=f"urn:art{n}", date=None, statements=(), quotes=(), claim=False))
    M = count_matrix(positions, PositionTable(positions=positions))
    C = M.counts.toarray()
    A, D = agreement_matrix(M).toarray(), disagreement_matrix(M).toarray()
    for x in range(len(M.nodes)):
        for y in range(len(M.nodes)):
            if x == y:
                assert A[x, y] == 0 and D[x, y] == 0
                continue
            assert A[x, y] == sum(min(C[x, c], C[y, c]) for c in range(len(M.columns)))
            assert D[x, y] == sum(min(C[x, c], C[y, c2]) for c, (i, s) in enumerate(M.columns)
                                  for c2, (i2, s2) in enumerate(M.columns) if i == i2 and s != s2)
    assert C.max() >= 3  # the test really exercises several layers


# ------------------------------------------------------------- raw kinds ---

AGREE = P({
    (PE, PU): 3,   # T+ min(3,1)=1, N- 1, Cr 1
    (PE, NA): 1,   # T+ min(3,1)
    (ZE, KU): 3,   # T- 1, N+ min(2,1)=1, S+ 1
    (ZE, NA): 2,   # N+ min(2,1)=1, S+ 1
    (ZE, ST): 1,   # N+
    (KU, NA): 2,   # N+, S+
    (KU, ST): 1,   # N+
    (PU, NA): 1,   # T+
    (NA, ST): 1,   # N+
})
DISAGREE = P({
    (PE, ZE): 3,   # T: min(PE T+ 3, ZE T- 1)=1; N: min(1, 2)=1; Crimea: russia vs ukraine 1
    (PE, KU): 2,   # T 1, N 1
    (PE, NA): 1,   # N: PE N- vs NA N+
    (PE, ST): 1,   # N
    (ZE, PU): 4,   # T 1, N min(2,1)=1, S 1, Crimea 1
    (ZE, NA): 1,   # T: ZE T- vs NA T+
    (KU, PU): 3,   # T, N, S
    (KU, NA): 1,   # T
    (PU, NA): 2,   # N, S
    (PU, ST): 1,   # N
})


def test_agreement_raw(table):
    G = network(table, "agreement")
    assert weights(G) == AGREE
    assert set(weights(G, "sign").values()) == {1}
    assert weights(G, "agreement") == AGREE and weights(G, "disagreement")[pair(PE, NA)] == 1


def test_disagreement_raw(table):
    G = network(table, "disagreement")
    assert weights(G) == DISAGREE
    assert set(weights(G, "sign").values()) == {-1}      # conflict ties
    assert weights(G, "disagreement") == DISAGREE


def test_subtract_raw(table):
    # A - D on the union of pairs; PE-NA has A=1, D=1 -> 0 -> no edge
    expected = {k: AGREE.get(k, 0) - DISAGREE.get(k, 0) for k in set(AGREE) | set(DISAGREE)}
    expected = {k: v for k, v in expected.items() if v != 0}
    assert pair(PE, NA) not in expected and len(expected) == 14
    G = network(table, "subtract")
    assert weights(G) == expected
    assert weights(G)[pair(ZE, PU)] == -4          # 0 - 4
    assert weights(G)[pair(ZE, NA)] == 1           # 2 - 1
    assert weights(G, "agreement")[pair(ZE, NA)] == 2 and weights(G, "disagreement")[pair(ZE, NA)] == 1


def test_signed_net_sign(table):
    G = network(table, "signed")
    w, s = weights(G), weights(G, "sign")
    assert pair(PE, NA) not in w                   # agrees 1 and disagrees 1: net 0, dropped
    assert (w[pair(PE, PU)], s[pair(PE, PU)]) == (3, 1)
    assert (w[pair(ZE, PU)], s[pair(ZE, PU)]) == (4, -1)
    assert (w[pair(ZE, NA)], s[pair(ZE, NA)]) == (1, 1)      # A 2, D 1 -> +1
    assert (w[pair(PU, NA)], s[pair(PU, NA)]) == (1, -1)     # A 1, D 2 -> -1
    assert all(v > 0 for v in w.values())
    # negative: PE-KU, PE-ST, PE-ZE, KU-PU, ST-PU, NA-PU, PU-ZE; positive: the other 7 of the 14
    assert sum(1 for v in s.values() if v == -1) == 7 and len(s) == 14


# -------------------------------------------------------- normalisations ---
# n: PE 5, ZE 5, KU 3, PU 4, NA 3, ST 1.  |C|: PE sqrt11, ZE sqrt7, KU sqrt3, PU 2, NA sqrt3, ST 1.

NORMALISED = {
    ("average", "agreement"): P({
        (PE, PU): 3 / 4.5,   # 3 / ((5+4)/2)
        (ZE, KU): 3 / 4,     # 3 / ((5+3)/2)
        (ZE, NA): 2 / 4,
        (ZE, ST): 1 / 3,
        (KU, NA): 2 / 3,
        (KU, ST): 1 / 2,
        (PU, NA): 1 / 3.5,
        (PE, NA): 1 / 4,
        (NA, ST): 1 / 2,
    }),
    ("average", "disagreement"): P({
        (PE, ZE): 3 / 5, (PE, KU): 2 / 4, (PE, NA): 1 / 4, (PE, ST): 1 / 3, (ZE, PU): 4 / 4.5,
        (ZE, NA): 1 / 4, (KU, PU): 3 / 3.5, (KU, NA): 1 / 3, (PU, NA): 2 / 3.5, (PU, ST): 1 / 2.5,
    }),
    ("jaccard", "agreement"): P({   # A / (n_a + n_b - A) = sum min / sum max
        (PE, PU): 3 / (9 - 3), (ZE, KU): 3 / (8 - 3), (ZE, NA): 2 / (8 - 2), (ZE, ST): 1 / (6 - 1),
        (KU, NA): 2 / (6 - 2), (KU, ST): 1 / (4 - 1), (PU, NA): 1 / (7 - 1), (PE, NA): 1 / (8 - 1),
        (NA, ST): 1 / (4 - 1),
    }),
    ("jaccard", "disagreement"): P({  # D / (n_a + n_b - A)
        (PE, ZE): 3 / 10, (PE, KU): 2 / 8, (PE, NA): 1 / (8 - 1), (PE, ST): 1 / 6, (ZE, PU): 4 / 9,
        (ZE, NA): 1 / (8 - 2), (KU, PU): 3 / 7, (KU, NA): 1 / (6 - 2), (PU, NA): 2 / (7 - 1), (PU, ST): 1 / 5,
    }),
    ("cosine", "agreement"): P({   # C_a . C_b / (|C_a| |C_b|)
        (PE, PU): 5 / (math.sqrt(11) * 2),          # T+ 3*1 + N- 1 + Cr 1
        (PE, NA): 3 / math.sqrt(33),                # T+ 3*1
        (ZE, KU): 4 / math.sqrt(21),                # T- 1 + N+ 2*1 + S+ 1
        (ZE, NA): 3 / math.sqrt(21),                # N+ 2 + S+ 1
        (ZE, ST): 2 / math.sqrt(7),                 # N+ 2*1
        (KU, NA): 2 / 3, (KU, ST): 1 / math.sqrt(3), (PU, NA): 1 / (2 * math.sqrt(3)),
        (NA, ST): 1 / math.sqrt(3),
    }),
    ("cosine", "disagreement"): P({  # C_a . swap(C_b) / (|C_a| |C_b|)
        (PE, ZE): 6 / math.sqrt(77),                # T 3*1 + N 1*2 + Crimea 1
        (PE, KU): 4 / math.sqrt(33),                # T 3*1 + N 1*1
        (PE, NA): 1 / math.sqrt(33),                # N 1*1
        (PE, ST): 1 / math.sqrt(11),
        (ZE, PU): 5 / (2 * math.sqrt(7)),           # T 1 + N 2*1 + S 1 + Crimea 1
        (ZE, NA): 1 / math.sqrt(21),
        (KU, PU): 3 / (2 * math.sqrt(3)), (KU, NA): 1 / 3, (PU, NA): 2 / (2 * math.sqrt(3)), (PU, ST): 1 / 2,
    }),
}


@pytest.mark.parametrize("norm,kind", sorted(NORMALISED))
def test_normalised_weights(table, norm, kind):
    assert weights(network(table, kind, normalize=norm)) == pytest.approx(NORMALISED[(norm, kind)])


@pytest.mark.parametrize("norm", ["average", "jaccard", "cosine"])
def test_normalised_subtract_and_signed(table, norm):
    agree, disagree = NORMALISED[(norm, "agreement")], NORMALISED[(norm, "disagreement")]
    net = {k: agree.get(k, 0) - disagree.get(k, 0) for k in set(agree) | set(disagree)}
    if norm != "cosine":
        net.pop(pair(PE, NA))     # same denominator: 1/d - 1/d = 0 -> dropped
    else:
        # cosine numerators are products: 3 - 1 = 2 -> 2/sqrt(33), kept
        assert net[pair(PE, NA)] == pytest.approx(2 / math.sqrt(33))
    assert weights(network(table, "subtract", normalize=norm)) == pytest.approx(net)
    signed = network(table, "signed", normalize=norm)
    assert weights(signed) == pytest.approx({k: abs(v) for k, v in net.items()})
    assert weights(signed, "sign") == {k: (1 if v > 0 else -1) for k, v in net.items()}


def test_min_weight(table):
    assert weights(network(table, "agreement", min_weight=2)) == P({(PE, PU): 3, (ZE, KU): 3, (ZE, NA): 2,
                                                                     (KU, NA): 2})
    # subtract keeps |w| >= 3
    assert weights(network(table, "subtract", min_weight=3)) == P({(PE, PU): 3, (PE, ZE): -3, (KU, PU): -3,
                                                                    (ZE, KU): 3, (ZE, PU): -4})
    assert weights(network(table, "agreement", normalize="average", min_weight=0.7)) == pytest.approx(
        P({(ZE, KU): 0.75}))


# ------------------------------------------------------------- duplicates ---

def test_duplicates_utterance_merges_relayed_quote(table):
    M = stance_matrix(table, duplicates="utterance")
    pe = M.nodes.index(ACT + "dmitry-peskov")
    t_plus = M.columns.index(("talks-progress", "support"))
    # a1 "The talks were constructive." and a2 "The talks were, constructive!" are one utterance;
    # a3 "Talks are going well." is another -> 2 (3 under "article")
    assert M.counts[pe, t_plus] == 2
    G = network(table, "agreement", normalize="average", duplicates="utterance")
    assert G.nodes[ACT + "dmitry-peskov"]["positions"] == 4
    # PE-PU: A still 3 (min(2,1)+1+1), n_PE now 4: 3 / ((4+4)/2)
    assert weights(G)[pair(PE, PU)] == pytest.approx(0.75)
    # raw weights unchanged for everybody
    assert weights(network(table, "agreement", duplicates="utterance")) == AGREE


def test_duplicates_all_counts_statements(table):
    M = stance_matrix(table, duplicates="all")
    ze, ku = M.nodes.index(ACT + "volodymyr-zelensky"), M.nodes.index(ACT + "dmytro-kuleba")
    t_minus = M.columns.index(("talks-progress", "oppose"))
    assert (M.counts[ze, t_minus], M.counts[ku, t_minus]) == (2, 2)   # two statements each
    G = network(table, "agreement", duplicates="all")
    # ZE-KU: T- min(2,2)=2 + N+ min(2,1)=1 + S+ 1 = 4 (3 under "article")
    assert weights(G)[pair(ZE, KU)] == 4
    assert G.nodes[ACT + "volodymyr-zelensky"]["positions"] == 6     # 1 + 2 + 2 + 1
    assert G.nodes[ACT + "dmitry-peskov"]["positions"] == 5          # T+ 3 statements, N- 1, Cr 1
    # PE-PU: T+ min(3,1)=1 + N- + Cr = 3; PE-ZE disagreement T: min(3,2)=2, N 1, Crimea 1 = 4
    assert weights(G)[pair(PE, PU)] == 3
    assert weights(network(table, "disagreement", duplicates="all"))[pair(PE, ZE)] == 4


# ------------------------------------------------------------------ level ---

def test_level_organisation(table):
    # Peskov -> Kremlin (tenure); Putin -> Russia; Zelensky -> Ukraine; Kuleba -> MFA in a1, a2 (tenure
    # valid) but Ukraine in a3 (tenure ended 2024-09-05, affiliation); Stoltenberg -> NATO (affiliation).
    #              T+ T- N+ N- S+ S- Cr Cu  n
    #   Kremlin     3  .  .  1  .  .  1  .  5
    #   Ukraine     .  1  3  .  1  .  .  1  6   N+ in a1, a4 (Zelensky), a3 (Kuleba)
    #   MFA         .  1  .  .  1  .  .  .  2
    #   Russia      1  .  .  1  .  1  1  .  4
    #   NATO        1  .  2  .  1  .  .  .  4   N+ in a2 (NATO), a3 (Stoltenberg)
    G = network(table, "agreement", level="organisation")
    assert sorted(d["label"] for _, d in G.nodes(data=True)) == sorted([KR, UA, MFA, RU, NA])
    assert weights(G) == P({(KR, RU): 3, (KR, NA): 1, (UA, MFA): 2, (UA, NA): 3,   # UA-NA: N+ min(3,2)=2 + S+
                            (MFA, NA): 1, (RU, NA): 1})
    assert weights(network(table, "disagreement", level="organisation")) == P({
        (KR, UA): 3, (KR, MFA): 1, (KR, NA): 1, (UA, RU): 4, (UA, NA): 1, (MFA, RU): 2, (MFA, NA): 1,
        (RU, NA): 2})
    nodes = {d["label"]: d for _, d in G.nodes(data=True)}
    assert nodes[UA]["members"] == f"{KU};{ZE}"
    assert nodes[NA]["members"] == ST            # NATO itself is not listed among its members
    assert nodes[UA]["positions"] == 6 and nodes[UA]["kind"] == "state"
    assert nodes[KR]["kind"] == "organisation" and nodes[KR]["affiliation"] == RU


def test_level_person_members_empty(table):
    G = network(table, "agreement")
    assert all(d["members"] == "" for _, d in G.nodes(data=True))


# ----------------------------------------------------------- claims/issues ---

def test_claims_only(table):
    assert weights(network(table, "agreement", claims_only=True)) == P({(PE, PU): 1})   # both russia
    assert weights(network(table, "disagreement", claims_only=True)) == P({(PE, ZE): 1, (PU, ZE): 1})
    assert sorted(d["label"] for _, d in network(table, claims_only=True).nodes(data=True)) == [PE, PU, ZE]
    # same as filtering on the pseudo-issue
    assert weights(network(table, "disagreement", issues=["territory:crimea"])) == P({(PE, ZE): 1,
                                                                                      (PU, ZE): 1})


def test_no_claims(table):
    agree = {**AGREE, pair(PE, PU): 2}                               # loses Cr
    disagree = {**DISAGREE, pair(PE, ZE): 2, pair(ZE, PU): 3}         # lose Crimea
    assert weights(network(table, "agreement", claims=False)) == agree
    assert weights(network(table, "disagreement", claims=False)) == disagree


def test_issue_filter(table):
    G = network(table, "agreement", issues=["ukraine-nato-membership"])
    # N+ holders ZE, KU, NA, ST pairwise 1 (min(2,1)=1 for ZE); N- holders PE, PU
    assert weights(G) == P({(ZE, KU): 1, (ZE, NA): 1, (ZE, ST): 1, (KU, NA): 1, (KU, ST): 1, (NA, ST): 1,
                            (PE, PU): 1})
    D = weights(network(table, "disagreement", issues=["ukraine-nato-membership"]))
    assert D == {pair(a, b): 1 for a in (PE, PU) for b in (ZE, KU, NA, ST)}
    assert all(d["issues"] == "ukraine-nato-membership" for _, _, d in G.edges(data=True))
    two = weights(network(table, "agreement", issues=["talks-progress", "sanctions-on-russia"]))
    assert two == P({(PE, PU): 1, (PE, NA): 1, (PU, NA): 1, (ZE, KU): 2, (ZE, NA): 1, (KU, NA): 1})


def test_unknown_issue_lists_known_keys(table):
    with pytest.raises(StanceGraphError) as err:
        network(table, issues=["peace"])
    msg = str(err.value)
    assert "issues:" in msg and "'peace'" in msg
    assert ("known: sanctions-on-russia, talks-progress, territory:crimea, ukraine-nato-membership, "
            "ukraine-neutrality") in msg
    # a codebook key nobody holds a position on is known, and gives an empty network
    assert network(table, issues=["ukraine-neutrality"]).number_of_nodes() == 0


# ------------------------------------------------------------------ dates ---

def test_since_until(table):
    # since 2022-03-30: a2 and a3 only; a4 is undated, so left out once a date filter is given
    G = network(table, "agreement", since="2022-03-30")
    assert weights(G) == P({(PE, PU): 1, (KU, ST): 1, (KU, NA): 1, (NA, ST): 1})   # PE-PU: T+ min(2,1)
    assert weights(network(table, "disagreement", since=date(2022, 3, 30))) == P({(PE, KU): 1, (KU, PU): 1,
                                                                                   (PU, ZE): 1})
    assert G.nodes[ACT + "nato"]["positions"] == 1           # S+ and T+ (a4, undated) left out
    # until 2022-03-29: a1 only
    # (only N-: Peskov's Crimea claim is in a3)
    assert weights(network(table, "agreement", until="2022-03-29")) == P({(PE, PU): 1})
    # no date filter: the undated a4 counts (NATO has 3 positions)
    assert network(table).nodes[ACT + "nato"]["positions"] == 3


def test_bad_dates(table):
    with pytest.raises(StanceGraphError, match=r"since: bad date '2022-13-01'"):
        network(table, since="2022-13-01")
    with pytest.raises(StanceGraphError, match=r"since: `since` 2023-01-01 is after `until`"):
        network(table, since="2023-01-01", until="2022-01-01")


# ---------------------------------------------------------------- windows ---

def test_windows_yearly(table):
    nets = windowed_networks(table, "agreement", "1Y")
    assert [w.label for w, _ in nets] == ["2022-01-01", "2023-01-01", "2024-01-01", "2025-01-01"]
    by = {w.start.year: G for w, G in nets}
    # 2022 (a1, a2): PE-PU N- ; ZE-KU T- ; ZE-NA N+   (a4 undated: not in any window)
    assert weights(by[2022]) == P({(PE, PU): 1, (ZE, KU): 1, (ZE, NA): 1})
    assert sorted(d["label"] for _, d in by[2022].nodes(data=True)) == sorted([PE, ZE, KU, PU, NA])
    assert by[2023].number_of_nodes() == 0 and by[2024].number_of_nodes() == 0
    # 2025 (a3): KU-ST N+ ; PE-PU T+
    assert weights(by[2025]) == P({(KU, ST): 1, (PE, PU): 1})
    assert by[2025].graph["window_start"] == "2025-01-01" and by[2025].graph["window_end"] == "2025-12-31"
    d2022 = weights(windowed_networks(table, "disagreement", "1Y")[0][1])
    # PE-ZE: T min(2,1)=1 + N 1; ZE-PU: N 1 + Crimea 1
    assert d2022 == P({(PE, ZE): 2, (PE, KU): 1, (PE, NA): 1, (ZE, PU): 2, (KU, PU): 1, (PU, NA): 1})


def test_windows_monthly_and_daily(table):
    assert [w.label for w, _ in windowed_networks(table, "agreement", "1M", until="2022-05-15")] == [
        "2022-03-01", "2022-04-01", "2022-05-01"]
    days = windowed_networks(table, "agreement", "1D", until="2022-03-30")
    assert [w.label for w, _ in days] == ["2022-03-29", "2022-03-30"]
    assert weights(days[0][1]) == P({(PE, PU): 1})      # a1 alone: N- (PE's Crimea claim is in a3)
    assert [w.label for w, _ in windowed_networks(table, "agreement", "2W", until="2022-04-30")] == [
        "2022-03-28", "2022-04-11", "2022-04-25"]       # weeks start on Monday 2022-03-28


def test_windows_need_dated_positions():
    undated = [Position(iri="urn:p1", holder="urn:a", issue="i", stance="support", issue_iri="urn:i",
                        article="urn:x", date=None, statements=(), quotes=(), claim=False)]
    with pytest.raises(StanceGraphError, match=r"window: no dated positions"):
        windowed_networks(PositionTable(positions=undated), "agreement", "1Y")


@pytest.mark.parametrize("bad", ["1Q", "M", "0Y", "-1M", "1 month"])
def test_bad_window(table, bad):
    with pytest.raises(StanceGraphError, match=r"window: bad window"):
        windowed_networks(table, "agreement", bad)


# ------------------------------------------------------------ traceability ---

def test_agreement_edge_traces_statements(table):
    G = network(table, "agreement")
    d = G.edges[ACT + "volodymyr-zelensky", ACT + "dmytro-kuleba"]
    assert d["issues"] == "sanctions-on-russia;talks-progress;ukraine-nato-membership"
    # ZE T- {a1 S3, S4}, KU T- {a2 S3, S4}, ZE N+ {a1 S5, a4 S3}, KU N+ {a3 S1}, ZE S+ {a3 S3}, KU S+ {a1 S6}
    assert d["statements"].split(";") == sorted([A1S3, A1S4, A2S3, A2S4, A1S5, A4S3, A3S1, A3S3, A1S6])


def test_disagreement_edge_traces_statements(table):
    d = network(table, "disagreement").edges[ACT + "volodymyr-zelensky", ACT + "vladimir-putin"]
    assert d["issues"] == "sanctions-on-russia;talks-progress;territory:crimea;ukraine-nato-membership"
    # T: ZE {a1 S3, S4} vs PU {a3 S5}; N: ZE {a1 S5, a4 S3} vs PU {a1 S7}; S: ZE {a3 S3} vs PU {a2 S2};
    # Crimea: ZE {a1 S9} vs PU {a1 S8}
    assert set(d["statements"].split(";")) == {A1S3, A1S4, A3S5, A1S5, A4S3, A1S7, A3S3, A2S2, A1S9, A1S8}
    assert (d["agreement"], d["disagreement"], d["sign"]) == (0, 4, -1)   # a conflict tie


def test_node_attributes(table):
    G = network(table, "agreement")
    ze = G.nodes[ACT + "volodymyr-zelensky"]
    assert (ze["label"], ze["kind"], ze["wikidata"], ze["affiliation"]) == (ZE, "person", "Q3881", UA)
    assert ze["affiliation_id"] == ACT + "ukraine" and ze["key"] == "volodymyr-zelensky"
    assert ze["statements"] == 6        # a1 S3 S4 S5 S9, a3 S3, a4 S3
    assert G.nodes[ACT + "dmytro-kuleba"]["wikidata"] == ""
    assert G.nodes[ACT + "nato"]["kind"] == "organisation"
    # Louvain on the agreement network: {ZE, KU, NA, ST} and {PE, PU}
    com = {d["label"]: d["community"] for _, d in G.nodes(data=True)}
    assert com[ZE] == com[KU] == com[NA] == com[ST] == 0 and com[PE] == com[PU] == 1
    # the disagreement network carries the communities of the agreement network
    dis = network(table, "disagreement")
    assert {d["label"]: d["community"] for _, d in dis.nodes(data=True)} == com


def test_affiliation_network(table):
    G = network(table, "affiliation")
    actors = [n for n, d in G.nodes(data=True) if d["bipartite"] == 0]
    issues = {d["key"]: n for n, d in G.nodes(data=True) if d["bipartite"] == 1}
    assert len(actors) == 6 and sorted(issues) == ["sanctions-on-russia", "talks-progress", "territory:crimea",
                                                    "ukraine-nato-membership"]
    assert issues["territory:crimea"] == "https://w3id.org/stancegraph/id/territory/crimea"
    assert G.nodes[issues["territory:crimea"]]["label"] == "Crimea"
    assert G.nodes[issues["territory:crimea"]]["kind"] == "territory"
    assert G.number_of_edges() == 18     # PE 3, ZE 4, KU 3, PU 4, NA 3, ST 1
    e = G.edges[ACT + "volodymyr-zelensky", issues["ukraine-nato-membership"]]
    assert (e["stance"], e["weight"], e["support"], e["oppose"], e["sign"]) == ("support", 2.0, 2, 0, 1)
    e = G.edges[ACT + "volodymyr-zelensky", issues["talks-progress"]]
    assert (e["stance"], e["weight"], e["sign"]) == ("oppose", 1.0, -1)
    assert set(e["statements"].split(";")) == {A1S3, A1S4}
    e = G.edges[ACT + "dmitry-peskov", issues["territory:crimea"]]
    assert (e["stance"], e["weight"], e["sign"]) == ("russia", 1.0, 0)
    assert G.edges[ACT + "dmitry-peskov", issues["talks-progress"]]["weight"] == 3.0
    assert network(table, "affiliation", min_weight=2).number_of_edges() == 2   # PE-T (3), ZE-N (2)
    with pytest.raises(StanceGraphError, match="normalize: `normalize` applies to one-mode"):
        network(table, "affiliation", normalize="jaccard")


# ----------------------------------------------------------------- summary ---

def test_summary(table):
    s = summarize(table, window="1Y")
    assert s.coalitions == [[KU, ST, NA, ZE], [PE, PU]]
    # N: support {ZE,KU,NA,ST} 4 / oppose {PE,PU} 2 -> (2, 6); T: 3 / 2 -> (2, 5); S: 3 / 1 -> (1, 4);
    # Crimea: russia 2 / ukraine 1 -> (1, 3)
    assert [(c.key, c.score, c.total) for c in s.contested] == [
        ("ukraine-nato-membership", 2, 6), ("talks-progress", 2, 5), ("sanctions-on-russia", 1, 4),
        ("territory:crimea", 1, 3)]
    assert s.contested[0].holders == {"support": 4, "oppose": 2}
    # A total 15 (3+1+3+2+1+2+1+1+1), D total 19 (3+2+1+1+4+1+3+1+2+1): 19 / 34
    assert (s.polarisation.agreement, s.polarisation.disagreement) == (15, 19)
    assert s.polarisation.value == pytest.approx(19 / 34)
    # 2022: A 3, D 8 -> 8/11; 2023, 2024: nothing -> None; 2025: A 2, D 0 -> 0
    assert [(p.start, p.agreement, p.disagreement) for p in s.windows] == [
        ("2022-01-01", 3, 8), ("2023-01-01", 0, 0), ("2024-01-01", 0, 0), ("2025-01-01", 2, 0)]
    assert [p.value for p in s.windows] == pytest.approx([8 / 11, None, None, 0.0])
    text = str(s)
    assert "1. Dmytro Kuleba, Jens Stoltenberg, NATO, Volodymyr Zelensky" in text
    assert "ukraine-nato-membership: support 4, oppose 2" in text
    assert "2023-01-01..2023-12-31: n/a" in text


def test_summary_no_claims_drops_crimea(table):
    s = summarize(table, claims=False)
    assert "territory:crimea" not in [c.key for c in s.contested]
    # A 15 - 1 (PE-PU Cr) = 14; D 19 - 2 (PE-ZE, ZE-PU Crimea) = 17
    assert (s.polarisation.agreement, s.polarisation.disagreement) == (14, 17)


# -------------------------------------------------------------- file output ---

ALLOWED_GRAPHML_TYPES = {"string", "double", "int", "boolean"}


def test_graphml_round_trip(table, tmp_path):
    G = network(table, "subtract")
    [path] = write_network(G, "graphml", tmp_path / "net.graphml")
    keys = ET.parse(path).getroot().findall("{http://graphml.graphdrawing.org/xmlns}key")
    types = {(k.get("for"), k.get("attr.name")): k.get("attr.type") for k in keys}
    assert set(types.values()) <= ALLOWED_GRAPHML_TYPES
    assert types[("edge", "weight")] == "double" and types[("edge", "sign")] == "int"
    assert types[("node", "statements")] == "int" and types[("edge", "statements")] == "string"
    H = nx.read_graphml(path)
    assert "actor.volodymyr-zelensky" in H            # GraphML ids are NMTOKENs; the IRI is data
    H = nx.relabel_nodes(H, {n: d["iri"] for n, d in H.nodes(data=True)})
    assert H.number_of_nodes() == 6 and H.number_of_edges() == 14
    assert weights(H) == weights(G)
    e = H.edges[ACT + "volodymyr-zelensky", ACT + "vladimir-putin"]
    assert e["weight"] == -4.0 and isinstance(e["sign"], int) and e["sign"] == -1
    assert set(e["statements"].split(";")) == {A1S3, A1S4, A3S5, A1S5, A4S3, A1S7, A3S3, A2S2, A1S9, A1S8}
    n = H.nodes[ACT + "volodymyr-zelensky"]
    assert (n["label"], n["wikidata"], n["statements"], n["community"]) == (ZE, "Q3881", 6, 0)
    assert H.graph["kind"] == "subtract"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["net.graphml"]   # no temp files left behind


def test_gexf_static_round_trip(table, tmp_path):
    G = network(table, "agreement", normalize="jaccard")
    [path] = write_network(G, "gexf", tmp_path / "net.gexf")
    root = ET.parse(path).getroot()
    assert root.tag == "{http://gexf.net/1.3}gexf" and root.get("version") == "1.3"
    H = nx.read_gexf(path)
    assert weights(H) == pytest.approx(weights(G))
    e = H.edges[ACT + "volodymyr-zelensky", ACT + "dmytro-kuleba"]
    assert e["weight"] == pytest.approx(0.6) and e["agreement"] == 3
    assert e["issues"] == "sanctions-on-russia;talks-progress;ukraine-nato-membership"
    assert H.nodes[ACT + "nato"]["label"] == NA and H.nodes[ACT + "nato"]["positions"] == 3


def test_gexf_dynamic_with_spells(table, tmp_path):
    nets = windowed_networks(table, "agreement", "1Y")
    [path] = write_network(nets, "gexf", tmp_path / "net.gexf")
    assert [p.name for p in tmp_path.iterdir()] == ["net.gexf"]        # ONE file
    ns = {"g": "http://gexf.net/1.3"}
    graph = ET.parse(path).getroot().find("g:graph", ns)
    assert (graph.get("mode"), graph.get("timeformat")) == ("dynamic", "date")
    assert (graph.get("start"), graph.get("end")) == ("2022-01-01", "2025-12-31")
    H = nx.read_gexf(path)
    assert H.graph["mode"] == "dynamic"
    # Peskov speaks in 2022 and 2025, not in 2023-2024: two spells; Stoltenberg only 2025; NATO only 2022
    assert H.nodes[ACT + "dmitry-peskov"]["spells"] == [("2022-01-01", "2022-12-31"), ("2025-01-01", "2025-12-31")]
    assert H.nodes[ACT + "jens-stoltenberg"]["spells"] == [("2025-01-01", "2025-12-31")]
    assert H.nodes[ACT + "nato"]["spells"] == [("2022-01-01", "2022-12-31")]
    e = H.edges[ACT + "dmitry-peskov", ACT + "vladimir-putin"]
    assert e["spells"] == [("2022-01-01", "2022-12-31"), ("2025-01-01", "2025-12-31")]
    # PE-PU agree on N- in 2022 and on T+ in 2025: a dynamic attribute
    assert e["issues"] == [("ukraine-nato-membership", "2022-01-01", "2022-12-31"),
                           ("talks-progress", "2025-01-01", "2025-12-31")]
    # PE positions: 2022 T+ (a1, a2) + N- = 3; 2025 T+ + Cr = 2
    assert H.nodes[ACT + "dmitry-peskov"]["positions"] == [(3, "2022-01-01", "2022-12-31"),
                                                           (2, "2025-01-01", "2025-12-31")]
    # dynamic weight values as written (networkx keeps only one weight; read the XML)
    edge = [x for x in graph.find("g:edges", ns) if x.get("source") == ACT + "dmytro-kuleba"
            and x.get("target") == ACT + "jens-stoltenberg"][0]
    ws = [(a.get("value"), a.get("start"), a.get("end")) for a in edge.iter("{http://gexf.net/1.3}attvalue")
          if a.get("for") == "weight"]
    assert ws == [("1.0", "2025-01-01", "2025-12-31")]
    attrs = [a.get("class") + "/" + a.get("mode") for a in graph.findall("g:attributes", ns)]
    assert attrs == ["node/dynamic", "edge/dynamic"]                  # one block per class
    # a value that never changes holds over the node's whole span
    assert H.nodes[ACT + "dmitry-peskov"]["kind"] == [("person", "2022-01-01", "2025-12-31")]


def test_gexf_dynamic_merges_consecutive_windows(table, tmp_path):
    # daily windows: a1 on 2022-03-29, a2 on 2022-03-30; Peskov speaks on both days -> ONE spell
    nets = windowed_networks(table, "agreement", "1D", until="2022-03-30")
    [path] = write_network(nets, "gexf", tmp_path / "days.gexf")
    H = nx.read_gexf(path)
    assert H.nodes[ACT + "dmitry-peskov"]["spells"] == [("2022-03-29", "2022-03-30")]
    assert H.nodes[ACT + "nato"]["spells"] == [("2022-03-30", "2022-03-30")]        # NATO only in a2
    # PE-PU agree (N-) on the 29th only (a2: PE T+, PU S-)
    assert H.edges[ACT + "dmitry-peskov", ACT + "vladimir-putin"]["spells"] == [("2022-03-29", "2022-03-29")]


def test_csv_node_and_edge_lists(table, tmp_path):
    G = network(table, "signed")
    files = write_network(G, "csv", tmp_path / "net.csv")
    assert [p.name for p in files] == ["net_nodes.csv", "net_edges.csv"]
    with open(files[0], newline="") as fh:
        nodes = list(csv.DictReader(fh))
    with open(files[1], newline="") as fh:
        edges = list(csv.DictReader(fh))
    assert list(nodes[0])[:2] == ["Id", "Label"] and list(edges[0])[:4] == ["Source", "Target", "Type", "Weight"]
    assert len(nodes) == 6 and len(edges) == 14
    label = {r["Id"]: r["Label"] for r in nodes}
    got = {pair(label[r["Source"]], label[r["Target"]]): (float(r["Weight"]), int(r["sign"])) for r in edges}
    assert got[pair(ZE, PU)] == (4.0, -1) and got[pair(PE, PU)] == (3.0, 1)
    assert all(r["Type"] == "Undirected" for r in edges)
    assert {r["Label"]: r["wikidata"] for r in nodes}[PU] == "Q7747"


def test_json_node_link(table, tmp_path):
    G = network(table, "disagreement", level="organisation")
    [path] = write_network(G, "json", tmp_path / "net.json")
    data = json.loads(path.read_text())
    assert set(data) >= {"nodes", "edges", "graph"} and data["graph"]["level"] == "organisation"
    H = nx.node_link_graph(data, edges="edges")
    assert weights(H) == weights(G)
    assert H.nodes[ACT + "ukraine"]["members"] == f"{KU};{ZE}"


@pytest.mark.parametrize("fmt,names", [
    ("graphml", ["n_2022-01-01.graphml", "n_2023-01-01.graphml", "n_2024-01-01.graphml", "n_2025-01-01.graphml"]),
    ("json", ["n_2022-01-01.json", "n_2023-01-01.json", "n_2024-01-01.json", "n_2025-01-01.json"]),
    ("csv", [f"n_{y}-01-01_{k}.csv" for y in (2022, 2023, 2024, 2025) for k in ("edges", "nodes")]),
])
def test_windowed_files_one_per_window(table, tmp_path, fmt, names):
    write_network(windowed_networks(table, "agreement", "1Y"), fmt, tmp_path / f"n.{fmt}")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names)
    if fmt == "graphml":
        H = nx.read_graphml(tmp_path / "n_2025-01-01.graphml")
        assert weights(H) == P({(KU, ST): 1, (PE, PU): 1})


# -------------------------------------------------------- command and CLI ---

def test_run_network_with_graph_file(tmp_path):
    run = run_network(FIXTURE, None, kind="disagreement", fmt=None, out=tmp_path / "d.gexf", summary=True)
    assert isinstance(run, NetworkRun) and [p.name for p in run.files] == ["d.gexf"]
    assert weights(nx.read_gexf(run.files[0])) == DISAGREE
    text = str(run)
    assert "disagreement network: 6 nodes, 10 edges" in text and "wrote " in text
    assert "polarisation" in text


def test_run_network_with_store_dir(tmp_path):
    # an on-disk store with the fixture in a named graph: queries see the union of graphs
    d = tmp_path / "store"
    st = ox.Store(str(d))
    st.load(path=str(FIXTURE), format=ox.RdfFormat.TURTLE,
            to_graph=ox.NamedNode("https://w3id.org/stancegraph/id/graph/article/all"))
    st.flush()
    del st
    run = run_network(None, d, kind="agreement", fmt="json", out=tmp_path / "a.json")
    H = nx.node_link_graph(json.loads(run.files[0].read_text()), edges="edges")
    assert weights(H) == AGREE


BAD_OPTIONS = [
    (dict(kind="congruency"), r"kind: unknown value 'congruency'", ["--kind", "congruency"],
     "--kind: unknown value 'congruency'"),
    (dict(fmt="xlsx", out=Path("x")), r"fmt: unknown value 'xlsx'", ["--format", "xlsx"],
     "--format: unknown value 'xlsx'"),
    (dict(window="3Q"), r"window: bad window '3Q'", ["--window", "3Q"], "--window: bad window '3Q'"),
    (dict(since="yesterday"), r"since: bad date 'yesterday'", ["--since", "yesterday"],
     "--since: bad date 'yesterday'"),
    (dict(until="2022-02-30"), r"until: bad date '2022-02-30'", ["--until", "2022-02-30"],
     "--until: bad date '2022-02-30'"),
    (dict(since="2023-01-01", until="2022-01-01"), r"since: `since` 2023-01-01 is after `until` 2022-01-01",
     ["--since", "2023-01-01", "--until", "2022-01-01"], "--since: --since 2023-01-01 is after --until 2022-01-01"),
    (dict(issues=["nato"]), r"issues: unknown issue key 'nato' \(known: sanctions-on-russia, talks-progress",
     ["--issue", "nato"], "--issue: unknown issue key 'nato' (known: sanctions-on-russia, talks-progress"),
    (dict(level="country"), r"level: unknown value 'country'", ["--level", "country"],
     "--level: unknown value 'country'"),
    (dict(normalize="dna"), r"normalize: unknown value 'dna'", ["--normalize", "dna"],
     "--normalize: unknown value 'dna'"),
    (dict(duplicates="none"), r"duplicates: unknown value 'none'", ["--duplicates", "none"],
     "--duplicates: unknown value 'none'"),
    (dict(min_weight=-1), r"min_weight: `min_weight` must be 0 or more", ["--min-weight", "-1"],
     "--min-weight: --min-weight must be 0 or more"),
    (dict(claims=False, claims_only=True), r"claims_only: `claims_only` and `claims=False` exclude each other",
     ["--no-claims", "--claims-only"], "--claims-only: --claims-only and --no-claims exclude each other"),
    (dict(kind="affiliation", normalize="cosine"), r"normalize: `normalize` applies to one-mode",
     ["--kind", "affiliation", "--normalize", "cosine"],
     "--normalize: --normalize applies to one-mode networks; the affiliation network carries raw counts "
     "(use --normalize none)"),
]


@pytest.mark.parametrize("kwargs,pattern", [(k, p) for k, p, _, _ in BAD_OPTIONS])
def test_bad_options_name_file_and_field(tmp_path, kwargs, pattern):
    kwargs = {"out": tmp_path / "o.graphml", **kwargs}
    with pytest.raises(StanceGraphError, match=pattern) as err:
        run_network(FIXTURE, None, **kwargs)
    msg = str(err.value)
    assert msg.startswith(str(FIXTURE) + ":") and "\n" not in msg


def test_missing_output_and_missing_graph(tmp_path):
    with pytest.raises(StanceGraphError, match=r"out: give `out` for the network file\(s\), or `summary`"):
        run_network(FIXTURE, None, kind="agreement")
    with pytest.raises(StanceGraphError, match=r"no such graph file"):
        run_network(tmp_path / "nope.ttl", None, out=tmp_path / "o.graphml")
    with pytest.raises(StanceGraphError, match=r"give either a `graph` file or `store_dir`"):
        run_network(None, None, out=tmp_path / "o.graphml")


def _app():
    from stancegraph.cli import app

    return app


def test_cli_writes_and_prints(tmp_path):
    from typer.testing import CliRunner

    out = tmp_path / "net.csv"
    res = CliRunner().invoke(_app(), ["network", str(FIXTURE), "--kind", "agreement", "--format", "csv", "-o",
                                      str(out), "--issue", "ukraine-nato-membership", "--no-claims", "--summary"])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "net_nodes.csv").exists() and (tmp_path / "net_edges.csv").exists()
    assert "agreement network: 6 nodes, 7 edges" in res.stdout
    assert "ukraine-nato-membership: support 4, oppose 2" in res.stdout


def test_cli_window_gexf_and_level(tmp_path):
    from typer.testing import CliRunner

    out = tmp_path / "dyn.gexf"
    res = CliRunner().invoke(_app(), ["network", str(FIXTURE), "--kind", "signed", "-o", str(out), "--window",
                                      "1Y", "--level", "organisation", "--normalize", "average",
                                      "--duplicates", "utterance", "--min-weight", "0.1"])
    assert res.exit_code == 0, res.output
    H = nx.read_gexf(out)
    assert H.graph["mode"] == "dynamic"
    assert {d["label"] for _, d in H.nodes(data=True)} == {KR, UA, MFA, RU, NA}


@pytest.mark.parametrize("args,expected", [(a, e) for _, _, a, e in BAD_OPTIONS])
def test_cli_errors_name_the_flags(tmp_path, args, expected):
    """The library names option fields; the command line names the flags the user typed."""
    from typer.testing import CliRunner

    res = CliRunner().invoke(_app(), ["network", str(FIXTURE), "-o", str(tmp_path / "x.graphml"), *args])
    assert res.exit_code == 1 and "Traceback" not in res.output
    assert res.stderr.startswith(f"error: {FIXTURE}:{expected}"), res.stderr
    assert res.stderr.count("\n") == 1


def test_cli_without_output_names_o_and_summary():
    from typer.testing import CliRunner

    res = CliRunner().invoke(_app(), ["network", str(FIXTURE)])
    assert res.exit_code == 1
    assert res.stderr.strip() == f"error: {FIXTURE}:-o: give -o for the network file(s), or --summary"


def test_cli_error_exit_1(tmp_path):
    from typer.testing import CliRunner

    res = CliRunner().invoke(_app(), ["network", str(FIXTURE), "--window", "fortnight", "-o",
                                      str(tmp_path / "x.graphml")])
    assert res.exit_code == 1
    assert res.stderr.strip() == (f"error: {FIXTURE}:--window: bad window 'fortnight' (use a positive number and "
                                  "D, W, M or Y, e.g. 1M, 2W, 7D, 1Y)")
    assert not (tmp_path / "x.graphml").exists()


def test_networks_read_a_store_session(tmp_path):
    from stancegraph.store.persistent import session

    with session(tmp_path / "st") as st:
        st.load(path=str(FIXTURE), format=ox.RdfFormat.TURTLE,
                to_graph=ox.NamedNode("https://w3id.org/stancegraph/id/graph/article/all"))
        assert weights(network(st, "agreement")) == AGREE
