"""Stance detectors, chosen by name.

>>> sorted(STANCE_DETECTORS)[:1]
['rules']
"""

from __future__ import annotations

from typing import Callable

from ...errors import StanceGraphError
from ...knowledge import Resources
from .base import Hit, StanceDetector, StanceQuery
from .rules import RuleStanceDetector

#: name -> factory(resources, **options) -> StanceDetector
STANCE_DETECTORS: dict[str, Callable[..., StanceDetector]] = {"rules": RuleStanceDetector}


def _learned(resources: Resources, **options) -> StanceDetector:
    from .learned import LearnedStanceDetector

    return LearnedStanceDetector(resources, **options)


def _hybrid(resources: Resources, **options) -> StanceDetector:
    from .learned import HybridStanceDetector

    return HybridStanceDetector(resources, **options)


STANCE_DETECTORS["learned"] = _learned
STANCE_DETECTORS["hybrid"] = _hybrid


def make_detector(name: str, resources: Resources, **options) -> StanceDetector:
    """The detector registered under ``name``, built for ``resources``."""
    try:
        factory = STANCE_DETECTORS[name]
    except KeyError:
        raise StanceGraphError(f"unknown stance detector {name!r} (choose from {', '.join(sorted(STANCE_DETECTORS))})") from None
    return factory(resources, **options)


DEFAULT_DETECTOR = "rules"


def detector_choice(resources: Resources, model: str | None = None, stances: str | None = None,
                    stances_model=None):
    """An :class:`~stancegraph.extract.Extractor` with the stance detector a user asked for:
    ``stances`` by name (default :data:`DEFAULT_DETECTOR`), ``stances_model`` the model file of a
    learned detector (naming a model alone picks the learned detector)."""
    from ..pipeline import Extractor

    name = stances or (DEFAULT_LEARNED if stances_model and DEFAULT_DETECTOR == "rules" else DEFAULT_DETECTOR)
    options = {"model": stances_model} if stances_model else {}
    if options and name == "rules":
        raise StanceGraphError("--stances-model needs a learned detector (--stances learned or hybrid), not rules")
    return Extractor(resources, model, stances=name, stance_options=options)


DEFAULT_LEARNED = "hybrid"

__all__ = ["Hit", "StanceDetector", "StanceQuery", "RuleStanceDetector", "STANCE_DETECTORS", "make_detector"]
