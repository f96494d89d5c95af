"""Calendar dates, in one place: reading ISO dates, and "who held it on day D".

Article headers, JSON Lines records, gazetteer tenures, graph literals
(``xsd:date`` or ``xsd:dateTime``) and command options all give dates as ISO
text; :func:`iso_date` reads every one of them the same way. Tenures (of a post
in the gazetteer, of an organisation in the networks) are picked for a day by
:func:`latest_covering`.

>>> iso_date("2022-03-29T10:15:00Z"), iso_date(""), iso_date_or_none("29/03/2022")
(datetime.date(2022, 3, 29), None, None)
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Callable, Iterable, TypeVar

T = TypeVar("T")


def iso_date(value: Any) -> date | None:
    """A date from a ``date``, a ``datetime`` or ISO text (``YYYY-MM-DD``, a time after ``T`` or a
    space ignored); ``None`` for ``None`` or blank text; ``ValueError`` for anything else.

    >>> iso_date(" 2024-02-29 ")
    datetime.date(2024, 2, 29)
    >>> iso_date("2023-02-29")
    Traceback (most recent call last):
    ...
    ValueError: day is out of range for month
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if not text:
        return None
    if len(text) > 10 and text[10] in "T ":
        text = text[:10]
    return date.fromisoformat(text)


def iso_date_or_none(value: Any) -> date | None:
    """:func:`iso_date`, with ``None`` for text that is not a date (graph data read leniently)."""
    try:
        return iso_date(value)
    except ValueError:
        return None


def covers(begin: date | None, end: date | None, day: date) -> bool:
    """Whether ``[begin, end]`` (both included; ``None``: open) holds ``day``.

    >>> covers(date(2020, 1, 1), None, date(2024, 5, 1)), covers(None, date(2020, 1, 1), date(2024, 5, 1))
    (True, False)
    """
    return (begin is None or begin <= day) and (end is None or day <= end)


def latest_covering(items: Iterable[T], day: date, begin: Callable[[T], date | None],
                    end: Callable[[T], date | None], tie: Callable[[T], Any] = lambda _: 0) -> T | None:
    """Of the items whose ``[begin, end]`` covers ``day``, the latest-begun (``tie`` breaks ties;
    among full ties the first); ``None`` when none covers it.

    >>> spells = [("a", date(2019, 1, 1), None), ("b", date(2021, 1, 1), date(2023, 1, 1))]
    >>> latest_covering(spells, date(2022, 6, 1), lambda s: s[1], lambda s: s[2])[0]
    'b'
    """
    best, best_key = None, None
    for item in items:
        if covers(begin(item), end(item), day):
            key = (begin(item) or date.min, tie(item))
            if best_key is None or key > best_key:
                best, best_key = item, key
    return best
