"""The ``stancegraph`` command: thin wrappers over typed functions.

Every command turns :class:`~stancegraph.errors.StanceGraphError` into one line
on stderr and exit code 1 (no traceback).
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console

from .errors import StanceGraphError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="News articles to a knowledge graph of actors, statements, positions and claims.")
err = Console(stderr=True)
out = Console()


def fail(exc: StanceGraphError) -> None:
    err.print(f"[bold red]error:[/] {exc.oneline()}", highlight=False, markup=True, soft_wrap=True)
    for line in exc.details:
        err.print(f"  {line}", highlight=False, markup=False, soft_wrap=True)
    raise typer.Exit(1)


class QueryFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


class ExportFormat(str, Enum):
    annotations = "annotations"
    turtle = "turtle"
    nquads = "nquads"
    jsonld = "jsonld"
    trig = "trig"
    statements = "statements"
    dna = "dna"


@app.command()
def build(paths: List[Path] = typer.Argument(None, help="Article files or folders (.txt, .jsonl). Default: data/articles."),
          output: Path = typer.Option(Path("graph.ttl"), "-o", "--output", help="Turtle file to write."),
          store: Optional[Path] = typer.Option(None, "--store", help="Also write into this on-disk Oxigraph store."),
          data_dir: Optional[Path] = typer.Option(None, "--data", help="Folder with codebook.ttl, actors.ttl, territories.ttl, cues.ttl."),
          codebook: Optional[Path] = typer.Option(None, "--codebook", help="Another codebook (Turtle)."),
          gazetteer: Optional[Path] = typer.Option(None, "--gazetteer", help="Another actor gazetteer (Turtle)."),
          territories: Optional[Path] = typer.Option(None, "--territories", help="Another territory list (Turtle)."),
          model: Optional[str] = typer.Option(None, "--model", help="Installed spaCy pipeline to use.")) -> None:
    """Extract, validate and write the knowledge graph of the articles."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from . import paths as P
    from .pipeline import build as run_build

    sources = list(paths) if paths else [P.data_dir() / "articles"]
    try:
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=err, transient=True, disable=not err.is_terminal) as bar:
            task = bar.add_task("extracting", total=None)

            def progress(done: int, total: int, article_id: str) -> None:
                if total > 1:
                    bar.update(task, total=total, completed=done, description=f"extracting {article_id}")

            result = run_build(sources, output, data_dir=data_dir, codebook=codebook, gazetteer=gazetteer,
                               territories=territories, model=model, progress=progress, store_dir=store)
    except StanceGraphError as exc:
        fail(exc)
        return
    for s in result.skipped:
        err.print(f"[yellow]skipped:[/] {s.oneline()}", highlight=False)
    for p in result.review_problems:
        err.print(f"[yellow]warning:[/] {p}", highlight=False, soft_wrap=True)
    out.print(result.summary(), highlight=False)
    if result.report is not None:
        warnings = [v for v in result.report.violations if v.severity == "Warning"]
        out.print(f"shapes: conforms ({len(warnings)} warnings)", highlight=False)


@app.command()
def validate(graph: Optional[Path] = typer.Argument(None, help="Graph file (Turtle, N-Triples, N-Quads, TriG, JSON-LD)."),
             store: Optional[Path] = typer.Option(None, "--store", help="Validate an on-disk store instead."),
             warnings: bool = typer.Option(False, "--warnings", help="Also list warnings.")) -> None:
    """Check a graph against the SHACL shapes: exit 0 when it conforms, 1 with a report when not."""
    from .validate import validate_file, validate_store

    try:
        report = validate_file(graph) if store is None or graph is not None else validate_store(store)
        graph = graph or store
    except StanceGraphError as exc:
        fail(exc)
        return
    if warnings:
        for v in report.violations:
            if v.severity != "Violation":
                out.print(v.oneline(), highlight=False, soft_wrap=True)
    if report.conforms:
        out.print(f"{graph}: conforms", highlight=False)
        return
    out.print(f"{graph}: does not conform ({len(report.errors)} violations)", highlight=False)
    out.print(report.text(200), highlight=False, soft_wrap=True)
    raise typer.Exit(1)


@app.command()
def query(graph: Optional[Path] = typer.Argument(None, help="Graph file."),
          sparql: Optional[str] = typer.Argument(None, help="SPARQL query text."),
          file: Optional[Path] = typer.Option(None, "-f", "--file", help="Read the query from a .rq file."),
          name: Optional[str] = typer.Option(None, "--name", help="Run a query of the library (queries/NAME.rq)."),
          param: List[str] = typer.Option([], "--param", help="KEY=VALUE for a library query."),
          store: Optional[Path] = typer.Option(None, "--store", help="Query an on-disk store instead of a file."),
          fmt: QueryFormat = typer.Option(QueryFormat.table, "--format")) -> None:
    """Run a SPARQL query (SELECT, ASK or CONSTRUCT)."""
    from .query_cli import run_query_command

    try:
        text = run_query_command(graph, sparql, file, name, param, store, fmt.value)
    except StanceGraphError as exc:
        fail(exc)
        return
    sys.stdout.write(text)


