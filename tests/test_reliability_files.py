"""Issue 10, items 1 and 9: file names from data stay in the output folder; atomic writes fsync,
follow the umask and fail in one line; CLI messages print paths as they are."""

from __future__ import annotations

import errno
import os
import resource
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from stancegraph.errors import StanceGraphError
from stancegraph.fileio import atomic_output, write_text_atomic

ROOT = Path(__file__).resolve().parents[1]
EXE = str(Path(sys.executable).parent / "stancegraph")
ONE = ROOT / "data" / "articles" / "000_51f969d92cf07be1.txt"

CRAFTED = """@prefix sg: <https://w3id.org/stancegraph/ontology#> .
<https://w3id.org/stancegraph/id/article/x> a sg:Article ; sg:articleId "{id}" .
"""


def run(*args, cwd=None, **kw):
    return subprocess.run([EXE, *map(str, args)], capture_output=True, text=True, cwd=cwd or ROOT,
                          env={**os.environ, "COLUMNS": "200"}, **kw)


@pytest.mark.parametrize("article_id", ["../../escaped", "{abs}/absolute", "..", "sub/dir"])
def test_export_annotations_refuses_ids_leaving_the_folder(tmp_path, article_id):
    article_id = article_id.replace("{abs}", str(tmp_path))  # an absolute path of this run only
    graph = tmp_path / "crafted.ttl"
    graph.write_text(CRAFTED.replace("{id}", article_id), encoding="utf-8")
    out = tmp_path / "a" / "b" / "ann"
    r = run("export", graph, "--format", "annotations", "-o", out)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert "leaves the output folder" in r.stderr
    assert not (tmp_path / "escaped.json").exists() and not (tmp_path / "absolute.json").exists()
    assert not list(tmp_path.rglob("*.json"))


def test_atomic_output_follows_umask_and_fsyncs(tmp_path, monkeypatch):
    synced = []
    real = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real(fd)))
    old = os.umask(0o027)
    try:
        write_text_atomic(tmp_path / "o.txt", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "o.txt").stat().st_mode) == 0o640
    assert synced, "the data must reach the disk before the rename"


def test_atomic_output_full_disk_is_one_error_and_leaves_nothing(tmp_path, monkeypatch):
    target = tmp_path / "g.ttl"
    target.write_text("old", encoding="utf-8")

    def full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(StanceGraphError) as info:
        with atomic_output(target) as handle:
            handle.write("new")
    assert info.value.oneline() == f"{target}: cannot write: No space left on device"
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["g.ttl"]


def _small_files():
    resource.setrlimit(resource.RLIMIT_FSIZE, (2000, 2000))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


def test_build_on_a_full_disk_says_so_in_one_line(tmp_path):
    out = tmp_path / "graph.ttl"
    r = run("build", ONE, "-o", out, preexec_fn=_small_files)
    assert r.returncode == 1, r.stderr
    assert "Traceback" not in r.stderr
    assert f"{out}: cannot write: File too large" in r.stderr
    assert not out.exists() and not list(tmp_path.iterdir())


def test_build_output_naming_a_directory_is_refused_before_extraction(tmp_path):
    r = run("build", ONE, "-o", tmp_path)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert f"{tmp_path}: the output is a directory" in r.stderr


def test_rich_markup_characters_in_paths_are_printed_as_they_are(tmp_path):
    for name in ("[/]", "[draft]"):
        d = tmp_path / name
        d.mkdir(parents=True)
        r = run("build", d / "missing.txt", "-o", d / "g.ttl")
        assert r.returncode == 1 and "Traceback" not in r.stderr
        assert f"{d / 'missing.txt'}: no such file or directory" in r.stderr
    d = tmp_path / "[draft]"
    r = run("build", ONE, "-o", d / "g.ttl")
    assert r.returncode == 0, r.stderr
    assert f"built {d / 'g.ttl'}" in r.stdout
