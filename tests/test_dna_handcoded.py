"""A DNA file coded by hand (built here from shared/spec/dna-format.md, not by stancegraph) becomes
articles and gold annotation files, and a build of those articles is evaluated against them."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from typer.testing import CliRunner

from stancegraph.cli import app

# Texts written for this test. Speakers are invented; the issues are keys and labels of the
# bundled codebook (a coder may type either).
DOCS = [
    ("Harbour talks resume",
     "Foreign Minister Elena Marchetti said on Monday that sanctions on Russia must stay in place until "
     "every soldier has left. \"We will not lift a single measure,\" Marchetti told reporters.\n"),
    ("A guarded welcome",
     "Defence analyst Tomas Brandt said the peace talks were making real progress. Brandt added that the "
     "sanctions on Russia should be eased step by step.\n"),
]
# (document index, quoted piece of its text, person, organization, concept, agreement)
CODED = [
    (0, "sanctions on Russia must stay in place", "Elena Marchetti", "Foreign Ministry", "Sanctions on Russia", 1),
    (0, "We will not lift a single measure", "Elena Marchetti", "Foreign Ministry", "sanctions-on-russia", 1),
    (1, "the peace talks were making real progress", "Tomas Brandt", "", "talks-progress", 1),
    (1, "sanctions on Russia should be eased", "Tomas Brandt", "", "Sanctions on Russia", 0),
]

DDL = """
CREATE TABLE SETTINGS(Property TEXT PRIMARY KEY, Value TEXT NOT NULL);
CREATE TABLE CODERS(ID INTEGER NOT NULL PRIMARY KEY, Name TEXT NOT NULL, Red INTEGER NOT NULL DEFAULT 0,
  Green INTEGER NOT NULL DEFAULT 0, Blue INTEGER NOT NULL DEFAULT 0, Password TEXT NOT NULL DEFAULT '');
CREATE TABLE DOCUMENTS(ID INTEGER NOT NULL PRIMARY KEY, Title TEXT NOT NULL, Text TEXT NOT NULL, Coder INTEGER,
  Author TEXT NOT NULL DEFAULT '', Source TEXT NOT NULL DEFAULT '', Section TEXT NOT NULL DEFAULT '',
  Notes TEXT NOT NULL DEFAULT '', Type TEXT NOT NULL DEFAULT '', Date INTEGER NOT NULL);
CREATE TABLE STATEMENTTYPES(ID INTEGER NOT NULL PRIMARY KEY, Label TEXT NOT NULL, Red INTEGER, Green INTEGER,
  Blue INTEGER);
CREATE TABLE VARIABLES(ID INTEGER NOT NULL PRIMARY KEY, Variable TEXT NOT NULL, DataType TEXT NOT NULL,
  StatementTypeId INTEGER);
CREATE TABLE ENTITIES(ID INTEGER NOT NULL PRIMARY KEY, VariableId INTEGER NOT NULL, Value TEXT NOT NULL DEFAULT '',
  Red INTEGER DEFAULT 0, Green INTEGER DEFAULT 0, Blue INTEGER DEFAULT 0, ChildOf INTEGER,
  UNIQUE (VariableId, Value));
CREATE TABLE STATEMENTS(ID INTEGER NOT NULL PRIMARY KEY, StatementTypeId INTEGER, DocumentId INTEGER,
  Start INTEGER NOT NULL, Stop INTEGER NOT NULL, Coder INTEGER, CHECK (Start < Stop));
CREATE TABLE DATASHORTTEXT(ID INTEGER NOT NULL PRIMARY KEY, StatementId INTEGER NOT NULL, VariableId INTEGER NOT NULL,
  Entity INTEGER NOT NULL, UNIQUE (StatementId, VariableId));
CREATE TABLE DATABOOLEAN(ID INTEGER NOT NULL PRIMARY KEY, StatementId INTEGER NOT NULL, VariableId INTEGER NOT NULL,
  Value INTEGER NOT NULL);
