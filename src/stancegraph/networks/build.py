"""Networks as networkx graphs: one network, one per time window, and Louvain communities.

>>> from stancegraph.networks import network, example_store, labelled_edges
>>> labelled_edges(network(example_store(), "agreement"))
[('Anna', 'Boris', 1.0)]
"""

from __future__ import annotations

from datetime import date
from typing import Any, Iterable

import networkx as nx

from ..errors import StanceGraphError
from .kinds import affiliation_graph, one_mode_graph
from .matrix import StanceMatrix, count_matrix
from .read import PositionTable, load_positions
from .select import select_positions
from .options import Window, check_dates, check_kind, check_min_weight, make_windows, parse_window

LOUVAIN_SEED = 1
"""The fixed seed of every Louvain run, so communities are the same run after run."""


def communities(G: nx.Graph, weight: str = "weight") -> list[list[str]]:
    """Louvain communities of a (positive-weighted) graph, largest first.

    ``networkx.community.louvain_communities(G, weight=weight, seed=LOUVAIN_SEED)``
    (resolution 1); communities are sorted by size (descending), then by their
    members' sorted labels, and members by label then IRI. Isolated nodes form
    communities of one.

    >>> G = nx.Graph([("a", "b"), ("c", "d")]); G.add_node("e")
    >>> communities(G)
    [['a', 'b'], ['c', 'd'], ['e']]
    """
    if G.number_of_nodes() == 0:
        return []
    parts = nx.community.louvain_communities(G, weight=weight, seed=LOUVAIN_SEED)

    def key(n: str) -> tuple[str, str]:
        return (str(G.nodes[n].get("label", n)), n)

    ordered = [sorted(p, key=key) for p in parts]
    ordered.sort(key=lambda p: (-len(p), [key(n) for n in p]))
    return ordered


def labelled_edges(G: nx.Graph, attr: str = "weight") -> list[tuple[str, str, Any]]:
    """Edges as sorted ``(label, label, G[u][v][attr])`` triples (labels sorted within a pair).

    A readable view for examples, tests and quick looks.

    >>> G = nx.Graph(); G.add_node(1, label="Zoe"); G.add_node(2, label="Al")
    >>> G.add_edge(1, 2, weight=2.0)
    >>> labelled_edges(G)
    [('Al', 'Zoe', 2.0)]
    """
    out = []
    for u, v, d in G.edges(data=True):
        a, b = sorted((str(G.nodes[u].get("label", u)), str(G.nodes[v].get("label", v))))
        out.append((a, b, d.get(attr)))
    return sorted(out, key=lambda t: (t[0], t[1], str(t[2])))


def graph_from_matrix(M: StanceMatrix, kind: str = "agreement", normalize: str = "none",
                      min_weight: float = 0.0, with_communities: bool = True,
                      meta: dict[str, Any] | None = None) -> nx.Graph:
    """The network of ``kind`` from a count matrix, with communities and graph attributes.

    ``community`` (int) on every actor node is its Louvain community
    (:func:`communities`) on the agreement network of the same matrix with
    the same normalisation and ``min_weight`` (raw weights for the
    affiliation kind); issue nodes get -1.

    >>> from stancegraph.networks.matrix import stance_matrix, example_store
    >>> G = graph_from_matrix(stance_matrix(example_store()), "disagreement")
    >>> sorted(set(nx.get_node_attributes(G, "community").values()))
    [0, 1]
    """
    src = M.table.source
    kind, normalize = check_kind(kind, normalize, src)
    min_weight = check_min_weight(min_weight, src)
    if kind == "affiliation":
        G = affiliation_graph(M, min_weight)
    else:
        G = one_mode_graph(M, kind, normalize, min_weight)
    if with_communities:
        if kind == "agreement":
            agree = G
        else:
            agree = one_mode_graph(M, "agreement", normalize, min_weight if kind != "affiliation" else 0.0)
        membership = {n: i for i, part in enumerate(communities(agree)) for n in part}
        for n, d in G.nodes(data=True):
            d["community"] = membership.get(n, -1)
    G.graph.update({"kind": kind, "normalize": normalize, "min_weight": float(min_weight)})
    if M.window is not None:
        G.graph.update({"window_start": M.window.start.isoformat(), "window_end": M.window.last.isoformat()})
    if meta:
        G.graph.update({k: v for k, v in meta.items() if v is not None})
    return G


def _meta(issues, since, until, level, duplicates, claims, claims_only) -> dict[str, Any]:
    return {"issues": ";".join(sorted(issues)) if issues else "", "since": str(since or ""),
            "until": str(until or ""), "level": level, "duplicates": duplicates,
            "claims": "only" if claims_only else ("on" if claims else "off"),
            "generator": "stancegraph"}


