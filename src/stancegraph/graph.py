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
from rdflib import namespace as _rdflib_ns

from . import __version__
from . import ids
from . import namespaces as _ns
from .knowledge import Resources
from .model import Actor, Extraction, Mode, Span, Stance
from .namespaces import bind_prefixes


class _Terms:
    """A namespace's terms, each looked up once: an rdflib namespace makes (and checks) a new
    URIRef on every attribute access, and the graph stage asks for the same few terms for
    every triple it makes (a third of :func:`article_triples`' time before).

    >>> nif = _Terms(_ns.NIF)
    >>> _ns.NIF.beginIndex is _ns.NIF.beginIndex, nif.beginIndex is nif.beginIndex, nif.beginIndex == _ns.NIF.beginIndex
    (False, True, True)
    """

    def __init__(self, namespace) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> URIRef:
        term = getattr(self._namespace, name)
        self.__dict__[name] = term
        return term


NIF, PROV, SDO, SG = (_Terms(n) for n in (_ns.NIF, _ns.PROV, _ns.SDO, _ns.SG))
RDF, RDFS, SKOS, XSD = (_Terms(n) for n in (_rdflib_ns.RDF, _rdflib_ns.RDFS, _rdflib_ns.SKOS, _rdflib_ns.XSD))

MODES = {Mode.DIRECT: SG.DirectQuote, Mode.REPORTED: SG.ReportedSpeech, Mode.MIXED: SG.MixedSpeech}
STANCES = {Stance.SUPPORT: SG.Support, Stance.OPPOSE: SG.Oppose}
KIND_CLASS = {"person": SG.Person, "organisation": SG.Organisation, "state": SG.State, "group": SG.Group}
RUN = URIRef(ids.run_iri(__version__))


def article_iri(article_id: str) -> URIRef:
    return URIRef(ids.article_iri(article_id))


class _RdflibTerms:
    """Terms of rdflib (what :func:`article_graph` builds)."""

    @staticmethod
    def iri(x: str) -> URIRef:
        return x if type(x) is URIRef else URIRef(x)

    @staticmethod
    def lit(value, datatype: str | None = None, lang: str | None = None) -> Literal:
        return Literal(value, datatype=datatype, lang=lang)


class _OxigraphTerms:
    """The same terms as pyoxigraph objects, with the lexical forms rdflib gives them
    (what :func:`article_triples` builds: no rdflib object is made)."""

    def __init__(self) -> None:
        import pyoxigraph as ox

        self.ox = ox
        self._iris: dict[str, object] = {}
        self._boolean = ox.NamedNode(str(XSD.boolean))
        self._ints: dict[tuple[int, str], object] = {}

    def iri(self, x: str):
        node = self._iris.get(x)
        if node is None:
            if len(self._iris) >= 200_000:  # each article's own IRIs too: bounded, a long build stays flat
                self._iris.clear()
            node = self._iris[x] = self.ox.NamedNode(x)
        return node

    def lit(self, value, datatype: str | None = None, lang: str | None = None):
        if lang:
            return self.ox.Literal(value, language=lang)
        if isinstance(value, bool):
            return self.ox.Literal("true" if value else "false", datatype=self._boolean)
        if datatype is not None:
            if type(value) is int:  # offsets: the same few thousand numbers in every article
                key = (value, datatype)
                node = self._ints.get(key)
                if node is None:
                    if len(self._ints) >= 100_000:
                        self._ints.clear()
                    node = self._ints[key] = self.ox.Literal(str(value), datatype=self.iri(datatype))
                return node
            return self.ox.Literal(str(value), datatype=self.iri(datatype))
        return self.ox.Literal(value)


