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

from typing import Hashable, Iterator

GAP = 2


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


def _word_ok(word: str, token) -> bool:
    if word == "*":
        return True
    low, lemma = forms(token)
    return word == low or word == lemma


def find(doc, start: int, end: int, phrases: dict[tuple[str, ...], Hashable],
         gap: int = GAP) -> Iterator[tuple[Hashable, list[int]]]:
    """Yield (value, token indices) for each phrase found in ``doc[start:end]``.

    The leftmost, shortest match of each phrase at each start position is reported.
    """
    by_first = _index(phrases)
    for i in range(start, end):
        low, lemma = forms(doc[i])
        candidates = by_first.get(low, []) + (by_first.get(lemma, []) if lemma != low else []) + by_first.get("*", [])
        for words, value in candidates:
            idx = _extend(doc, i, end, words, gap)
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


def _extend(doc, i: int, end: int, words: tuple[str, ...], gap: int) -> list[int] | None:
    idx = [i]
    pos = i
    for word in words[1:]:
        found = None
        for j in range(pos + 1, min(end, pos + 2 + gap)):
            if _word_ok(word, doc[j]):
                found = j
                break
        if found is None:
            return None
        idx.append(found)
        pos = found
    return idx


def phrasal(token) -> tuple[str, str] | None:
    """(lemma, particle) of a phrasal verb ("ruled out" -> ("rule", "out")), else None."""
    for child in token.children:
        if child.dep_ in ("prt", "prep") and child.i == token.i + 1:
            return (token.lemma_ or token.lower_).lower(), child.lower_
    return None


def is_root(token) -> bool:
    """True for a sentence root. spaCy makes a new Token object on every access, so
    ``tok.head is tok`` is never true: compare indices."""
    return token.head.i == token.i
