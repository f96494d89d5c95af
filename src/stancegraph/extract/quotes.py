"""Direct quotations in every quotation-mark style.

Straight and curly double quotes, straight and curly single quotes, backticks,
guillemets, low-9 quotes, double primes (″) and two apostrophes standing for a
double mark (''…''). An apostrophe between letters ("don't", "council’s") is never a
quote mark. A typographic opening mark glued to the end of the sentence before it
('…on X.“It is…') still opens a quote, and a closing-style mark (”) where only an
opening one can stand (after a space, before a word) opens one. A double quote left open at the end of a
paragraph continues when the next paragraph opens with a quote mark (the
newspaper convention for quotes that run across paragraphs), or when the next
paragraph's first double mark can only close one after a sentence's end or a
comma (the reopening mark left out: '"One.' then 'Two," she said.': one piece
over both paragraphs); otherwise it ends
with its paragraph when it ends as a sentence does and is no longer than a
long sentence (a closing mark forgotten; a text cut off mid-sentence is not a
quote), or when it ran over paragraphs that each reopen it and each end as a sentence does
(a page cut off before the last closing mark). A bare line break inside a sentence (a text
wrapped at a fixed width) does not end an open quote when the next line has no mark of its own. A double mark after a space closes a quote when it ends its paragraph. A paragraph that
opens with a dialogue dash ('— We agree," she said.') opens a quote the first closing mark ends; a
straight mark glued between two words outside a quote opens one ('this represents"extra work"'), and
so does an opening mark with a space after it ('“ We agree.”'). Quotes inside quotes belong to the
outer quote.

>>> [q.text for q in find_quotes('He said "we will see" and called it a ‘goodwill gesture,’ twice.')]
['we will see', 'goodwill gesture,']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .model import Span

DOUBLE_OPEN = "\"“„«″”"
DOUBLE_CLOSE = "\"”»“″"
SINGLE_OPEN = "'‘`‹"
_OPENING = re.compile("[" + re.escape(DOUBLE_OPEN + SINGLE_OPEN) + "]")
SINGLE_CLOSE = "'’`‹›‘"
OPEN_BEFORE = " \t\n([{—–-/:;,"
GLUED_OPEN = "“„«"  # unambiguous openers, which may follow a sentence's end without a space
SENTENCE_END = ".!?…"
CLOSE_AFTER = " \t\n.,;:!?)]}—–-/…"
MAX_SINGLE_WORDS = 90
MAX_OPEN_WORDS = 60


@dataclass
class Quote:
    begin: int  # inner text, first paragraph piece
    end: int
    text: str
    pieces: list[Span] = field(default_factory=list)  # one per paragraph for multi-paragraph quotes
    single: bool = False


def _can_open(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    if before == "\n" and text[i] in DOUBLE_OPEN and after == " ":
        return True  # '" I think …' opening a paragraph
    if text[i] in GLUED_OPEN and before in SENTENCE_END and after.isalnum():
        return True  # '… on X.“It is only …': the space after the full stop was lost
    if text[i] == '"' and before in SENTENCE_END and after.isupper():
        return True  # '… for peace."It is …': a straight mark met outside a quote, before a capital
    if text[i] == "”" and not (before in OPEN_BEFORE and after.isalnum()):
        return False  # a closing-style mark opens only after a space and before a word
    if text[i] == '"' and before.isalpha() and after.isalpha():
        return True  # '… this represents"additional work"': the space before the opening mark lost
    if text[i] in GLUED_OPEN and before in OPEN_BEFORE and after == " " and text[i + 2:i + 3].isalnum():
        return True  # '“ Westland is not …”': a space left after an unambiguous opening mark
    return (before in OPEN_BEFORE or before in DOUBLE_OPEN + SINGLE_OPEN) and not after.isspace()


def _can_close(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    if before.isspace():
        # a double mark after a space that ends its paragraph closes ('… forever "'): it cannot open
        return text[i] in DOUBLE_CLOSE and before != "\n" and after == "\n"
    if before.isalpha() and after.isalpha() and text[i] not in "”»":
        return False  # apostrophe inside a word
    if text[i] in "”»":
        return True  # a typographic closing double mark closes whatever follows ('…”Ann said')
    return after in CLOSE_AFTER or after in DOUBLE_CLOSE + SINGLE_CLOSE or after == "\n"


def _paragraphs(text: str, start: int = 0) -> list[tuple[int, int]]:
    out = []
    pos = start
    for line in text[start:].split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _double_apostrophes(text: str) -> str:
    """``text`` with each pair of apostrophes standing for a double mark (''…'') as one double
    mark and a space, the offsets kept: ' "' where it opens, '" ' where it closes."""
    if "''" not in text:
        return text
    chars = list(text)
    i = 0
    while i + 1 < len(chars):
        if chars[i] == "'" and chars[i + 1] == "'":
            before = chars[i - 1] if i > 0 else "\n"
            after = chars[i + 2] if i + 2 < len(chars) else "\n"
            # opening after a space or a bracket and before a word; closing after a word or a
            # mark (',,'' she said': the comma before it does not make it open)
            if (before.isspace() or before in OPEN_BEFORE) and not (before in ",;.!?" and after.isspace()):
                chars[i], chars[i + 1] = " ", '"'
            else:
                chars[i], chars[i + 1] = '"', " "
            i += 2
            continue
        i += 1
    return "".join(chars)


def find_quotes(text: str, start: int = 0) -> list[Quote]:
    """All quotations in ``text[start:]`` with character offsets into ``text``."""
    original, text = text, _double_apostrophes(text)
    quotes = _find(text, start)
    if text is not original:
        for q in quotes:
            q.pieces = [Span(p.begin, p.end, original[p.begin:p.end]) for p in q.pieces]
            q.text = " ".join(_piece_text(p.text) for p in q.pieces)
    return quotes


def _find(text: str, start: int) -> list[Quote]:
    quotes: list[Quote] = []
    paras = _paragraphs(text, start)
    carry: Quote | None = None  # a double quote open at the end of the previous paragraph
    for pb, pe in paras:
        i = pb
        if carry is not None:
            if text[pb] in DOUBLE_OPEN:
                i = pb + 1
                close = _find_close(text, i, pe, DOUBLE_CLOSE)
                end = close if close is not None else pe
                piece = Span(i, end, text[i:end])
                carry.pieces.append(piece)
                carry.text = carry.text + " " + piece.text.strip()
                if close is not None:
                    quotes.append(carry)
                    carry = None
                    i = close + 1
                else:
                    continue
            elif (close := _unopened_close(text, pb, pe)) is not None:
                # No reopening mark: the paragraph's first double mark closes the quote ('"One. Two.'
                # then 'Three," she said.'), one piece from the last opening mark to it.
                last = carry.pieces[-1]
                carry.pieces[-1] = Span(last.begin, close, text[last.begin:close])
                if len(carry.pieces) == 1:
                    carry.end = close
                carry.text = " ".join(_piece_text(p.text) for p in carry.pieces)
                quotes.append(carry)
                carry = None
                i = close + 1
            elif _wrapped(text, carry, pb, pe):
                # a line break inside a sentence (a text wrapped at a fixed width): the quote runs on
                last = carry.pieces[-1]
                carry.pieces[-1] = Span(last.begin, pe, text[last.begin:pe])
                if len(carry.pieces) == 1:
                    carry.end = pe
                carry.text = " ".join(_piece_text(p.text) for p in carry.pieces)
                continue
            else:
                # Unclosed and not continued: the quote ends with its paragraph (a text cut short, a
                # closing mark forgotten) when it is a sentence's worth, else it is not to be trusted.
                _end_open(quotes, text, carry)
                carry = None
        if carry is None and i == pb and (close := _dash_opened(text, pb, pe)) is not None:
            # '— It may take time," the deputy said.': a dialogue dash opens the quote a mark closes
            _add(quotes, text, pb + 2, close, single=False)
            i = close + 1
        while i < pe:
            m = _OPENING.search(text, i, pe)  # the characters between opening marks change nothing
            if m is None:
                break
            i = m.start()
            ch = text[i]
            if ch in DOUBLE_OPEN and _can_open(text, i):
                close = _find_close(text, i + 1, pe, DOUBLE_CLOSE)
                if close is None:
                    inner = text[i + 1:pe]
                    if inner.strip():
                        carry = Quote(i + 1, pe, inner.strip(), [Span(i + 1, pe, inner)])
                    break
                _add(quotes, text, i + 1, close, single=False)
                i = close + 1
                continue
            if ch in SINGLE_OPEN and _can_open(text, i):
                close = _find_close(text, i + 1, pe, SINGLE_CLOSE)
                if close is not None and len(text[i + 1:close].split()) <= MAX_SINGLE_WORDS:
                    _add(quotes, text, i + 1, close, single=True)
                    i = close + 1
                    continue
            i += 1
    if carry is not None:
        _end_open(quotes, text, carry)
    return quotes


def _end_open(quotes: list[Quote], text: str, carry: Quote) -> None:
    """Keep a quote left open where its paragraphs end: a sentence's worth (:func:`_ends_sentence`), or
    paragraphs that each reopen it and each end as a sentence does (the newspaper convention, the text
    cut off before the last closing mark), one piece per paragraph."""
    if len(carry.pieces) > 1 and all(_piece_text(p.text)[-1:] in SENTENCE_END for p in carry.pieces):
        quotes.append(carry)
    elif _ends_sentence(carry):
        _add(quotes, text, carry.begin, carry.end, single=False)


def _wrapped(text: str, carry: Quote, pb: int, pe: int) -> bool:
    """True when a line continues the open quote of the line before across a bare line break (no
    blank line): that line ends inside a sentence (no sentence end, no colon) and this one has no
    quotation mark of its own."""
    if text[carry.pieces[-1].end:pb] != "\n":
        return False
    if text[carry.pieces[-1].begin:carry.pieces[-1].end].rstrip()[-1:] in SENTENCE_END + ":;":
        return False
    return not any(c in DOUBLE_OPEN + DOUBLE_CLOSE for c in text[pb:pe])


def _piece_text(text: str) -> str:
    """A piece's words as quoted text: stripped, a paragraph break inside it as one space."""
    return " ".join(text.split()) if "\n" in text else text.strip()


