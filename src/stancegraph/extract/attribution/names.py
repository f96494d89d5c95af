"""The speaker a reporting verb's subject names when the actor finder did not link it.

The parser and the entity recogniser miss names that the reporting frame makes plain: a
surname or first name alone after the full name ("Abiy said" after "Abiy Ahmed", "Dame Ann
said" after "Dame Ann Example"), a name the recogniser took for an organisation or for
nothing ("Ivanenko said", '"…," said Olena, who …'), a name introduced in an apposition
("Lise Marchal, a Red Cross staff member, said: "…""). The subject of a verb of speech is a
speaker, so such a name is a person: the person actor of the article whose name has the word,
else a person minted from the fullest form of the name the article gives.

>>> from stancegraph.ingest import parse_text
>>> from stancegraph.knowledge import load_resources
>>> from stancegraph.extract.pipeline import Extractor
>>> ex = Extractor(load_resources())
>>> r = ex.extract(parse_text("t", 'The ferry stopped.\\n\\n"We waited for hours," said Olenka, who lives nearby.'))
>>> [(r.actors[s.speaker].name, s.quoted_text) for s in r.statements if s.quoted_text]
[('Olenka', 'We waited for hours,')]
"""

from __future__ import annotations

import re

from ...lang_en import (ARTICLES, COLLECTIVE_NOUNS, HONORIFICS_FEMININE, HONORIFICS_MASCULINE, INSTITUTION_NOUNS,
                        PRONOUNS_FIRST, PRONOUNS_GROUP, PRONOUNS_PERSON, PRONOUNS_THING, RELATIVE_PRONOUNS,
                        ROLE_WORDS_FEMININE, ROLE_WORDS_MASCULINE, WEEKDAYS)
from ..actors import HONORIFICS, place_names
from ..document import ParsedArticle
from ..speakers import SpeakerResolver

#: entity labels a misread person's name may carry (the small model reads many names as ORG)
_NAME_LABELS = ("", "PERSON", "ORG", "WORK_OF_ART", "NORP", "PRODUCT", "FAC")
_WORD = re.compile(r"^[A-Z][A-Za-z'’\-]*[a-z]$")


def unlinked_speaker(doc: ParsedArticle, speakers: SpeakerResolver, subj) -> str | None:
    """The person the subject token ``subj`` of a reporting verb names when it is a name no actor
    was found for: the article's person actor whose name has that word (one only), else a person
    minted from the name's fullest form in the article. None when the token is not such a name
    (a common noun, a role or title word, a place, a pronoun, a word inside quotation marks)."""
    if subj is None or subj.i in doc.tok_actor or doc.in_quotes(subj.i):
        return None
    word = subj.text
    low = word.lower()
    if not _WORD.match(word) or subj.ent_type_ not in _NAME_LABELS or subj.tag_ == "NNPS":
        return None
    if _closed(low, speakers) or low in place_names(speakers.resources):
        return None
    if any(c.dep_ in ("cc", "conj") for c in subj.children) or any(t.text == low for t in doc.doc):
        return None  # a name joined to others ("Hostages and Families Forum"), a word also written in lower case
    if subj.pos_ != "PROPN":
        # a capitalised word the tagger took for a noun is a name only where the article writes it
        # capitalised inside a sentence too, or as part of a longer name
        if not _capitalised_elsewhere(doc, subj):
            return None
    elif subj.is_sent_start and not _capitalised_elsewhere(doc, subj):
        return None
    known = _person_with_word(doc, speakers, word, subj.i)
    if known is not None:
        return known
    if subj.ent_type_ not in ("", "PERSON") and not _full_name(doc, speakers, subj):
        return None  # a lone word read as an organisation ("Rating says") is not minted as a person
    name = _full_name(doc, speakers, subj) or word
    if any(_closed(w.lower(), speakers) for w in name.split()):
        return None  # "General Staff", "Crown Prince": a body's or a title's words, not a person's name
    return speakers.index.mint(name, "person")


