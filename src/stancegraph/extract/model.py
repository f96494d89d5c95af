"""Typed results of the extract stage (defined in :mod:`stancegraph.model`, the one contract module)."""

from ..model import DIRECT, MIXED, REPORTED, Claim, Extraction, Mention, Mode, Position, Span, Stance, Statement

__all__ = ["Claim", "DIRECT", "Extraction", "MIXED", "Mention", "Mode", "Position", "REPORTED", "Span", "Stance",
           "Statement"]
