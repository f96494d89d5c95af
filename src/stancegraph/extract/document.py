"""The parsed article: complete and frozen before any attribution or stance rule runs.

>>> from stancegraph.ingest import parse_text
>>> from stancegraph.knowledge import load_resources
>>> parser = ArticleParser(load_resources())
>>> doc, index = parser.parse(parse_text("t", 'Sergei Lavrov said, "We are ready."'))
>>> [m.span.text for m in doc.mentions], [q.text for q in doc.quotes]
(['Sergei Lavrov'], ['We are ready.'])
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping

from ..model import Article
from ..knowledge import Resources
from .actors import ActorFinder, ActorIndex
from .anaphora import event_issues
from .cues import CueLookup
from .model import Mention, Span
from .dates import InferredDate, infer_date
from .first_person import document_speaker
from .nlp import load_nlp, model_id, parse
from .quotes import Quote, find_quotes
from .territories import TerritoryTagger
from .tokens import doc_ents
from .topics import TopicTagger


@dataclass(frozen=True)
class ParsedArticle:
    """Tokens, sentences, actor mentions, quotes, territories and topic terms of one article.

    ``doc`` is the spaCy ``Doc`` of ``article.text[offset:]``; token indices refer to it and
    spans to article characters.
    """

    article: Article
    doc: object
    offset: int
    sents: tuple
    sent_of: tuple[int, ...]
    mentions: tuple[Mention, ...]
    tok_actor: Mapping[int, str]
    quotes: tuple[Quote, ...]
    territory_tokens: Mapping[int, tuple[str, ...]]
    topic_tokens: Mapping[int, frozenset[str]]
    sent_topics: tuple[frozenset[str], ...]
    #: event anaphors ("the move", "this step") -> the issues of the event they refer to
    event_issues: Mapping[int, frozenset[str]]
    #: the entities of each sentence (as ``sent.ents`` gives them) and the entity of each token,
    #: built once (``sent.ents`` and a walk over ``doc.ents`` cost the whole document each time)
    sent_ents: tuple[tuple, ...] = ()
    ent_at: Mapping[int, object] = field(default_factory=lambda: MappingProxyType({}))
    #: actor of a first-person document (header ``speaker:``/``author:``), else None
    doc_speaker: str | None = None
    #: article characters inside quotation marks, as (begin, end) pairs
    quoted_chars: tuple[tuple[int, int], ...] = ()
    #: the article's date read from its own text when its metadata gives none (:mod:`.dates`)
    inferred_date: InferredDate | None = None

    def span(self, start: int, end: int) -> Span:
        """Span of tokens ``start:end`` as article characters."""
        doc = self.doc
        b = doc[start].idx + self.offset
        e = doc[end - 1].idx + len(doc[end - 1].text) + self.offset
        return Span(b, e, self.article.text[b:e])

    def in_quotes(self, i: int) -> bool:
        """True when token ``i`` stands inside quotation marks (:attr:`quoted_chars`)."""
        at = self.doc[i].idx + self.offset
        return any(b <= at < e for b, e in self.quoted_chars)

    def char_span(self, b: int, e: int) -> Span:
        return Span(b, e, self.article.text[b:e])

    def tokens_in(self, b: int, e: int) -> list[int]:
        """Token indices whose characters overlap article characters ``b:e``."""
        span = self.doc.char_span(b - self.offset, e - self.offset, alignment_mode="expand")
        if span is None:
            return []
        return list(range(span.start, span.end))

    def tokens_of(self, spans) -> list[int]:
        """Sorted token indices covered by some of ``spans``."""
        toks: set[int] = set()
        for s in spans:
            toks.update(self.tokens_in(s.begin, s.end))
        return sorted(toks)


class ArticleParser:
    """Parses articles into :class:`ParsedArticle` (model and matchers loaded once)."""

    def __init__(self, resources: Resources, model: str | None = None):
        self.resources = resources
        self.nlp = load_nlp(model)
        self.model_id = model_id(self.nlp)
        self.actor_finder = ActorFinder(self.nlp, resources)
        self.territories = TerritoryTagger(self.nlp, resources)
        self.topics = TopicTagger(resources.codebook)
        self.cues = CueLookup(resources.lexicon)

    def parse(self, article: Article, doc=None) -> tuple[ParsedArticle, ActorIndex]:
        """The parsed article and the article's actor index (gazetteer actors and those minted
        from its text; attribution may mint more role holders into it)."""
        offset = article.body_start
        if doc is None:
            doc = parse(self.nlp, article.text[offset:])
        index = ActorIndex(self.resources, article.published)
        inferred = infer_date(article) if article.published is None else None
        if inferred is not None:
            index.inferred_day = inferred.day
        sents = tuple(doc.sents)
        sent_of = [0] * len(doc)
        for n, s in enumerate(sents):
            for i in range(s.start, s.end):
                sent_of[i] = n
        sent_ents, ent_at = sentence_entities(doc, sents)
        mentions, tok_actor = self.actor_finder.find(doc, index, offset)
        topic_tokens, sent_topics = self.topics(doc, sents)
        quotes = tuple(find_quotes(article.text, offset))
        parsed = ParsedArticle(
            article=article, doc=doc, offset=offset, sents=sents, sent_of=tuple(sent_of),
            mentions=tuple(mentions), tok_actor=MappingProxyType(dict(tok_actor)),
            quotes=quotes,
            territory_tokens=MappingProxyType(self.territories(doc)),
            topic_tokens=MappingProxyType(topic_tokens), sent_topics=sent_topics,
            event_issues=MappingProxyType(event_issues(doc, sents, sent_of, topic_tokens, self.cues)),
            sent_ents=sent_ents, ent_at=MappingProxyType(ent_at),
            doc_speaker=document_speaker(article, index, self.actor_finder.alias_of, self.nlp),
            quoted_chars=tuple((p.begin, p.end) for q in quotes for p in q.pieces),
            inferred_date=inferred)
        return parsed, index


def sentence_entities(doc, sents) -> tuple[tuple[tuple, ...], dict[int, object]]:
    """The entities of each sentence (as ``sent.ents`` gives them) and the entity of each token,
    in one pass over ``doc.ents``."""
    per_sent: list[list] = [[] for _ in sents]
    at: dict[int, object] = {}
    if not sents:
        return (), at
    starts = [s.start for s in sents]
    for ent in doc_ents(doc):
        n = bisect_right(starts, ent.start) - 1
        if n >= 0 and ent.end <= sents[n].end:
            per_sent[n].append(ent)
        for i in range(ent.start, ent.end):
            at[i] = ent
    return tuple(tuple(p) for p in per_sent), at
