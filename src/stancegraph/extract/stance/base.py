"""The stance-detector seam: an utterance in its article in, hits on codebook issues out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from ..attribution import Utterance
from ..document import ParsedArticle


@dataclass(frozen=True)
class StanceQuery:
    """One utterance of a parsed article, and the issues its article named before it."""

    doc: ParsedArticle
    utterance: Utterance


@dataclass(frozen=True)
class Hit:
    """A position found in an utterance: issue key, stance (+1 support / -1 oppose), the
    evidence tokens, and a confidence in [0, 1]."""

    issue: str
    stance: int
    tokens: tuple[int, ...]
    confidence: float


@runtime_checkable
class StanceDetector(Protocol):
    """Finds positions on codebook issues in an utterance.

    ``id`` names the detector and its version (a learned one includes its model file's
    hash); it is recorded in the run's provenance in the graph.
    """

    id: str

    def positions(self, q: StanceQuery) -> list[Hit]: ...


def positions_of(detector: StanceDetector, queries: list[StanceQuery]) -> list[list[Hit]]:
    """``detector.positions`` of each query, in order. A detector with a ``positions_many`` method
    answers them all in one call (a learned one embeds all the scopes at once); the hits are
    the same as one query at a time."""
    many = getattr(detector, "positions_many", None)
    if many is not None:
        return many(queries)
    return [detector.positions(q) for q in queries]
