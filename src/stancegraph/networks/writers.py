"""Network files viewers open: GraphML, GEXF 1.3 (static or dynamic), CSV node/edge lists, JSON.

Every file is written atomically (:mod:`stancegraph.fileio`): a failure
never leaves half a file. Attribute values are plain scalars -- lists are
already ";"-joined strings -- so every format can type them.

* **GraphML** (:func:`write_graphml`): one ``<key>`` per attribute, with
  ``attr.type`` ``string``, ``double``, ``int`` or ``boolean`` (booleans
  written ``true``/``false``), ``edgedefault="undirected"``, node ids = IRIs.
  networkx (``read_graphml``), igraph (``Graph.Read_GraphML``) and Gephi
  read it.
* **GEXF 1.3** (:func:`write_gexf`): ``<gexf xmlns="http://gexf.net/1.3"
  version="1.3">``, typed ``<attributes>``, edge ``weight`` as the edge's own
  attribute. With windows (:func:`write_gexf_dynamic`) it is ONE dynamic graph
  (``mode="dynamic" timeformat="date"``): each node and edge has ``<spells>``
  (closed intervals ``[start, last day]``, consecutive windows merged), and
  the values that change with time (edge ``weight``, ``agreement``, ``sign``,
  ``issues``, ``statements``...; node ``positions``, ``statements``,
  ``community``, ``members``) are dynamic ``<attvalue>`` with ``start``/``end``,
  so Gephi's timeline plays one window against another. networkx's
  ``read_gexf`` reads both: spells come back as ``spells`` lists of
  ``(start, end)`` and dynamic attributes as lists of ``(value, start, end)``
  -- except ``weight``, which networkx's reader always treats as static and
  so keeps only the last window's value (a networkx limitation; Gephi reads
  the dynamic weight). Use the per-window GraphML/JSON files for
  per-window weights in networkx.
* **CSV** (:func:`write_csv`): two files, ``{OUT}_nodes.csv`` and
  ``{OUT}_edges.csv`` (``OUT`` minus a ``.csv`` suffix; if ``OUT`` is an
  existing folder, ``OUT/network_nodes.csv`` and ``OUT/network_edges.csv``).
  Columns follow Gephi's spreadsheet import: ``Id``, ``Label``, then the
  node attributes; ``Source``, ``Target``, ``Type`` (``Undirected``),
  ``Weight``, then the edge attributes.
* **JSON** (:func:`write_json`): networkx node-link data with the key
  ``"edges"``: read it with ``networkx.node_link_graph(data, edges="edges")``.

Windowed networks in GraphML, CSV and JSON give one file (pair) per window,
named with the window's start: ``net.graphml`` -> ``net_2022-01-01.graphml``.
"""

from __future__ import annotations

import csv
import io
import json
import math
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any, Iterable, Sequence

import networkx as nx

from .. import __version__
from ..errors import StanceGraphError
from ..fileio import write_bytes_atomic, write_text_atomic
from .options import FORMATS, Window, check_choice

GEXF_NS = "http://gexf.net/1.3"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
SUFFIX = {"graphml": ".graphml", "gexf": ".gexf", "matrix": ".csv", "csv": ".csv", "json": ".json"}


def _plain(value: Any) -> Any:
    """A Python scalar (numpy scalars unwrapped, lists ';'-joined)."""
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
    if isinstance(value, (list, tuple, set, frozenset)):
        return ";".join(str(v) for v in (sorted(value) if isinstance(value, (set, frozenset)) else value))
    return value


def _type_of(values: Iterable[Any]) -> str:
    """The one type that holds every value: boolean < int < double < string."""
    rank = {"boolean": 0, "int": 1, "double": 2, "string": 3}
    t = "boolean"
    seen = False
    for v in values:
        v = _plain(v)
        if v is None:
            continue
        seen = True
        if isinstance(v, bool):
            vt = "boolean"
        elif isinstance(v, int):
            vt = "int"
        elif isinstance(v, float):
            vt = "double"
        else:
            vt = "string"
        if rank[vt] > rank[t]:
            t = vt
    return t if seen else "string"


