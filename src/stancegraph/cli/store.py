"""``stancegraph serve``, ``push`` and ``remove``: the store commands (:mod:`stancegraph.store`)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import StanceGraphError
from ._app import app, one_line_errors

GraphArg = Annotated[Optional[Path], typer.Argument(
    help="Graph file (Turtle, TriG, N-Quads, N-Triples, JSON-LD); or give --store.", metavar="GRAPH",
    show_default=False)]
StoreOpt = Annotated[Optional[Path], typer.Option(
    "--store", help="On-disk store directory (from `stancegraph build --store`).", show_default=False)]


@app.command("serve")
@one_line_errors(flags={"allow_service": "--allow-service", "public": "--public", "timeout": "--timeout"})
def serve_command(
    graph: GraphArg = None,
    store: StoreOpt = None,
    bind: Annotated[str, typer.Option("--bind", help="HOST:PORT to listen on (127.0.0.1: this machine only).")]
    = "127.0.0.1:7878",
    writable: Annotated[bool, typer.Option("--writable", help="Accept SPARQL updates and Graph Store writes.")]
    = False,
    allow_service: Annotated[bool, typer.Option(
        "--allow-service", help="Allow federated SERVICE queries (the server then sends HTTP requests).")] = False,
    timeout: Annotated[float, typer.Option("--timeout", help="Stop a query after this many seconds.")] = 60.0,
    public: Annotated[bool, typer.Option(
        "--public", help="Allow a --bind address other machines can reach (put a reverse proxy in front).")] = False,
) -> None:
    """Serve a SPARQL endpoint (/query) and its web query page over a graph file or a store.

    Read-only unless --writable; no SERVICE unless --allow-service. Ctrl-C stops it.
    """
    from ..store.server import serve

    serve(graph, store, bind=bind, writable=writable, allow_service=allow_service, timeout=timeout, public=public)


@app.command("push")
@one_line_errors(flags={"timeout": "--timeout", "retries": "--retries"})
def push_command(
    graph: GraphArg = None,
    store: StoreOpt = None,
    endpoint: Annotated[str, typer.Option(
        "--endpoint", "-e", help="Graph Store Protocol URL, e.g. http://127.0.0.1:7878/store (Oxigraph), "
        "http://HOST:3030/DATASET/data (Fuseki).", show_default=False)] = "",
    graph_iri: Annotated[Optional[str], typer.Option(
        "--graph-iri", help="Named graph for the file's default graph (default: the endpoint's default graph).",
        show_default=False)] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    timeout: Annotated[float, typer.Option("--timeout", help="Seconds to wait for each PUT.")] = 120.0,
    retries: Annotated[int, typer.Option("--retries", help="Tries again after a server error or a timeout.")] = 3,
) -> None:
    """Load a graph file or a store into a remote SPARQL store, one HTTP PUT per named graph
    (static graphs first; server errors retried with backoff)."""
    from ..store.remote import push

    if not endpoint:
        raise StanceGraphError("give the Graph Store Protocol URL with --endpoint")
    if timeout <= 0 or retries < 0:
        raise StanceGraphError("`timeout` must be positive and `retries` 0 or more")
    report = push(graph, store, endpoint, progress=not quiet, graph_iri=graph_iri, timeout=timeout,
                  retries=retries)
    print(f"pushed {report['triples']} triples in {len(report['graphs'])} graph(s) to {report['endpoint']}",
          file=sys.stderr)


@app.command("remove")
@one_line_errors
def remove_command(
    article_id: Annotated[str, typer.Argument(help="Id of the article to remove.", metavar="ARTICLE_ID",
                                                  show_default=False)],
    store: Annotated[Path, typer.Option("--store", help="On-disk store directory.", show_default=False)],
) -> None:
    """Remove one article's named graph from a store."""
    from ..store.persistent import open_store, remove_article

    st = open_store(store, create=False)
    if not remove_article(st, article_id):
        raise StanceGraphError(f"no article '{article_id}' in the store", path=store)
    print(f"removed article '{article_id}'", file=sys.stderr)
