"""Extract stage: one article in, actors, statements, positions and claims out.

The stage runs in a visible order (see :mod:`.pipeline`): the article is parsed into a
frozen :class:`~.document.ParsedArticle`; attribution patterns run in a declared order
(:data:`~.attribution.PATTERNS`) and produce utterances; a stance detector chosen by
name from :data:`STANCE_DETECTORS` finds positions in each utterance, a
:class:`~.claims.ClaimFinder` its territorial claims; :mod:`.aggregate` merges them.

>>> from stancegraph.ingest import parse_text
>>> from stancegraph.knowledge import load_resources
>>> ex = Extractor(load_resources(), stances="rules")
>>> result = ex.extract(parse_text("t", 'Anna Berg said, "The talks have reached a deadlock."'))
>>> [(str(s.mode), s.quoted_text, result.actors[s.speaker].name) for s in result.statements]
[('direct', 'The talks have reached a deadlock.', 'Anna Berg')]
"""

from __future__ import annotations

from .model import Extraction
from .pipeline import Extractor
from .stance import STANCE_DETECTORS, Hit, StanceDetector, StanceQuery, make_detector

__all__ = ["Extractor", "Extraction", "StanceDetector", "StanceQuery", "Hit", "STANCE_DETECTORS", "make_detector"]
