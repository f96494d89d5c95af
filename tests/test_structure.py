"""One home per concern: the registries and the CLI agree, the layers import what they should,
library code names option fields (never flags), and every SPARQL prefix is the one table's."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from stancegraph.cli import app
from stancegraph.export import EXPORTERS
from stancegraph.namespaces import PREFIXES
from stancegraph.networks.formats import WRITERS, format_for
from stancegraph.store.formats import RDF_FORMATS
from stancegraph.store.library import PACKAGE_QUERIES, QUERIES_DIR, list_queries

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "stancegraph"
COMMANDS = typer.main.get_command(app).commands


def option(command: str, flag: str):
    return next(p for p in COMMANDS[command].params if flag in getattr(p, "opts", ()))


def test_export_format_choices_are_the_exporters_registry():
    fmt = option("export", "--format")
    assert [m.value for m in fmt.type_descriptor.annotation] == list(EXPORTERS)
    for name, exporter in EXPORTERS.items():
        assert f"{name}: {exporter.help}" in fmt.help
    bad = CliRunner().invoke(app, ["export", "g.ttl", "--format", "xlsx"])
    assert bad.exit_code != 0


def test_every_exportable_rdf_format_is_an_exporter_and_back():
    # the others export the coding (annotations, statements, dna: the reviewed exporters)
    assert {n for n, f in RDF_FORMATS.items() if f.export} == {n for n, e in EXPORTERS.items() if not e.reviewed}
    for name, f in RDF_FORMATS.items():
        if f.export:
            assert EXPORTERS[name].suffix == f.suffix


def test_network_format_help_and_checks_are_the_writers_registry(tmp_path):
    fmt = option("network", "--format")
    for name, writer in WRITERS.items():
        assert f"{name}: {writer.help}" in fmt.help
        assert format_for(name.upper()) == name
        sharing = [n for n, w in WRITERS.items() if w.suffix == writer.suffix]
        # a suffix two formats share (.csv: csv and matrix) picks the registry's last; the other needs --format
        assert format_for(None, tmp_path / f"net{writer.suffix}") == sharing[-1]
    with pytest.raises(Exception, match=r"use one of " + re.escape(", ".join(WRITERS))):
        format_for("xlsx")


def test_help_lists_every_command():
    res = CliRunner().invoke(app, ["--help"])
    assert res.exit_code == 0
    for name, command in COMMANDS.items():
        assert (name in res.stdout) != bool(command.hidden), name


def test_importing_the_networks_does_not_import_the_command_line():
    code = "import sys, stancegraph.networks; print(sorted(m for m in ('typer', 'rich', 'click') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def _python_files(folder: Path):
    return sorted(folder.rglob("*.py"))


def test_no_command_vanishes_behind_except_importerror():
    for path in _python_files(SRC / "cli"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ExceptHandler) and node.type is not None:
                names = {n.id for n in ast.walk(node.type) if isinstance(n, ast.Name)}
                assert not names & {"ImportError", "ModuleNotFoundError"}, f"{path}:{node.lineno}"


def test_tests_do_not_importorskip_the_project():
    for path in _python_files(ROOT / "tests"):
        assert not re.search(r"importorskip\(\s*['\"]stancegraph", path.read_text(encoding="utf-8")), path


def _strings(node: ast.AST):
    for n in ast.walk(node):
        if isinstance(n, ast.Constant) and isinstance(n.value, str):
            yield n.value


FLAG = re.compile(r"(?<![\w-])--[a-z][a-z-]+")


def test_library_errors_name_fields_not_flags():
    """Only the command line (cli/) knows flags; library code says `min_weight`, not --min-weight."""
    hits = []
    for path in _python_files(SRC):
        if path.is_relative_to(SRC / "cli"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "StanceGraphError":
                for text in _strings(node):
                    # a command line quoted in full ('stancegraph serve --writable') is not an option name
                    if FLAG.search(text) and "pip install" not in text and "'stancegraph " not in text:
                        hits.append(f"{path.relative_to(ROOT)}:{node.lineno}: {text}")
    assert not hits, "\n".join(hits)


@pytest.mark.parametrize("folder", [QUERIES_DIR, PACKAGE_QUERIES], ids=["library", "package"])
def test_sparql_prefixes_are_the_prefix_table(folder):
    """.rq files stay valid SPARQL on their own, so they declare prefixes; each must be the table's."""
    files = sorted(folder.glob("*.rq"))
    assert files
    for path in files:
        for prefix, iri in re.findall(r"^PREFIX\s+(\w+):\s*<([^>]*)>", path.read_text(encoding="utf-8"), re.M):
            assert str(PREFIXES.get(prefix)) == iri, f"{path.name}: PREFIX {prefix}: <{iri}>"


