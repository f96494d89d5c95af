from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))  # test helpers such as consumers.py


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def resources():
    from stancegraph.knowledge import load_resources

    return load_resources()


@pytest.fixture(scope="session")
def extractor(resources):
    from stancegraph.extract import Extractor

    return Extractor(resources)


@pytest.fixture(scope="session")
def rules(resources):
    """An extractor with the rule-layer stance detector."""
    from stancegraph.extract import Extractor

    return Extractor(resources, stances="rules")


@pytest.fixture(scope="session")
def anaphora(resources):
    """An extractor with the rules and event anaphora."""
    from stancegraph.extract import Extractor

    return Extractor(resources, stances="rules+anaphora")


@pytest.fixture(scope="session")
def built(tmp_path_factory, resources):
    """The bundled corpus built once: (result, path of graph.ttl)."""
    from stancegraph.pipeline import build

    out = tmp_path_factory.mktemp("build") / "graph.ttl"
    result = build([ROOT / "data" / "articles"], out, resources=resources)
    return result, out


@pytest.fixture()
def corpus_copy(tmp_path) -> Path:
    d = tmp_path / "articles"
    shutil.copytree(ROOT / "data" / "articles", d)
    return d
