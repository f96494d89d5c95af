"""The options of a network, checked ONCE: kinds, levels, normalisations, dates and windows.

:class:`NetworkOptions` is the validated set; the ``check_*`` functions below
are the only place each rule is written (the lower-level functions of
:mod:`stancegraph.networks` call them too). Every bad value raises
:class:`~stancegraph.errors.StanceGraphError` with a one-line message whose
place is the option's FIELD name (``kind``, ``min_weight``); message text
writes other fields as `` `field` ``. Library code never names a command-line
flag: :mod:`stancegraph.cli.network` maps fields to flags.

>>> NetworkOptions(kind="Congruence", normalize="Jaccard").kind
'agreement'
>>> NetworkOptions(min_weight=-1)
Traceback (most recent call last):
...
stancegraph.errors.StanceGraphError: min_weight: `min_weight` must be 0 or more, not -1
>>> parse_window("2W")
(2, 'W')
>>> [w.label for w in make_windows([date(2022, 3, 29), date(2022, 5, 2)], "1M")]
['2022-03-01', '2022-04-01', '2022-05-01']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Iterable, Sequence

from ..dates import iso_date
from ..errors import StanceGraphError

KINDS = ("affiliation", "agreement", "disagreement", "subtract", "signed")
LEVELS = ("person", "organisation")
NORMALIZATIONS = ("none", "average", "jaccard", "cosine")
DUPLICATES = ("article", "utterance", "all")
EDGE_STATEMENTS_LIMIT = 100_000
"""Above this many edges a network's ``statements`` edge attribute is left out unless asked for
(``edge_statements``; see :mod:`stancegraph.networks.edges`)."""

_ALIASES = {"organization": "organisation", "org": "organisation", "congruence": "agreement",
            "conflict": "disagreement", "twomode": "affiliation", "two-mode": "affiliation",
            "normalise": "normalize"}
_WINDOW = re.compile(r"^\s*(\d+)\s*([dwmyDWMY])\s*$")


def check_choice(value: str, choices: Sequence[str], option: str, source: str | None = None) -> str:
    """``value`` lower-cased if it is one of ``choices``, else a StanceGraphError naming them.

    >>> check_choice("Jaccard", NORMALIZATIONS, "normalize")
    'jaccard'
    >>> check_choice("median", NORMALIZATIONS, "normalize")
    Traceback (most recent call last):
    ...
    stancegraph.errors.StanceGraphError: normalize: unknown value 'median' (use one of none, average, jaccard, cosine)
    """
    v = str(value).strip().lower()
    v = _ALIASES.get(v, v)
    if v not in choices:
        raise StanceGraphError(f"unknown value '{value}' (use one of {', '.join(choices)})",
                               path=source, place=option)
    return v


def parse_date(value: str | date | None, option: str, source: str | None = None) -> date | None:
    """An ISO date (``YYYY-MM-DD``) from an option value; ``None`` stays ``None``.

    >>> parse_date("2022-03-29", "since")
    datetime.date(2022, 3, 29)
    >>> parse_date("29/03/2022", "since")
    Traceback (most recent call last):
    ...
    stancegraph.errors.StanceGraphError: since: bad date '29/03/2022' (use YYYY-MM-DD)
    """
    try:
        return iso_date(value)
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
    stancegraph.errors.StanceGraphError: window: bad window '0M' (use a positive number and D, W, M or Y, e.g. 1M, 2W, 7D, 1Y)
    """
    if value is None or str(value).strip() == "":
        return None
    m = _WINDOW.match(str(value))
    if not m or int(m.group(1)) < 1:
        raise StanceGraphError(
            f"bad window '{value}' (use a positive number and D, W, M or Y, e.g. 1M, 2W, 7D, 1Y)",
            path=source, place="window")
    return int(m.group(1)), m.group(2).upper()


def check_dates(since: str | date | None, until: str | date | None,
                source: str | None = None) -> tuple[date | None, date | None]:
    """``since`` and ``until`` as dates, the first not after the second.

    >>> check_dates("2022-01-01", None)
    (datetime.date(2022, 1, 1), None)
    """
    since_d, until_d = parse_date(since, "since", source), parse_date(until, "until", source)
    if since_d and until_d and since_d > until_d:
        raise StanceGraphError(f"`since` {since_d} is after `until` {until_d}", path=source, place="since")
    return since_d, until_d


