"""Named queries stancegraph computes itself, registered by name in :data:`COMPUTED`.

A query of the library whose header has ``# computed-by: NAME`` is answered by
``COMPUTED[NAME](store, params)`` instead of by its SPARQL text: the function
reads what it needs with small SPARQL queries (package queries ``pairs-*.rq``)
and returns ``(columns, rows)`` exactly as the SPARQL would (same columns,
same rows, same order; a test compares the two). The SPARQL text stays the
definition, and what the web query page or another endpoint runs.

``agreement-pairs``: the SPARQL pairs every actor's (issue, stance) pairs with
every other actor's and groups the pairs -- 61 s on a store of a million
triples with 1.6 million answers. Here the pairs are sparse matrix products:
``X`` is the 0/1 incidence matrix actors x (issue, stance); for each issue
``c`` with its columns ``X_c``,

* ``X_c X_c^T > 0``: the pairs who took one same stance on ``c`` (agreed);
* ``X_c J X_c^T > 0`` with ``J = 1 - I`` over ``c``'s stances: the pairs who
  took different stances on ``c`` (disagreed);

``agreements`` is the number of issues a pair agreed on, ``disagreements``
the number it disagreed on, and ``issues`` the sorted keys of the agreed
issues (one bit per key, so each distinct set is joined once).

>>> from stancegraph.store import load_text
>>> st = load_text('''@prefix sg: <https://w3id.org/stancegraph/ontology#> .
... <urn:p1> a sg:IssuePosition ; sg:holder <urn:ann> ; sg:issue <urn:fees> ; sg:stance sg:Support .
... <urn:p2> a sg:IssuePosition ; sg:holder <urn:bo> ; sg:issue <urn:fees> ; sg:stance sg:Support .''')
>>> agreement_pairs(st, {})[1]
[{'actorA': 'urn:ann', 'actorB': 'urn:bo', 'agreements': 1, 'disagreements': 0, 'issues': ''}]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

import pyoxigraph as ox

if TYPE_CHECKING:
    import numpy as np

AGREEMENT_COLUMNS = ["actorA", "actorALabel", "actorB", "actorBLabel", "agreements", "disagreements", "issues"]


def _solutions(store: ox.Store, name: str):
    from . import query
    from .library import package_query, render_query

    nq = package_query(name)
    return query(store, render_query(nq, {}), source=str(nq.path))


def agreement_pairs(store: ox.Store, params: dict[str, Any]) -> tuple[list[str], list[dict[str, Any]]]:
    """The rows of the ``agreement-pairs`` query (``queries/agreement-pairs.rq``), by sparse products.

    Parameters
    ----------
    store : pyoxigraph.Store
    params : dict
        ``min_agreements`` (int, optional): only pairs agreeing on at least this many issues.

    Returns
    -------
    (columns, rows)
        Rows as dicts of plain values, unbound labels left out, ordered as the query orders them.
    """
    import numpy as np  # loaded when the query runs, not when the library is listed
    import scipy.sparse as sp

    from ..pairs import group_pairs, locate, mask_texts

    least = max(1, int(params.get("min_agreements") or 1))
    actor_of: dict[Any, int] = {}
    col_of: dict[tuple[Any, Any], int] = {}
    rows_i: list[int] = []
    cols_j: list[int] = []
    for sol in _solutions(store, "pairs-positions"):
        actor, concept, stance = sol["actor"], sol["concept"], sol["stance"]
        if isinstance(actor, ox.BlankNode):
            continue  # STR() of a blank node is an error: the SPARQL pairs no blank holder
        a = actor_of.setdefault(actor, len(actor_of))
        j = col_of.setdefault((concept, stance), len(col_of))
        rows_i.append(a)
        cols_j.append(j)
    actors = sorted(actor_of, key=lambda t: t.value)  # STR(?actorA) < STR(?actorB)
    rank = np.empty(len(actors), dtype=np.int64)
    rank[[actor_of[t] for t in actors]] = np.arange(len(actors))
    n = len(actors)
    X = sp.csc_array((np.ones(len(rows_i), dtype=np.int64), (rank[np.asarray(rows_i, dtype=np.int64)],
                                                             np.asarray(cols_j, dtype=np.int64))),
                     shape=(n, len(col_of)))
    X.sum_duplicates()
    keys_of: dict[Any, set[str]] = {}  # a concept's keys (more than one when it has several notations)
    for sol in _solutions(store, "pairs-keys"):
        if sol["key"] is not None:
            keys_of.setdefault(sol["concept"], set()).add(sol["key"].value)
    by_concept: dict[Any, list[int]] = {}
    for (concept, _), j in col_of.items():
        by_concept.setdefault(concept, []).append(j)
    concepts = list(by_concept)
    groups = [by_concept[c] for c in concepts]
    pair, agreements, issue_mask = group_pairs(X, groups)
    keep = agreements >= least
    pair, agreements, issue_mask = pair[keep], agreements[keep], issue_mask[keep]
    if not pair.size:
        return list(AGREEMENT_COLUMNS), []
    dpair, dcount, _ = group_pairs(X, groups, opposite=True)
    found, at = locate(dpair, pair)
    disagreements = np.where(found, dcount[at] if dcount.size else 0, 0)
    issue_text, mask_of = mask_texts(issue_mask, [sorted(keys_of.get(c, ())) for c in concepts], " ")
    return list(AGREEMENT_COLUMNS), _agreement_rows(actors, _labels(store, actors), pair // max(n, 1),
                                                    pair % max(n, 1), agreements, disagreements,
                                                    issue_text, np.asarray(mask_of).ravel())


def _labels(store: ox.Store, actors: list) -> list[list[str]]:
    index = {t: i for i, t in enumerate(actors)}
    out: list[list[str]] = [[] for _ in actors]
    for sol in _solutions(store, "pairs-labels"):
        i = index.get(sol["actor"])
        if i is not None:
            out[i].append(sol["label"].value)
    return [sorted(ls) for ls in out]


def _agreement_rows(actors: list, labels: list[list[str]], a: np.ndarray, b: np.ndarray, agreements: np.ndarray,
                    disagreements: np.ndarray, issue_text: list[str], issue_of: np.ndarray) -> list[dict[str, Any]]:
    """One row per pair and per combination of the two actors' labels (the SPARQL's OPTIONALs),
    in the query's ORDER BY: DESC(agreements), disagreements, labels (unbound first), IRIs."""
    import numpy as np

    count = np.array([max(1, len(ls)) for ls in labels], dtype=np.int64)
    offset = np.concatenate([[0], np.cumsum(count)[:-1]]).astype(np.int64)
    flat = [ls[k] if k < len(ls) else None for ls, c in zip(labels, count.tolist()) for k in range(c)]
    texts = sorted({t for t in flat if t is not None})
    text_rank = {t: r for r, t in enumerate(texts)}
    flat_rank = np.array([text_rank[t] if t is not None else -1 for t in flat], dtype=np.int64)
    if (count == 1).all():
        pick, la, lb = np.arange(len(a)), offset[a], offset[b]
    else:
        reps = count[a] * count[b]
        pick = np.repeat(np.arange(len(a)), reps)
        local = np.arange(len(pick)) - np.repeat(np.cumsum(reps) - reps, reps)
        la = offset[a[pick]] + local // count[b[pick]]
        lb = offset[b[pick]] + local % count[b[pick]]
    # pairs come sorted by (a, b) (actor index order is IRI order), so a stable sort on the other keys
    # finishes the ORDER BY; one int64 key when the four fit in it
    keys = [flat_rank[lb] + 1, flat_rank[la] + 1, disagreements[pick], agreements.max(initial=0) - agreements[pick]]
    bits = [max(1, int(k.max(initial=0)).bit_length()) for k in keys]
    if sum(bits) <= 62:
        packed, shift = np.zeros(len(pick), dtype=np.int64), 0
        for k, nb in zip(keys, bits):
            packed |= k.astype(np.int64) << shift
            shift += nb
        order = np.argsort(packed, kind="stable")
    else:
        order = np.lexsort(keys)
    pick, la, lb = pick[order], la[order], lb[order]
    iris = np.array([t.value for t in actors] or [""], dtype=object)
    flat_arr = np.array(flat or [None], dtype=object)
    A, B = iris[a[pick]].tolist(), iris[b[pick]].tolist()
    LA, LB = flat_arr[la].tolist(), flat_arr[lb].tolist()
    ag, dg = agreements[pick].tolist(), disagreements[pick].tolist()
    it = np.array(issue_text, dtype=object)[issue_of[pick]].tolist()
    if all(t is not None for t in flat):
        return [{"actorA": r[0], "actorALabel": r[1], "actorB": r[2], "actorBLabel": r[3], "agreements": r[4],
                 "disagreements": r[5], "issues": r[6]} for r in zip(A, LA, B, LB, ag, dg, it)]
    out = []
    for r in zip(A, LA, B, LB, ag, dg, it):
        row = dict(zip(AGREEMENT_COLUMNS, r))
        if r[1] is None:
            del row["actorALabel"]
        if r[3] is None:
            del row["actorBLabel"]
        out.append(row)
    return out


COMPUTED: dict[str, Callable[[ox.Store, dict[str, Any]], tuple[list[str], list[dict[str, Any]]]]] = {
    "agreement-pairs": agreement_pairs,
}
"""Computed queries by name (the ``computed-by`` line of a library query names one)."""

__all__ = ["COMPUTED", "agreement_pairs"]
