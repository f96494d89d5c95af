"""The extract stage in order: parse -> attribute -> drop captions -> stances and claims -> aggregate
-> claims made by acts (claim events).

>>> from stancegraph.ingest import parse_text
>>> from stancegraph.knowledge import load_resources
>>> ex = Extractor(load_resources())
>>> result = ex.extract(parse_text("t", 'Anna Berg said, "The talks have reached a deadlock."'))
>>> [(p.issue, int(p.stance)) for p in result.positions]
[('talks-progress', -1)]
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable, Iterator

from ..model import Article
from ..knowledge import Resources
from .aggregate import add_claim_events, article_actors, positions_and_claims, sorted_claims
from .attribution import FirstPerson, Utterance, attribute_with_log
from .claim_events import ClaimEventFinder
from .claims import ClaimFinder
from .cues import CueLookup
from .dates import utterance_date
from .document import ArticleParser, ParsedArticle
from .layout import caption_lines
from .model import Extraction, Span
from .nlp import parse_many
from .speakers import SpeakerResolver
from .stance import StanceDetector, StanceQuery, make_detector, positions_of


class Extractor:
    """Reusable extractor: loads the NLP model, compiles the matchers and the stance detector once.

    ``stances`` is a registered detector name (``STANCE_DETECTORS``) or a detector object;
    ``stance_options`` go to the detector's factory (a learned one takes ``model=PATH``).
    """

    def __init__(self, resources: Resources, model: str | None = None, *,
                 stances: str | StanceDetector = "rules", stance_options: dict | None = None):
        self.resources = resources
        self.parser = ArticleParser(resources, model)
        self.nlp = self.parser.nlp
        self.model_id = self.parser.model_id
        self.cues = CueLookup(resources.lexicon)
        self.stances = make_detector(stances, resources, **(stance_options or {})) \
            if isinstance(stances, str) else stances
        self.claims = ClaimFinder(resources, self.cues)

    @property
    def detector_id(self) -> str:
        """The stance detector's name and version, for the run's provenance."""
        return self.stances.id

    @property
    def training_set(self) -> str | None:
        """The digest of a learned detector's training set (None for rules)."""
        return getattr(self.stances, "training_set", None)

    def parse(self, article: Article, doc=None):
        return self.parser.parse(article, doc)

    def utterances(self, pd: ParsedArticle, index) -> tuple[list[Utterance], set[int]]:
        """The article's utterances with captions dropped (narration not yet checked for
        content), and the indices of the quotes that have a speaker."""
        found, _ = attribute_with_log(pd, SpeakerResolver(pd, index, self.resources, self.cues))
        attributed = {u.quote for u in found if u.quote is not None}
        muted = caption_lines(pd.article.text, pd.offset)
        return [u for u in found if not _muted(u.statement, muted)], attributed

    def extract(self, article: Article, doc=None) -> Extraction:
        """Extract one article; ``doc``: its body already parsed by ``self.nlp`` (``nlp.pipe``)."""
        pd, index = self.parse(article, doc)
        speakers = SpeakerResolver(pd, index, self.resources, self.cues)
        found, log = attribute_with_log(pd, speakers)
        attributed = {u.quote for u in found if u.quote is not None}
        # narration only speaks for an actor when it states a position or a claim; a sentence in a
        # document speaker's own voice is a statement unless what is kept before covers it
        kept, taken = [], set()
        # the positions of every utterance in one call: a detector may decide on the article's
        # utterances together (one speaker's utterances on an issue make one statement)
        stances = positions_of(self.stances, [StanceQuery(pd, u) for u in found])
        results = self._found_in(pd, found, [n for n, u in enumerate(found) if u.needs_content], stances)
        for n, u in enumerate(found):
            if u.needs_content:
                if not (results[n][0] or results[n][1]):
                    continue
            if FirstPerson.covered(u, taken):
                continue
            kept.append(n)
            if u.pattern != FirstPerson.name:
                taken.update(u.scope)
        # Captions and photo credits do not speak: drop statements made only of them.
        muted = caption_lines(article.text, pd.offset)
        results.update(self._found_in(pd, found, [n for n in kept if n not in results
                                                  and not _muted(found[n].statement, muted)], stances))
        utterances, hits, claim_hits = [], [], []
        for n in kept:
            u = found[n]
            if _muted(u.statement, muted):
                continue
            found_pos, found_claims = results[n]
            st = u.statement
            if 0 <= st.sentence < len(pd.sents):
                st = replace(st, utterance_date=utterance_date(pd.sent_ents[st.sentence], article.published))
            utterances.append(replace(u, statement=st))
            hits.append(found_pos)
            claim_hits.append(found_claims)
        positions, claims = positions_and_claims(pd, self.cues, utterances, hits, claim_hits)
        statements = [u.statement for u in utterances]
        # an utterance not read for claims does not own the claim events in its scope either
        scopes = [list(u.scope) if u.finds_claims else [] for u in utterances]
        events = ClaimEventFinder(pd, speakers, log)
        add_claim_events(pd, events.find(), statements, scopes, claims, muted, events.allied)
        claims = sorted_claims(claims)
        actors, mentions = article_actors(pd, index, statements, positions, claims,
                                          speakers.role_mentions.values())
        unattributed = [Span(q.begin, q.end, q.text) for n, q in enumerate(pd.quotes) if n not in attributed]
        return Extraction(article, actors, mentions, statements, positions, claims, unattributed,
                          pd.doc_speaker, pd.inferred_date)

    def _found_in(self, pd: ParsedArticle, found: list[Utterance], which: list[int],
                  stances: list[list]) -> dict[int, tuple]:
        """(stance hits, claims) of the utterances ``found[n]`` for ``n`` in ``which``, ``stances[n]``
        the hits of ``found[n]`` (:func:`~.stance.positions_of`)."""
        return {n: (stances[n], self.claims.find(pd, found[n].scope) if found[n].finds_claims else [])
                for n in which}

    def pipe(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[Extraction]:
        """Extract many articles, parsing them in batches with ``nlp.pipe``."""
        articles = list(articles)
        for start in range(0, len(articles), batch_size):
            batch = articles[start:start + batch_size]
            for article, doc in zip(batch, parse_many(self.nlp, [a.text[a.body_start:] for a in batch])):
                yield self.extract(article, doc)


def _muted(st, muted) -> bool:
    return any(b <= st.span.begin and st.span.end <= e for b, e in muted)
