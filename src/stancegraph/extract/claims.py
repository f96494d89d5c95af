"""Territorial claims within an utterance's scope: claim cues bound to the nearest territory."""

from __future__ import annotations

from dataclasses import dataclass

from ..knowledge import Resources
from .claim_events import RECOGNISE, event_lexicon
from .cues import CueLookup
from .document import ParsedArticle
from .matcher import find, is_root
from .polarity import clause_of, flips, top_of
from .tokens import forms


@dataclass(frozen=True)
class ClaimHit:
    territory: str
    sovereign: str
    tokens: tuple[int, ...]
    confidence: float


class ClaimFinder:
    def __init__(self, resources: Resources, cues: CueLookup | None = None):
        self.cues = cues or CueLookup(resources.lexicon)
        self.claim_cues: dict[tuple, list] = {}
        for cc in resources.codebook.claim_cues:
            self.claim_cues.setdefault(cc.words, []).append(cc)
        lex = event_lexicon(resources)
        self.lapses, self.contrary, self.can_claim = lex.lapses, lex.contrary, lex.can_claim
        # single-word recognition cues ("recognise", "recognition"): a status they take is what is recognised
        self.recognitions = {w[0] for w, cues in lex.cues.items() if len(w) == 1 and any(c.kind == RECOGNISE for c in cues)}
        # single-word acts ("annexation", "claims"): a status phrase they take describes what the act is of
        self.acts = {w[0] for w in lex.cues if len(w) == 1}

    def find(self, pd: ParsedArticle, scope) -> list[ClaimHit]:
        scope = list(scope)
        if not scope:
            return []
        doc = pd.doc
        sset = set(scope)
        start, end = scope[0], scope[-1] + 1
        if not any(i in pd.territory_tokens for i in scope):
            return []
        out = []
        # a cue is one piece of the parse ("T is Ruritanian"), not words that happen to follow each other
        # ("the compromise is supposedly that Ruritanian troops …")
        matches = [(e, idx) for e, idx in find(doc, start, end, self.claim_cues)
                   if set(idx) <= sset and sum(1 for i in idx if doc[i].head.i not in idx or is_root(doc[i])) == 1]
        matches = [(e, idx) for e, idx in matches if not any(set(idx) < set(o) for _, o in matches)]
        for entries, idx in matches:
            top = top_of(doc, idx)
            if self._recognised(doc, idx) or self._recognised_holding(top) or self._object_of_act(top):
                continue  # "the recognition of T as part of X": the claim event of the recognition says it
            sign, _, _ = flips(self.cues, top, set(idx), None, sset)
            # Territories in the cue's clause with no other claim cue between them and this one.
            others = [o for _, o in matches if o is not idx and not set(o) & set(idx)]
            clause = {i for i in clause_of(top, sset)
                      if not any(min(i, idx[0]) < j < max(i, idx[-1]) for o in others for j in o)}
            terrs = self._nearest_territories(pd, idx, clause)
            lapsed = self._lapsed(doc, top, idx)
            for cc in entries:
                sov = cc.sovereign if sign > 0 else cc.negated
                if lapsed and sov is not None:
                    sov = self.contrary.get(sov)  # "the former T territories" are T's no more
                if sov is None:
                    continue
                for t in terrs:
                    if self.can_claim(t, sov):
                        out.append(ClaimHit(t, sov, tuple(idx), 0.7 if sign > 0 else 0.6))
        return out

    def _recognised(self, doc, idx) -> bool:
        """The status phrase is what a recognition recognises ("recognition of T as part of X",
        "recognise T as X's"): "as" just before it, a recognition word a few words before that (the
        window the claim event of the recognition reads)."""
        j = idx[0] - 1
        while j >= 0 and doc[j].dep_ == "det":
            j -= 1
        if j < 0 or doc[j].lower_ != "as":
            return False
        sent = doc[idx[0]].sent
        start = max(sent.start, idx[0] - 12)
        r = next((t for t in doc[start:j] if not self.recognitions.isdisjoint(forms(t))), None)
        # "recognition of T as X's and U as independent": each status speaks for itself
        return r is not None and sum(1 for t in doc[r.i:sent.end] if t.lower_ == "as" and t.dep_ == "prep") == 1

    def _recognised_holding(self, top) -> bool:
        """The status phrase is what a recognition recognises ("recognition of the occupied Ruritanian
        territories"): it describes the holding the claim event of the recognition asserts."""
        head = top.head.head if top.dep_ == "pobj" and top.head.lower_ == "of" else \
            top.head if top.dep_ == "dobj" else None
        return head is not None and head is not top and not self.recognitions.isdisjoint(forms(head))

    def _object_of_act(self, top) -> bool:
        """The status phrase is what an act is of or to ("claims to Westland's southern territories",
        "the annexation of Westland's land"): it describes the holding before the act, whose claim
        event says what is asserted."""
        if not (top.dep_ == "pobj" and top.head.lower_ in ("of", "to")):
            return False
        head = top.head.head
        return head is not top and not self.acts.isdisjoint(forms(head))

    def _lapsed(self, doc, top, idx) -> bool:
        """A lapse cue ("former") qualifying the status phrase, before it."""
        return any(c.dep_ in ("amod", "advmod") and c.lower_ in self.lapses and c.i < idx[0] for c in top.children)

    @staticmethod
    def _nearest_territories(pd: ParsedArticle, idx: list[int], clause: set[int]) -> list[str]:
        """Territories the cue is about: the nearest mention in its clause and those conjoined with it."""
        doc = pd.doc
        terr = pd.territory_tokens
        cands = [i for i in clause if i in terr]
        if not cands:
            return []
        dist = lambda i: min(abs(i - j) for j in idx)
        nearest = min(cands, key=lambda i: (dist(i), i))
        head = doc[nearest]
        while head.dep_ == "compound" and not is_root(head):
            head = head.head
        group = {nearest}
        side = nearest < idx[0]
        for i in cands:
            if (i < idx[0]) != side:
                continue  # a conjunct on the cue's other side has its own predicate
            t = doc[i]
            while t.dep_ == "compound" and not is_root(t):
                t = t.head
            if t.i == head.i or (t.dep_ == "conj" and t.head.i == head.i) or (head.dep_ == "conj" and head.head.i == t.i):
                group.add(i)
        return sorted({t for i in group for t in terr[i]})
