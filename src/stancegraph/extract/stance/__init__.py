"""Stance detectors, chosen by name.

>>> sorted(STANCE_DETECTORS)
['hybrid', 'learned', 'rules', 'rules+anaphora']
"""

from __future__ import annotations

from typing import Callable

from ...errors import StanceGraphError
from ...knowledge import Resources
from .base import Hit, StanceDetector, StanceQuery
from .rules import RuleStanceDetector

#: name -> factory(resources, **options) -> StanceDetector
STANCE_DETECTORS: dict[str, Callable[..., StanceDetector]] = {"rules": RuleStanceDetector}


def _rules_anaphora(resources: Resources, **options) -> StanceDetector:
    return RuleStanceDetector(resources, anaphora=True, **options)


STANCE_DETECTORS["rules+anaphora"] = _rules_anaphora


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


#: The default: the detector that measured best on the measuring set (dev2, which no model is
#: trained or tuned on): statements F1 0.422 for learned, 0.400 hybrid, 0.314 rules.
DEFAULT_DETECTOR = "learned"


def _shipped_model_fits(resources: Resources) -> bool:
    from .learned import StanceModel, default_model_path

    path = default_model_path()
    return path.is_file() and StanceModel.load(path).issues == tuple(sorted(resources.codebook.issues))


def detector_choice(resources: Resources, model: str | None = None, stances: str | None = None,
                    stances_model=None):
    """An :class:`~stancegraph.extract.Extractor` with the stance detector a user asked for:
    ``stances`` by name (default :data:`DEFAULT_DETECTOR`, or the rules for a codebook the shipped
    model was not trained for), ``stances_model`` the model file of a learned detector (default:
    the shipped one)."""
    from ..pipeline import Extractor

    name = stances or DEFAULT_DETECTOR
    options = {"model": stances_model} if stances_model else {}
    if stances is None and not stances_model and not _shipped_model_fits(resources):
        name = "rules"  # another codebook: the rules until a model is trained for it
    if options and name.startswith("rules"):
        raise StanceGraphError(f"--stances-model needs a learned detector (learned or hybrid), not {name}")
    return Extractor(resources, model, stances=name, stance_options=options)


__all__ = ["Hit", "StanceDetector", "StanceQuery", "RuleStanceDetector", "STANCE_DETECTORS", "make_detector"]