#: closed-class words and titles that are never a person's name
_CLOSED = frozenset(HONORIFICS) | HONORIFICS_MASCULINE | HONORIFICS_FEMININE | PRONOUNS_PERSON | PRONOUNS_GROUP \
    | PRONOUNS_FIRST | PRONOUNS_THING | RELATIVE_PRONOUNS | ARTICLES | frozenset(WEEKDAYS) | INSTITUTION_NOUNS \
    | COLLECTIVE_NOUNS | ROLE_WORDS_MASCULINE | ROLE_WORDS_FEMININE


def _closed(low: str, speakers: SpeakerResolver) -> bool:
    """True when a lower-case word is a title, a role or source noun or a closed-class word."""
    return low in _CLOSED or low in speakers.lex.role_nouns or low in speakers.lex.source_nouns


def _capitalised_elsewhere(doc: ParsedArticle, subj) -> bool:
    """True when the word stands capitalised somewhere in the article not at a sentence's start."""
    return any(t.text == subj.text and not t.is_sent_start and t.i != subj.i for t in doc.doc) \
        or any(c.dep_ == "compound" and c.text[:1].isupper() for c in subj.children)


def person_named(doc: ParsedArticle, speakers: SpeakerResolver, tok) -> str | None:
    """The one person actor of the article whose name has the word of ``tok`` (a capitalised name word,
    not a title or a closed-class word; a transcript's capitals read as a name), wherever the article
    names them: a headline's "Example:" or "…: Example", a transcript's "EXAMPLE:", names the Ann
    Example of the body. None when no one or several have it."""
    word = tok.text.title() if tok.text.isupper() and len(tok.text) > 2 else tok.text  # "• EXAMPLE: …"
    if not _WORD.match(word) or _closed(word.lower(), speakers):
        return None
    return _person_with_word(doc, speakers, word, len(doc.doc), fuller=True)


def _person_with_word(doc: ParsedArticle, speakers: SpeakerResolver, word: str, before: int,
                      fuller: bool = False) -> str | None:
    """The one person actor mentioned before token ``before`` whose name has ``word`` as a word
    (``fuller``: passing over an actor named by that word alone when one fuller name has it)."""
    hits = set()
    for i, iri in doc.tok_actor.items():
        if i >= before:
            continue
        actor = speakers.actor(iri)
        if actor is None or actor.kind != "person" or actor.is_source:
            continue
        if word in re.findall(r"[\w'’\-]+", actor.name):
            hits.add(iri)
    if fuller and len(hits) > 1:
        hits = {iri for iri in hits if speakers.actor(iri).name != word}
    return next(iter(hits)) if len(hits) == 1 else None


def _full_name(doc: ParsedArticle, speakers: SpeakerResolver, subj) -> str | None:
    """The fullest form of a name: its capitalised compounds in the parse ("Lise Marchal"), else
    the first name the article writes right before the same word ("Antoine Ivanenko" earlier)."""
    words = [c for c in subj.children if c.dep_ == "compound" and c.i < subj.i and _WORD.match(c.text)
             and not _closed(c.lower_, speakers)]
    if words and all(w.i + 1 == nxt.i for w, nxt in zip(words, [*words[1:], subj])):
        return " ".join([*(w.text for w in words), subj.text])
    text = doc.article.text
    for m in re.finditer(r"\b([A-Z][a-z'’\-]+) " + re.escape(subj.text) + r"\b", text[doc.article.body_start:]):
        first = m.group(1)
        if not _closed(first.lower(), speakers) and _WORD.match(first):
            at = doc.tokens_in(doc.article.body_start + m.start(1), doc.article.body_start + m.end(1))
            if at and doc.doc[at[0]].pos_ == "PROPN" and at[0] not in doc.tok_actor:
                return f"{first} {subj.text}"
    return None
