"""Edited annotation JSON files (``shared/spec/annotations.md``) as reviews, for users who do not use DNA.

Export the annotations (``stancegraph export GRAPH --format annotations -o DIR``),
edit the ``statements`` of an article's file, and import the folder
(``stancegraph import-annotations DIR -o GRAPH``). Each file is compared with
the reviewed view of its article, one (speaker, issue, stance) at a time:

* a statement that is gone is *rejected* (every statement expressing it);
* a new one is *added* over its ``evidence``, which must be a piece of the
  article's text (found as it is, or with spaces and case normalised);
* a gone and a new one with the same speaker and issue (a flipped stance), or
  with the same evidence (another speaker or issue), are one *edit*;
* ``"status": "accepted"`` (or ``"reviewed": true``) on an unchanged one *accepts* it.

Speakers are matched by name with the graph's actors (names and aliases); an
unknown name becomes a new actor of the file's ``actors`` kind (person if not given).

>>> import json, tempfile, pathlib
>>> from stancegraph.store import load_text
>>> from stancegraph.review import EXAMPLE_TTL
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> doc = {"article": "a1", "statements": [{"speaker": "Anna", "issue": "harbour-fees", "stance": "oppose",
...        "evidence": "welcomed"}]}
>>> _ = (d / "a1.json").write_text(json.dumps(doc))
>>> imp = read_annotation_reviews(d, load_text(EXAMPLE_TTL), reviewer="Rita")
>>> [(r.action, r.stance, r.new_stance) for r in imp.reviews], imp.problems
([('edited', 'support', 'oppose')], [])
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path

import pyoxigraph as ox

from .dna import ReviewImport
from .evaluate import load_json_dir, norm
from .review import Q_ARTICLES, ActorResolver, Review, _select, issue_table, reviewed_rows


def _find(text: str, evidence: str) -> tuple[int, int] | None:
    """Offsets of ``evidence`` in ``text``: exact, else ignoring case and runs of spaces."""
    if not evidence.strip():
        return None
    i = text.find(evidence)
    if i >= 0:
        return i, i + len(evidence)
    words = [re.escape(w) for w in evidence.split()]
    m = re.search(r"\s+".join(words), text, flags=re.IGNORECASE)
    return (m.start(), m.end()) if m else None


def read_annotation_reviews(folder: str | Path, store: ox.Store, *, reviewer: str = "reviewer",
                            time: datetime | None = None) -> ReviewImport:
    """The reviews an edited annotation folder makes against the store's reviewed view."""
    when = time or datetime.now(timezone.utc).replace(microsecond=0)
    docs = load_json_dir(folder)
    actors = ActorResolver(store)
    issues = issue_table(store)
    texts = {r["aid"]: r["text"] for r in _select(store, Q_ARTICLES)}
    rows = reviewed_rows(store).rows
    problems: list[str] = []
    reviews: list[Review] = []
    for aid, doc in sorted(docs.items()):
        where = str(Path(folder) / f"{aid}.json")
        if aid not in texts:
            problems.append(f"{where}: article {aid} is not in the graph; skipped")
            continue
        kinds = {norm(a.get("name")): a.get("kind", "person") for a in doc.get("actors", []) if a.get("name")}
        current: dict[tuple[str, str, str], list] = {}
        for r in rows:
            if r.article == aid:
                current.setdefault((r.holder, r.issue, r.stance), []).append(r)
        edited: dict[tuple[str, str, str], dict] = {}
        for n, st in enumerate(doc.get("statements", []), start=1):
            place = f"{where}:statements[{n}]"
            speaker, issue, stance = st.get("speaker"), st.get("issue"), st.get("stance")
            if not speaker or issue not in issues or stance not in ("support", "oppose"):
                problems.append(f"{place}: needs a speaker, an issue of the codebook and a stance "
                                "(support or oppose); skipped")
                continue
            holder = actors.resolve(speaker, kinds.get(norm(speaker), "person"))
            edited.setdefault((holder, issue, stance), st)
        gone = [k for k in current if k not in edited]
        new = [k for k in edited if k not in current]

        def target(k: tuple[str, str, str]) -> dict:
            rs = current[k]
            return dict(article=aid, begin=None, end=None, holder=k[0], issue=k[1], stance=k[2],
                        position=rs[0].iris()[1])

        for k in list(new):
            ev = " ".join(str(edited[k].get("evidence", "")).split()).casefold()
            partner = next((g for g in gone if g[:2] == k[:2]), None)
            if partner is None and ev:
                partner = next((g for g in gone if ev and any(
                    ev == " ".join(texts[aid][r.begin:r.end].split()).casefold() for r in current[g])), None)
            if partner is None:
                continue
            gone.remove(partner)
            new.remove(k)
            reviews.append(Review(
                "edited", reviewer=reviewer, time=when, new_holder=k[0] if k[0] != partner[0] else None,
                new_issue=k[1] if k[1] != partner[1] else None, new_stance=k[2] if k[2] != partner[2] else None,
                **target(partner)))
        for k in gone:
            reviews.append(Review("rejected", reviewer=reviewer, time=when, **target(k)))
        for k in new:
            span = _find(texts[aid], str(edited[k].get("evidence", "")))
            if span is None:
                problems.append(f"{where}: the evidence of {edited[k]['speaker']} {k[1]} {k[2]} is not a piece "
                                "of the article's text, so it cannot be placed; skipped")
                continue
            reviews.append(Review("added", aid, span[0], span[1], new_holder=k[0], new_issue=k[1], new_stance=k[2],
                                  reviewer=reviewer, time=when))
        for k, st in edited.items():
            if k in current and (st.get("status") == "accepted" or st.get("reviewed") is True):
                if not all(r.status == "accepted" for r in current[k]):
                    reviews.append(Review("accepted", reviewer=reviewer, time=when, **target(k)))
    return ReviewImport(reviews, dict(actors.new), problems)
