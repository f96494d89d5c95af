"""Issue 11, "Done when": the bundled corpus exported to DNA, changed as a coder would, imported back.

A coder deletes one statement, flips one agreement, changes one person and adds
one statement over a new span (with sqlite3, as DNA's GUI would write them);
the import gives four review records, the statement table and the networks
show the corrections, a rebuild keeps them (and reports the ones whose target
is gone), and ``stancegraph agreement`` reports machine-vs-review figures.
"""

from __future__ import annotations

import csv
import json
import shutil
import sqlite3
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stancegraph.cli import app

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "data" / "articles"
NEW_PERSON = "Jane Analyst-Example"


def run(*args: str) -> str:
    r = CliRunner().invoke(app, [str(a) for a in args])
    assert r.exit_code == 0, (args, r.stdout, r.stderr)
    return r.stdout


def read_csv(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def code_as_a_coder(dna: Path) -> dict:
    """Delete, flip, re-person and add one statement each; returns what was changed.

    The three changed statements are each the only statement of their position and of
    their (holder, issue) in the article, and have three different holders, so each
    change shows in the counts on its own.
    """
    c = sqlite3.connect(dna)
    c.execute("PRAGMA foreign_keys = ON")  # DNA deletes a statement's values with it
    rows = c.execute("SELECT s.ID, s.DocumentId, s.Start, s.Stop, b.HolderIri, b.IssueKey, b.Stance, b.PositionIri, "
                     "b.StatementIri "
                     "FROM STATEMENTS s JOIN STANCEGRAPH_BASELINE b ON b.StatementId = s.ID ORDER BY s.ID").fetchall()
    per_position = Counter(r[7] for r in rows)
    per_pair = Counter((r[1], r[4], r[5]) for r in rows)
    picked, holders = [], set()
    for r in rows:
        if per_position[r[7]] == 1 and per_pair[(r[1], r[4], r[5])] == 1 and r[4] not in holders:
            holders.add(r[4])
            picked.append(r)
    deleted, flipped, repersoned = picked[:3]
    c.execute("DELETE FROM STATEMENTS WHERE ID = ?", (deleted[0],))
    c.execute("UPDATE DATABOOLEAN SET Value = 1 - Value WHERE StatementId = ? AND VariableId = "
              "(SELECT ID FROM VARIABLES WHERE Variable = 'agreement')", (flipped[0],))
    person_var = c.execute("SELECT ID FROM VARIABLES WHERE Variable = 'person'").fetchone()[0]
    new_entity = c.execute("INSERT INTO ENTITIES(VariableId, Value) VALUES (?, ?)", (person_var, NEW_PERSON)).lastrowid
    c.execute("UPDATE DATASHORTTEXT SET Entity = ? WHERE StatementId = ? AND VariableId = ?",
              (new_entity, repersoned[0], person_var))
    # a new statement over the first line of another document, coded by the reviewer (coder 3)
    doc = next(r[1] for r in rows if r[1] != deleted[1])
    text = c.execute("SELECT Text FROM DOCUMENTS WHERE ID = ?", (doc,)).fetchone()[0]
    start, stop = 0, text.index("\n", 5)
    assert all((r[1], r[2], r[3]) != (doc, start, stop) for r in rows)
    sid = c.execute("INSERT INTO STATEMENTS(StatementTypeId, DocumentId, Start, Stop, Coder) "
                    "VALUES (1, ?, ?, ?, 3)", (doc, start, stop)).lastrowid
    ent = {v: c.execute("SELECT e.ID FROM ENTITIES e JOIN VARIABLES v ON e.VariableId = v.ID "
                        "WHERE v.Variable = ? AND e.Value = ?", (v, val)).fetchone()[0]
           for v, val in (("person", "Antony Blinken"), ("organization", ""), ("concept", "sanctions-on-russia"))}
    var = dict(c.execute("SELECT Variable, ID FROM VARIABLES"))
    c.executemany("INSERT INTO DATASHORTTEXT(StatementId, VariableId, Entity) VALUES (?, ?, ?)",
                  [(sid, var[v], e) for v, e in ent.items()])
    c.execute("INSERT INTO DATABOOLEAN(StatementId, VariableId, Value) VALUES (?, ?, 1)", (sid, var["agreement"]))
    c.commit()
    c.close()
    return {"deleted": deleted, "flipped": flipped, "repersoned": repersoned, "added": (doc, start, stop)}


@pytest.fixture(scope="module")
def reviewed(built, tmp_path_factory):
    d = tmp_path_factory.mktemp("review")
    graph = d / "graph.ttl"
    shutil.copy(built[1], graph)
    run("export", graph, "--format", "statements", "-o", d / "machine.csv")
    export_out = run("export", graph, "--format", "dna", "-o", d / "corpus.dna")
    changes = code_as_a_coder(d / "corpus.dna")
    import_out = run("import-dna", d / "corpus.dna", "-o", graph)
    run("export", graph, "--format", "statements", "-o", d / "reviewed.csv")
    return {"dir": d, "graph": graph, "changes": changes, "import_out": import_out, "export_out": export_out}


def short(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


def test_dna_offsets_point_at_the_graphs_text(built, tmp_path):
    """Every DNA statement's Start/Stop cut out of its document the text of the graph's span."""
    from stancegraph.dna import write_dna
    from stancegraph.review import machine_rows
    from stancegraph.store import load_file, select

    st = load_file(built[1])
    res = write_dna(st, tmp_path / "c.dna")
    texts = {r["id"]: r["text"] for r in select(st, "PREFIX sg: <https://w3id.org/stancegraph/ontology#> PREFIX nif: "
                                                 "<http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> "
                                                 "SELECT ?id ?text WHERE { ?a sg:articleId ?id ; nif:isString ?text }")}
    c = sqlite3.connect(tmp_path / "c.dna")
    got = c.execute("SELECT m.ArticleId, s.Start, s.Stop, substr(d.Text, s.Start + 1, s.Stop - s.Start) "
                    "FROM STATEMENTS s JOIN DOCUMENTS d ON s.DocumentId = d.ID "
                    "JOIN STANCEGRAPH_DOCUMENTS m ON m.DocumentId = d.ID").fetchall()
    assert res.statements == len(got) == len(machine_rows(st)) > 20
    for aid, start, stop, cut in got:
        assert cut == texts[aid][start:stop] and cut.strip()
    assert c.execute("SELECT Value FROM SETTINGS WHERE Property = 'version'").fetchone()[0].startswith("3.")
    coders = [r[0] for r in c.execute("SELECT Name FROM CODERS ORDER BY ID")]
    assert coders[1].startswith("stancegraph ") and "Reviewer" in coders
    types = dict(c.execute("SELECT Variable, DataType FROM VARIABLES"))
    assert types == {"person": "short text", "organization": "short text", "concept": "short text",
                     "agreement": "boolean"}
    assert c.execute("SELECT COUNT(*) FROM ENTITIES WHERE Value = ''").fetchone()[0] == 3


def test_import_gives_four_review_records_with_the_right_actions(reviewed):
    from stancegraph.store import load_file, select
    from stancegraph.validate import validate_file

    assert "1 rejected, 2 edited, 1 added, 0 accepted" in reviewed["import_out"]
    rows = select(load_file(reviewed["graph"]), """PREFIX sg: <https://w3id.org/stancegraph/ontology#>
        PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?r ?action ?who ?time WHERE { ?r a sg:Review ; sg:reviewAction ?action ;
          prov:wasAttributedTo ?w ; prov:generatedAtTime ?time . ?w rdfs:label ?who }""")
    assert Counter(short(r["action"]).split("#")[-1] for r in rows) == {"Rejected": 1, "Edited": 2, "Added": 1}
    assert {r["who"] for r in rows} == {"Reviewer"}
    assert validate_file(reviewed["graph"]).conforms
    # importing the same file again adds nothing
    again = run("import-dna", reviewed["dir"] / "corpus.dna", "-o", reviewed["graph"])
    assert "0 review records added" in again and "(4 already there)" in again


def test_statement_table_reflects_the_corrections(reviewed):
    ch = reviewed["changes"]
    machine = read_csv(reviewed["dir"] / "machine.csv")
    rows = read_csv(reviewed["dir"] / "reviewed.csv")
    assert list(rows[0])[:11] == ["id", "date", "document", "title", "start", "stop", "text", "person",
                                  "organization", "concept", "agreement"]
    assert {r["status"] for r in machine} == {"machine"}

    def at(table, statement, issue, status=None):
        return [r for r in table if (r["statement"], r["concept"]) == (statement, issue)
                and status in (None, r["status"])]

    d, f, p = ch["deleted"], ch["flipped"], ch["repersoned"]
    assert [r["position"] for r in machine].count(d[7]) == 1
    assert d[7] not in [r["position"] for r in rows]
    [flip] = at(rows, f[8], f[5], "edited")
    [was] = [r for r in machine if r["position"] == f[7]]
    assert (flip["coder"], flip["agreement"], flip["person"]) == ("Reviewer", str(1 - int(was["agreement"])),
                                                                  was["person"])
    assert f[7] not in [r["position"] for r in rows]
    [person] = at(rows, p[8], p[5], "edited")
    assert person["person"] == NEW_PERSON
    doc, start, stop = ch["added"]
    [added] = [r for r in rows if (int(r["start"]), int(r["stop"]), r["concept"]) == (start, stop, "sanctions-on-russia")]
    assert (added["person"], added["agreement"], added["status"]) == ("Antony Blinken", "1", "added")
    assert added["text"] and len(rows) == len(machine)  # one gone, one added
    # --machine-only still gives the machine's table
    run("export", reviewed["graph"], "--format", "statements", "--machine-only", "-o", reviewed["dir"] / "m2.csv")
    assert read_csv(reviewed["dir"] / "m2.csv") == machine


def test_networks_reflect_the_corrections(reviewed):
    d = reviewed["dir"]
    for name, extra in (("rev", []), ("mach", ["--machine-only"])):
        run("network", reviewed["graph"], "--kind", "affiliation", "--duplicates", "all", "-f", "json",
            "-o", d / f"{name}.json", *extra)
        run("network", reviewed["graph"], "--kind", "agreement", "-f", "matrix", "-o", d / f"{name}.csv", *extra)

    def counts(name):
        data = json.loads((d / f"{name}.json").read_text())
        return {(e["source"], e["target"]): (e["support"], e["oppose"]) for e in data["edges"]}

    rev, mach = counts("rev"), counts("mach")
    ch = reviewed["changes"]

    def edge(holder, issue):
        def get(table):
            return next((v for (a, b), v in table.items() if a == holder and b.endswith("/" + issue)), (0, 0))
        return get(rev), get(mach)

    dh, di, ds = ch["deleted"][4:7]
    r, m = edge(dh, di)
    assert sum(r) == sum(m) - 1
    fh, fi, fs = ch["flipped"][4:7]
    r, m = edge(fh, fi)
    assert (r[0] - m[0], r[1] - m[1]) == ((-1, 1) if fs == "support" else (1, -1))
    header = lambda name: (d / f"{name}.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert NEW_PERSON in header("rev") and NEW_PERSON not in header("mach")


def test_rebuild_keeps_the_reviews_and_reports_vanished_targets(reviewed, resources, tmp_path):
    from stancegraph.pipeline import build
    from stancegraph.review import count_review_nodes
    from stancegraph.store import load_file

    graph = tmp_path / "graph.ttl"
    shutil.copy(reviewed["graph"], graph)
    result = build([ARTICLES], graph, resources=resources)
    assert result.reviews == 4 and result.review_problems == []
    assert "kept 4 review records" in result.summary()
    run("export", graph, "--format", "statements", "-o", tmp_path / "after.csv")
    assert read_csv(tmp_path / "after.csv") == read_csv(reviewed["dir"] / "reviewed.csv")
    # a build without the article of the deleted statement: its reviews are reported, and kept
    deleted_doc = reviewed["changes"]["deleted"][1]
    c = sqlite3.connect(reviewed["dir"] / "corpus.dna")
    gone = c.execute("SELECT ArticleId FROM STANCEGRAPH_DOCUMENTS WHERE DocumentId = ?", (deleted_doc,)).fetchone()[0]
    keep = tmp_path / "articles"
    keep.mkdir()
    for f in ARTICLES.iterdir():
        if f.stem != gone:
            shutil.copy(f, keep / f.name)
    result = build([keep], graph, resources=resources)
    assert result.reviews == 4
    assert any("vanished" in p and "rejected" in p for p in result.review_problems)
    assert count_review_nodes(load_file(graph)) == 4


def test_agreement_reports_machine_vs_review_figures(reviewed):
    text = run("agreement", reviewed["graph"])
    assert "A (reference): reviewed coding" in text and "alpha (decisions)" in text
    data = json.loads(run("agreement", reviewed["graph"], "--json"))
    s = data["statements"]
    # the machine coded one statement the reviewer rejected, and missed the one the reviewer added
    assert s["fp"] >= 1 and s["fn"] >= 1 and 0 < s["precision"] < 1 and 0 < s["recall"] < 1
    assert data["articles"] == 5 and data["units"] > data["units_coded_by_both"] > 0
    assert 0 < data["krippendorff_alpha_decisions"] < 1 and data["krippendorff_alpha_stance"] < 1
    # two explicit codings, the DNA file against the machine
    data2 = json.loads(run("agreement", reviewed["dir"] / "corpus.dna", f"machine:{reviewed['graph']}", "--json"))
    assert data2["statements"] == s


def test_eval_uses_the_reviewed_view(reviewed):
    rev = json.loads(run("eval", ROOT / "data" / "gold", reviewed["graph"], "--json"))
    mach = json.loads(run("eval", ROOT / "data" / "gold", reviewed["graph"], "--json", "--machine-only"))
    assert rev["statements"] != mach["statements"]


def test_store_keeps_reviews_across_a_rebuild(resources, tmp_path):
    """The same loop on an on-disk store: the reviews live in their own named graph."""
    from stancegraph.pipeline import build
    from stancegraph.review import REVIEW_GRAPH
    from stancegraph.store import open_source

    arts = tmp_path / "arts"
    arts.mkdir()
    for f in sorted(ARTICLES.iterdir())[:2]:
        shutil.copy(f, arts / f.name)
    store = tmp_path / "store"
    build([arts], None, resources=resources, store_dir=store)
    run("export", "--store", store, "--format", "dna", "-o", tmp_path / "s.dna")
    c = sqlite3.connect(tmp_path / "s.dna")
    c.execute("PRAGMA foreign_keys = ON")
    c.execute("DELETE FROM STATEMENTS WHERE ID = 1")
    c.commit()
    c.close()
    assert "1 rejected, 0 edited, 0 added" in run("import-dna", tmp_path / "s.dna", "--store", store)
    before = run("export", "--store", store, "--format", "statements", "-o", tmp_path / "a.csv")
    result = build([arts], None, resources=resources, store_dir=store)
    assert result.reviews == 1
    run("export", "--store", store, "--format", "statements", "-o", tmp_path / "b.csv")
    assert read_csv(tmp_path / "a.csv") == read_csv(tmp_path / "b.csv")
    import pyoxigraph as ox

    st = open_source(None, store)
    assert any(True for _ in st.quads_for_pattern(None, None, None, ox.NamedNode(REVIEW_GRAPH)))
    assert before.startswith("wrote")


def test_training_examples_from_the_reviewed_graph(reviewed):
    """What s14's `stancegraph train` reads from a reviewed graph: the reviewed articles, reviewed."""
    from stancegraph.training_data import examples_from_reviewed, training_examples, write_training_folder

    examples = training_examples(reviewed["graph"])
    assert examples and all(e.reviewed and e.text for e in examples)
    c = sqlite3.connect(reviewed["dir"] / "corpus.dna")
    ids = dict(c.execute("SELECT DocumentId, ArticleId FROM STANCEGRAPH_DOCUMENTS"))
    ch = reviewed["changes"]
    assert {e.article_id for e in examples} == {ids[ch["deleted"][1]], ids[ch["added"][0]]} | {
        ids[ch["flipped"][1]], ids[ch["repersoned"][1]]}
    added = next(e for e in examples if e.article_id == ids[ch["added"][0]])
    assert {"speaker": "Antony Blinken", "issue": "sanctions-on-russia", "stance": "support"}.items() <= next(
        s for s in added.annotation["statements"] if s["speaker"] == "Antony Blinken"
        and s["issue"] == "sanctions-on-russia").items()
    everything = training_examples(reviewed["graph"], only_reviewed=False)
    assert len(everything) == 5
    assert [e.article_id for e in examples_from_reviewed([reviewed["graph"]])] == [e.article_id for e in examples]
    art = added.article()
    assert art.id == added.article_id and art.text == added.text
    gold = write_training_folder(examples, reviewed["dir"] / "train")
    assert sorted(p.stem for p in gold.glob("*.json")) == sorted(e.article_id for e in examples)
    assert (gold.parent / "articles" / f"{added.article_id}.txt").read_text(encoding="utf-8") == added.text


def test_train_learns_from_a_reviewed_graph(reviewed, built, tmp_path):
    """`stancegraph train --reviewed GRAPH` trains on the articles a reviewer corrected, as corrected."""
    from stancegraph.extract.stance.learned import StanceModel
    from stancegraph.training_data import training_examples

    examples = training_examples(reviewed["graph"])
    model = tmp_path / "reviewed.npz"
    said = run("train", "--reviewed", reviewed["graph"], "-o", model)
    assert f": {len(examples)} articles," in said and model.is_file()
    assert StanceModel.load(model).training_set.startswith(said.split("training set sha256:")[1][:16])
    # a graph nobody reviewed has nothing to teach: one line naming the flag, exit 1
    r = CliRunner().invoke(app, ["train", "--reviewed", str(built[1]), "-o", str(tmp_path / "none.npz")])
    assert r.exit_code == 1 and "--reviewed" in r.stderr and "no article has a review record" in r.stderr
    assert not (tmp_path / "none.npz").exists()
