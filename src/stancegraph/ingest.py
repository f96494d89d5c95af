"""Ingest stage: article files and JSON Lines corpora to :class:`Article` objects.

Accepted inputs:

* ``.txt`` files (or folders of them). A file may begin with the seed-style
  date line (`` date YYYY-MM-DD`` followed by the text on the same line), or
  with a header block of ``key: value`` lines (url, title, outlet, published or
  date, speaker or author, and any other key such as topic) closed by a line
  ``---``. ``date: unknown`` (or ``none``, ``n/a``, empty) means no date. The
  article id is the file stem.
* ``.jsonl`` files, one article per line: ``id``, ``text``, optional
  ``published``, ``url``, ``title``, ``outlet``, ``speaker`` (or ``author``).

A ``speaker``/``author`` field names the document speaker of a first-person
text (a speech, testimony, press release, interview): its "I" and "we" are
theirs.

Bad articles (unreadable, not UTF-8, empty, bad metadata) do not stop the
corpus: :func:`iter_articles` yields a :class:`Skipped` record naming the file
and place instead.

>>> a = parse_text("t", " date 2022-04-07 Ann Example said so.")
>>> a.published.isoformat(), a.text
('2022-04-07', ' date 2022-04-07 Ann Example said so.')
>>> a.body_start
17
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator

from .dates import iso_date
from .errors import StanceGraphError
from .model import Article, Skipped

_DATE_LINE = re.compile(r"\A[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})[ \t]*")
_HEADER_LINE = re.compile(r"^([A-Za-z_][A-Za-z_ -]*):[ \t]*(.*)$")
_HEADER_KEYS = {"url", "title", "outlet", "published", "date", "source", "headline", "speaker", "author"}
_NO_DATE = {"", "unknown", "none", "null", "n/a", "na", "-", "undated"}
_ID_OK = re.compile(r"^[A-Za-z0-9._~-]+$")
_META_FIELDS = ("published", "date", "url", "title", "outlet", "speaker", "author")
# Publication years outside this range are kept but warned about (a typo, or a placeholder date).
SANE_YEARS = (1800, date.today().year + 1)


def _parse_date(value: str, source: str, place: str) -> date | None:
    if value.strip().lower() in _NO_DATE:
        return None
    try:
        day = iso_date(value)
    except ValueError:
        day = None
    if day is None:
        raise StanceGraphError(f"bad date {value.strip()!r} (want YYYY-MM-DD)", path=source, place=place)
    return day


def _check_id(article_id: str, source: str, place: str | None) -> str:
    """Ids name IRIs and files: plain characters, and never a dot segment (``.``, ``..``, ``.x``, ``x.``)."""
    if not article_id or not _ID_OK.match(article_id) or article_id.startswith(".") or article_id.endswith("."):
        raise StanceGraphError(
            f"bad article id {article_id!r} (use letters, digits, '.', '_', '-', '~'; "
            "not starting or ending with '.')", path=source, place=place)
    return article_id


def _check_text(name: str, value: str, source: str, place: str | None) -> str:
    """Refuse a lone surrogate (JSON allows ``\\ud800``; no UTF-8 output can hold it)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise StanceGraphError(f"lone surrogate in field {name!r} (character {exc.start}): not Unicode text",
                               path=source, place=place) from None
    return value


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _year_warnings(published: date | None, source: str, place: str | None) -> tuple[str, ...]:
    if published is None or SANE_YEARS[0] <= published.year <= SANE_YEARS[1]:
        return ()
    return (StanceGraphError(f"publication year {published.year} is outside {SANE_YEARS[0]}-{SANE_YEARS[1]}; "
                             "kept as given", path=source, place=place).oneline(),)


def parse_text(article_id: str, text: str, source: str = "") -> Article:
    """Parse the text of a ``.txt`` article (with its optional metadata header)."""
    source = source or article_id
    _check_id(article_id, source, None)
    _check_text("text", text, source, None)
    warnings: list[str] = []
    if not text.strip():
        raise StanceGraphError("empty article", path=source, place="line 1")
    meta: dict[str, str] = {}
    body_start = 0
    m = _DATE_LINE.match(text)
    if m:
        meta["published"] = m.group(1)
        body_start = m.end()
    else:
        lines = text.split("\n", 41)
        header: dict[str, str] = {}
        offset = 0
        closed = False
        known = False
        for n, line in enumerate(lines[:40]):
            if line.strip() == "---" and header:
                closed = known  # a block of key: value lines is a header when it names a known key
                offset += len(line) + 1
                break
            hm = _HEADER_LINE.match(line.strip())
            if not hm:
                break
            known = known or hm.group(1).strip().lower() in _HEADER_KEYS
            header[hm.group(1).strip().lower()] = hm.group(2).strip()
            offset += len(line) + 1
        if closed:
            meta = header
            body_start = min(offset, len(text))
        elif header and (set(header) & {"published", "date", "title", "headline", "url"}) and len(lines) > len(header):
            warnings.append(StanceGraphError(
                f"header block of {len(header)} line(s) has no closing '---' line; read as article text",
                path=source, place="line 1").oneline())
    if not text[body_start:].strip():
        raise StanceGraphError("empty article (metadata but no text)", path=source, place="line 1")
    published = None
    raw_date = meta.get("published") or meta.get("date")
    if raw_date:
        published = _parse_date(raw_date, source, "header")
    warnings.extend(_year_warnings(published, source, "header"))
    return Article(
        id=article_id, text=text, published=published, url=meta.get("url") or None,
        title=meta.get("title") or meta.get("headline") or None,
        outlet=meta.get("outlet") or meta.get("source") or None,
        source=source, body_start=body_start, meta=meta, warnings=tuple(warnings),
        speaker=meta.get("speaker") or meta.get("author") or None,
    )


