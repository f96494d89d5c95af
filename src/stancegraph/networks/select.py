"""Which positions a network is made of: the issue, date, window and claims filters."""

from __future__ import annotations

from datetime import date
from typing import Iterable

from ..errors import StanceGraphError
from .options import Window, check_claims, check_dates
from .read import CLAIM_PREFIX, Position, PositionTable


def select_positions(table: PositionTable, *, issues: Iterable[str] | None = None,
                     since: date | str | None = None, until: date | str | None = None,
                     claims: bool = True, claims_only: bool = False,
                     window: Window | None = None) -> list[Position]:
    """The positions kept by the issue, date, window and claims filters.

    Articles without a date are kept unless ``since``, ``until`` or a
    ``window`` is given. Unknown issue keys raise StanceGraphError listing
    the known keys.

    >>> from stancegraph.networks import example_store, load_positions
    >>> t = load_positions(example_store())
    >>> len(select_positions(t)), len(select_positions(t, since="2023-01-01"))
    (5, 3)
    """
    src = table.source
    since_d, until_d = check_dates(since, until, src)
    check_claims(claims, claims_only, src)
    wanted = None
    if issues:
        wanted = {str(i).strip() for i in issues}
        unknown = sorted(k for k in wanted if not table.valid_issue_key(k))
        if unknown:
            known = table.known_issue_keys()
            more = len(table.territory_keys - {k[len(CLAIM_PREFIX):] for k in known if k.startswith(CLAIM_PREFIX)})
            tail = f"; or territory:KEY for one of {more} more territories" if more else ""
            raise StanceGraphError(
                f"unknown issue key {', '.join(repr(u) for u in unknown)} "
                f"(known: {', '.join(known) or 'none'}{tail})", path=src, place="issues")
    dated = since_d is not None or until_d is not None or window is not None
    out = []
    for p in table.positions:
        if p.claim and not claims:
            continue
        if claims_only and not p.claim:
            continue
        if wanted is not None and p.issue not in wanted:
            continue
        if dated:
            if p.date is None:
                continue
            if since_d and p.date < since_d:
                continue
            if until_d and p.date > until_d:
                continue
            if window is not None and not window.contains(p.date):
                continue
        out.append(p)
    return out
