"""Scoring predicted annotations against gold, as docs/annotations.md defines it.

>>> norm("Zoë’s")
'zoes'
>>> overlap_ok("a goodwill gesture", "goodwill gesture,")
True
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .errors import StanceGraphError
from .ids import unaccented


def norm(name: str | None) -> str:
    text = unaccented(name or "").casefold()
    return re.sub(r"[^\w\s]", "", text).replace("_", "").strip()


def words(text: str) -> list[str]:
    return re.findall(r"\w+", norm(text))


def overlap_ok(a: str, b: str) -> bool:
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return False
    common = sum((Counter(wa) & Counter(wb)).values())
    return common >= 0.5 * min(len(wa), len(wb))


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "PRF") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict:
        return {"precision": round(self.precision, 3), "recall": round(self.recall, 3), "f1": round(self.f1, 3),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Scores:
    actors: PRF = field(default_factory=PRF)
    quotes: PRF = field(default_factory=PRF)
    attribution_right: int = 0
    attribution_total: int = 0
    statements: PRF = field(default_factory=PRF)
    statements_no_stance: PRF = field(default_factory=PRF)
    stance_right: int = 0
    stance_total: int = 0
    claims: PRF = field(default_factory=PRF)
    articles: int = 0
    errors: dict[str, list[str]] = field(default_factory=dict)

    def as_dict(self) -> dict:
        acc = lambda r, t: round(r / t, 3) if t else 0.0
        return {
            "articles": self.articles,
            "actors": self.actors.as_dict(),
            "quotes": self.quotes.as_dict(),
            "attribution_accuracy": acc(self.attribution_right, self.attribution_total),
            "attribution_counts": [self.attribution_right, self.attribution_total],
            "statements": self.statements.as_dict(),
            "statements_ignoring_stance": self.statements_no_stance.as_dict(),
            "stance_accuracy": acc(self.stance_right, self.stance_total),
            "stance_counts": [self.stance_right, self.stance_total],
            "claims": self.claims.as_dict(),
        }

    def table(self) -> str:
        d = self.as_dict()
        rows = [f"articles scored: {d['articles']}"]
        for key in ("actors", "quotes", "statements", "statements_ignoring_stance", "claims"):
            m = d[key]
            rows.append(f"{key:28} P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}  "
                        f"(tp {m['tp']}, fp {m['fp']}, fn {m['fn']})")
        rows.append(f"{'quote attribution accuracy':28} {d['attribution_accuracy']:.3f}  "
                    f"({self.attribution_right}/{self.attribution_total})")
        rows.append(f"{'stance accuracy':28} {d['stance_accuracy']:.3f}  ({self.stance_right}/{self.stance_total})")
        return "\n".join(rows)


class Names:
    """Name matching within one article: equal after normalising, or aliases in the gold actor list."""

    def __init__(self, gold_actors: list[dict]):
        self.groups: list[set[str]] = []
        for a in gold_actors:
            self.groups.append({norm(a["name"]), *(norm(x) for x in a.get("aliases", []))})

    def same(self, a: str | None, b: str | None) -> bool:
        na, nb = norm(a), norm(b)
        if not na or not nb:
            return False
        if na == nb:
            return True
        return any(na in g and nb in g for g in self.groups)


def _match(preds: list, golds: list, same) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Greedy one-to-one matching: (pairs, unmatched preds, unmatched golds)."""
    used: set[int] = set()
    pairs = []
    unmatched = []
    for i, p in enumerate(preds):
        hit = next((j for j, g in enumerate(golds) if j not in used and same(p, g)), None)
        if hit is None:
            unmatched.append(i)
        else:
            used.add(hit)
            pairs.append((i, hit))
    return pairs, unmatched, [j for j in range(len(golds)) if j not in used]


def _jaccard(a: str, b: str) -> float:
    wa, wb = Counter(words(a)), Counter(words(b))
    union = sum((wa | wb).values())
    return sum((wa & wb).values()) / union if union else 0.0


def _match_quotes(preds: list, golds: list):
    """One-to-one quote matching, most similar pairs first (a short scare quote must not
    take the gold quote a longer prediction matches better); between equally similar gold quotes a
    required one before an optional one (the words of a headline repeated in the body, one of the two
    marked optional, are one predicted quote: it must not be spent on the optional copy)."""
    cands = sorted(((_jaccard(p["text"], g["text"]), not g.get("optional"), i, j) for i, p in enumerate(preds)
                    for j, g in enumerate(golds) if overlap_ok(p["text"], g["text"])), reverse=True)
    used_p, used_g, pairs = set(), set(), []
    for _, _, i, j in cands:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    pairs.sort()
    return (pairs, [i for i in range(len(preds)) if i not in used_p],
            [j for j in range(len(golds)) if j not in used_g])


def _score_set(preds: list, golds: list, same, errors: list[str], label: str, show) -> PRF:
    """P/R/F1 where optional gold items neither reward nor punish."""
    prf = PRF()
    pairs, fp_idx, fn_idx = _match(preds, golds, same)
    for _, j in pairs:
        if not golds[j].get("optional"):
            prf.tp += 1
    for i in fp_idx:
        prf.fp += 1
        errors.append(f"spurious {label}: {show(preds[i])}")
    for j in fn_idx:
        if not golds[j].get("optional"):
            prf.fn += 1
            errors.append(f"missed {label}: {show(golds[j])}")
    return prf


