"""The ``stancegraph`` command: one module per command, each a thin wrapper over a typed function.

Every command turns :class:`~stancegraph.errors.StanceGraphError` into one line
on stderr and exit code 1 (no traceback), through the one decorator
:func:`~stancegraph.cli._app.one_line_errors`.

>>> import typer
>>> sorted(name for name, c in typer.main.get_command(app).commands.items() if not c.hidden)
['agreement', 'build', 'eval', 'export', 'import-annotations', 'import-dna', 'network', 'push', 'query', 'remove', 'report', 'serve', 'train', 'validate']
"""

from __future__ import annotations

import sys

from ._app import app, err, one_line_errors, out

# Each module registers its command(s) on ``app``; this order is the order of ``--help``.
from . import build, validate, query, export, evaluate, network, report, review, store, train  # noqa: E402,F401  isort:skip

__all__ = ["app", "err", "main", "one_line_errors", "out"]


def main() -> None:
    import gc

    from . import _app

    _app.STANDALONE = True
    # Parsing the arguments and writing --help make no garbage worth a collection (8 % of the
    # help's CPU time); each command turns the collector back on as it starts (one_line_errors).
    gc.disable()
    try:
        app()
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)


if __name__ == "__main__":
    main()
