"""Gap-tolerant phrase matching over spaCy tokens.

A phrase is a tuple of words; each word matches a token whose lower-case form
or lemma equals it ("*" matches any token). Consecutive words may have up to
``gap`` other tokens between them. Matching is confined to a token range
(a sentence or a clause).

>>> import spacy
>>> nlp = spacy.blank("en")
>>> doc = nlp("It was not a real withdrawal at all")
>>> [m for m in find(doc, 0, len(doc), {("real", "withdrawal"): 7})]
[(7, [4, 5])]
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Hashable, Iterator

from .tokens import forms, token_table  # noqa: F401 - forms: the rules import it from here

GAP = 2


def find(doc, start: int, end: int, phrases: dict[tuple[str, ...], Hashable],
         gap: int = GAP) -> Iterator[tuple[Hashable, list[int]]]:
    """Yield (value, token indices) for each phrase found in ``doc[start:end]``.

    The leftmost, shortest match of each phrase at each start position is reported.
    """
    by_first = _index(phrases)
    get, star = by_first.get, by_first.get("*")
    tokens = token_table(doc)
    table = tokens.forms  # the forms of each token, read once per Doc
    if star is None and 0 <= start and end <= tokens.n:  # only the tokens a phrase starts with, in order
        starts = _starts(tokens, by_first)
        at = starts[bisect_left(starts, start):bisect_left(starts, end)]
    else:
        at = range(start, end)
    for i in at:
        low, lemma = table[i]
        by_low = get(low)
        by_lemma = get(lemma) if lemma != low else None
        if by_low is None and by_lemma is None and star is None:
            continue  # no phrase starts here (most tokens)
        for candidates in (by_low, by_lemma, star):
            for words, value in candidates or ():
                idx = _extend(table, i, end, words, gap)
                if idx is not None:
                    yield value, idx


_INDEX: dict[int, tuple[dict, int, dict]] = {}


def _index(phrases: dict) -> dict[str, list[tuple[tuple[str, ...], Hashable]]]:
    """The phrases by first word, built once per phrase table (callers keep their tables; the
    table is held here with its size, so a new or grown table is indexed again)."""
    got = _INDEX.get(id(phrases))
    if got is not None and got[0] is phrases and got[1] == len(phrases):
        return got[2]
    by_first: dict[str, list[tuple[tuple[str, ...], Hashable]]] = {}
    for words, value in phrases.items():
        if words:
            by_first.setdefault(words[0], []).append((words, value))
    if len(_INDEX) > 64:
        _INDEX.clear()
    _INDEX[id(phrases)] = (phrases, len(phrases), by_first)
    return by_first


def _starts(tokens, by_first: dict) -> list[int]:
    """The indices of the tokens of a Doc (its :class:`~.tokens.TokenTable`) whose form or lemma
    is the first word of a phrase of ``by_first``, ascending; made once per Doc and phrase table,
    from the Doc's positions of each form (made once per Doc)."""
    key = ("phrase starts", id(by_first))
    got = tokens.memo.get(key)
    if got is not None and got[0] is by_first:
        return got[1]
    where = tokens.memo.get("form positions")
    if where is None:
        where = tokens.memo["form positions"] = {}
        for i, (low, lemma) in enumerate(tokens.forms):
            where.setdefault(low, []).append(i)
            if lemma != low:
                where.setdefault(lemma, []).append(i)
    found: set[int] = set()
    for word in by_first.keys() & where.keys():
        found.update(where[word])
    starts = sorted(found)
    tokens.memo[key] = (by_first, starts)
    return starts


def _extend(table: list[tuple[str, str]], i: int, end: int, words: tuple[str, ...], gap: int) -> list[int] | None:
    """The tokens of ``words`` from token ``i`` on (``table``: the forms of each token), else None."""
    idx = [i]
    pos = i
    for word in words[1:]:
        found = None
        for j in range(pos + 1, min(end, pos + 2 + gap)):
            if word == "*" or word in table[j]:
                found = j
                break
        if found is None:
            return None
        idx.append(found)
        pos = found
    return idx


def phrasal(token) -> tuple[str, str] | None:
    """(lemma, particle) of a phrasal verb ("ruled out" -> ("rule", "out")), else None."""
    if not token_table(token.doc).particle_after(token.i):
        return None  # no prt/prep child right after it: the test below, without making the children
    for child in token.children:
        if child.dep_ in ("prt", "prep") and child.i == token.i + 1:
            return (token.lemma_ or token.lower_).lower(), child.lower_
    return None


def is_root(token) -> bool:
    """True for a sentence root. spaCy makes a new Token object on every access, so
    ``tok.head is tok`` is never true: compare indices."""
    return token.head.i == token.i
