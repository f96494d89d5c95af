"""Heavy modules imported on first use, so that ``stancegraph --help`` does not load them.

>>> m = lazy_module("json")
>>> m.dumps([1])
'[1]'
"""

from __future__ import annotations

import importlib
import types


class _LazyModule(types.ModuleType):
    """Stands for module ``name``; the first attribute looked up imports it."""

    def __getattr__(self, attr: str):
        return getattr(importlib.import_module(self.__name__), attr)


def lazy_module(name: str) -> types.ModuleType:
    """A stand-in for module ``name`` that imports it when an attribute is first used."""
    import sys

    return sys.modules.get(name) or _LazyModule(name)
