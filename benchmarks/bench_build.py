"""Benchmark (issue 9): the build against the parser, cores, memory, re-runs, queries, networks, CLI.

Prints one block per figure of issue 9's table, each with its target. Times
are CPU seconds (``time.process_time`` in this process, ``resource.getrusage``
of the children for subprocesses), because the machine's cores are shared;
the 1-vs-2-workers figure is a wall-clock ratio (that is what more cores buy)
and is noisy when other work runs on the machine.

Corpora are generated (:mod:`synth`): real texts recombined so that no two
articles are the same text. Default sizes fit in a few minutes; ``--big``
runs the table's sizes (1k and 10k articles for memory, 2,000 for re-runs,
1M triples for queries and networks), which takes hours of CPU.

Run: ``.venv/bin/python benchmarks/bench_build.py [--big] [--only NAME ...]``
(names: parser, memory, workers, rerun, queries, networks, cli). Not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synth import WORK, load_store, synthetic_nquads, varied_articles, word_count, write_jsonl  # noqa: E402

PY = sys.executable
EXE = str(Path(sys.executable).parent / "stancegraph")


def child_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_child(args: list[str], timeout: float = 3600) -> dict:
    """Run a command; its CPU seconds (user+sys of it and its children), peak RSS (MiB), wall, rc."""
    before = child_cpu()
    t = time.perf_counter()
    wrapped = [PY, str(Path(__file__)), "--measure", json.dumps(args)]
    try:
        p = subprocess.run(wrapped, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"cpu": child_cpu() - before, "wall": time.perf_counter() - t, "rc": "timeout", "rss": None, "out": ""}
    info = json.loads(p.stdout.strip().splitlines()[-1]) if p.stdout.strip() else {}
    return {"cpu": child_cpu() - before, "wall": time.perf_counter() - t, "rc": p.returncode,
            "rss": info.get("rss"), "out": p.stderr[-2000:]}


def measure(args: list[str]) -> None:
    """--measure: run ``args``, then print the peak RSS of the largest process of it (self+children)."""
    p = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    sys.stderr.write(p.stderr[-2000:])
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"rss": r.ru_maxrss / 1024}))
    sys.exit(p.returncode)


def corpus(n: int, seed: int = 7) -> tuple[Path, int]:
    recs = varied_articles(n, seed)
    path = WORK / f"corpus-{n}-{seed}.jsonl"
    if not path.is_file():
        write_jsonl(recs, path)
    return path, word_count(recs)


def build_cmd(src: Path, out: str, jobs: int, store: str | None = None) -> list[str]:
    cmd = [EXE, "build", str(src), "-o", out, "--jobs", str(jobs)]
    return cmd + (["--store", store] if store else [])


def header(name: str, target: str) -> None:
    print(f"\n== {name}  (target: {target})", flush=True)


# ------------------------------------------------------------------ parts ---

def bench_parser(n: int) -> None:
    """Build words/s vs spaCy's own nlp.pipe words/s on the same texts; stage breakdown."""
    header(f"build vs parser, {n} articles", "build words/s >= 85 % of spaCy's; validation+graph+store <= 15 %")
    from stancegraph.extract.nlp import load_nlp
    from stancegraph.ingest import iter_articles
    from stancegraph.knowledge import load_resources
    from stancegraph.pipeline import build
    from stancegraph.worker import BuildConfig, worker_for

    path, words = corpus(n)
    articles = [a for a in iter_articles([path])]
    texts = [a.text[a.body_start:] for a in articles]
    res = load_resources()
    from stancegraph import worker as worker_module
    from stancegraph.extract.stance import detector_spec

    worker_module.FREEZE_LOADED = True  # as the stancegraph build command loads: what it loads is frozen

    # the worker the build itself will use (same config), its model loaded before timing
    w = worker_for(BuildConfig.from_resources(res, None, True, 32, *detector_spec(res, None, None)), res)
    warm, _ = corpus(16, seed=99)  # other texts: the first-use costs (lazy regexes, caches) before timing
    with tempfile.TemporaryDirectory() as d:
        build([warm], Path(d) / "w.nq", resources=res, jobs=1)
    # spaCy's side in a pipeline of its own (the same components, load_nlp uncached): a pass over the
    # texts fills the vocabulary and the tokenizer's and lemmatizer's caches (about 10 % of a first
    # pass), so the build, which parses these texts for the first time, must not run after a spaCy
    # pass in the same pipeline
    nlp = load_nlp.__wrapped__()
    # warm: the build's warm-up texts (a worker keeps the words of its first batches, see
    # stancegraph.worker.keeps_vocabulary: spaCy's side gets them too) and four of its own
    list(nlp.pipe([a.text[a.body_start:] for a in iter_articles([warm])] + texts[:4]))
    t = time.process_time()
    list(nlp.pipe(texts, batch_size=32))
    t_parse = time.process_time() - t
    # what a build does to stay flat in memory once its vocabulary is full: each batch in a spaCy
    # memory zone (its strings freed); after the pass above, so with warm caches
    t = time.process_time()
    for k in range(0, len(texts), 32):
        with nlp.memory_zone():
            list(nlp.pipe(texts[k:k + 32], batch_size=32))
    t_zoned = time.process_time() - t
    with tempfile.TemporaryDirectory() as d:
        t = time.process_time()
        r = build([path], Path(d) / "g.nq", resources=res, jobs=1)
        t_build = time.process_time() - t
    # the stage breakdown parses with the worker's own pipeline (a Doc stays with its vocabulary), untimed
    docs = list(w.extractor.nlp.pipe(texts, batch_size=32))
    # stage breakdown on the same texts, in the same worker
    from stancegraph.graph import article_iri, article_triples

    t = time.process_time()
    exs = [w.extractor.extract(a, doc=doc) for a, doc in zip(articles, docs)]
    t_extract = time.process_time() - t
    t = time.process_time()
    graphs = [article_triples(ex, w.issues, w.sovereigns, w.run, w.terms) for ex in exs]
    t_graph = time.process_time() - t

    import pyoxigraph as ox

    t = time.process_time()
    datas = [ox.serialize(g, format=ox.RdfFormat.N_TRIPLES) for g in graphs]
    t_write = time.process_time() - t
    # as a build validates: each batch's store loaded from the N-Triples its writer gets
    t = time.process_time()
    for k in range(0, len(graphs), 32):
        w._validate([(str(article_iri(a.id)), g) for a, g in zip(articles[k:k + 32], graphs[k:k + 32])],
                    datas[k:k + 32])
    t_validate = time.process_time() - t
    print(f"articles {r.articles}, words {words}, triples {r.triples}")
    print(f"spaCy nlp.pipe (first pass over the texts, as the build's): {t_parse:.2f} CPU s "
          f"= {words / t_parse:.0f} words/s")
    print(f"build (jobs 1, model preloaded): {t_build:.2f} CPU s = {words / t_build:.0f} words/s")
    print(f"spaCy nlp.pipe, each batch of 32 in a memory zone (as a long build parses; second pass, warm): "
          f"{t_zoned:.2f} CPU s "
          f"= {words / t_zoned:.0f} words/s")
    print(f"RATIO build/spaCy words/s: {t_parse / t_build:.1%} (build/zoned spaCy: {t_zoned / t_build:.1%})")
    total = t_parse + t_extract + t_graph + t_validate + t_write
    for name, v in (("parse", t_parse), ("extract", t_extract), ("graph", t_graph),
                    ("validate", t_validate), ("serialize", t_write)):
        print(f"  stage {name:16s} {v:7.2f} s  {v / total:6.1%}")
    print(f"RATIO validation+graph+serialize share: {(t_graph + t_validate + t_write) / total:.1%}")


