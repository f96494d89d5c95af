"""Network files viewers open, chosen by name from ONE registry: :data:`WRITERS`.

Every file is written atomically (:mod:`stancegraph.fileio`): a failure never
leaves half a file. Attribute values are plain scalars (:mod:`.values`), so
every format can type them.

* ``graphml`` (:mod:`.graphml`): typed keys; networkx, igraph and Gephi read it.
* ``gexf`` (:mod:`.gexf`): GEXF 1.3; with windows ONE dynamic graph with spells.
* ``csv`` (:mod:`.csvfiles`): ``{OUT}_nodes.csv`` and ``{OUT}_edges.csv`` for Gephi.
* ``json`` (:mod:`.jsonfile`): networkx node-link data (key ``"edges"``).
* ``matrix`` (:mod:`.adjacency`): a labelled actor x actor matrix in one CSV, as rDNA returns.

Windowed networks in a format without a dynamic form give one file (pair) per
window, named with the window's start: ``net.graphml`` -> ``net_2022-01-01.graphml``.

A new format is one module with a write function and one :class:`Writer` line
in :data:`WRITERS`; ``stancegraph network --format`` and its help read the
registry.

>>> sorted(WRITERS), WRITERS["gexf"].suffix
(['csv', 'gexf', 'graphml', 'json', 'matrix'], '.gexf')
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from ...lazy import lazy_module

nx = lazy_module("networkx")  # loaded when a network is written, not for --help

from ..options import Window, check_choice

if TYPE_CHECKING:
    from ..edges import EdgeTable

# The writers' modules are imported when a network is written (their names here resolve on
# first use, PEP 562), so that the CLI's --help, which reads WRITERS, loads none of them.
_WHERE = {
    **dict.fromkeys(["write_matrix"], "adjacency"),
    **dict.fromkeys(["csv_paths", "write_csv", "write_csv_stream"], "csvfiles"),
    **dict.fromkeys(["gexf_bytes", "gexf_dynamic_bytes", "write_gexf", "write_gexf_dynamic", "write_gexf_stream"],
                    "gexf"),
    **dict.fromkeys(["graphml_bytes", "write_graphml", "write_graphml_stream"], "graphml"),
    **dict.fromkeys(["node_link", "write_json"], "jsonfile"),
}


def __getattr__(name: str):
    where = _WHERE.get(name)
    if where is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f"{__name__}.{where}"), name)


def _w(name: str) -> Callable:
    """The writer function ``name`` of its module (imported now)."""
    return __getattr__(name)


@dataclass(frozen=True)
class Writer:
    """One network file format: its name, file suffix, one-line help and writers.

    ``write(G, path)`` writes one network and returns the files written;
    ``write_windows(networks, path)``, when the format has a dynamic form, writes
    per-window networks into one file (otherwise each window gets its own file);
    ``stream(T, path)``, when the format has one, writes an
    :class:`~stancegraph.networks.edges.EdgeTable` edge by edge from its arrays
    (the same bytes as ``write(T.to_networkx(), path)``).
    """

    name: str
    suffix: str
    help: str
    write: Callable[[nx.Graph, Path], list[Path]]
    write_windows: Callable[[Sequence[tuple[Window, nx.Graph]], Path], list[Path]] | None = None
    stream: Callable[[EdgeTable, Path], list[Path]] | None = None


WRITERS: dict[str, Writer] = {w.name: w for w in (
    Writer("graphml", ".graphml", "GraphML with typed keys (networkx, igraph, Gephi)",
           lambda G, p: [_w("write_graphml")(G, p)], stream=lambda T, p: [_w("write_graphml_stream")(T, p)]),
    Writer("gexf", ".gexf", "GEXF 1.3 (Gephi); with --window one dynamic graph",
           lambda G, p: [_w("write_gexf")(G, p)], lambda nets, p: [_w("write_gexf_dynamic")(nets, p)],
           stream=lambda T, p: [_w("write_gexf_stream")(T, p)]),
    # before csv: a .csv output without --format stays csv (the later suffix wins in format_for)
    Writer("matrix", ".csv", "one CSV, a labelled actor x actor matrix as rDNA returns (actor x issue "
           "for affiliation)", lambda G, p: [_w("write_matrix")(G, p)]),
    Writer("csv", ".csv", "two CSV files, OUT_nodes.csv and OUT_edges.csv",
           lambda G, p: list(_w("write_csv")(G, p)), stream=lambda T, p: list(_w("write_csv_stream")(T, p))),
    Writer("json", ".json", "networkx node-link JSON",
           lambda G, p: [_w("write_json")(G, p)]),
)}
"""Network formats by name (the CLI's ``--format`` choices)."""

FORMATS = tuple(WRITERS)
SUFFIX = {name: w.suffix for name, w in WRITERS.items()}


def format_for(fmt: str | None, out: Path | None = None, source: str | None = None) -> str:
    """``fmt`` checked, or guessed from ``out``'s suffix (GraphML when it says nothing).

    >>> format_for(None, Path("x.gexf")), format_for("JSON"), format_for(None, Path("x"))
    ('gexf', 'json', 'graphml')
    """
    if fmt:
        return check_choice(fmt, FORMATS, "fmt", source)
    if out is not None:
        by_suffix = {w.suffix: name for name, w in WRITERS.items()}
        return by_suffix.get(out.suffix.lower(), "graphml")
    return "graphml"


def window_path(path: str | Path, window: Window, fmt: str) -> Path:
    """The file of one window: the window's start added to the name.

    >>> from datetime import date
    >>> window_path("out/net.graphml", Window(date(2022, 1, 1), date(2023, 1, 1)), "graphml").as_posix()
    'out/net_2022-01-01.graphml'
    """
    p = Path(path)
    suffix = p.suffix or WRITERS[fmt].suffix
    stem = p.name[: -len(p.suffix)] if p.suffix else p.name
    return p.with_name(f"{stem}_{window.label}{suffix}")


def write_network(result: nx.Graph | EdgeTable | Sequence[tuple[Window, nx.Graph]], fmt: str,
                  path: str | Path) -> list[Path]:
    """Write one network, or per-window networks, in ``fmt``; returns the files written.

    Per-window networks go to ONE dynamic file where the format has one (GEXF),
    else to one file (pair) per window (see :func:`window_path`). An
    :class:`~stancegraph.networks.edges.EdgeTable` is streamed where the format
    can (GraphML, GEXF, CSV), else made into a networkx graph first.

    >>> import tempfile, pathlib
    >>> from stancegraph.networks import windowed_networks, example_store
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> [p.name for p in write_network(windowed_networks(example_store(), "agreement", "1Y"), "json", d / "n.json")]
    ['n_2022-01-01.json', 'n_2023-01-01.json']
    """
    writer = WRITERS[check_choice(fmt, FORMATS, "fmt")]
    from ..edges import EdgeTable

    if isinstance(result, EdgeTable):
        return writer.stream(result, Path(path)) if writer.stream else writer.write(result.to_networkx(), Path(path))
    if isinstance(result, nx.Graph):
        return writer.write(result, Path(path))
    if writer.write_windows is not None:
        return writer.write_windows(result, Path(path))
    files: list[Path] = []
    for w, G in result:
        files += writer.write(G, window_path(path, w, writer.name))
    return files


__all__ = ["FORMATS", "SUFFIX", "WRITERS", "Writer", "csv_paths", "format_for", "gexf_bytes", "gexf_dynamic_bytes",
           "graphml_bytes", "node_link", "window_path", "write_csv", "write_csv_stream", "write_gexf",
           "write_gexf_dynamic", "write_gexf_stream", "write_graphml", "write_graphml_stream", "write_json", "write_network"]