def network(source: Any, kind: str = "agreement", *, issues: Iterable[str] | None = None,
            since: date | str | None = None, until: date | str | None = None, level: str = "person",
            normalize: str = "none", duplicates: str = "article", min_weight: float = 0.0,
            claims: bool = True, claims_only: bool = False, window: Window | None = None,
            with_communities: bool = True) -> nx.Graph:
    """One agreement/disagreement/... network of a graph, as a networkx Graph.

    Parameters
    ----------
    source : pyoxigraph.Store, graph path or PositionTable
        Where the positions come from (read with SPARQL, see :func:`load_positions`).
    kind : {"affiliation", "agreement", "disagreement", "subtract", "signed"}
        See :mod:`stancegraph.networks.kinds` for the formulas.
    issues : list of str, optional
        Issue keys to keep (``territory:{key}`` for claims); unknown keys raise.
    since, until : date or "YYYY-MM-DD", optional
        Article publication dates to keep (inclusive); undated articles are
        kept only when neither is given.
    level : {"person", "organisation"}
        Aggregate persons to the organisation they speak for at the article date.
    normalize : {"none", "average", "jaccard", "cosine"}
    duplicates : {"article", "utterance", "all"}
        How positions are counted (see :mod:`stancegraph.networks.matrix`).
    min_weight : float
        Drop edges with ``|weight| < min_weight``.
    claims, claims_only : bool
        Territorial claims as positions (default on), or only them.
    window : Window, optional
        Restrict to articles published in this window.
    with_communities : bool
        Compute the ``community`` node attribute (Louvain).

    Returns
    -------
    networkx.Graph
        Nodes keyed by actor IRI (and issue IRI in the affiliation network).

    Raises
    ------
    StanceGraphError
        Unknown kind, normalisation, level, issue key; bad dates.

    Examples
    --------
    >>> from stancegraph.networks import example_store, labelled_edges
    >>> labelled_edges(network(example_store(), "disagreement", normalize="average"))
    [('Anna', 'Chen', 1.0), ('Boris', 'Chen', 0.6666666666666666)]
    """
    table = load_positions(source)
    chosen = select_positions(table, issues=issues, since=since, until=until, claims=claims,
                              claims_only=claims_only, window=window)
    M = count_matrix(chosen, table, level=level, duplicates=duplicates, window=window)
    return graph_from_matrix(M, kind, normalize, min_weight, with_communities,
                             _meta(issues, since, until, level, duplicates, claims, claims_only))


def windows_of(table: PositionTable, window: str | tuple[int, str], *, issues: Iterable[str] | None = None,
               since: date | str | None = None, until: date | str | None = None, claims: bool = True,
               claims_only: bool = False, step: str | tuple[int, str] | None = None) -> list[Window]:
    """The time windows that cover the dated positions kept by the filters.

    >>> from stancegraph.networks import example_store, load_positions
    >>> [w.label for w in windows_of(load_positions(example_store()), "1Y")]
    ['2022-01-01', '2023-01-01']
    """
    spec = parse_window(window, table.source) if isinstance(window, str) else window
    if spec is None:
        raise StanceGraphError("no window given", path=table.source, place="window")
    since_d, until_d = check_dates(since, until, table.source)
    kept = select_positions(table, issues=issues, since=since_d, until=until_d, claims=claims,
                            claims_only=claims_only)
    return make_windows([p.date for p in kept], spec, since_d, until_d, table.source, step)


def undated(table: PositionTable, *, issues: Iterable[str] | None = None, claims: bool = True,
            claims_only: bool = False) -> tuple[int, int]:
    """``(positions, articles)`` kept by the filters but without a date: no time window holds them.

    >>> from stancegraph.networks import example_store, load_positions
    >>> undated(load_positions(example_store()))
    (0, 0)
    """
    kept = [p for p in select_positions(table, issues=issues, claims=claims, claims_only=claims_only)
            if p.date is None]
    return len(kept), len({p.article for p in kept})


def windowed_networks(source: Any, kind: str = "agreement", window: str = "1Y", *,
                      issues: Iterable[str] | None = None, since: date | str | None = None,
                      until: date | str | None = None, level: str = "person", normalize: str = "none",
                      duplicates: str = "article", min_weight: float = 0.0, claims: bool = True,
                      claims_only: bool = False, with_communities: bool = True,
                      step: str | None = None) -> list[tuple[Window, nx.Graph]]:
    """One network per time window (``"7D"``, ``"2W"``, ``"1M"``, ``"1Y"``, ...).

    Windows are calendar-aligned and consecutive, or sliding with ``step``
    (``window="1M", step="1W"``: a month-long window every week; see
    :func:`stancegraph.networks.options.make_windows`); articles without a
    date cannot be placed in a window and are left out (:func:`undated`
    counts them). Each window's network
    is built from that window's positions only (counts, normalisation and
    communities included). Other parameters as in :func:`network`.

    Raises StanceGraphError when no kept position has a date.

    Examples
    --------
    >>> from stancegraph.networks import example_store, labelled_edges
    >>> [(w.label, labelled_edges(G)) for w, G in windowed_networks(example_store(), "disagreement", "1Y")]
    [('2022-01-01', []), ('2023-01-01', [('Anna', 'Chen', 1.0)])]
    """
    table = load_positions(source)
    wins = windows_of(table, window, issues=issues, since=since, until=until, claims=claims,
                      claims_only=claims_only, step=step)
    if not wins:
        raise StanceGraphError("no dated positions to put into time windows", path=table.source,
                               place="window")
    out = []
    for w in wins:
        G = network(table, kind, issues=issues, since=since, until=until, level=level, normalize=normalize,
                    duplicates=duplicates, min_weight=min_weight, claims=claims, claims_only=claims_only,
                    window=w, with_communities=with_communities)
        G.graph["window"] = window if isinstance(window, str) else f"{window[0]}{window[1]}"
        if step:
            G.graph["step"] = step
        out.append((w, G))
    return out
