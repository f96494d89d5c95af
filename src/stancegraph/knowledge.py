"""Domain knowledge loaded from Turtle: codebook, cue lexicon, gazetteer, territories.

Nothing here knows about any particular conflict: every issue, cue, actor and
territory comes from the files under ``data/`` (or files a user names), so a
codebook for another debate is a matter of swapping files.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "codebook.ttl"
>>> _ = p.write_text('''@prefix sg: <https://w3id.org/stancegraph/ontology#> .
... @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
... <urn:cb> a sg:Codebook .
... <urn:toll> skos:inScheme <urn:cb> ; skos:notation "toll" ; sg:topicTerm "Congestion charge" ;
...     sg:cue [ sg:cuePhrase "cash grab" ; sg:cueStance sg:Oppose ] .''')
>>> cb = load_codebook(p)
>>> list(cb.issues), cb.issues["toll"].topic_terms, cb.issues["toll"].cues[0].stance
(['toll'], (('congestion', 'charge'),), <Stance.OPPOSE: -1>)
>>> load_resources().lexicon.is_reporting(("say",))
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

import pyoxigraph as ox
from rdflib.namespace import RDF, SKOS, XSD

from .model import Actor, Stance  # Actor: re-exported, the gazetteer holds actors
from .dates import covers, iso_date_or_none, latest_covering
from .errors import StanceGraphError
from .namespaces import ORG, SDO, SG, TIME
from . import paths

if TYPE_CHECKING:  # pragma: no cover
    from rdflib import Graph

Phrase = tuple[str, ...]


def per_resources(cache: dict, resources: Resources, make):
    """``make(resources)``, made once per loaded resources object and kept in ``cache`` (a module's
    dict) for the last eight loaded: tables derived from the data that every article reads.

    >>> cache = {}
    >>> r = object()
    >>> per_resources(cache, r, lambda _: [1]) is per_resources(cache, r, lambda _: [2])
    True
    """
    hit = cache.get(id(resources))
    if hit is None or hit[0] is not resources:
        hit = cache[id(resources)] = (resources, make(resources))
        while len(cache) > 8:
            cache.pop(next(iter(cache)))
    return hit[1]


def phrase(text: str) -> Phrase:
    """Cue text to the word tuple the matcher uses."""
    return tuple(text.lower().replace("’", "'").split())


# ------------------------------------------------------------- triples ---

def _key(term):
    """How a term is looked up: an IRI as its plain string (also an rdflib URIRef), other terms
    as the pyoxigraph term."""
    if isinstance(term, str):
        return str(term)
    return term.value if isinstance(term, ox.NamedNode) else term


def _str(term) -> str:
    """What ``str()`` of the rdflib term gives: an IRI, a literal's lexical form, a blank node's id."""
    return term if isinstance(term, str) else str(getattr(term, "value", term))


def _opt(term) -> str | None:
    """``str(term) if term else None`` of the rdflib term (an empty string counts as none)."""
    return (_str(term) or None) if term is not None else None


class TurtleData:
    """The triples of a resource file as Oxigraph parsed them, and the look-ups the loaders make.

    No rdflib on the way: a build only needs the derived structures and the pyoxigraph
    triples (:func:`stancegraph.graph.static_triples`). :attr:`graph` is an rdflib Graph of
    the same triples, made on first use (pyshacl, code written against rdflib). IRIs are
    looked up and returned as strings, literals and blank nodes as pyoxigraph terms; the
    order of every answer is the order of the file (as rdflib's in-memory store gives it).

    >>> d = TurtleData(list(ox.parse(b'<urn:a> <urn:p> "x", "y" . <urn:b> <urn:p> "x" .',
    ...                                format=ox.RdfFormat.TURTLE)))
    >>> [o.value for o in d.objects("urn:a", "urn:p")], d.subjects("urn:p", ox.Literal("x"))
    (['x', 'y'], ['urn:a', 'urn:b'])
    >>> len(d.graph)
    3
    """

    def __init__(self, triples: Iterable[ox.Triple | ox.Quad], prefixes: dict[str, str] | None = None,
                 graph: Graph | None = None):
        self.triples: list[ox.Triple] = list(dict.fromkeys(
            t if isinstance(t, ox.Triple) else t.triple for t in triples))
        self.prefixes = dict(prefixes or {})
        self._sp: dict[tuple, list] = {}
        self._po: dict[tuple, list] = {}
        for t in self.triples:
            s, p, o = _key(t.subject), t.predicate.value, _key(t.object)
            self._sp.setdefault((s, p), []).append(o)
            self._po.setdefault((p, o), []).append(s)
        if graph is not None:
            self.__dict__["graph"] = graph

    def objects(self, subject, predicate) -> list:
        return self._sp.get((_key(subject), str(predicate)), [])

    def subjects(self, predicate, obj) -> list:
        return self._po.get((str(predicate), _key(obj)), [])

    def value(self, subject, predicate):
        """One object of (subject, predicate), or None."""
        found = self._sp.get((_key(subject), str(predicate)))
        return found[0] if found else None

    @cached_property
    def graph(self) -> Graph:
        from .rdf import to_rdflib

        return to_rdflib(self.triples, self.prefixes)


# ------------------------------------------------------------------ types ---

@dataclass(frozen=True)
class Cue:
    words: Phrase
    stance: Stance
    standalone: bool = False


@dataclass(frozen=True)
class Issue:
    iri: str
    key: str
    label: str
    definition: str
    topic_terms: tuple[Phrase, ...]
    context_terms: tuple[Phrase, ...]
    topic_polarity: Stance
    cues: tuple[Cue, ...]
    requires_territory: bool = False
    #: sentences written for the codebook, per stance (+1 support, -1 oppose)
    examples: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True)
class Sovereignty:
    iri: str
    key: str
    label: str
    state: str | None


@dataclass(frozen=True)
class ClaimCue:
    words: Phrase
    sovereign: str  # key
    negated: str | None  # key asserted when the cue is negated


@dataclass
class Codebook:
    iri: str
    label: str
    issues: dict[str, Issue]
    sovereigns: dict[str, Sovereignty]
    claim_cues: tuple[ClaimCue, ...]
    data: TurtleData
    source: str = ""

    @property
    def graph(self) -> Graph:
        """The codebook file as an rdflib Graph (made on first use)."""
        return self.data.graph


@dataclass
class Lexicon:
    reporting: tuple[Phrase, ...]
    predicates: tuple[tuple[Phrase, int], ...]
    contrast: tuple[Phrase, ...]
    role_nouns: dict[str, str]
    source_nouns: frozenset[str]
    data: TurtleData
    event_nouns: frozenset[str] = frozenset()

    @property
    def graph(self) -> Graph:
        """The cue file as an rdflib Graph (made on first use)."""
        return self.data.graph

    def is_reporting(self, words: Phrase) -> bool:
        return words in self.reporting


@dataclass(frozen=True)
class Post:
    iri: str
    label: str
    titles: tuple[str, ...]
    organisation: str | None


@dataclass(frozen=True)
class Tenure:
    person: str
    post: str
    begin: date | None
    end: date | None

    def covers(self, day: date | None) -> bool:
        return day is None or covers(self.begin, self.end, day)


@dataclass
class Gazetteer:
    actors: dict[str, Actor]
    posts: dict[str, Post]
    tenures: tuple[Tenure, ...]
    data: TurtleData

    @property
    def graph(self) -> Graph:
        """The gazetteer file as an rdflib Graph (made on first use)."""
        return self.data.graph

    def holder(self, post_iri: str, day: date | None) -> str | None:
        """The person holding a post on a day (the latest-begun tenure covering it).

        Without a day, the holder whose tenure has no end (the current one), else the latest.
        """
        tenures = [t for t in self.tenures if t.post == post_iri]
        if not tenures:
            return None
        if day is not None:
            held = latest_covering(tenures, day, begin=lambda t: t.begin, end=lambda t: t.end)
            return held.person if held is not None else None
        open_ = [t for t in tenures if t.end is None]
        pool = open_ or tenures
        return max(pool, key=lambda t: t.begin or date.min).person

    def posts_of(self, person_iri: str, day: date | None) -> list[Post]:
        return [self.posts[t.post] for t in self.tenures
                if t.person == person_iri and t.covers(day) and t.post in self.posts]


@dataclass(frozen=True)
class Territory:
    iri: str
    name: str
    aliases: tuple[str, ...]
    part_of: tuple[str, ...]
    wikidata: str | None = None


@dataclass
class Resources:
    codebook: Codebook
    lexicon: Lexicon
    gazetteer: Gazetteer
    territories: dict[str, Territory]
    territory_data: TurtleData
    ontology_data: TurtleData
    sources: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)  # e.g. an empty gazetteer: kept, but said

    @property
    def territory_graph(self) -> Graph:
        """The territory file as an rdflib Graph (made on first use)."""
        return self.territory_data.graph

    @property
    def ontology(self) -> Graph:
        """The ontology as an rdflib Graph (made on first use)."""
        return self.ontology_data.graph


# ---------------------------------------------------------------- loading ---

def syntax_error(exc: Exception, path: str | Path, what: str = "Turtle") -> StanceGraphError:
    """An rdflib parser error as one line: the line (and column) where parsing stopped, the
    reason, and the text there as text (rdflib prints byte reprs and a line one too low)."""
    why = getattr(exc, "_why", None)
    raw = getattr(exc, "_str", None)
    if why is not None and isinstance(raw, (bytes, str)):
        text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
        i = min(max(int(getattr(exc, "_i", 0) or 0), 0), len(text))
        line = text.count("\n", 0, i) + 1
        start = text.rfind("\n", 0, i) + 1
        end = text.find("\n", i)
        near = " ".join(text[start:end if end >= 0 else len(text)].split())
        near = near if len(near) <= 80 else near[:77] + "..."
        return StanceGraphError(f"not valid {what}: {' '.join(str(why).split())}" + (f", in: {near}" if near else ""),
                                path=path, place=f"line {line}, column {i - start + 1}")
    msg = " ".join(str(exc).split())
    line = getattr(exc, "lines", None)
    place = f"line {line + 1}" if isinstance(line, int) else None
    if place is None:
        import re

        m = re.search(r"line (\d+)", msg)
        place = f"line {m.group(1)}" if m else None
    return StanceGraphError(f"not valid {what}: {msg[:300]}", path=path, place=place)


def read_turtle(path: str | Path) -> TurtleData:
    """Parse a Turtle file, turning parser errors into one line naming file and line.

    Oxigraph parses (fast); a file it refuses is parsed again by rdflib, whose error
    is the one reported (or which reads what Oxigraph does not, e.g. relative IRIs).
    """
    p = Path(path)
    if not p.is_file():
        raise StanceGraphError("no such file", path=p)
    try:
        # blank node labels are the file's own (as rdflib reads them): no clash with another file's
        parser = ox.parse(path=str(p), format=ox.RdfFormat.TURTLE, rename_blank_nodes=True)
        quads = list(parser)
    except (SyntaxError, ValueError, OSError):
        pass
    else:
        return TurtleData(quads, parser.prefixes)
    from rdflib import Graph

    from .rdf import to_oxigraph

    g = Graph()
    try:
        g.parse(p, format="turtle")
    except UnicodeDecodeError as exc:
        raise StanceGraphError(f"not UTF-8 (byte {exc.start})", path=p) from None
    except Exception as exc:  # rdflib raises several parser exception types
        raise syntax_error(exc, p) from None
    return TurtleData(to_oxigraph(g), dict(g.namespaces()), graph=g)


def parse_turtle(path: str | Path) -> Graph:
    """:func:`read_turtle` as an rdflib Graph."""
    return read_turtle(path).graph


_XSD_STRING, _XSD_BOOLEAN = str(XSD.string), str(XSD.boolean)
_RDF_TYPE = str(RDF.type)


def _literal_order(lit: ox.Literal) -> tuple:
    """rdflib's order of literals: datatype (a language-tagged string counts as xsd:string),
    then no language before any language, then the value."""
    lang = lit.language
    dt = _XSD_STRING if lang else lit.datatype.value
    return dt, (lang is not None, lang or ""), lit.value


def _node_order(node) -> tuple:
    """rdflib's order of subjects: blank nodes before IRIs, then the string."""
    return (isinstance(node, str), _str(node))


def _lit(g: TurtleData, s, p) -> str | None:
    values = [o for o in g.objects(s, p) if isinstance(o, ox.Literal)]
    if not values:
        return None
    en = [v for v in values if v.language in (None, "en")]
    return min(en or values, key=_literal_order).value


def _is_true(term) -> bool:
    """The term is the literal true (xsd:boolean)."""
    return isinstance(term, ox.Literal) and term.value == "true" and term.datatype.value == _XSD_BOOLEAN


def _stance(g: TurtleData, node, where: str, source: str) -> Stance:
    value = g.value(node, SG.cueStance) if node is not None else None
    if value == str(SG.Support):
        return Stance.SUPPORT
    if value == str(SG.Oppose):
        return Stance.OPPOSE
    raise StanceGraphError(f"{where}: sg:cueStance must be sg:Support or sg:Oppose, got {_str(value)}", path=source)


def _date(g: TurtleData, node) -> date | None:
    if node is None:
        return None
    value = g.value(node, TIME.inXSDDate)
    return None if value is None else iso_date_or_none(_str(value))


def load_codebook(path: str | Path) -> Codebook:
    """The codebook in a Turtle file (the format: ``docs/codebook-format.md``)."""
    g = read_turtle(path)
    source = str(path)
    schemes = g.subjects(_RDF_TYPE, SG.Codebook)
    if len(schemes) != 1:
        raise StanceGraphError(f"expected exactly one sg:Codebook scheme, found {len(schemes)}", path=source)
    scheme = schemes[0]
    issues: dict[str, Issue] = {}
    for concept in sorted(g.subjects(SKOS.inScheme, scheme), key=_node_order):
        where = f"concept <{_str(concept)}>"
        key = _lit(g, concept, SKOS.notation)
        if not key:
            raise StanceGraphError(f"{where} has no skos:notation (the issue key)", path=source)
        if key in issues:
            raise StanceGraphError(f"{where}: issue key {key!r} used twice", path=source)
        cues = []
        for cue in g.objects(concept, SG.cue):
            text = _lit(g, cue, SG.cuePhrase)
            if not text:
                raise StanceGraphError(f"{where}: a sg:cue has no sg:cuePhrase", path=source)
            cues.append(Cue(phrase(text), _stance(g, cue, f"{where} cue {text!r}", source),
                            _is_true(g.value(cue, SG.standalone))))
        pol = g.value(concept, SG.topicPolarity)
        issues[key] = Issue(
            iri=_str(concept), key=key, label=_lit(g, concept, SKOS.prefLabel) or key,
            definition=_lit(g, concept, SKOS.definition) or "",
            topic_terms=tuple(sorted(phrase(_str(t)) for t in g.objects(concept, SG.topicTerm))),
            context_terms=tuple(sorted(phrase(_str(t)) for t in g.objects(concept, SG.contextTerm))),
            topic_polarity=Stance.OPPOSE if pol == str(SG.Oppose) else Stance.SUPPORT,
            cues=tuple(sorted(cues, key=lambda c: (c.words, c.stance))),
            requires_territory=_is_true(g.value(concept, SG.requiresTerritory)),
            examples=tuple(sorted([(1, _str(t)) for t in g.objects(concept, SG.supportExample)]
                                  + [(-1, _str(t)) for t in g.objects(concept, SG.opposeExample)])),
        )
    if not issues:
        raise StanceGraphError("the codebook has no issues (skos:Concept with skos:inScheme)", path=source)
    sovereigns: dict[str, Sovereignty] = {}
    sov_scheme = g.value(scheme, SG.sovereigntyScheme)
    if sov_scheme is not None:
        for s in sorted(g.subjects(SKOS.inScheme, sov_scheme), key=_node_order):
            key = _lit(g, s, SKOS.notation)
            if not key:
                raise StanceGraphError(f"sovereignty <{_str(s)}> has no skos:notation", path=source)
            state = g.value(s, SG.sovereignState)
            sovereigns[key] = Sovereignty(_str(s), key, _lit(g, s, SKOS.prefLabel) or key, _opt(state))
    by_iri = {v.iri: k for k, v in sovereigns.items()}
    claim_cues = []
    for cue in g.objects(scheme, SG.claimCue):
        text = _lit(g, cue, SG.cuePhrase)
        sov = g.value(cue, SG.cueSovereign)
        if not text or _str(sov) not in by_iri:
            raise StanceGraphError(
                f"claim cue {text!r}: needs sg:cuePhrase and an sg:cueSovereign from the sovereignty scheme",
                path=source)
        neg = g.value(cue, SG.negatedSovereign)
        claim_cues.append(ClaimCue(phrase(text), by_iri[_str(sov)], by_iri.get(_opt(neg)) if _opt(neg) else None))
    return Codebook(_str(scheme), _lit(g, scheme, SKOS.prefLabel) or "", issues, sovereigns,
                    tuple(sorted(claim_cues, key=lambda c: c.words)), g, source)


def load_lexicon(path: str | Path) -> Lexicon:
    g = read_turtle(path)
    source = str(path)

    def phrases(cls) -> list[tuple[str | ox.BlankNode, Phrase]]:
        out = []
        for s in g.subjects(_RDF_TYPE, cls):
            text = _lit(g, s, SG.cuePhrase)
            if not text:
                raise StanceGraphError(f"<{_str(s)}> has no sg:cuePhrase", path=source)
            out.append((s, phrase(text)))
        return sorted(out, key=lambda sp: (_node_order(sp[0]), sp[1]))

    reporting = tuple(sorted({p for _, p in phrases(SG.ReportingCue)}))
    predicates = tuple(sorted({(p, _stance(g, s, f"<{_str(s)}>", source)) for s, p in phrases(SG.PredicateCue)}))
    contrast = tuple(sorted({p for _, p in phrases(SG.ContrastCue)}))
    roles = {" ".join(p): (_lit(g, s, SG.actorKind) or "person") for s, p in phrases(SG.RoleNoun)}
    sources = frozenset(" ".join(p) for _, p in phrases(SG.SourceNoun))
    events = frozenset(" ".join(p) for _, p in phrases(SG.EventNoun))
    return Lexicon(reporting, predicates, contrast, roles, sources, g, events)


KINDS = {SG.Person: "person", SG.Organisation: "organisation", SG.State: "state", SG.Group: "group"}


def load_gazetteer(path: str | Path) -> Gazetteer:
    g = read_turtle(path)
    source = str(path)
    actors: dict[str, Actor] = {}
    for cls, kind in KINDS.items():
        for s in g.subjects(_RDF_TYPE, cls):
            name = _lit(g, s, SKOS.prefLabel)
            if not name:
                raise StanceGraphError(f"actor <{_str(s)}> has no skos:prefLabel", path=source)
            aff = g.value(s, SG.affiliation)
            wd = next((_str(o) for o in g.objects(s, SDO.sameAs) if "wikidata.org/entity/Q" in _str(o)), None)
            actors[_str(s)] = Actor(
                iri=_str(s), name=name, kind=_lit(g, s, SG.actorKind) or kind,
                aliases=tuple(sorted({_str(a) for a in g.objects(s, SKOS.altLabel)})),
                affiliation=_opt(aff), wikidata=wd,
                is_source=_is_true(g.value(s, SG.isSource)),
            )
    posts: dict[str, Post] = {}
    for s in g.subjects(_RDF_TYPE, ORG.Post):
        org = g.value(s, ORG.postIn)
        label = _lit(g, s, SKOS.prefLabel) or ""
        titles = {_str(t) for t in g.objects(s, SG.title)} | ({label} if label else set())
        posts[_str(s)] = Post(_str(s), label, tuple(sorted(titles)), _opt(org))
    tenures = []
    for s in g.subjects(_RDF_TYPE, SG.Tenure):
        person, post = g.value(s, ORG.member), g.value(s, SG.post)
        if person is None or post is None:
            raise StanceGraphError(f"tenure <{_str(s)}> needs org:member and sg:post", path=source)
        interval = g.value(s, ORG.memberDuring)
        begin = _date(g, g.value(interval, TIME.hasBeginning)) if interval is not None else None
        end = _date(g, g.value(interval, TIME.hasEnd)) if interval is not None else None
        tenures.append(Tenure(_str(person), _str(post), begin, end))
    tenures.sort(key=lambda t: (t.post, t.begin or date.min, t.person))
    owner: dict[str, str] = {}
    for actor in sorted(actors.values(), key=lambda a: a.iri):
        for alias in {n.lower() for n in (actor.name, *actor.aliases)}:
            if owner.setdefault(alias, actor.iri) != actor.iri:
                raise StanceGraphError(
                    f"the name or alias {alias!r} is given to two actors, <{owner[alias]}> and <{actor.iri}>: "
                    "a name must pick out one actor (keep it on one of them)", path=source)
    return Gazetteer(actors, posts, tuple(tenures), g)


def load_territories(path: str | Path) -> tuple[dict[str, Territory], TurtleData]:
    g = read_turtle(path)
    out: dict[str, Territory] = {}
    for s in g.subjects(_RDF_TYPE, SG.Territory):
        name = _lit(g, s, SKOS.prefLabel)
        if not name:
            raise StanceGraphError(f"territory <{_str(s)}> has no skos:prefLabel", path=str(path))
        wd = next((_str(o) for o in g.objects(s, SDO.sameAs)), None)
        out[_str(s)] = Territory(_str(s), name, tuple(sorted({_str(a) for a in g.objects(s, SKOS.altLabel)})),
                                 tuple(sorted(_str(o) for o in g.objects(s, SG.partOf))), wd)
    return out, g


def load_resources(data_dir: str | Path | None = None, *, codebook: str | Path | None = None,
                   gazetteer: str | Path | None = None, territories: str | Path | None = None,
                   cues: str | Path | None = None, ontology: str | Path | None = None) -> Resources:
    """Load everything the extractor needs; any file can be replaced by the caller's own."""
    d = Path(data_dir) if data_dir else paths.data_dir()
    files = {
        "codebook": Path(codebook) if codebook else d / "codebook.ttl",
        "gazetteer": Path(gazetteer) if gazetteer else d / "actors.ttl",
        "territories": Path(territories) if territories else d / "territories.ttl",
        "cues": Path(cues) if cues else d / "cues.ttl",
        "ontology": Path(ontology) if ontology else paths.ontology_file(),
    }
    terr, terr_data = load_territories(files["territories"])
    gaz = load_gazetteer(files["gazetteer"])
    warnings = []
    if not gaz.actors:
        warnings.append(StanceGraphError("the gazetteer has no actors (sg:Person, sg:Organisation, sg:State, "
                                         "sg:Group): every speaker will be minted from the text",
                                         path=files["gazetteer"]).oneline())
    if not terr:
        warnings.append(StanceGraphError("the territory list has no sg:Territory: no territorial claim can be found",
                                         path=files["territories"]).oneline())
    return Resources(
        codebook=load_codebook(files["codebook"]), lexicon=load_lexicon(files["cues"]),
        gazetteer=gaz, territories=terr, territory_data=terr_data,
        ontology_data=read_turtle(files["ontology"]), sources={k: str(v) for k, v in files.items()},
        warnings=warnings,
    )
