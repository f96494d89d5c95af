"""Benchmark: what the learned stance layer adds to extraction time.

Extracts the same articles (default: the bundled seeds, parsed once by spaCy and
reused, then extracted with each detector) and prints the CPU time
(``time.process_time``) of the whole extract stage per detector and the ratio to
the rules alone, then the CPU time of full builds (``pipeline.build``: parse,
extract, graph, SHACL validation; no file written; one process, so that its CPU
time is counted) per detector and their ratio.
The budget is a build-time ratio of at most 1.15. Not a test. Run:
``.venv/bin/python benchmarks/bench_stances.py [PATH ...] [--repeat N] [--model M.npz]``
(``--model``: the learned detectors' model file, default the shipped one).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from stancegraph.extract import Extractor
from stancegraph.ingest import load_articles
from stancegraph.knowledge import load_resources
from stancegraph.pipeline import build

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*", default=[str(ROOT / "data" / "articles")])
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--model", default=None, help="the learned detectors' model file (default: the shipped one)")
    args = ap.parse_args()
    options = {"model": args.model} if args.model else {}
    res = load_resources()
    articles, _ = load_articles(args.paths)
    detectors = {}
    for name in ("rules", "learned", "hybrid"):
        t = time.process_time()
        detectors[name] = Extractor(res, stances=name, stance_options=options if name != "rules" else None)
        print(f"{name:8} set-up {time.process_time() - t:6.2f} s CPU", flush=True)
    nlp = detectors["rules"].nlp
    times = {name: 0.0 for name in detectors}
    parse = 0.0
    for _ in range(args.repeat):
        t = time.process_time()
        docs = [nlp(a.text[a.body_start:]) for a in articles]
        parse += time.process_time() - t
        for name, ex in detectors.items():
            t = time.process_time()
            for a, d in zip(articles, docs):
                ex.extract(a, d)
            times[name] += time.process_time() - t
    builds = {}
    for name in detectors:
        t = time.process_time()
        for _ in range(args.repeat):
            build(args.paths, None, resources=res, stances=name, jobs=1,  # in this process: its CPU counts
                  stances_model=args.model if name != "rules" else None)
        builds[name] = time.process_time() - t
    n = len(articles) * args.repeat
    print(f"{len(articles)} articles x {args.repeat}: spaCy parse {parse:.2f} s CPU ({parse / n * 1000:.0f} ms/article)")
    base = parse + times["rules"]
    for name, t in times.items():
        total = parse + t
        print(f"{name:8} extract after parse {t:6.2f} s; parse + extract {total:6.2f} s; "
              f"ratio to rules {total / base:.3f}")
    for name, t in builds.items():
        print(f"{name:8} full build (parse, extract, graph, SHACL validation) {t:6.2f} s CPU; "
              f"build-time ratio to rules {t / builds['rules']:.3f}")


if __name__ == "__main__":
    main()
