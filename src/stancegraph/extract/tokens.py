"""Per-token strings and head indices of a parsed Doc, read once per Doc.

spaCy makes a new ``Token`` object on every ``doc[i]`` and every iteration, and
each string attribute (``lower_``, ``dep_``) is a lookup of its own; rules that
walk the same tokens again and again (the phrase matcher at every start position,
every utterance's scope) pay that each time. A :class:`TokenTable` reads each token
once and keeps plain Python lists; it is kept in the Doc's ``user_data``, so it
lives and dies with the Doc (and with the spaCy memory zone the Doc is made in).

A table only answers what the Token would answer: the forms are
:func:`forms` of each token (also known as ``stancegraph.extract.matcher.forms``), ``pos``/``dep`` its
``pos_``/``dep_``, ``head`` its ``head.i``. Rules may use it to skip tokens cheaply
and then ask the Token for anything else. The Doc's text and entities are kept with it
too (:func:`doc_text`, :func:`doc_ents`): spaCy makes each again on every ``doc.text``
and ``doc.ents``.

>>> import spacy
>>> doc = spacy.blank("en")("He ruled it out.")
>>> t = token_table(doc)
>>> t.forms[1], t.head[1], t.alpha[0], t.punct[4], token_table(doc) is t
(('ruled', 'ruled'), 1, True, True, True)
>>> doc_text(doc) == doc.text, doc_ents(doc) == doc.ents
(True, True)
"""

from __future__ import annotations

import numpy as np

_KEY = "stancegraph.tokens"

_FORMS: dict[tuple[int, int], tuple[str, str]] = {}
_FORMS_MAX = 200_000  # distinct (form, lemma) pairs kept; the table starts again past it


def _form_pair(lower: str, lemma: str) -> tuple[str, str]:
    """The :func:`forms` of a token whose ``lower_`` and ``lemma_`` are these."""
    low = lower.replace("’", "'")
    return low, (lemma or low).lower().replace("’", "'")


def forms(token) -> tuple[str, str]:
    """(lower-case form, lower-case lemma) of a token, curly apostrophes made straight.

    Looked up by the token's string hashes (``lower``, ``lemma``: integers, no string made),
    computed once per distinct pair.
    """
    key = (token.lower, token.lemma)
    got = _FORMS.get(key)
    if got is None:
        got = _form_pair(token.lower_, token.lemma_)
        if len(_FORMS) >= _FORMS_MAX:
            _FORMS.clear()
        _FORMS[key] = got
    return got


