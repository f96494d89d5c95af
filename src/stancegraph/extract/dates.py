"""Dates: an article's date inferred from its own text when its metadata gives none, and
when a statement was made (date expressions resolved against the publication date).

Post titles ("the foreign minister") resolve to the holder on the article's
date; an undated article must not get today's holder against its own evidence.
The evidence, strongest first:

1. ``url``: a date in the article's URL path (``/2022/03/16/``, ``2022-03-16``,
   ``/2022/03/``);
2. ``dateline``: a dateline opening a paragraph ("LISBON, March 29 (Agency) -",
   "30-Mar-2022"), its year from the text when it gives none;
3. ``date``: the latest full date the text mentions ("on March 29, 2022");
4. ``year``: the latest year the text mentions (its middle is taken).

Each result keeps the text it was read from; the graph marks the date as
inferred (``sg:inferredDate``, ``sg:dateEvidence``), never as published.

>>> from stancegraph.ingest import parse_text
>>> d = infer_date(parse_text("t", "LISBON, March 29 (Wire) - Talks resumed, a year after the 2021 summit."))
>>> d.day.isoformat(), d.kind
('2021-03-29', 'dateline')
>>> infer_date(parse_text("t", "No date here.")) is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from ..lang_en import DATE_FILLERS, TODAY, WEEKDAYS
from ..model import Article

MONTHS = {m: n for n, names in enumerate([
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
    ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
    ("november", "nov"), ("december", "dec")], start=1) for m in names}
_MONTH = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

_URL_DAY = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)[/_-](?P<m>[01]?\d)[/_-](?P<d>[0-3]?\d)(?!\d)")
_URL_COMPACT = re.compile(r"(?<!\d)(?P<year>20\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?!\d)")
_URL_MONTH = re.compile(r"/(?P<year>(?:19|20)\d\d)/(?P<m>[01]?\d)/")
_URL_YEAR = re.compile(r"/(?P<year>(?:19|20)\d\d)/")
# "LISBON, March 29 (Agency) -", "PORTO, 29 March -", "30-Mar-2022"
_DATELINE = re.compile(
    r"^[ \t]*(?:[A-Z][A-Za-z.'’ -]{1,40},[ \t]*)?(?:" + r"(?P<a>" + _MONTH + r"[ \t]+(?P<d1>[0-3]?\d)(?:,?[ \t]+"
    + _YEAR.replace("year", "y1") + r")?)" + r"|(?P<b>(?P<d2>[0-3]?\d)[ \t]+" + _MONTH.replace("mon", "mon2")
    + r"(?:[ \t]+" + _YEAR.replace("year", "y2") + r")?)" + r")[ \t]*(?:\([^)\n]{1,40}\))?[ \t]*[-–—:]",
    re.I | re.M)
_NUMERIC = re.compile(r"(?<![\w-])(?P<d>[0-3]?\d)-" + _MONTH + r"-" + _YEAR + r"(?![\w-])", re.I)
_FULL = re.compile(r"\b" + _MONTH + r"[ \t]+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?[ \t]+" + _YEAR + r"\b"
                   + r"|\b(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?[ \t]+" + _MONTH.replace("mon", "mon2") + r",?[ \t]+"
                   + _YEAR.replace("year", "y2") + r"\b", re.I)
_ISO = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)")
_YEARS = re.compile(r"(?<![\d$€£.,])(?P<year>(?:19|20)\d\d)(?![\d%])")


@dataclass(frozen=True)
class InferredDate:
    """A date read from an article's own text: the day, the kind of evidence and its text."""

    day: date
    kind: str  # url | dateline | date | year
    evidence: str