def _unopened_close(text: str, pb: int, pe: int) -> int | None:
    """The paragraph's first double mark when it can only close a quote (after a word, before a
    space or a punctuation mark) and a reporting frame could follow it; else None."""
    for j in range(pb, pe):
        if text[j] in DOUBLE_OPEN + DOUBLE_CLOSE:
            if j > pb and _can_close(text, j) and not _can_open(text, j) and text[j - 1] in ",.!?…":
                return j
            return None
    return None


def _dash_opened(text: str, pb: int, pe: int) -> int | None:
    """The closing mark of a paragraph that opens with a dialogue dash and a space ('— We agree,"
    she said.'), the dash standing for the opening mark: the paragraph's first double mark when it
    can only close a quote after a sentence's end or a comma; else None."""
    if text[pb] not in "—–" or text[pb + 1:pb + 2] != " ":
        return None
    return _unopened_close(text, pb + 2, pe)


def _ends_sentence(q: Quote) -> bool:
    """An unclosed quote worth keeping: a sentence or two that ends as a sentence does (not a text
    cut off mid-word)."""
    return len(q.text.split()) <= MAX_OPEN_WORDS and q.text.rstrip()[-1:] in ".!?…"


def _find_close(text: str, i: int, end: int, closers: str) -> int | None:
    """The mark closing a quote opened before ``i``: for double marks, past the pairs of marks of
    quotes inside it ('"… the so-called "harbour crisis" is over," she said.'); the first closing
    mark when those do not pair up."""
    first, depth = None, 0
    nested = closers == DOUBLE_CLOSE
    j = i
    while j < end:
        ch = text[j]
        if ch in closers and j > i and _can_close(text, j):
            if depth == 0:
                return j
            first = j if first is None else first
            depth -= 1
        elif nested and ch in DOUBLE_OPEN and j > i and _can_open(text, j) and not _can_close(text, j):
            depth += 1  # a quote inside the quote opens
        j += 1
    return first


def _add(quotes: list[Quote], text: str, b: int, e: int, single: bool) -> None:
    inner = text[b:e]
    lead = len(inner) - len(inner.lstrip())
    trail = len(inner) - len(inner.rstrip())
    b2, e2 = b + lead, e - trail
    if e2 <= b2 or not any(c.isalnum() for c in text[b2:e2]):
        return
    quotes.append(Quote(b2, e2, text[b2:e2], [Span(b2, e2, text[b2:e2])], single))
