"""GraphML: one ``<key>`` per attribute, typed ``string``, ``double``, ``int`` or ``boolean``.

Booleans are written ``true``/``false``, ``edgedefault="undirected"``, node ids
are IRIs. networkx (``read_graphml``), igraph (``Graph.Read_GraphML``) and
Gephi read it.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from ...lazy import lazy_module

nx = lazy_module("networkx")  # loaded when a network is written, not for --help

from ...fileio import write_bytes_atomic
from .values import XSI_NS, schema, text, xml_bytes

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"


def graphml_bytes(G: nx.Graph) -> bytes:
    """GraphML of ``G`` with typed keys (see the module notes).

    >>> G = nx.Graph(); G.add_edge("a", "b", weight=2.0, sign=1, issues="x;y")
    >>> [line.strip() for line in graphml_bytes(G).decode().splitlines() if "<key" in line][:2]
    ['<key id="e_issues" for="edge" attr.name="issues" attr.type="string" />', '<key id="e_sign" for="edge" attr.name="sign" attr.type="int" />']
    """
    node_schema = schema(d for _, d in G.nodes(data=True))
    edge_schema = schema(d for _, _, d in G.edges(data=True))
    graph_schema = schema([G.graph])
    root = ET.Element("graphml", {"xmlns": GRAPHML_NS, "xmlns:xsi": XSI_NS,
                                  "xsi:schemaLocation": f"{GRAPHML_NS} {GRAPHML_NS}/1.0/graphml.xsd"})
    for prefix, where, keys in (("g", "graph", graph_schema), ("n", "node", node_schema),
                                  ("e", "edge", edge_schema)):
        for name, typ in keys.items():
            ET.SubElement(root, "key", {"id": f"{prefix}_{name}", "for": where, "attr.name": name,
                                        "attr.type": typ})
    g = ET.SubElement(root, "graph", {"id": "G", "edgedefault": "undirected"})
    for name, typ in graph_schema.items():
        if G.graph.get(name) is not None:
            ET.SubElement(g, "data", {"key": f"g_{name}"}).text = text(G.graph[name], typ)
    for n, d in G.nodes(data=True):
        el = ET.SubElement(g, "node", {"id": str(n)})
        for name, typ in node_schema.items():
            if d.get(name) is not None:
                ET.SubElement(el, "data", {"key": f"n_{name}"}).text = text(d[name], typ)
    for u, v, d in G.edges(data=True):
        el = ET.SubElement(g, "edge", {"source": str(u), "target": str(v)})
        for name, typ in edge_schema.items():
            if d.get(name) is not None:
                ET.SubElement(el, "data", {"key": f"e_{name}"}).text = text(d[name], typ)
    return xml_bytes(root)


def write_graphml(G: nx.Graph, path: str | Path) -> Path:
    """Write ``G`` as GraphML with typed keys; returns the path.

    >>> import tempfile, pathlib
    >>> from stancegraph.networks import network, example_store
    >>> p = write_graphml(network(example_store()), pathlib.Path(tempfile.mkdtemp()) / "n.graphml")
    >>> nx.read_graphml(p).nodes["https://w3id.org/stancegraph/id/actor/anna"]["label"]
    'Anna'
    """
    write_bytes_atomic(path, graphml_bytes(G))
    return Path(path)