def _day(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _mentioned(body: str, today: date) -> list[tuple[date, str]]:
    out = []
    for m in _FULL.finditer(body):
        mon = m.group("mon") or m.group("mon2")
        d = m.group("d") or m.group("d2")
        y = m.group("year") or m.group("y2")
        day = _day(int(y), MONTHS[mon.lower().rstrip(".")], int(d))
        if day:
            out.append((day, m.group(0)))
    for m in _NUMERIC.finditer(body):
        day = _day(int(m.group("year")), MONTHS[m.group("mon").lower().rstrip(".")], int(m.group("d")))
        if day:
            out.append((day, m.group(0)))
    for m in _ISO.finditer(body):
        day = _day(int(m.group("year")), int(m.group("m")), int(m.group("d")))
        if day:
            out.append((day, m.group(0)))
    return [(d, t) for d, t in out if d <= today]


def infer_date(article: Article, today: date | None = None) -> InferredDate | None:
    """The article's date from its URL or text, with its evidence; None when nothing tells."""
    today = today or date.today()
    if article.url:
        path = re.sub(r"^[a-z]+://[^/]+", "", article.url)
        for rx in (_URL_DAY, _URL_COMPACT):
            m = rx.search(path)
            if m:
                day = _day(int(m.group("year")), int(m.group("m")), int(m.group("d")))
                if day and day <= today:
                    return InferredDate(day, "url", m.group(0))
        m = _URL_MONTH.search(path)
        if m:
            day = _day(int(m.group("year")), int(m.group("m")), 15)
            if day and day <= today:
                return InferredDate(day, "url", m.group(0))
        m = _URL_YEAR.search(path)
        if m and int(m.group("year")) <= today.year:
            y = int(m.group("year"))
            return InferredDate(min(today, date(y, 7, 1)), "url", m.group(0))
    body = article.text[article.body_start:]
    mentioned = _mentioned(body, today)
    years = [int(m.group("year")) for m in _YEARS.finditer(body) if int(m.group("year")) <= today.year]
    dl = _DATELINE.search(body[:3000])
    if dl is not None:
        mon = dl.group("mon") or dl.group("mon2")
        d = dl.group("d1") or dl.group("d2")
        y = dl.group("y1") or dl.group("y2")
        year = int(y) if y else (max(d.year for d, _ in mentioned) if mentioned else (max(years) if years else None))
        if year:
            day = _day(year, MONTHS[mon.lower().rstrip(".")], int(d))
            if day and day <= today:
                return InferredDate(day, "dateline", dl.group(0).strip())
    if mentioned:
        day, text = max(mentioned)
        return InferredDate(day, "date", text)
    if years:
        y = max(years)
        return InferredDate(date(y, 7, 1) if y < today.year else min(today, date(y, 7, 1)), "year", str(y))
    return None


def utterance_date(ents, published: date | None) -> date | None:
    """The first DATE entity among a statement's sentence's entities, resolved; None without one."""
    if published is None:
        return None
    for ent in ents:
        if ent.label_ == "DATE":
            return _resolved(ent.text, published)
    return None


@lru_cache(maxsize=4096)
def _resolved(text: str, published: date) -> date | None:
    """:func:`resolve_relative_date`, once per (text, publication date): the statements of a
    sentence share its date, and dateparser is slow."""
    return resolve_relative_date(text, published)


def resolve_relative_date(text: str, published: date) -> date | None:
    """A date expression resolved against the publication date (past dates preferred).

    >>> resolve_relative_date("Tuesday", date(2022, 3, 30))
    datetime.date(2022, 3, 29)
    >>> resolve_relative_date("on Wednesday, April 6", date(2022, 4, 7))
    datetime.date(2022, 4, 6)
    """
    low = text.lower()
    if low.strip() in TODAY:
        return published
    # Weekday names alone: the latest such day on or before publication.
    words = [w.strip(",.") for w in low.split()]
    if any(w in WEEKDAYS for w in words) and not any(ch.isdigit() for ch in low):
        wd = next(WEEKDAYS.index(w) for w in words if w in WEEKDAYS)
        delta = (published.weekday() - wd) % 7
        try:
            return published - timedelta(days=delta)
        except OverflowError:  # before 1 January of year 1
            return None
    import dateparser

    cleaned = " ".join(w for w in text.replace(",", " ").split() if w.lower() not in WEEKDAYS
                       and w.lower() not in DATE_FILLERS)
    if not cleaned or not any(ch.isdigit() for ch in cleaned) and not any(
            m in cleaned.lower() for m in ("yesterday", "today", "ago")):
        return None
    try:
        parsed = dateparser.parse(cleaned, languages=["en"], settings={
            "RELATIVE_BASE": datetime.combine(published, datetime.min.time()),
            "PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day"]})
    except (OverflowError, ValueError):  # a relative date beyond the calendar's ends
        return None
    if parsed is None:
        return None
    d = parsed.date()
    return d if d <= published else None
