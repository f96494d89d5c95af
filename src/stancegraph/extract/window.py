"""Antecedent candidates in a window of sentences, in time independent of the article's length.

Looking for the actor a role phrase or pronoun refers to walks back at most
:data:`WINDOW` sentences; listing every mention and speaker of the article for
each look-up made extraction quadratic in the article's length. A
:class:`MentionWindow` keeps the mentions and the speakers sorted by token and
gives, for one token, the candidates in exactly the order the look-up tries
them, with ``None`` where the look-up meets its first candidate beyond the
window (where it stops).
"""

from __future__ import annotations

from bisect import bisect_left, insort
from typing import Iterator

from ..lang_en import PRONOUNS_PERSON

WINDOW = 4  # sentences back
PROMINENT_DEPS = ("nsubj", "nsubjpass", "poss")
SUBJECT_DEPS = ("nsubj", "nsubjpass")
OBJECT_DEPS = ("pobj", "dobj", "conj")


def _in_subject(tok) -> bool:
    """True when the token is a subject, or part of a name in apposition to one ("Ann Example" in
    "The mayor, Ann Example, said")."""
    for _ in range(4):
        if tok.dep_ in SUBJECT_DEPS:
            return True
        if tok.dep_ not in ("compound", "appos", "flat", "conj") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _depth(tok) -> int:
    """Steps from a token up to its sentence's root."""
    n = 0
    while tok.head.i != tok.i and n < 40:
        tok = tok.head
        n += 1
    return n


class MentionWindow:
    """Mentions (``doc.tok_actor``) and the speakers of a speaker log, by token index.

    The log is passed to each look-up (never stored on a shared object); a log that extends the
    last one is taken in incrementally, any other starts the speakers afresh.
    """

    def __init__(self, doc, index):
        self.doc = doc
        self.index = index
        self.keys = sorted(doc.tok_actor)
        tokens = doc.doc
        self.other = [i for i in self.keys if tokens[i].dep_ not in OBJECT_DEPS]
        self.quoted = sorted(getattr(doc, "quoted_chars", ()))
        self._reset(())

    def _reset(self, log) -> None:
        self.log = log
        self.speakers: list[tuple[int, int, str]] = []  # (token, -arrival, actor), ascending
        self.seen = 0
        self.first_named: dict[str, dict[str, int | None]] = {}

    def quoted_token(self, i: int) -> bool:
        """True when token ``i`` stands inside quotation marks (someone's words, not the narrative)."""
        at = self.doc.doc[i].idx + self.doc.offset
        k = bisect_left(self.quoted, (at + 1,)) - 1
        return k >= 0 and self.quoted[k][0] <= at < self.quoted[k][1]

    def _named(self, iri: str, role: str) -> bool:
        actor = self.index.get(iri)
        return actor is not None and role in actor.name.lower()

    def _sync(self, log) -> None:
        if log is not self.log and log[:self.seen] != self.log[:self.seen]:
            self._reset(log)
        self.log = spk = log
        while self.seen < len(spk):
            i, a = spk[self.seen]
            insort(self.speakers, (i, -self.seen, a))
            for role, first in self.first_named.items():
                if self._named(a, role) and (first["speakers"] is None or i < first["speakers"]):
                    first["speakers"] = i
            self.seen += 1

    def _firsts(self, role: str) -> dict[str, int | None]:
        if role not in self.first_named:
            ta = self.doc.tok_actor
            named = [i for i in self.keys if self._named(ta[i], role)]
            named_other = [i for i in self.other if self._named(ta[i], role)]
            spk = [i for i, _, a in self.speakers if self._named(a, role)]
            self.first_named[role] = {"rest": named[0] if named else None,
                                      "other": named_other[0] if named_other else None,
                                      "speakers": min(spk) if spk else None}
        return self.first_named[role]

    def effective_sentence(self, tok_i: int) -> int:
        """The sentence a token's look-back starts from: its own, or, for the he/she of a frame after a
        quote of several sentences ('"One. Two. … Six," he said.'), the first sentence of that quote
        (the window counts from where the quoted words began)."""
        pd = self.doc
        sent = pd.sent_of[tok_i]
        if sent == 0 or pd.doc[tok_i].lower_ not in PRONOUNS_PERSON or self.quoted_token(tok_i):
            return sent
        own = pd.sents[sent]
        if not any(self.quoted_token(t.i) for t in own if t.i < tok_i and not (t.is_punct or t.is_space)):
            return sent
        first = sent
        while first > 0 and all(self.quoted_token(t.i) for t in pd.sents[first - 1] if not (t.is_punct or t.is_space)):
            first -= 1
        return first

    def candidates(self, tok_i: int, log, role: str | None = None,
                   previous: bool = False) -> Iterator[tuple[int, str] | None]:
        """(token, actor) candidates for the antecedent of token ``tok_i``: the sentence's
        subjects and possessors, then (``previous``) the subjects of the sentence before, then
        speakers, other mentions, any mention (most recent first); with ``role``, those whose
        name has the role word go first. ``None``: stop here."""
        self._sync(log)
        pd = self.doc
        ta = pd.tok_actor
        doc = pd.doc
        sstart = pd.sents[pd.sent_of[tok_i]].start
        sent = self.effective_sentence(tok_i)
        wstart = pd.sents[max(0, sent - WINDOW)].start

        lo, hi = bisect_left(self.keys, wstart), bisect_left(self.keys, tok_i)
        near = self.keys[lo:hi]
        prominent = [(i, ta[i]) for i in near if i >= sstart and doc[i].dep_ in PROMINENT_DEPS
]
        if previous and sent > 0:
            # the sentence before, passing over the sentences of a quote that runs up to this one
            before = sent - 1
            while before > 0 and sent - before < WINDOW and all(self.quoted_token(t.i) for t in pd.sents[before]
                                                                if not (t.is_punct or t.is_space)):
                before -= 1
            pstart, pend = pd.sents[before].start, pd.sents[before].end
            subjects = [(i, ta[i]) for i in near if pstart <= i < pend and _in_subject(doc[i])
                        and not self.quoted_token(i)]
            prominent += sorted(subjects, key=lambda c: (_depth(doc[c[0]]), c[0]))  # main clause first
        s_lo = bisect_left(self.speakers, (wstart, -len(self.speakers) - 1))
        s_hi = bisect_left(self.speakers, (tok_i, -len(self.speakers) - 1))
        speakers = [(i, a) for i, _, a in reversed(self.speakers[s_lo:s_hi])]
        o_lo, o_hi = bisect_left(self.other, wstart), bisect_left(self.other, tok_i)
        others = [(i, ta[i]) for i in reversed(self.other[o_lo:o_hi])]
        rest = [(i, ta[i]) for i in reversed(near)]
        far = {"speakers": s_lo > 0, "other": o_lo > 0, "rest": lo > 0}
        parts = [("prominent", prominent), ("speakers", speakers), ("other", others), ("rest", rest)]
        if role:
            firsts = self._firsts(role)
            for name, items in parts:
                yield from ((i, a) for i, a in items if self._named(a, role))
                if name != "prominent" and firsts[name] is not None and firsts[name] < wstart:
                    yield None
                    return
        for name, items in parts:
            yield from items
            if name != "prominent" and far[name] and not (previous and name == "speakers"):
                yield None
                return
