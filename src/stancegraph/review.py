"""Review records: every accept, reject, edit and addition a person makes to the machine coding.

The machine coding is a list of :class:`Row` objects, one per position-bearing
statement (a position and one statement that expresses it, over that
statement's span), read out of the graph with SPARQL (:func:`machine_rows`).
A :class:`Review` is one decision on one row (or, from annotation JSON, on every
row of a position). Reviews are RDF nodes of class ``sg:Review`` in their own
named graph (``.../id/graph/review`` in a store; in the default graph of a
Turtle file), never changes to the machine's triples:

* ``sg:reviewAction``: ``sg:Accepted``, ``sg:Rejected``, ``sg:Edited`` or ``sg:Added``;
* the target, as it was coded: ``prov:wasRevisionOf`` (the position),
  ``sg:reviewedStatement``, and the key that identifies it in the text
  whatever its IRIs: ``sg:targetArticle``, ``sg:targetBegin``/``sg:targetEnd``
  (the statement's span), ``sg:targetHolder``, ``sg:targetIssue``, ``sg:targetStance``;
* the new values: ``sg:newHolder``, ``sg:newOrganisation``, ``sg:newIssue``, ``sg:newStance``;
* ``prov:wasAttributedTo`` the reviewer (an ``sg:Reviewer``), ``prov:generatedAtTime``.

Because a review finds its target by the key and not by IRI, a rebuild or
re-extraction that finds the same statement at the same span with the same
holder, issue and stance gets the same review. A review whose target is gone
is reported by :func:`apply_reviews` (and so by every command that uses the
reviewed view), never dropped: the record stays in the graph.

The *reviewed view* (:func:`reviewed_view`) is the graph with the reviews
applied, in time order: rejected rows are gone, edited rows carry the new
values, added rows are there, as positions and statements that the annotation
export, the networks, ``eval`` and the DNA export read as they read the
machine's. ``--machine-only`` on those commands reads the raw graph.

>>> from stancegraph.store import load_text
>>> st = load_text(EXAMPLE_TTL)
>>> [(r.holder.rsplit("/", 1)[-1], r.issue, r.stance, r.status) for r in machine_rows(st)]
[('anna', 'harbour-fees', 'support', 'machine')]
>>> rev = Review("edited", "a1", 4, 12, ACT + "anna", "harbour-fees", "support", new_stance="oppose",
...              reviewer="Rita", time=datetime(2024, 1, 1, tzinfo=timezone.utc))
>>> rows, problems = apply_reviews(machine_rows(st), [rev])
>>> [(r.stance, r.status, r.coder) for r in rows], problems
([('oppose', 'edited', 'Rita')], [])
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable

import pyoxigraph as ox

from .errors import StanceGraphError
from .ids import ACTOR_BASE as ACT, ARTICLE_BASE as ART, position_iri, slug, span_iri, static_graph_iri, statement_iri
from .namespaces import ID_BASE, SG_IRI, prefix_map

REVIEW_BASE = ID_BASE + "review/"
REVIEWER_BASE = ID_BASE + "reviewer/"
REVIEW_GRAPH = static_graph_iri("review")
PROV = "http://www.w3.org/ns/prov#"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
XSD = "http://www.w3.org/2001/XMLSchema#"

ACTIONS = ("accepted", "rejected", "edited", "added")
STATUSES = ("machine", "accepted", "edited", "added")
STANCES = ("support", "oppose")
_ACTION_IRI = {a: SG_IRI + a.capitalize() for a in ACTIONS}
_STANCE_IRI = {"support": SG_IRI + "Support", "oppose": SG_IRI + "Oppose"}

P = "".join(f"PREFIX {k}: <{v}>\n" for k, v in prefix_map(["sg", "prov", "schema", "skos", "nif", "rdfs"]).items())

Q_ROWS = P + """SELECT ?p ?aid ?holder ?key ?stance ?st ?sp ?b ?e ?mode ?conf WHERE {
  ?p a sg:IssuePosition ; sg:holder ?holder ; sg:issue ?i ; sg:stance ?s ; prov:wasDerivedFrom ?a ;
     sg:expressedIn ?st .
  ?a sg:articleId ?aid . ?i skos:notation ?key . BIND(LCASE(STRAFTER(STR(?s), "#")) AS ?stance)
  ?st sg:span ?sp . ?sp nif:beginIndex ?b ; nif:endIndex ?e .
  OPTIONAL { ?st sg:mode ?mode } OPTIONAL { ?p sg:confidence ?conf }
}"""

Q_REVIEWS = P + """SELECT ?r ?action ?aid ?b ?e ?holder ?key ?stance ?nh ?norg ?nkey ?nstance ?who ?time ?st ?pos
WHERE {
  ?r a sg:Review ; sg:reviewAction ?act ; sg:targetArticle ?a ; prov:wasAttributedTo ?w ;
     prov:generatedAtTime ?time .
  BIND(LCASE(STRAFTER(STR(?act), "#")) AS ?action)
  BIND(STRAFTER(STR(?a), "https://w3id.org/stancegraph/id/article/") AS ?aid0)
  OPTIONAL { ?a sg:articleId ?aidg }
  BIND(COALESCE(?aidg, ?aid0) AS ?aid)
  ?w rdfs:label ?who .
  OPTIONAL { ?r sg:targetBegin ?b ; sg:targetEnd ?e }
  OPTIONAL { ?r sg:targetHolder ?holder }
  OPTIONAL { ?r sg:targetIssue ?ti . ?ti skos:notation ?key }
  OPTIONAL { ?r sg:targetStance ?ts BIND(LCASE(STRAFTER(STR(?ts), "#")) AS ?stance) }
  OPTIONAL { ?r sg:newHolder ?nh }
  OPTIONAL { ?r sg:newOrganisation ?norg }
  OPTIONAL { ?r sg:newIssue ?ni . ?ni skos:notation ?nkey }
  OPTIONAL { ?r sg:newStance ?ns BIND(LCASE(STRAFTER(STR(?ns), "#")) AS ?nstance) }
  OPTIONAL { ?r sg:reviewedStatement ?st }
  OPTIONAL { ?r prov:wasRevisionOf ?pos }
}"""

Q_ARTICLES = P + "SELECT ?a ?aid ?text ?date ?title WHERE { ?a a sg:Article ; sg:articleId ?aid ; nif:isString ?text " \
                 "OPTIONAL { ?a schema:datePublished ?date } OPTIONAL { ?a schema:headline ?title } }"
Q_ISSUES = P + "SELECT ?c ?key ?label WHERE { ?c skos:notation ?key ; skos:inScheme ?s . ?s a sg:Codebook " \
               "OPTIONAL { ?c skos:prefLabel ?label } }"
Q_ACTORS = P + """SELECT ?actor ?name ?kind ?aff WHERE { ?actor sg:actorKind ?kind ; skos:prefLabel ?name .
  OPTIONAL { ?actor sg:affiliation ?aff } }"""
Q_ALT = P + "SELECT ?actor ?alt WHERE { ?actor sg:actorKind ?kind ; skos:altLabel ?alt }"


@dataclass(frozen=True)
class Row:
    """One position-bearing statement: a position, the statement expressing it, and its span.

    ``holder`` and ``organisation`` are actor IRIs, ``issue`` a codebook key,
    ``stance`` ``support`` or ``oppose``; ``status`` is ``machine``,
    ``accepted``, ``edited`` or ``added``; ``coder`` is the reviewer of a
    reviewed row (None for the machine's).
    """

    article: str
    begin: int
    end: int
    holder: str
    issue: str
    stance: str
    statement: str | None = None
    position: str | None = None
    status: str = "machine"
    organisation: str | None = None
    coder: str | None = None
    mode: str | None = None
    confidence: float | None = None
    reviews: tuple[str, ...] = ()

    def key(self) -> tuple:
        return (self.article, self.begin, self.end, self.holder, self.issue, self.stance)

    def iris(self) -> tuple[str, str]:
        """(statement, position) IRIs of the row in the reviewed view."""
        art = ART + self.article
        st = self.statement or statement_iri(art, self.begin, self.end)
        if self.status in ("machine", "accepted") and self.position:
            return st, self.position
        return st, position_iri(art, self.holder, self.issue, self.stance)


@dataclass(frozen=True)
class Review:
    """One decision (see the module docstring); ``begin``/``end`` None: every span of the position.

    For ``added`` reviews the target fields are None and ``begin``/``end`` is
    the new statement's span.
    """

    action: str
    article: str
    begin: int | None
    end: int | None
    holder: str | None = None
    issue: str | None = None
    stance: str | None = None
    new_holder: str | None = None
    new_organisation: str | None = None
    new_issue: str | None = None
    new_stance: str | None = None
    reviewer: str = "reviewer"
    time: datetime = field(default_factory=lambda: datetime.now(timezone.utc).replace(microsecond=0))
    statement: str | None = None
    position: str | None = None

    def __post_init__(self) -> None:
        if self.action not in ACTIONS:
            raise StanceGraphError(f"unknown review action {self.action!r} (use one of {', '.join(ACTIONS)})")
        for s in (self.stance, self.new_stance):
            if s is not None and s not in STANCES:
                raise StanceGraphError(f"unknown stance {s!r} in a review (use support or oppose)")
        if self.action == "added" and not (self.new_holder and self.new_issue and self.new_stance):
            raise StanceGraphError("an added statement needs a holder, an issue and a stance")
        if self.action != "added" and not (self.holder and self.issue and self.stance):
            raise StanceGraphError(f"a review that {self.action} a statement needs its holder, issue and stance")

    @property
    def iri(self) -> str:
        """Content-derived: the same decision imported twice is one record."""
        parts = [self.action, self.article, self.begin, self.end, self.holder, self.issue, self.stance,
                 self.new_holder, self.new_organisation, self.new_issue, self.new_stance, self.reviewer]
        digest = hashlib.sha256("\x1f".join("" if p is None else str(p) for p in parts).encode()).hexdigest()
        return f"{REVIEW_BASE}{self.article}/{digest[:16]}"

    def describe(self) -> str:
        span = f" [{self.begin}-{self.end}]" if self.begin is not None else ""
        if self.action == "added":
            what = f"{_short(self.new_holder)} {self.new_issue} {self.new_stance}"
        else:
            what = f"{_short(self.holder)} {self.issue} {self.stance}"
        return f"{self.action} by {self.reviewer} in {self.article}{span}: {what}"

    def matches(self, row: Row) -> bool:
        if self.action == "added":
            return False
        if (row.article, row.holder, row.issue, row.stance) != (self.article, self.holder, self.issue, self.stance):
            return False
        return self.begin is None or (row.begin, row.end) == (self.begin, self.end)


def _short(iri: str | None) -> str:
    return (iri or "").rstrip("/").rsplit("/", 1)[-1]


def reviewer_iri(name: str) -> str:
    return REVIEWER_BASE + slug(name)


# ------------------------------------------------------------------ reading ---

def _select(store: ox.Store, q: str) -> list[dict]:
    from .store import select

    return select(store, q)


def _main_span(statement: str, spans: list[tuple[str, int, int]]) -> tuple[int, int]:
    """The span a statement IRI is named after (``.../statement/B-E[-n]``), else its first."""
    tail = statement.rsplit("/statement/", 1)[-1]
    for sp, b, e in spans:
        if tail == f"{b}-{e}" or tail.startswith(f"{b}-{e}-"):
            return b, e
    _, b, e = min(spans, key=lambda s: (s[1], s[2]))
    return b, e


def machine_rows(store: ox.Store) -> list[Row]:
    """The machine's position-bearing statements, sorted by article, span, holder, issue.

    Rows are read from the positions (``sg:IssuePosition``) and the statements
    they are ``sg:expressedIn``; the span is the statement's own span.
    """
    spans: dict[tuple[str, str], list] = {}
    info: dict[tuple[str, str], dict] = {}
    for r in _select(store, Q_ROWS):
        k = (r["p"], r["st"])
        spans.setdefault(k, []).append((r["sp"], int(r["b"]), int(r["e"])))
        info.setdefault(k, r)
    rows = []
    for (p, st), r in info.items():
        b, e = _main_span(st, spans[(p, st)])
        mode = r.get("mode")
        rows.append(Row(article=r["aid"], begin=b, end=e, holder=r["holder"], issue=r["key"],
                        stance=str(r["stance"]).lower(), statement=st, position=p,
                        mode=mode.rsplit("#", 1)[-1] if mode else None, confidence=r.get("conf")))
    return sorted(rows, key=_row_order)


def _row_order(r: Row) -> tuple:
    return (r.article, r.begin, r.end, r.holder, r.issue, r.stance, r.statement or "", r.position or "")


def _time(value) -> datetime:
    if isinstance(value, datetime):
        return value
    t = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    return t if t.tzinfo else t.replace(tzinfo=timezone.utc)


def load_reviews(store: ox.Store) -> list[Review]:
    """The review records in a store (any graph), oldest first."""
    out: dict[str, Review] = {}
    for r in _select(store, Q_REVIEWS):
        if r["r"] in out:
            continue
        b, e = r.get("b"), r.get("e")
        out[r["r"]] = Review(
            action=r["action"], article=r["aid"], begin=None if b is None else int(b),
            end=None if e is None else int(e), holder=r.get("holder"), issue=r.get("key"),
            stance=r.get("stance"), new_holder=r.get("nh"), new_organisation=r.get("norg"),
            new_issue=r.get("nkey"), new_stance=r.get("nstance"), reviewer=r["who"], time=_time(r["time"]),
            statement=r.get("st"), position=r.get("pos"))
    return sorted(out.values(), key=lambda v: (v.time, v.iri))


def count_review_nodes(store: ox.Store) -> int:
    return len(_select(store, P + "SELECT DISTINCT ?r WHERE { ?r a sg:Review }"))


# ----------------------------------------------------------------- applying ---

def apply_reviews(rows: Iterable[Row], reviews: Iterable[Review],
                  articles: set[str] | None = None) -> tuple[list[Row], list[str]]:
    """The reviewed rows, and one line per review that found nothing to apply to.

    Reviews apply in time order; each finds its target among the rows as they
    are at that point (so a later review can edit an earlier edit). An added
    row for an article that is not there (``articles``, when given) is reported too.
    """
    current = list(rows)
    problems: list[str] = []
    for rev in sorted(reviews, key=lambda v: (v.time, v.iri)):
        if rev.action == "added":
            if articles is not None and rev.article not in articles:
                problems.append(f"review {rev.iri}: article {rev.article} is not in the graph ({rev.describe()})")
                continue
            row = Row(article=rev.article, begin=int(rev.begin or 0), end=int(rev.end or 0),
                      holder=rev.new_holder or "", issue=rev.new_issue or "", stance=rev.new_stance or "",
                      status="added", organisation=rev.new_organisation, coder=rev.reviewer, confidence=1.0,
                      reviews=(rev.iri,))
            if any(r.key() == row.key() for r in current):
                continue  # already coded so: nothing to add
            current.append(row)
            continue
        hits = [i for i, r in enumerate(current) if rev.matches(r)]
        if not hits:
            problems.append(f"review {rev.iri}: its target vanished ({rev.describe()})")
            continue
        if rev.action == "rejected":
            drop = set(hits)
            current = [r for i, r in enumerate(current) if i not in drop]
            continue
        for i in hits:
            r = current[i]
            if rev.action == "accepted":
                status = r.status if r.status in ("edited", "added") else "accepted"
                current[i] = replace(r, status=status, coder=rev.reviewer, reviews=r.reviews + (rev.iri,))
            else:
                current[i] = replace(
                    r, holder=rev.new_holder or r.holder, issue=rev.new_issue or r.issue,
                    stance=rev.new_stance or r.stance, organisation=rev.new_organisation or r.organisation,
                    status="added" if r.status == "added" else "edited", coder=rev.reviewer, confidence=1.0,
                    reviews=r.reviews + (rev.iri,))
    # an edit can make two rows the same coding: keep one
    seen: set[tuple] = set()
    out = []
    for r in sorted(current, key=_row_order):
        if r.key() in seen:
            continue
        seen.add(r.key())
        out.append(r)
    return out, problems


@dataclass
class ReviewedRows:
    rows: list[Row]
    problems: list[str]
    reviews: list[Review]


def reviewed_rows(store: ox.Store, machine_only: bool = False) -> ReviewedRows:
    """Machine rows with the store's reviews applied (or not, with ``machine_only``)."""
    rows = machine_rows(store)
    if machine_only:
        return ReviewedRows(rows, [], [])
    reviews = load_reviews(store)
    if not reviews:
        return ReviewedRows(rows, [], [])
    articles = {r["aid"] for r in _select(store, P + "SELECT ?aid WHERE { ?a a sg:Article ; sg:articleId ?aid }")}
    out, problems = apply_reviews(rows, reviews, articles)
    return ReviewedRows(out, problems, reviews)


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _int(v: int) -> ox.Literal:
    return ox.Literal(str(v), datatype=_n(XSD + "integer"))


def reviewed_view(store: ox.Store, problems: list[str] | None = None) -> ox.Store:
    """A new in-memory store: ``store`` with its reviews applied to positions and statements.

    Without reviews the store itself is returned. Rejected and edited rows
    lose their ``sg:expressedIn`` link (a position left without one is removed);
    edited and added rows become positions (the machine's position IRI scheme,
    ``{article}/position/{holder}/{issue}/{stance}``) expressed in their statement,
    a new ``sg:Statement`` over the span when the machine had none there.
    Lines for reviews whose target vanished are appended to ``problems``.
    """
    if not count_review_nodes(store):  # no reviews: nothing to read (machine_rows is costly on a big store)
        return store
    rr = reviewed_rows(store)
    if problems is not None:
        problems.extend(rr.problems)
    if not rr.reviews:
        return store
    view = ox.Store()
    view.bulk_extend(store)
    machine = {(r.position, r.statement): r for r in machine_rows(store)}
    kept = {(r.position, r.statement) for r in rr.rows if r.status in ("machine", "accepted")}
    expressed = _n(SG_IRI + "expressedIn")
    dropped_from: set[str] = set()
    for (pos, st) in machine:
        if (pos, st) not in kept:
            for q in list(view.quads_for_pattern(_n(pos), expressed, _n(st), None)):
                view.remove(q)
            dropped_from.add(pos)
    for pos in dropped_from:
        if next(iter(view.quads_for_pattern(_n(pos), expressed, None, None)), None) is None:
            for q in list(view.quads_for_pattern(_n(pos), None, None, None)):
                view.remove(q)
    issues = {r["key"]: r["c"] for r in _select(store, Q_ISSUES)}
    texts = {r["aid"]: r["text"] for r in _select(store, Q_ARTICLES)}
    g = ox.DefaultGraph()
    for r in rr.rows:
        if r.status not in ("edited", "added"):
            continue
        art = ART + r.article
        text = texts.get(r.article, "")
        st, pos = r.iris()
        if r.statement is None:
            if next(iter(view.quads_for_pattern(_n(st), _n(RDF_TYPE), None, None)), None) is None:
                span = _span_quads(view, art, r.begin, r.end, text)
                view.bulk_extend([
                    ox.Quad(_n(st), _n(RDF_TYPE), _n(SG_IRI + "Statement"), g),
                    ox.Quad(_n(st), _n(PROV + "wasAttributedTo"), _n(r.holder), g),
                    ox.Quad(_n(st), _n(PROV + "wasDerivedFrom"), _n(art), g),
                    ox.Quad(_n(st), _n(SG_IRI + "mode"), _n(SG_IRI + "ReportedSpeech"), g),
                    ox.Quad(_n(st), _n(SG_IRI + "span"), _n(span), g),
                    ox.Quad(_n(st), _n(SG_IRI + "confidence"), ox.Literal("1.0", datatype=_n(XSD + "decimal")), g)])
        quads = [ox.Quad(_n(pos), expressed, _n(st), g)]
        if next(iter(view.quads_for_pattern(_n(pos), _n(RDF_TYPE), None, None)), None) is None:
            span = _span_quads(view, art, r.begin, r.end, text)
            quads += [
                ox.Quad(_n(pos), _n(RDF_TYPE), _n(SG_IRI + "IssuePosition"), g),
                ox.Quad(_n(pos), _n(SG_IRI + "holder"), _n(r.holder), g),
                ox.Quad(_n(pos), _n(SG_IRI + "issue"), _n(issues.get(r.issue, SG_IRI + "unknown-issue")), g),
                ox.Quad(_n(pos), _n(SG_IRI + "stance"), _n(_STANCE_IRI[r.stance]), g),
                ox.Quad(_n(pos), _n(PROV + "wasDerivedFrom"), _n(art), g),
                ox.Quad(_n(pos), _n(SG_IRI + "span"), _n(span), g),
                ox.Quad(_n(pos), _n(SG_IRI + "evidenceText"), ox.Literal(text[r.begin:r.end]), g),
                ox.Quad(_n(pos), _n(SG_IRI + "confidence"), ox.Literal("1.0", datatype=_n(XSD + "decimal")), g)]
            for rev in r.reviews:
                quads.append(ox.Quad(_n(pos), _n(PROV + "wasDerivedFrom"), _n(rev), g))
        view.bulk_extend(quads)
    return view


def _span_quads(view: ox.Store, art: str, b: int, e: int, text: str) -> str:
    node = span_iri(art, b, e)
    if next(iter(view.quads_for_pattern(_n(node), None, None, None)), None) is None:
        g = ox.DefaultGraph()
        view.bulk_extend([
            ox.Quad(_n(node), _n(RDF_TYPE), _n(SG_IRI + "TextSpan"), g),
            ox.Quad(_n(node), _n(NIF + "referenceContext"), _n(art), g),
            ox.Quad(_n(node), _n(NIF + "beginIndex"), _int(b), g),
            ox.Quad(_n(node), _n(NIF + "endIndex"), _int(e), g),
            ox.Quad(_n(node), _n(NIF + "anchorOf"), ox.Literal(text[b:e]), g)])
    return node


def view_of(store: ox.Store, machine_only: bool = False, problems: list[str] | None = None) -> ox.Store:
    """The store a reading command works on: the reviewed view, or the raw graph."""
    return store if machine_only else reviewed_view(store, problems)


# ------------------------------------------------------------------ writing ---

def review_quads(reviews: Iterable[Review], issues: dict[str, str], new_actors: dict[str, tuple[str, str]] | None = None,
                 graph: ox.NamedNode | ox.DefaultGraph | None = None) -> list[ox.Quad]:
    """The RDF of review records (``issues``: key -> concept IRI; ``new_actors``: IRI -> (name, kind))."""
    g = graph if graph is not None else ox.DefaultGraph()
    out: list[ox.Quad] = []

    def add(s: str, p: str, o) -> None:
        out.append(ox.Quad(_n(s), _n(p), o if isinstance(o, (ox.Literal, ox.NamedNode)) else _n(o), g))

    def issue(key: str) -> str:
        if key not in issues:
            raise StanceGraphError(f"'{key}' is not an issue of the codebook")
        return issues[key]

    reviewers: set[str] = set()
    for rev in reviews:
        r = rev.iri
        add(r, RDF_TYPE, SG_IRI + "Review")
        add(r, SG_IRI + "reviewAction", _ACTION_IRI[rev.action])
        add(r, SG_IRI + "targetArticle", ART + rev.article)
        if rev.begin is not None:
            add(r, SG_IRI + "targetBegin", _int(rev.begin))
            add(r, SG_IRI + "targetEnd", _int(int(rev.end or 0)))
        if rev.action != "added":
            add(r, SG_IRI + "targetHolder", rev.holder)
            add(r, SG_IRI + "targetIssue", issue(rev.issue or ""))
            add(r, SG_IRI + "targetStance", _STANCE_IRI[rev.stance or "support"])
            if rev.position:
                add(r, PROV + "wasRevisionOf", rev.position)
            if rev.statement:
                add(r, SG_IRI + "reviewedStatement", rev.statement)
        if rev.new_holder:
            add(r, SG_IRI + "newHolder", rev.new_holder)
        if rev.new_organisation:
            add(r, SG_IRI + "newOrganisation", rev.new_organisation)
        if rev.new_issue:
            add(r, SG_IRI + "newIssue", issue(rev.new_issue))
        if rev.new_stance:
            add(r, SG_IRI + "newStance", _STANCE_IRI[rev.new_stance])
        who = reviewer_iri(rev.reviewer)
        add(r, PROV + "wasAttributedTo", who)
        t = rev.time.astimezone(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")
        add(r, PROV + "generatedAtTime", ox.Literal(t, datatype=_n(XSD + "dateTime")))
        if who not in reviewers:
            reviewers.add(who)
            add(who, RDF_TYPE, SG_IRI + "Reviewer")
            add(who, RDF_TYPE, PROV + "Agent")
            add(who, RDFS_LABEL, ox.Literal(rev.reviewer))
    kind_class = {"person": "Person", "organisation": "Organisation", "state": "State", "group": "Group"}
    for iri, (name, kind) in sorted((new_actors or {}).items()):
        add(iri, RDF_TYPE, SG_IRI + kind_class.get(kind, "Person"))
        add(iri, SKOS + "prefLabel", ox.Literal(name, language="en"))
        add(iri, RDFS_LABEL, ox.Literal(name, language="en"))
        add(iri, SG_IRI + "actorKind", ox.Literal(kind))
        add(iri, SG_IRI + "fromGazetteer", ox.Literal("false", datatype=_n(XSD + "boolean")))
    return out


@dataclass
class SaveResult:
    added: int
    already: int
    target: Path
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        s = f"{self.added} review records added to {self.target}"
        if self.already:
            s += f" ({self.already} already there)"
        return s


class ActorResolver:
    """Names coded by a reviewer -> actor IRIs: a known actor of that name, else a new one."""

    def __init__(self, store: ox.Store):
        self.by_name: dict[str, str] = {}
        self.kinds: dict[str, str] = {}
        self.names: dict[str, str] = {}
        self.affiliations: dict[str, str] = {}
        from .evaluate import norm

        self._norm = norm
        for r in sorted(_select(store, Q_ACTORS), key=lambda r: (r["actor"], r.get("aff", ""))):
            self.by_name.setdefault(norm(r["name"]), r["actor"])
            self.names.setdefault(r["actor"], r["name"])
            self.kinds[r["actor"]] = str(r["kind"]).lower()
            if r.get("aff"):
                self.affiliations.setdefault(r["actor"], r["aff"])
        for r in sorted(_select(store, Q_ALT), key=lambda r: r["actor"]):
            self.by_name.setdefault(norm(r["alt"]), r["actor"])
        self.new: dict[str, tuple[str, str]] = {}

    def resolve(self, name: str, kind: str = "person", iri: str | None = None) -> str:
        if iri and (iri in self.names or iri in self.new):
            return iri
        key = self._norm(name)
        if key in self.by_name:
            return self.by_name[key]
        new = iri or ACT + slug(name)
        if new not in self.names:
            self.new.setdefault(new, (name, kind))
        self.by_name[key] = new
        return new

    def name(self, iri: str | None) -> str:
        if not iri:
            return ""
        return self.names.get(iri) or self.new.get(iri, (_short(iri), ""))[0]

    def kind(self, iri: str) -> str:
        return self.kinds.get(iri) or self.new.get(iri, ("", "person"))[1]

    def affiliation(self, iri: str) -> str | None:
        return self.affiliations.get(iri)


def issue_table(store: ox.Store) -> dict[str, str]:
    """Codebook key -> concept IRI."""
    return {r["key"]: r["c"] for r in _select(store, Q_ISSUES)}


def save_reviews(reviews: list[Review], *, store_dir: Path | None = None, graph_file: Path | None = None,
                 new_actors: dict[str, tuple[str, str]] | None = None) -> SaveResult:
    """Add review records to an on-disk store (its review graph) or to a graph file (rewritten atomically).

    Records already there (same content IRI) are skipped. What is written is
    validated against the shapes first; nothing is written when it does not conform.
    """
    from .store import load_file, open_source

    if (store_dir is None) == (graph_file is None):
        raise StanceGraphError("give either `store_dir` or `graph_file` for the review records")
    if graph_file is not None:
        st = load_file(graph_file)
    else:
        st = _open_writable(store_dir)
    existing = {r["r"] for r in _select(st, P + "SELECT DISTINCT ?r WHERE { ?r a sg:Review }")}
    fresh = [r for r in reviews if r.iri not in existing]
    uniq: dict[str, Review] = {}
    for r in fresh:
        uniq.setdefault(r.iri, r)
    fresh = list(uniq.values())
    target = graph_file if graph_file is not None else store_dir
    result = SaveResult(len(fresh), len(reviews) - len(fresh), Path(target))
    if not fresh and not new_actors:
        return result
    issues = issue_table(st)
    gname = ox.NamedNode(REVIEW_GRAPH) if store_dir is not None else ox.DefaultGraph()
    quads = review_quads(fresh, issues, new_actors, gname)
    _validate_with(st, quads, target)
    if graph_file is not None:
        st.bulk_extend(quads)
        write_graph_file(st, graph_file)
    else:
        from .store import persistent

        old = [ox.Triple(q.subject, q.predicate, q.object)
               for q in st.quads_for_pattern(None, None, None, ox.NamedNode(REVIEW_GRAPH))]
        new = old + [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
        persistent.put_static(st, "review", new)
        st.flush()
        del st
        import gc

        gc.collect()
    return result


def _open_writable(store_dir: Path) -> ox.Store:
    d = Path(store_dir)
    if not d.is_dir():
        raise StanceGraphError("no such store directory", path=d)
    try:
        return ox.Store(str(d))
    except OSError as exc:
        raise StanceGraphError(f"cannot open store: {exc}", path=d) from None


def _validate_with(st: ox.Store, quads: list[ox.Quad], target) -> None:
    """Validate the new records with the graph they point into (shapes need the actors and codebook)."""
    from rdflib import Graph

    from .validate import validate_graph

    tmp = ox.Store()
    tmp.bulk_extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in st)
    tmp.bulk_extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in quads)
    g = Graph()
    g.parse(data=tmp.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()), format="nt")
    report = validate_graph(g)
    if not report.conforms:
        raise StanceGraphError(f"the review records do not conform to the shapes ({len(report.errors)} "
                               "violations); nothing written", path=target, details=report.text(10).split("\n"))


