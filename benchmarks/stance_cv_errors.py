"""What the learned stance detector gets wrong, cross-validated by article on training gold.

Builds the training rows of the gold directories as ``stancegraph train`` does, predicts
every article from a model fitted on the other folds, and sorts the statements:

- false positives: ``wrong stance`` (the gold gives the speaker the other stance on the
  issue), ``duplicate`` (another predicted name of the same gold speaker already took the
  gold statement), ``wrong issue`` (the speaker holds other issues in the gold),
  ``another speaker's issue`` (the issue is in the article's gold, held by others),
  ``uncoded speaker`` (neither the speaker nor the issue is in the article's gold);
- false negatives: ``no candidate`` (no utterance of the speaker covers the evidence),
  ``below threshold`` (a candidate, scored too low), ``wrong stance``.

Not a test. Run: ``.venv/bin/python benchmarks/stance_cv_errors.py ../shared/train/gold data/gold
[--C 0.003] [--threshold T] [--show KIND]``.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter

import numpy as np

from stancegraph.extract.stance.features import PRIOR_WIDTH
from stancegraph.training import CS, THRESHOLDS, cv_probas, predicted, statement_scores, training_rows

#: groups of feature columns --drop can zero: name -> columns of a Featurizer
GROUPS = {
    "prior": lambda f: range(f.width - PRIOR_WIDTH, f.width),
    "salience": lambda f: range(12, 15),
}

FP_KINDS = ("wrong stance", "duplicate", "wrong issue", "another speaker's issue", "uncoded speaker")
FN_KINDS = ("no candidate", "below threshold", "wrong stance")


def sort_errors(a, pred: set) -> tuple[list, list, list]:
    """(true positives, false positives with kind, false negatives with kind) of one article."""
    same = a.names.same
    gold = sorted(a.gold)
    used: dict[int, tuple] = {}
    tp, fp, fn = [], [], []
    for s, i, l in sorted(pred):
        n = next((n for n, (gs, gi, gl) in enumerate(gold) if n not in used and gi == i and gl == l and same(s, gs)), None)
        if n is not None:
            used[n] = (s, i, l)
            tp.append((s, i, l))
            continue
        if any(gi == i and gl == l and same(s, gs) for gs, gi, gl in a.optional):
            continue
        if any(gi == i and gl != l and same(s, gs) for gs, gi, gl in gold):
            kind = "wrong stance"
        elif any(gi == i and gl == l and same(s, gs) for gs, gi, gl in gold):
            kind = "duplicate"
        elif any(same(s, gs) for gs, _, _ in a.gold | a.optional):
            kind = "wrong issue"
        elif any(gi == i for _, gi, _ in a.gold | a.optional):
            kind = "another speaker's issue"
        else:
            kind = "uncoded speaker"
        fp.append(((s, i, l), kind))
    for n, (gs, gi, gl) in enumerate(gold):
        if n in used:
            continue
        rows = [r for r in range(len(a.y)) if a.issues[r] == gi and same(a.speakers[r], gs)]
        if not any(a.y[r] == gl for r in rows):
            kind = "no candidate"
        elif any(same(s, gs) and i == gi for s, i, _ in pred):
            kind = "wrong stance"
        else:
            kind = "below threshold"
        fn.append(((gs, gi, gl), kind))
    return tp, fp, fn


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--C", type=float, default=CS[0])
    ap.add_argument("--threshold", type=float, default=None, help="default: the best by CV")
    ap.add_argument("--mode", default="learned", choices=("learned", "hybrid", "rules"))
    ap.add_argument("--show", action="append", default=[])
    ap.add_argument("--repeats", type=int, default=0,
                    help="also print learned F1 over this many random fold assignments (mean and spread)")
    ap.add_argument("--drop", action="append", default=[], choices=sorted(GROUPS),
                    help="set a group of feature columns to zero (repeatable)")
    args = ap.parse_args()
    t0 = time.process_time()
    items, rows, layer = training_rows(args.gold)
    n_issues = len(layer.features.issues)
    drop = [c for g in args.drop for c in GROUPS[g](layer.features)]
    probas = cv_probas(rows, n_issues, args.C, drop=drop)
    t = args.threshold
    if t is None:
        t = max(THRESHOLDS, key=lambda t: statement_scores(rows, [predicted(a, p, t, args.mode)
                                                                  for a, p in zip(rows, probas)])["f1"])
    preds = [predicted(a, p, t, args.mode) for a, p in zip(rows, probas)]
    sc = statement_scores(rows, preds)
    print(f"{args.mode} CV (C {args.C}, threshold {t}): P {sc['precision']:.3f} R {sc['recall']:.3f} "
          f"F1 {sc['f1']:.3f} (tp {sc['tp']}, fp {sc['fp']}, fn {sc['fn']})")
    fps, fns = Counter(), Counter()
    shown = []
    for a, pred in zip(rows, preds):
        _, fp, fn = sort_errors(a, pred)
        for st, kind in fp:
            fps[kind] += 1
            if kind in args.show:
                shown.append((a.article, "fp", kind, st))
        for st, kind in fn:
            fns[kind] += 1
            if kind in args.show:
                shown.append((a.article, "fn", kind, st))
    print("false positives: " + ", ".join(f"{k} {fps[k]}" for k in FP_KINDS))
    print("false negatives: " + ", ".join(f"{k} {fns[k]}" for k in FN_KINDS))
    if args.repeats:
        f1s = []
        for seed in range(args.repeats):
            pr = cv_probas(rows, n_issues, args.C, seed=seed, drop=drop)
            f1s.append(max(statement_scores(rows, [predicted(a, p, t, args.mode) for a, p in zip(rows, pr)])["f1"]
                           for t in THRESHOLDS))
        print(f"{args.mode} CV over {args.repeats} random fold assignments: F1 mean {np.mean(f1s):.3f} "
              f"(min {min(f1s):.3f}, max {max(f1s):.3f})")
    print(f"({time.process_time() - t0:.0f} s CPU)")
    for aid, side, kind, (s, i, l) in shown:
        print(f"{aid} {side} [{kind}] {s} | {i} {'support' if l == 1 else 'oppose'}")


if __name__ == "__main__":
    main()
