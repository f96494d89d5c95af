"""How much more training data would help the learned stance detector: a learning curve.

Builds the training rows of the gold directories as ``stancegraph train`` does, fixes the
5 cross-validation folds by article, and for each share of the training folds' articles
(25 / 50 / 75 / 100 %, drawn at random, ``--draws`` times) fits the classifier on that share
only and scores statement F1 on the same held-out folds (the best threshold and C, as
``stancegraph train`` picks them). ``--extra GOLD_DIR`` adds articles that are only ever
trained on (never scored), so that a new training set is measured on the original folds.

Not a test. Run: ``.venv/bin/python benchmarks/stance_learning_curve.py ../shared/train/gold data/gold
[--extra ../shared/train2/gold] [--draws 3]``.
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from stancegraph.training import CS, THRESHOLDS, cv_probas, predicted, statement_scores, training_rows


def best_f1(rows, probas, mode: str = "learned") -> tuple[float, float]:
    """(the best statement F1 over the thresholds, that threshold)."""
    return max((statement_scores(rows, [predicted(a, p, t, mode) for a, p in zip(rows, probas)])["f1"], t)
               for t in THRESHOLDS)


def curve_point(rows, n_issues: int, fraction: float, draws: int, extra=(), seed=None) -> dict:
    """Mean and range over ``draws`` subsamples of the best CV F1 (over C) of learned and hybrid."""
    out = {"learned": [], "hybrid": []}
    for d in range(draws if fraction < 1.0 else 1):
        by_c = [cv_probas(rows, n_issues, c, seed=seed, extra=extra, fraction=fraction, fraction_seed=d) for c in CS]
        for mode in out:
            out[mode].append(max(best_f1(rows, p, mode)[0] for p in by_c))
    return {m: (float(np.mean(v)), min(v), max(v)) for m, v in out.items()}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--extra", action="append", default=[], help="gold dir only trained on, never scored")
    ap.add_argument("--draws", type=int, default=3)
    ap.add_argument("--fractions", default="0.25,0.5,0.75,1.0")
    ap.add_argument("--seeds", type=int, default=0, help="also average over this many random fold assignments")
    args = ap.parse_args()
    t0 = time.process_time()
    _, rows, layer = training_rows(args.gold)
    extra = training_rows(args.extra)[1] if args.extra else []
    n_issues = len(layer.features.issues)
    rules = statement_scores(rows, [predicted(a, None, 1.0, "rules") for a in rows])["f1"]
    print(f"{len(rows)} scored articles ({sum(len(a.y) for a in rows)} rows), {len(extra)} extra; "
          f"rules F1 {rules:.3f}")
    seeds = [None] + list(range(args.seeds))
    for fraction in (float(x) for x in args.fractions.split(",")):
        pts = [curve_point(rows, n_issues, fraction, args.draws, seed=s) for s in seeds]
        line = f"train on {fraction:4.0%} of the training folds:"
        for mode in ("learned", "hybrid"):
            mean = np.mean([p[mode][0] for p in pts])
            lo, hi = min(p[mode][1] for p in pts), max(p[mode][2] for p in pts)
            line += f"  {mode} F1 {mean:.3f} ({lo:.3f}-{hi:.3f})"
        if extra:
            with_extra = [curve_point(rows, n_issues, fraction, args.draws, extra=extra, seed=s) for s in seeds]
            line += f"  | + extra: learned {np.mean([p['learned'][0] for p in with_extra]):.3f}" \
                    f" hybrid {np.mean([p['hybrid'][0] for p in with_extra]):.3f}"
        print(line, flush=True)
    print(f"({time.process_time() - t0:.0f} s CPU)")


if __name__ == "__main__":
    main()
