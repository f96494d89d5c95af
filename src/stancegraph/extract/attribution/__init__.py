"""Who said what: attribution patterns, run in a declared order, each producing utterances.

An :class:`Utterance` is a statement (speaker, spans, mode, cue) plus what the later
extract steps need: the tokens it covers (its scope) and its reporting verb. Each
pattern is a unit with a ``find`` method; :func:`attribute` runs :data:`PATTERNS` in
order and passes each the :data:`~stancegraph.extract.speakers.SpeakerLog` of the
speakers found before it (for back-references such as "he added") and the utterances
kept so far. Nothing is shared through mutable state.

Patterns covered: ``"…," X said`` / ``X said, "…"`` / ``X, the <role>, said`` /
``according to X`` / ``X told <outlet>`` / reported speech with a reporting verb or a
stance predicate / headlines of the form ``Claim: Source`` / positions stated in
narration through a possessive ("the ministry's stated aim is …") / acts narrated with an
actor as subject ("the council imposed tolls") / speakers joined by "and" / the sentence after
one in which a speaker speaks, in the same paragraph / sentences in a
document speaker's own voice (a first-person text).

>>> [p.name for p in PATTERNS][3:]
['headline', 'narration', 'narrated-action', 'conjoined-speakers', 'continued-speech', 'first-person']
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, Sequence

from ..document import ParsedArticle
from ..model import Statement
from ..speakers import SpeakerLog, SpeakerResolver


@dataclass(frozen=True)
class Utterance:
    """A statement and the tokens it covers.

    ``verb`` is the reporting verb (or stance noun) whose polarity governs the scope,
    ``anchor`` the token of the speaker's mention that later back-references may
    resolve to, ``quote`` the index of the direct quotation it attributes, and
    ``needs_content`` marks narration, which speaks for an actor only when a position
    or a claim is found in it; ``finds_claims=False`` an utterance not read for territorial claims.
    """

    statement: Statement
    scope: tuple[int, ...]
    pattern: str
    verb: int | None = None
    anchor: int | None = None
    quote: int | None = None
    needs_content: bool = False
    finds_claims: bool = True


class AttributionPattern(Protocol):
    name: str

    def find(self, doc: ParsedArticle, speakers: SpeakerResolver, log: SpeakerLog,
             earlier: Sequence[Utterance]) -> list[Utterance]: ...


@dataclass(frozen=True)
class Step:
    """One pattern in the order; ``keep=False`` runs it only for the speakers it makes known."""

    pattern: AttributionPattern
    keep: bool = True

    @property
    def name(self) -> str:
        return self.pattern.name if self.keep else f"{self.pattern.name} (first reading)"


def attribute(doc: ParsedArticle, speakers: SpeakerResolver,
              patterns: Sequence[Step] | None = None) -> list[Utterance]:
    """Run the attribution patterns in order; the utterances of the kept steps, in order."""
    return attribute_with_log(doc, speakers, patterns)[0]


def attribute_with_log(doc: ParsedArticle, speakers: SpeakerResolver,
                       patterns: Sequence[Step] | None = None) -> tuple[list[Utterance], SpeakerLog]:
    """:func:`attribute`, and the speaker log at its end (for later steps that resolve subjects:
    claim events)."""
    log: SpeakerLog = ()
    kept: list[Utterance] = []
    for step in patterns or PATTERNS:
        found = step.pattern.find(doc, speakers, log, tuple(kept))
        log += tuple((u.anchor, u.statement.speaker) for u in found if u.anchor is not None)
        if step.keep:
            kept.extend(found)
    return kept, log


from .actions import ConjoinedSpeakers, ContinuedSpeech, NarratedAction  # noqa: E402
from .first_person import FirstPerson  # noqa: E402
from .headline import Headline  # noqa: E402
from .narrated import Narration  # noqa: E402
from .quotes import QuoteAttribution  # noqa: E402
from .reported import ReportedSpeech  # noqa: E402

#: The declared order. Reported speech is read once before the quotes so that its speakers
#: are known to back-references inside them ("he added that '…'"), and read again after them
#: with the quotes' speakers known too.
PATTERNS: tuple[Step, ...] = (
    Step(ReportedSpeech(), keep=False),
    Step(QuoteAttribution()),
    Step(ReportedSpeech()),
    Step(Headline()),
    Step(Narration()),
    Step(NarratedAction()),
    Step(ConjoinedSpeakers()),
    Step(ContinuedSpeech()),
    Step(FirstPerson()),
)

__all__ = ["Utterance", "AttributionPattern", "Step", "PATTERNS", "attribute", "attribute_with_log",
           "QuoteAttribution", "ReportedSpeech", "Headline", "Narration", "FirstPerson"]