def test_package_queries_load_and_run():
    from stancegraph.networks import example_store
    from stancegraph.store.library import run_named_query

    queries = list_queries(PACKAGE_QUERIES)
    assert {"export", "networks"} <= {q.name.split("-")[0] for q in queries}
    st = example_store()
    for q in queries:
        params = {p.name: "https://w3id.org/stancegraph/id/article/e2" for p in q.params}
        assert isinstance(run_named_query(st, q, params), list), q.name
    rows = run_named_query(st, "export-aliases", {"a": "https://w3id.org/stancegraph/id/article/e2"},
                           directory=PACKAGE_QUERIES)
    assert rows == []  # the example graph has no mentions
    rows = run_named_query(st, "networks-positions", directory=PACKAGE_QUERIES)
    assert len({r["pos"] for r in rows}) == 5


def test_no_sparql_text_in_export_and_networks_code():
    for folder in (SRC / "export", SRC / "networks"):
        for path in _python_files(folder):
            for text in _strings(ast.parse(path.read_text(encoding="utf-8"))):
                assert not re.search(r"\bSELECT\b.*\bWHERE\b", text, re.S), f"{path.name}: {text[:60]}"


def test_one_vocabulary_for_modes_and_stances():
    from stancegraph.graph import MODES, STANCES
    from stancegraph.model import Mode, Stance

    assert set(MODES) == set(Mode) and set(STANCES) == set(Stance)
    assert [s.key for s in Stance] == ["support", "oppose"]
    assert Stance.from_key(Stance.OPPOSE.key) is Stance.OPPOSE and Mode("mixed") == "mixed"


def test_query_list_is_the_library():
    res = CliRunner().invoke(app, ["query", "--list"])
    assert res.exit_code == 0
    assert [line.split(":")[0] for line in res.stdout.splitlines()] == [q.name for q in list_queries()]


@pytest.mark.parametrize("args,expected", [
    (["serve", "g.ttl", "--bind", "nowhere"], "error: invalid --bind 'nowhere': give HOST:PORT"),
    (["export", "--format", "turtle"], "error: give either a GRAPH file or --store DIR, not both or neither"),
    (["network", "-o", "x.graphml"], "error: give either a GRAPH file or --store DIR, not both or neither"),
])
def test_cli_errors_spell_arguments_as_the_user_typed_them(args, expected):
    res = CliRunner().invoke(app, args)
    assert res.exit_code == 1
    assert res.stderr.startswith(expected), res.stderr


def test_query_library_follows_stancegraph_home(tmp_path, monkeypatch):
    (tmp_path / "queries").mkdir()
    (tmp_path / "queries" / "count-all.rq").write_text(
        "# count-all: how many triples.\n# columns: n\nSELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }\n", encoding="utf-8")
    monkeypatch.setenv("STANCEGRAPH_HOME", str(tmp_path))
    assert [q.name for q in list_queries()] == ["count-all"]
    res = CliRunner().invoke(app, ["query", "--list"])
    assert res.stdout == "count-all: how many triples.\n"


@pytest.mark.parametrize("name", list(RDF_FORMATS))
def test_every_rdf_format_of_the_table_loads_by_each_suffix(tmp_path, name):
    import pyoxigraph as ox

    from stancegraph.store import load_file, load_text

    f = RDF_FORMATS[name]
    st = load_text('<urn:a> <urn:p> "x"@en .\n<urn:a> <urn:q> <urn:b> .\n', "nt")
    data = (ox.serialize(st, format=f.oxigraph) if f.dataset else
            st.dump(format=f.oxigraph, from_graph=ox.DefaultGraph()))
    for suffix in f.suffixes:
        path = tmp_path / f"g{suffix.upper() if suffix == f.suffixes[-1] else suffix}"
        path.write_bytes(data)
        back = load_file(path)
        assert {str(q.triple) for q in back} == {str(q.triple) for q in st}, path.name


def test_the_command_line_help_imports_no_heavy_library():
    """``stancegraph --help`` (and any command's start) loads the libraries a command needs only
    when it runs: no rdflib, SHACL engine, spaCy, numpy, scipy or networkx for the help."""
    code = ("import sys; sys.argv = ['stancegraph', '--help']\n"
            "from stancegraph.cli import app\n"
            "try:\n    app()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('rdflib', 'pyshacl', 'spacy', 'numpy', 'scipy', 'networkx') "
            "if m in sys.modules), file=sys.stderr)")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert res.stderr.strip().splitlines()[-1] == "[]"
    assert "build" in res.stdout
