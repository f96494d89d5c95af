"""From the graph to the two-mode count matrix every network is derived from.

Three steps:

1. :func:`~stancegraph.networks.read.load_positions` reads the positions,
   claims, actors and tenures of the graph with SPARQL (:mod:`.read`);
2. :func:`~stancegraph.networks.select.select_positions` keeps those the
   filters want (issues, dates, window, claims; :mod:`.select`);
3. :func:`count_matrix` maps holders to network nodes (``level``, see
   :mod:`.read`), counts them (``duplicates``) and returns a
   :class:`StanceMatrix`: a sparse ``actors x (issue, stance)`` count matrix
   ``C`` plus the statements behind every cell. :func:`stance_matrix` does
   all three.

Counting (the ``duplicates`` option) -- ``C[a, (i, s)]`` is the number of units:

* ``article`` (default): one unit per article in which node ``a`` takes stance
  ``s`` on issue ``i``, however many statements express it there.
* ``utterance``: the ``article`` units, where units that share an utterance
  are merged into one: same node, same issue, same stance and the same
  normalised ``sg:quotedText`` (NFKC, case-folded, punctuation dropped,
  spaces collapsed) of an expressing statement. One quote relayed by several
  outlets counts once; positions without quoted text keep one unit per
  article. (Merging is transitive.)
* ``all``: one unit per expressing statement (``sg:expressedIn``); a position
  without one counts once.

Counting happens after the mapping to nodes, so two spokespeople of one
ministry saying the same in one article count once under ``article``.

>>> M = stance_matrix(example_store())
>>> [M.label(n) for n in M.nodes]
['Anna', 'Boris', 'Chen']
>>> M.columns
[('harbour-fees', 'support'), ('harbour-fees', 'oppose'), ('talks-progress', 'support'), ('talks-progress', 'oppose')]
>>> M.counts.toarray().tolist()
[[0, 1, 1, 0], [0, 0, 1, 0], [1, 0, 0, 1]]
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any, Iterable

import numpy as np
import scipy.sparse as sp

from ..model import Stance
from .examples import EXAMPLE_TTL, example_store
from .options import DUPLICATES, LEVELS, Window, check_choice
from .read import CLAIM_PREFIX, Position, PositionTable, Tenure, load_positions, normalise_quote
from .select import select_positions

__all__ = ["CLAIM_PREFIX", "EXAMPLE_TTL", "Position", "PositionTable", "StanceMatrix", "Tenure", "count_matrix",
           "example_store", "load_positions", "normalise_quote", "select_positions", "stance_matrix"]

_STANCE_ORDER = {Stance.SUPPORT.key: 0, Stance.OPPOSE.key: 1}


@dataclass
class StanceMatrix:
    """The two-mode count matrix ``C`` (nodes x (issue, stance) columns) and what lies behind it.

    Attributes
    ----------
    counts : scipy.sparse.csr_array of int64
        ``C[a, c]``: how many units (see ``duplicates``) of node ``a`` hold column ``c``.
    nodes : list of str
        Node IRIs (actors, or organisations at ``level="organisation"``), sorted.
    columns : list of (issue key, stance)
        Sorted by issue key, then support, oppose, then other stances alphabetically.
    cell_statements : dict
        ``(row, col) -> frozenset`` of the statement IRIs expressing that cell.
    members : dict
        node IRI -> sorted holder IRIs it stands for.
    issue_iris : dict
        issue key -> concept or territory IRI.
    table : PositionTable
        Labels, kinds, affiliations and Wikidata ids.
    """

    counts: sp.csr_array
    nodes: list[str]
    columns: list[tuple[str, str]]
    cell_statements: dict[tuple[int, int], frozenset[str]]
    members: dict[str, tuple[str, ...]]
    issue_iris: dict[str, str]
    table: PositionTable
    window: Window | None = None

    def label(self, iri: str) -> str:
        return self.table.label(iri)

    def opposite(self) -> sp.csr_array:
        """``J``: columns x columns, ``J[c, c'] = 1`` iff same issue and different stance.

        >>> stance_matrix(example_store()).opposite().toarray().tolist()
        [[0, 1, 0, 0], [1, 0, 0, 0], [0, 0, 0, 1], [0, 0, 1, 0]]
        """
        by_issue: dict[str, list[int]] = defaultdict(list)
        for j, (issue, _) in enumerate(self.columns):
            by_issue[issue].append(j)
        rows, cols = [], []
        for idx in by_issue.values():
            for a in idx:
                for b in idx:
                    if a != b:
                        rows.append(a)
                        cols.append(b)
        n = len(self.columns)
        return sp.csr_array((np.ones(len(rows), dtype=np.int64), (rows, cols)), shape=(n, n))


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[Any, Any] = {}

    def find(self, x: Any) -> Any:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: Any, b: Any) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> int:
        return len({self.find(x) for x in list(self.parent)})


def _column_key(col: tuple[str, str]) -> tuple:
    issue, stance = col
    return (issue, _STANCE_ORDER.get(stance, 2), stance)


def count_matrix(positions: Iterable[Position], table: PositionTable, *, level: str = "person",
                 duplicates: str = "article", window: Window | None = None) -> StanceMatrix:
    """Count already-selected positions into a :class:`StanceMatrix` (see the module notes).

    >>> t = load_positions(example_store())
    >>> count_matrix(t.positions, t, duplicates="all").counts.sum()
    np.int64(6)
    """
    level = check_choice(level, LEVELS, "level", table.source)
    duplicates = check_choice(duplicates, DUPLICATES, "duplicates", table.source)
    units: dict[tuple[str, tuple[str, str]], Any] = {}
    stmts: dict[tuple[str, tuple[str, str]], set[str]] = defaultdict(set)
    members: dict[str, set[str]] = defaultdict(set)
    issue_iris: dict[str, str] = {}
    for p in positions:
        node = table.node_for(p.holder, p.date, level)
        col = (p.issue, p.stance)
        cell = (node, col)
        members[node].add(p.holder)
        issue_iris.setdefault(p.issue, p.issue_iri)
        stmts[cell].update(p.statements)
        unit = p.article or p.iri
        if duplicates == "article":
            units.setdefault(cell, set()).add(unit)
        elif duplicates == "all":
            units.setdefault(cell, set()).update(p.statements or (p.iri,))
        else:
            uf = units.setdefault(cell, _UnionFind())
            uf.find(("unit", unit))
            for q in p.quotes:
                uf.union(("unit", unit), ("quote", q))
    nodes = sorted(members)
    columns = sorted({col for _, col in units}, key=_column_key)
    row_of = {n: i for i, n in enumerate(nodes)}
    col_of = {c: j for j, c in enumerate(columns)}
    rows, cols, vals = [], [], []
    cell_statements: dict[tuple[int, int], frozenset[str]] = {}
    for (node, col), u in units.items():
        n = u.groups() if isinstance(u, _UnionFind) else len(u)
        i, j = row_of[node], col_of[col]
        rows.append(i)
        cols.append(j)
        vals.append(n)
        cell_statements[(i, j)] = frozenset(stmts[(node, col)])
    counts = sp.csr_array((np.asarray(vals, dtype=np.int64), (rows, cols)),
                          shape=(len(nodes), len(columns)))
    counts.sort_indices()
    return StanceMatrix(counts=counts, nodes=nodes, columns=columns, cell_statements=cell_statements,
                        members={n: tuple(sorted(m)) for n, m in members.items()},
                        issue_iris=issue_iris, table=table, window=window)


def stance_matrix(source: Any, *, issues: Iterable[str] | None = None, since: date | str | None = None,
                  until: date | str | None = None, level: str = "person", duplicates: str = "article",
                  claims: bool = True, claims_only: bool = False,
                  window: Window | None = None) -> StanceMatrix:
    """The filtered, counted ``actors x (issue, stance)`` matrix of a graph.

    Parameters
    ----------
    source : pyoxigraph.Store, graph path or PositionTable
    issues : list of str, optional
        Keep only these issue keys (``skos:notation``; ``territory:{key}`` for claims).
    since, until : date or ISO string, optional
        Keep articles published in ``[since, until]``; undated articles are
        then left out.
    level : {"person", "organisation"}
    duplicates : {"article", "utterance", "all"}
    claims, claims_only : bool
        Include territorial claims (default), or only them.
    window : Window, optional
        Keep articles published inside the window.

    Returns
    -------
    StanceMatrix

    Examples
    --------
    >>> M = stance_matrix(example_store(), issues=["talks-progress"])
    >>> M.columns, M.counts.toarray().ravel().tolist()
    ([('talks-progress', 'support'), ('talks-progress', 'oppose')], [1, 0, 1, 0, 0, 1])
    """
    table = load_positions(source)
    chosen = select_positions(table, issues=issues, since=since, until=until, claims=claims,
                              claims_only=claims_only, window=window)
    return count_matrix(chosen, table, level=level, duplicates=duplicates, window=window)