def check_claims(claims: bool, claims_only: bool, source: str | None = None) -> None:
    """Claims only, with claims left out, is asking for nothing."""
    if claims_only and not claims:
        raise StanceGraphError("`claims_only` and `claims=False` exclude each other", path=source,
                               place="claims_only")


def check_min_weight(min_weight: float | None, source: str | None = None) -> float:
    """``min_weight`` as a float, 0 or more (``None`` is 0)."""
    if min_weight is None:
        return 0.0
    if min_weight < 0:
        raise StanceGraphError(f"`min_weight` must be 0 or more, not {min_weight}", path=source,
                               place="min_weight")
    return float(min_weight)


def check_top_k(top_k: int | None, source: str | None = None) -> int | None:
    """``top_k`` as an int, 1 or more (``None``: keep every edge).

    >>> check_top_k(0)
    Traceback (most recent call last):
    ...
    stancegraph.errors.StanceGraphError: top_k: `top_k` must be 1 or more, not 0
    """
    if top_k is None:
        return None
    if isinstance(top_k, bool) or int(top_k) != top_k or top_k < 1:
        raise StanceGraphError(f"`top_k` must be 1 or more, not {top_k}", path=source, place="top_k")
    return int(top_k)


def check_kind(kind: str, normalize: str, source: str | None = None) -> tuple[str, str]:
    """``kind`` and ``normalize`` checked, and checked to go together.

    >>> check_kind("affiliation", "cosine")
    Traceback (most recent call last):
    ...
    stancegraph.errors.StanceGraphError: normalize: `normalize` applies to one-mode networks; the affiliation network carries raw counts (use `normalize` none)
    """
    kind = check_choice(kind, KINDS, "kind", source)
    normalize = check_choice(normalize, NORMALIZATIONS, "normalize", source)
    if kind == "affiliation" and normalize != "none":
        raise StanceGraphError("`normalize` applies to one-mode networks; the affiliation network carries "
                               "raw counts (use `normalize` none)", path=source, place="normalize")
    return kind, normalize


@dataclass(frozen=True)
class NetworkOptions:
    """The options of a network, validated when made (values normalised, e.g. lower-cased).

    Fields are the keyword arguments of :func:`stancegraph.networks.network`
    plus ``window`` (``"1M"``, ...; ``None`` for one network) and ``step``
    (sliding windows: ``window="1M", step="1W"``). ``source`` (the
    graph's name) only goes into error messages.

    >>> o = NetworkOptions(kind="signed", since="2022-01-01", issues=["b", "a"])
    >>> o.since, o.issues, o.network_kwargs()["level"]
    (datetime.date(2022, 1, 1), ('b', 'a'), 'person')
    """

    kind: str = "agreement"
    issues: tuple[str, ...] | None = None
    since: date | None = None
    until: date | None = None
    window: str | None = None
    step: str | None = None
    level: str = "person"
    normalize: str = "none"
    duplicates: str = "article"
    min_weight: float = 0.0
    claims: bool = True
    claims_only: bool = False
    top_k: int | None = None
    edge_statements: bool | None = None
    source: str | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        src = self.source
        kind, normalize = check_kind(self.kind, self.normalize, src)
        since, until = check_dates(self.since, self.until, src)
        window = str(self.window).strip() if self.window not in (None, "") else None
        parse_window(window, src)
        step = str(self.step).strip() if self.step not in (None, "") else None
        parse_step(step, src)
        if step is not None and window is None:
            raise StanceGraphError("`step` slides a `window`: give both (e.g. `window` 1M, `step` 1W)",
                                   path=src, place="step")
        check_claims(self.claims, self.claims_only, src)
        if self.top_k is not None and kind == "affiliation":
            raise StanceGraphError("`top_k` applies to one-mode networks; the affiliation network keeps every "
                                   "actor-issue edge", path=src, place="top_k")
        if self.edge_statements not in (None, True, False):
            raise StanceGraphError(f"`edge_statements` is true, false or unset, not {self.edge_statements!r}",
                                   path=src, place="edge_statements")
        checked = {
            "kind": kind, "normalize": normalize, "since": since, "until": until, "window": window, "step": step,
            "level": check_choice(self.level, LEVELS, "level", src),
            "duplicates": check_choice(self.duplicates, DUPLICATES, "duplicates", src),
            "min_weight": check_min_weight(self.min_weight, src),
            "top_k": check_top_k(self.top_k, src),
            "issues": tuple(str(i) for i in self.issues) if self.issues else None,
        }
        for name, value in checked.items():
            object.__setattr__(self, name, value)

    def network_kwargs(self) -> dict:
        """The keyword arguments of :func:`~stancegraph.networks.network` and
        :func:`~stancegraph.networks.summarize` (all but ``kind`` and ``window``)."""
        return dict(issues=list(self.issues) if self.issues else None, since=self.since, until=self.until,
                    level=self.level, normalize=self.normalize, duplicates=self.duplicates,
                    min_weight=self.min_weight, claims=self.claims, claims_only=self.claims_only,
                    top_k=self.top_k, edge_statements=self.edge_statements)


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


