"""Outputs of a build checked before the long work, and what an interruption says.

:func:`check_store_dir` refuses a store directory that cannot be written before
extraction starts (the store is then opened, and so locked, at once);
:func:`interrupted` turns Ctrl-C into a one-line error saying how far the store got.
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import StanceGraphError
from .fileio import existing_ancestor


class Interrupted(StanceGraphError):
    """Ctrl-C during a build, with how far it got (the command exits with status 130)."""

    exit_code = 130


def check_store_dir(store_dir: Path) -> None:
    """A store directory (or the folder it would be created in) must be writable."""
    d = Path(store_dir)
    probe = existing_ancestor(d)
    if probe.exists() and not probe.is_dir():
        raise StanceGraphError(f"cannot create the store: {probe} is not a directory", path=d)
    if not os.access(probe, os.W_OK | os.X_OK):
        raise StanceGraphError("cannot write the store: the directory is read-only", path=d)
    if d.is_dir():
        for f in d.iterdir():
            if f.is_file() and not os.access(f, os.W_OK):
                raise StanceGraphError(f"cannot write the store: {f.name} is read-only", path=d)


def interrupted(result, output, store_dir) -> Interrupted:
    """The one line for Ctrl-C: articles done, what the store holds, the output untouched."""
    done = result.articles
    parts = [f"interrupted after {done} article{'s' if done != 1 else ''}"]
    if store_dir:
        c = result.store_counts
        kept = sum(c.get(k, 0) for k in ("added", "replaced", "unchanged"))
        parts.append(f"the store holds {kept} article graph{'s' if kept != 1 else ''} of this build, each "
                     "whole (run the build again to complete it)")
    if output:
        parts.append(f"{output} was not written")
    return Interrupted("; ".join(parts), path=store_dir or output)
