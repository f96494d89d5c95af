"""A one-mode network as arrays, straight from the count matrix: :class:`EdgeTable`.

:func:`edge_table` computes the edges of a kind with sparse products
(:func:`~stancegraph.networks.kinds.edge_weights`: weights, ``min_weight``
and ``top_k`` applied there, before any graph object exists), their
``issues`` with one sparse product per issue (:mod:`stancegraph.pairs`, one
string join per distinct set of issues), and -- when wanted -- their
``statements``. Nothing here loops over node pairs, and nothing needs
networkx: the GraphML and CSV writers stream an EdgeTable's edges to the file
(:mod:`stancegraph.networks.formats`), and :meth:`EdgeTable.to_networkx`
gives the same network as a networkx Graph (what
:func:`~stancegraph.networks.kinds.one_mode_graph` returns).

``statements`` on every edge is the ";"-joined statements behind it (see
:mod:`~stancegraph.networks.kinds`); on a large network it is mostly
repetition -- each statement is listed on every edge of its speaker on that
issue, about 11 million IRIs for the 1.3 million edges of a store of a million
triples. ``edge_statements=None`` (the default) lists them when the network
has at most :data:`~stancegraph.networks.options.EDGE_STATEMENTS_LIMIT` edges and leaves the attribute out
above (``run_network`` then says so); ``True`` or ``False`` decides.

>>> from stancegraph.networks.matrix import stance_matrix, example_store
>>> T = edge_table(stance_matrix(example_store()), "signed")
>>> [(T.node_data[u]["label"], T.node_data[v]["label"], s, i)
...  for u, v, s, i in zip(T.row.tolist(), T.col.tolist(), T.sign.tolist(), T.issues())]
[('Anna', 'Boris', 1, 'talks-progress'), ('Anna', 'Chen', -1, 'harbour-fees;talks-progress'), ('Boris', 'Chen', -1, 'talks-progress')]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator

import numpy as np

from ..pairs import group_pairs, locate, mask_texts
from .kinds import edge_weights, node_attributes
from .matrix import StanceMatrix
from . import options
from .options import KINDS, NORMALIZATIONS, check_choice

EDGE_ATTRIBUTES = ("weight", "sign", "agreement", "disagreement", "issues", "statements")
"""The one-mode edge attributes, in the order networkx stores them."""
EDGE_TYPES = {"weight": "double", "sign": "int", "agreement": "int", "disagreement": "int", "issues": "string",
              "statements": "string"}


@dataclass(frozen=True)
class EdgeTable:
    """A one-mode network: its nodes with their attributes, and its edges as equal-length arrays.

    Attributes
    ----------
    nodes : list of str
        Node IRIs, in the count matrix's order (``row`` and ``col`` index it); ``row < col``.
    node_data : list of dict
        The attributes of each node (:func:`~stancegraph.networks.kinds.node_attributes`, plus
        ``community`` once computed).
    row, col, weight, sign, agreement, disagreement : numpy arrays
        One entry per edge, in row-major order (the order networkx iterates the edges in).
    issue_texts, issue_of : list of str, numpy array
        Each edge's ``issues`` is ``issue_texts[issue_of[k]]``.
    statements : list of str or None
        Each edge's ``statements``, or None when the attribute is left out.
    graph : dict
        Graph attributes (kind, normalize, ...).
    """

    nodes: list[str]
    node_data: list[dict[str, Any]]
    row: np.ndarray
    col: np.ndarray
    weight: np.ndarray
    sign: np.ndarray
    agreement: np.ndarray
    disagreement: np.ndarray
    issue_texts: list[str]
    issue_of: np.ndarray
    statements: list[str] | None = None
    graph: dict[str, Any] = field(default_factory=dict)

    def number_of_nodes(self) -> int:
        return len(self.nodes)

    def number_of_edges(self) -> int:
        return len(self.row)

    def issues(self) -> list[str]:
        """The ``issues`` of every edge."""
        return self.edge_columns()["issues"]

    def edge_names(self) -> list[str]:
        """The edge attributes present, in the order of :data:`EDGE_ATTRIBUTES`."""
        return [a for a in EDGE_ATTRIBUTES if a != "statements" or self.statements is not None]

    def edge_types(self) -> dict[str, str]:
        """The type of each edge attribute present (as :func:`~stancegraph.networks.formats.values.type_of`
        finds it on the networkx graph)."""
        return {name: EDGE_TYPES[name] for name in self.edge_names()}

    def edge_columns(self, start: int = 0, stop: int | None = None) -> dict[str, list]:
        """Each edge attribute as a list of plain Python values, for the edges ``start:stop``."""
        part = slice(start, stop)
        cols: dict[str, list] = {"weight": self.weight[part].astype(float).tolist(), "sign": self.sign[part].tolist(),
                                 "agreement": self.agreement[part].tolist(),
                                 "disagreement": self.disagreement[part].tolist(),
                                 "issues": np.asarray(self.issue_texts + [""], dtype=object)[self.issue_of[part]].tolist()}
        if self.statements is not None:
            cols["statements"] = self.statements[part]
        return {name: cols[name] for name in self.edge_names()}

    def edges(self) -> Iterator[tuple[str, str, dict[str, Any]]]:
        """``(u, v, attributes)`` of every edge, as networkx's ``G.edges(data=True)`` gives them."""
        names = self.edge_names()
        cols = self.edge_columns()
        nodes = self.nodes
        for r, c, *values in zip(self.row.tolist(), self.col.tolist(), *(cols[n] for n in names)):
            yield nodes[r], nodes[c], dict(zip(names, values))

    def to_networkx(self):
        """The same network as a networkx Graph (every node, isolates included)."""
        import networkx as nx

        G = nx.Graph()
        for iri, attrs in zip(self.nodes, self.node_data):
            G.add_node(iri, **attrs)
        G.add_edges_from(self.edges())
        G.graph.update(self.graph)
        return G