def _shift(day: date, n: int, unit: str) -> date:
    """``day`` plus ``n`` units, keeping the day of the month (clamped: 31 January + 1M = 28/29 February)."""
    if unit in ("D", "W"):
        return _add(day, n, unit)
    months = n * (12 if unit == "Y" else 1)
    y, m = divmod(day.month - 1 + months, 12)
    y, m = day.year + y, m + 1
    last = (date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1)).day
    return date(y, m, min(day.day, last))


def parse_step(value: str | None, source: str | None = None) -> tuple[int, str] | None:
    """``(n, unit)`` of a sliding step such as ``1W`` (like :func:`parse_window`; ``None``: no sliding).

    >>> parse_step("1w")
    (1, 'W')
    """
    try:
        return parse_window(value, source)
    except StanceGraphError as exc:
        raise StanceGraphError(exc.message.replace("bad window", "bad step"), path=source, place="step") from None


def make_windows(dates: Iterable[date | None], spec: str | tuple[int, str],
                 since: date | None = None, until: date | None = None,
                 source: str | None = None, step: str | tuple[int, str] | None = None) -> list[Window]:
    """Windows covering ``since`` (or the earliest date) to ``until`` (or the latest).

    Tumbling windows (no ``step``) are calendar-aligned: the first starts on
    the day itself for ``D``, on the Monday of its week for ``W``, on the 1st
    of its month for ``M`` and on 1 January for ``Y``; each next window starts
    where the previous ends. Empty windows in between are kept, so a time line
    has no holes. No dated input gives no windows.

    Sliding windows (``step``, e.g. ``--window 1M --step 1W``): a window of
    the given length starts every step; the first start is aligned on the
    step's unit, so windows overlap when the step is shorter than the window.

    >>> [w.label for w in make_windows([date(2022, 3, 29), date(2025, 2, 10)], "1Y")]
    ['2022-01-01', '2023-01-01', '2024-01-01', '2025-01-01']
    >>> [(w.label, w.last.isoformat()) for w in make_windows([date(2022, 3, 29), date(2022, 4, 12)], "1M", step="1W")]
    [('2022-03-28', '2022-04-27'), ('2022-04-04', '2022-05-03'), ('2022-04-11', '2022-05-10')]
    """
    n, unit = parse_window(spec, source) if isinstance(spec, str) else spec  # type: ignore[misc]
    stepping = parse_step(step, source) if isinstance(step, str) else step
    known = [d for d in dates if d is not None]
    first = since if since is not None else (min(known) if known else None)
    last = until if until is not None else (max(known) if known else None)
    if first is None or last is None or first > last:
        return []
    windows = []
    if stepping is not None:
        sn, sunit = stepping
        start = _align(first, sunit)
        while start <= last:
            windows.append(Window(start, _shift(start, n, unit)))
            start = _shift(start, sn, sunit)
        return windows
    start = _align(first, unit)
    while start <= last:
        end = _add(start, n, unit)
        windows.append(Window(start, end))
        start = end
    return windows
