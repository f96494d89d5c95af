"""What ``stancegraph network`` runs: read the graph, build the network(s), write them, summarise.

``run_network`` does the work and returns a printable :class:`NetworkRun`
(the command, :mod:`stancegraph.cli.network`, prints it).

>>> import tempfile, pathlib
>>> from stancegraph.networks.matrix import EXAMPLE_TTL
>>> d = pathlib.Path(tempfile.mkdtemp()); _ = (d / "g.ttl").write_text(EXAMPLE_TTL)
>>> run = run_network(d / "g.ttl", None, kind="agreement", fmt=None, out=d / "net.graphml")
>>> [p.name for p in run.files]
['net.graphml']
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import networkx as nx

from ..errors import StanceGraphError
from ..store import open_source
from .build import network, network_table, undated, windowed_networks
from . import options as network_options
from .edges import EdgeTable
from .matrix import load_positions
from .formats import format_for, write_network
from .options import NetworkOptions
from .summary import NetworkSummary, summarize


@dataclass
class NetworkRun:
    """What ``run_network`` did: the files written, the summary, the graphs (``str()`` prints it)."""

    files: list[Path] = field(default_factory=list)
    summary: NetworkSummary | None = None
    graphs: list[tuple[str, nx.Graph | EdgeTable]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)   # for stderr: what the options left out

    def __str__(self) -> str:
        lines = []
        for label, G in self.graphs:
            where = f" [{label}]" if label else ""
            lines.append(f"{G.graph.get('kind', 'network')} network{where}: "
                         f"{G.number_of_nodes()} nodes, {G.number_of_edges()} edges")
        lines += [f"wrote {p}" for p in self.files]
        if self.summary is not None:
            lines.append(str(self.summary))
        return "\n".join(lines)


def run_network(graph: Path | None, store: Path | None, options: NetworkOptions | None = None, *,
                fmt: str | None = None, out: Path | None = None, summary: bool = False,
                machine_only: bool = False, **fields: Any) -> NetworkRun:
    """Build the network(s) of a graph file or store, write them, and optionally summarise.

    ``graph`` (a graph file) or ``store`` (an on-disk store folder); ``options``
    a :class:`~stancegraph.networks.options.NetworkOptions`, or its fields as
    keyword arguments (``kind="signed"``, ...); ``fmt`` (``None``: from
    ``out``'s suffix), ``out`` (required unless ``summary``); ``machine_only``:
    the machine coding as extracted instead of the reviewed view
    (:mod:`stancegraph.review`). Everything is checked before the graph is read.
    When windows or dates leave out the positions of undated articles, ``run.warnings`` says how many.

    Raises
    ------
    StanceGraphError
        Any bad option or input, with a one-line message naming the option's field.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from stancegraph.networks.matrix import EXAMPLE_TTL
    >>> d = pathlib.Path(tempfile.mkdtemp()); _ = (d / "g.ttl").write_text(EXAMPLE_TTL)
    >>> print(run_network(d / "g.ttl", None, kind="subtract", summary=True))  # doctest: +ELLIPSIS
    subtract network: 3 nodes, 3 edges
    coalitions (Louvain communities of the agreement network):
      1. Anna, Boris
    ...
    """
    source = str(graph if graph is not None else store) if (graph or store) else None
    if options is None:
        options = NetworkOptions(**fields, source=source)
    elif fields:
        options = replace(options, **fields)
    fmt_checked = format_for(fmt, out, source)
    if out is None and not summary:
        raise StanceGraphError("give `out` for the network file(s), or `summary`", path=source, place="out")
    from ..review import view_of

    problems: list[str] = []
    table = load_positions(view_of(open_source(graph, store), machine_only, problems))
    table.source = source
    kind, window, opts = options.kind, options.window, options.network_kwargs()
    run = NetworkRun(warnings=problems)  # reviews whose target vanished
    if window is not None or options.since is not None or options.until is not None:
        n_pos, n_art = undated(table, issues=opts["issues"], claims=options.claims, claims_only=options.claims_only)
        if n_pos:
            by = "`window`" if window is not None else "`since`/`until`"
            run.warnings.append(f"{n_pos} position{'s' * (n_pos != 1)} from {n_art} undated "
                                f"article{'s' * (n_art != 1)} left out: {by} needs a publication date")
    if window is not None:
        nets = windowed_networks(table, kind, window, step=options.step, **opts)
        run.graphs = [(w.label, G) for w, G in nets]
        if out is not None:
            run.files = write_network(nets, fmt_checked, out)
    else:
        # one-mode: arrays all the way to the file (GraphML and CSV stream them); networkx only
        # for the formats that need a graph object, and for the two-mode affiliation network
        G = network(table, kind, **opts) if kind == "affiliation" else network_table(table, kind, **opts)
        run.graphs = [("", G)]
        if isinstance(G, EdgeTable) and G.statements is None and options.edge_statements is None:
            run.warnings.append(f"edge statements left out: {G.number_of_edges():,} edges (more than "
                                f"{network_options.EDGE_STATEMENTS_LIMIT:,}); set `edge_statements` to list them")
        if out is not None:
            run.files = write_network(G, fmt_checked, out)
    if summary:
        run.summary = summarize(table, window=window, **opts)
    return run
