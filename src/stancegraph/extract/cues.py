"""One lookup of the lexicon's cue classes, shared by attribution, stances and claims.

>>> from stancegraph.knowledge import load_resources
>>> import spacy
>>> cues = CueLookup(load_resources().lexicon)
>>> doc = spacy.blank("en")("rejected")
>>> cues.polarity_of(doc[0]) is None   # a blank pipeline has no lemmas: "rejected" is not "reject"
True
"""

from __future__ import annotations

from ..knowledge import Lexicon
from .matcher import forms, phrasal


class CueLookup:
    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self.reporting_single = {p[0] for p in lexicon.reporting if len(p) == 1}
        self.reporting_multi = {p for p in lexicon.reporting if len(p) == 2}
        self.predicates = {p[0]: pol for p, pol in lexicon.predicates if len(p) == 1}
        self.multi_predicates = {p: pol for p, pol in lexicon.predicates if len(p) > 1}
        self.contrast = {p[0] for p in lexicon.contrast if len(p) == 1}

    def is_reporting(self, tok) -> bool:
        """A verb (or predicative adjective) that reports speech: "said", "pointed out", "keen"."""
        low, lemma = forms(tok)
        if not (lemma in self.reporting_single or low in self.reporting_single):
            pv = phrasal(tok) if tok.pos_ == "VERB" else None
            return pv is not None and pv in self.reporting_multi  # "pointed out", "ruled out"
        return tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "amod", "attr"))

    def may_report(self, table, i: int) -> bool:
        """False where :meth:`is_reporting` is false for certain, read from the Doc's
        :class:`~.tokens.TokenTable` without making the Token: neither a reporting word nor a
        verb with a particle after it."""
        low, lemma = table.forms[i]
        return lemma in self.reporting_single or low in self.reporting_single or \
            (table.pos[i] == "VERB" and table.particle_after(i))

    def reporting_candidates(self, table) -> frozenset[int]:
        """The tokens of a Doc :meth:`may_report` is true of (found once per Doc and lookup)."""
        key = ("reporting", id(self))
        got = table.memo.get(key)
        if got is None:
            got = table.memo[key] = frozenset(i for i in range(table.n) if self.may_report(table, i))
        return got

    def is_predicate(self, tok) -> bool:
        """A stance-taking predicate ("reject", "demand", "call for")."""
        low, lemma = forms(tok)
        if lemma in self.predicates or low in self.predicates:
            return True
        pv = phrasal(tok) if tok.pos_ == "VERB" else None
        return pv is not None and pv in self.multi_predicates

    def polarity_of(self, tok) -> int | None:
        """+1 / -1 for a stance predicate (phrasal ones included), else None."""
        low, lemma = forms(tok)
        return self._polarity(low, lemma, phrasal(tok))

    def polarity_at(self, doc, table, i: int) -> int | None:
        """:meth:`polarity_of` ``doc[i]``, read from the Doc's :class:`~.tokens.TokenTable`
        (the Token is only made for a possible phrasal verb)."""
        low, lemma = table.forms[i]
        return self._polarity(low, lemma, phrasal(doc[i]) if table.particle_after(i) else None)

    def _polarity(self, low: str, lemma: str, pv: tuple[str, str] | None) -> int | None:
        pol = self.predicates.get(lemma) or self.predicates.get(low)
        if pv is not None and pv in self.multi_predicates:
            pol = self.multi_predicates[pv]  # "rule out", "call for"
        return pol

    def is_contrast(self, tok) -> bool:
        return self.is_contrast_form(*forms(tok))

    def is_contrast_form(self, low: str, lemma: str) -> bool:
        """:meth:`is_contrast` of a token with these forms (:func:`~.matcher.forms`)."""
        return low in self.contrast or lemma in self.contrast