def _issue_groups(M: StanceMatrix) -> tuple[list[list[int]], list[tuple[str]]]:
    by_issue: dict[str, list[int]] = {}
    for j, (issue, _) in enumerate(M.columns):
        by_issue.setdefault(issue, []).append(j)
    keys = sorted(by_issue)
    return [by_issue[k] for k in keys], [(k,) for k in keys]


def edge_issues(M: StanceMatrix, row: np.ndarray, col: np.ndarray, kind: str) -> tuple[list[str], np.ndarray]:
    """``(texts, index)``: the ";"-joined issue keys behind each edge ``(row[k], col[k])``.

    Agreement: the issues of the (issue, stance) pairs both ends hold; disagreement: the issues
    on which they hold different stances; subtract and signed: both.

    >>> from stancegraph.networks.matrix import stance_matrix, example_store
    >>> import numpy as np
    >>> texts, index = edge_issues(stance_matrix(example_store()), np.array([0]), np.array([2]), "signed")
    >>> [texts[i] for i in index]
    ['harbour-fees;talks-progress']
    """
    groups, names = _issue_groups(M)
    n = len(M.nodes)
    wanted = row.astype(np.int64) * n + col.astype(np.int64)
    words = max(1, (len(groups) + 62) // 63)
    mask = np.zeros((len(wanted), words), dtype=np.int64)
    parts = []
    if kind in ("agreement", "subtract", "signed"):
        parts.append(False)
    if kind in ("disagreement", "subtract", "signed"):
        parts.append(True)
    for opposite in parts:
        codes, _, masks = group_pairs(M.counts, groups, opposite=opposite)
        found, at = locate(codes, wanted)
        if masks.size:
            mask[found] |= masks[at[found]]
    if not len(wanted):
        return [], np.zeros(0, dtype=np.int64)
    return mask_texts(mask, names, ";")


def statements_of_edges(M: StanceMatrix, row: np.ndarray, col: np.ndarray, kind: str) -> list[str]:
    """The ";"-joined statement IRIs behind each edge: those expressing the cells that make it."""
    C = M.counts
    cells = [dict(zip(C.indices[C.indptr[i]:C.indptr[i + 1]].tolist(), C.data[C.indptr[i]:C.indptr[i + 1]].tolist()))
             for i in range(len(M.nodes))]
    J = M.opposite()
    opp = [J.indices[J.indptr[j]:J.indptr[j + 1]].tolist() for j in range(len(M.columns))]
    agree_part = kind in ("agreement", "subtract", "signed")
    disagree_part = kind in ("disagreement", "subtract", "signed")
    out = []
    for r, c in zip(row.tolist(), col.tolist()):
        ra, rb = cells[r], cells[c]
        statements: set[str] = set()
        if agree_part:
            for j in ra.keys() & rb.keys():
                statements |= M.cell_statements[(r, j)] | M.cell_statements[(c, j)]
        if disagree_part:
            for j in ra:
                for j2 in opp[j]:
                    if j2 in rb:
                        statements |= M.cell_statements[(r, j)] | M.cell_statements[(c, j2)]
        out.append(";".join(sorted(statements)))
    return out


def edge_table(M: StanceMatrix, kind: str = "agreement", normalize: str = "none", min_weight: float = 0.0,
               top_k: int | None = None, edge_statements: bool | None = None) -> EdgeTable:
    """The one-mode network of ``kind`` as an :class:`EdgeTable` (see the module notes).

    Parameters are those of :func:`~stancegraph.networks.kinds.edge_weights`, plus
    ``edge_statements`` (None: the ``statements`` attribute when there are at most
    :data:`~stancegraph.networks.options.EDGE_STATEMENTS_LIMIT` edges; True or False: always or never).

    >>> from stancegraph.networks.matrix import stance_matrix, example_store
    >>> T = edge_table(stance_matrix(example_store()), "disagreement", edge_statements=False)
    >>> T.number_of_edges(), T.statements, T.edge_names()
    (2, None, ['weight', 'sign', 'agreement', 'disagreement', 'issues'])
    """
    kind = check_choice(kind, KINDS, "kind", M.table.source)
    check_choice(normalize, NORMALIZATIONS, "normalize", M.table.source)
    e = edge_weights(M, kind, normalize, min_weight, top_k)
    row, col = e["row"].astype(np.int64), e["col"].astype(np.int64)
    texts, index = edge_issues(M, row, col, kind)
    wanted = edge_statements if edge_statements is not None else len(row) <= options.EDGE_STATEMENTS_LIMIT
    attrs = node_attributes(M)
    return EdgeTable(nodes=list(M.nodes), node_data=[attrs[n] for n in M.nodes], row=row, col=col,
                     weight=e["weight"].astype(np.float64), sign=e["sign"].astype(np.int64),
                     agreement=e["agreement"].astype(np.int64), disagreement=e["disagreement"].astype(np.int64),
                     issue_texts=texts, issue_of=index,
                     statements=statements_of_edges(M, row, col, kind) if wanted else None)
