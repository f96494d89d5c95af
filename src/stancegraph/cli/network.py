"""``stancegraph network``: agreement and disagreement networks (:func:`stancegraph.networks.run_network`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..networks.formats import WRITERS
from ..networks.options import DUPLICATES, EDGE_STATEMENTS_LIMIT, KINDS, LEVELS, NORMALIZATIONS
from ._app import app, err, one_line_errors

FLAGS = {"kind": "--kind", "fmt": "--format", "out": "-o", "issues": "--issue", "since": "--since",
         "until": "--until", "window": "--window", "step": "--step", "level": "--level",
         "normalize": "--normalize", "duplicates": "--duplicates", "min_weight": "--min-weight",
         "claims": "--claims", "claims=False": "--no-claims", "claims_only": "--claims-only",
         "summary": "--summary", "top_k": "--top-k", "edge_statements": "--edge-statements"}
"""Option fields (of :class:`~stancegraph.networks.options.NetworkOptions` and ``run_network``) -> flags."""


def _choices(values) -> str:
    """The metavar that lists a closed set of values, as --help shows it: ``<a|b|c>``."""
    return "<" + "|".join(values) + ">"


# Closed choices are listed in --help; a value outside them is refused with one line naming the
# flag and the choices (the project's error format, not a usage box).
KIND, FORMAT = _choices(KINDS), _choices(WRITERS)
LEVEL, NORMALIZE, DUPLICATE = _choices(LEVELS), _choices(NORMALIZATIONS), _choices(DUPLICATES)

FORMAT_HELP = ("; ".join(f"{name}: {w.help}" for name, w in WRITERS.items())
               + ". Default: from -o's suffix, else graphml.")

HELP = """Agreement and disagreement networks of actors, from the graph (DNA-style and beyond).

Two actors are tied when they take the same side (agreement), opposite sides
(disagreement) of a codebook issue or territorial claim; signed and subtract
combine both; affiliation links actors to the issues themselves. Write the
network for Gephi, igraph, networkx or sigma.js, one file per time window or
one dynamic GEXF, and/or print its coalitions and most contested issues.
"""

EPILOG = """Examples:

  stancegraph network graph.ttl -o net.gexf

  stancegraph network graph.ttl --kind signed --normalize jaccard -o net.graphml

  stancegraph network graph.ttl --window 1M --step 1W -o timeline.gexf

  stancegraph network graph.ttl --summary
"""


@app.command("network", help=HELP, epilog=EPILOG)
@one_line_errors(flags=FLAGS)
def network_command(
    graph: Annotated[Optional[Path], typer.Argument(
        metavar="GRAPH", help="Graph file (Turtle, TriG, N-Quads, JSON-LD...).")] = None,
    store: Annotated[Optional[Path], typer.Option(
        "--store", metavar="DIR", help="On-disk store folder instead of GRAPH.")] = None,
    kind: Annotated[str, typer.Option("--kind", "-k", metavar=KIND, help="Which ties to draw.")] = "agreement",
    fmt: Annotated[Optional[str], typer.Option("--format", "-f", metavar=FORMAT, help=FORMAT_HELP)] = None,
    out: Annotated[Optional[Path], typer.Option(
        "--output", "-o", metavar="FILE",
        help="Output file (CSV: FILE_nodes.csv + FILE_edges.csv; windows: one file per "
             "window, except GEXF: one dynamic file).")] = None,
    issue: Annotated[Optional[list[str]], typer.Option(
        "--issue", metavar="KEY", help="Keep this issue key (repeatable); territory:KEY for claims.")] = None,
    since: Annotated[Optional[str], typer.Option(
        "--since", metavar="DATE", help="First publication date, YYYY-MM-DD.")] = None,
    until: Annotated[Optional[str], typer.Option(
        "--until", metavar="DATE", help="Last publication date, YYYY-MM-DD.")] = None,
    window: Annotated[Optional[str], typer.Option(
        "--window", metavar="LENGTH", help="One network per time window: 7D, 2W, 1M, 1Y...")] = None,
    step: Annotated[Optional[str], typer.Option(
        "--step", metavar="LENGTH",
        help="Slide the window by this much (1W with --window 1M: a month-long window every week).")] = None,
    level: Annotated[str, typer.Option(
        "--level", metavar=LEVEL, help="Actors as persons, or merged into their organisations.")] = "person",
    normalize: Annotated[str, typer.Option(
        "--normalize", metavar=NORMALIZE, help="Edge weights: raw counts, or normalised.")] = "none",
    duplicates: Annotated[str, typer.Option(
        "--duplicates", metavar=DUPLICATE,
        help="Count a position once per article, once per utterance, or every time.")] = "article",
    min_weight: Annotated[float, typer.Option(
        "--min-weight", metavar="W", help="Drop edges with |weight| below W (0 or more).")] = 0.0,
    top_k: Annotated[Optional[int], typer.Option(
        "--top-k", metavar="K",
        help="Keep each actor's K strongest edges (and those its neighbours keep); with --min-weight, "
             "applied before the graph is built.")] = None,
    edge_statements: Annotated[Optional[bool], typer.Option(
        "--edge-statements/--no-edge-statements", metavar="",
        help="List the statements behind every edge (default: when the network has at most "
             f"{EDGE_STATEMENTS_LIMIT:,} edges).")] = None,
    claims: Annotated[bool, typer.Option(
        "--claims/--no-claims", metavar="", help="Territorial claims as positions (default on).")] = True,
    claims_only: Annotated[bool, typer.Option(
        "--claims-only", metavar="", help="Territorial claims alone.")] = False,
    summary: Annotated[bool, typer.Option(
        "--summary", metavar="", help="Print coalitions, contested issues and polarisation.")] = False,
    machine_only: Annotated[bool, typer.Option(
        "--machine-only", help="The machine coding as extracted, without the reviews.")] = False,
) -> None:
    """Agreement and disagreement networks of actors (the help people read is ``HELP``).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from typer.testing import CliRunner
    >>> from stancegraph.cli import app
    >>> from stancegraph.networks.matrix import EXAMPLE_TTL
    >>> d = pathlib.Path(tempfile.mkdtemp()); _ = (d / "g.ttl").write_text(EXAMPLE_TTL)
    >>> r = CliRunner().invoke(app, ["network", str(d / "g.ttl"), "--kind", "signed", "-o", str(d / "n.gexf")])
    >>> r.exit_code, r.stdout.splitlines()[0]
    (0, 'signed network: 3 nodes, 3 edges')
    >>> r = CliRunner().invoke(app, ["network", str(d / "g.ttl"), "--window", "1Q", "-o", str(d / "n.gexf")])
    >>> r.exit_code, r.stderr.startswith("error: ")
    (1, True)
    """
    from ..networks.run import run_network

    run = run_network(graph, store, kind=kind, fmt=fmt, out=out, issues=list(issue or []), since=since,
                      until=until, window=window, level=level, normalize=normalize, duplicates=duplicates,
                      min_weight=min_weight, claims=claims, claims_only=claims_only, summary=summary,
                      step=step, machine_only=machine_only, top_k=top_k, edge_statements=edge_statements)
    for w in run.warnings:
        for name, flag in sorted(FLAGS.items(), key=lambda kv: -len(kv[0])):
            w = w.replace(f"`{name}`", flag)
        err.print(f"[yellow]warning:[/] {w}", highlight=False)
    typer.echo(str(run))
