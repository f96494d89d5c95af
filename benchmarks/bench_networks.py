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

``--scale`` (issue 9 part 6) times ``stancegraph network STORE --kind agreement -o
net.graphml`` on the synthetic N-Quads stores of :mod:`synth` (100k triples; ``--big``
adds 1M, 5,000 actors), each run in a child process (CPU seconds of the command and peak
RSS from ``resource.getrusage``), against the old way in a child process too: the
networkx path as it was before (every edge with its statements, made by a per-edge Python
loop, into networkx, networkx's Louvain, the ElementTree GraphML writer: :func:`old_network_file`).
At 100k triples the two files must be the same bytes. The old
way did not finish within 200 s at 1M (killed at 15.5 GB), so it runs there only with
``--old-big`` (and a 200 s limit).

Not a test. Run: ``.venv/bin/python benchmarks/bench_networks.py [--actors N --issues K --positions P]``
or ``... --scale [--big] [--old-big]``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from itertools import combinations
from pathlib import Path

import scipy.sparse as sp

from stancegraph.networks import agreement_matrix, count_matrix, edge_table, edge_weights, load_positions
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


def old_network_file(nq: str, out: str) -> None:
    """The old ``network --kind agreement -o out.graphml``: networkx graph, networkx Louvain, ElementTree."""
    import networkx as nx

    from stancegraph.fileio import write_bytes_atomic
    from stancegraph.networks.build import LOUVAIN_SEED, _meta, _ordered
    from stancegraph.networks.formats.graphml import graphml_bytes
    from stancegraph.store import open_source

    table = load_positions(open_source(Path(nq), None))
    table.source = nq
    M = count_matrix(table.positions, table)
    # every edge with its statements into networkx (the statements by the per-edge loop the old
    # path ran; the issues now come from the sparse products, a small part of the old cost)
    G = edge_table(M, "agreement", edge_statements=True).to_networkx()
    labels = {n: str(d.get("label", n)) for n, d in G.nodes(data=True)}
    parts = _ordered(nx.community.louvain_communities(G, weight="weight", seed=LOUVAIN_SEED), labels)
    membership = {n: i for i, part in enumerate(parts) for n in part}
    for n, d in G.nodes(data=True):
        d["community"] = membership.get(n, -1)
    G.graph.update({"kind": "agreement", "normalize": "none", "min_weight": 0.0})
    G.graph.update({k: v for k, v in _meta(None, None, None, "person", "article", True, False).items()
                    if v is not None})
    write_bytes_atomic(out, graphml_bytes(G))


def _run_measured(cmd: list[str], timeout: float) -> dict:
    """Run ``cmd`` in a child (through ``--measure``): its CPU seconds, peak RSS (MiB), return code."""
    wrapped = [sys.executable, __file__, "--measure", json.dumps(cmd)]
    try:
        p = subprocess.run(wrapped, capture_output=True, text=True, timeout=timeout + 30)
    except subprocess.TimeoutExpired:
        return {"cpu": None, "rss": None, "rc": "timeout", "err": ""}
    info = json.loads(p.stdout.strip().splitlines()[-1]) if p.stdout.strip() else {}
    return {"cpu": info.get("cpu"), "rss": info.get("rss"), "rc": info.get("rc", p.returncode),
            "err": p.stderr[-600:]}


def _measure(cmd: list[str], timeout: float = 1800) -> None:
    """--measure: run ``cmd``; print its CPU seconds and the peak RSS of its process (JSON)."""
    try:
        p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, timeout=timeout)
        rc = p.returncode
        sys.stderr.write(p.stderr[-600:])
    except subprocess.TimeoutExpired:
        rc = "timeout"
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"cpu": r.ru_utime + r.ru_stime, "rss": r.ru_maxrss / 1024, "rc": rc}))


def scale(big: bool, old_big: bool) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_queries import store_file

    exe = str(Path(sys.executable).parent / "stancegraph")
    print("== network --kind agreement -o net.graphml  (target at 1M triples: < 10 CPU s and < 2 GB)")
    for n in ([100_000, 1_000_000] if big else [100_000]):
        nq = str(store_file(n))
        with tempfile.TemporaryDirectory() as d:
            new = _run_measured([exe, "network", nq, "--kind", "agreement", "-o", f"{d}/new.graphml"], 1800)
            line = (f"{n:>9,} triples  new: {new['cpu']:6.2f} CPU s, peak {new['rss']:6.0f} MiB, rc {new['rc']}"
                    f", {Path(d, 'new.graphml').stat().st_size / 2**20:.0f} MiB file")
            top = _run_measured([exe, "network", nq, "--kind", "agreement", "--top-k", "20",
                                 "-o", f"{d}/top.graphml"], 1800)
            line += f"; with --top-k 20: {top['cpu']:.2f} CPU s, peak {top['rss']:.0f} MiB"
            print(line, flush=True)
            if n <= 200_000 or old_big:
                limit = 200.0
                old = _run_measured([sys.executable, __file__, "--old", nq, f"{d}/old.graphml"], limit)
                if old["rc"] == 0:
                    same = Path(d, "old.graphml").read_bytes() == Path(d, "new.graphml").read_bytes()
                    print(f"{'':>9}          old: {old['cpu']:6.2f} CPU s, peak {old['rss']:6.0f} MiB; "
                          f"RATIO old/new CPU {old['cpu'] / new['cpu']:.1f}x, peak {old['rss'] / new['rss']:.1f}x; "
                          f"same file: {same}", flush=True)
                else:
                    print(f"{'':>9}          old: did not finish ({old['rc']}, limit {limit:.0f} s)", flush=True)
            if n >= 1_000_000:
                ok = new["rc"] == 0 and new["cpu"] < 10 and new["rss"] < 2048
                print(f"TARGET < 10 CPU s and < 2 GB at 1M triples: {'met' if ok else 'NOT met'}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--actors", type=int, default=2000)
    ap.add_argument("--issues", type=int, default=20)
    ap.add_argument("--positions", type=int, default=50000)
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--scale", action="store_true", help="the network command on 100k-triple stores, old vs new")
    ap.add_argument("--big", action="store_true", help="with --scale: also 1M triples")
    ap.add_argument("--old-big", action="store_true", help="with --scale --big: run the old way at 1M too")
    ap.add_argument("--measure", help=argparse.SUPPRESS)
    ap.add_argument("--old", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.measure:
        _measure(json.loads(args.measure))
        return
    if args.old:
        old_network_file(*args.old)
        return
    if args.scale:
        scale(args.big, args.old_big)
        return

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
