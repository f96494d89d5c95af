"""A SPARQL endpoint over a graph file or a store: the Oxigraph server from PyPI, run as a child.

``serve`` starts ``oxigraph serve-read-only`` (or ``oxigraph serve`` when writable) on the store
directory, or on a temporary store it loads a GRAPH file into, with the union of the named graphs
as the default graph, on a private loopback port behind :class:`~stancegraph.store.guard.Guard`
(no ``SERVICE`` unless allowed, no cross-site form writes, idle connections closed), waits until it
answers, and then waits for Ctrl-C (SIGINT) or SIGTERM: it stops the child, removes the temporary
directory and returns normally (exit status 0). Queries stop after ``timeout`` seconds. On Linux
the child is killed when ``serve`` dies, however it dies; temporary folders left by a ``serve``
that was killed are removed at the next start. Binding an address other machines can reach needs
``public=True``: put a reverse proxy with timeouts in front (see the README).

Endpoints (Oxigraph's): ``/query`` (SPARQL 1.1 query protocol, GET or POST); when writable also
``/update`` and ``/store`` (Graph Store Protocol). On ``/`` the guard answers with stancegraph's
query page: the project's prefixes and its query library (:mod:`stancegraph.store.query_page`).
"""

from __future__ import annotations

import ipaddress
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Callable

from ..errors import StanceGraphError
from . import load_file
from .persistent import session

DEFAULT_BIND = "127.0.0.1:7878"
DEFAULT_TIMEOUT = 60.0
TMP_PREFIX = "stancegraph-serve-"
_EXE = "oxigraph.exe" if os.name == "nt" else "oxigraph"


def find_oxigraph() -> Path:
    """The ``oxigraph`` server binary: next to the running Python first (its venv), then on PATH."""
    beside = Path(sys.executable).parent / _EXE
    if beside.is_file() and os.access(beside, os.X_OK):
        return beside
    found = shutil.which("oxigraph")
    if found:
        return Path(found)
    raise StanceGraphError(
        f"the oxigraph server is not installed (looked in {beside.parent} and on PATH); "
        "install it with 'pip install oxigraph'")


def parse_bind(bind: str) -> tuple[str, int]:
    """``host:port`` (``[v6]:port`` for IPv6) -> (host, port).

    >>> parse_bind("127.0.0.1:7878")
    ('127.0.0.1', 7878)
    >>> parse_bind("[::1]:80")
    ('::1', 80)
    """
    host, sep, port = bind.rpartition(":")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise StanceGraphError(f"invalid `bind` '{bind}': give HOST:PORT, e.g. 127.0.0.1:7878")
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    return host, int(port)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def base_url(bind: str) -> str:
    """The URL a client on this machine reaches a server bound to ``bind`` at."""
    host, port = parse_bind(bind)
    if host in ("0.0.0.0", ""):
        host = "127.0.0.1"
    elif host == "::":
        host = "::1"
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def wait_until_up(url: str, timeout: float, proc: subprocess.Popen | None = None,
                  log: Path | None = None) -> None:
    """Poll ``{url}/query`` until the server answers; a StanceGraphError after ``timeout`` s or
    when ``proc`` exits first (its last log line as the reason)."""
    deadline = time.monotonic() + timeout
    probe = url + "/query?query=ASK%7B%7D"
    while True:
        if proc is not None and proc.poll() is not None:
            raise StanceGraphError(f"the oxigraph server stopped at start (exit code {proc.returncode}): "
                                   f"{_last_line(log) or 'no message'}")
        try:
            req = urllib.request.Request(probe, headers={"Accept": "application/sparql-results+json"})
            with urllib.request.urlopen(req, timeout=1.0) as resp:
                resp.read()
                return
        except urllib.error.HTTPError:
            return  # it answers
        except (urllib.error.URLError, OSError):
            pass
        if time.monotonic() > deadline:
            raise StanceGraphError(f"the oxigraph server did not answer at {url} within {timeout:.0f} s")
        time.sleep(0.1)


