"""Atomic writes: a temporary file in the target's folder, flushed to disk, then a rename.

A crash or an error half-way never leaves a truncated output behind; the file
gets the permissions any new file gets (the umask), not the temporary file's
0600; a full disk or a target that is a directory is one clear error.

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


def current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def check_writable(path: str | Path, what: str = "output") -> Path:
    """Fail early, in one line, when ``path`` cannot take an output file.

    The path must not be a directory, and its folder must exist (or be creatable)
    and be writable. Nothing is created.

    >>> import tempfile
    >>> try:
    ...     check_writable(tempfile.mkdtemp())
    ... except StanceGraphError as exc:
    ...     print(exc.message.split(";")[0])
    the output is a directory
    """
    target = Path(path)
    if target.is_dir():
        raise StanceGraphError(f"the {what} is a directory; give a file name (e.g. {target}/graph.ttl)", path=target)
    folder = target.parent if str(target.parent) else Path(".")
    probe = existing_ancestor(folder)
    if not probe.is_dir():
        raise StanceGraphError(f"cannot write the {what}: {probe} is not a directory", path=target)
    if not os.access(probe, os.W_OK | os.X_OK):
        raise StanceGraphError(f"cannot write the {what}: permission denied in {probe}", path=target)
    if target.exists() and not os.access(target, os.W_OK) and not os.access(folder, os.W_OK):
        raise StanceGraphError(f"cannot write the {what}: permission denied", path=target)
    return target


def existing_ancestor(path: Path) -> Path:
    """``path`` itself when it exists, else its nearest existing parent (what a write would need)."""
    probe = path
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    return probe


def safe_child(folder: str | Path, name: str, suffix: str = "") -> Path:
    """``folder/name+suffix``, refused when ``name`` (taken from data) would leave ``folder``.

    >>> safe_child("out", "a1", ".json").as_posix()
    'out/a1.json'
    >>> safe_child("out", "../x", ".json")
    Traceback (most recent call last):
    ...
    stancegraph.errors.StanceGraphError: out: refusing a file name from the data that leaves the output folder: '../x'
    """
    base = Path(folder)
    bad = (not name or name in (".", "..") or name.startswith(".") or "/" in name or "\\" in name
           or "\x00" in name or os.path.isabs(name) or (len(name) > 1 and name[1] == ":"))
    candidate = base / f"{name}{suffix}"
    if not bad:
        resolved_base = base.resolve()
        bad = candidate.resolve().parent != resolved_base
    if bad:
        raise StanceGraphError(f"refusing a file name from the data that leaves the output folder: {name!r}",
                               path=base)
    return candidate


@contextmanager
def atomic_output(path: str | Path, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO]:
    """Open a temporary file beside ``path``; fsync it and rename it onto ``path`` on success.

    An OSError while writing (a full disk, a quota) becomes a one-line
    :class:`StanceGraphError` naming ``path``; the temporary file is removed.
    """
    target = Path(path)
    if target.is_dir():
        raise StanceGraphError("is a directory; give a file name", path=target)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise StanceGraphError(f"cannot write: {exc.strerror or exc}", path=target) from None
    kwargs = {"encoding": encoding, "newline": ""} if "b" not in mode else {}
    try:
        try:
            os.fchmod(fd, 0o666 & ~current_umask())
        except (AttributeError, OSError):  # pragma: no cover - platforms without fchmod
            pass
        with os.fdopen(fd, mode, **kwargs) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
        fsync_dir(folder)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError) and not isinstance(exc, StanceGraphError):
            raise StanceGraphError(f"cannot write: {exc.strerror or exc}", path=target) from None
        raise


def fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (best effort: not every platform opens directories)."""
    try:
        dfd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dfd)
    except OSError:
        pass
    finally:
        os.close(dfd)


def write_text_atomic(path: str | Path, text: str) -> None:
    with atomic_output(path) as handle:
        handle.write(text)


def write_bytes_atomic(path: str | Path, data: bytes) -> None:
    with atomic_output(path, "wb", encoding=None) as handle:
        handle.write(data)
