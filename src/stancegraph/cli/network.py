"""``stancegraph network``: agreement and disagreement networks (:func:`stancegraph.networks.run_network`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..networks.formats import WRITERS
from ..networks.options import KINDS
from ._app import app, one_line_errors

FLAGS = {"kind": "--kind", "fmt": "--format", "out": "-o", "issues": "--issue", "since": "--since",
         "until": "--until", "window": "--window", "level": "--level", "normalize": "--normalize",
         "duplicates": "--duplicates", "min_weight": "--min-weight", "claims": "--claims",
         "claims=False": "--no-claims", "claims_only": "--claims-only", "summary": "--summary"}
"""Option fields (of :class:`~stancegraph.networks.options.NetworkOptions` and ``run_network``) -> flags."""

FORMAT_HELP = ("; ".join(f"{name}: {w.help}" for name, w in WRITERS.items())
               + " (default: from -o's suffix, else graphml).")


@app.command("network")
@one_line_errors(flags=FLAGS)
def network_command(
    graph: Annotated[Optional[Path], typer.Argument(help="Graph file (Turtle, TriG, N-Quads, JSON-LD...).")] = None,
    store: Annotated[Optional[Path], typer.Option("--store", help="On-disk store folder instead of GRAPH.")] = None,
    kind: Annotated[str, typer.Option("--kind", "-k", help=f"One of {', '.join(KINDS)}.")] = "agreement",
    fmt: Annotated[Optional[str], typer.Option(
        "--format", "-f", help=FORMAT_HELP)] = None,
    out: Annotated[Optional[Path], typer.Option(
        "--output", "-o", help="Output file (CSV: OUT_nodes.csv + OUT_edges.csv; windows: one file per "
                               "window, except GEXF: one dynamic file).")] = None,
    issue: Annotated[Optional[list[str]], typer.Option(
        "--issue", help="Keep this issue key (repeatable); territory:KEY for claims.")] = None,
    since: Annotated[Optional[str], typer.Option("--since", help="First publication date, YYYY-MM-DD.")] = None,
    until: Annotated[Optional[str], typer.Option("--until", help="Last publication date, YYYY-MM-DD.")] = None,
    window: Annotated[Optional[str], typer.Option(
        "--window", help="One network per window: 7D, 2W, 1M, 1Y...")] = None,
    level: Annotated[str, typer.Option("--level", help="person or organisation.")] = "person",
    normalize: Annotated[str, typer.Option(
        "--normalize", help="none, average, jaccard or cosine.")] = "none",
    duplicates: Annotated[str, typer.Option(
        "--duplicates", help="Count a position once per article, utterance, or all statements.")] = "article",
    min_weight: Annotated[float, typer.Option("--min-weight", help="Drop edges with |weight| below this.")] = 0.0,
    claims: Annotated[bool, typer.Option(
        "--claims/--no-claims", help="Territorial claims as positions (default on).")] = True,
    claims_only: Annotated[bool, typer.Option("--claims-only", help="Territorial claims alone.")] = False,
    summary: Annotated[bool, typer.Option(
        "--summary", help="Print coalitions, contested issues and polarisation.")] = False,
    machine_only: Annotated[bool, typer.Option(
        "--machine-only", help="The machine coding as extracted, without the reviews.")] = False,
) -> None:
    """Agreement and disagreement networks of actors, from the graph (DNA-style and beyond).

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
                      until=until, window=window, level=level, normalize=normalize,
                      duplicates=duplicates, min_weight=min_weight, claims=claims,
                      claims_only=claims_only, summary=summary, machine_only=machine_only)
    typer.echo(str(run))