def _text(value: Any, typ: str) -> str:
    value = _plain(value)
    if typ == "boolean":
        return "true" if value else "false"
    if typ == "double":
        f = float(value)
        if math.isnan(f):
            return "NaN"
        if math.isinf(f):
            return "INF" if f > 0 else "-INF"
        return repr(f)
    if typ == "int":
        return str(int(value))
    return str(value)


def _schema(items: Iterable[dict]) -> dict[str, str]:
    values: dict[str, list] = {}
    for d in items:
        for k, v in d.items():
            values.setdefault(k, []).append(v)
    return {k: _type_of(vs) for k, vs in sorted(values.items())}


def _xml_bytes(root: ET.Element) -> bytes:
    ET.indent(root, space="  ")
    buf = io.BytesIO()
    ET.ElementTree(root).write(buf, encoding="utf-8", xml_declaration=True)
    return buf.getvalue() + b"\n"


def graphml_bytes(G: nx.Graph) -> bytes:
    """GraphML of ``G`` with typed keys (see the module notes).

    >>> G = nx.Graph(); G.add_edge("a", "b", weight=2.0, sign=1, issues="x;y")
    >>> [line.strip() for line in graphml_bytes(G).decode().splitlines() if "<key" in line][:2]
    ['<key id="e_issues" for="edge" attr.name="issues" attr.type="string" />', '<key id="e_sign" for="edge" attr.name="sign" attr.type="int" />']
    """
    node_schema = _schema(d for _, d in G.nodes(data=True))
    edge_schema = _schema(d for _, _, d in G.edges(data=True))
    graph_schema = _schema([G.graph])
    root = ET.Element("graphml", {"xmlns": GRAPHML_NS, "xmlns:xsi": XSI_NS,
                                  "xsi:schemaLocation": f"{GRAPHML_NS} {GRAPHML_NS}/1.0/graphml.xsd"})
    for prefix, where, schema in (("g", "graph", graph_schema), ("n", "node", node_schema),
                                  ("e", "edge", edge_schema)):
        for name, typ in schema.items():
            ET.SubElement(root, "key", {"id": f"{prefix}_{name}", "for": where, "attr.name": name,
                                        "attr.type": typ})
    g = ET.SubElement(root, "graph", {"id": "G", "edgedefault": "undirected"})
    for name, typ in graph_schema.items():
        if G.graph.get(name) is not None:
            ET.SubElement(g, "data", {"key": f"g_{name}"}).text = _text(G.graph[name], typ)
    for n, d in G.nodes(data=True):
        el = ET.SubElement(g, "node", {"id": str(n)})
        for name, typ in node_schema.items():
            if d.get(name) is not None:
                ET.SubElement(el, "data", {"key": f"n_{name}"}).text = _text(d[name], typ)
    for u, v, d in G.edges(data=True):
        el = ET.SubElement(g, "edge", {"source": str(u), "target": str(v)})
        for name, typ in edge_schema.items():
            if d.get(name) is not None:
                ET.SubElement(el, "data", {"key": f"e_{name}"}).text = _text(d[name], typ)
    return _xml_bytes(root)


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


_GEXF_TYPE = {"boolean": "boolean", "int": "integer", "double": "double", "string": "string"}


def _gexf_root(G: nx.Graph, description: str) -> tuple[ET.Element, ET.Element]:
    root = ET.Element("gexf", {"xmlns": GEXF_NS, "xmlns:xsi": XSI_NS,
                               "xsi:schemaLocation": f"{GEXF_NS} {GEXF_NS}/gexf.xsd", "version": "1.3"})
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = f"stancegraph {__version__}"
    ET.SubElement(meta, "description").text = description
    return root, meta


def _describe(G: nx.Graph) -> str:
    keys = ("kind", "normalize", "level", "duplicates", "claims", "issues", "since", "until", "window",
            "window_start", "window_end")
    return "; ".join(f"{k}={G.graph[k]}" for k in keys if G.graph.get(k) not in (None, ""))