def score_article(pred: dict, gold: dict, scores: Scores) -> None:
    names = Names(gold.get("actors", []))
    errs: list[str] = []
    scores.articles += 1
    # actors
    scores.actors.add(_score_set(pred.get("actors", []), gold.get("actors", []),
                                 lambda p, g: names.same(p["name"], g["name"]) or any(
                                     names.same(a, g["name"]) for a in p.get("aliases", [])),
                                 errs, "actor", lambda x: x["name"]))
    # quotes
    pq, gq = pred.get("quotes", []), gold.get("quotes", [])
    pairs, fp_idx, fn_idx = _match_quotes(pq, gq)
    for i, j in pairs:
        if gq[j].get("optional"):
            continue
        scores.quotes.tp += 1
        scores.attribution_total += 1
        if names.same(pq[i]["speaker"], gq[j]["speaker"]):
            scores.attribution_right += 1
        else:
            errs.append(f"wrong speaker: {gq[j]['text'][:60]!r} said by {gq[j]['speaker']}, "
                        f"predicted {pq[i]['speaker']}")
    for i in fp_idx:
        scores.quotes.fp += 1
        errs.append(f"spurious quote: {pq[i]['text'][:60]!r} ({pq[i]['speaker']})")
    for j in fn_idx:
        if not gq[j].get("optional"):
            scores.quotes.fn += 1
            errs.append(f"missed quote: {gq[j]['text'][:60]!r} ({gq[j]['speaker']})")
    # statements
    ps = _dedupe(pred.get("statements", []), ("speaker", "issue", "stance"))
    gs = gold.get("statements", [])
    show = lambda s: f"{s['speaker']} {s['issue']} {s['stance']}"
    scores.statements.add(_score_set(ps, gs, lambda p, g: names.same(p["speaker"], g["speaker"]) and
                                     p["issue"] == g["issue"] and p["stance"] == g["stance"],
                                     [], "statement", show))
    scores.statements_no_stance.add(_score_set(_dedupe(ps, ("speaker", "issue")), gs,
                                               lambda p, g: names.same(p["speaker"], g["speaker"]) and
                                               p["issue"] == g["issue"], [], "statement", show))
    pairs, fp_idx, fn_idx = _match(ps, gs, lambda p, g: names.same(p["speaker"], g["speaker"]) and p["issue"] == g["issue"])
    for i, j in pairs:
        if gs[j].get("optional") and ps[i]["stance"] == gs[j]["stance"]:
            continue
        scores.stance_total += 1
        if ps[i]["stance"] == gs[j]["stance"]:
            scores.stance_right += 1
        else:
            errs.append(f"flipped stance: {gs[j]['speaker']} {gs[j]['issue']} is {gs[j]['stance']}, "
                        f"predicted {ps[i]['stance']} (evidence {ps[i].get('evidence', '')!r})")
    for i in fp_idx:
        errs.append(f"spurious statement: {show(ps[i])} (evidence {ps[i].get('evidence', '')!r})")
    for j in fn_idx:
        if not gs[j].get("optional"):
            errs.append(f"missed statement: {show(gs[j])} (gold evidence {gs[j].get('evidence', '')!r})")
    # claims
    pc = _dedupe(pred.get("claims", []), ("claimant", "territory", "sovereign"))
    scores.claims.add(_score_set(pc, gold.get("claims", []), lambda p, g: names.same(p["claimant"], g["claimant"])
                                 and p["sovereign"] == g["sovereign"] and
                                 norm(p["territory"]) in {norm(g["territory"]), *map(norm, g.get("territory_alternatives", []))},
                                 errs, "claim", lambda c: f"{c['claimant']} {c['territory']} {c['sovereign']}"))
    scores.errors[gold.get("article", pred.get("article", "?"))] = errs


def _dedupe(items: list[dict], keys: tuple[str, ...]) -> list[dict]:
    seen, out = set(), []
    for it in items:
        k = tuple(norm(str(it.get(x))) for x in keys)
        if k not in seen:
            seen.add(k)
            out.append(it)
    return out


def load_json_dir(d: str | Path) -> dict[str, dict]:
    p = Path(d)
    if not p.is_dir():
        raise StanceGraphError("no such directory", path=p)
    out = {}
    for f in sorted(p.glob("*.json")):
        try:
            doc = json.loads(f.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            raise StanceGraphError("not UTF-8", path=f) from None
        except json.JSONDecodeError as exc:
            raise StanceGraphError(f"not valid JSON: {exc.msg}", path=f, place=f"line {exc.lineno}") from None
        if not isinstance(doc, dict) or "article" not in doc:
            raise StanceGraphError("not an annotation document (no 'article' field)", path=f)
        out[doc["article"]] = doc
    if not out:
        raise StanceGraphError("no *.json annotation files", path=p)
    return out


def evaluate(gold: dict[str, dict], pred: dict[str, dict]) -> Scores:
    """Micro-averaged scores over the gold articles (a gold article with no prediction counts as all missed)."""
    scores = Scores()
    for aid in sorted(gold):
        score_article(pred.get(aid, {"article": aid}), gold[aid], scores)
    return scores
