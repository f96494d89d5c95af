"""CSV node and edge lists, as Gephi's spreadsheet import reads them.

Two files, ``{OUT}_nodes.csv`` and ``{OUT}_edges.csv`` (``OUT`` minus a
``.csv`` suffix; if ``OUT`` is an existing folder, ``OUT/network_nodes.csv``
and ``OUT/network_edges.csv``). Columns: ``Id``, ``Label``, then the node
attributes; ``Source``, ``Target``, ``Type`` (``Undirected``), ``Weight``,
then the edge attributes.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from ...lazy import lazy_module

nx = lazy_module("networkx")  # loaded when a network is written, not for --help

from ...fileio import atomic_output, write_text_atomic
from .values import text, type_of

if TYPE_CHECKING:
    from ..edges import EdgeTable


def _csv_text(header: list[str], rows: Iterable[list]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for r in rows:
        w.writerow(["" if v is None else text(v, type_of([v])) for v in r])
    return buf.getvalue()


def csv_paths(path: str | Path) -> tuple[Path, Path]:
    """``(nodes, edges)`` file paths for a CSV output ``path`` (see the module notes).

    >>> [p.name for p in csv_paths("out/net.csv")]
    ['net_nodes.csv', 'net_edges.csv']
    """
    p = Path(path)
    if p.is_dir():
        base = p / "network"
    else:
        base = p.with_suffix("") if p.suffix.lower() == ".csv" else p
    return base.with_name(base.name + "_nodes.csv"), base.with_name(base.name + "_edges.csv")


def write_csv(G: nx.Graph, path: str | Path) -> tuple[Path, Path]:
    """Write node and edge lists as two CSV files; returns their paths.

    >>> import tempfile, pathlib
    >>> from stancegraph.networks import network, example_store
    >>> nodes, edges = write_csv(network(example_store()), pathlib.Path(tempfile.mkdtemp()) / "n.csv")
    >>> edges.read_text().splitlines()[0].split(",")[:4]
    ['Source', 'Target', 'Type', 'Weight']
    """
    nodes_path, edges_path = csv_paths(path)
    n_keys = sorted({k for _, d in G.nodes(data=True) for k in d} - {"label"})
    e_keys = sorted({k for _, _, d in G.edges(data=True) for k in d} - {"weight"})
    write_text_atomic(nodes_path, _csv_text(
        ["Id", "Label"] + n_keys,
        ([n, d.get("label", n)] + [d.get(k) for k in n_keys] for n, d in G.nodes(data=True))))
    write_text_atomic(edges_path, _csv_text(
        ["Source", "Target", "Type", "Weight"] + e_keys,
        ([u, v, "Undirected", d.get("weight")] + [d.get(k) for k in e_keys] for u, v, d in G.edges(data=True))))
    return nodes_path, edges_path


def write_csv_stream(T: EdgeTable, path: str | Path) -> tuple[Path, Path]:
    """Write an :class:`~stancegraph.networks.edges.EdgeTable` as the two CSV files, streaming its edges.

    The files are byte for byte what :func:`write_csv` writes for ``T.to_networkx()``.

    >>> import tempfile, pathlib
    >>> from stancegraph.networks import network_table, example_store
    >>> T = network_table(example_store(), "subtract")
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> a = [p.read_bytes() for p in write_csv_stream(T, d / "a.csv")]
    >>> a == [p.read_bytes() for p in write_csv(T.to_networkx(), d / "b.csv")]
    True
    """
    nodes_path, edges_path = csv_paths(path)
    n_keys = sorted({k for d in T.node_data for k in d} - {"label"})
    write_text_atomic(nodes_path, _csv_text(
        ["Id", "Label"] + n_keys, ([n, d.get("label", n)] + [d.get(k) for k in n_keys]
                                   for n, d in zip(T.nodes, T.node_data))))
    e_keys = sorted(set(T.edge_names()) - {"weight"}) if T.number_of_edges() else []
    with atomic_output(edges_path) as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["Source", "Target", "Type", "Weight"] + e_keys)
        for start in range(0, T.number_of_edges(), 50_000):
            cols = T.edge_columns(start, start + 50_000)
            src = [T.nodes[i] for i in T.row[start:start + 50_000].tolist()]
            dst = [T.nodes[i] for i in T.col[start:start + 50_000].tolist()]
            w.writerows(zip(src, dst, ["Undirected"] * len(src), map(repr, cols["weight"]),
                            *(cols[name] for name in e_keys)))
    return nodes_path, edges_path