def _last_line(log: Path | None) -> str:
    """Why the server stopped, from its log: its "Error: ..." line, else its last line."""
    if log is None:
        return ""
    try:
        lines = [line.strip() for line in log.read_text(encoding="utf-8", errors="replace").splitlines()]
    except OSError:
        return ""
    lines = [line for line in lines if line]
    errors = [line[len("Error:"):].strip() for line in lines if line.startswith("Error:")]
    reason = errors[0] if errors else (lines[-1] if lines else "")
    if "lock" in reason.lower():
        return ("the store is locked by another process (a build, a writable server...); "
                "stop it, or serve without `writable`")
    return reason


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


def _check_port_free(host: str, port: int, bind: str) -> None:
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_STREAM) as sock:
            sock.bind((host, port))
    except socket.gaierror:
        raise StanceGraphError(f"invalid `bind` '{bind}': unknown host '{host}'") from None
    except OSError as exc:
        raise StanceGraphError(
            f"cannot listen on {bind}: {exc.strerror or exc} (is another server using the port?)") from None


class _Stop(Exception):
    pass


def _die_with_parent() -> None:  # pragma: no cover - runs in the child between fork and exec
    """Linux: the kernel sends SIGKILL to the child when its parent dies (even by SIGKILL)."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG = 1
    except (OSError, AttributeError):
        pass


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def clean_stale_folders(tmp_root: Path | None = None) -> list[Path]:
    """Remove the temporary folders of ``serve`` processes that no longer run; returns them.

    Each folder holds ``owner.pid``; a folder whose owner is gone (killed: no chance to clean
    up) is removed. A folder without the file is left alone unless it is over a day old.
    """
    root = Path(tmp_root or tempfile.gettempdir())
    removed = []
    for d in root.glob(TMP_PREFIX + "*"):
        if not d.is_dir():
            continue
        try:
            pid = int((d / "owner.pid").read_text(encoding="ascii").strip())
            stale = pid != os.getpid() and not _pid_alive(pid)
        except (OSError, ValueError):
            try:
                stale = time.time() - d.stat().st_mtime > 86400
            except OSError:
                stale = False
        if stale:
            shutil.rmtree(d, ignore_errors=True)
            removed.append(d)
    return removed


def serve(graph: Path | None = None, store_dir: Path | None = None, bind: str = DEFAULT_BIND,
          writable: bool = False, *, allow_service: bool = False, timeout: float = DEFAULT_TIMEOUT,
          public: bool = False, ready_timeout: float = 30.0,
          announce: Callable[[str], None] | None = None) -> int:
    """Serve SPARQL over ``graph`` (a file, loaded into a temporary store) or ``store_dir``.

    Blocks until SIGINT/SIGTERM, then stops the server, removes the temporary store and returns 0.
    ``announce`` receives the one-line "serving at ..." message (default: printed to stderr).
    Raises StanceGraphError (one line) for bad input, a missing oxigraph binary, a locked store,
    a port in use, or a server that dies.
    """

    if (graph is None) == (store_dir is None):
        raise StanceGraphError("give either a `graph` file or `store_dir`, not both or neither")
    host, port = parse_bind(bind)
    loopback = _is_loopback(host)
    if not loopback and not public:
        raise StanceGraphError(
            f"`bind` {bind} is reachable from other machines: give `public` to mean it, and put a reverse "
            "proxy with timeouts in front (see the README, 'Serving beyond this machine')")
    if not timeout or timeout <= 0:
        raise StanceGraphError(f"`timeout` must be a positive number of seconds, got {timeout}")
    exe = find_oxigraph()
    say = announce or (lambda line: print(line, file=sys.stderr, flush=True))
    clean_stale_folders()

    main_thread = threading.current_thread() is threading.main_thread()
    old_handlers: dict[int, object] = {}

    def on_term(signum, frame):  # noqa: ARG001
        raise _Stop()

    if main_thread:
        # SIGINT may have been inherited as ignored (a background job): make Ctrl-C work regardless
        old_handlers[signal.SIGINT] = signal.signal(signal.SIGINT, signal.default_int_handler)
        old_handlers[signal.SIGTERM] = signal.signal(signal.SIGTERM, on_term)

    tmp = Path(tempfile.mkdtemp(prefix=TMP_PREFIX))
    (tmp / "owner.pid").write_text(str(os.getpid()), encoding="ascii")
    proc: subprocess.Popen | None = None
    guard = None
    try:
        if graph is not None:
            location = tmp / "store"
            with session(location) as st:  # closed (lock released) before the server opens it
                load_file(graph, st)
        else:
            location = Path(store_dir)  # type: ignore[arg-type]
            if location.is_file():
                raise StanceGraphError("not a store directory (it is a file; give it as the `graph` file, without `store_dir`)",
                                       path=location)
            if not location.is_dir():
                raise StanceGraphError("no such store directory", path=location)
            if not (location / "CURRENT").is_file():
                raise StanceGraphError("not an Oxigraph store (no database in this directory)", path=location)
        _check_port_free(host, port, bind)
        from .guard import Guard, free_loopback_port

        log = tmp / "oxigraph.log"
        private = f"127.0.0.1:{free_loopback_port()}"
        cmd = [str(exe), "serve" if writable else "serve-read-only", "--location", str(location),
               "--bind", private, "--union-default-graph", "--timeout-s", str(max(1, round(timeout)))]
        with open(log, "wb") as log_handle:
            env = {**os.environ, "RUST_BACKTRACE": "0", "RUST_LIB_BACKTRACE": "0"}
            proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=log_handle, stderr=log_handle, env=env,
                                    preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None)
        wait_until_up(base_url(private), ready_timeout, proc, log)
        if proc.poll() is not None:  # something else answered on the port
            raise StanceGraphError(f"the oxigraph server stopped at start (exit code {proc.returncode}): "
                                   f"{_last_line(log) or 'no message'}")
        try:
            from .query_page import query_page_html

            guard = Guard(host, port, parse_bind(private), allow_service=allow_service, loopback=loopback,
                          timeout=timeout, page=query_page_html("/query").encode("utf-8"))
        except OSError as exc:
            raise StanceGraphError(f"cannot listen on {bind}: {exc.strerror or exc}") from None
        guard.start()
        url = base_url(bind)
        parts = [f"SPARQL endpoint {url}/query ({'read-write' if writable else 'read-only'})",
                 f"web query page {url}/ (stancegraph's prefixes and query library)"]
        if writable:
            parts.append(f"updates {url}/update, graph store {url}/store")
            if graph is not None:
                parts.append("changes go to a temporary copy of the file and are lost on exit")
        parts.append(f"queries stop after {timeout:g} s")
        if allow_service:
            parts.append("SERVICE allowed: clients can make this server send HTTP requests")
        if not loopback:
            parts.append("WARNING: reachable from other machines; keep a reverse proxy with timeouts in front")
        say("; ".join(parts) + ". Ctrl-C stops it")
        code = proc.wait()
        if code in (-signal.SIGINT, -signal.SIGTERM, 128 + signal.SIGINT):
            # Ctrl-C in a terminal reaches the server too; it may exit before we see our SIGINT
            say("the SPARQL endpoint stopped")
            return 0
        raise StanceGraphError(f"the oxigraph server stopped (exit code {code}): {_last_line(log) or 'no message'}")
    except (KeyboardInterrupt, _Stop):
        say("stopping the SPARQL endpoint")
        return 0
    finally:
        if guard is not None:
            guard.stop()
        if proc is not None:
            _stop(proc)
        shutil.rmtree(tmp, ignore_errors=True)
        for signum, handler in old_handlers.items():
            signal.signal(signum, handler)  # type: ignore[arg-type]
