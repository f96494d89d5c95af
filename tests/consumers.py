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