class TokenTable:
    """Per token of one Doc, lists indexed by token index: ``text``, ``forms`` (:func:`forms`), ``lower``
    (``lower_``), ``lemma`` (``lemma_.lower()``), ``pos``, ``tag``, ``dep`` (``pos_``, ``tag_``,
    ``dep_``), ``head`` (``head.i``), ``alpha`` (``is_alpha``), ``punct`` (``is_punct``) and ``space_after``
    (a ``whitespace_``)."""

    __slots__ = ("n", "text", "forms", "lower", "lemma", "pos", "tag", "dep", "head", "alpha", "punct", "space_after",
                 "_sentences", "_children", "memo", "__weakref__")

    def __init__(self, doc):
        from spacy.attrs import DEP, HEAD, IS_ALPHA, IS_PUNCT, LEMMA, LOWER, ORTH, POS, SPACY, TAG

        self.n = n = len(doc)
        # one array of string hashes and flags (C speed), then each distinct string made once
        arr = doc.to_array([LOWER, LEMMA, POS, TAG, DEP, HEAD, IS_ALPHA, ORTH, IS_PUNCT, SPACY]).reshape(n, 10)
        lower_h, lemma_h, pos_h, tag_h, dep_h, _, alpha, orth_h, punct, space = arr.T.tolist()
        _TEXT.strings = _LOWERED.strings = _FORM_OF.strings = doc.vocab.strings
        text = _TEXT.__getitem__
        self.text = list(map(text, orth_h))
        self.forms = list(map(_FORM_OF.__getitem__, zip(lower_h, lemma_h)))
        self.lower = list(map(text, lower_h))
        self.lemma = list(map(_LOWERED.__getitem__, lemma_h))
        self.pos = list(map(text, pos_h))
        self.tag = list(map(text, tag_h))
        self.dep = list(map(text, dep_h))
        # HEAD is the offset to the head, as an unsigned 64-bit number
        self.head = (arr[:, 5].astype(np.int64) + np.arange(n)).tolist()
        self.alpha = [a == 1 for a in alpha]
        #: ``is_punct``; and whether a space follows the token (``whitespace_``)
        self.punct = [p == 1 for p in punct]
        self.space_after = [s == 1 for s in space]
        self._sentences = None
        self._children = None
        #: what a rule derives from the whole Doc once (key: the rule's name and its tables' id)
        self.memo: dict = {}

    def sentences(self, doc) -> list[tuple[int, int]]:
        """(start, end) token indices of each of ``doc.sents`` (this table's Doc), made once."""
        if self._sentences is None:
            self._sentences = [(s.start, s.end) for s in doc.sents]
        return self._sentences

    def children(self) -> list[list[int]]:
        """Per token, the indices of its ``children`` (the tokens whose head it is, in order), made once.

        >>> import spacy
        >>> from spacy.tokens import Doc
        >>> doc = Doc(spacy.blank("en").vocab, words=["Ann", "said", "no"], heads=[1, 1, 1], deps=["nsubj", "ROOT", "dobj"])
        >>> token_table(doc).children()[1] == [c.i for c in doc[1].children]
        True
        """
        if self._children is None:
            kids: list[list[int]] = [[] for _ in range(self.n)]
            for j, h in enumerate(self.head):
                if h != j:
                    kids[h].append(j)
            self._children = kids
        return self._children

    def particle_after(self, i: int) -> bool:
        """True when token ``i + 1`` is a ``prt``/``prep`` child of token ``i`` ("ruled out"),
        the only case in which :func:`~stancegraph.extract.matcher.phrasal` finds a phrasal verb."""
        j = i + 1
        return j < self.n and self.head[j] == i and self.dep[j] in ("prt", "prep")


class _Lookup(dict):
    """hash -> value, each made once from the string store (a hash names the same string in
    every vocabulary); cleared when it grows past its bound."""

    strings = None
    MAX = 500_000

    def __missing__(self, key):
        if len(self) >= self.MAX:
            self.clear()
        value = self[key] = self.make(key)
        return value


class _Text(_Lookup):
    def make(self, h: int) -> str:
        return self.strings[h]


class _Lowered(_Lookup):
    def make(self, h: int) -> str:
        return self.strings[h].lower()


class _FormOf(_Lookup):
    def make(self, key: tuple[int, int]) -> tuple[str, str]:
        """:func:`forms` of a token with these ``lower`` and ``lemma`` hashes."""
        got = _FORMS.get(key)
        if got is None:
            got = _form_pair(self.strings[key[0]], self.strings[key[1]])
        return got


_TEXT, _LOWERED, _FORM_OF = _Text(), _Lowered(), _FormOf()


def doc_text(doc) -> str:
    """``doc.text`` (each token's text and its trailing space), made once per Doc."""
    memo = token_table(doc).memo
    text = memo.get("doc text")
    if text is None:
        table = token_table(doc)
        text = memo["doc text"] = "".join([t + " " if sp else t for t, sp in zip(table.text, table.space_after)])
    return text


def doc_ents(doc) -> tuple:
    """``doc.ents``, made once per Doc (the entities are read-only once the Doc is parsed)."""
    memo = token_table(doc).memo
    ents = memo.get("doc ents")
    if ents is None:
        ents = memo["doc ents"] = doc.ents
    return ents


def token_table(doc) -> TokenTable:
    """The :class:`TokenTable` of ``doc`` (built on first use, then kept with the Doc)."""
    data = doc.user_data
    table = data.get(_KEY)
    if table is None or table.n != len(doc):
        table = data[_KEY] = TokenTable(doc)
    return table
