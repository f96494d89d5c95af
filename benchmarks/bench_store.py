"""Benchmark: adding articles to the persistent store incrementally vs rebuilding it each time.

Makes N synthetic article graphs shaped like docs/graph-model.md (an article, its text spans,
statements, issue positions and a territorial claim: about 190 triples each) as rdflib Graphs,
the form the build pipeline hands over, plus a codebook and a gazetteer. Then, article by
article as a corpus grows:

* incremental: ``put_article`` of the new article into one on-disk store (conversion from
  rdflib, content hash, one SPARQL Update transaction), the other graphs untouched;
* rebuild: a new on-disk store holding everything so far, written with ``extend`` (one
  transaction; faster than ``bulk_extend`` at this size) from quads converted ahead of time
  (conversion is not timed, which favours the rebuild).

Also times a re-run over the unchanged corpus (every article skipped by its hash), checks both
ways end with the same graphs, and prints the times and the ratio.
Not a test. Run: ``.venv/bin/python benchmarks/bench_store.py [--articles N]``.
"""

from __future__ import annotations

import argparse
import gc
import random
import shutil
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, SKOS, XSD

from stancegraph.rdf import to_oxigraph as rdflib_to_oxigraph
from stancegraph.store.persistent import article_graph_iri, open_store, put_article, put_static, static_graph_iri

