"""Lines of an article that do not speak: captions and photo credits."""

from __future__ import annotations

import re

_CREDIT = re.compile(r"^(image|photo|picture|pictured|photograph|credit|video|file photo|source)\s*:", re.I)
_CREDIT_TAIL = re.compile(r"\b[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+)*\s*/\s*[A-Z][\w&.-]+\s*$")


def caption_lines(text: str, start: int = 0) -> list[tuple[int, int]]:
    r"""Character ranges of caption and photo-credit lines.

    A credit line ("Image: AP", "Photo: Jane Doe/Agency"), a line ending in a
    "Name/Agency" credit, and a line repeating an earlier line word for word
    (a caption under a photo) are not text that speaks.

    >>> t = "Officials met.\nOfficials met. Jane Doe/Agency\nImage: AP\nThey spoke."
    >>> [t[b:e] for b, e in caption_lines(t)]
    ['Officials met. Jane Doe/Agency', 'Image: AP']
    """
    out = []
    seen: set[str] = set()
    pos = start
    for line in text[start:].split("\n"):
        b, e = pos, pos + len(line)
        pos = e + 1
        stripped = line.strip()
        if not stripped:
            continue
        key = " ".join(stripped.split())
        credit_free = _CREDIT_TAIL.sub("", stripped).strip()
        if _CREDIT.match(stripped) or (credit_free != stripped and len(stripped.split()) <= 30) \
                or (key in seen and len(key.split()) <= 30 and not key.endswith("\"")):
            out.append((b, e))
        seen.add(key)
        seen.add(" ".join(credit_free.split()))
    return out
