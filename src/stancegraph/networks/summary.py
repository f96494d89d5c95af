"""A short reading of the networks: coalitions, contested issues, polarisation.

* Coalitions: the Louvain communities (fixed seed, see
  :func:`stancegraph.networks.build.communities`) of the agreement network
  with two or more members, as lists of member labels.
* Contested issues: issues (and claim pseudo-issues ``territory:{key}``)
  on which at least two stances have holders. For each, ``holders`` counts
  the distinct nodes holding each stance. Ranked by ``score`` = the size of
  the second-largest stance group (for support/oppose issues exactly
  ``min(#support, #oppose)``), then by ``total`` = the sum of the stance
  groups' sizes, then by key.
* Polarisation, for the whole selection and for each window::

      P = D_total / (A_total + D_total)

  where ``A_total`` and ``D_total`` are the sums of the raw agreement and
  disagreement weights over all unordered node pairs (``normalize="none"``,
  with the chosen counting, level, issues and claims). ``P`` is the share
  of disagreement in all the agreement and disagreement the actors share:
  0 when nobody disagrees, 1 when nobody agrees, ``None`` when there is
  neither.

>>> from stancegraph.networks import example_store
>>> s = summarize(example_store())
>>> s.coalitions
[['Anna', 'Boris']]
>>> [(c.key, c.holders) for c in s.contested]
[('talks-progress', {'support': 2, 'oppose': 1}), ('harbour-fees', {'support': 1, 'oppose': 1})]
>>> s.polarisation.value
0.75
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Iterable

from .build import table_communities, windows_of
from .edges import edge_table
from .kinds import agreement_matrix, disagreement_matrix
from .matrix import StanceMatrix, count_matrix
from .read import load_positions
from .select import select_positions
from .options import Window


@dataclass
class Contested:
    """An issue with holders on at least two sides."""

    key: str
    label: str
    holders: dict[str, int]
    score: int
    total: int


@dataclass
class Polarisation:
    """``value = disagreement / (agreement + disagreement)`` of one window (or of everything)."""

    start: str | None
    end: str | None
    agreement: int
    disagreement: int
    value: float | None
    actors: int


@dataclass
class NetworkSummary:
    """What :func:`summarize` returns; ``str()`` gives the printed report."""

    coalitions: list[list[str]]
    contested: list[Contested]
    polarisation: Polarisation
    windows: list[Polarisation] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def __str__(self) -> str:
        lines = ["coalitions (Louvain communities of the agreement network):"]
        if not self.coalitions:
            lines.append("  none (no two actors agree)")
        for i, c in enumerate(self.coalitions, 1):
            lines.append(f"  {i}. {', '.join(c)}")
        lines.append("most contested issues (holders per stance):")
        if not self.contested:
            lines.append("  none")
        for c in self.contested:
            sides = ", ".join(f"{s} {n}" for s, n in c.holders.items())
            lines.append(f"  {c.key}: {sides}")
        lines.append("polarisation = disagreement / (agreement + disagreement):")
        rows = [self.polarisation] + self.windows
        for p in rows:
            span = "all" if p.start is None else f"{p.start}..{p.end}"
            val = "n/a" if p.value is None else f"{p.value:.3f}"
            lines.append(f"  {span}: {val} (agreement {p.agreement}, disagreement {p.disagreement}, "
                         f"actors {p.actors})")
        return "\n".join(lines)


def polarisation(M: StanceMatrix) -> Polarisation:
    """``D_total / (A_total + D_total)`` of a count matrix (raw weights, unordered pairs).

    >>> from stancegraph.networks.matrix import stance_matrix, example_store
    >>> p = polarisation(stance_matrix(example_store()))
    >>> (p.agreement, p.disagreement, p.value)
    (1, 3, 0.75)
    """
    a = int(agreement_matrix(M).sum()) // 2
    d = int(disagreement_matrix(M).sum()) // 2
    w = M.window
    return Polarisation(start=w.start.isoformat() if w else None, end=w.last.isoformat() if w else None,
                        agreement=a, disagreement=d, value=(d / (a + d)) if a + d else None,
                        actors=len(M.nodes))


def contested_issues(M: StanceMatrix, top: int | None = None) -> list[Contested]:
    """Issues with holders on two or more sides, most contested first (see module notes).

    >>> from stancegraph.networks.matrix import stance_matrix, example_store
    >>> [c.key for c in contested_issues(stance_matrix(example_store()))]
    ['talks-progress', 'harbour-fees']
    """
    C = M.counts.tocsc()
    groups: dict[str, dict[str, int]] = {}
    for j, (issue, stance) in enumerate(M.columns):
        n = int((C[:, [j]] != 0).sum())
        if n:
            groups.setdefault(issue, {})[stance] = n
    out = []
    for issue, holders in groups.items():
        if len(holders) < 2:
            continue
        sizes = sorted(holders.values(), reverse=True)
        iri = M.issue_iris.get(issue, issue)
        out.append(Contested(key=issue, label=M.table.labels.get(iri) or issue, holders=holders,
                             score=sizes[1], total=sum(sizes)))
    out.sort(key=lambda c: (-c.score, -c.total, c.key))
    return out[:top] if top else out


def summarize(source: Any, *, window: str | None = None, issues: Iterable[str] | None = None,
              since: date | str | None = None, until: date | str | None = None, level: str = "person",
              normalize: str = "none", duplicates: str = "article", min_weight: float = 0.0,
              claims: bool = True, claims_only: bool = False, top: int | None = 10,
              top_k: int | None = None, edge_statements: bool | None = None) -> NetworkSummary:
    """Coalitions, most contested issues and polarisation (overall and per window).

    Parameters are those of :func:`stancegraph.networks.network`; ``normalize``
    ``min_weight`` and ``top_k`` shape the agreement network the coalitions come from,
    while polarisation always uses raw weights. ``window`` adds one
    polarisation figure per window; ``top`` caps the contested list.

    Examples
    --------
    >>> from stancegraph.networks import example_store
    >>> [(p.start, p.value) for p in summarize(example_store(), window="1Y").windows]
    [('2022-01-01', 0.0), ('2023-01-01', 1.0)]
    """
    table = load_positions(source)
    chosen = select_positions(table, issues=issues, since=since, until=until, claims=claims,
                              claims_only=claims_only)
    M = count_matrix(chosen, table, level=level, duplicates=duplicates)
    agree = edge_table(M, "agreement", normalize, min_weight, top_k, edge_statements=False)
    label = {n: d["label"] for n, d in zip(agree.nodes, agree.node_data)}
    coalitions = [[label[n] for n in part] for part in table_communities(agree) if len(part) > 1]
    per_window = []
    if window:
        for w in windows_of(table, window, issues=issues, since=since, until=until, claims=claims,
                            claims_only=claims_only):
            sel = select_positions(table, issues=issues, since=since, until=until, claims=claims,
                                   claims_only=claims_only, window=w)
            per_window.append(polarisation(count_matrix(sel, table, level=level, duplicates=duplicates,
                                                        window=w)))
    return NetworkSummary(coalitions=coalitions, contested=contested_issues(M, top),
                          polarisation=polarisation(M), windows=per_window)


__all__ = ["Contested", "NetworkSummary", "Polarisation", "contested_issues", "polarisation", "summarize",
           "Window"]