def _declare(graph_el: ET.Element, cls: str, mode: str, schema: dict[str, str]) -> None:
    if not schema:
        return
    attrs = ET.SubElement(graph_el, "attributes", {"class": cls, "mode": mode})
    for name, typ in schema.items():
        ET.SubElement(attrs, "attribute", {"id": name, "title": name, "type": _GEXF_TYPE[typ]})


def gexf_bytes(G: nx.Graph) -> bytes:
    """A static GEXF 1.3 document of ``G``.

    >>> G = nx.Graph(); G.add_edge("a", "b", weight=2.0)
    >>> b'<gexf xmlns="http://gexf.net/1.3"' in gexf_bytes(G)
    True
    """
    root, _ = _gexf_root(G, _describe(G))
    g = ET.SubElement(root, "graph", {"defaultedgetype": "undirected", "mode": "static"})
    node_schema = _schema({k: v for k, v in d.items() if k != "label"} for _, d in G.nodes(data=True))
    edge_schema = _schema({k: v for k, v in d.items() if k != "weight"} for _, _, d in G.edges(data=True))
    _declare(g, "node", "static", node_schema)
    _declare(g, "edge", "static", edge_schema)
    nodes = ET.SubElement(g, "nodes")
    for n, d in G.nodes(data=True):
        el = ET.SubElement(nodes, "node", {"id": str(n), "label": str(d.get("label", n))})
        _attvalues(el, d, node_schema)
    edges = ET.SubElement(g, "edges")
    for i, (u, v, d) in enumerate(G.edges(data=True)):
        attrs = {"id": f"e{i}", "source": str(u), "target": str(v)}
        if d.get("weight") is not None:
            attrs["weight"] = _text(d["weight"], "double")
        el = ET.SubElement(edges, "edge", attrs)
        _attvalues(el, d, edge_schema)
    return _xml_bytes(root)


def _attvalues(el: ET.Element, d: dict, schema: dict[str, str], start: str | None = None,
               end: str | None = None, holder: ET.Element | None = None) -> ET.Element | None:
    vals = [(k, d[k]) for k in schema if d.get(k) is not None]
    if not vals:
        return holder
    if holder is None:
        holder = ET.SubElement(el, "attvalues")
    for k, v in vals:
        a = {"for": k, "value": _text(v, schema[k])}
        if start is not None:
            a["start"], a["end"] = start, end  # type: ignore[assignment]
        ET.SubElement(holder, "attvalue", a)
    return holder


def _spells(windows: list[Window]) -> list[tuple[str, str]]:
    out: list[list] = []
    for w in sorted(windows):
        if out and out[-1][1] == w.start:
            out[-1][1] = w.end
        else:
            out.append([w.start, w.end])
    return [(s.isoformat(), Window(s, e).last.isoformat()) for s, e in out]


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
    root, _ = _gexf_root(first, _describe(nx.Graph(**meta)) + f"; from {start} to {end}")
    g = ET.SubElement(root, "graph", {"defaultedgetype": "undirected", "mode": "dynamic",
                                      "timeformat": "date", "timerepresentation": "interval",
                                      "start": start, "end": end})
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
    s_schema = _schema({k: v for k, v in d.items() if k != "label"} for d in node_static.values())
    d_schema = _schema(d for rows in node_dyn.values() for _, d in rows)
    e_schema = _schema(d for rows in edge_dyn.values() for _, d in rows)
    _declare(g, "node", "static", s_schema)
    _declare(g, "node", "dynamic", d_schema)
    _declare(g, "edge", "dynamic", e_schema)
    nodes = ET.SubElement(g, "nodes")
    for n in sorted(node_static, key=str):
        el = ET.SubElement(nodes, "node", {"id": str(n), "label": str(node_static[n].get("label", n))})
        holder = _attvalues(el, node_static[n], s_schema)
        for w, d in node_dyn[n]:
            holder = _attvalues(el, d, d_schema, w.start.isoformat(), w.last.isoformat(), holder)
        spells = ET.SubElement(el, "spells")
        for s, e in _spells([w for w, _ in node_dyn[n]]):
            ET.SubElement(spells, "spell", {"start": s, "end": e})
    edges = ET.SubElement(g, "edges")
    for i, (u, v) in enumerate(sorted(edge_dyn, key=lambda k: (str(k[0]), str(k[1])))):
        el = ET.SubElement(edges, "edge", {"id": f"e{i}", "source": str(u), "target": str(v)})
        holder = None
        for w, d in edge_dyn[(u, v)]:
            holder = _attvalues(el, d, e_schema, w.start.isoformat(), w.last.isoformat(), holder)
        spells = ET.SubElement(el, "spells")
        for s, e in _spells([w for w, _ in edge_dyn[(u, v)]]):
            ET.SubElement(spells, "spell", {"start": s, "end": e})
    return _xml_bytes(root)


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