def _actor(add, T, actor: Actor) -> None:
    node = T.iri(actor.iri)
    add(node, T.iri(RDF.type), T.iri(KIND_CLASS.get(actor.kind, SG.Actor)))
    add(node, T.iri(SKOS.prefLabel), T.lit(actor.name, lang="en"))
    add(node, T.iri(RDFS.label), T.lit(actor.name, lang="en"))
    add(node, T.iri(SG.actorKind), T.lit(actor.kind))
    add(node, T.iri(SG.fromGazetteer), T.lit(bool(actor.from_gazetteer)))
    if actor.affiliation:
        add(node, T.iri(SG.affiliation), T.iri(actor.affiliation))
    if actor.wikidata:
        add(node, T.iri(SDO.sameAs), T.iri(actor.wikidata))


def actor_triples(g: Graph, actor: Actor) -> None:
    _actor(lambda s, p, o: g.add((s, p, o)), _RdflibTerms, actor)


def _span(add, T, art, span: Span):
    node = T.iri(ids.span_iri(_value(art), span.begin, span.end))
    add(node, T.iri(RDF.type), T.iri(SG.TextSpan))
    add(node, T.iri(NIF.referenceContext), art)
    add(node, T.iri(NIF.beginIndex), T.lit(span.begin, datatype=XSD.integer))
    add(node, T.iri(NIF.endIndex), T.lit(span.end, datatype=XSD.integer))
    add(node, T.iri(NIF.anchorOf), T.lit(span.text))
    return node


def _conf_text(value: float) -> str:
    """Three decimals in canonical form (no trailing zeros), the form a store keeps:
    a graph file and a store then hold the same literal."""
    return f"{max(0.0, min(1.0, value)):.3f}".rstrip("0").rstrip(".")


def _conf(value: float) -> Literal:
    return Literal(_conf_text(value), datatype=XSD.decimal)


def _evidence(add, T, node, art, statements: list, evidence: Span, confidence: float, run) -> None:
    """What ties a position or claim to the text: its statements, article, evidence span, confidence."""
    for st in statements:
        add(node, T.iri(SG.expressedIn), st)
    add(node, T.iri(PROV.wasDerivedFrom), art)
    add(node, T.iri(PROV.wasGeneratedBy), run)
    add(node, T.iri(SG.span), _span(add, T, art, evidence))
    add(node, T.iri(SG.evidenceText), T.lit(evidence.text))
    add(node, T.iri(SG.confidence), T.lit(_conf_text(confidence), datatype=XSD.decimal))


def article_graph(ex: Extraction, codebook_issue_iris: dict[str, str], sovereign_iris: dict[str, str],
                  run: URIRef = RUN) -> Graph:
    """The named-graph content of one article: the article, its spans, statements,
    positions, claims, and the actors minted from its text; ``run`` is the extraction run
    (:func:`stancegraph.provenance.run_iri`). :func:`article_triples` builds the same
    triples as pyoxigraph objects."""
    g = Graph()
    bind_prefixes(g)
    _article(lambda s, p, o: g.add((s, p, o)), _RdflibTerms, ex, codebook_issue_iris, sovereign_iris, run)
    return g


def article_triples(ex: Extraction, codebook_issue_iris: dict[str, str], sovereign_iris: dict[str, str],
                    run: str = RUN, terms: _OxigraphTerms | None = None) -> list:
    """The triples of :func:`article_graph` as pyoxigraph Triples, built without rdflib
    (what a build writes and validates). ``terms``: a factory to re-use across articles.

    >>> from stancegraph.ingest import parse_text
    >>> from stancegraph.model import Extraction
    >>> from rdflib.compare import isomorphic
    >>> from stancegraph.rdf import to_rdflib
    >>> ex = Extraction(parse_text("a1", "Text."), {}, [], [], [], [])
    >>> isomorphic(to_rdflib(article_triples(ex, {}, {})), article_graph(ex, {}, {}))
    True
    """
    import pyoxigraph as ox

    T = terms or _OxigraphTerms()
    out: dict = {}

    def add(s, p, o) -> None:
        out[ox.Triple(s, p, o)] = None

    _article(add, T, ex, codebook_issue_iris, sovereign_iris, T.iri(str(run)))
    return list(out)


