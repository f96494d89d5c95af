"""The command line as a user meets it: exit codes, one-line errors, outputs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXE = str(Path(sys.executable).parent / "stancegraph")


def run(*args, cwd=None):
    return subprocess.run([EXE, *map(str, args)], capture_output=True, text=True, cwd=cwd or ROOT,
                          env={**os.environ, "COLUMNS": "200"})


def test_validate_conforming_and_broken_graphs(built, tmp_path):
    _, path = built
    ok = run("validate", path)
    assert ok.returncode == 0 and "conforms" in ok.stdout
    broken = tmp_path / "broken.ttl"
    text = path.read_text(encoding="utf-8").replace("prov:wasAttributedTo", "prov:wasInfluencedBy")
    broken.write_text(text, encoding="utf-8")
    bad = run("validate", broken)
    assert bad.returncode == 1
    assert "does not conform" in bad.stdout and "exactly one speaker" in bad.stdout
    assert "Traceback" not in bad.stdout + bad.stderr


def test_query_select_ask_construct_in_three_formats(built):
    _, path = built
    q = ("PREFIX sg: <https://w3id.org/stancegraph/ontology#> "
         "SELECT (COUNT(?s) AS ?n) WHERE { ?s a sg:Statement }")
    as_json = run("query", path, q, "--format", "json")
    assert as_json.returncode == 0
    assert json.loads(as_json.stdout)[0]["n"] >= 30
    as_csv = run("query", path, q, "--format", "csv")
    assert as_csv.stdout.splitlines()[0] == "n"
    ask = run("query", path, "ASK { ?s ?p ?o }")
    assert "True" in ask.stdout
    construct = run("query", path, "CONSTRUCT { ?s a <urn:x> } WHERE { ?s a "
                    "<https://w3id.org/stancegraph/ontology#Article> }")
    assert construct.stdout.count("urn:x") == 5


def test_query_errors_are_one_line(built, tmp_path):
    _, path = built
    r = run("query", path, "SELEKT nonsense")
    assert r.returncode == 1 and "SPARQL syntax error" in r.stderr and "Traceback" not in r.stderr
    r = run("query", tmp_path / "missing.ttl", "ASK {}")
    assert r.returncode == 1 and "missing.ttl" in r.stderr and "no such graph file" in r.stderr


def test_export_annotations_and_eval(built, tmp_path):
    _, path = built
    out = tmp_path / "ann"
    r = run("export", path, "--format", "annotations", "-o", out)
    assert r.returncode == 0, r.stderr
    files = sorted(out.glob("*.json"))
    assert len(files) == 5
    doc = json.loads(files[0].read_text(encoding="utf-8"))
    assert set(doc) >= {"article", "published", "actors", "quotes", "statements", "claims"}
    assert doc["published"] == "2022-04-07"
    assert all({"speaker", "issue", "stance", "evidence"} <= set(s) for s in doc["statements"])
    ev = run("eval", ROOT / "data" / "gold", path, "--json")
    scores = json.loads(ev.stdout)
    assert scores["articles"] == 5 and scores["quotes"]["f1"] > 0.8
    ev_dir = run("eval", ROOT / "data" / "gold", out, "--json")
    assert json.loads(ev_dir.stdout)["statements"] == scores["statements"]
    errs = run("eval", ROOT / "data" / "gold", path, "--errors")
    assert "000_51f969d92cf07be1:" in errs.stdout


def test_export_rdf_formats(built, tmp_path):
    from rdflib import Dataset, Graph
    from rdflib.compare import isomorphic

    _, path = built
    for fmt, suffix in (("nquads", ".nq"), ("jsonld", ".jsonld"), ("turtle", ".ttl")):
        target = tmp_path / f"g{suffix}"
        assert run("export", path, "--format", fmt, "-o", target).returncode == 0
        g = Graph()
        if fmt == "nquads":
            ds = Dataset()
            ds.parse(target, format="nquads")
            for s, p, o, _ in ds.quads((None, None, None, None)):
                g.add((s, p, o))
        else:
            g.parse(target)
        assert isomorphic(g, Graph().parse(path)), fmt


def test_build_reports_bad_article_and_bad_codebook(corpus_copy, tmp_path):
    (corpus_copy / "bad.txt").write_bytes(b"ok\n\xff")
    out = tmp_path / "g.ttl"
    r = run("build", corpus_copy, "-o", out)
    assert r.returncode == 0, r.stderr
    assert "bad.txt:line 2: not UTF-8" in r.stderr
    assert "5 articles" in r.stdout and out.is_file()
    bad_cb = tmp_path / "cb.ttl"
    bad_cb.write_text("@prefix sg: <https://w3id.org/stancegraph/ontology#> .\nsg:x sg:y \n", encoding="utf-8")
    r = run("build", corpus_copy, "-o", tmp_path / "h.ttl", "--codebook", bad_cb)
    assert r.returncode == 1
    assert "cb.ttl" in r.stderr and "not valid Turtle" in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "h.ttl").exists()


def test_missing_input_is_one_line(tmp_path):
    r = run("build", tmp_path / "nothing", "-o", tmp_path / "g.ttl")
    assert r.returncode == 1 and "nothing" in r.stderr and "Traceback" not in r.stderr
