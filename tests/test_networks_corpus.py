"""Networks on the bundled corpus, built from the real graph."""

from __future__ import annotations

import networkx as nx

from stancegraph.networks import network, write_network


def labels(G, a, b):
    by_label = {d.get("label"): n for n, d in G.nodes(data=True)}
    return by_label.get(a), by_label.get(b)


def test_agreement_links_kirby_and_blinken_on_the_pullback(built):
    _, path = built
    G = network(path, "agreement")
    kirby, blinken = labels(G, "John Kirby", "Antony Blinken")
    assert G.has_edge(kirby, blinken)
    assert "kyiv-pullback-genuine" in G.edges[kirby, blinken]["issues"]
    assert G.edges[kirby, blinken]["statements"]  # traceable to statement IRIs


def test_disagreement_links_peskov_and_kirby(built):
    _, path = built
    G = network(path, "disagreement")
    peskov, kirby = labels(G, "Dmitry Peskov", "John Kirby")
    assert G.has_edge(peskov, kirby)
    assert "kyiv-pullback-genuine" in G.edges[peskov, kirby]["issues"]


def test_graphml_and_gexf_of_the_corpus_load_in_networkx(built, tmp_path):
    _, path = built
    G = network(path, "signed")
    write_network(G, "graphml", tmp_path / "n.graphml")
    write_network(G, "gexf", tmp_path / "n.gexf")
    g1 = nx.read_graphml(tmp_path / "n.graphml")
    g2 = nx.read_gexf(tmp_path / "n.gexf")
    assert g1.number_of_edges() == G.number_of_edges() == g2.number_of_edges() > 0
