"""Positions on codebook issues, and territorial claims, within a statement's scope.

A cue's stance is turned round by each negation, contrast or opposing
predicate on its way up the dependency tree to the top of the statement's
scope ("not a real withdrawal", "no breakthrough", "had not seen anything
indicating … progress", "refuse to cede"). A topic term yields a position only
under a stance-taking predicate, a negation or a modal ("demand that the city
reject the toll", "will not become part of the scheme"). A topic term that only
modifies another noun ("a WHO ministers' meeting") is not the topic.
Non-standalone cues need one of the issue's topic terms nearby.
"""

from __future__ import annotations

from dataclasses import dataclass

from .context import DocContext
from .matcher import find, forms, is_root, phrasal

COPULAS = {"be", "become", "remain", "stay", "seem", "appear", "get", "have", "do", "let", "make"}
MODALS = {"will", "would", "must", "should", "shall", "can", "could", "need", "may", "might", "'ll", "wo", "ca"}


@dataclass
class Hit:
    issue: str
    stance: int
    tokens: list[int]
    confidence: float


@dataclass
class ClaimHit:
    territory: str
    sovereign: str
    tokens: list[int]
    confidence: float


class StanceFinder:
    def __init__(self, ctx: DocContext, territory_tokens: dict[int, str]):
        self.ctx = ctx
        cb = ctx.resources.codebook
        lex = ctx.resources.lexicon
        self.cues: dict[tuple, list] = {}
        self.topics: dict[tuple, list] = {}
        self.context: dict[tuple, list] = {}
        for issue in cb.issues.values():
            for cue in issue.cues:
                self.cues.setdefault(cue.words, []).append((issue.key, cue.stance, cue.standalone))
            for term in issue.topic_terms:
                self.topics.setdefault(term, []).append(issue.key)
            for term in issue.context_terms:
                self.context.setdefault(term, []).append(issue.key)
        self.claim_cues: dict[tuple, list] = {}
        for cc in cb.claim_cues:
            self.claim_cues.setdefault(cc.words, []).append(cc)
        self.predicates = {p[0]: pol for p, pol in lex.predicates if len(p) == 1}
        self.multi_predicates = {p: pol for p, pol in lex.predicates if len(p) > 1}
        self.contrast = {p[0] for p in lex.contrast if len(p) == 1}
        self.territory_tokens = territory_tokens
        self.issues = cb.issues
        # Issues whose topic terms occur in each sentence.
        doc = ctx.doc
        self.sent_topics: list[set[str]] = []
        self.topic_tokens: dict[int, set[str]] = {}
        for s in ctx.sents:
            found = set()
            for table in (self.topics, self.context):
                for keys, idx in find(doc, s.start, s.end, table):
                    if table is self.context or not self._modifier_only(idx):
                        found.update(keys)
                        for i in idx:
                            self.topic_tokens.setdefault(i, set()).update(keys)
            self.sent_topics.append(found)

    # ---------------------------------------------------------- polarity ---
    # Head nouns that only restate the name they follow ("the NAFTA trade treaty").
    RESTATING_HEADS = {"alliance", "bloc", "organization", "organisation", "treaty", "union", "pact"}

    def _modifier_only(self, idx: list[int]) -> bool:
        """The phrase ends in a name that merely modifies another noun ("a WHO ministers' meeting")."""
        last = self.ctx.doc[idx[-1]]
        if not (last.dep_ in ("compound", "amod", "nmod") and last.head.i > last.i and last.head.i not in idx):
            return False
        return last.head.lemma_.lower() not in self.RESTATING_HEADS

    def _flips(self, tok, match: set[int], top: int | None, scope: set[int],
               topic: bool = False) -> tuple[int, bool, bool]:
        """(sign, saw a predicate, saw a negation or modal) on the way from ``tok`` to the scope top.

        For a topic term the walk stops at a content verb that is not a stance predicate: in
        "needed to review the proposal" the need is for a review, not for the proposal.
        """
        sign, predicate, marked = 1, False, False
        local = False  # a negation on the topic's own word ("would never give up X")
        first = min(match) if match else tok.i
        seen = set()
        cur = tok
        while True:
            if cur.i in seen:
                break
            seen.add(cur.i)
            for child in cur.children:
                if child.i in match:
                    continue
                low, lemma = forms(child)
                if child.dep_ == "neg" or (child.dep_ in ("det", "advmod", "preconj") and low in self.contrast):
                    if child.i < first:  # negation precedes what it negates
                        sign, marked = -sign, True
                        if cur.i == tok.i:
                            local = True
                elif child.dep_ == "aux" and low in MODALS:
                    marked = True
            if cur.i not in match:
                low, lemma = forms(cur)
                pol = self.predicates.get(lemma) or self.predicates.get(low)
                pv = phrasal(cur)
                if pv is not None and pv in self.multi_predicates:
                    pol = self.multi_predicates[pv]  # "rule out", "call for"
                if topic and cur.pos_ == "VERB" and lemma not in COPULAS and pol is None \
                        and cur.i != first and not predicate:
                    return sign, predicate or local, marked
                if (low in self.contrast or lemma in self.contrast) and cur.i < first:
                    if cur.dep_ not in ("neg",):
                        sign, marked = -sign, True
                if pol is not None:
                    predicate = True
                    if pol < 0:
                        sign = -sign
            if top is not None and cur.i == top:
                break
            if is_root(cur) or cur.head.i not in scope:
                break
            cur = cur.head
        return sign, predicate or local, marked

    def _verb_outside(self, top, verb_token: int, cue_verb: str | None) -> int:
        """Polarity of the statement's verb chain when the cue is not under it: in "claims, which
        X persist in refusing" the claims are what the chain persist -> in -> refusing acts on."""
        if verb_token < 0:
            return 1
        cur = top
        for _ in range(30):
            if cur.i == verb_token:
                return 1
            if is_root(cur):
                break
            cur = cur.head
        doc = self.ctx.doc
        sign, node = 1, doc[verb_token]
        for _ in range(6):
            low, lemma = forms(node)
            pol = self.predicates.get(lemma) or self.predicates.get(low)
            if pol is not None:
                sign *= pol
            nxt = [c for c in node.children if c.dep_ in ("xcomp", "pcomp", "prep", "pobj")
                   and c.pos_ in ("VERB", "ADP", "AUX")]
            if not nxt:
                break
            node = nxt[0]
        return sign

    def _top(self, idx: list[int]):
        doc = self.ctx.doc
        inside = set(idx)
        heads = [doc[i] for i in idx if doc[i].head.i not in inside or is_root(doc[i])]
        return heads[0] if heads else doc[idx[0]]

    # ---------------------------------------------------------- positions ---
    def positions(self, scope: list[int], cue_verb: str | None = None,
                  quote: bool = False, verb_token: int = -1) -> list[Hit]:
        if not scope:
            return []
        ctx = self.ctx
        doc = ctx.doc
        sset = set(scope)
        start, end = scope[0], scope[-1] + 1
        sent_i = ctx.sent_of[start]
        in_sentence = self.sent_topics[sent_i] if self.sent_topics else set()
        before = self.sent_topics[sent_i - 1] if quote and sent_i > 0 else set()
        hits: list[Hit] = []
        cue_tokens: set[int] = set()
        matches = [(entries, idx) for entries, idx in find(doc, start, end, self.cues) if set(idx) <= sset]
        # A cue inside a longer cue ("trust" in "increase trust") is not a cue of its own.
        matches = [(e, idx) for e, idx in matches
                   if not any(set(idx) < set(o) for _, o in matches)]
        for entries, idx in matches:
            top = self._top(idx)
            sign, _, _ = self._flips(top, set(idx), None, sset)
            sign *= self._verb_outside(top, verb_token, cue_verb)
            clause_topics: set[str] = set()
            for i in self._clause(top, set(range(self.ctx.sents[sent_i].start, self.ctx.sents[sent_i].end))):
                clause_topics |= self.topic_tokens.get(i, set())
            for issue, stance, standalone in entries:
                if standalone or issue in clause_topics:
                    conf = 0.8
                elif issue in in_sentence:
                    conf = 0.6
                elif issue in before:
                    conf = 0.5
                else:
                    continue
                hits.append(Hit(issue, stance * sign, idx, conf))
                cue_tokens.update(idx)
        for keys, idx in find(doc, start, end, self.topics):
            if not set(idx) <= sset or set(idx) & cue_tokens or self._modifier_only(idx):
                continue
            top = self._top(idx)
            sign, predicate, marked = self._flips(top, set(idx), None, sset, topic=True)
            if self.predicates.get(cue_verb or "") is not None:
                predicate = True
                sign *= self._verb_outside(top, verb_token, cue_verb)
            if not predicate:
                continue
            for issue in keys:
                info = self.issues[issue]
                if info.requires_territory and not any(i in self.territory_tokens for i in scope):
                    continue
                hits.append(Hit(issue, info.topic_polarity * sign, idx, 0.7 if predicate else 0.55))
        return hits

    # ------------------------------------------------------------- claims ---
    def claims(self, scope: list[int]) -> list[ClaimHit]:
        if not scope:
            return []
        doc = self.ctx.doc
        sset = set(scope)
        start, end = scope[0], scope[-1] + 1
        terr_in_scope = [i for i in scope if i in self.territory_tokens]
        if not terr_in_scope:
            return []
        out = []
        matches = [(e, idx) for e, idx in find(doc, start, end, self.claim_cues) if set(idx) <= sset]
        matches = [(e, idx) for e, idx in matches if not any(set(idx) < set(o) for _, o in matches)]
        for entries, idx in matches:
            top = self._top(idx)
            sign, _, _ = self._flips(top, set(idx), None, sset)
            # Territories in the cue's clause with no other claim cue between them and this one.
            others = [o for _, o in matches if o is not idx and not set(o) & set(idx)]
            clause = {i for i in self._clause(top, sset)
                      if not any(min(i, idx[0]) < j < max(i, idx[-1]) for o in others for j in o)}
            terrs = self._nearest_territories(idx, clause)
            for cc in entries:
                sov = cc.sovereign if sign > 0 else cc.negated
                if sov is None:
                    continue
                for t in terrs:
                    out.append(ClaimHit(t, sov, idx, 0.7 if sign > 0 else 0.6))
        return out

    def _nearest_territories(self, idx: list[int], clause: set[int]) -> list[str]:
        """Territories the cue is about: the nearest mention in its clause and those conjoined with it."""
        doc = self.ctx.doc
        cands = [i for i in clause if i in self.territory_tokens]
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
        return sorted({t for i in group for t in self.territory_tokens[i]})

    def _clause(self, tok, scope: set[int]) -> set[int]:
        cur = tok
        while not is_root(cur) and cur.head.i in scope and cur.pos_ not in ("VERB", "AUX"):
            cur = cur.head
        if not is_root(cur) and cur.head.i in scope and cur.dep_ in ("xcomp", "conj", "ccomp", "acl", "advcl", "pcomp"):
            cur = cur.head
        sub = set(range(cur.left_edge.i, cur.right_edge.i + 1)) & scope
        return sub or scope
