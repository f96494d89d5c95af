"""GEXF 1.3, static or dynamic (one graph over time windows, with spells).

``<gexf xmlns="http://gexf.net/1.3" version="1.3">``, typed ``<attributes>``,
edge ``weight`` as the edge's own attribute. With windows
(:func:`write_gexf_dynamic`) it is ONE dynamic graph (``mode="dynamic"
timeformat="date"``): each node and edge has ``<spells>`` (closed intervals
``[start, last day]``, consecutive windows merged), and the values that change
with time (edge ``weight``, ``agreement``, ``sign``, ``issues``,
``statements``...; node ``positions``, ``statements``, ``community``,
``members``) are dynamic ``<attvalue>`` with ``start``/``end``, so Gephi's
timeline plays one window against another. Each class has ONE
``<attributes mode="dynamic">`` block (graphology-gexf keeps only the last
block of a class); values that never change (``kind``, ``key``, ``wikidata``...)
are written once, over the node's whole time span. Sliding windows
(``--window 1M --step 1W``) overlap: each window's values then hold from its
start until the next window starts, so values of one attribute never overlap. Node ids are the IRIs (GEXF
ids are strings). networkx's ``read_gexf`` reads both: spells come back as
``spells`` lists of ``(start, end)`` and attributes of a dynamic graph as
lists of ``(value, start, end)`` -- except ``weight``, which
networkx's reader always treats as static and so keeps only the last window's
value (a networkx limitation; Gephi reads the dynamic weight). Use the
per-window GraphML/JSON files for per-window weights in networkx.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from ...lazy import lazy_module

nx = lazy_module("networkx")  # loaded when a network is written, not for --help

from ... import __version__
from ...errors import StanceGraphError
from ...fileio import atomic_output, write_bytes_atomic
from ..options import Window

if TYPE_CHECKING:
    from ..edges import EdgeTable
from .values import XSI_NS, schema, text, xml_bytes

GEXF_NS = "http://gexf.net/1.3"

_GEXF_TYPE = {"boolean": "boolean", "int": "integer", "double": "double", "string": "string"}


def _gexf_root(G: nx.Graph | dict, description: str) -> tuple[ET.Element, ET.Element]:
    root = ET.Element("gexf", {"xmlns": GEXF_NS, "xmlns:xsi": XSI_NS,
                               "xsi:schemaLocation": f"{GEXF_NS} {GEXF_NS}/gexf.xsd", "version": "1.3"})
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = f"stancegraph {__version__}"
    ET.SubElement(meta, "description").text = description
    return root, meta


def _describe(graph: dict) -> str:
    keys = ("kind", "normalize", "level", "duplicates", "claims", "issues", "since", "until", "window",
            "window_start", "window_end")
    return "; ".join(f"{k}={graph[k]}" for k in keys if graph.get(k) not in (None, ""))


def _declare(graph_el: ET.Element, cls: str, mode: str, keys: dict[str, str]) -> None:
    if not keys:
        return
    attrs = ET.SubElement(graph_el, "attributes", {"class": cls, "mode": mode})
    for name, typ in keys.items():
        ET.SubElement(attrs, "attribute", {"id": name, "title": name, "type": _GEXF_TYPE[typ]})


def gexf_bytes(G: nx.Graph) -> bytes:
    """A static GEXF 1.3 document of ``G``.

    >>> G = nx.Graph(); G.add_edge("a", "b", weight=2.0)
    >>> b'<gexf xmlns="http://gexf.net/1.3"' in gexf_bytes(G)
    True
    """
    edge_schema = schema({k: v for k, v in d.items() if k != "weight"} for _, _, d in G.edges(data=True))
    root, g = _static_head(G.graph, list(G.nodes(data=True)), edge_schema)
    edges = ET.SubElement(g, "edges")
    for i, (u, v, d) in enumerate(G.edges(data=True)):
        attrs = {"id": f"e{i}", "source": str(u), "target": str(v)}
        if d.get("weight") is not None:
            attrs["weight"] = text(d["weight"], "double")
        el = ET.SubElement(edges, "edge", attrs)
        _attvalues(el, d, edge_schema)
    return xml_bytes(root)


def _static_head(graph: dict, nodes: list, edge_schema: dict[str, str]) -> tuple[ET.Element, ET.Element]:
    """The static GEXF root with its attribute declarations and nodes (no ``<edges>``); its ``<graph>``."""
    root, _ = _gexf_root(graph, _describe(graph))
    g = ET.SubElement(root, "graph", {"defaultedgetype": "undirected", "mode": "static"})
    node_schema = schema({k: v for k, v in d.items() if k != "label"} for _, d in nodes)
    _declare(g, "node", "static", node_schema)
    _declare(g, "edge", "static", edge_schema)
    el_nodes = ET.SubElement(g, "nodes")
    for n, d in nodes:
        el = ET.SubElement(el_nodes, "node", {"id": str(n), "label": str(d.get("label", n))})
        _attvalues(el, d, node_schema)
    return root, g


def _attr(value: str) -> str:
    """An XML attribute value escaped as ElementTree escapes it."""
    for a, b in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"), ("\r", "&#13;"),
                 ("\n", "&#10;"), ("\t", "&#09;")):
        if a in value:
            value = value.replace(a, b)
    return value


_GEXF_CLOSE = b"  </graph>\n</gexf>\n"


def write_gexf_stream(T: EdgeTable, path: str | Path) -> Path:
    """Write an :class:`~stancegraph.networks.edges.EdgeTable` as static GEXF 1.3, streaming its edges.

    The same bytes as :func:`write_gexf` of ``T.to_networkx()``, written a chunk of edges at a time.

    >>> import tempfile, pathlib
    >>> from stancegraph.networks import network_table, example_store
    >>> T = network_table(example_store(), "subtract")
    >>> write_gexf_stream(T, pathlib.Path(tempfile.mkdtemp()) / "n.gexf").read_bytes() == gexf_bytes(T.to_networkx())
    True
    """
    m = T.number_of_edges()
    edge_schema = dict(sorted((k, v) for k, v in T.edge_types().items() if k != "weight")) if m else {}
    root, _ = _static_head(T.graph, list(zip(T.nodes, T.node_data)), edge_schema)
    head = xml_bytes(root)
    if not head.endswith(_GEXF_CLOSE):  # pragma: no cover - ElementTree's layout changed
        raise StanceGraphError("unexpected GEXF layout", path=path)
    ids = [_attr(str(n)) for n in T.nodes]
    with atomic_output(path, "wb") as fh:
        fh.write(head[: -len(_GEXF_CLOSE)])
        if not m:
            fh.write(b"    <edges />\n" + _GEXF_CLOSE)
            return Path(path)
        fh.write(b"    <edges>\n")
        for start in range(0, m, 50_000):
            cols = T.edge_columns(start, start + 50_000)
            values = []
            for name, typ in edge_schema.items():
                if typ == "string":
                    line = {v: f'          <attvalue for="{name}" value="{_attr(v)}" />\n' for v in set(cols[name])}
                    values.append([line[v] for v in cols[name]])
                else:
                    values.append([f'          <attvalue for="{name}" value="{v}" />\n' for v in cols[name]])
            opening = [f'      <edge id="e{start + k}" source="{ids[r]}" target="{ids[c]}" weight="{w!r}">\n'
                       f'        <attvalues>\n'
                       for k, (r, c, w) in enumerate(zip(T.row[start:start + 50_000].tolist(),
                                                         T.col[start:start + 50_000].tolist(), cols["weight"]))]
            closing = ["        </attvalues>\n      </edge>\n"] * len(opening)
            fh.write("".join(map("".join, zip(opening, *values, closing))).encode("utf-8"))
        fh.write(b"    </edges>\n" + _GEXF_CLOSE)
    return Path(path)


def _attvalues(el: ET.Element, d: dict, keys: dict[str, str], start: str | None = None,
               end: str | None = None, holder: ET.Element | None = None) -> ET.Element | None:
    vals = [(k, d[k]) for k in keys if d.get(k) is not None]
    if not vals:
        return holder
    if holder is None:
        holder = ET.SubElement(el, "attvalues")
    for k, v in vals:
        a = {"for": k, "value": text(v, keys[k])}
        if start is not None:
            a["start"], a["end"] = start, end  # type: ignore[assignment]
        ET.SubElement(holder, "attvalue", a)
    return holder


def _spells(windows: list[Window]) -> list[tuple[str, str]]:
    """Closed ``(start, last day)`` intervals covering the windows; touching or overlapping ones merged."""
    out: list[list] = []
    for w in sorted(windows):
        if out and w.start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], w.end)
        else:
            out.append([w.start, w.end])
    return [(s.isoformat(), Window(s, e).last.isoformat()) for s, e in out]


def _slots(windows: Sequence[Window]) -> dict[Window, Window]:
    """Where each window's values hold on the time line: from its start to the next window's start.

    Tumbling windows keep their own span; sliding (overlapping) windows each hold until the next
    one starts, so no two values of one attribute overlap in time.
    """
    ordered = sorted(set(windows))
    return {w: Window(w.start, min(w.end, ordered[i + 1].start) if i + 1 < len(ordered) else w.end)
            for i, w in enumerate(ordered)}


STATIC_NODE_KEYS = ("kind", "key", "affiliation", "affiliation_id", "wikidata", "bipartite")


def gexf_dynamic_bytes(networks: Sequence[tuple[Window, nx.Graph]]) -> bytes:
    """ONE dynamic GEXF 1.3 graph of per-window networks (spells + dynamic attributes).

    >>> from datetime import date
    >>> G1 = nx.Graph(); G1.add_edge("a", "b", weight=1.0)
    >>> G2 = nx.Graph(); G2.add_edge("a", "b", weight=3.0)
    >>> x = gexf_dynamic_bytes([(Window(date(2022, 1, 1), date(2023, 1, 1)), G1),
    ...                         (Window(date(2023, 1, 1), date(2024, 1, 1)), G2)]).decode()
    >>> '<spell start="2022-01-01" end="2023-12-31" />' in x, 'value="3.0" start="2023-01-01"' in x
    (True, True)
    """
    if not networks:
        raise StanceGraphError("no windows to write")
    first = networks[0][1]
    start = min(w.start for w, _ in networks).isoformat()
    end = max(w.last for w, _ in networks).isoformat()
    meta = {k: v for k, v in first.graph.items() if k not in ("window_start", "window_end")}
    root, _ = _gexf_root(first, _describe(meta) + f"; from {start} to {end}")
    g = ET.SubElement(root, "graph", {"defaultedgetype": "undirected", "mode": "dynamic",
                                      "timeformat": "date", "timerepresentation": "interval",
                                      "start": start, "end": end})
    slot = _slots([w for w, _ in networks])
    node_static: dict[str, dict] = {}
    node_dyn: dict[str, list[tuple[Window, dict]]] = {}
    edge_dyn: dict[tuple[str, str], list[tuple[Window, dict]]] = {}
    for w, G in networks:
        for n, d in G.nodes(data=True):
            node_static.setdefault(n, {k: d[k] for k in ("label",) + STATIC_NODE_KEYS if k in d})
            node_dyn.setdefault(n, []).append((w, {k: v for k, v in d.items()
                                                   if k not in ("label",) + STATIC_NODE_KEYS}))
        for u, v, d in G.edges(data=True):
            key = (u, v) if str(u) <= str(v) else (v, u)
            edge_dyn.setdefault(key, []).append((w, dict(d)))
    s_schema = schema({k: v for k, v in d.items() if k != "label"} for d in node_static.values())
    d_schema = schema(d for rows in node_dyn.values() for _, d in rows)
    e_schema = schema(d for rows in edge_dyn.values() for _, d in rows)
    # ONE block per class: readers such as graphology-gexf keep only the last block of a class.
    _declare(g, "node", "dynamic", {**s_schema, **d_schema})
    _declare(g, "edge", "dynamic", e_schema)
    nodes = ET.SubElement(g, "nodes")
    for n in sorted(node_static, key=str):
        el = ET.SubElement(nodes, "node", {"id": str(n), "label": str(node_static[n].get("label", n))})
        spans = _spells([w for w, _ in node_dyn[n]])
        # values that never change hold over the node's whole time span
        holder = _attvalues(el, node_static[n], s_schema, spans[0][0], spans[-1][1])
        for w, d in node_dyn[n]:
            holder = _attvalues(el, d, d_schema, slot[w].start.isoformat(), slot[w].last.isoformat(), holder)
        spells = ET.SubElement(el, "spells")
        for s, e in spans:
            ET.SubElement(spells, "spell", {"start": s, "end": e})
    edges = ET.SubElement(g, "edges")
    for i, (u, v) in enumerate(sorted(edge_dyn, key=lambda k: (str(k[0]), str(k[1])))):
        el = ET.SubElement(edges, "edge", {"id": f"e{i}", "source": str(u), "target": str(v)})
        holder = None
        for w, d in edge_dyn[(u, v)]:
            holder = _attvalues(el, d, e_schema, slot[w].start.isoformat(), slot[w].last.isoformat(), holder)
        spells = ET.SubElement(el, "spells")
        for s, e in _spells([w for w, _ in edge_dyn[(u, v)]]):
            ET.SubElement(spells, "spell", {"start": s, "end": e})
    return xml_bytes(root)


def write_gexf(G: nx.Graph, path: str | Path) -> Path:
    """Write ``G`` as a static GEXF 1.3 file; returns the path.

    >>> import tempfile, pathlib
    >>> from stancegraph.networks import network, example_store
    >>> p = write_gexf(network(example_store(), "disagreement"), pathlib.Path(tempfile.mkdtemp()) / "n.gexf")
    >>> sorted(w for _, _, w in nx.read_gexf(p).edges(data="weight"))
    [1.0, 2.0]
    """
    write_bytes_atomic(path, gexf_bytes(G))
    return Path(path)


def write_gexf_dynamic(networks: Sequence[tuple[Window, nx.Graph]], path: str | Path) -> Path:
    """Write per-window networks as ONE dynamic GEXF 1.3 graph with spells; returns the path.

    >>> import tempfile, pathlib
    >>> from stancegraph.networks import windowed_networks, example_store
    >>> p = write_gexf_dynamic(windowed_networks(example_store(), "agreement", "1Y"),
    ...                        pathlib.Path(tempfile.mkdtemp()) / "n.gexf")
    >>> G = nx.read_gexf(p)
    >>> G.nodes["https://w3id.org/stancegraph/id/actor/chen"]["spells"]
    [('2023-01-01', '2023-12-31')]
    """
    write_bytes_atomic(path, gexf_dynamic_bytes(networks))
    return Path(path)