def _article(add, T, ex: Extraction, codebook_issue_iris: dict[str, str], sovereign_iris: dict[str, str],
             run) -> None:
    """The article's triples, through ``add(s, p, o)``, with terms made by ``T``."""
    a = ex.article
    art = T.iri(ids.article_iri(a.id))
    rdf_type = T.iri(RDF.type)
    add(art, rdf_type, T.iri(SG.Article))
    add(art, T.iri(SG.articleId), T.lit(a.id))
    add(art, T.iri(NIF.isString), T.lit(a.text))
    if a.published:
        add(art, T.iri(SDO.datePublished), T.lit(a.published.isoformat(), datatype=XSD.date))
    elif ex.inferred_date is not None:  # read from the text, not published: marked as inferred
        add(art, T.iri(SG.inferredDate), T.lit(ex.inferred_date.day.isoformat(), datatype=XSD.date))
        add(art, T.iri(SG.dateEvidence), T.lit(f"{ex.inferred_date.kind}: {ex.inferred_date.evidence}"))
    if ex.document_speaker:
        add(art, T.iri(SG.documentSpeaker), T.iri(ex.document_speaker))
    if a.title:
        add(art, T.iri(SDO.headline), T.lit(a.title))
    if a.url:
        add(art, T.iri(SDO.url), T.lit(a.url, datatype=XSD.anyURI))
    if a.outlet:
        add(art, T.iri(SG.outlet), T.lit(a.outlet))
    for actor in ex.actors.values():
        if not actor.from_gazetteer:
            _actor(add, T, actor)
    for m in ex.mentions:
        node = _span(add, T, art, m.span)
        add(node, T.iri(SG.refersTo), T.iri(m.actor))
    st_nodes: list = []
    used: dict[tuple[int, int], int] = {}
    for st in ex.statements:
        key = (st.span.begin, st.span.end)
        n = used.get(key, 0)
        used[key] = n + 1
        node = T.iri(ids.statement_iri(_value(art), st.span.begin, st.span.end, n))
        st_nodes.append(node)
        add(node, rdf_type, T.iri(SG.Statement))
        if st.mode == Mode.DIRECT:
            add(node, rdf_type, T.iri(SDO.Quotation))
        add(node, T.iri(PROV.wasAttributedTo), T.iri(st.speaker))
        add(node, T.iri(PROV.wasDerivedFrom), art)
        add(node, T.iri(PROV.wasGeneratedBy), run)
        add(node, T.iri(SG.mode), T.iri(MODES[st.mode]))
        for span in [st.span, *st.extra_spans]:
            add(node, T.iri(SG.span), _span(add, T, art, span))
        if st.cue:
            add(node, T.iri(SG.cueVerb), T.lit(st.cue))
        if st.quoted_text:
            add(node, T.iri(SG.quotedText), T.lit(st.quoted_text))
        if st.reported_by:
            add(node, T.iri(SG.reportedBy), T.iri(st.reported_by))
        if st.utterance_date:
            add(node, T.iri(SG.utteranceDate), T.lit(st.utterance_date.isoformat(), datatype=XSD.date))
        add(node, T.iri(SG.confidence), T.lit(_conf_text(st.confidence), datatype=XSD.decimal))
    for p in ex.positions:
        stance = Stance.from_sign(p.stance)
        node = T.iri(ids.position_iri(_value(art), p.holder, p.issue, stance.key))
        add(node, rdf_type, T.iri(SG.IssuePosition))
        add(node, T.iri(SG.holder), T.iri(p.holder))
        add(node, T.iri(SG.issue), T.iri(codebook_issue_iris[p.issue]))
        add(node, T.iri(SG.stance), T.iri(STANCES[stance]))
        _evidence(add, T, node, art, [st_nodes[i] for i in p.statements], p.evidence, p.confidence, run)
        if p.relayed_by:
            add(node, T.iri(SG.relayedBy), T.iri(p.relayed_by))
    for c in ex.claims:
        node = T.iri(ids.claim_iri(_value(art), c.claimant, c.territory, c.sovereign))
        add(node, rdf_type, T.iri(SG.TerritorialClaim))
        add(node, T.iri(SG.claimant), T.iri(c.claimant))
        add(node, T.iri(SG.territory), T.iri(c.territory))
        add(node, T.iri(SG.assertedSovereign), T.iri(sovereign_iris[c.sovereign]))
        _evidence(add, T, node, art, [st_nodes[i] for i in c.statements], c.evidence, c.confidence, run)


