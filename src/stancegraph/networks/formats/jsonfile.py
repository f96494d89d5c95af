"""JSON: networkx node-link data with the key ``"edges"``.

Read it with ``networkx.node_link_graph(data, edges="edges")``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ...lazy import lazy_module

nx = lazy_module("networkx")  # loaded when a network is written, not for --help

from ...fileio import write_text_atomic
from .values import plain


def node_link(G: nx.Graph) -> dict[str, Any]:
    """networkx node-link data (key ``"edges"``) with plain JSON values.

    >>> G = nx.Graph(); G.add_edge("a", "b", weight=2.0)
    >>> node_link(G)["edges"]
    [{'source': 'a', 'target': 'b', 'weight': 2.0}]
    """
    return {
        "directed": False, "multigraph": False,
        "graph": {k: plain(v) for k, v in G.graph.items()},
        "nodes": [{"id": n, **{k: plain(v) for k, v in d.items()}} for n, d in G.nodes(data=True)],
        "edges": [{"source": u, "target": v, **{k: plain(x) for k, x in d.items()}}
                  for u, v, d in G.edges(data=True)],
    }


def write_json(G: nx.Graph, path: str | Path) -> Path:
    """Write ``G`` as networkx node-link JSON; returns the path.

    >>> import tempfile, pathlib, json
    >>> from stancegraph.networks import network, example_store
    >>> p = write_json(network(example_store()), pathlib.Path(tempfile.mkdtemp()) / "n.json")
    >>> nx.node_link_graph(json.loads(p.read_text()), edges="edges").number_of_edges()
    1
    """
    write_text_atomic(path, json.dumps(node_link(G), ensure_ascii=False, indent=1, sort_keys=False) + "\n")
    return Path(path)