def read_txt(path: Path) -> Article:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise StanceGraphError(f"cannot read: {exc.strerror or exc}", path=path) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise StanceGraphError(f"not UTF-8 text (byte {exc.start})", path=path, place=f"line {line}") from None
    # Normalise line endings so that offsets are stable across platforms.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return parse_text(path.stem, text, source=str(path))


def iter_jsonl(path: Path) -> Iterator[Article | Skipped]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield Skipped(str(path), None, f"cannot read: {exc.strerror or exc}")
        return
    with handle:
        for n, raw in enumerate(handle, start=1):
            place = f"line {n}"
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8"))
                if not isinstance(record, dict):
                    raise StanceGraphError("not a JSON object", path=path, place=place)
                if not isinstance(record.get("id"), str) or not isinstance(record.get("text"), str):
                    raise StanceGraphError("needs string fields 'id' and 'text'", path=path, place=place)
                article_id = _check_id(record["id"], str(path), place)
                for key in _META_FIELDS:
                    value = record.get(key)
                    if value is not None and not isinstance(value, str):
                        raise StanceGraphError(f"field {key!r} must be a string, got {_kind(value)}",
                                               path=path, place=place)
                for key in ("text", *_META_FIELDS):
                    if record.get(key):
                        _check_text(key, record[key], str(path), place)
                text = record["text"].replace("\r\n", "\n").replace("\r", "\n")
                if not text.strip():
                    raise StanceGraphError("empty article", path=path, place=place)
                raw_date = record.get("published") or record.get("date")
                published = _parse_date(raw_date, str(path), place) if raw_date else None
                yield Article(
                    id=article_id, text=text, published=published,
                    url=record.get("url") or None, title=record.get("title") or None,
                    outlet=record.get("outlet") or None, source=f"{path}:{place}",
                    warnings=_year_warnings(published, str(path), place),
                    speaker=_text_field(record, "speaker") or _text_field(record, "author"),
                )
            except UnicodeDecodeError:
                yield Skipped(str(path), place, "not UTF-8 text")
            except json.JSONDecodeError as exc:
                yield Skipped(str(path), place, f"not valid JSON ({exc.msg}, column {exc.colno})")
            except RecursionError:
                yield Skipped(str(path), place, "not valid JSON (nested too deeply)")
            except StanceGraphError as exc:
                yield Skipped(str(path), place, exc.message)


def _text_field(record: dict, key: str) -> str | None:
    value = record.get(key)
    return value.strip() or None if isinstance(value, str) else None


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and the ``.txt``/``.jsonl`` files inside folders named (sorted)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(q for q in p.rglob("*") if q.is_file() and q.suffix.lower() in (".txt", ".jsonl"))
            out.extend(found)
        elif p.is_file():
            out.append(p)
        else:
            raise StanceGraphError("no such file or directory", path=p)
    return out


def iter_articles(paths: Iterable[str | Path]) -> Iterator[Article | Skipped]:
    """Every article of the inputs, or a :class:`Skipped` for each that fails.

    Duplicate article ids are skipped after the first (an id must name one text).
    """
    seen: dict[str, str] = {}
    for path in expand_paths(paths):
        if path.suffix.lower() == ".jsonl":
            items: Iterable[Article | Skipped] = iter_jsonl(path)
        elif path.suffix.lower() == ".txt":
            try:
                items = [read_txt(path)]
            except StanceGraphError as exc:
                items = [Skipped(exc.path or str(path), exc.place, exc.message)]
            except Exception as exc:  # noqa: BLE001 - one bad file never costs the corpus
                items = [Skipped(str(path), None, f"cannot read ({type(exc).__name__}: {exc})")]
        else:
            items = [Skipped(str(path), None, "not an article file (want .txt or .jsonl)")]
        for item in items:
            if isinstance(item, Article):
                if item.id in seen:
                    item = Skipped(item.source, None, f"duplicate article id {item.id!r} (first in {seen[item.id]})")
                else:
                    seen[item.id] = item.source
            yield item


def load_articles(paths: Iterable[str | Path]) -> tuple[list[Article], list[Skipped]]:
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for item in iter_articles(paths):
        (articles if isinstance(item, Article) else skipped).append(item)
    return articles, skipped
