"""Networks as networkx graphs: one network, one per time window, and Louvain communities.

>>> from stancegraph.networks import network, example_store, labelled_edges
>>> labelled_edges(network(example_store(), "agreement"))
[('Anna', 'Boris', 1.0)]
"""

from __future__ import annotations

import random
from datetime import date
from typing import Any, Iterable

import networkx as nx
import numpy as np

from ..errors import StanceGraphError
from .edges import EdgeTable, edge_table
from .kinds import affiliation_graph
from .matrix import StanceMatrix, count_matrix
from .read import PositionTable, load_positions
from .select import select_positions
from .options import Window, check_dates, check_kind, check_min_weight, check_top_k, make_windows, parse_window

LOUVAIN_SEED = 1
"""The fixed seed of every Louvain run, so communities are the same run after run."""


IGRAPH_EDGES = 100_000
"""Above this many edges communities come from igraph's C Louvain (``community_multilevel``)."""


def communities(G: nx.Graph, weight: str = "weight") -> list[list[str]]:
    """Louvain communities of a (positive-weighted) graph, largest first.

    ``networkx.community.louvain_communities(G, weight=weight, seed=LOUVAIN_SEED)``
    (resolution 1); above :data:`IGRAPH_EDGES` edges the same method in C,
    igraph's ``community_multilevel`` (resolution 1, its random numbers drawn
    from ``random.Random(LOUVAIN_SEED)``), as networkx's takes seconds per
    million edges. Communities are sorted by size (descending), then by their
    members' sorted labels, and members by label then IRI. Isolated nodes form
    communities of one.

    >>> G = nx.Graph([("a", "b"), ("c", "d")]); G.add_node("e")
    >>> communities(G)
    [['a', 'b'], ['c', 'd'], ['e']]
    """
    if G.number_of_nodes() == 0:
        return []
    labels = {n: str(d.get("label", n)) for n, d in G.nodes(data=True)}
    if G.number_of_edges() > IGRAPH_EDGES:
        nodes = list(G.nodes)
        index = {n: i for i, n in enumerate(nodes)}
        ends = [(index[u], index[v], d.get(weight, 1.0)) for u, v, d in G.edges(data=True)]
        row, col, w = (np.array(x) for x in zip(*ends))
        return _igraph_communities(nodes, labels, row, col, w)
    return _ordered(nx.community.louvain_communities(G, weight=weight, seed=LOUVAIN_SEED), labels)


def _ordered(parts, labels: dict[str, str]) -> list[list[str]]:
    def key(n: str) -> tuple[str, str]:
        return (labels.get(n, n), n)

    ordered = [sorted(p, key=key) for p in parts]
    ordered.sort(key=lambda p: (-len(p), [key(n) for n in p]))
    return ordered


def _igraph_communities(nodes: list[str], labels: dict[str, str], row: np.ndarray, col: np.ndarray,
                        weight: np.ndarray) -> list[list[str]]:
    import igraph

    g = igraph.Graph(n=len(nodes))
    g.add_edges(np.column_stack([row, col]).astype(np.int64))  # from the array: 3x faster than a list
    igraph.set_random_number_generator(random.Random(LOUVAIN_SEED))
    try:
        membership = g.community_multilevel(weights=np.asarray(weight, dtype=float).tolist()).membership
    finally:
        igraph.set_random_number_generator(random)
    parts: dict[int, list[str]] = {}
    for n, m in zip(nodes, membership):
        parts.setdefault(m, []).append(n)
    return _ordered(parts.values(), labels)


def table_communities(T: EdgeTable) -> list[list[str]]:
    """:func:`communities` of a network given as an :class:`~stancegraph.networks.edges.EdgeTable`
    (positive weights), without building the networkx graph when it is large.

    >>> from stancegraph.networks.matrix import stance_matrix, example_store
    >>> from stancegraph.networks.edges import edge_table
    >>> [len(p) for p in table_communities(edge_table(stance_matrix(example_store())))]
    [2, 1]
    """
    if not T.nodes:
        return []
    labels = {n: str(d.get("label", n)) for n, d in zip(T.nodes, T.node_data)}
    if T.number_of_edges() > IGRAPH_EDGES:
        return _igraph_communities(T.nodes, labels, T.row, T.col, T.weight)
    G = nx.Graph()
    G.add_nodes_from(T.nodes)
    G.add_weighted_edges_from(zip([T.nodes[i] for i in T.row.tolist()], [T.nodes[i] for i in T.col.tolist()],
                                  T.weight.tolist()))
    return _ordered(nx.community.louvain_communities(G, weight="weight", seed=LOUVAIN_SEED), labels)


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


def table_from_matrix(M: StanceMatrix, kind: str = "agreement", normalize: str = "none",
                      min_weight: float = 0.0, with_communities: bool = True,
                      meta: dict[str, Any] | None = None, top_k: int | None = None,
                      edge_statements: bool | None = None) -> EdgeTable:
    """The one-mode network of ``kind`` as an :class:`~stancegraph.networks.edges.EdgeTable`,
    with communities and graph attributes: what :func:`graph_from_matrix` returns, without networkx
    (the GraphML and CSV writers stream it).

    >>> from stancegraph.networks.matrix import stance_matrix, example_store
    >>> T = table_from_matrix(stance_matrix(example_store()), "disagreement")
    >>> T.number_of_edges(), sorted({d["community"] for d in T.node_data}), T.graph["kind"]
    (2, [0, 1], 'disagreement')
    """
    src = M.table.source
    kind, normalize = check_kind(kind, normalize, src)
    if kind == "affiliation":
        raise StanceGraphError("the affiliation network is two-mode; use graph_from_matrix", path=src, place="kind")
    min_weight = check_min_weight(min_weight, src)
    top_k = check_top_k(top_k, src)
    T = edge_table(M, kind, normalize, min_weight, top_k, edge_statements)
    if with_communities:
        agree = T if kind == "agreement" else edge_table(M, "agreement", normalize, min_weight, top_k, False)
        membership = {n: i for i, part in enumerate(table_communities(agree)) for n in part}
        for n, d in zip(T.nodes, T.node_data):
            d["community"] = membership.get(n, -1)
    T.graph.update(_graph_attributes(M, kind, normalize, min_weight, top_k, meta))
    return T


