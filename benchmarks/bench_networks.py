"""Benchmark: agreement network by sparse matrix products vs a naive pairwise loop.

Builds a synthetic graph of issue positions (default 2,000 actors, 20 issues,
50,000 positions over 5,000 dated articles) as Turtle, loads it into an
in-memory pyoxigraph store, reads it back with the networks' SPARQL
(stancegraph.networks.load_positions), builds the count matrix once, then
times the agreement weights two ways:

* sparse: ``A = sum_k C_k C_k^T`` (stancegraph.networks.agreement_matrix),
  plus the upper-triangle edge list (edge_weights);
* naive: a Python loop over all actor pairs, summing min(count_a, count_b)
  over the (issue, stance) pairs both hold -- the obvious implementation.

Both must give the same total weight; the script prints the times and the ratio.
Not a test. Run: ``.venv/bin/python benchmarks/bench_networks.py [--actors N --issues K --positions P]``.
"""

from __future__ import annotations

import argparse
import random
import time
from itertools import combinations

import scipy.sparse as sp

from stancegraph.networks import agreement_matrix, count_matrix, edge_weights, load_positions
from stancegraph.ids import ARTICLE_BASE
from stancegraph.namespaces import turtle_prefixes
from stancegraph.store import load_text

# the project's one prefix table, plus a short prefix for the synthetic article IRIs
PREFIXES = turtle_prefixes() + f"@prefix art: <{ARTICLE_BASE}> .\n"


def synthetic_turtle(actors: int, issues: int, positions: int, articles: int, seed: int = 1) -> str:
    """Turtle for ``positions`` distinct (article, holder, issue, stance) positions."""
    rng = random.Random(seed)
    out = [PREFIXES, "cb:scheme a sg:Codebook ."]
    for i in range(issues):
        out.append(f'cb:issue-{i} a skos:Concept ; skos:inScheme cb:scheme ; skos:notation "issue-{i}" .')
    for a in range(actors):
        out.append(f'act:a{a} a sg:Person ; sg:actorKind "person" ; skos:prefLabel "Actor {a}"@en .')
    for r in range(articles):
        day = f"{2020 + r % 5}-{1 + r % 12:02d}-{1 + r % 28:02d}"
        out.append(f'art:r{r} a sg:Article ; sg:articleId "r{r}" ; schema:datePublished "{day}"^^xsd:date .')
    # each actor leans one way on each issue (so agreement and disagreement both occur)
    lean = [[rng.random() < 0.5 for _ in range(issues)] for _ in range(actors)]
    seen: set[tuple[int, int, int, bool]] = set()
    while len(seen) < positions:
        a, i, r = rng.randrange(actors), rng.randrange(issues), rng.randrange(articles)
        support = lean[a][i] if rng.random() < 0.85 else not lean[a][i]
        key = (r, a, i, support)
        if key in seen:
            continue
        seen.add(key)
        stance = "support" if support else "oppose"
        pos = f"<https://w3id.org/stancegraph/id/article/r{r}/position/a{a}/issue-{i}/{stance}>"
        st = f"<https://w3id.org/stancegraph/id/article/r{r}/statement/{len(seen)}-{len(seen) + 1}>"
        out.append(f"{st} a sg:Statement ; prov:wasAttributedTo act:a{a} ; prov:wasDerivedFrom art:r{r} .")
        out.append(f"{pos} a sg:IssuePosition ; sg:holder act:a{a} ; sg:issue cb:issue-{i} ; "
                   f"sg:stance sg:{stance.capitalize()} ; prov:wasDerivedFrom art:r{r} ; sg:expressedIn {st} .")
    return "\n".join(out) + "\n"


def naive_agreement(rows: list[dict[int, int]]) -> dict[tuple[int, int], int]:
    """Agreement by a Python loop over every pair of actors."""
    out = {}
    for a, b in combinations(range(len(rows)), 2):
        ra, rb = rows[a], rows[b]
        if len(rb) < len(ra):
            ra, rb = rb, ra
        w = 0
        for c, x in ra.items():
            y = rb.get(c)
            if y:
                w += x if x < y else y
        if w:
            out[(a, b)] = w
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--actors", type=int, default=2000)
    ap.add_argument("--issues", type=int, default=20)
    ap.add_argument("--positions", type=int, default=50000)
    ap.add_argument("--articles", type=int, default=5000)
    args = ap.parse_args()

    t0 = time.perf_counter()
    ttl = synthetic_turtle(args.actors, args.issues, args.positions, args.articles)
    store = load_text(ttl, "ttl")
    t1 = time.perf_counter()
    table = load_positions(store)
    t2 = time.perf_counter()
    M = count_matrix(table.positions, table)
    t3 = time.perf_counter()
    print(f"synthetic graph: {args.actors} actors, {args.issues} issues, {len(table.positions)} positions, "
          f"{len(store)} triples (built and loaded in {t1 - t0:.2f} s)")
    print(f"SPARQL fetch (load_positions):        {t2 - t1:8.3f} s")
    print(f"count matrix (built once):            {t3 - t2:8.3f} s  "
          f"shape {M.counts.shape}, nnz {M.counts.nnz}, max count {M.counts.max()}")

    def best(f, repeat=3):
        times, result = [], None
        for _ in range(repeat):
            t = time.perf_counter()
            result = f()
            times.append(time.perf_counter() - t)
        return min(times), result

    sparse_time, A = best(lambda: agreement_matrix(M))
    edges_time, e = best(lambda: edge_weights(M, "agreement"))
    print(f"sparse agreement matrix (L L^T, best of 3):     {sparse_time:8.3f} s  ({A.nnz // 2} actor pairs)")
    print(f"sparse edge list (edge_weights: A, D, weights):  {edges_time:8.3f} s  ({len(e['row'])} edges)")

    C = sp.csr_array(M.counts)
    rows = [dict(zip(C.indices[C.indptr[i]:C.indptr[i + 1]].tolist(), C.data[C.indptr[i]:C.indptr[i + 1]].tolist()))
            for i in range(C.shape[0])]
    t7 = time.perf_counter()
    naive = naive_agreement(rows)
    t8 = time.perf_counter()
    naive_time = t8 - t7
    print(f"naive pairwise Python loop:                      {naive_time:8.3f} s  ({len(naive)} actor pairs)")

    upper = sp.triu(A, k=1).tocoo()
    same = (len(naive) == upper.nnz and int(upper.sum()) == sum(naive.values())
            and all(naive[(int(r), int(c))] == int(v) for r, c, v in zip(upper.row, upper.col, upper.data)))
    print(f"same weights: {same}")
    print(f"ratio naive / sparse: {naive_time / sparse_time:.1f}x  "
          f"(naive / sparse edge list with A and D: {naive_time / edges_time:.1f}x)")
    if not same:
        raise SystemExit("the two methods disagree")


if __name__ == "__main__":
    main()
