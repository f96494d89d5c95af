"""Per-token strings and head indices of a parsed Doc, read once per Doc.

spaCy makes a new ``Token`` object on every ``doc[i]`` and every iteration, and
each string attribute (``lower_``, ``dep_``) is a lookup of its own; rules that
walk the same tokens again and again (the phrase matcher at every start position,
every utterance's scope) pay that each time. A :class:`TokenTable` reads each token
once and keeps plain Python lists; it is kept in the Doc's ``user_data``, so it
lives and dies with the Doc (and with the spaCy memory zone the Doc is made in).

A table only answers what the Token would answer: the forms are
:func:`stancegraph.extract.matcher.forms` of each token, ``pos``/``dep`` its
``pos_``/``dep_``, ``head`` its ``head.i``. Rules may use it to skip tokens cheaply
and then ask the Token for anything else.

>>> import spacy
>>> doc = spacy.blank("en")("He ruled it out")
>>> t = token_table(doc)
>>> t.forms[1], t.head[1], t.alpha[0], token_table(doc) is t
(('ruled', 'ruled'), 1, True, True)
"""

from __future__ import annotations

from .matcher import forms

_KEY = "stancegraph.tokens"


class TokenTable:
    """The forms (lower-case form, lemma), ``pos_``, ``dep_``, head index and ``is_alpha`` of
    every token of one Doc, as lists indexed by token index."""

    __slots__ = ("n", "forms", "pos", "dep", "head", "alpha", "__weakref__")

    def __init__(self, doc):
        self.n = len(doc)
        fs, pos, dep, head, alpha = [], [], [], [], []
        for tok in doc:
            fs.append(forms(tok))
            pos.append(tok.pos_)
            dep.append(tok.dep_)
            head.append(tok.head.i)
            alpha.append(tok.is_alpha)
        self.forms, self.pos, self.dep, self.head, self.alpha = fs, pos, dep, head, alpha

    def particle_after(self, i: int) -> bool:
        """True when token ``i + 1`` is a ``prt``/``prep`` child of token ``i`` ("ruled out"),
        the only case in which :func:`~stancegraph.extract.matcher.phrasal` finds a phrasal verb."""
        j = i + 1
        return j < self.n and self.head[j] == i and self.dep[j] in ("prt", "prep")


def token_table(doc) -> TokenTable:
    """The :class:`TokenTable` of ``doc`` (built on first use, then kept with the Doc)."""
    data = doc.user_data
    table = data.get(_KEY)
    if table is None or table.n != len(doc):
        table = data[_KEY] = TokenTable(doc)
    return table
