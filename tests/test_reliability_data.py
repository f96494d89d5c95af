"""Issue 10, item 10: Turtle errors on the right line without byte reprs; an alias of two actors
is reported; an empty gazetteer or territory list warns."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from stancegraph.errors import StanceGraphError
from stancegraph.knowledge import load_gazetteer, load_resources, parse_turtle

ROOT = Path(__file__).resolve().parents[1]
EXE = str(Path(sys.executable).parent / "stancegraph")
ONE = ROOT / "data" / "articles" / "000_51f969d92cf07be1.txt"
HEAD = """@prefix sg: <https://w3id.org/stancegraph/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix act: <https://w3id.org/stancegraph/id/actor/> .
"""


def run(*args):
    return subprocess.run([EXE, *map(str, args)], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "COLUMNS": "200"})


@pytest.mark.parametrize("body, line", [
    ('act:a a sg:Person ;\n    skos:prefLabel "Anna Café\n', 5),                # unterminated string, line 5
    ('act:a a sg:Person ;\n    skos:prefLabel "A" ;\n    skos:altLabel .\n', 6),  # missing object, line 6
])
def test_turtle_errors_name_the_right_line_without_byte_reprs(tmp_path, body, line):
    f = tmp_path / "actors.ttl"
    f.write_text(HEAD + body, encoding="utf-8")
    with pytest.raises(StanceGraphError) as info:
        parse_turtle(f)
    text = info.value.oneline()
    assert text.startswith(f"{f}:line {line}, column ")
    assert "b'" not in text and "\\n" not in text and "\\x" not in text


def test_validate_reports_the_right_line(tmp_path):
    f = tmp_path / "g.ttl"
    f.write_text("<urn:a> <urn:b> <urn:c> .\n<urn:a> <urn:b> .\n", encoding="utf-8")
    r = run("validate", f)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert str(f) in r.stderr and "line 2" in r.stderr and "line 1" not in r.stderr and "b'" not in r.stderr


def test_an_alias_given_to_two_actors_is_reported(tmp_path):
    f = tmp_path / "actors.ttl"
    f.write_text(HEAD + 'act:a a sg:Person ; skos:prefLabel "Ann Example"@en ; skos:altLabel "The Chair"@en .\n'
                 'act:b a sg:Person ; skos:prefLabel "Bo Sample"@en ; skos:altLabel "the chair"@en .\n',
                 encoding="utf-8")
    with pytest.raises(StanceGraphError) as info:
        load_gazetteer(f)
    assert "'the chair'" in info.value.oneline() and "actor/a>" in info.value.oneline() \
        and "actor/b>" in info.value.oneline()


def test_empty_gazetteer_and_territory_list_warn(tmp_path):
    (tmp_path / "actors.ttl").write_text(HEAD, encoding="utf-8")
    (tmp_path / "territories.ttl").write_text(HEAD, encoding="utf-8")
    res = load_resources(gazetteer=tmp_path / "actors.ttl", territories=tmp_path / "territories.ttl")
    assert any("gazetteer has no actors" in w for w in res.warnings)
    assert any("territory list has no sg:Territory" in w for w in res.warnings)
    assert not load_resources().warnings
    r = run("build", ONE, "-o", tmp_path / "g.ttl", "--gazetteer", tmp_path / "actors.ttl")
    assert r.returncode == 0, r.stderr
    assert f"warning: {tmp_path / 'actors.ttl'}: the gazetteer has no actors" in r.stderr
