"""How many gold statements the learned stance detector can reach: its candidate ceiling.

The classifier decides over the rule layer's utterances, so a gold statement whose
evidence no utterance of its speaker covers cannot be found, however good the model.
For each gold statement of the given gold directories (``gold/ID.json`` with
``articles/ID.txt`` beside), this prints why it has or lacks a candidate
(:data:`stancegraph.training.COVERAGE_KINDS`), counts and shares, and with
``--show KIND`` the statements of that kind. Not a test. Run:
``.venv/bin/python benchmarks/stance_candidates.py ../shared/train/gold data/gold [--optional] [--show KIND]``.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter

from stancegraph.extract import Extractor
from stancegraph.ingest import read_txt
from stancegraph.knowledge import load_resources
from stancegraph.training import COVERAGE_KINDS, candidate_coverage, gold_articles


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--optional", action="store_true", help="count optional gold statements too")
    ap.add_argument("--show", action="append", default=[], help="print the statements of this kind")
    args = ap.parse_args()
    t0 = time.process_time()
    res = load_resources()
    ex = Extractor(res, stances="rules")
    counts: Counter = Counter()
    shown = []
    for f, doc, art in gold_articles(args.gold):
        for s, kind in candidate_coverage(ex, read_txt(art), doc, optional=args.optional):
            counts[kind] += 1
            if kind in args.show:
                shown.append((doc["article"], kind, s))
    total = sum(counts.values())
    print(f"{total} gold statements{' (with optional ones)' if args.optional else ''}:")
    for kind in COVERAGE_KINDS:
        print(f"  {kind:26} {counts[kind]:4d}  {counts[kind] / max(total, 1):6.1%}")
    print(f"candidate ceiling (recall at best): {counts['covered'] / max(total, 1):.3f}  "
          f"({time.process_time() - t0:.0f} s CPU)")
    for aid, kind, s in shown:
        print(f"{aid} [{kind}] {s['speaker']} | {s['issue']} {s['stance']}{' (optional)' if s.get('optional') else ''}"
              f"\n    {s.get('evidence', '')}")


if __name__ == "__main__":
    main()
