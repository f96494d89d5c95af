"""The real programs users load stancegraph's files into, for tests: xmllint, graphology, Chromium.

Each helper skips the calling test with a message saying what is missing (``.ci/run`` installs
all of them in CI). The schemas are read from ``../shared/schemas`` beside the checkout.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = ROOT.parent / "shared" / "schemas"
JS = Path(__file__).resolve().parent / "js"


def schema(name: str) -> Path:
    """``graphml`` or ``gexf``: the XSD file under ../shared/schemas (skips when absent)."""
    path = SCHEMAS / ("graphml/graphml.xsd" if name == "graphml" else "gexf13/gexf.xsd")
    if not path.is_file():
        pytest.skip(f"no {path} (the shared schemas sit beside the checkout in CI)")
    return path


def xmllint(path: Path, xsd: Path) -> tuple[bool, str]:
    """Validate ``path`` against ``xsd`` with xmllint; (valid, messages)."""
    exe = shutil.which("xmllint")
    if exe is None:
        pytest.skip("xmllint is not installed (Debian package libxml2-utils; .ci/run installs it)")
    p = subprocess.run([exe, "--noout", "--schema", str(xsd), str(path)], capture_output=True, text=True,
                       cwd=xsd.parent, timeout=120)
    return p.returncode == 0, p.stderr


def graphology(fmt: str, path: Path) -> dict:
    """Parse a ``gexf`` or ``graphml`` file with graphology's parser under node; what it read."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        pytest.skip("node/npm are not installed (Debian packages nodejs and npm; .ci/run installs them)")
    if not (JS / "node_modules" / "graphology-gexf").is_dir():
        p = subprocess.run([npm, "install", "--no-audit", "--no-fund", "--silent"], cwd=JS,
                           capture_output=True, text=True, timeout=300)
        if p.returncode != 0:
            pytest.skip(f"npm install of graphology failed: {p.stderr.strip()[-300:]}")
    p = subprocess.run([node, str(JS / "load_network.js"), fmt, str(path)], capture_output=True, text=True,
                       timeout=120)
    assert p.returncode == 0, f"graphology-{fmt} refused {path.name}: {p.stderr.strip()[-500:]}"
    return json.loads(p.stdout)


# ------------------------------------------------------------------ Chromium

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
                  "--disable-default-apps", "--disable-extensions", "--mute-audio"]


