"""Namespaces of the stancegraph vocabulary and the vocabularies it reuses.

``SG`` is a :class:`rdflib.namespace.DefinedNamespace`: a mistyped term such as
``SG.Statment`` raises ``AttributeError`` at import time of the code using it.

>>> from stancegraph.namespaces import SG
>>> str(SG.Statement)
'https://w3id.org/stancegraph/ontology#Statement'
"""

from __future__ import annotations

from typing import Iterable

from rdflib import Namespace, URIRef
from rdflib.namespace import OWL, RDFS, SKOS, XSD, DefinedNamespace

SG_IRI = "https://w3id.org/stancegraph/ontology#"
ID_BASE = "https://w3id.org/stancegraph/id/"


class SG(DefinedNamespace):
    """The stancegraph ontology (ontology/stancegraph.ttl)."""

    _NS = Namespace(SG_IRI)
    _fail = True

    # classes
    Actor: URIRef
    Person: URIRef
    Organisation: URIRef
    State: URIRef
    Group: URIRef
    Tenure: URIRef
    Article: URIRef
    TextSpan: URIRef
    Statement: URIRef
    SpeechMode: URIRef
    DirectQuote: URIRef
    ReportedSpeech: URIRef
    MixedSpeech: URIRef
    IssuePosition: URIRef
    Stance: URIRef
    Support: URIRef
    Oppose: URIRef
    Territory: URIRef
    Sovereignty: URIRef
    TerritorialClaim: URIRef
    Codebook: URIRef
    StanceCue: URIRef
    PredicateCue: URIRef
    ReportingCue: URIRef
    ContrastCue: URIRef
    ExtractionRun: URIRef
    # properties
    affiliation: URIRef
    actorKind: URIRef
    fromGazetteer: URIRef
    isSource: URIRef
    post: URIRef
    title: URIRef
    articleId: URIRef
    outlet: URIRef
    mode: URIRef
    cueVerb: URIRef
    span: URIRef
    quotedText: URIRef
    reportedBy: URIRef
    utteranceDate: URIRef
    confidence: URIRef
    holder: URIRef
    issue: URIRef
    stance: URIRef
    expressedIn: URIRef
    relayedBy: URIRef
    evidenceText: URIRef
    partOf: URIRef
    sovereignState: URIRef
    claimant: URIRef
    territory: URIRef
    assertedSovereign: URIRef
    sovereigntyScheme: URIRef
    cue: URIRef
    cuePhrase: URIRef
    cueStance: URIRef
    topicTerm: URIRef
    contextTerm: URIRef
    topicPolarity: URIRef
    softwareVersion: URIRef
    stanceDetector: URIRef
    trainingSetDigest: URIRef
    refersTo: URIRef
    standalone: URIRef
    RoleNoun: URIRef
    SourceNoun: URIRef
    EventNoun: URIRef
    supportExample: URIRef
    opposeExample: URIRef
    requiresTerritory: URIRef
    ClaimCue: URIRef
    claimCue: URIRef
    cueSovereign: URIRef
    negatedSovereign: URIRef
    # reviews (stancegraph.review)
    Review: URIRef
    Reviewer: URIRef
    ReviewAction: URIRef
    Accepted: URIRef
    Rejected: URIRef
    Edited: URIRef
    Added: URIRef
    reviewAction: URIRef
    reviewedStatement: URIRef
    targetArticle: URIRef
    targetBegin: URIRef
    targetEnd: URIRef
    targetHolder: URIRef
    targetIssue: URIRef
    targetStance: URIRef
    newHolder: URIRef
    newOrganisation: URIRef
    newIssue: URIRef
    newStance: URIRef
    # claim events (extract/claim_events.py) and inferred dates (extract/dates.py)
    ClaimEventCue: URIRef
    recipientPreposition: URIRef
    requiredPreposition: URIRef
    requiredObject: URIRef
    claimEventCue: URIRef
    eventClass: URIRef
    Acquisition: URIRef
    Relinquishment: URIRef
    Independence: URIRef
    Recognition: URIRef
    DisputeCue: URIRef
    LapseCue: URIRef
    HoldingCue: URIRef
    holdingSovereign: URIRef
    CoercionCue: URIRef
    ProvisionCue: URIRef
    DemandCue: URIRef
    DenialCue: URIRef
    claimableSovereign: URIRef
    capitalOf: URIRef
    TerritoryGroup: URIRef
    groupMember: URIRef
    demonym: URIRef
    contrarySovereign: URIRef
    inferredDate: URIRef
    dateEvidence: URIRef
    documentSpeaker: URIRef


SDO = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
ORG = Namespace("http://www.w3.org/ns/org#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
TIME = Namespace("http://www.w3.org/2006/time#")
WD = Namespace("http://www.wikidata.org/entity/")
ID = Namespace(ID_BASE)
CODEBOOK_BASE = "https://w3id.org/stancegraph/codebook/"

PREFIXES: dict[str, Namespace] = {
    "sg": Namespace(SG_IRI),
    "schema": SDO,
    "prov": PROV,
    "org": ORG,
    "nif": NIF,
    "time": TIME,
    "wd": WD,
    "id": ID,
    "act": Namespace(ID_BASE + "actor/"),
    "ter": Namespace(ID_BASE + "territory/"),
    "cb": Namespace(CODEBOOK_BASE),
    "skos": Namespace(str(SKOS)),
    "xsd": Namespace(str(XSD)),
    "rdfs": Namespace(str(RDFS)),
    "owl": Namespace(str(OWL)),
    "rdf": Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    # the build description (VoID + DCAT, stancegraph.provenance) and the ontology's metadata
    "dcterms": Namespace("http://purl.org/dc/terms/"),
    "dcat": Namespace("http://www.w3.org/ns/dcat#"),
    "void": Namespace("http://rdfs.org/ns/void#"),
    "vann": Namespace("http://purl.org/vocab/vann/"),
}
"""THE prefix table: Turtle output, the prefixes of query parameters and of every ``.rq`` file
(checked by ``tests/test_structure.py``) all come from it."""


def prefix_map(names: Iterable[str] | None = None) -> dict[str, str]:
    """``prefix -> namespace IRI`` for ``names`` (default: all), e.g. for Oxigraph's ``prefixes=``.

    >>> prefix_map(["sg", "act"])
    {'sg': 'https://w3id.org/stancegraph/ontology#', 'act': 'https://w3id.org/stancegraph/id/actor/'}
    """
    keys = list(PREFIXES) if names is None else list(names)
    return {k: str(PREFIXES[k]) for k in keys}


def turtle_prefixes(names: Iterable[str] | None = None) -> str:
    """``@prefix`` lines for a Turtle document.

    >>> print(turtle_prefixes(["xsd"]), end="")
    @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
    """
    return "".join(f"@prefix {k}: <{v}> .\n" for k, v in prefix_map(names).items())


def bind_prefixes(graph) -> None:
    """Bind the project's prefixes on an rdflib graph (for readable Turtle)."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True)
