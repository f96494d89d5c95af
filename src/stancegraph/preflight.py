"""Outputs of a build checked before the long work, and a store filled so that an
interruption says how far it got.

:func:`open_build_store` opens (and so locks) the on-disk store before
extraction: a store locked by another process, or one that cannot be written,
is an error in the first second, not after an hour of extraction.
:func:`fill_store` writes the static graphs first, then one article graph per
transaction; Ctrl-C turns into a one-line error saying how many articles the
store holds (each whole: a re-run completes it).
"""

from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from .errors import StanceGraphError


class Interrupted(StanceGraphError):
    """Ctrl-C during a build, with how far it got (the command exits with status 130)."""

    exit_code = 130


def open_build_store(store_dir: str | Path) -> ox.Store:
    """Open the build's store for writing now: locked, read-only or unusable stores fail here."""
    from .store import persistent

    d = Path(store_dir)
    if d.is_dir() and not os.access(d, os.W_OK | os.X_OK):
        raise StanceGraphError("cannot write the store: the directory is read-only", path=d)
    st = persistent.open_store(d)
    try:
        # A real write (an empty transaction is not enough on a read-only file system).
        st.update("CLEAR SILENT GRAPH <https://w3id.org/stancegraph/id/graph/preflight>")
        st.flush()
    except OSError as exc:
        raise StanceGraphError(f"cannot write the store: {' '.join(str(exc).split())}", path=d) from None
    return st


def fill_store(st: ox.Store, store_dir: Path, static: dict[str, Graph], articles: dict[str, Graph],
               counts: dict[str, int]) -> None:
    """Put the static graphs, then each article graph; ``counts`` gathers added/replaced/unchanged."""
    from .store import persistent

    done = 0
    try:
        for name, g in static.items():
            persistent.put_static(st, name, g)
        for aid, g in articles.items():
            status = persistent.put_article(st, aid, g)
            counts[status] = counts.get(status, 0) + 1
            done += 1
        st.flush()
    except KeyboardInterrupt:
        raise Interrupted(
            f"interrupted: the store holds {done} of the {len(articles)} article graphs of this build, "
            "each one whole; run the build again to complete it", path=store_dir) from None
