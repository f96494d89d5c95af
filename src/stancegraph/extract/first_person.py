"""Document speakers: first-person texts (speeches, testimonies, press releases, interviews).

An article's ``speaker:`` or ``author:`` header field (the same key in JSON
Lines) names who speaks in it. Outside quotation marks, its first-person
words ("I", "we", "our") are that speaker's: a first-person pronoun naming a
reporting verb's subject is the document speaker, and every sentence in the
speaker's own voice is a statement of theirs, read for positions and claims
like reported speech.

>>> from stancegraph.extract import Extractor
>>> from stancegraph.knowledge import load_resources
>>> from stancegraph.ingest import parse_text
>>> ex = Extractor(load_resources())
>>> r = ex.extract(parse_text("t", "speaker: Ann Example\\n---\\nWe reject the peace plan as it stands."))
>>> sorted({r.actors[s.speaker].name for s in r.statements})
['Ann Example']
"""

from __future__ import annotations

from .actors import PRONOUNS_FIRST
from .model import REPORTED, Statement


def document_speaker(ctx, alias_of: dict[str, str], nlp) -> str | None:
    """The actor IRI of the article's document speaker: a gazetteer actor by name or alias, else
    minted as the kind the entity recogniser gives the name (a person unless it reads as a body)."""
    name = (ctx.article.speaker or "").strip()
    if not name:
        return None
    key = name.replace("’", "'")
    iri = alias_of.get(key) or alias_of.get(key.lower())
    if iri:
        return iri
    labels = {e.label_ for e in nlp(name).ents}
    kind = "organisation" if labels & {"ORG", "NORP", "FAC"} and "PERSON" not in labels else "person"
    return ctx.index.mint(name, kind)


def first_person_statements(ctx, speaker: str, quoted: list[tuple[int, int]], muted: list[tuple[int, int]],
                            taken: set[int]) -> list[tuple[Statement, list[int]]]:
    """One statement per sentence in the speaker's own voice: a first-person word outside quotes,
    not a caption, and not already inside another statement's scope."""
    out = []
    for n, sent in enumerate(ctx.sents):
        words = [t for t in sent if not t.is_space]
        if not words:
            continue
        b = words[0].idx + ctx.offset
        e = words[-1].idx + len(words[-1].text) + ctx.offset
        if any(mb <= b and e <= me for mb, me in muted):
            continue
        inside = lambda t: any(qb <= t.idx + ctx.offset < qe for qb, qe in quoted)
        if not any(t.lower_ in PRONOUNS_FIRST and not inside(t) for t in words):
            continue
        scope = [t.i for t in words if not inside(t)]
        if not scope or set(scope) <= taken:
            continue
        out.append((Statement(span=ctx.span(words[0].i, words[-1].i + 1), speaker=speaker, mode=REPORTED,
                              cue=None, confidence=0.7, sentence=n), scope))
    return out
