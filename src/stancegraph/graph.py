"""Graph stage: extraction results to RDF, every assertion tied to its article and span.

IRIs are derived from content (article id, offsets, actor slugs, issue keys), so
the same input always gives an isomorphic graph. The layout is documented in
``docs/graph-model.md``.

>>> from stancegraph.ingest import parse_text
>>> from stancegraph.model import Extraction
>>> g = article_graph(Extraction(parse_text("a1", "Text."), {}, [], [], [], []), codebook_issue_iris={}, sovereign_iris={})
>>> sorted(str(p).rsplit("#", 1)[-1] for p in g.predicates())
['articleId', 'isString', 'type']
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from . import __version__
from . import ids
from .knowledge import Resources
from .model import Actor, Extraction, Mode, Span, Stance
from .namespaces import NIF, PROV, SDO, SG, bind_prefixes

MODES = {Mode.DIRECT: SG.DirectQuote, Mode.REPORTED: SG.ReportedSpeech, Mode.MIXED: SG.MixedSpeech}
STANCES = {Stance.SUPPORT: SG.Support, Stance.OPPOSE: SG.Oppose}
KIND_CLASS = {"person": SG.Person, "organisation": SG.Organisation, "state": SG.State, "group": SG.Group}
RUN = URIRef(ids.run_iri(__version__))


def article_iri(article_id: str) -> URIRef:
    return URIRef(ids.article_iri(article_id))


def actor_triples(g: Graph, actor: Actor) -> None:
    node = URIRef(actor.iri)
    g.add((node, RDF.type, KIND_CLASS.get(actor.kind, SG.Actor)))
    g.add((node, SKOS.prefLabel, Literal(actor.name, lang="en")))
    g.add((node, RDFS.label, Literal(actor.name, lang="en")))
    g.add((node, SG.actorKind, Literal(actor.kind)))
    g.add((node, SG.fromGazetteer, Literal(actor.from_gazetteer)))
    if actor.affiliation:
        g.add((node, SG.affiliation, URIRef(actor.affiliation)))
    if actor.wikidata:
        g.add((node, SDO.sameAs, URIRef(actor.wikidata)))


def _span(g: Graph, art: URIRef, span: Span) -> URIRef:
    node = URIRef(ids.span_iri(art, span.begin, span.end))
    g.add((node, RDF.type, SG.TextSpan))
    g.add((node, NIF.referenceContext, art))
    g.add((node, NIF.beginIndex, Literal(span.begin, datatype=XSD.integer)))
    g.add((node, NIF.endIndex, Literal(span.end, datatype=XSD.integer)))
    g.add((node, NIF.anchorOf, Literal(span.text)))
    return node


def _conf(value: float) -> Literal:
    """Three decimals in canonical form (no trailing zeros), the form a store keeps:
    a graph file and a store then hold the same literal."""
    return Literal(f"{max(0.0, min(1.0, value)):.3f}".rstrip("0").rstrip("."), datatype=XSD.decimal)


def _evidence(g: Graph, node: URIRef, art: URIRef, statements: list[URIRef], evidence: Span,
              confidence: float, run: URIRef = RUN) -> None:
    """What ties a position or claim to the text: its statements, article, evidence span, confidence."""
    for st in statements:
        g.add((node, SG.expressedIn, st))
    g.add((node, PROV.wasDerivedFrom, art))
    g.add((node, PROV.wasGeneratedBy, run))
    g.add((node, SG.span, _span(g, art, evidence)))
    g.add((node, SG.evidenceText, Literal(evidence.text)))
    g.add((node, SG.confidence, _conf(confidence)))


def article_graph(ex: Extraction, codebook_issue_iris: dict[str, str], sovereign_iris: dict[str, str],
                  run: URIRef = RUN) -> Graph:
    """The named-graph content of one article: the article, its spans, statements,
    positions, claims, and the actors minted from its text; ``run`` is the extraction run
    (:func:`stancegraph.provenance.run_iri`)."""
    g = Graph()
    bind_prefixes(g)
    a = ex.article
    art = article_iri(a.id)
    g.add((art, RDF.type, SG.Article))
    g.add((art, SG.articleId, Literal(a.id)))
    g.add((art, NIF.isString, Literal(a.text)))
    if a.published:
        g.add((art, SDO.datePublished, Literal(a.published.isoformat(), datatype=XSD.date)))
    elif ex.inferred_date is not None:  # read from the text, not published: marked as inferred
        g.add((art, SG.inferredDate, Literal(ex.inferred_date.day.isoformat(), datatype=XSD.date)))
        g.add((art, SG.dateEvidence, Literal(f"{ex.inferred_date.kind}: {ex.inferred_date.evidence}")))
    if ex.document_speaker:
        g.add((art, SG.documentSpeaker, URIRef(ex.document_speaker)))
    if a.title:
        g.add((art, SDO.headline, Literal(a.title)))
    if a.url:
        g.add((art, SDO.url, Literal(a.url, datatype=XSD.anyURI)))
    if a.outlet:
        g.add((art, SG.outlet, Literal(a.outlet)))
    for actor in ex.actors.values():
        if not actor.from_gazetteer:
            actor_triples(g, actor)
    for m in ex.mentions:
        node = _span(g, art, m.span)
        g.add((node, SG.refersTo, URIRef(m.actor)))
    st_nodes: list[URIRef] = []
    used: dict[tuple[int, int], int] = {}
    for st in ex.statements:
        key = (st.span.begin, st.span.end)
        n = used.get(key, 0)
        used[key] = n + 1
        node = URIRef(ids.statement_iri(art, st.span.begin, st.span.end, n))
        st_nodes.append(node)
        g.add((node, RDF.type, SG.Statement))
        if st.mode == Mode.DIRECT:
            g.add((node, RDF.type, SDO.Quotation))
        g.add((node, PROV.wasAttributedTo, URIRef(st.speaker)))
        g.add((node, PROV.wasDerivedFrom, art))
        g.add((node, PROV.wasGeneratedBy, run))
        g.add((node, SG.mode, MODES[st.mode]))
        for span in [st.span, *st.extra_spans]:
            g.add((node, SG.span, _span(g, art, span)))
        if st.cue:
            g.add((node, SG.cueVerb, Literal(st.cue)))
        if st.quoted_text:
            g.add((node, SG.quotedText, Literal(st.quoted_text)))
        if st.reported_by:
            g.add((node, SG.reportedBy, URIRef(st.reported_by)))
        if st.utterance_date:
            g.add((node, SG.utteranceDate, Literal(st.utterance_date.isoformat(), datatype=XSD.date)))
        g.add((node, SG.confidence, _conf(st.confidence)))
    for p in ex.positions:
        stance = Stance.from_sign(p.stance)
        node = URIRef(ids.position_iri(art, p.holder, p.issue, stance.key))
        g.add((node, RDF.type, SG.IssuePosition))
        g.add((node, SG.holder, URIRef(p.holder)))
        g.add((node, SG.issue, URIRef(codebook_issue_iris[p.issue])))
        g.add((node, SG.stance, STANCES[stance]))
        _evidence(g, node, art, [st_nodes[i] for i in p.statements], p.evidence, p.confidence, run)
        if p.relayed_by:
            g.add((node, SG.relayedBy, URIRef(p.relayed_by)))
    for c in ex.claims:
        node = URIRef(ids.claim_iri(art, c.claimant, c.territory, c.sovereign))
        g.add((node, RDF.type, SG.TerritorialClaim))
        g.add((node, SG.claimant, URIRef(c.claimant)))
        g.add((node, SG.territory, URIRef(c.territory)))
        g.add((node, SG.assertedSovereign, URIRef(sovereign_iris[c.sovereign])))
        _evidence(g, node, art, [st_nodes[i] for i in c.statements], c.evidence, c.confidence, run)
    return g


def run_graph(model_id: str, run: URIRef = RUN) -> Graph:
    g = Graph()
    g.add((run, RDF.type, SG.ExtractionRun))
    g.add((run, RDFS.label, Literal(f"stancegraph {__version__}")))
    g.add((run, SG.softwareVersion, Literal(f"stancegraph {__version__}; {model_id}")))
    return g


def static_graphs(res: Resources, model_id: str, run: URIRef = RUN) -> dict[str, Graph]:
    """The graphs every build shares: ontology, codebook, gazetteer (actors and territories)."""
    gaz = Graph()
    for t in res.gazetteer.graph:
        gaz.add(t)
    for t in res.territory_graph:
        gaz.add(t)
    for actor in res.gazetteer.actors.values():
        gaz.add((URIRef(actor.iri), SG.fromGazetteer, Literal(True)))
    for t in run_graph(model_id, run):
        gaz.add(t)
    return {"ontology": res.ontology, "codebook": res.codebook.graph, "gazetteer": gaz}


def issue_iris(res: Resources) -> tuple[dict[str, str], dict[str, str]]:
    return ({k: v.iri for k, v in res.codebook.issues.items()},
            {k: v.iri for k, v in res.codebook.sovereigns.items()})


def merge(graphs) -> Graph:
    out = Graph()
    bind_prefixes(out)
    for g in graphs:
        for t in g:
            out.add(t)
    return out
