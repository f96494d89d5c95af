"""Benchmark (issue 9 part 6): the library queries agreement-pairs and stance-changes at 100k and 1M triples.

For each store size (synthetic N-Quads from :mod:`synth`: real seed article graphs copied with new
ids, dates, issues, stances and 5,000 actors), each measurement runs in its own child process, so
its CPU seconds (``time.process_time``) and peak memory (``ru_maxrss``) are its own:

* ``agreement-pairs`` as stancegraph answers it (computed: one sparse product per issue,
  :mod:`stancegraph.store.computed`), with every pair and with ``min_agreements=3``;
* the same query as SPARQL (its own text, the old way; by default at 100k triples only, as it
  takes a minute at 1M: ``--sparql-big`` runs it there too), and whether both give the same rows;
* ``stance-changes`` (SPARQL).

The store load is not timed. Prints the figures, the ratios, and the target (< 2 s at 1M triples).
Run: ``.venv/bin/python benchmarks/bench_queries.py [--big] [--sparql-big]``. Not a test.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synth import WORK, load_store, synthetic_nquads  # noqa: E402

TARGET = 2.0


def store_file(triples: int) -> Path:
    """The synthetic store of about ``triples`` triples (made once, atomically, then cached)."""
    path = WORK / f"synthetic-{triples}-5000.nq"
    if not path.is_file():
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        synthetic_nquads(triples, path=tmp)
        os.replace(tmp, path)
    return path


def child(what: str, triples: int) -> None:
    """Measure one query in this process; print one JSON line."""
    from stancegraph.store.library import load_query, run_named_query

    st = load_store(store_file(triples))
    name, _, mode = what.partition(":")
    params = {"min_agreements": 3} if mode == "min3" else {}
    nq = load_query(name)
    if mode == "sparql":
        nq = dataclasses.replace(nq, computed="")
    t = time.process_time()
    rows = run_named_query(st, nq, params)
    cpu = time.process_time() - t
    digest = None
    if name == "agreement-pairs":  # rows as a set, issues sorted (GROUP_CONCAT has no order)
        import hashlib

        canon = sorted(json.dumps({**r, "issues": sorted(r["issues"].split(" "))}, sort_keys=True) for r in rows)
        digest = hashlib.sha256("\n".join(canon).encode()).hexdigest()
    print(json.dumps({"cpu": cpu, "rows": len(rows), "triples": len(st), "digest": digest,
                      "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def measure(what: str, triples: int, timeout: float = 1800) -> dict:
    p = subprocess.run([sys.executable, __file__, "--child", what, str(triples)], capture_output=True, text=True,
                       timeout=timeout)
    if p.returncode != 0:
        raise SystemExit(f"{what} at {triples} failed: {p.stderr[-1500:]}")
    return json.loads(p.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--big", action="store_true", help="also 1M triples")
    ap.add_argument("--sparql-big", action="store_true", help="run the SPARQL agreement-pairs at 1M too (~1 min)")
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        child(a.child[0], int(a.child[1]))
        return
    WORK.mkdir(parents=True, exist_ok=True)
    sizes = [100_000, 1_000_000] if a.big else [100_000]
    for n in sizes:
        store_file(n)
        new = measure("agreement-pairs", n)
        print(f"\n== {new['triples']:,} triples", flush=True)
        print(f"agreement-pairs (computed):           {new['cpu']:7.2f} CPU s  {new['rows']:>9,} rows  "
              f"peak {new['rss']:6.0f} MiB", flush=True)
        m3 = measure("agreement-pairs:min3", n)
        print(f"agreement-pairs min_agreements=3:     {m3['cpu']:7.2f} CPU s  {m3['rows']:>9,} rows  "
              f"peak {m3['rss']:6.0f} MiB", flush=True)
        if n <= 200_000 or a.sparql_big:
            old = measure("agreement-pairs:sparql", n)
            print(f"agreement-pairs as SPARQL (old way):  {old['cpu']:7.2f} CPU s  {old['rows']:>9,} rows  "
                  f"peak {old['rss']:6.0f} MiB", flush=True)
            print(f"RATIO SPARQL / computed: {old['cpu'] / max(new['cpu'], 1e-9):.0f}x; "
                  f"same rows: {old['digest'] == new['digest'] and old['rows'] == new['rows']}")
        sc = measure("stance-changes", n)
        print(f"stance-changes (SPARQL):              {sc['cpu']:7.2f} CPU s  {sc['rows']:>9,} rows  "
              f"peak {sc['rss']:6.0f} MiB", flush=True)
        if n >= 1_000_000:
            for label, r in (("agreement-pairs", new), ("stance-changes", sc)):
                print(f"TARGET {label} < {TARGET:.0f} s at 1M triples: "
                      f"{'met' if r['cpu'] < TARGET else 'NOT met'} ({r['cpu']:.2f} s)")


if __name__ == "__main__":
    main()
