"""Atomic writes: a temporary file in the target's folder, then a rename.

A crash or an error half-way never leaves a truncated output behind.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> write_text_atomic(d / "out.txt", "hello")
>>> (d / "out.txt").read_text()
'hello'
"""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator

from .errors import StanceGraphError


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """A temporary file name beside ``path`` for a writer that opens files by name (SQLite);
    renamed onto ``path`` when the block succeeds, removed when it fails.

    >>> import tempfile, pathlib, sqlite3
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "x.db"
    >>> with atomic_path(target) as tmp:
    ...     sqlite3.connect(tmp).execute("CREATE TABLE t(a)").connection.close()
    >>> target.exists(), [p.name for p in target.parent.iterdir()]
    (True, ['x.db'])
    """
    target = Path(path)
    with _beside(target) as (fd, tmp):
        os.close(fd)
        yield Path(tmp)


@contextmanager
def _beside(target: Path) -> Iterator[tuple[int, str]]:
    folder = target.parent if str(target.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise StanceGraphError(f"cannot write: {exc.strerror or exc}", path=target) from None
    try:
        yield fd, tmp
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


@contextmanager
def atomic_output(path: str | Path, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO]:
    """Open a temporary file beside ``path``; rename it onto ``path`` on success."""
    kwargs = {"encoding": encoding, "newline": ""} if "b" not in mode else {}
    with _beside(Path(path)) as (fd, tmp):
        with os.fdopen(fd, mode, **kwargs) as handle:
            yield handle


def write_text_atomic(path: str | Path, text: str) -> None:
    with atomic_output(path) as handle:
        handle.write(text)


def write_bytes_atomic(path: str | Path, data: bytes) -> None:
    with atomic_output(path, "wb", encoding=None) as handle:
        handle.write(data)