def write_graph_file(st: ox.Store, path: Path) -> None:
    from .fileio import write_bytes_atomic
    from .store import rdf_format
    from .namespaces import prefix_map

    EXPORT_PREFIXES = prefix_map()

    fmt = rdf_format(path)
    if fmt in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS):
        data = st.dump(format=fmt, prefixes=EXPORT_PREFIXES if fmt == ox.RdfFormat.TRIG else None)
    else:
        tmp = ox.Store()
        tmp.bulk_extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in st)
        kw = {"prefixes": EXPORT_PREFIXES} if fmt == ox.RdfFormat.TURTLE else {}
        data = tmp.dump(format=fmt, from_graph=ox.DefaultGraph(), **kw)
    write_bytes_atomic(path, data)


def carried_reviews(previous_output: str | Path) -> tuple[list[ox.Triple], list[str]]:
    """The review records (and the actors they minted) of a graph file a build is about to replace.

    A build that writes over a graph holding reviews keeps them: it adds these
    triples to the new graph. Returns (triples, problems); an unreadable old
    file is a problem line, not an error.
    """
    from .store import load_file

    p = Path(previous_output)
    if not p.is_file():
        return [], []
    try:
        st = load_file(p)
    except StanceGraphError as exc:
        return [], [f"reviews of the previous {p} not kept: {exc.oneline()}"]
    if not count_review_nodes(st):
        return [], []
    q = P + """CONSTRUCT { ?s ?p ?o } WHERE {
      { ?r a sg:Review . ?r ?p ?o . BIND(?r AS ?s) }
      UNION { ?r a sg:Review ; prov:wasAttributedTo ?s . ?s ?p ?o }
      UNION { ?r a sg:Review ; sg:newHolder|sg:newOrganisation ?s . ?s sg:fromGazetteer false ; ?p ?o } }"""
    from .store import query

    return list(query(st, q)), []


