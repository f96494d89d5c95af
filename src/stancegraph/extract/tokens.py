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
and then ask the Token for anything else.

>>> import spacy
>>> doc = spacy.blank("en")("He ruled it out")
>>> t = token_table(doc)
>>> t.forms[1], t.head[1], t.alpha[0], token_table(doc) is t
(('ruled', 'ruled'), 1, True, True)
"""

from __future__ import annotations

_KEY = "stancegraph.tokens"

_FORMS: dict[tuple[int, int], tuple[str, str]] = {}
_FORMS_MAX = 200_000  # distinct (form, lemma) pairs kept; the table starts again past it


def forms(token) -> tuple[str, str]:
    """(lower-case form, lower-case lemma) of a token, curly apostrophes made straight.

    Looked up by the token's string hashes (``lower``, ``lemma``: integers, no string made),
    computed once per distinct pair.
    """
    key = (token.lower, token.lemma)
    got = _FORMS.get(key)
    if got is None:
        low = token.lower_.replace("’", "'")
        got = (low, (token.lemma_ or low).lower().replace("’", "'"))
        if len(_FORMS) >= _FORMS_MAX:
            _FORMS.clear()
        _FORMS[key] = got
    return got


class TokenTable:
    """Per token of one Doc, lists indexed by token index: ``forms`` (:func:`forms`), ``lower``
    (``lower_``), ``lemma`` (``lemma_.lower()``), ``pos``, ``tag``, ``dep`` (``pos_``, ``tag_``,
    ``dep_``), ``head`` (``head.i``) and ``alpha`` (``is_alpha``)."""

    __slots__ = ("n", "forms", "lower", "lemma", "pos", "tag", "dep", "head", "alpha", "__weakref__")

    def __init__(self, doc):
        self.n = len(doc)
        fs, lower, lemma, pos, tag, dep, head, alpha = [], [], [], [], [], [], [], []
        for tok in doc:
            fs.append(forms(tok))
            lower.append(tok.lower_)
            lemma.append(tok.lemma_.lower())
            pos.append(tok.pos_)
            tag.append(tok.tag_)
            dep.append(tok.dep_)
            head.append(tok.head.i)
            alpha.append(tok.is_alpha)
        self.forms, self.lower, self.lemma, self.pos, self.tag = fs, lower, lemma, pos, tag
        self.dep, self.head, self.alpha = dep, head, alpha

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
