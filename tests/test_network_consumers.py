"""Network files checked by the programs users load them into: xmllint with the official
GraphML and GEXF 1.3 schemas, graphology's parsers (sigma.js, Gephi Lite) and python-igraph."""

from __future__ import annotations

from pathlib import Path

import pytest

from consumers import graphology, schema, xmllint
from stancegraph.networks import network, windowed_networks, write_network
from stancegraph.networks.matrix import load_positions
from stancegraph.store import load_file

FIXTURE = Path(__file__).parent / "networks" / "fixture.ttl"
ACT = "https://w3id.org/stancegraph/id/actor/"


@pytest.fixture(scope="module")
def table():
    return load_positions(load_file(FIXTURE))


@pytest.mark.parametrize("kind", ["signed", "affiliation"])
def test_graphml_is_valid_against_the_graphml_schema(table, tmp_path, kind):
    [path] = write_network(network(table, kind), "graphml", tmp_path / "n.graphml")
    ok, messages = xmllint(path, schema("graphml"))
    assert ok, messages[-2000:]


def test_graphml_node_ids_are_short_and_carry_the_iri(table, tmp_path):
    G = network(table, "signed")
    [path] = write_network(G, "graphml", tmp_path / "n.graphml")
    read = graphology("graphml", path)
    assert (read["order"], read["size"]) == (G.number_of_nodes(), G.number_of_edges())
    assert all("/" not in n for n in read["nodes"])
    assert read["nodes"]["actor.vladimir-putin"]["iri"] == ACT + "vladimir-putin"
    assert read["nodes"]["actor.vladimir-putin"]["label"] == "Vladimir Putin"


def test_graphml_loads_in_igraph(table, tmp_path):
    igraph = pytest.importorskip("igraph", reason="python-igraph is a test dependency (pip install -e .[test])")
    G = network(table, "signed")
    [path] = write_network(G, "graphml", tmp_path / "n.graphml")
    h = igraph.Graph.Read_GraphML(str(path))
    assert (h.vcount(), h.ecount()) == (G.number_of_nodes(), G.number_of_edges())
    by_iri = {v["iri"]: v for v in h.vs}
    putin, zelensky = by_iri[ACT + "vladimir-putin"], by_iri[ACT + "volodymyr-zelensky"]
    assert putin["label"] == "Vladimir Putin"
    e = h.es[h.get_eid(putin.index, zelensky.index)]
    assert e["weight"] == G.edges[ACT + "vladimir-putin", ACT + "volodymyr-zelensky"]["weight"]


def test_static_gexf_is_valid_and_loads_in_graphology(table, tmp_path):
    G = network(table, "agreement", normalize="jaccard")
    [path] = write_network(G, "gexf", tmp_path / "n.gexf")
    ok, messages = xmllint(path, schema("gexf"))
    assert ok, messages[-2000:]
    read = graphology("gexf", path)
    assert (read["order"], read["size"]) == (G.number_of_nodes(), G.number_of_edges())
    assert read["nodes"][ACT + "nato"]["positions"] == 3


def test_dynamic_gexf_is_valid_and_loads_in_graphology(table, tmp_path):
    nets = windowed_networks(table, "agreement", "1Y")
    [path] = write_network(nets, "gexf", tmp_path / "d.gexf")
    ok, messages = xmllint(path, schema("gexf"))
    assert ok, messages[-2000:]
    read = graphology("gexf", path)   # used to fail: "Found undeclared attribute"
    nodes = {n for _, G in nets for n in G.nodes}
    assert read["order"] == len(nodes)
    peskov = read["nodes"][ACT + "dmitry-peskov"]
    # static values and the latest window's dynamic values both arrive
    assert peskov["label"] == "Dmitry Peskov" and peskov["kind"] == "person" and peskov["positions"] == 2