def _graph_attributes(M: StanceMatrix, kind: str, normalize: str, min_weight: float, top_k: int | None,
                      meta: dict[str, Any] | None) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": kind, "normalize": normalize, "min_weight": float(min_weight)}
    if top_k is not None:
        out["top_k"] = int(top_k)
    if M.window is not None:
        out.update({"window_start": M.window.start.isoformat(), "window_end": M.window.last.isoformat()})
    if meta:
        out.update({k: v for k, v in meta.items() if v is not None})
    return out


def graph_from_matrix(M: StanceMatrix, kind: str = "agreement", normalize: str = "none",
                      min_weight: float = 0.0, with_communities: bool = True,
                      meta: dict[str, Any] | None = None, top_k: int | None = None,
                      edge_statements: bool | None = None) -> nx.Graph:
    """The network of ``kind`` from a count matrix, with communities and graph attributes.

    ``community`` (int) on every actor node is its Louvain community
    (:func:`communities`) on the agreement network of the same matrix with
    the same normalisation, ``min_weight`` and ``top_k`` (raw weights for the
    affiliation kind); issue nodes get -1. One-mode kinds are made as an
    EdgeTable first (:func:`table_from_matrix`).

    >>> from stancegraph.networks.matrix import stance_matrix, example_store
    >>> G = graph_from_matrix(stance_matrix(example_store()), "disagreement")
    >>> sorted(set(nx.get_node_attributes(G, "community").values()))
    [0, 1]
    """
    src = M.table.source
    kind, normalize = check_kind(kind, normalize, src)
    if kind != "affiliation":
        return table_from_matrix(M, kind, normalize, min_weight, with_communities, meta, top_k,
                                 edge_statements).to_networkx()
    min_weight = check_min_weight(min_weight, src)
    G = affiliation_graph(M, min_weight)
    if with_communities:
        agree = edge_table(M, "agreement", normalize, 0.0, None, False)
        membership = {n: i for i, part in enumerate(table_communities(agree)) for n in part}
        for n, d in G.nodes(data=True):
            d["community"] = membership.get(n, -1)
    G.graph.update(_graph_attributes(M, kind, normalize, min_weight, None, meta))
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
            with_communities: bool = True, top_k: int | None = None,
            edge_statements: bool | None = None) -> nx.Graph:
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
    top_k : int, optional
        Keep each node's ``top_k`` strongest edges (and those its neighbours keep; one-mode
        kinds); applied with ``min_weight`` before networkx sees an edge.
    edge_statements : bool, optional
        The ``statements`` edge attribute: None lists it when the network has at most
        :data:`~stancegraph.networks.options.EDGE_STATEMENTS_LIMIT` edges.

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
    M, meta = _selected(source, issues, since, until, level, duplicates, claims, claims_only, window)
    return graph_from_matrix(M, kind, normalize, min_weight, with_communities, meta, top_k, edge_statements)


def network_table(source: Any, kind: str = "agreement", *, issues: Iterable[str] | None = None,
                  since: date | str | None = None, until: date | str | None = None, level: str = "person",
                  normalize: str = "none", duplicates: str = "article", min_weight: float = 0.0,
                  claims: bool = True, claims_only: bool = False, window: Window | None = None,
                  with_communities: bool = True, top_k: int | None = None,
                  edge_statements: bool | None = None) -> EdgeTable:
    """A one-mode network as :func:`network` makes it, as an :class:`~stancegraph.networks.edges.EdgeTable`
    (no networkx graph: what ``stancegraph network`` streams to GraphML and CSV).

    >>> from stancegraph.networks import example_store
    >>> T = network_table(example_store(), "signed")
    >>> T.number_of_edges(), T.graph["kind"], network(example_store(), "signed").number_of_edges()
    (3, 'signed', 3)
    """
    M, meta = _selected(source, issues, since, until, level, duplicates, claims, claims_only, window)
    return table_from_matrix(M, kind, normalize, min_weight, with_communities, meta, top_k, edge_statements)


def _selected(source, issues, since, until, level, duplicates, claims, claims_only, window
              ) -> tuple[StanceMatrix, dict[str, Any]]:
    """The count matrix of the positions the filters keep, and the graph attributes saying which."""
    table = load_positions(source)
    chosen = select_positions(table, issues=issues, since=since, until=until, claims=claims,
                              claims_only=claims_only, window=window)
    return (count_matrix(chosen, table, level=level, duplicates=duplicates, window=window),
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
                      step: str | None = None, top_k: int | None = None,
                      edge_statements: bool | None = None) -> list[tuple[Window, nx.Graph]]:
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
                    window=w, with_communities=with_communities, top_k=top_k, edge_statements=edge_statements)
        G.graph["window"] = window if isinstance(window, str) else f"{window[0]}{window[1]}"
        if step:
            G.graph["step"] = step
        out.append((w, G))
    return out