EXAMPLE_TTL = """@prefix sg: <https://w3id.org/stancegraph/ontology#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix art: <https://w3id.org/stancegraph/id/article/> .
@prefix act: <https://w3id.org/stancegraph/id/actor/> .
@prefix cb: <https://w3id.org/stancegraph/codebook/> .
<urn:cb> a sg:Codebook .
cb:harbour-fees skos:notation "harbour-fees" ; skos:inScheme <urn:cb> ; skos:prefLabel "Harbour fees"@en .
sg:Support skos:notation "support" . sg:Oppose skos:notation "oppose" .
art:a1 a sg:Article ; sg:articleId "a1" ; nif:isString "Ann welcomed the harbour fees." .
act:anna a sg:Person ; skos:prefLabel "Anna"@en ; sg:actorKind "person" .
art:a1\\/span\\/4-12 nif:beginIndex 4 ; nif:endIndex 12 ; nif:anchorOf "welcomed" ; nif:referenceContext art:a1 .
art:a1\\/statement\\/4-12 a sg:Statement ; prov:wasAttributedTo act:anna ; prov:wasDerivedFrom art:a1 ;
    sg:span art:a1\\/span\\/4-12 ; sg:mode sg:ReportedSpeech .
art:a1\\/position\\/anna\\/harbour-fees\\/support a sg:IssuePosition ; sg:holder act:anna ;
    sg:issue cb:harbour-fees ; sg:stance sg:Support ; prov:wasDerivedFrom art:a1 ;
    sg:expressedIn art:a1\\/statement\\/4-12 ; sg:evidenceText "welcomed" .
"""

