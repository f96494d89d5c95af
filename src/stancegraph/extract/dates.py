"""When a statement was made: date expressions resolved against the publication date."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from ..lang_en import DATE_FILLERS, TODAY, WEEKDAYS


def utterance_date(sent, published: date | None) -> date | None:
    """The first DATE entity of the statement's sentence, resolved; None without one."""
    if published is None:
        return None
    for ent in sent.ents:
        if ent.label_ == "DATE":
            return resolve_relative_date(ent.text, published)
    return None


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
        return published - timedelta(days=delta)
    import dateparser

    cleaned = " ".join(w for w in text.replace(",", " ").split() if w.lower() not in WEEKDAYS
                       and w.lower() not in DATE_FILLERS)
    if not cleaned or not any(ch.isdigit() for ch in cleaned) and not any(
            m in cleaned.lower() for m in ("yesterday", "today", "ago")):
        return None
    parsed = dateparser.parse(cleaned, languages=["en"], settings={
        "RELATIVE_BASE": datetime.combine(published, datetime.min.time()),
        "PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day"]})
    if parsed is None:
        return None
    d = parsed.date()
    return d if d <= published else None
