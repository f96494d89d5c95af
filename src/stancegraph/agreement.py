"""Agreement between two codings of the same articles: P/R/F1 and Krippendorff's alpha.

A *coding* is a set of annotation documents (``shared/spec/annotations.md``)
from a graph file or store (its reviewed view, or with ``machine:`` before the
path its machine coding), a DNA file, or a folder of annotation JSON.

* **P/R/F1**: B scored against A as the annotation spec scores a prediction
  against gold (:func:`stancegraph.evaluate.evaluate`, statements matched on
  speaker, issue and stance; also ignoring the stance), over the articles both
  codings have.
* **Krippendorff's alpha** (nominal, computed by the ``krippendorff``
  package): the *units* are the (article, speaker, issue) triples either
  coding has; each coder's value for a unit is ``support``, ``oppose``,
  ``both`` or, for alpha on *decisions*, ``not coded``. ``alpha (decisions)``
  counts "not coded" as a value (did both code the same statements the same
  way?); ``alpha (stance)`` leaves units coded by one coder only out (where both
  coded, did they give the same stance?). Alpha is undefined (None) when the
  units hold fewer than two distinct values.

Speakers are matched as the evaluation matches them: equal after normalising,
or aliases of one actor in either coding's actor list.

>>> a = {"x": {"article": "x", "actors": [], "statements": [
...     {"speaker": "Ann", "issue": "i", "stance": "support"}, {"speaker": "Bo", "issue": "i", "stance": "oppose"}]}}
>>> b = {"x": {"article": "x", "actors": [], "statements": [
...     {"speaker": "Ann", "issue": "i", "stance": "support"}, {"speaker": "Bo", "issue": "i", "stance": "support"}]}}
>>> r = agreement(a, b)
>>> (r.statements.tp, r.statements.fp, r.statements.fn, r.units, r.alpha_stance)
(1, 1, 1, 2, 0.0)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .errors import StanceGraphError
from .evaluate import PRF, evaluate, load_json_dir, norm

MACHINE_PREFIX = "machine:"
_VALUES = {"none": 0, "support": 1, "oppose": 2, "both": 3}


@dataclass
class Coding:
    name: str
    docs: dict[str, dict]

    @property
    def statements(self) -> int:
        return sum(len(d.get("statements", [])) for d in self.docs.values())


def _annotations_of_store(st, machine_only: bool) -> dict[str, dict]:
    from .export import annotations
    from .review import view_of

    return {d["article"]: d for d in annotations(view_of(st, machine_only))}


def load_coding(spec: str | Path, codebook: str | Path | None = None) -> Coding:
    """A coding from a path: ``.dna`` file, annotation folder, store folder or graph file.

    ``machine:PATH`` (a graph or store) is the machine coding without reviews.
    """
    text = str(spec)
    machine = text.startswith(MACHINE_PREFIX)
    path = Path(text[len(MACHINE_PREFIX):] if machine else text)
    if path.suffix.lower() == ".dna":
        from .dna import annotations_of, read_dna

        dna = read_dna(path)
        _, docs, _ = annotations_of(dna, _issue_labels(codebook))
        return Coding(f"DNA file {path}", docs)
    if path.is_dir() and any(path.glob("*.json")):
        if machine:
            raise StanceGraphError("machine: applies to a graph or a store, not to annotation files", path=path)
        return Coding(f"annotations in {path}", load_json_dir(path))
    from .store import open_source

    st = open_source(None, path) if path.is_dir() else open_source(path, None)
    what = "machine coding" if machine else "reviewed coding"
    return Coding(f"{what} of {path}", _annotations_of_store(st, machine))


def _issue_labels(codebook: str | Path | None) -> dict[str, str]:
    from . import paths
    from .knowledge import load_codebook

    cb = load_codebook(codebook or paths.data_dir() / "codebook.ttl")
    return {k: i.label for k, i in cb.issues.items()}


@dataclass
class AgreementResult:
    a: str
    b: str
    articles: int
    statements: PRF
    statements_no_stance: PRF
    units: int
    both_coded: int
    alpha_decisions: float | None
    alpha_stance: float | None

    def as_dict(self) -> dict:
        return {"a": self.a, "b": self.b, "articles": self.articles, "statements": self.statements.as_dict(),
                "statements_ignoring_stance": self.statements_no_stance.as_dict(), "units": self.units,
                "units_coded_by_both": self.both_coded,
                "krippendorff_alpha_decisions": _round(self.alpha_decisions),
                "krippendorff_alpha_stance": _round(self.alpha_stance)}

    def table(self) -> str:
        def prf(label: str, m: PRF) -> str:
            return (f"{label:28} P {m.precision:.3f}  R {m.recall:.3f}  F1 {m.f1:.3f}  "
                    f"(tp {m.tp}, fp {m.fp}, fn {m.fn})")

        def alpha(v: float | None) -> str:
            return "n/a (fewer than two values)" if v is None else f"{v:.3f}"

        return "\n".join([
            f"A (reference): {self.a}", f"B:             {self.b}", f"articles compared: {self.articles}",
            prf("statements", self.statements), prf("statements_ignoring_stance", self.statements_no_stance),
            f"{'alpha (decisions)':28} {alpha(self.alpha_decisions)}  over {self.units} (article, speaker, issue) units",
            f"{'alpha (stance)':28} {alpha(self.alpha_stance)}  over {self.both_coded} units coded by both",
        ])


def _round(v: float | None) -> float | None:
    return None if v is None else round(v, 3)


def _alpha(data: np.ndarray) -> float | None:
    import krippendorff

    values = data[~np.isnan(data)]
    pairable = int(np.sum(np.sum(~np.isnan(data), axis=0) >= 2))
    if len(np.unique(values)) < 2 or pairable == 0:
        return None
    return float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))


class _Canon:
    """Canonical speaker keys within one article: alias groups of both codings merged."""

    def __init__(self, *docs: dict):
        self.of: dict[str, str] = {}
        groups: list[set[str]] = []
        for d in docs:
            for a in d.get("actors", []):
                g = {norm(a.get("name")), *(norm(x) for x in a.get("aliases", []))} - {""}
                merged = [h for h in groups if h & g]
                for h in merged:
                    g |= h
                    groups.remove(h)
                groups.append(g)
        for g in groups:
            key = min(g)
            for n in g:
                self.of[n] = key

    def __call__(self, name: str | None) -> str:
        n = norm(name)
        return self.of.get(n, n)


def _units(doc: dict, canon: _Canon, aid: str) -> dict[tuple, str]:
    out: dict[tuple, str] = {}
    for s in doc.get("statements", []):
        if s.get("optional"):
            continue
        k = (aid, canon(s.get("speaker")), s.get("issue"))
        st = s.get("stance")
        out[k] = st if out.get(k) in (None, st) else "both"
    return out


def agreement(a: dict[str, dict], b: dict[str, dict], a_name: str = "A", b_name: str = "B") -> AgreementResult:
    """Agreement of coding ``b`` with coding ``a`` (the reference) over the articles both have."""
    common = sorted(set(a) & set(b))
    if not common:
        raise StanceGraphError(f"the two codings have no article in common ({a_name}: {len(a)} articles, "
                               f"{b_name}: {len(b)} articles)")
    scores = evaluate({k: a[k] for k in common}, {k: b[k] for k in common})
    ua: dict[tuple, str] = {}
    ub: dict[tuple, str] = {}
    for aid in common:
        canon = _Canon(a[aid], b[aid])
        ua.update(_units(a[aid], canon, aid))
        ub.update(_units(b[aid], canon, aid))
    units = sorted(set(ua) | set(ub), key=lambda k: tuple(str(x) for x in k))
    dec = np.array([[_VALUES[ua.get(u, "none")] for u in units], [_VALUES[ub.get(u, "none")] for u in units]],
                   dtype=float)
    stance = dec.copy()
    stance[stance == 0] = np.nan
    both = int(np.sum(~np.isnan(stance).any(axis=0))) if units else 0
    return AgreementResult(a_name, b_name, len(common), scores.statements, scores.statements_no_stance, len(units),
                           both, _alpha(dec) if units else None, _alpha(stance) if units else None)


def compare(a: str | Path, b: str | Path | None = None, codebook: str | Path | None = None) -> AgreementResult:
    """``stancegraph agreement A [B]``: with one path, its machine coding against its reviewed coding."""
    if b is None:
        if str(a).startswith(MACHINE_PREFIX):
            raise StanceGraphError("with one coding, give the graph or store without machine:")
        ca, cb = load_coding(a, codebook), load_coding(MACHINE_PREFIX + str(a), codebook)
    else:
        ca, cb = load_coding(a, codebook), load_coding(b, codebook)
    return agreement(ca.docs, cb.docs, f"{ca.name} ({ca.statements} statements)",
                     f"{cb.name} ({cb.statements} statements)")
