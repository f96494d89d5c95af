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

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import networkx as nx

from ..errors import StanceGraphError
from ..store import open_source
from .build import network, windowed_networks
from .matrix import load_positions
from .formats import format_for, write_network
from .options import DUPLICATES, KINDS, LEVELS, NORMALIZATIONS, check_choice, parse_date, parse_window
from .summary import NetworkSummary, summarize


@dataclass
class NetworkRun:
    """What ``run_network`` did: the files written, the summary, the graphs (``str()`` prints it)."""

    files: list[Path] = field(default_factory=list)
    summary: NetworkSummary | None = None
    graphs: list[tuple[str, nx.Graph]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        lines = [f"warning: {p}" for p in self.problems]
        for label, G in self.graphs:
            where = f" [{label}]" if label else ""
            lines.append(f"{G.graph.get('kind', 'network')} network{where}: "
                         f"{G.number_of_nodes()} nodes, {G.number_of_edges()} edges")
        lines += [f"wrote {p}" for p in self.files]
        if self.summary is not None:
            lines.append(str(self.summary))
        return "\n".join(lines)


def run_network(graph: Path | None, store: Path | None, kind: str = "agreement", fmt: str | None = None,
                out: Path | None = None, issues: list[str] | None = None, since: str | date | None = None,
                until: str | date | None = None, window: str | None = None, level: str = "person",
                normalize: str = "none", duplicates: str = "article", min_weight: float = 0.0,
                claims: bool = True, claims_only: bool = False, summary: bool = False,
                machine_only: bool = False) -> NetworkRun:
    """Build the network(s) of a graph file or store, write them, and optionally summarise.

    Parameters mirror the command's options: ``graph`` (a graph file) or
    ``store`` (an on-disk store folder), ``kind``, ``fmt`` (``None``: from
    ``out``'s suffix), ``out`` (required unless ``summary``), ``issues``,
    ``since``/``until``, ``window``, ``level``, ``normalize``, ``duplicates``,
    ``min_weight``, ``claims``/``claims_only``, ``summary``, ``machine_only``
    (the raw machine coding instead of the reviewed view, see
    :mod:`stancegraph.review`). All values are checked before the graph is read.

    Raises
    ------
    StanceGraphError
        Any bad option or input, with a one-line message naming the option.

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
    kind = check_choice(kind, KINDS, "--kind", source)
    fmt_checked = format_for(fmt, out, source)
    level = check_choice(level, LEVELS, "--level", source)
    normalize = check_choice(normalize, NORMALIZATIONS, "--normalize", source)
    duplicates = check_choice(duplicates, DUPLICATES, "--duplicates", source)
    spec = parse_window(window, source)
    since_d, until_d = parse_date(since, "--since", source), parse_date(until, "--until", source)
    if min_weight is not None and min_weight < 0:
        raise StanceGraphError(f"--min-weight must be 0 or more, not {min_weight}", path=source,
                               place="--min-weight")
    if kind == "affiliation" and normalize != "none":
        raise StanceGraphError("--normalize applies to one-mode networks; the affiliation network carries "
                               "raw counts (use --normalize none)", path=source, place="--normalize")
    if claims_only and not claims:
        raise StanceGraphError("--claims-only and --no-claims exclude each other", path=source,
                               place="--claims-only")
    if out is None and not summary:
        raise StanceGraphError("give -o OUT for the network file(s), or --summary", path=source, place="-o")
    from ..review import view_of

    problems: list[str] = []
    table = load_positions(view_of(open_source(graph, store), machine_only, problems))
    table.source = source
    opts = dict(issues=issues or None, since=since_d, until=until_d, level=level, normalize=normalize,
                duplicates=duplicates, min_weight=min_weight or 0.0, claims=claims, claims_only=claims_only)
    run = NetworkRun(problems=problems)
    if spec is not None:
        nets = windowed_networks(table, kind, window, **opts)  # type: ignore[arg-type]
        run.graphs = [(w.label, G) for w, G in nets]
        if out is not None:
            run.files = write_network(nets, fmt_checked, out)
    else:
        G = network(table, kind, **opts)  # type: ignore[arg-type]
        run.graphs = [("", G)]
        if out is not None:
            run.files = write_network(G, fmt_checked, out)
    if summary:
        run.summary = summarize(table, window=window, **opts)  # type: ignore[arg-type]
    return run
