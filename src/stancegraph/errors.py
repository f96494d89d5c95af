"""The one error type users see: a message naming the file and the place."""

from __future__ import annotations

from pathlib import Path


class StanceGraphError(Exception):
    """A problem with the user's input or environment, reported as one line.

    >>> str(StanceGraphError("empty article", path="a.txt", place="line 1"))
    'a.txt:line 1: empty article'
    """

    def __init__(self, message: str, path: str | Path | None = None, place: str | None = None,
                 details: list[str] | None = None):
        self.message = message
        self.path = str(path) if path is not None else None
        self.place = place
        self.details = list(details or [])
        super().__init__(self.oneline())

    def oneline(self) -> str:
        r"""The message on one line; control characters (a newline in a file name, a terminal
        escape in an id) are shown escaped, never acted on.

        >>> StanceGraphError("bad id", path="a\nb.txt").oneline()
        'a\\nb.txt: bad id'
        """
        where = _visible(":".join(p for p in (self.path, self.place) if p))
        text = _visible(" ".join(self.message.split()))
        return f"{where}: {text}" if where else text


def _visible(text: str) -> str:
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
