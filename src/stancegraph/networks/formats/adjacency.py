"""The ``matrix`` network format: a labelled adjacency matrix in one CSV file, the form rDNA returns.

One-mode networks (agreement, disagreement, subtract, signed) give an actor x
actor matrix: the first row and the first column hold the actor labels (sorted,
a label used twice gets its key appended), cell ``[a, b]`` the edge weight
(0 where there is no edge; the diagonal is 0). For the ``signed`` kind the cell
is ``sign * weight`` so that it reads like DNA's subtract matrix. The
affiliation network gives an actor x issue matrix whose cells are
``support - oppose`` counts (positive: the actor supports, negative: opposes).
Weights are written with up to 6 significant digits (integers as integers).

>>> import tempfile, pathlib
>>> from stancegraph.networks import network, example_store
>>> p = write_matrix(network(example_store(), "signed"), pathlib.Path(tempfile.mkdtemp()) / "m.csv")
>>> print(p.read_text().strip())
,Anna,Boris,Chen
Anna,0,1,-2
Boris,1,0,-1
Chen,-2,-1,0
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ...lazy import lazy_module

nx = lazy_module("networkx")  # loaded when a network is written, not for --help

from ...fileio import write_text_atomic


def _labels(G: nx.Graph, nodes: list) -> dict:
    labels = {n: str(G.nodes[n].get("label", n)) for n in nodes}
    counts: dict[str, int] = {}
    for v in labels.values():
        counts[v] = counts.get(v, 0) + 1
    return {n: (v if counts[v] == 1 else f"{v} ({G.nodes[n].get('key', n)})") for n, v in labels.items()}


def _num(x: float) -> str:
    x = float(x)
    return str(int(x)) if x == int(x) else f"{x:.6g}"


def matrix_rows(G: nx.Graph) -> list[list[str]]:
    """The matrix as rows of strings, header row first."""
    kind = G.graph.get("kind", "")
    if kind == "affiliation":
        rows_n = [n for n, d in G.nodes(data=True) if d.get("bipartite", 0) == 0]
        cols_n = [n for n, d in G.nodes(data=True) if d.get("bipartite", 0) == 1]
    else:
        rows_n = cols_n = list(G.nodes)
    labels = _labels(G, list(G.nodes))
    rows_n = sorted(rows_n, key=lambda n: (labels[n], n))
    cols_n = sorted(cols_n, key=lambda n: (labels[n], n))

    def cell(u, v) -> str:
        if u == v or not G.has_edge(u, v):
            return "0"
        d = G[u][v]
        if kind == "affiliation":
            return _num(int(d.get("support", 0)) - int(d.get("oppose", 0)))
        w = float(d.get("weight", 1.0))
        return _num(w * int(d.get("sign", 1)) if kind == "signed" else w)

    out = [[""] + [labels[c] for c in cols_n]]
    out += [[labels[r]] + [cell(r, c) for c in cols_n] for r in rows_n]
    return out


def write_matrix(G: nx.Graph, path: str | Path) -> Path:
    """Write ``G`` as a labelled adjacency matrix CSV (atomic); returns the path."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(matrix_rows(G))
    write_text_atomic(path, buf.getvalue())
    return Path(path)
