"""Typed results of the extract stage: what the graph stage turns into RDF."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..ingest import Article
from ..knowledge import Actor

DIRECT, REPORTED, MIXED = "direct", "reported", "mixed"


@dataclass(frozen=True)
class Span:
    """Characters ``begin:end`` of the article text (code points, end exclusive)."""

    begin: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    span: Span
    actor: str  # actor IRI


@dataclass
class Statement:
    span: Span
    speaker: str
    mode: str
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
    holder: str
    issue: str  # codebook key
    stance: int  # +1 / -1
    statements: list[int]
    evidence: Span
    confidence: float
    relayed_by: str | None = None


@dataclass
class Claim:
    claimant: str
    territory: str  # territory IRI
    sovereign: str  # sovereignty key
    statements: list[int]
    evidence: Span
    confidence: float


@dataclass
class Extraction:
    article: Article
    actors: dict[str, Actor]
    mentions: list[Mention]
    statements: list[Statement]
    positions: list[Position]
    claims: list[Claim]
    unattributed_quotes: list[Span] = field(default_factory=list)
    document_speaker: str | None = None  # actor IRI named by the speaker:/author: header
    inferred_date: object | None = None  # dates.InferredDate when the article has no date of its own