def bench_memory(sizes: list[int]) -> None:
    sizes = sorted(sizes)
    header(f"peak memory, {' / '.join(map(str, sizes))} articles",
           "peak at 10k articles <= 1.5 x peak at 1k (flat in corpus size)")
    peaks = []
    for n in sizes:
        path, _ = corpus(n, seed=11)
        with tempfile.TemporaryDirectory() as d:
            r = run_child(build_cmd(path, f"{d}/g.nq", 1))
        peaks.append(r["rss"])
        print(f"{n} articles: peak RSS {r['rss']:.0f} MiB, {r['cpu']:.1f} CPU s, rc {r['rc']}", flush=True)
    for n, peak in zip(sizes[1:], peaks[1:]):
        print(f"RATIO peak {n}/{sizes[0]}: {peak / peaks[0]:.2f}")


def measure_build(args: list) -> None:
    """--measure-build: one build in this process; prints the CPU of this (the writing) process
    and of its worker processes apart, the wall time and the peak RSS."""
    from stancegraph.pipeline import build

    src, out, jobs = args
    t = time.perf_counter()
    r = build([src], out, jobs=int(jobs))
    wall = time.perf_counter() - t
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"main": me.ru_utime + me.ru_stime, "workers": kids.ru_utime + kids.ru_stime, "wall": wall,
                      "jobs": r.jobs, "articles": r.articles, "rss": me.ru_maxrss / 1024}))


