"""Walks up the dependency tree that decide what a cue or topic term's stance is.

A cue's stance is turned round by each negation, contrast or opposing
predicate on its way up the dependency tree to the top of the statement's
scope ("not a real withdrawal", "no breakthrough", "refuse to cede").
Shared by the rule-based stance detector and the claim finder.
"""

from __future__ import annotations

from ..lang_en import COPULAS, MODALS
from .cues import CueLookup
from .matcher import forms, is_root

#: the dependencies of a linking verb's subject, which its complement judges
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")


def flips(cues: CueLookup, tok, match: set[int], top: int | None, scope: set[int],
          topic: bool = False) -> tuple[int, bool, bool]:
    """(sign, saw a predicate, saw a negation or modal) on the way from ``tok`` to the scope top.

    For a topic term the walk stops at a content verb that is not a stance predicate: in
    "needed to review the proposal" the need is for a review, not for the proposal.
    Coming up from a conjunct, the coordinate it hangs on is no governor: in "easing or lifting the
    sanctions" the easing does not turn the lifting round (a negation there still counts). Nor does
    the clause an adverbial clause set off by a comma hangs on, or its negation: in "X is not
    considered, Y proposing guarantees instead" the guarantees are proposed (but "ruled out Y joining
    Z" rules the joining out). Coming up
    from the subject of a linking verb, the verb's complement judges it: "providing the guarantees
    is dangerous", "neutrality is not acceptable" (:func:`evaluation`).
    """
    sign, predicate, marked = 1, False, False
    local = False  # a negation on the topic's own word ("would never give up X")
    first = min(match) if match else tok.i
    seen = set()
    cur = tok
    came, prev = None, tok  # the token the walk came up from, and its dependency
    while True:
        if cur.i in seen:
            break
        seen.add(cur.i)
        # a conjunct with a subject or a negation of its own is a clause of its own: the negation of
        # the one it hangs on does not reach it ("does not want X and cannot be trusted")
        own_clause = came == "conj" and any(c.dep_ in ("neg", *SUBJECT_DEPS) for c in prev.children)
        # an adverbial clause set off by a comma is a clause of its own ("X is not considered, Y
        # proposing guarantees instead"); one that completes its verb ("ruled out Y joining Z") is not
        detached = came == "advcl" and prev.left_edge.i > 0 and prev.doc[prev.left_edge.i - 1].text == ","
        for child in cur.children:
            if child.i in match:
                continue
            low, lemma = forms(child)
            if child.dep_ == "neg" or (child.dep_ in ("det", "advmod", "preconj") and low in cues.contrast):
                if child.i < first and not detached and not own_clause:  # negation precedes what it negates
                    sign, marked = -sign, True
                    if cur.i == tok.i:
                        local = True
            elif child.dep_ == "aux" and low in MODALS:
                marked = True
        if cur.i not in match:
            low, lemma = forms(cur)
            pol = cues.polarity_of(cur) if came != "conj" and not detached else None
            if topic and cur.pos_ == "VERB" and lemma not in COPULAS and pol is None \
                    and cur.i != first and not predicate:
                return sign, predicate or local, marked
            if (low in cues.contrast or lemma in cues.contrast) and cur.i < first and came != "conj" and not detached:
                if cur.dep_ not in ("neg",):
                    sign, marked = -sign, True
            if pol is not None:
                predicate = True
                if pol < 0:
                    sign = -sign
            if came in SUBJECT_DEPS and lemma in COPULAS:
                judged = evaluation(cues, cur, scope)
                if judged:
                    predicate = True
                    sign *= judged
        if top is not None and cur.i == top:
            break
        if is_root(cur) or cur.head.i not in scope:
            break
        came, prev = cur.dep_, cur
        cur = cur.head
    return sign, predicate or local, marked


def evaluation(cues: CueLookup, verb, scope: set[int] | None = None) -> int:
    """+1 / -1 when a linking verb's complement (in ``scope``, if given) is a stance predicate that
    judges its subject ("… is dangerous", "… remains essential", "… is a precondition"), turned round
    by a negation of the verb ("is not acceptable"); 0 when it has none."""
    for c in verb.children:
        if c.dep_ not in ("acomp", "attr", "oprd") or (scope is not None and c.i not in scope):
            continue
        for x in (c, *c.conjuncts):
            pol = cues.polarity_of(x)
            if pol is not None:
                neg = any(n.dep_ == "neg" for n in verb.children) or any(n.dep_ == "neg" for n in x.children)
                return -pol if neg else pol
    return 0


def verb_outside(cues: CueLookup, doc, top, verb_token: int | None) -> int:
    """Polarity of the statement's verb chain when the cue is not under it: in "claims, which
    X persist in refusing" the claims are what the chain persist -> in -> refusing acts on."""
    if verb_token is None or verb_token < 0:
        return 1
    cur = top
    for _ in range(30):
        if cur.i == verb_token:
            return 1
        if is_root(cur):
            break
        cur = cur.head
    sign, node = 1, doc[verb_token]
    for _ in range(6):
        low, lemma = forms(node)
        pol = cues.predicates.get(lemma) or cues.predicates.get(low)
        if pol is not None:
            sign *= pol
        nxt = [c for c in node.children if c.dep_ in ("xcomp", "pcomp", "prep", "pobj")
               and c.pos_ in ("VERB", "ADP", "AUX")]
        if not nxt:
            break
        node = nxt[0]
    return sign


def top_of(doc, idx: list[int]):
    """The token of a match whose head lies outside it (the match's top)."""
    inside = set(idx)
    heads = [doc[i] for i in idx if doc[i].head.i not in inside or is_root(doc[i])]
    return heads[0] if heads else doc[idx[0]]


def clause_of(tok, scope: set[int]) -> set[int]:
    """The tokens of the clause ``tok`` stands in, within ``scope``."""
    cur = tok
    while not is_root(cur) and cur.head.i in scope and cur.pos_ not in ("VERB", "AUX"):
        cur = cur.head
    if not is_root(cur) and cur.head.i in scope and cur.dep_ in ("xcomp", "conj", "ccomp", "acl", "advcl", "pcomp"):
        cur = cur.head
    sub = set(range(cur.left_edge.i, cur.right_edge.i + 1)) & scope
    return sub or scope
