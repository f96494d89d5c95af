"""The ``stancegraph`` program (and ``python -m stancegraph``): :func:`stancegraph.cli.main`.

Python's garbage collector is paused from the start: loading the command line's modules and
parsing the arguments make no garbage worth a collection (each one walks every object loaded
so far); every command turns it back on as it starts (:func:`stancegraph.cli._app.one_line_errors`).
"""

from __future__ import annotations

import gc


def main() -> None:
    gc.disable()
    from .cli import main as cli_main

    cli_main()


if __name__ == "__main__":
    main()
