"""Which run made a graph, and a VoID + DCAT description of each build, written beside it.

The graph itself holds no time: its extraction run is named by a hash of what
decides the extraction (the stancegraph version, the spaCy pipeline, and the
bytes of the codebook, cue lexicon, gazetteer, territories and ontology), so
the same input and versions always give the same bytes. Everything that
differs between two builds of the same input -- when it ran, where it is
served -- goes to the description file (``graph.ttl`` -> ``graph.void.ttl``):
a ``void:Dataset`` and ``dcat:Dataset`` with counts, class partitions, the
articles' date range, the run, the licence and the SPARQL endpoint when known.

>>> from rdflib import Graph, Literal, URIRef
>>> from rdflib.namespace import RDF
>>> from stancegraph.namespaces import SG
>>> g = Graph(); a = URIRef("https://w3id.org/stancegraph/id/article/x"); _ = g.add((a, RDF.type, SG.Article))
>>> d = describe_build(g, run=URIRef("https://w3id.org/stancegraph/id/run/abc"), created="2025-01-02T03:04:05Z")
>>> int(d.value(dataset_iri(g, URIRef("https://w3id.org/stancegraph/id/run/abc")), VOID.triples))
1
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF, XSD, Namespace

from . import __version__
from .namespaces import ID_BASE, SDO, SG

VOID = Namespace("http://rdfs.org/ns/void#")
VOCABULARIES = ("https://w3id.org/stancegraph/ontology#", "http://www.w3.org/ns/prov#", "https://schema.org/",
                "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
                "http://www.w3.org/2004/02/skos/core#", "http://www.w3.org/ns/org#",
                "http://www.w3.org/2006/time#")


def _sha(parts: Iterable[bytes]) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(hashlib.sha256(p).digest())
    return h.hexdigest()[:16]


def run_iri(sources: dict[str, str], model_id: str, version: str = __version__) -> URIRef:
    """The extraction run's IRI: a hash of the software and model versions and the data files.

    ``sources`` maps resource names to files (``Resources.sources``).

    >>> str(run_iri({}, "en_core_web_sm 3.8.0", "0.1.0"))
    'https://w3id.org/stancegraph/id/run/stancegraph-0.1.0-41f62921cffc1b7d'
    """
    parts = [f"stancegraph {version}".encode(), model_id.encode()]
    for name in sorted(sources):
        p = Path(sources[name])
        parts += [name.encode(), p.read_bytes() if p.is_file() else b""]
    return URIRef(f"{ID_BASE}run/stancegraph-{version}-{_sha(parts)}")


def dataset_iri(graph: Graph, run: URIRef) -> URIRef:
    """The build's dataset IRI: a hash of the run and of the articles in the graph."""
    arts = sorted(str(a) for a in graph.subjects(RDF.type, SG.Article))
    texts = [str(graph.value(URIRef(a), URIRef("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString"))
                 or "") for a in arts]
    return URIRef(f"{ID_BASE}dataset/{_sha([str(run).encode(), *[a.encode() for a in arts], *[t.encode() for t in texts]])}")


def describe_build(graph: Graph, run: URIRef, *, graph_file: str | None = None, created: str | None = None,
                   license: str | None = None, endpoint: str | None = None) -> Graph:
    """A VoID + DCAT description of ``graph`` (the built knowledge graph).

    ``graph_file``: the graph's file name, as the distribution's (relative) download URL;
    ``created``: ISO time (default: now, UTC); ``license``: licence IRI of the data;
    ``endpoint``: the SPARQL endpoint it is served at.
    """
    d = Graph()
    ds = dataset_iri(graph, run)
    created = created or datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    d.add((ds, RDF.type, VOID.Dataset))
    d.add((ds, RDF.type, DCAT.Dataset))
    arts = set(graph.subjects(RDF.type, SG.Article))
    d.add((ds, DCTERMS.title, Literal(f"stancegraph knowledge graph of {len(arts)} articles", lang="en")))
    d.add((ds, DCTERMS.description, Literal(
        "Actors, their statements tied to text spans, their positions on codebook issues and their "
        "territorial claims, extracted from news articles by stancegraph.", lang="en")))
    d.add((ds, DCTERMS.created, Literal(created, datatype=XSD.dateTime)))
    d.add((ds, DCTERMS.creator, Literal(f"stancegraph {__version__}")))
    d.add((ds, URIRef("http://www.w3.org/ns/prov#wasGeneratedBy"), run))
    if license:
        d.add((ds, DCTERMS.license, URIRef(license)))
    else:
        d.add((ds, DCTERMS.rights, Literal("Derived from the source articles, whose terms of use apply; "
                                           "no licence was given to the build (stancegraph build --license).",
                                           lang="en")))
    if endpoint:
        d.add((ds, VOID.sparqlEndpoint, URIRef(endpoint)))
        service = BNode()
        d.add((ds, DCAT.distribution, service))
        d.add((service, RDF.type, DCAT.Distribution))
        d.add((service, DCAT.accessURL, URIRef(endpoint)))
        d.add((service, DCTERMS.title, Literal("SPARQL endpoint", lang="en")))
    if graph_file:
        dist = BNode()
        d.add((ds, DCAT.distribution, dist))
        d.add((dist, RDF.type, DCAT.Distribution))
        d.add((dist, DCAT.downloadURL, URIRef(graph_file)))
        d.add((dist, DCAT.mediaType, URIRef("https://www.iana.org/assignments/media-types/text/turtle")))
        d.add((ds, VOID.dataDump, URIRef(graph_file)))
    for v in VOCABULARIES:
        d.add((ds, VOID.vocabulary, URIRef(v)))
    subjects = set(graph.subjects())
    d.add((ds, VOID.triples, Literal(len(graph))))
    d.add((ds, VOID.entities, Literal(sum(1 for s in subjects if isinstance(s, URIRef)))))
    d.add((ds, VOID.distinctSubjects, Literal(len(subjects))))
    d.add((ds, VOID.properties, Literal(len(set(graph.predicates())))))
    counts: dict[URIRef, int] = {}
    for _, c in graph.subject_objects(RDF.type):
        if isinstance(c, URIRef):
            counts[c] = counts.get(c, 0) + 1
    d.add((ds, VOID.classes, Literal(len(counts))))
    for c, n in sorted(counts.items()):
        part = BNode()
        d.add((ds, VOID.classPartition, part))
        d.add((part, VOID["class"], c))
        d.add((part, VOID.entities, Literal(n)))
    dates = sorted(str(x) for x in graph.objects(None, SDO.datePublished))
    if dates:
        period = BNode()
        d.add((ds, DCTERMS.temporal, period))
        d.add((period, RDF.type, DCTERMS.PeriodOfTime))
        d.add((period, DCAT.startDate, Literal(dates[0], datatype=XSD.date)))
        d.add((period, DCAT.endDate, Literal(dates[-1], datatype=XSD.date)))
    return d


def description_path(graph_path: str | Path) -> Path:
    """Where the description of a graph file goes: ``graph.ttl`` -> ``graph.void.ttl``.

    >>> description_path("out/graph.ttl").as_posix()
    'out/graph.void.ttl'
    """
    p = Path(graph_path)
    stem = p.name[: -len(p.suffix)] if p.suffix else p.name
    return p.with_name(f"{stem}.void.ttl")


__all__ = ["VOID", "dataset_iri", "describe_build", "description_path", "run_iri"]
