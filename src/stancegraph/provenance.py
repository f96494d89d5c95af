"""Which run made a graph, and a VoID + DCAT description of each build, written beside it.

The graph itself holds no time: its extraction run is named by a hash of what
decides the extraction (the stancegraph version, the spaCy pipeline, and the
bytes of the codebook, cue lexicon, gazetteer, territories and ontology), so
the same input and versions always give the same bytes. Everything that
differs between two builds of the same input -- when it ran, where it is
served -- goes to the description file (``graph.ttl`` -> ``graph.void.ttl``):
a ``void:Dataset`` and ``dcat:Dataset`` with counts, class partitions, the
articles' date range, the run, the licence and the SPARQL endpoint when known.

>>> from rdflib import Graph, URIRef
>>> from rdflib.namespace import RDF
>>> from stancegraph.namespaces import SG
>>> g = Graph(); _ = g.add((URIRef("https://w3id.org/stancegraph/id/article/x"), RDF.type, SG.Article))
>>> stats = BuildStats(); stats.add(g)
>>> run = run_iri("0" * 64, "0.1.0")
>>> d = describe_build(stats, run, created="2025-01-02T03:04:05Z")
>>> int(d.value(stats.dataset(run), VOID.triples))
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
from .ids import ARTICLE_BASE
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


def run_iri(fingerprint: str, version: str = __version__) -> URIRef:
    """The extraction run's IRI from a build's input fingerprint (:func:`stancegraph.worker.input_fingerprint`:
    resource files, shapes, model identity, extractor code) and the software version.

    >>> str(run_iri("ab" * 32, "0.1.0"))
    'https://w3id.org/stancegraph/id/run/stancegraph-0.1.0-abababababababab'
    """
    return URIRef(f"{ID_BASE}run/stancegraph-{version}-{fingerprint[:16]}")


class BuildStats:
    """Counts for the description, gathered while a build writes (no graph kept in memory):
    triples, subjects, properties, instances per class, articles and their dates.

    A subject under an article's IRI belongs to that article alone and arrives in one
    :meth:`add` (one article's triples): it is counted, not kept, so the memory stays flat
    in the corpus size; other subjects (actors, static nodes) are kept to be counted once."""

    def __init__(self) -> None:
        self.triples = 0
        self.subjects: set[str] = set()            # subjects outside any article
        self.local_subjects = 0                    # subjects under an article IRI (counted per add)
        self.properties: set[str] = set()
        self.classes: dict[str, set[str]] = {}     # class -> its instances outside any article
        self.local_classes: dict[str, int] = {}    # class -> count of its instances under article IRIs
        self.articles: dict[str, str] = {}   # article IRI -> digest of its text
        self.dates: list[str] = []

    def add(self, triples: Iterable) -> None:
        """Count ``triples`` (rdflib triples, an rdflib Graph, or pyoxigraph Triples)."""
        rdf_type, article = str(RDF.type), str(SG.Article)
        published, text = str(SDO.datePublished), NIF_IS_STRING
        local: set[str] = set()
        local_typed: set[tuple[str, str]] = set()
        valued = _VALUED  # (the term types read by ``.value`` without a call of _value)
        subjects, properties = self.subjects, self.properties
        for t in triples:
            s, p, o = (t.subject, t.predicate, t.object) if hasattr(t, "subject") else t
            s = s.value if type(s) in valued else _value(s)
            p = p.value if type(p) in valued else _value(p)
            self.triples += 1
            inside = s.startswith(ARTICLE_BASE)
            (local if inside else subjects).add(s)
            properties.add(p)
            if p == rdf_type:
                c = _value(o)
                if inside:
                    local_typed.add((c, s))
                else:
                    self.classes.setdefault(c, set()).add(s)
                if c == article:
                    self.articles.setdefault(s, "")
            elif p == published:
                self.dates.append(_value(o))
            elif p == text:
                self.articles[s] = hashlib.sha256(_value(o).encode("utf-8")).hexdigest()
        self.local_subjects += len(local)
        for c, _ in local_typed:
            self.local_classes[c] = self.local_classes.get(c, 0) + 1

    def add_ntriples(self, data: bytes) -> None:
        """Count the triples of N-Triples ``data`` as :meth:`add` counts them once parsed, from
        the lines themselves: one triple per line, its subject and predicate written ``<IRI>``
        or ``_:label`` and followed by one space, as pyoxigraph serialises (a build's articles).
        Only the lines whose object is read (a type that is not an IRI, a date, an article's
        text) are parsed; data written otherwise (escapes in IRIs, other spacing, comments)
        is parsed in full.

        >>> a, b = BuildStats(), BuildStats()
        >>> nt = (b'<https://w3id.org/stancegraph/id/article/x> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> '
        ...       b'<https://w3id.org/stancegraph/ontology#Article> .\\n_:b <urn:p> "v" .\\n')
        >>> a.add_ntriples(nt)
        >>> import pyoxigraph as ox; b.add(ox.parse(nt, ox.RdfFormat.N_TRIPLES))
        >>> vars(a) == vars(b)
        True
        """
        import pyoxigraph as ox

        if not data:
            return
        rows = [line.split(b" ", 2) for line in data.splitlines()]
        subjects = {r[0] for r in rows}
        predicates = {r[1] for r in rows}
        if not all(len(r) == 3 and r[2][-2:] == b" ." for r in rows) or b"\\" in b"".join(subjects | predicates) \
                or not all(s[:1] == b"<" and s[-1:] == b">" or s[:2] == b"_:" for s in subjects) \
                or not all(p[:1] == b"<" and p[-1:] == b">" for p in predicates):
            self.add(ox.parse(data, ox.RdfFormat.N_TRIPLES))  # not one triple per line as pyoxigraph writes
            return
        inside_mark = f"<{ARTICLE_BASE}".encode()
        for subject in subjects:
            if subject.startswith(inside_mark):
                self.local_subjects += 1
            else:
                self.subjects.add(_term_text(subject))
        self.properties.update({p[1:-1].decode() for p in predicates})
        self.triples += len(rows)
        article = str(SG.Article)
        typed: list[tuple[str, str]] = []  # (class, subject) of each rdf:type triple
        type_p = b"<" + _RDF_TYPE + b">"
        read = (b"<" + _PUBLISHED.encode() + b">", b"<" + NIF_IS_STRING.encode() + b">")
        for s, p, o in rows:
            if p == type_p and o[:1] == b"<" and b"\\" not in o:
                typed.append((o[1:-3].decode(), _term_text(s)))
            elif p == type_p or p in read:  # dates, article texts, types that are no IRI: parsed
                (t,) = ox.parse(b" ".join((s, p, o)), ox.RdfFormat.N_TRIPLES)
                if p == type_p:
                    typed.append((_value(t.object), _term_text(s)))
                elif p == read[0]:
                    self.dates.append(_value(t.object))
                else:
                    self.articles[_term_text(s)] = hashlib.sha256(_value(t.object).encode("utf-8")).hexdigest()
        local_typed: set[tuple[str, str]] = set()
        for c, subject in typed:
            if subject.startswith(ARTICLE_BASE):
                local_typed.add((c, subject))
            else:
                self.classes.setdefault(c, set()).add(subject)
            if c == article:
                self.articles.setdefault(subject, "")
        for c, _ in local_typed:
            self.local_classes[c] = self.local_classes.get(c, 0) + 1

    @property
    def distinct_subjects(self) -> int:
        return self.local_subjects + len(self.subjects)

    @property
    def entities(self) -> int:
        """Subjects that are IRIs (every subject under an article IRI is one)."""
        return self.local_subjects + sum(1 for s in self.subjects if not s.startswith("_:") and ":" in s)

    def class_counts(self) -> dict[str, int]:
        out = {c: len(m) for c, m in self.classes.items()}
        for c, n in self.local_classes.items():
            out[c] = out.get(c, 0) + n
        return out

    def dataset(self, run: URIRef) -> URIRef:
        """The build's dataset IRI: a hash of the run and of the articles (IRIs and texts)."""
        parts = [str(run).encode()] + [f"{a} {h}".encode() for a, h in sorted(self.articles.items())]
        return URIRef(f"{ID_BASE}dataset/{_sha(parts)}")


NIF_IS_STRING = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString"


#: pyoxigraph term types met so far: their text is ``.value`` (kept so that a triple costs no call)
_VALUED: set[type] = set()


_RDF_TYPE_STR = str(RDF.type)
_RDF_TYPE = _RDF_TYPE_STR.encode()
_PUBLISHED = str(SDO.datePublished)


def _term_text(term: bytes) -> str:
    """The ``.value`` of an N-Triples subject written ``<IRI>`` or ``_:label``."""
    return term[1:-1].decode() if term[:1] == b"<" else term[2:].decode()


def _value(term) -> str:
    if hasattr(term, "value") and not hasattr(term, "toPython"):
        if type(term).__module__ == "pyoxigraph":
            _VALUED.add(type(term))
        return term.value
    return str(term)


def describe_build(stats: BuildStats, run: URIRef, *, graph_file: str | None = None, created: str | None = None,
                   license: str | None = None, endpoint: str | None = None,
                   triples: int | None = None) -> Graph:
    """A VoID + DCAT description of a build from its :class:`BuildStats`.

    ``graph_file``: the graph's file name, as the distribution's (relative) download URL;
    ``created``: ISO time (default: now, UTC); ``license``: licence IRI of the data;
    ``endpoint``: the SPARQL endpoint it is served at; ``triples``: the number of distinct
    triples when known (default: the count of triples written).
    """
    d = Graph()
    ds = stats.dataset(run)
    created = created or datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    d.add((ds, RDF.type, VOID.Dataset))
    d.add((ds, RDF.type, DCAT.Dataset))
    n_articles = len(stats.articles)
    d.add((ds, DCTERMS.title, Literal(f"stancegraph knowledge graph of {n_articles} articles", lang="en")))
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
    d.add((ds, VOID.triples, Literal(stats.triples if triples is None else triples)))
    d.add((ds, VOID.entities, Literal(stats.entities)))
    d.add((ds, VOID.distinctSubjects, Literal(stats.distinct_subjects)))
    d.add((ds, VOID.properties, Literal(len(stats.properties))))
    classes = stats.class_counts()
    d.add((ds, VOID.classes, Literal(len(classes))))
    for c, n in sorted(classes.items()):
        part = BNode()
        d.add((ds, VOID.classPartition, part))
        d.add((part, VOID["class"], URIRef(c)))
        d.add((part, VOID.entities, Literal(n)))
    if stats.dates:
        period = BNode()
        d.add((ds, DCTERMS.temporal, period))
        d.add((period, RDF.type, DCTERMS.PeriodOfTime))
        d.add((period, DCAT.startDate, Literal(min(stats.dates), datatype=XSD.date)))
        d.add((period, DCAT.endDate, Literal(max(stats.dates), datatype=XSD.date)))
    return d


def description_path(graph_path: str | Path) -> Path:
    """Where the description of a graph file goes: ``graph.ttl`` -> ``graph.void.ttl``.

    >>> description_path("out/graph.ttl").as_posix()
    'out/graph.void.ttl'
    """
    p = Path(graph_path)
    stem = p.name[: -len(p.suffix)] if p.suffix else p.name
    return p.with_name(f"{stem}.void.ttl")


__all__ = ["VOID", "BuildStats", "describe_build", "description_path", "run_iri"]