"""


def hand_coded(path: Path) -> None:
    c = sqlite3.connect(path)
    c.executescript(DDL)
    c.executemany("INSERT INTO SETTINGS VALUES (?, ?)", [("version", "3.0.7"), ("date", "2024-05-01")])
    c.executemany("INSERT INTO CODERS(ID, Name) VALUES (?, ?)", [(1, "Admin"), (2, "Hanna Coder")])
    day = int(datetime(2024, 4, 29, tzinfo=timezone.utc).timestamp())
    for i, (title, text) in enumerate(DOCS, start=1):
        c.execute("INSERT INTO DOCUMENTS(ID, Title, Text, Coder, Date) VALUES (?, ?, ?, 2, ?)", (i, title, text, day))
    c.execute("INSERT INTO STATEMENTTYPES VALUES (1, 'DNA Statement', 239, 208, 51)")
    c.executemany("INSERT INTO VARIABLES VALUES (?, ?, ?, 1)", [(1, "person", "short text"),
                  (2, "organization", "short text"), (3, "concept", "short text"), (4, "agreement", "boolean")])

    def entity(var: int, value: str) -> int:
        c.execute("INSERT OR IGNORE INTO ENTITIES(VariableId, Value) VALUES (?, ?)", (var, value))
        return c.execute("SELECT ID FROM ENTITIES WHERE VariableId = ? AND Value = ?", (var, value)).fetchone()[0]

    for var in (1, 2, 3):
        entity(var, "")
    for sid, (doc, piece, person, org, concept, agree) in enumerate(CODED, start=1):
        start = DOCS[doc][1].index(piece)
        c.execute("INSERT INTO STATEMENTS VALUES (?, 1, ?, ?, ?, 2)", (sid, doc + 1, start, start + len(piece)))
        c.executemany("INSERT INTO DATASHORTTEXT(StatementId, VariableId, Entity) VALUES (?, ?, ?)",
                      [(sid, 1, entity(1, person)), (sid, 2, entity(2, org)), (sid, 3, entity(3, concept))])
        c.execute("INSERT INTO DATABOOLEAN(StatementId, VariableId, Value) VALUES (?, 4, ?)", (sid, agree))
    c.commit()
    c.close()


def test_hand_coded_dna_becomes_gold_and_scores_a_build(tmp_path, resources):
    from stancegraph.pipeline import build

    dna = tmp_path / "hand.dna"
    hand_coded(dna)
    r = CliRunner().invoke(app, ["import-dna", str(dna), "--gold-out", str(tmp_path / "gold"),
                                 "--articles-out", str(tmp_path / "articles")])
    assert r.exit_code == 0, r.stderr
    assert "wrote 2 gold annotation files" in r.stdout and "wrote 2 articles" in r.stdout
    gold = {p.stem: json.loads(p.read_text()) for p in (tmp_path / "gold").glob("*.json")}
    assert sorted(gold) == ["dna-0001", "dna-0002"]
    g1, g2 = gold["dna-0001"], gold["dna-0002"]
    assert g1["published"] == "2024-04-29"
    # a label and a key of the same issue are one statement; the organisation is the affiliation
    assert g1["statements"] == [{"speaker": "Elena Marchetti", "issue": "sanctions-on-russia", "stance": "support",
                                 "evidence": "sanctions on Russia must stay in place"}]
    assert g1["actors"] == [{"name": "Elena Marchetti", "kind": "person", "aliases": [],
                             "affiliation": "Foreign Ministry"}]
    assert {(s["speaker"], s["issue"], s["stance"]) for s in g2["statements"]} == {
        ("Tomas Brandt", "talks-progress", "support"), ("Tomas Brandt", "sanctions-on-russia", "oppose")}
    # the articles keep the document text, so offsets into it stay valid
    text = (tmp_path / "articles" / "dna-0001.txt").read_text()
    assert text.startswith("title: Harbour talks resume\npublished: 2024-04-29\n---\n") and text.endswith(DOCS[0][1])

    build([tmp_path / "articles"], tmp_path / "g.ttl", resources=resources)
    r = CliRunner().invoke(app, ["eval", str(tmp_path / "gold"), str(tmp_path / "g.ttl"), "--json"])
    assert r.exit_code == 0, r.stderr
    scores = json.loads(r.stdout)
    assert scores["articles"] == 2
    st = scores["statements"]
    assert st["tp"] + st["fn"] == 3  # every gold statement is scored
    assert st["tp"] >= 1  # the extractor finds at least the plainly stated one


def test_hand_coded_file_is_not_a_review(tmp_path, built):
    dna = tmp_path / "hand.dna"
    hand_coded(dna)
    graph = tmp_path / "g.ttl"
    graph.write_bytes(built[1].read_bytes())
    r = CliRunner().invoke(app, ["import-dna", str(dna), "-o", str(graph)])
    assert r.exit_code == 1
    assert r.stderr.startswith("error: ") and "not written by stancegraph" in r.stderr
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert graph.read_bytes() == built[1].read_bytes()


def test_not_a_dna_file(tmp_path):
    bad = tmp_path / "x.dna"
    bad.write_text("hello")
    r = CliRunner().invoke(app, ["import-dna", str(bad), "--gold-out", str(tmp_path / "gold")])
    assert r.exit_code == 1 and f"{bad}: not a DNA file" in r.stderr
    empty = tmp_path / "e.dna"
    sqlite3.connect(empty).execute("CREATE TABLE T(x)").connection.commit()
    r = CliRunner().invoke(app, ["import-dna", str(empty), "--gold-out", str(tmp_path / "gold")])
    assert r.exit_code == 1 and "not a DNA 3 file" in r.stderr