def bench_workers(n: int) -> None:
    header(f"1 vs 2 workers, {n} articles", "2 workers >= 1.7 x one (wall clock, 2 cores)")
    path, _ = corpus(n, seed=13)
    res = {}
    for jobs in (1, 2):
        with tempfile.TemporaryDirectory() as d:
            p = subprocess.run([PY, str(Path(__file__)), "--measure-build", json.dumps([str(path), f"{d}/g.nq", jobs])],
                               capture_output=True, text=True)
        if p.returncode != 0:
            print(f"jobs {jobs}: failed (rc {p.returncode}): {p.stderr[-500:]}")
            return
        r = res[jobs] = json.loads(p.stdout.strip().splitlines()[-1])
        print(f"jobs {jobs}: {r['wall']:.1f} s wall; CPU s: {r['main']:.1f} in the main (writing) process, "
              f"{r['workers']:.1f} in {r['jobs'] if r['jobs'] > 1 else 0} worker processes; "
              f"{r['articles']} articles", flush=True)
    one, two = res[1], res[2]
    total1, total2 = one["main"] + one["workers"], two["main"] + two["workers"]
    # on two free cores the 2-job build takes as long as its busier side: the main process or one worker
    bound = total1 / max(two["main"], two["workers"] / 2)
    print(f"RATIO speed-up 2 workers / 1 (wall): {one['wall'] / two['wall']:.2f}; "
          f"load average now {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"RATIO speed-up 2 workers / 1 from CPU (what 2 free cores give: CPU of jobs 1 / the busier side of "
          f"jobs 2): {bound:.2f}; CPU of jobs 2 / jobs 1: {total2 / total1:.2f}; "
          f"main process share at jobs 2: {two['main'] / total2:.1%}")


def bench_rerun(n: int) -> None:
    header(f"unchanged re-run with --store, {n} articles", "<= 5 % of a full build")
    path, _ = corpus(n, seed=17)
    with tempfile.TemporaryDirectory() as d:
        full = run_child(build_cmd(path, f"{d}/g.nq", 1, f"{d}/st"))
        again = run_child(build_cmd(path, f"{d}/g2.nq", 1, f"{d}/st"))
    print(f"full build: {full['cpu']:.1f} CPU s; unchanged re-run: {again['cpu']:.2f} CPU s")
    print(f"RATIO re-run/full: {again['cpu'] / full['cpu']:.1%}")


def bench_queries(sizes: list[int]) -> None:
    header("queries agreement-pairs / stance-changes", "< 2 s on 1M triples")
    from stancegraph.store.library import run_named_query

    old = HERE / "baseline_queries"
    for n in sizes:
        st = load_store(synthetic_nquads(n))
        for name in ("agreement-pairs", "stance-changes"):
            t = time.process_time()
            rows = run_named_query(st, name, {})
            new_t = time.process_time() - t
            line = f"{len(st)} triples, {name}: {len(rows)} rows in {new_t:.2f} CPU s"
            if n <= 200_000:
                t = time.process_time()
                rows_old = run_named_query(st, name, {}, directory=old)
                old_t = time.process_time() - t
                line += f"; before this issue {old_t:.2f} s (RATIO {old_t / max(new_t, 1e-9):.0f}x), " \
                        f"same rows: {_same(rows, rows_old)}"
            print(line, flush=True)


def _same(a: list[dict], b: list[dict]) -> bool:
    def key(r):
        return json.dumps({**r, "issues": sorted(str(r.get("issues", "")).split())}, sort_keys=True)

    return sorted(map(key, a)) == sorted(map(key, b))


def bench_networks(sizes: list[int]) -> None:
    header("network --kind agreement", "< 10 s and < 2 GB at 1M triples (5,000 actors)")
    for n in sizes:
        nq = synthetic_nquads(n)
        with tempfile.TemporaryDirectory() as d:
            r = run_child([EXE, "network", str(nq), "--kind", "agreement", "-o", f"{d}/n.graphml"], timeout=600)
        rss = f"{r['rss']:.0f} MiB" if r["rss"] else "?"
        print(f"{n} triples: {r['cpu']:.1f} CPU s, peak {rss}, rc {r['rc']}", flush=True)


def cpu_of(args: list[str], env: dict | None = None) -> tuple[float, int, str]:
    """CPU seconds (user + system) of one run of ``args`` -- that process and the ones it waited
    for, nothing of this benchmark's own -- its exit status and the end of its stderr."""
    with tempfile.TemporaryFile() as errf:
        p = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=errf, env=env)
        _, status, ru = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        errf.seek(0)
        tail = errf.read()[-2000:].decode("utf-8", "replace")
    return ru.ru_utime + ru.ru_stime, p.returncode, tail