def _csv_text(header: list[str], rows: Iterable[list]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for r in rows:
        w.writerow(["" if v is None else _text(v, _type_of([v])) for v in r])
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


def node_link(G: nx.Graph) -> dict[str, Any]:
    """networkx node-link data (key ``"edges"``) with plain JSON values.

    >>> G = nx.Graph(); G.add_edge("a", "b", weight=2.0)
    >>> node_link(G)["edges"]
    [{'source': 'a', 'target': 'b', 'weight': 2.0}]
    """
    return {
        "directed": False, "multigraph": False,
        "graph": {k: _plain(v) for k, v in G.graph.items()},
        "nodes": [{"id": n, **{k: _plain(v) for k, v in d.items()}} for n, d in G.nodes(data=True)],
        "edges": [{"source": u, "target": v, **{k: _plain(x) for k, x in d.items()}}
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


def window_path(path: str | Path, window: Window, fmt: str) -> Path:
    """The file of one window: the window's start added to the name.

    >>> from datetime import date
    >>> window_path("out/net.graphml", Window(date(2022, 1, 1), date(2023, 1, 1)), "graphml").as_posix()
    'out/net_2022-01-01.graphml'
    """
    p = Path(path)
    suffix = p.suffix or SUFFIX[fmt]
    stem = p.name[: -len(p.suffix)] if p.suffix else p.name
    return p.with_name(f"{stem}_{window.label}{suffix}")


def write_network(result: nx.Graph | Sequence[tuple[Window, nx.Graph]], fmt: str,
                  path: str | Path) -> list[Path]:
    """Write one network, or per-window networks, in ``fmt``; returns the files written.

    Per-window networks go to ONE dynamic GEXF file, or to one file (pair)
    per window for graphml, csv and json (see :func:`window_path`).

    >>> import tempfile, pathlib
    >>> from stancegraph.networks import windowed_networks, example_store
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> [p.name for p in write_network(windowed_networks(example_store(), "agreement", "1Y"), "json", d / "n.json")]
    ['n_2022-01-01.json', 'n_2023-01-01.json']
    """
    fmt = check_choice(fmt, FORMATS, "--format")
    if isinstance(result, nx.Graph):
        if fmt == "graphml":
            return [write_graphml(result, path)]
        if fmt == "gexf":
            return [write_gexf(result, path)]
        if fmt == "csv":
            return list(write_csv(result, path))
        if fmt == "matrix":
            from .adjacency import write_matrix

            return [write_matrix(result, path)]
        return [write_json(result, path)]
    if fmt == "gexf":
        return [write_gexf_dynamic(result, path)]
    files: list[Path] = []
    for w, G in result:
        files += write_network(G, fmt, window_path(path, w, fmt))
    return files


__all__ = ["csv_paths", "gexf_bytes", "gexf_dynamic_bytes", "graphml_bytes", "node_link", "window_path",
           "write_csv", "write_gexf", "write_gexf_dynamic", "write_graphml", "write_json", "write_network"]