EXAMPLE_REVIEW_TTL = """
<https://w3id.org/stancegraph/id/review/a1/1> a sg:Review ; sg:reviewAction sg:Edited ;
    sg:targetArticle art:a1 ; sg:targetBegin 4 ; sg:targetEnd 12 ; sg:targetHolder act:anna ;
    sg:targetIssue cb:harbour-fees ; sg:targetStance sg:Support ; sg:newStance sg:Oppose ;
    prov:wasAttributedTo <https://w3id.org/stancegraph/id/reviewer/rita> ;
    prov:generatedAtTime "2024-01-01T00:00:00Z"^^xsd:dateTime .
<https://w3id.org/stancegraph/id/reviewer/rita> <http://www.w3.org/2000/01/rdf-schema#label> "Rita" .
"""


def review_check(result, ox_store: ox.Store | None = None, graph_file: Path | None = None) -> None:
    """After a build: count the review records the new store (or graph file) holds and report the
    reviews whose target is no longer there (``result.reviews``, ``result.review_problems``)."""
    from .store import load_file

    st = ox_store if ox_store is not None else load_file(graph_file)
    n = count_review_nodes(st)
    if not n:
        return
    result.reviews = n
    for p in reviewed_rows(st).problems:
        if p not in result.review_problems:
            result.review_problems.append(p)
