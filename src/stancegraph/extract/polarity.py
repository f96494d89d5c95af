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


def flips(cues: CueLookup, tok, match: set[int], top: int | None, scope: set[int],
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
            if child.dep_ == "neg" or (child.dep_ in ("det", "advmod", "preconj") and low in cues.contrast):
                if child.i < first:  # negation precedes what it negates
                    sign, marked = -sign, True
                    if cur.i == tok.i:
                        local = True
            elif child.dep_ == "aux" and low in MODALS:
                marked = True
        if cur.i not in match:
            low, lemma = forms(cur)
            pol = cues.polarity_of(cur)
            if topic and cur.pos_ == "VERB" and lemma not in COPULAS and pol is None \
                    and cur.i != first and not predicate:
                return sign, predicate or local, marked
            if (low in cues.contrast or lemma in cues.contrast) and cur.i < first:
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
