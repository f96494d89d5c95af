"""Files stancegraph writes are readable as the umask says, like any program's output."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from stancegraph.fileio import write_text_atomic
from stancegraph.networks import network, write_network
from stancegraph.store import load_file

FIXTURE = Path(__file__).parent / "networks" / "fixture.ttl"


@pytest.fixture()
def umask():
    old = os.umask(0o022)
    yield lambda m: os.umask(m)
    os.umask(old)


@pytest.mark.parametrize("mask,mode", [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_atomic_output_follows_the_umask(tmp_path, umask, mask, mode):
    umask(mask)
    write_text_atomic(tmp_path / "a.txt", "x")
    assert stat.S_IMODE((tmp_path / "a.txt").stat().st_mode) == mode


def test_network_files_are_group_and_world_readable_with_umask_022(tmp_path, umask):
    umask(0o022)
    files = write_network(network(load_file(FIXTURE), "signed"), "csv", tmp_path / "n.csv")
    assert [oct(stat.S_IMODE(p.stat().st_mode)) for p in files] == [oct(0o644)] * 2
