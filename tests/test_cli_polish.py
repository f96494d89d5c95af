"""The command line as people expect it: choices, human help, warnings, stage messages, no hard wrap,
sliding windows."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import networkx as nx

from consumers import graphology, schema, xmllint
from stancegraph.networks import run_network
from stancegraph.networks.options import make_windows

ROOT = Path(__file__).resolve().parents[1]
EXE = str(Path(sys.executable).parent / "stancegraph")
FIXTURE = Path(__file__).parent / "networks" / "fixture.ttl"
ACT = "https://w3id.org/stancegraph/id/actor/"


def run(*args, env=None):
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")} | (env or {})
    return subprocess.run([EXE, *map(str, args)], capture_output=True, text=True, env=env)


def test_network_help_is_written_for_people():
    r = run("network", "--help", env={"COLUMNS": "250"})
    assert r.returncode == 0
    text = r.stdout
    assert ">>>" not in text and "CliRunner" not in text          # no doctest as help
    assert "<bool>" not in text                                   # flags take no value
    for choices in ("affiliation|agreement|disagreement|subtract|signed", "person|organisation",
                    "none|average|jaccard|cosine", "article|utterance|all", "graphml|gexf|matrix|csv|json"):
        assert f"<{choices}>" in text, choices
    assert "--window 1M --step 1W" in text and "DATE" in text


def test_a_closed_choice_refuses_a_typo_with_the_choices():
    r = run("network", FIXTURE, "--kind", "agreemnt", "-o", "/nonexistent/x.gexf")
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert r.stderr.strip() == (f"error: {FIXTURE}:--kind: unknown value 'agreemnt' "
                                "(use one of affiliation, agreement, disagreement, subtract, signed)")


def test_windows_warn_about_the_positions_of_undated_articles(tmp_path):
    r = run("network", FIXTURE, "--window", "1Y", "-o", tmp_path / "n.gexf")
    assert r.returncode == 0, r.stderr
    # article a4 of the fixture has no publication date
    line = [x for x in r.stderr.splitlines() if x.startswith("warning:")]
    assert len(line) == 1 and "from 1 undated article left out: --window needs a publication date" in line[0]
    n = int(line[0].split("warning: ")[1].split(" ")[0])
    assert n > 0
    quiet = run("network", FIXTURE, "-o", tmp_path / "all.gexf")           # no window: nothing left out
    assert quiet.returncode == 0 and "warning" not in quiet.stderr


def test_sliding_windows():
    from datetime import date

    wins = make_windows([date(2022, 3, 29), date(2022, 5, 2)], "1M", step="1W")
    assert [w.start.isoformat() for w in wins][:3] == ["2022-03-28", "2022-04-04", "2022-04-11"]
    assert all(w.end.isoformat()[5:7] != w.start.isoformat()[5:7] for w in wins)   # each a month long
    assert wins[0].end == date(2022, 4, 28) and wins[-1].start <= date(2022, 5, 2) < wins[-1].end
    # overlap: 2022-04-12 lies in several windows
    assert sum(w.contains(date(2022, 4, 12)) for w in wins) == 3


def test_sliding_windows_in_dynamic_gexf_and_per_window_files(tmp_path):
    run1 = run_network(FIXTURE, None, kind="agreement", out=tmp_path / "s.gexf", window="7D", step="1D",
                       until="2022-04-05")
    [path] = run1.files
    ok, messages = xmllint(path, schema("gexf"))
    assert ok, messages[-1500:]
    read = graphology("gexf", path)
    assert read["order"] > 0
    H = nx.read_gexf(path)
    # windows of 7 days start every day from 29 March (a1); Peskov speaks on 29 (a1) and 30 March (a2),
    # so he is in the windows starting 29 and 30 March: ONE merged spell 29 March - 5 April, and each
    # window's value holds one day (the step), so no two values overlap
    assert H.nodes[ACT + "dmitry-peskov"]["spells"] == [("2022-03-29", "2022-04-05")]
    values = H.nodes[ACT + "dmitry-peskov"]["positions"]
    starts = [s for _, s, _ in values]
    assert starts == sorted(starts) and all(s == e for _, s, e in values)
    files = run_network(FIXTURE, None, kind="agreement", out=tmp_path / "w.json", window="1M", step="2W",
                        until="2022-04-30").files
    assert len(files) == len(make_windows([], "1M", since=__import__("datetime").date(2022, 3, 29),
                                          until=__import__("datetime").date(2022, 4, 30), step="2W"))


def test_step_needs_a_window(tmp_path):
    r = run("network", FIXTURE, "--step", "1W", "-o", tmp_path / "x.gexf")
    assert r.returncode == 1 and "--step slides a --window" in r.stderr


def test_build_shows_its_stages_and_does_not_wrap_when_piped(tmp_path):
    arts = tmp_path / "arts"
    arts.mkdir()
    src = sorted((ROOT / "data" / "articles").glob("*.txt"))[0]
    (arts / src.name).write_bytes(src.read_bytes())
    out = tmp_path / "g.ttl"
    r = run("build", arts, "-o", out, "--jobs", "1")
    assert r.returncode == 0, r.stderr
    for stage in ("validating static graphs (SHACL)…", f"writing {out}…"):
        assert stage in r.stderr
    built = [x for x in r.stdout.splitlines() if x.startswith("built ")]
    assert len(built) == 1 and len(built[0]) > 80 and built[0].endswith(" s")     # one line, not wrapped at 80
    assert any(x.startswith("shapes: conforms to the shapes (SHACL: no results); advice: ")
               for x in r.stdout.splitlines())
    # the same input twice: the same bytes
    again = run("build", arts, "-o", tmp_path / "h.ttl", "--jobs", "1")
    assert again.returncode == 0 and (tmp_path / "h.ttl").read_bytes() == out.read_bytes()