def runs_line(name: str, cpus: list[float], target: float) -> str:
    import statistics

    med = statistics.median(cpus)
    return (f"{name}: min {min(cpus):.3f} median {med:.3f} CPU s over {len(cpus)} runs "
            f"({' '.join(f'{c:.2f}' for c in cpus)}); target {target}: median = {med / target:.0%} of it")


def bench_cli(runs: int = 5) -> None:
    """``stancegraph --help`` and a one-sentence build: CPU seconds of the command's own process
    (os.wait4), several runs, min and median. The build's first run fills the cache of the static
    graphs' check ($STANCEGRAPH_CACHE, a fresh folder here): it is shown on its own."""
    header("CLI", "stancegraph --help <= 0.25 CPU s; one-sentence build <= 1.5 CPU s")
    helps = []
    for _ in range(runs):
        cpu, rc, tail = cpu_of([EXE, "--help"])
        if rc != 0:
            print(f"stancegraph --help failed (rc {rc}): {tail}")
            return
        helps.append(cpu)
    print(runs_line("stancegraph --help", helps, 0.25))
    with tempfile.TemporaryDirectory() as d:
        (Path(d) / "one.txt").write_text("Ann Example said the talks had failed.\n", encoding="utf-8")
        env = {**os.environ, "STANCEGRAPH_CACHE": f"{d}/cache"}
        cmd = [EXE, "build", f"{d}/one.txt", "-o", f"{d}/g.ttl"]
        first, rc, tail = cpu_of(cmd, env)
        if rc != 0:
            print(f"one-sentence build failed (rc {rc}): {tail}")
            return
        builds = [cpu_of(cmd, env)[0] for _ in range(runs)]
    print(f"one-sentence build, first run (static graphs checked, cache filled): {first:.3f} CPU s")
    print(runs_line("one-sentence build", builds, 1.5))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--big", action="store_true", help="the issue's sizes (hours of CPU)")
    ap.add_argument("--only", nargs="*", default=None)
    ap.add_argument("--memory-sizes", nargs="*", type=int, default=None,
                    help="corpus sizes for the memory figure (default 25 250; --big: 1000 10000)")
    ap.add_argument("--rerun-size", type=int, default=None, help="articles for the re-run figure")
    ap.add_argument("--workers-size", type=int, default=None, help="articles for the workers figure")
    ap.add_argument("--parser-size", type=int, default=None, help="articles for the parser figure")
    ap.add_argument("--cli-runs", type=int, default=5, help="runs of each command for the cli figures")
    ap.add_argument("--measure", help=argparse.SUPPRESS)
    ap.add_argument("--measure-build", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.measure:
        measure(json.loads(a.measure))
        return
    if a.measure_build:
        measure_build(json.loads(a.measure_build))
        return
    WORK.mkdir(parents=True, exist_ok=True)
    parts = {
        "parser": lambda: bench_parser(a.parser_size or (500 if a.big else 40)),
        "memory": lambda: bench_memory(a.memory_sizes or ([1000, 10000] if a.big else [25, 250])),
        "workers": lambda: bench_workers(a.workers_size or (400 if a.big else 64)),
        "rerun": lambda: bench_rerun(a.rerun_size or (2000 if a.big else 60)),
        "queries": lambda: bench_queries([100_000, 1_000_000] if a.big else [100_000]),
        "networks": lambda: bench_networks([100_000, 1_000_000] if a.big else [100_000]),
        "cli": lambda: bench_cli(a.cli_runs),
    }
    for name, fn in parts.items():
        if a.only is None or name in a.only:
            fn()


if __name__ == "__main__":
    main()
