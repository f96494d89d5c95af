"""A person's grammatical gender, read from the article itself (never from a list of first names).

Evidence, strongest first: an honorific or gendered role word right before the name ("Mr Example",
"spokeswoman Ann Example"); a possessive or reflexive pronoun in a sentence that names that person
and no other ("Example said his government …"; an object "her" is someone else: "X spoke after
her"); a pronoun subject opening the sentence after one whose only person is that person ("Example
arrived. She said …"). Votes are summed; a tie is no
evidence. Pronoun resolution then passes over antecedents of the other gender.

>>> from stancegraph.ingest import parse_text
>>> from stancegraph.knowledge import load_resources
>>> from stancegraph.extract.document import ArticleParser
>>> pd, index = ArticleParser(load_resources()).parse(parse_text("t", "Ms Ann Example met Bob Sample."))
>>> sorted(index.get(iri).name + ":" + g for iri, g in article_genders(pd, index).items())
['Ann Example:f']
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter

from ..lang_en import (HONORIFICS_FEMININE, HONORIFICS_MASCULINE, PRONOUNS_FEMININE, PRONOUNS_GENDERED_BOUND,
                       PRONOUNS_MASCULINE, ROLE_WORDS_FEMININE, ROLE_WORDS_MASCULINE)
from .tokens import token_table

MASCULINE, FEMININE = "m", "f"
_STRONG, _WEAK = 3, 1


def pronoun_gender(word: str) -> str | None:
    """'m' for he/him/his/himself, 'f' for she/her/hers/herself, else None."""
    low = word.lower()
    return MASCULINE if low in PRONOUNS_MASCULINE else FEMININE if low in PRONOUNS_FEMININE else None


def _marker_gender(word: str) -> str | None:
    low = word.lower()
    if low in HONORIFICS_MASCULINE or low in ROLE_WORDS_MASCULINE:
        return MASCULINE
    if low in HONORIFICS_FEMININE or low in ROLE_WORDS_FEMININE:
        return FEMININE
    return None


def article_genders(doc, index) -> dict[str, str]:
    """Person IRI -> 'm' or 'f' for the people of one parsed article the text gives evidence for."""
    tokens = doc.doc
    ta = doc.tok_actor
    votes: dict[str, Counter] = {}

    def person(i: int) -> str | None:
        iri = ta.get(i)
        actor = index.get(iri) if iri else None
        return iri if actor is not None and actor.kind == "person" else None

    def vote(iri: str, gender: str | None, weight: int) -> None:
        if gender:
            votes.setdefault(iri, Counter())[gender] += weight

    # honorifics and gendered role words right before a mention (or inside its title span)
    for i, iri in ta.items():
        if (i == 0 or ta.get(i - 1) != iri) and person(i):
            j = i - 1
            while j >= 0 and tokens[j].is_punct and tokens[j].text == ".":
                j -= 1
            if j >= 0:
                vote(iri, _marker_gender(tokens[j].text), _STRONG)
            k = i
            while k in ta and ta[k] == iri:
                vote(iri, _marker_gender(tokens[k].text), _STRONG)
                k += 1
    # pronouns in a sentence with one person only, and pronoun subjects opening the next sentence
    prev_only: str | None = None
    table = token_table(tokens)  # words and relations read once, not a Token per look
    # the tokens that name an actor, in order: a sentence's people are among them (person() of any
    # other token is None)
    named = sorted(ta) if all(type(i) is int for i in ta) else None
    for sent in doc.sents:
        span = range(sent.start, sent.end)
        actor_tokens = span if named is None else named[bisect_left(named, sent.start):bisect_left(named, sent.end)]
        people = {person(i) for i in actor_tokens} - {None}
        only = next(iter(people)) if len(people) == 1 else None
        first_person_at = min((i for i in actor_tokens if person(i)), default=None)
        if only is not None:
            for i in span:
                if i > first_person_at and table.lower[i] in PRONOUNS_GENDERED_BOUND \
                        and not (table.lower[i] == "her" and table.dep[i] != "poss"):
                    # an object "her" ("X spoke after her") is someone else than its clause's subject
                    vote(only, pronoun_gender(table.lower[i]), _WEAK)
        if prev_only is not None:
            subj = next((tokens[i] for i in span if table.dep[i] in ("nsubj", "nsubjpass")
                         and not tokens[i].is_punct), None)
            if subj is not None and pronoun_gender(subj.lower_) and (first_person_at is None
                                                                     or first_person_at > subj.i):
                vote(prev_only, pronoun_gender(subj.lower_), _WEAK)
        prev_only = only
    out = {}
    for iri, c in votes.items():
        m, f = c[MASCULINE], c[FEMININE]
        if m != f:
            out[iri] = MASCULINE if m > f else FEMININE
    return out
