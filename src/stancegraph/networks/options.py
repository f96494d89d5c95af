"""Checking the options of the network command: kinds, formats, dates and windows.

Every bad value raises :class:`~stancegraph.errors.StanceGraphError` with a
one-line message that names the option (and the graph, when known).

>>> parse_window("2W")
(2, 'W')
>>> [w.label for w in make_windows([date(2022, 3, 29), date(2022, 5, 2)], "1M")]
['2022-03-01', '2022-04-01', '2022-05-01']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Iterable, Sequence

from ..errors import StanceGraphError

KINDS = ("affiliation", "agreement", "disagreement", "subtract", "signed")
LEVELS = ("person", "organisation")
NORMALIZATIONS = ("none", "average", "jaccard", "cosine")
DUPLICATES = ("article", "utterance", "all")

_ALIASES = {"organization": "organisation", "org": "organisation", "congruence": "agreement",
            "conflict": "disagreement", "twomode": "affiliation", "two-mode": "affiliation",
            "normalise": "normalize"}
_WINDOW = re.compile(r"^\s*(\d+)\s*([dwmyDWMY])\s*$")


def check_choice(value: str, choices: Sequence[str], option: str, source: str | None = None) -> str:
    """``value`` lower-cased if it is one of ``choices``, else a StanceGraphError naming them.

    >>> check_choice("Jaccard", NORMALIZATIONS, "--normalize")
    'jaccard'
    >>> check_choice("median", NORMALIZATIONS, "--normalize")
    Traceback (most recent call last):
    ...
    stancegraph.errors.StanceGraphError: --normalize: unknown value 'median' (use one of none, average, jaccard, cosine)
    """
    v = str(value).strip().lower()
    v = _ALIASES.get(v, v)
    if v not in choices:
        raise StanceGraphError(f"unknown value '{value}' (use one of {', '.join(choices)})",
                               path=source, place=option)
    return v


def parse_date(value: str | date | None, option: str, source: str | None = None) -> date | None:
    """An ISO date (``YYYY-MM-DD``) from an option value; ``None`` stays ``None``.

    >>> parse_date("2022-03-29", "--since")
    datetime.date(2022, 3, 29)
    >>> parse_date("29/03/2022", "--since")
    Traceback (most recent call last):
    ...
    stancegraph.errors.StanceGraphError: --since: bad date '29/03/2022' (use YYYY-MM-DD)
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise StanceGraphError(f"bad date '{value}' (use YYYY-MM-DD)", path=source, place=option) from None


def parse_window(value: str | None, source: str | None = None) -> tuple[int, str] | None:
    """``(n, unit)`` from a window string such as ``7D``, ``2W``, ``1M`` or ``1Y``.

    Units: ``D`` days, ``W`` weeks, ``M`` calendar months, ``Y`` calendar years
    (case does not matter). ``None`` or an empty string means no windows.

    >>> parse_window("1y")
    (1, 'Y')
    >>> parse_window("0M")
    Traceback (most recent call last):
    ...
    stancegraph.errors.StanceGraphError: --window: bad window '0M' (use a positive number and D, W, M or Y, e.g. 1M, 2W, 7D, 1Y)
    """
    if value is None or str(value).strip() == "":
        return None
    m = _WINDOW.match(str(value))
    if not m or int(m.group(1)) < 1:
        raise StanceGraphError(
            f"bad window '{value}' (use a positive number and D, W, M or Y, e.g. 1M, 2W, 7D, 1Y)",
            path=source, place="--window")
    return int(m.group(1)), m.group(2).upper()


@dataclass(frozen=True, order=True)
class Window:
    """A time window ``[start, end)``: ``start`` included, ``end`` excluded.

    ``last`` is the last day inside the window (GEXF spells use it, since
    GEXF intervals are closed); ``label`` is ``start`` in ISO form.

    >>> w = Window(date(2022, 1, 1), date(2023, 1, 1))
    >>> (w.label, w.last.isoformat(), w.contains(date(2022, 12, 31)))
    ('2022-01-01', '2022-12-31', True)
    """

    start: date
    end: date

    @property
    def last(self) -> date:
        return self.end - timedelta(days=1)

    @property
    def label(self) -> str:
        return self.start.isoformat()

    def contains(self, day: date | None) -> bool:
        return day is not None and self.start <= day < self.end


def _add(start: date, n: int, unit: str) -> date:
    if unit == "D":
        return start + timedelta(days=n)
    if unit == "W":
        return start + timedelta(weeks=n)
    if unit == "M":
        y, m = divmod(start.month - 1 + n, 12)
        return date(start.year + y, m + 1, 1)
    return date(start.year + n, 1, 1)


def _align(day: date, unit: str) -> date:
    if unit == "W":
        return day - timedelta(days=day.weekday())
    if unit == "M":
        return day.replace(day=1)
    if unit == "Y":
        return date(day.year, 1, 1)
    return day


def make_windows(dates: Iterable[date | None], spec: str | tuple[int, str],
                 since: date | None = None, until: date | None = None,
                 source: str | None = None) -> list[Window]:
    """Consecutive windows covering ``since`` (or the earliest date) to ``until`` (or the latest).

    Windows are calendar-aligned: the first starts on the day itself for
    ``D``, on the Monday of its week for ``W``, on the 1st of its month for
    ``M`` and on 1 January for ``Y``; each next window starts where the
    previous ends. Empty windows in between are kept, so a time line has no
    holes. No dated input gives no windows.

    >>> [w.label for w in make_windows([date(2022, 3, 29), date(2025, 2, 10)], "1Y")]
    ['2022-01-01', '2023-01-01', '2024-01-01', '2025-01-01']
    """
    n, unit = parse_window(spec, source) if isinstance(spec, str) else spec  # type: ignore[misc]
    known = [d for d in dates if d is not None]
    first = since if since is not None else (min(known) if known else None)
    last = until if until is not None else (max(known) if known else None)
    if first is None or last is None or first > last:
        return []
    windows = []
    start = _align(first, unit)
    while start <= last:
        end = _add(start, n, unit)
        windows.append(Window(start, end))
        start = end
    return windows
