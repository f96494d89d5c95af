"""GraphML: one ``<key>`` per attribute, typed ``string``, ``double``, ``int`` or ``boolean``.

Booleans are written ``true``/``false``, ``edgedefault="undirected"``. GraphML
node ids must be XML ``NMTOKEN`` values (no ``/``), so each node gets a short
readable id (the IRI's tail, e.g. ``actor.anna``: :func:`short_ids`) and its
IRI as the ``iri`` data value. The file validates against the GraphML schema;
networkx (``read_graphml``), igraph (``Graph.Read_GraphML``), graphology,
JGraphT and Gephi read it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from ...lazy import lazy_module

nx = lazy_module("networkx")  # loaded when a network is written, not for --help

from ...errors import StanceGraphError
from ...fileio import atomic_output, write_bytes_atomic
from .values import XSI_NS, schema, text, xml_bytes

if TYPE_CHECKING:
    from ..edges import EdgeTable

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"


_NOT_NMTOKEN = re.compile(r"[^A-Za-z0-9._-]+")
_ID_PREFIXES = ("https://w3id.org/stancegraph/id/", "https://w3id.org/stancegraph/", "http://", "https://")


def short_ids(nodes: Iterable[Any]) -> dict[Any, str]:
    """A short, unique GraphML id (an XML ``NMTOKEN``) for each node, readable from its IRI.

    The project's base IRI is left out and every run of characters an
    ``NMTOKEN`` may not hold becomes ``.``; a clash gets ``-2``, ``-3``...

    >>> short_ids(["https://w3id.org/stancegraph/id/actor/anna", "https://w3id.org/stancegraph/codebook/x"])
    {'https://w3id.org/stancegraph/id/actor/anna': 'actor.anna', 'https://w3id.org/stancegraph/codebook/x': 'codebook.x'}
    """
    out: dict[Any, str] = {}
    used: set[str] = set()
    for n in nodes:
        tail = str(n)
        for prefix in _ID_PREFIXES:
            if tail.startswith(prefix):
                tail = tail[len(prefix):]
                break
        base = _NOT_NMTOKEN.sub(".", tail).strip(".") or "n"
        sid, i = base, 1
        while sid in used:
            i += 1
            sid = f"{base}-{i}"
        used.add(sid)
        out[n] = sid
    return out


def _key(prefix: str, name: str) -> str:
    return f"{prefix}_{_NOT_NMTOKEN.sub('_', name)}"


def _document(graph: dict, nodes: list[tuple[Any, dict]], edge_schema: dict[str, str]
              ) -> tuple[ET.Element, ET.Element, dict[Any, str]]:
    """The GraphML root with its keys, graph data and nodes; the ``<graph>`` element; the node ids."""
    ids = short_ids(n for n, _ in nodes)
    node_schema = schema({**d, "iri": str(n)} for n, d in nodes)
    graph_schema = schema([graph])
    root = ET.Element("graphml", {"xmlns": GRAPHML_NS, "xmlns:xsi": XSI_NS,
                                  "xsi:schemaLocation": f"{GRAPHML_NS} {GRAPHML_NS}/1.0/graphml.xsd"})
    for prefix, where, keys in (("g", "graph", graph_schema), ("n", "node", node_schema),
                                ("e", "edge", edge_schema)):
        for name, typ in keys.items():
            ET.SubElement(root, "key", {"id": _key(prefix, name), "for": where, "attr.name": name,
                                        "attr.type": typ})
    g = ET.SubElement(root, "graph", {"id": "G", "edgedefault": "undirected"})
    for name, typ in graph_schema.items():
        if graph.get(name) is not None:
            ET.SubElement(g, "data", {"key": _key("g", name)}).text = text(graph[name], typ)
    for n, d in nodes:
        el = ET.SubElement(g, "node", {"id": ids[n]})
        d = {**d, "iri": str(n)}
        for name, typ in node_schema.items():
            if d.get(name) is not None:
                ET.SubElement(el, "data", {"key": _key("n", name)}).text = text(d[name], typ)
    return root, g, ids


def graphml_bytes(G: nx.Graph) -> bytes:
    """GraphML of ``G`` with typed keys, short node ids and the node's IRI as ``iri`` data.

    >>> G = nx.Graph(); G.add_edge("a", "b", weight=2.0, sign=1, issues="x;y")
    >>> [line.strip() for line in graphml_bytes(G).decode().splitlines() if "<key" in line][1:3]
    ['<key id="e_issues" for="edge" attr.name="issues" attr.type="string" />', '<key id="e_sign" for="edge" attr.name="sign" attr.type="int" />']
    """
    edge_schema = schema(d for _, _, d in G.edges(data=True))
    root, g, ids = _document(G.graph, list(G.nodes(data=True)), edge_schema)
    for u, v, d in G.edges(data=True):
        el = ET.SubElement(g, "edge", {"source": ids[u], "target": ids[v]})
        for name, typ in edge_schema.items():
            if d.get(name) is not None:
                ET.SubElement(el, "data", {"key": _key("e", name)}).text = text(d[name], typ)
    return xml_bytes(root)


_CLOSE = b"  </graph>\n</graphml>\n"
CHUNK = 50_000  # edges formatted and written at a time


def _data_lines(name: str, typ: str, values: list) -> list[str]:
    """The ``<data>`` line of one edge attribute for each value, as ElementTree writes and indents it."""
    key = _key("e", name)
    if typ == "string":
        from xml.sax.saxutils import escape  # not at import: it imports urllib.request (--help)

        distinct = {v: f'      <data key="{key}">{escape(v)}</data>\n' if v else f'      <data key="{key}" />\n'
                    for v in set(values)}
        return [distinct[v] for v in values]
    if typ == "double":  # finite weights: repr is what text() writes
        return [f'      <data key="{key}">{v!r}</data>\n' for v in values]
    return [f'      <data key="{key}">{v}</data>\n' for v in values]


def write_graphml_stream(T: EdgeTable, path: str | Path) -> Path:
    """Write an :class:`~stancegraph.networks.edges.EdgeTable` as GraphML, streaming its edges.

    The file is byte for byte what :func:`write_graphml` writes for ``T.to_networkx()``; the
    edges go to the file a chunk at a time from the arrays (no networkx graph, no XML tree of
    the edges), atomically.

    >>> import tempfile, pathlib
    >>> from stancegraph.networks import network_table, example_store
    >>> T = network_table(example_store(), "signed")
    >>> p = write_graphml_stream(T, pathlib.Path(tempfile.mkdtemp()) / "n.graphml")
    >>> p.read_bytes() == graphml_bytes(T.to_networkx())
    True
    """
    m = T.number_of_edges()
    edge_schema = dict(sorted(T.edge_types().items())) if m else {}
    root, _, ids = _document(T.graph, list(zip(T.nodes, T.node_data)), edge_schema)
    head = xml_bytes(root)
    with atomic_output(path, "wb") as fh:
        if not m:
            fh.write(head)
            return Path(path)
        if not head.endswith(_CLOSE):  # pragma: no cover - ElementTree's layout changed
            raise StanceGraphError("unexpected GraphML layout", path=path)
        fh.write(head[: -len(_CLOSE)])
        node_ids = [ids[n] for n in T.nodes]
        for start in range(0, m, CHUNK):
            cols = T.edge_columns(start, start + CHUNK)
            lines = [_data_lines(name, typ, cols[name]) for name, typ in edge_schema.items()]
            opening = [f'    <edge source="{node_ids[r]}" target="{node_ids[c]}">\n'
                       for r, c in zip(T.row[start:start + CHUNK].tolist(), T.col[start:start + CHUNK].tolist())]
            closing = ["    </edge>\n"] * len(opening)
            fh.write("".join(map("".join, zip(opening, *lines, closing))).encode("utf-8"))
        fh.write(_CLOSE)
    return Path(path)


def write_graphml(G: nx.Graph, path: str | Path) -> Path:
    """Write ``G`` as GraphML with typed keys; returns the path.

    >>> import tempfile, pathlib
    >>> from stancegraph.networks import network, example_store
    >>> p = write_graphml(network(example_store()), pathlib.Path(tempfile.mkdtemp()) / "n.graphml")
    >>> H = nx.read_graphml(p)
    >>> H.nodes["actor.anna"]["label"], H.nodes["actor.anna"]["iri"]
    ('Anna', 'https://w3id.org/stancegraph/id/actor/anna')
    """
    write_bytes_atomic(path, graphml_bytes(G))
    return Path(path)
