"""The Typer app every command module registers on, its consoles, and the ONE error decorator."""

from __future__ import annotations

import gc
from functools import wraps
from typing import Callable, Mapping, TypeVar

import typer
import typer.core
from rich.console import Console
from rich.markup import escape

from ..errors import StanceGraphError

def _flag_type(display_type_rich):
    """Typer's rich help shows a ``<bool>`` type beside every flag (``--summary <bool>``), which
    reads as if the flag took a value; flags show no type (the help of options that do is kept)."""
    def display(self, ctx):
        return None if getattr(self, "is_flag", False) else display_type_rich(self, ctx)
    return display


if hasattr(typer.core, "TyperOption") and hasattr(typer.core.TyperOption, "display_type_rich"):
    typer.core.TyperOption.display_type_rich = _flag_type(typer.core.TyperOption.display_type_rich)

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="News articles to a knowledge graph of actors, statements, positions and claims.")
# soft_wrap: no hard line breaks at 80 columns when the output is piped or redirected
err = Console(stderr=True, soft_wrap=True)
out = Console(markup=False, soft_wrap=True)  # output names user paths: "[draft]" is text, never Rich markup

F = TypeVar("F", bound=Callable)

#: True when this process is the ``stancegraph`` program (:func:`stancegraph.cli.main`), which ends
#: with its one command; False when a caller runs :data:`app` (a test's CliRunner, a notebook).
STANDALONE = False

COMMON_FLAGS = {"graph": "GRAPH", "store_dir": "--store DIR", "bind": "--bind", "writable": "--writable",
                "graph_iri": "--graph-iri", "allow_service": "--allow-service", "public": "--public",
                "timeout": "--timeout"}
"""Argument names of the library functions every command passes on, as the command line spells them."""


def print_error(exc: StanceGraphError) -> None:
    """``error: <one line>`` on stderr, then the error's detail lines indented."""
    err.print("[bold red]error:[/] " + escape(exc.oneline()), highlight=False, markup=True, soft_wrap=True)
    for line in exc.details:
        err.print(f"  {line}", highlight=False, markup=False, soft_wrap=True)


def as_flags(exc: StanceGraphError, flags: Mapping[str, str]) -> StanceGraphError:
    """The error with option field names (its place, and `field` in the message) written as flags.

    Library code names the fields of its options (``kind``, ``min_weight``); the
    command line user typed flags (``--kind``, ``--min-weight``).

    >>> e = as_flags(StanceGraphError("`claims_only` needs `claims`", path="g.ttl", place="claims_only"),
    ...              {"claims_only": "--claims-only", "claims": "--claims"})
    >>> e.oneline()
    'g.ttl:--claims-only: --claims-only needs --claims'
    """
    message = exc.message
    for field, flag in sorted(flags.items(), key=lambda kv: -len(kv[0])):
        message = message.replace(f"`{field}`", flag)
    place = flags.get(exc.place, exc.place) if exc.place else exc.place
    return StanceGraphError(message, path=exc.path, place=place, details=exc.details)


def one_line_errors(func: F | None = None, *, flags: Mapping[str, str] | None = None) -> F:
    """Turn a :class:`StanceGraphError` raised by a command into one line on stderr and exit status 1.

    ``flags`` maps option field names to the command's flags (see :func:`as_flags`), on top of
    :data:`COMMON_FLAGS`. Every command has it: it also turns Python's garbage collector back on,
    which :func:`stancegraph.cli.main` pauses while the arguments are parsed.
    """
    def decorate(f: F) -> F:
        @wraps(f)
        def wrapper(*args, **kwargs):
            if STANDALONE:  # main() paused the collector for the arguments and the help
                gc.enable()
            try:
                return f(*args, **kwargs)
            except StanceGraphError as exc:
                print_error(as_flags(exc, {**COMMON_FLAGS, **(flags or {})}))
                raise typer.Exit(getattr(exc, "exit_code", 1)) from None
        wrapper.resumes_gc = True  # type: ignore[attr-defined]  # (tests/test_startup.py checks every command)
        return wrapper  # type: ignore[return-value]

    return decorate(func) if func is not None else decorate  # type: ignore[return-value]
