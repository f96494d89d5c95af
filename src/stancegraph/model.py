"""The contracts between stages: the typed objects that cross a stage boundary.

ingest gives :class:`Article` (or a :class:`Skipped` record); extract gives an
:class:`Extraction` of :class:`Span`, :class:`Mention`, :class:`Statement`,
:class:`Position` and :class:`Claim`; the graph stage turns it into RDF. Speech
modes and stances are enums, so one value has one spelling everywhere:
:class:`Mode` compares equal to its string (``Mode.DIRECT == "direct"``) and
:class:`Stance` to its sign (``Stance.OPPOSE == -1``), and both know the word
the graph and the annotation JSON use.

>>> Stance.from_sign(-2), Stance.SUPPORT.key, Mode("reported") is Mode.REPORTED
(<Stance.OPPOSE: -1>, 'support', True)
>>> Stance.from_key("oppose") is Stance.OPPOSE
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import IntEnum, StrEnum

from .errors import StanceGraphError

class Mode(StrEnum):
    """How a statement is given: quoted, reported, or partly quoted inside reported speech."""

    DIRECT = "direct"
    REPORTED = "reported"
    MIXED = "mixed"


class Stance(IntEnum):
    """The side an actor takes on an issue (the sign DNA coders write as agree / disagree)."""

    SUPPORT = 1
    OPPOSE = -1

    @property
    def key(self) -> str:
        """The word of the graph's ``skos:notation`` and of the annotation JSON."""
        return "support" if self is Stance.SUPPORT else "oppose"

    @classmethod
    def from_sign(cls, value: float) -> Stance:
        """SUPPORT for a positive number, OPPOSE otherwise."""
        return cls.SUPPORT if value > 0 else cls.OPPOSE

    @classmethod
    def from_key(cls, key: str) -> Stance:
        """The stance named ``support`` or ``oppose`` (any case)."""
        word = str(key).strip().lower()
        for s in cls:
            if s.key == word:
                return s
        raise ValueError(f"not a stance: {key!r} (support or oppose)")


# The speech modes under their historical names (``extract`` code compares with these).
DIRECT, REPORTED, MIXED = Mode.DIRECT, Mode.REPORTED, Mode.MIXED


@dataclass(frozen=True)
class Article:
    """One article: its id, full text and metadata.

    ``text`` is the whole file as read (spans index into it); ``body_start`` is
    where the prose begins after any metadata header.
    """

    id: str
    text: str
    published: date | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    source: str = ""
    body_start: int = 0
    meta: dict = field(default_factory=dict, compare=False)
    warnings: tuple[str, ...] = field(default=(), compare=False)  # ingest's notes (odd year, unclosed header)
    speaker: str | None = None  # document speaker of a first-person text (header speaker:/author:)


@dataclass(frozen=True)
class Skipped:
    """An input that could not be read as an article, with the reason."""

    source: str
    place: str | None
    reason: str

    def oneline(self) -> str:
        return StanceGraphError(self.reason, path=self.source, place=self.place).oneline()


@dataclass(frozen=True)
class Actor:
    """A person, organisation, state or group: from the gazetteer, or minted from an article's text."""

    iri: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    affiliation: str | None = None
    wikidata: str | None = None
    is_source: bool = False
    from_gazetteer: bool = True


@dataclass(frozen=True)
class Span:
    """Characters ``begin:end`` of the article text (code points, end exclusive)."""

    begin: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """A stretch of text that names an actor (``actor``: the actor's IRI)."""

    span: Span
    actor: str


@dataclass
class Statement:
    """Words attributed to a speaker (IRI), with the span they stand in."""

    span: Span
    speaker: str
    mode: Mode
    cue: str | None = None
    quoted_text: str | None = None
    confidence: float = 0.5
    reported_by: str | None = None
    utterance_date: date | None = None
    sentence: int = -1
    extra_spans: list[Span] = field(default_factory=list)
    verb_token: int = -1  # token index of the reporting verb (extraction only, not in the graph)


@dataclass
class Position:
    """A holder's stance on a codebook issue, expressed in ``statements`` (indices)."""

    holder: str
    issue: str  # codebook key
    stance: Stance
    statements: list[int]
    evidence: Span
    confidence: float
    relayed_by: str | None = None


@dataclass
class Claim:
    """A claimant asserting who is sovereign over a territory."""

    claimant: str
    territory: str  # territory IRI
    sovereign: str  # sovereignty key
    statements: list[int]
    evidence: Span
    confidence: float


@dataclass
class Extraction:
    """Everything extract found in one article: what the graph stage turns into RDF."""

    article: Article
    actors: dict[str, Actor]
    mentions: list[Mention]
    statements: list[Statement]
    positions: list[Position]
    claims: list[Claim]
    unattributed_quotes: list[Span] = field(default_factory=list)
    document_speaker: str | None = None  # actor IRI named by the speaker:/author: header
    inferred_date: object | None = None  # extract.dates.InferredDate when the article has no date of its own


__all__ = ["Actor", "Article", "Claim", "DIRECT", "Extraction", "MIXED", "Mention", "Mode", "Position", "REPORTED",
           "Skipped", "Span", "Stance", "Statement"]
