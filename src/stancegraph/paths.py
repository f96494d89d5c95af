"""Where the bundled ontology, shapes, data and queries live.

They sit at the top of the project (``ontology/``, ``shapes/``, ``data/``,
``queries/``). ``STANCEGRAPH_HOME`` points elsewhere, for an installation
outside the source tree.
"""

from __future__ import annotations

import os
from pathlib import Path


def project_root() -> Path:
    env = os.environ.get("STANCEGRAPH_HOME")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2]


def data_dir() -> Path:
    return project_root() / "data"


def ontology_file() -> Path:
    return project_root() / "ontology" / "stancegraph.ttl"


def shapes_file() -> Path:
    return project_root() / "shapes" / "stancegraph-shapes.ttl"


def queries_dir() -> Path:
    return project_root() / "queries"
