"""Network kinds and normalisations, all derived from the count matrix ``C`` by sparse products.

Notation: ``C`` is the ``nodes x (issue, stance)`` count matrix of a
:class:`~stancegraph.networks.matrix.StanceMatrix` (counts per the
``duplicates`` setting); ``C_k = [C >= k]`` is its 0/1 layer at level ``k``;
``J`` is the ``columns x columns`` matrix with ``J[(i,s),(i,t)] = 1`` when
``s != t`` (same issue, different stance -- for a territorial claim, a
different sovereign); ``n_a = sum_c C[a,c]`` is node ``a``'s number of counted
positions (its (issue, stance) pairs counted with multiplicity; with one
count per pair, simply the number of (issue, stance) pairs it holds).

Raw weights (``normalize="none"``)::

    agreement     A(a,b) = sum_c min(C[a,c], C[b,c])
                         = sum_k (C_k C_k^T)[a,b]       = (L L^T)[a,b]
    disagreement  D(a,b) = sum_i sum_{s != t} min(C[a,(i,s)], C[b,(i,t)])
                         = sum_k (C_k J C_k^T)[a,b]     = (L (I_K kron J) L^T)[a,b]
    subtract      S(a,b) = A(a,b) - D(a,b)          (edges where S != 0; may be negative)
    signed        sign(a,b) = sign(A - D), weight = |A - D|   (net sign; pairs with A == D dropped)

With one count per (issue, stance) pair (every count 1), ``A`` is the number
of (issue, stance) pairs both hold and ``D`` the number of issues on which
they hold opposite stances -- the congruence and conflict counts of
Discourse Network Analysis. With counts above 1, agreement takes the
minimum of the two counts (a pair agrees as often as the less frequent of
the two says it), and disagreement the minimum over each pair of opposite
stances. The identity ``min(x, y) = sum_{k>=1} [x >= k][y >= k]`` makes both
exact sparse products over the layers ``C_k``; stacking the layers side by
side, ``L = [C_1 | C_2 | ... | C_K]`` (K = the largest count), turns each sum
into ONE sparse product -- no loop over actor pairs.
The diagonal (a node with itself) is dropped.

Normalisations (``w`` is the kind's raw weight: ``A``, ``D`` or ``A - D``;
the denominator is the same for every kind, so normalised subtract equals
normalised agreement minus normalised disagreement)::

    none      w
    average   w / ((n_a + n_b) / 2)          DNA's "average activity": mean number of counted positions
    jaccard   w / (n_a + n_b - A(a,b))       = w / sum_c max(C[a,c], C[b,c]);
                                               for agreement the weighted Jaccard (Ruzicka)
                                               sum min / sum max, in [0, 1]
    cosine    agreement:    (C C^T)[a,b]   / (|C_a| |C_b|)
              disagreement: (C J C^T)[a,b] / (|C_a| |C_b|)
              subtract/signed: their difference
              -- the cosine of the two actors' (issue, stance) count vectors (and of a's
              vector with b's vector with stances swapped), not DNA's product of activity
              counts. |C_a| is the Euclidean norm of row a. With every count 1 the
              numerators equal A and D.

``min_weight`` keeps edges whose ``|weight| >= min_weight`` (after normalisation).

Every one-mode edge carries: ``weight`` (double), ``agreement`` and
``disagreement`` (raw A and D, int), ``sign`` (int: +1 on agreement edges,
-1 on disagreement edges, the sign of A - D (resp. of the cosine difference)
on subtract and signed edges), ``issues`` (the
";"-joined issue keys behind it: shared (issue, stance) pairs for
agreement, opposed issues for disagreement, both for subtract and signed) and
``statements`` (the ";"-joined IRIs of the statements expressing those
positions of both actors).

>>> from stancegraph.networks.matrix import stance_matrix, example_store
>>> M = stance_matrix(example_store())
>>> agreement_matrix(M).toarray().tolist()
[[0, 1, 0], [1, 0, 0], [0, 0, 0]]
>>> disagreement_matrix(M).toarray().tolist()
[[0, 0, 2], [0, 0, 1], [2, 1, 0]]
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import scipy.sparse as sp

from ..errors import StanceGraphError
from ..ids import local_name
from ..model import Stance
from .matrix import StanceMatrix
from .read import CLAIM_PREFIX
from .options import KINDS, NORMALIZATIONS, check_choice


def _stacked_layers(C: sp.csr_array) -> tuple[sp.csr_array, int]:
    """``L = [C_1 | C_2 | ... | C_K]`` with ``C_k = [C >= k]`` (0/1), K = max(C); and K."""
    C = sp.csr_array(C)
    top = int(C.data.max()) if C.nnz else 0
    if top == 0:
        return sp.csr_array((C.shape[0], 0), dtype=np.int64), 0
    layers = []
    for k in range(1, top + 1):
        B = sp.csr_array(C >= k, dtype=np.int64)
        B.eliminate_zeros()
        layers.append(B)
    return sp.csr_array(sp.hstack(layers, format="csr"), dtype=np.int64), top


def _no_diagonal(W: sp.csr_array) -> sp.csr_array:
    W = sp.csr_array(W)
    rows = np.repeat(np.arange(W.shape[0]), np.diff(W.indptr))
    W.data[rows == W.indices] = 0
    W.eliminate_zeros()
    return W


def agreement_matrix(M: StanceMatrix) -> sp.csr_array:
    """Raw agreement ``A = sum_k C_k C_k^T = L L^T``, zero diagonal.

    ``A[a,b] = sum_c min(C[a,c], C[b,c])``; ``L = [C_1 | ... | C_K]`` stacks the
    0/1 layers side by side, so the whole sum is ONE sparse product.

    >>> from stancegraph.networks.matrix import stance_matrix, example_store
    >>> agreement_matrix(stance_matrix(example_store())).sum()
    np.int64(2)
    """
    L, _ = _stacked_layers(M.counts)
    return _no_diagonal(L @ L.T)


def disagreement_matrix(M: StanceMatrix) -> sp.csr_array:
    """Raw disagreement ``D = sum_k C_k J C_k^T = L (I_K kron J) L^T``, zero diagonal.

    ``D[a,b] = sum_i sum_{s != t} min(C[a,(i,s)], C[b,(i,t)])``.

    >>> from stancegraph.networks.matrix import stance_matrix, example_store
    >>> disagreement_matrix(stance_matrix(example_store())).sum()
    np.int64(6)
    """
    L, K = _stacked_layers(M.counts)
    JK = sp.csr_array(sp.kron(sp.eye_array(K, dtype=np.int64), M.opposite(), format="csr"), dtype=np.int64)
    return _no_diagonal((L @ JK) @ L.T)


_SHIFT = 1 << 32


def _pair_values(X: sp.csr_array, Y: sp.csr_array) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Pairs ``row < col`` in the union of the patterns of two non-negative integer matrices, with both values.

    Both matrices are packed into one (``X * 2**32 + Y``), so a single sparse
    addition gives the union pattern and both values in row-major order.
    """
    X = sp.csr_array(X)
    Y = sp.csr_array(Y)
    xi = np.rint(X.data).astype(np.int64)
    yi = np.rint(Y.data).astype(np.int64)
    if (xi.size and (xi.min() < 0 or xi.max() >= _SHIFT // 2)) or (yi.size and (yi.min() < 0 or yi.max() >= _SHIFT)):
        raise StanceGraphError("weights too large to pack")  # pragma: no cover - counts never get there
    Xi = sp.csr_array((xi, X.indices, X.indptr), shape=X.shape)
    Yi = sp.csr_array((yi, Y.indices, Y.indptr), shape=Y.shape)
    Z = sp.csr_array(Xi * _SHIFT + Yi)
    Z.sum_duplicates()
    Z.sort_indices()
    rows = np.repeat(np.arange(Z.shape[0], dtype=np.int64), np.diff(Z.indptr))
    keep = Z.indices > rows
    data = Z.data[keep]
    return rows[keep], Z.indices[keep].astype(np.int64), data >> 32, data & (_SHIFT - 1)


def _values(W: sp.csr_array, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    if len(rows) == 0:
        return np.zeros(0)
    return np.asarray(W[rows, cols]).ravel()


def keep_top_k(row: np.ndarray, col: np.ndarray, weight: np.ndarray, k: int) -> np.ndarray:
    """Which edges are among the ``k`` strongest (largest ``|weight|``) of one of their two ends.

    Each node ranks its own edges by ``|weight|`` (ties: the other end's lower index first) and
    keeps the first ``k``; an edge stays when either end keeps it, so a node may end up with
    more than ``k`` edges (those its neighbours kept), never fewer than ``min(k, degree)``.

    >>> import numpy as np
    >>> keep_top_k(np.array([0, 0, 1]), np.array([1, 2, 2]), np.array([3.0, 1.0, 2.0]), 1).tolist()
    [True, False, True]
    """
    m = len(row)
    if m == 0:
        return np.zeros(0, dtype=bool)
    src = np.concatenate([row, col])
    dst = np.concatenate([col, row])
    edge = np.concatenate([np.arange(m), np.arange(m)])
    order = np.lexsort((dst, -np.abs(np.concatenate([weight, weight])), src))
    src_sorted = src[order]
    start = np.flatnonzero(np.concatenate([[True], src_sorted[1:] != src_sorted[:-1]]))
    first = np.repeat(start, np.diff(np.append(start, len(order))))
    keep = np.zeros(m, dtype=bool)
    keep[edge[order[(np.arange(len(order)) - first) < k]]] = True
    return keep


def edge_weights(M: StanceMatrix, kind: str, normalize: str = "none",
                 min_weight: float = 0.0, top_k: int | None = None) -> dict[str, np.ndarray]:
    """The one-mode edges of ``kind`` as arrays (vectorised; no loop over pairs).

    Returns a dict of equal-length arrays over the kept node pairs ``row < col``:
    ``row``, ``col``, ``weight`` (normalised, signed for subtract), ``sign``,
    ``agreement`` and ``disagreement`` (raw A and D). Edges with ``|weight| < min_weight``
    are dropped, then, with ``top_k``, all but each node's ``top_k`` strongest
    (:func:`keep_top_k`): both before any graph object is made.

    >>> from stancegraph.networks.matrix import stance_matrix, example_store
    >>> e = edge_weights(stance_matrix(example_store()), "subtract")
    >>> list(zip(e["row"].tolist(), e["col"].tolist(), e["weight"].tolist()))
    [(0, 1, 1.0), (0, 2, -2.0), (1, 2, -1.0)]
    """
    kind = check_choice(kind, KINDS, "kind", M.table.source)
    normalize = check_choice(normalize, NORMALIZATIONS, "normalize", M.table.source)
    if kind == "affiliation":
        raise StanceGraphError("edge_weights is for one-mode kinds; use affiliation_graph", place="kind")
    rows, cols, a, d = _pair_values(agreement_matrix(M), disagreement_matrix(M))
    C = sp.csr_array(M.counts, dtype=np.float64)
    n = np.asarray(C.sum(axis=1)).ravel()
    if normalize == "cosine":
        # same patterns as A and D (a product of non-negative counts is > 0 iff their min is)
        r2, c2, pa, pd = _pair_values(C @ C.T, (C @ sp.csr_array(M.opposite(), dtype=np.float64)) @ C.T)
        num_a, num_d = pa.astype(np.float64), pd.astype(np.float64)
        if not (np.array_equal(r2, rows) and np.array_equal(c2, cols)):  # pragma: no cover - safety net
            num_a = _values(sp.csr_array(C @ C.T), rows, cols)
            num_d = _values(sp.csr_array((C @ sp.csr_array(M.opposite(), dtype=np.float64)) @ C.T), rows, cols)
        norms = np.sqrt(np.asarray(C.multiply(C).sum(axis=1)).ravel())
        den = norms[rows] * norms[cols]
    else:
        num_a, num_d = a.astype(np.float64), d.astype(np.float64)
        if normalize == "none":
            den = np.ones(len(rows))
        elif normalize == "average":
            den = (n[rows] + n[cols]) / 2.0
        else:  # jaccard: sum_c max(C_a, C_b) = n_a + n_b - A
            den = n[rows] + n[cols] - a
    if kind == "agreement":
        num = num_a
    elif kind == "disagreement":
        num = num_d
    else:
        num = num_a - num_d
    with np.errstate(divide="ignore", invalid="ignore"):
        weight = np.where(den > 0, num / np.where(den > 0, den, 1.0), 0.0)
    sign = np.sign(num).astype(np.int64)
    if kind == "disagreement":
        sign = -sign
    if kind == "signed":
        weight = np.abs(weight)
    keep = (num != 0) & (np.abs(weight) >= float(min_weight))
    if top_k is not None:
        kept = np.flatnonzero(keep)
        keep[kept[~keep_top_k(rows[kept], cols[kept], weight[kept], int(top_k))]] = False
    return {"row": rows[keep], "col": cols[keep], "weight": weight[keep], "sign": sign[keep],
            "agreement": a[keep], "disagreement": d[keep]}


def node_attributes(M: StanceMatrix) -> dict[str, dict]:
    """Node attributes of every row of ``M``.

    ``label``, ``kind`` (person, organisation, state, group), ``key`` (the
    IRI's last segment), ``affiliation`` (";"-joined labels of its
    sg:affiliation) and ``affiliation_id`` (their IRIs), ``wikidata`` (Q-id
    or ""), ``members`` (";"-joined labels of the holders a node stands for
    at ``level="organisation"``, when other than itself), ``positions`` (its
    row sum ``n_a``) and ``statements`` (the number of distinct statements
    expressing its counted positions).

    >>> from stancegraph.networks.matrix import stance_matrix, example_store
    >>> a = node_attributes(stance_matrix(example_store()))["https://w3id.org/stancegraph/id/actor/chen"]
    >>> (a["label"], a["kind"], a["positions"], a["statements"])
    ('Chen', 'person', 2, 3)
    """
    t = M.table
    C = M.counts
    n = np.asarray(C.sum(axis=1)).ravel()
    stmts: dict[int, set[str]] = {}
    for (i, _), s in M.cell_statements.items():
        stmts.setdefault(i, set()).update(s)
    out = {}
    for i, iri in enumerate(M.nodes):
        affs = t.affiliations.get(iri, ())
        members = [m for m in M.members.get(iri, ()) if m != iri]
        out[iri] = {
            "label": t.label(iri),
            "kind": t.kind(iri) or "actor",
            "key": local_name(iri),
            "affiliation": ";".join(t.label(a) for a in affs),
            "affiliation_id": ";".join(affs),
            "wikidata": t.wikidata.get(iri, ""),
            "members": ";".join(sorted(t.label(m) for m in members)),
            "positions": int(n[i]),
            "statements": len(stmts.get(i, ())),
        }
    return out


def one_mode_graph(M: StanceMatrix, kind: str = "agreement", normalize: str = "none",
                   min_weight: float = 0.0, top_k: int | None = None,
                   edge_statements: bool | None = None) -> nx.Graph:
    """A one-mode actor network (agreement, disagreement, subtract or signed) as a networkx Graph.

    Nodes are the rows of ``M`` (all of them, isolates included), keyed by
    IRI, with :func:`node_attributes`; edges as in the module notes, made as
    arrays first (:func:`stancegraph.networks.edges.edge_table`: ``min_weight``
    and ``top_k`` applied before networkx sees an edge; ``edge_statements``
    None lists the statements up to :data:`~stancegraph.networks.options.EDGE_STATEMENTS_LIMIT` edges).

    >>> from stancegraph.networks.matrix import stance_matrix, example_store
    >>> G = one_mode_graph(stance_matrix(example_store()), "signed")
    >>> sorted((G.nodes[a]["label"], G.nodes[b]["label"], d["sign"]) for a, b, d in G.edges(data=True))
    [('Anna', 'Boris', 1), ('Anna', 'Chen', -1), ('Boris', 'Chen', -1)]
    """
    from .edges import edge_table

    return edge_table(M, kind, normalize, min_weight, top_k, edge_statements).to_networkx()


def issue_attributes(M: StanceMatrix) -> dict[str, dict]:
    """Attributes of the issue nodes of an affiliation network, keyed by concept/territory IRI.

    >>> from stancegraph.networks.matrix import stance_matrix, example_store
    >>> sorted(a["key"] for a in issue_attributes(stance_matrix(example_store())).values())
    ['harbour-fees', 'talks-progress']
    """
    t = M.table
    out = {}
    for key in sorted({i for i, _ in M.columns}):
        iri = M.issue_iris.get(key, key)
        claim = key.startswith(CLAIM_PREFIX)
        out[iri] = {"label": t.labels.get(iri) or key, "kind": "territory" if claim else "issue", "key": key}
    return out


def affiliation_graph(M: StanceMatrix, min_weight: float = 0.0) -> nx.Graph:
    """The two-mode actor x issue network.

    Actor nodes (``bipartite=0``) carry :func:`node_attributes`; issue nodes
    (``bipartite=1``, keyed by the concept IRI, or the territory IRI for a
    claim's pseudo-issue ``territory:{key}``) carry ``label``, ``kind``
    ("issue" or "territory") and ``key``. One edge per (actor, issue) the actor
    takes a stance on: ``weight`` = the summed counts over its stances,
    ``stance`` = the ";"-joined stances held (support, oppose, or sovereign
    keys), ``support`` and ``oppose`` = their counts, ``sign`` = +1 (support
    only), -1 (oppose only), 0 (both, or a claim), ``issues`` = the issue key
    and ``statements`` = the ";"-joined statement IRIs. Edges with
    ``weight < min_weight`` are dropped.

    >>> from stancegraph.networks.matrix import stance_matrix, example_store
    >>> G = affiliation_graph(stance_matrix(example_store()))
    >>> sorted((G.nodes[a]["label"], G.nodes[b]["key"], d["stance"]) for a, b, d in G.edges(data=True)
    ...        if G.nodes[a]["bipartite"] == 0)[:2]
    [('Anna', 'harbour-fees', 'oppose'), ('Anna', 'talks-progress', 'support')]
    """
    G = nx.Graph()
    for iri, attrs in node_attributes(M).items():
        G.add_node(iri, bipartite=0, **attrs)
    blank = {"affiliation": "", "affiliation_id": "", "wikidata": "", "members": "",
             "positions": 0, "statements": 0}
    for iri, attrs in issue_attributes(M).items():
        G.add_node(iri, bipartite=1, **{**blank, **attrs})
    C = M.counts
    for r, node in enumerate(M.nodes):
        per_issue: dict[str, dict[str, int]] = {}
        stmts: dict[str, set[str]] = {}
        for j, v in zip(C.indices[C.indptr[r]:C.indptr[r + 1]].tolist(),
                        C.data[C.indptr[r]:C.indptr[r + 1]].tolist()):
            issue, stance = M.columns[j]
            per_issue.setdefault(issue, {})[stance] = int(v)
            stmts.setdefault(issue, set()).update(M.cell_statements[(r, j)])
        for issue, by_stance in per_issue.items():
            total = sum(by_stance.values())
            if total < min_weight:
                continue
            sup, opp = by_stance.get(Stance.SUPPORT.key, 0), by_stance.get(Stance.OPPOSE.key, 0)
            claim = issue.startswith(CLAIM_PREFIX)
            sign = 0 if claim or (sup and opp) else (1 if sup else -1)
            G.add_edge(node, M.issue_iris.get(issue, issue), weight=float(total),
                       stance=";".join(by_stance), support=sup, oppose=opp, sign=sign,
                       issues=issue, statements=";".join(sorted(stmts[issue])))
    return G
