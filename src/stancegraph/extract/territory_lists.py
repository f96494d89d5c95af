"""Territories named one by one: the lists a counted phrase ("the four regions") or an act
("the annexation of T, U and V") stands for, and the region nouns that may join them.

>>> from stancegraph.extract.nlp import load_nlp
>>> doc = load_nlp()("They named Alpha, Beta and the Gamma regions.")
>>> territory_lists(doc, {2: ("a",), 4: ("b",), 7: ("c",)})
[(2, 7, ('a', 'b', 'c'))]
"""

from __future__ import annotations

from .tokens import token_table

# Nouns a counted or qualified phrase uses for a set of territories ("the four regions", "the
# annexed territories"), and that a territory's name may modify ("the T and U regions").
REGION_NOUNS = {"region", "oblast", "province", "territory", "republic", "area", "peninsula", "city", "people"}
# Words that may stand between the names of one list ("T, U and the V region as well as W").
LIST_GLUE = {",", "and", "or", "as", "well", "the", "(", ")", "-", "–", "—", "--", "'s", "’s", "both", "also"}


def region_noun(tok) -> bool:
    """A noun for a region, singular or plural ("region", "Regions", "oblasts", "territories")."""
    return region_word(tok.lemma_.lower(), tok.lower_)


def region_word(lemma: str, lower: str) -> bool:
    """:func:`region_noun` of a token with this lower-case lemma and lower-case form."""
    for w in (lemma, lower):
        if w in REGION_NOUNS or (w.endswith("s") and w[:-1] in REGION_NOUNS) or \
                (w.endswith("ies") and w[:-3] + "y" in REGION_NOUNS):
            return True
    return False


def territory_lists(doc, tags) -> list[tuple[int, int, tuple[str, ...]]]:
    """Lists of territories named one by one: (first token, last token, territories in order).

    A list is a run of single-territory mentions in one sentence joined only by commas,
    conjunctions, articles, brackets and region nouns ("T, U and the V and W regions"); one name
    alone is a list of one.
    """
    out = []
    table = token_table(doc)  # words read once per Doc, not a Token per look
    for sent_start, sent_end in table.sentences(doc):
        cur: list = []
        start = last = None
        for i in range(sent_start, sent_end):
            tag = tags.get(i)
            if tag is not None and len(tag) == 1:
                if start is None:
                    start = i
                if tag[0] not in cur:
                    cur.append(tag[0])
                last = i
            elif cur and not (table.lower[i] in LIST_GLUE or region_word(table.lemma[i], table.lower[i])
                              or doc[i].is_space):
                out.append((start, last, tuple(cur)))
                cur, start = [], None
        if cur:
            out.append((start, last, tuple(cur)))
    return out