@app.command()
def export(graph: Optional[Path] = typer.Argument(None, help="Graph file."),
           fmt: ExportFormat = typer.Option(..., "--format", help="annotations, statements (CSV), dna (DNA 3 "
                                            "database), turtle, nquads, jsonld or trig."),
           output: Optional[Path] = typer.Option(None, "-o", "--output", help="File, or folder for annotations."),
           store: Optional[Path] = typer.Option(None, "--store", help="Export an on-disk store instead of a file."),
           machine_only: bool = typer.Option(False, "--machine-only", help="annotations/statements/dna: the "
                                             "machine coding, without the reviews."),
           reviewer: str = typer.Option("Reviewer", "--reviewer", help="dna: name of the reviewer's coder.")) -> None:
    """Export the graph: annotation JSON per article (read with SPARQL), the statement table, DNA, or RDF."""
    from .export import export_annotations, export_rdf
    from .review import view_of
    from .store import open_source

    try:
        st = open_source(graph, store)
        problems: list[str] = []
        if fmt in (ExportFormat.statements, ExportFormat.dna):
            from .dna import write_dna
            from .statement_table import export_statements

            if fmt == ExportFormat.statements:
                target = output or Path("statements.csv")
                n = export_statements(st, target, machine_only, problems)
                msg = f"wrote {target}: {n} statements"
            else:
                res = write_dna(st, output or Path("corpus.dna"), reviewer=reviewer, machine_only=machine_only)
                problems, msg = res.problems, res.summary()
            for p in problems:
                err.print(f"[yellow]warning:[/] {p}", highlight=False, soft_wrap=True)
            out.print(msg, highlight=False)
        elif fmt == ExportFormat.annotations:
            written = export_annotations(view_of(st, machine_only, problems), output or Path("annotations"))
            for p in problems:
                err.print(f"[yellow]warning:[/] {p}", highlight=False, soft_wrap=True)
            out.print(f"wrote {len(written)} annotation files to {output or 'annotations'}", highlight=False)
        else:
            suffix = {"turtle": ".ttl", "nquads": ".nq", "jsonld": ".jsonld", "trig": ".trig"}[fmt.value]
            target = output or Path("graph-export" + suffix)
            export_rdf(st, fmt.value, target)
            out.print(f"wrote {target}", highlight=False)
    except StanceGraphError as exc:
        fail(exc)


@app.command("eval")
def eval_cmd(gold: Path = typer.Argument(..., help="Folder of gold annotation JSON."),
             predicted: Optional[Path] = typer.Argument(None, help="A graph file, or a folder of annotation JSON."),
             store: Optional[Path] = typer.Option(None, "--store", help="Score an on-disk store instead."),
             as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
             errors: bool = typer.Option(False, "--errors", help="List every miss and false hit per article."),
             machine_only: bool = typer.Option(False, "--machine-only", help="Score the machine coding, "
                                               "without the reviews.")) -> None:
    """Score the graph (its reviewed view; or exported annotations) against gold annotations."""
    from .evaluate import evaluate, load_json_dir
    from .export import annotations
    from .review import view_of
    from .store import open_source

    try:
        gold_docs = load_json_dir(gold)
        if predicted is not None and predicted.is_dir():
            pred_docs = load_json_dir(predicted)
        else:
            problems: list[str] = []
            pred_docs = {d["article"]: d for d in annotations(view_of(open_source(predicted, store), machine_only,
                                                                      problems))}
            for p in problems:
                err.print(f"[yellow]warning:[/] {p}", highlight=False, soft_wrap=True)
        scores = evaluate(gold_docs, pred_docs)
    except StanceGraphError as exc:
        fail(exc)
        return
    if as_json:
        data = scores.as_dict()
        if errors:
            data["errors"] = scores.errors
        sys.stdout.write(json.dumps(data, indent=2) + "\n")
        return
    out.print(scores.table(), highlight=False)
    if errors:
        for aid, errs in scores.errors.items():
            out.print(f"\n{aid}: {len(errs)} errors", highlight=False)
            for e in errs:
                out.print(f"  {e}", highlight=False, soft_wrap=True)


def _register_optional() -> None:
    """Commands of the networks and store packages."""
    try:
        from .networks.command import network_command
        app.command("network")(network_command)
    except ImportError:
        pass
    from .review_cli import COMMANDS as REVIEW_COMMANDS

    for name, command in REVIEW_COMMANDS.items():
        app.command(name)(command)
    try:
        from .store.commands import named_query_command, push_command, remove_command, serve_command
        app.command("named-query")(named_query_command)
        app.command("serve")(serve_command)
        app.command("push")(push_command)
        app.command("remove")(remove_command)
    except ImportError:
        pass


_register_optional()


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)


if __name__ == "__main__":
    main()
