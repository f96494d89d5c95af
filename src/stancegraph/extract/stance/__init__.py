"""Stance detectors, chosen by name.

>>> sorted(STANCE_DETECTORS)
['hybrid', 'learned', 'rules', 'rules+anaphora']
"""

from __future__ import annotations

from typing import Callable

from ...errors import StanceGraphError
from ...knowledge import Resources
from .base import Hit, StanceDetector, StanceQuery, positions_of
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
#: trained or tuned on): statements F1 0.532 for learned, 0.506 hybrid, 0.376 rules.
DEFAULT_DETECTOR = "learned"


def _shipped_model_fits(resources: Resources) -> bool:
    from .learned import StanceModel, default_model_path

    path = default_model_path()
    return path.is_file() and StanceModel.load(path).issues == tuple(sorted(resources.codebook.issues))


def detector_spec(resources: Resources, stances: str | None = None, stances_model=None) -> tuple[str, dict]:
    """(detector name, factory options) for what a user asked for: ``stances`` by name (default
    :data:`DEFAULT_DETECTOR`, or the rules for a codebook the shipped model was not trained for),
    ``stances_model`` the model file of a learned detector (default: the shipped one)."""
    name = stances or DEFAULT_DETECTOR
    options = {"model": str(stances_model)} if stances_model else {}
    if stances is None and not stances_model and not _shipped_model_fits(resources):
        name = "rules"  # another codebook: the rules until a model is trained for it
    if name not in STANCE_DETECTORS:
        make_detector(name, resources)  # the one-line error naming the choices
    if options and name.startswith("rules"):
        raise StanceGraphError(f"`stances_model` needs a learned detector (learned or hybrid), not {name}",
                               place="stances_model")
    return name, options


def detector_identity(name: str, options: dict) -> tuple[str, str | None]:
    """(detector id, training-set digest) of a detector spec without building it (no embedder or
    NLP model loaded): what the run's provenance records."""
    if name.startswith("rules"):
        from .rules import rules_id

        return rules_id(name == "rules+anaphora"), None
    from .learned import StanceModel, default_model_path, learned_id

    path = options.get("model") or default_model_path()
    return learned_id(name, path), StanceModel.load(path).training_set


def detector_choice(resources: Resources, model: str | None = None, stances: str | None = None,
                    stances_model=None):
    """An :class:`~stancegraph.extract.Extractor` with the stance detector a user asked for
    (:func:`detector_spec`)."""
    from ..pipeline import Extractor

    name, options = detector_spec(resources, stances, stances_model)
    return Extractor(resources, model, stances=name, stance_options=options)


__all__ = ["Hit", "StanceDetector", "StanceQuery", "RuleStanceDetector", "STANCE_DETECTORS", "make_detector",
           "positions_of"]