def chromium_exe() -> str:
    """Debian's ``chromium`` (or ``chromium-browser``/``google-chrome``); skips when there is none."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        exe = shutil.which(name)
        if exe:
            return exe
    pytest.skip("no Chromium here (Debian package chromium; .ci/run installs it in CI)")


class RequestTrap:
    """A local HTTP proxy that answers nothing and records every request the browser sends it.

    Chromium runs with ``--proxy-server`` pointing here and no proxy bypass (not even for
    loopback), so any network request a page makes lands in ``requests``.
    """

    def __init__(self) -> None:
        import socket
        import threading

        self.requests: list[str] = []
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                conn.settimeout(2)
                try:
                    first = conn.recv(4096).split(b"\r\n", 1)[0].decode("latin-1")
                except OSError:
                    first = "(no request line)"
                self.requests.append(first)
                try:
                    conn.sendall(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                except OSError:
                    pass

    def close(self) -> None:
        self.sock.close()


CHROMIUM_QUIET = ["--disable-client-side-phishing-detection", "--disable-domain-reliability",
                  "--no-default-browser-check", "--disable-breakpad", "--metrics-recording-only",
                  "--disable-features=NetworkTimeServiceQuerying,OptimizationHints,MediaRouter,Translate,"
                  "AutofillServerCommunication,CertificateTransparencyComponentUpdater"]


class Page:
    """A page opened in headless Chromium, driven over the DevTools protocol (``--remote-debugging-pipe``).

    Every request the page's frame makes is recorded from ``Network.requestWillBeSent``
    (``requests``: the URLs other than the page's own ``file:`` and ``data:`` URLs); the browser
    runs behind :class:`RequestTrap`, so nothing leaves the machine either way (``trap.requests``
    also holds the browser's own background traffic, which the flags mostly silence).
    ``loopback``: let requests to this machine through (a page served by a local server).
    """

    def __init__(self, url: str, workdir: Path, width: int = 1200, height: int = 900, settle: float = 1.0,
                 loopback: bool = False) -> None:
        import os
        import time

        exe = chromium_exe()
        self.trap = RequestTrap()
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()

        def fds() -> None:  # the child reads commands on fd 3 and writes answers on fd 4
            os.dup2(to_chrome_r, 3)
            os.dup2(from_chrome_w, 4)

        profile = workdir / f"profile-{len(list(workdir.glob('profile-*')))}"
        self.proc = subprocess.Popen(
            [exe, *CHROMIUM_FLAGS, *CHROMIUM_QUIET, f"--user-data-dir={profile}", "--remote-debugging-pipe",
             f"--window-size={width},{height}", f"--proxy-server=http://127.0.0.1:{self.trap.port}",
             "--proxy-bypass-list=" + ("127.0.0.1;localhost" if loopback else "<-loopback>"), "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=fds, close_fds=False)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._buf = b""
        self._id = 0
        self.events: list[dict] = []
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self.call("Emulation.setDeviceMetricsOverride", session=True, width=width, height=height,
                  deviceScaleFactor=1, mobile=False)
        self.call("Network.enable", session=True)
        self.call("Page.enable", session=True)
        self.call("Page.navigate", session=True, url=url)
        self.wait_event("Page.loadEventFired")
        deadline = time.monotonic() + settle
        while time.monotonic() < deadline:
            self._read(timeout=max(0.0, deadline - time.monotonic()))

    @property
    def requests(self) -> list[str]:
        return [e["params"]["request"]["url"] for e in self.events if e.get("method") == "Network.requestWillBeSent"
                and not e["params"]["request"]["url"].startswith(("file:", "data:", "about:"))]

    def _read(self, timeout: float = 30.0) -> dict | None:
        import os
        import select

        while b"\0" not in self._buf:
            ready, _, _ = select.select([self._from_chrome], [], [], timeout)
            if not ready:
                return None
            chunk = os.read(self._from_chrome, 1 << 20)
            if not chunk:
                raise AssertionError("chromium closed the DevTools pipe")
            self._buf += chunk
        raw, self._buf = self._buf.split(b"\0", 1)
        msg = json.loads(raw)
        if "method" in msg:
            self.events.append(msg)
        return msg

    def call(self, method: str, session: bool = False, **params) -> dict:
        import os

        self._id += 1
        msg = {"id": self._id, "method": method, "params": params}
        if session:
            msg["sessionId"] = self.session
        os.write(self._to_chrome, json.dumps(msg).encode() + b"\0")
        while True:
            got = self._read()
            assert got is not None, f"no answer from chromium to {method}"
            if got.get("id") == self._id:
                assert "error" not in got, f"{method}: {got['error']}"
                return got.get("result", {})

    def wait_event(self, method: str, timeout: float = 60.0) -> dict:
        import time

        end = time.monotonic() + timeout
        seen = len(self.events)
        while time.monotonic() < end:
            for e in self.events[seen:]:
                if e.get("method") == method:
                    return e
            seen = len(self.events)
            self._read(timeout=max(0.0, end - time.monotonic()))
        raise AssertionError(f"chromium: no {method} within {timeout:.0f} s")

    def evaluate(self, expression: str):
        """The value of a JavaScript expression in the page (JSON-serialisable values)."""
        r = self.call("Runtime.evaluate", session=True, expression=expression, returnByValue=True)
        return r["result"].get("value")

    def screenshot(self) -> bytes:
        import base64

        return base64.b64decode(self.call("Page.captureScreenshot", session=True, format="png")["data"])

    def close(self) -> None:
        import os

        try:
            self.call("Browser.close")
        except (AssertionError, OSError):
            pass
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        for fd in (self._to_chrome, self._from_chrome):
            try:
                os.close(fd)
            except OSError:
                pass
        self.trap.close()


def png_pixels(data: bytes) -> tuple[int, int, list[tuple[int, int, int]]]:
    """(width, height, RGB pixels) of an 8-bit RGB or RGBA PNG (what Chromium's screenshots are)."""
    import struct
    import zlib

    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, ctype = struct.unpack(">IIBB", chunk[:10])
            assert depth == 8 and ctype in (2, 6), (depth, ctype)
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows: list[bytearray] = []
    prev = bytearray(stride)
    for y in range(height):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    pixels = [(r[i], r[i + 1], r[i + 2]) for r in rows for i in range(0, stride, bpp)]
    return width, height, pixels
