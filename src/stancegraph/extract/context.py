"""The parsed article and everything the extract modules share about it."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..ingest import Article
from ..knowledge import Resources
from .actors import ActorIndex
from .model import Mention, Span


@dataclass
class DocContext:
    article: Article
    doc: object  # spacy Doc of article.text[offset:]
    offset: int
    resources: Resources
    index: ActorIndex
    mentions: list[Mention] = field(default_factory=list)
    tok_actor: dict[int, str] = field(default_factory=dict)
    sent_of: list[int] = field(default_factory=list)
    sents: list = field(default_factory=list)
    speakers: list[tuple[int, str]] = field(default_factory=list)  # (token index, actor) in order
    # Entities per sentence and by token, built once: ``sent.ents`` and a walk over
    # ``doc.ents`` cost the whole document each time (quadratic in the article's length).
    sent_ents: list[list] = field(default_factory=list)
    ent_at: dict[int, object] = field(default_factory=dict)
    doc_speaker: str | None = None  # actor of a first-person document (header speaker:/author:)
    quoted_chars: list[tuple[int, int]] = field(default_factory=list)  # article characters inside quotes

    def span(self, start: int, end: int) -> Span:
        """Span of tokens ``start:end`` as article characters."""
        doc = self.doc
        b = doc[start].idx + self.offset
        e = doc[end - 1].idx + len(doc[end - 1].text) + self.offset
        return Span(b, e, self.article.text[b:e])

    def tokens_in(self, b: int, e: int) -> list[int]:
        """Token indices whose characters overlap article characters ``b:e``."""
        span = self.doc.char_span(b - self.offset, e - self.offset, alignment_mode="expand")
        if span is None:
            return []
        return list(range(span.start, span.end))

    def actor(self, iri: str):
        return self.index.get(iri)


def sentence_entities(doc, sents: list) -> tuple[list[list], dict[int, object]]:
    """The entities of each sentence (as ``sent.ents`` gives them) and the entity of each token,
    in one pass over ``doc.ents``."""
    per_sent: list[list] = [[] for _ in sents]
    at: dict[int, object] = {}
    if not sents:
        return per_sent, at
    starts = [s.start for s in sents]
    from bisect import bisect_right

    for ent in doc.ents:
        n = bisect_right(starts, ent.start) - 1
        if n >= 0 and ent.end <= sents[n].end:
            per_sent[n].append(ent)
        for i in range(ent.start, ent.end):
            at[i] = ent
    return per_sent, at