SG = Namespace("https://w3id.org/stancegraph/ontology#")
PROV = Namespace("http://www.w3.org/ns/prov#")
SDO = Namespace("https://schema.org/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ACT = "https://w3id.org/stancegraph/id/actor/"
TER = "https://w3id.org/stancegraph/id/territory/"
CB = "https://w3id.org/stancegraph/codebook/"
ART = "https://w3id.org/stancegraph/id/article/"
ISSUES = [f"issue-{i}" for i in range(12)]
ACTORS = [f"actor-{i}" for i in range(80)]
TERRITORIES = [f"territory-{i}" for i in range(6)]


def static_graphs() -> dict[str, Graph]:
    cb, gz = Graph(), Graph()
    for key in ISSUES:
        c = URIRef(CB + key)
        cb.add((c, RDF.type, SKOS.Concept))
        cb.add((c, SKOS.notation, Literal(key)))
        cb.add((c, SKOS.prefLabel, Literal(f"Issue {key}", lang="en")))
    for key in ("russia", "ukraine"):
        s = URIRef(CB + "sovereign-" + key)
        cb.add((s, RDF.type, SG.Sovereignty))
        cb.add((s, SKOS.notation, Literal(key)))
    for a in ACTORS:
        node = URIRef(ACT + a)
        gz.add((node, RDF.type, SG.Person))
        gz.add((node, SKOS.prefLabel, Literal(a.replace("-", " ").title(), lang="en")))
        gz.add((node, SG.actorKind, Literal("person")))
    for t in TERRITORIES:
        gz.add((URIRef(TER + t), RDF.type, SG.Territory))
        gz.add((URIRef(TER + t), SKOS.prefLabel, Literal(t, lang="en")))
    return {"codebook": cb, "gazetteer": gz}


def article(i: int, rng: random.Random) -> Graph:
    g = Graph()
    art = URIRef(f"{ART}art-{i:05d}")
    text = " ".join(rng.choice(["talks", "said", "Crimea", "the", "minister", "progress", "\"quoted\"", "no"])
                    for _ in range(400))
    g.add((art, RDF.type, SG.Article))
    g.add((art, SG.articleId, Literal(f"art-{i:05d}")))
    g.add((art, SDO.datePublished, Literal(f"2022-{1 + i % 12:02d}-{1 + i % 28:02d}", datatype=XSD.date)))
    g.add((art, SDO.headline, Literal(f"Headline {i} — «news»")))
    g.add((art, NIF.isString, Literal(text)))
    for k in range(8):
        b, e = 40 * k, 40 * k + 30
        span = URIRef(f"{art}/span/{b}-{e}")
        st = URIRef(f"{art}/statement/{b}-{e}")
        speaker = URIRef(ACT + rng.choice(ACTORS))
        g.add((span, RDF.type, SG.TextSpan))
        g.add((span, NIF.referenceContext, art))
        g.add((span, NIF.beginIndex, Literal(b)))
        g.add((span, NIF.endIndex, Literal(e)))
        g.add((span, NIF.anchorOf, Literal(text[b:e])))
        g.add((st, RDF.type, SG.Statement))
        g.add((st, PROV.wasAttributedTo, speaker))
        g.add((st, PROV.wasDerivedFrom, art))
        g.add((st, SG.span, span))
        g.add((st, SG.mode, SG.DirectQuote))
        g.add((st, SG.cueVerb, Literal("say")))
        g.add((st, SG.quotedText, Literal(text[b:e])))
        g.add((st, SG.confidence, Literal("0.9", datatype=XSD.decimal)))
        issue = rng.choice(ISSUES)
        stance = rng.choice(["support", "oppose"])
        pos = URIRef(f"{art}/position/{speaker.split('/')[-1]}/{issue}/{stance}")
        g.add((pos, RDF.type, SG.IssuePosition))
        g.add((pos, SG.holder, speaker))
        g.add((pos, SG.issue, URIRef(CB + issue)))
        g.add((pos, SG.stance, SG.Support if stance == "support" else SG.Oppose))
        g.add((pos, SG.expressedIn, st))
        g.add((pos, PROV.wasDerivedFrom, art))
        g.add((pos, SG.span, span))
        g.add((pos, SG.evidenceText, Literal(text[b:e])))
        g.add((pos, SG.confidence, Literal("0.8", datatype=XSD.decimal)))
    claim = URIRef(f"{art}/claim/x/{TERRITORIES[i % 6]}/russia")
    g.add((claim, RDF.type, SG.TerritorialClaim))
    g.add((claim, SG.claimant, URIRef(ACT + ACTORS[i % 80])))
    g.add((claim, SG.territory, URIRef(TER + TERRITORIES[i % 6])))
    g.add((claim, SG.assertedSovereign, URIRef(CB + "sovereign-russia")))
    g.add((claim, PROV.wasDerivedFrom, art))
    return g


def counts(store: ox.Store) -> dict[str, int]:
    out: dict[str, int] = {}
    for q in store.quads_for_pattern(None, None, None, None):
        if isinstance(q.graph_name, ox.NamedNode) and not q.graph_name.value.endswith("/graph/meta"):
            out[q.graph_name.value] = out.get(q.graph_name.value, 0) + 1
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=100, help="number of articles (default 100)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    static = static_graphs()
    articles = [(f"art-{i:05d}", article(i, rng)) for i in range(args.articles)]
    per_article = sum(len(g) for _, g in articles) / len(articles)
    work = Path(tempfile.mkdtemp(prefix="bench-store-"))
    try:
        # incremental: one store, one put per new article
        t0 = time.perf_counter()
        st = open_store(work / "incremental")
        for name, g in static.items():
            put_static(st, name, g)
        for aid, g in articles:
            assert put_article(st, aid, g) == "added"
        st.flush()
        incremental = time.perf_counter() - t0

        t0 = time.perf_counter()
        assert all(put_article(st, aid, g) == "unchanged" for aid, g in articles)
        rerun = time.perf_counter() - t0
        final_incremental = counts(st)
        del st
        gc.collect()

        # rebuild: a whole new store each time an article is added (quads converted beforehand)
        static_quads = [ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(static_graph_iri(n)))
                        for n, g in static.items() for t in rdflib_to_oxigraph(g)]
        article_quads = [[ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(article_graph_iri(aid)))
                          for t in rdflib_to_oxigraph(g)] for aid, g in articles]
        t0 = time.perf_counter()
        for k in range(1, len(articles) + 1):
            target = work / "rebuild"
            shutil.rmtree(target, ignore_errors=True)
            rb = ox.Store(str(target))
            rb.extend(static_quads + [q for quads in article_quads[:k] for q in quads])
            rb.flush()
            if k < len(articles):
                del rb
                gc.collect()
        rebuild = time.perf_counter() - t0
        assert counts(rb) == final_incremental, "both ways must end with the same graphs"
        del rb
        gc.collect()
    finally:
        shutil.rmtree(work, ignore_errors=True)

    n = len(articles)
    print(f"{n} articles of ~{per_article:.0f} triples each, added one at a time to an on-disk store")
    print(f"  incremental (put_article per new article):     {incremental:8.2f} s  "
          f"({1000 * incremental / n:.1f} ms per article)")
    print(f"  rebuild whole store after each new article:    {rebuild:8.2f} s  "
          f"({1000 * rebuild / n:.1f} ms per article on average)")
    print(f"  ratio rebuild / incremental:                   {rebuild / incremental:8.1f} x")
    print(f"  re-run over the unchanged corpus (all skipped): {rerun:8.2f} s")


if __name__ == "__main__":
    main()
