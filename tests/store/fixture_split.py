"""Split tests/store/fixture.ttl the way the build pipeline splits its output: one rdflib Graph
per article (every triple whose subject is the article IRI or lies under it), the codebook
(subjects under the codebook namespace) and the gazetteer (actors, territories, and the blank
nodes of tenure intervals). Loaded by path from the tests (tests/ is not a package)."""

from __future__ import annotations

from pathlib import Path

from rdflib import BNode, Graph

FIXTURE = Path(__file__).with_name("fixture.ttl")
ONTOLOGY = Path(__file__).resolve().parents[2] / "ontology" / "stancegraph.ttl"
ARTICLE = "https://w3id.org/stancegraph/id/article/"
CODEBOOK = "https://w3id.org/stancegraph/codebook/"
GAZETTEER = ("https://w3id.org/stancegraph/id/actor/", "https://w3id.org/stancegraph/id/territory/")


def split_fixture(path: Path = FIXTURE) -> tuple[dict[str, Graph], dict[str, Graph]]:
    """(static graphs {"codebook", "gazetteer"}, article graphs {article id: Graph})."""
    whole = Graph().parse(path, format="turtle")
    static = {"codebook": Graph(), "gazetteer": Graph()}
    articles: dict[str, Graph] = {}
    for s, p, o in whole:
        name = str(s)
        if isinstance(s, BNode) or name.startswith(GAZETTEER):
            static["gazetteer"].add((s, p, o))
        elif name.startswith(CODEBOOK):
            static["codebook"].add((s, p, o))
        elif name.startswith(ARTICLE):
            article_id = name[len(ARTICLE):].split("/", 1)[0]
            articles.setdefault(article_id, Graph()).add((s, p, o))
        else:
            raise AssertionError(f"fixture triple with no home: {s} {p} {o}")
    return static, articles