def _value(node) -> str:
    """The IRI text of an rdflib or pyoxigraph IRI."""
    return node if isinstance(node, str) else node.value


def run_graph(model_id: str, run: URIRef = RUN, detector_id: str | None = None,
              training_set: str | None = None) -> Graph:
    """The run's provenance: software and NLP model, stance detector, its training set."""
    g = Graph()
    g.add((run, RDF.type, SG.ExtractionRun))
    g.add((run, RDFS.label, Literal(f"stancegraph {__version__}")))
    g.add((run, SG.softwareVersion, Literal(f"stancegraph {__version__}; {model_id}")))
    if detector_id:
        g.add((run, SG.stanceDetector, Literal(detector_id)))
    if training_set:
        g.add((run, SG.trainingSetDigest, Literal(training_set)))
    return g


def static_graphs(res: Resources, model_id: str, run: URIRef = RUN, detector_id: str | None = None,
                  training_set: str | None = None) -> dict[str, Graph]:
    """The graphs every build shares: ontology, codebook, gazetteer (actors and territories).
    :func:`static_triples` gives the same as pyoxigraph triples (what a build writes)."""
    gaz = Graph()
    for t in res.gazetteer.graph:
        gaz.add(t)
    for t in res.territory_graph:
        gaz.add(t)
    for actor in res.gazetteer.actors.values():
        gaz.add((URIRef(actor.iri), SG.fromGazetteer, Literal(True)))
    for t in run_graph(model_id, run, detector_id, training_set):
        gaz.add(t)
    return {"ontology": res.ontology, "codebook": res.codebook.graph, "gazetteer": gaz}


_STATIC_OX: list = []  # [(resources, key, triples)]: the last static triples made


def static_triples(res: Resources, model_id: str, run: URIRef = RUN, detector_id: str | None = None,
                   training_set: str | None = None) -> dict[str, list]:
    """The triples of :func:`static_graphs` as pyoxigraph Triples, made without copying rdflib
    graphs, once per resources and run in a process (the build writes and validates them, its
    in-process worker validates article graphs against them); read-only for their users."""
    import pyoxigraph as ox

    from .rdf import to_oxigraph

    key = (model_id, str(run), detector_id, training_set)
    if _STATIC_OX and _STATIC_OX[0][0] is res and _STATIC_OX[0][1] == key:
        return dict(_STATIC_OX[0][2])
    gaz = dict.fromkeys(res.gazetteer.data.triples)
    gaz.update(dict.fromkeys(res.territory_data.triples))
    flag, true = ox.NamedNode(str(SG.fromGazetteer)), ox.Literal("true", datatype=ox.NamedNode(str(XSD.boolean)))
    gaz.update((ox.Triple(ox.NamedNode(a.iri), flag, true), None) for a in res.gazetteer.actors.values())
    gaz.update(dict.fromkeys(to_oxigraph(run_graph(model_id, run, detector_id, training_set))))
    out = {"ontology": list(res.ontology_data.triples), "codebook": list(res.codebook.data.triples),
           "gazetteer": list(gaz)}
    _STATIC_OX[:] = [(res, key, out)]
    return dict(out)


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
