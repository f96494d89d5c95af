"""From the graph to the two-mode count matrix every network is derived from.

Two steps:

1. :func:`load_positions` reads, with SPARQL through :mod:`stancegraph.store`,
   every issue position and territorial claim (holder, issue, stance, article,
   date, expressing statements and their quoted text), the actors' labels,
   kinds, affiliations and Wikidata ids, and the tenures (who held which post
   in which organisation when). Nothing is taken from extractor objects.
2. :func:`stance_matrix` filters those positions (issues, dates, window,
   claims), maps holders to network nodes (``level``), counts them
   (``duplicates``) and returns a :class:`StanceMatrix`: a sparse
   ``actors x (issue, stance)`` count matrix ``C`` plus the statements behind
   every cell.

A territorial claim is treated as a position on the pseudo-issue
``territory:{territory key}`` whose stance is the asserted sovereign's key
(``north``, ``south``, ...): two claimants asserting the same sovereign for
a territory agree, different sovereigns disagree.

Counting (the ``duplicates`` option) -- ``C[a, (i, s)]`` is the number of units:

* ``article`` (default): one unit per article in which node ``a`` takes stance
  ``s`` on issue ``i``, however many statements express it there.
* ``utterance``: the ``article`` units, where units that share an utterance
  are merged into one: same node, same issue, same stance and the same
  normalised ``sg:quotedText`` (NFKC, case-folded, punctuation dropped,
  spaces collapsed) of an expressing statement. One quote relayed by several
  outlets counts once; positions without quoted text keep one unit per
  article. (Merging is transitive.)
* ``all``: one unit per expressing statement (``sg:expressedIn``); a position
  without one counts once.

Levels (the ``level`` option):

* ``person``: every holder is its own node.
* ``organisation``: persons and groups are replaced by the organisation or
  state they speak for *at the article's date*: the ``org:postIn`` of the
  post of a ``sg:Tenure`` of theirs valid at that date (begin <= date <= end,
  a missing end meaning "still in office"; the latest-begun if several),
  else their ``sg:affiliation`` (the first IRI in sort order if several),
  else themselves. Undated articles use the affiliation. Organisations and
  states stay as they are. Counting happens after the mapping, so two
  spokespeople of one ministry saying the same in one article count once
  under ``article``.

>>> M = stance_matrix(example_store())
>>> [M.label(n) for n in M.nodes]
['Anna', 'Boris', 'Chen']
>>> M.columns
[('harbour-fees', 'support'), ('harbour-fees', 'oppose'), ('talks-progress', 'support'), ('talks-progress', 'oppose')]
>>> M.counts.toarray().tolist()
[[0, 1, 1, 0], [0, 0, 1, 0], [1, 0, 0, 1]]
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Iterable

import numpy as np
import pyoxigraph as ox
import scipy.sparse as sp

from ..dates import covers, iso_date_or_none, latest_covering
from ..errors import StanceGraphError
from ..ids import local_name
from ..model import Stance
from ..store import load_text, open_source
from ..store.library import package_query, run_named_query
from ..store.persistent import StoreSession
from .options import DUPLICATES, LEVELS, Window, check_choice, check_claims, check_dates

CLAIM_PREFIX = "territory:"


def _rows(store: ox.Store, name: str) -> list[dict[str, Any]]:
    """Rows of the package query ``networks-{name}`` (``src/stancegraph/queries/``)."""
    return run_named_query(store, package_query(f"networks-{name}"))


_STANCE_ORDER = {Stance.SUPPORT.key: 0, Stance.OPPOSE.key: 1}
_ORG_KINDS = {"organisation", "organization", "state"}


def normalise_quote(text: str | None) -> str:
    """The form quoted texts are compared in for ``duplicates="utterance"``.

    >>> normalise_quote("The talks were, “constructive”!") == normalise_quote("the talks were constructive")
    True
    """
    if not text:
        return ""
    t = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.sub(r"[\W_]+", " ", t).split())


@dataclass(frozen=True)
class Position:
    """One issue position or territorial claim as the graph holds it (one article)."""

    iri: str
    holder: str
    issue: str            # codebook key, or "territory:{territory key}" for a claim
    stance: str           # "support" / "oppose", or the sovereign key for a claim
    issue_iri: str        # the concept (or territory) IRI
    article: str | None
    date: date | None
    statements: tuple[str, ...]
    quotes: tuple[str, ...]  # normalised quoted texts of the expressing statements
    claim: bool


@dataclass(frozen=True)
class Tenure:
    """A person's tenure of a post in an organisation, with its dates (``None``: open)."""

    member: str
    organisation: str
    begin: date | None
    end: date | None

    def valid(self, day: date) -> bool:
        return covers(self.begin, self.end, day)


@dataclass
class PositionTable:
    """Everything the networks need, as read from the graph by :func:`load_positions`."""

    positions: list[Position]
    labels: dict[str, str] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)
    affiliations: dict[str, tuple[str, ...]] = field(default_factory=dict)
    wikidata: dict[str, str] = field(default_factory=dict)
    tenures: dict[str, list[Tenure]] = field(default_factory=dict)
    codebook_keys: set[str] = field(default_factory=set)
    territory_keys: set[str] = field(default_factory=set)
    source: str | None = None

    def label(self, iri: str) -> str:
        return self.labels.get(iri) or local_name(iri)

    def kind(self, iri: str) -> str:
        return self.kinds.get(iri, "")

    def known_issue_keys(self) -> list[str]:
        """Codebook keys, issue keys in use, and ``territory:{key}`` of the territories claimed."""
        return sorted(set(self.codebook_keys) | {p.issue for p in self.positions})

    def valid_issue_key(self, key: str) -> bool:
        """A known issue key, or ``territory:{key}`` of any territory in the graph."""
        return key in self.known_issue_keys() or (
            key.startswith(CLAIM_PREFIX) and key[len(CLAIM_PREFIX):] in self.territory_keys)

    def node_for(self, holder: str, day: date | None, level: str) -> str:
        """The node a holder counts as on ``day`` at ``level`` (see the module notes).

        >>> t = PositionTable(positions=[], kinds={"urn:p": "person"}, affiliations={"urn:p": ("urn:org",)},
        ...                   tenures={"urn:p": [Tenure("urn:p", "urn:min", date(2020, 1, 1), date(2024, 1, 1))]})
        >>> [t.node_for("urn:p", d, "organisation") for d in (date(2022, 5, 1), date(2025, 1, 1), None)]
        ['urn:min', 'urn:org', 'urn:org']
        """
        if level == "person" or self.kind(holder) in _ORG_KINDS:
            return holder
        if day is not None:
            held = latest_covering(self.tenures.get(holder, ()), day, begin=lambda t: t.begin, end=lambda t: t.end,
                                   tie=lambda t: t.organisation)
            if held is not None:
                return held.organisation
        affs = self.affiliations.get(holder, ())
        return affs[0] if affs else holder


def _pick_label(rows: list[dict]) -> dict[str, str]:
    best: dict[str, tuple[int, str]] = {}
    for r in rows:
        lang = (r.get("lang") or "").lower()
        rank = 0 if lang in ("en", "en-gb", "en-us") else (1 if lang == "" else 2)
        cand = (rank, r["label"])
        if r["s"] not in best or cand < best[r["s"]]:
            best[r["s"]] = cand
    return {s: v[1] for s, v in best.items()}


def _kind_from_type(type_iri: str) -> str:
    return {"Person": "person", "Organisation": "organisation", "State": "state",
            "Group": "group"}.get(local_name(type_iri), "")


def _collect(rows: list[dict], claim: bool) -> list[Position]:
    acc: dict[str, dict] = {}
    for r in rows:
        a = acc.get(r["pos"])
        if a is None:
            if claim:
                issue = CLAIM_PREFIX + (r.get("key") or local_name(r["issue"]))
                sk = r.get("skey") or local_name(r["stance"])
                stance = sk[len("sovereign-"):] if not r.get("skey") and sk.startswith("sovereign-") else sk
            else:
                issue = r.get("key") or local_name(r["issue"])
                stance = local_name(r["stance"]).lower()
            a = acc[r["pos"]] = {"holder": r["holder"], "issue": issue, "stance": stance,
                                 "issue_iri": r["issue"], "articles": set(), "dates": set(),
                                 "stmts": set(), "quotes": set()}
        if "article" in r:
            a["articles"].add(r["article"])
        d = iso_date_or_none(r.get("date"))
        if d is not None:
            a["dates"].add(d)
        if "stmt" in r:
            a["stmts"].add(r["stmt"])
        q = normalise_quote(r.get("quote"))
        if q:
            a["quotes"].add(q)
    out = []
    for iri in sorted(acc):
        a = acc[iri]
        out.append(Position(
            iri=iri, holder=a["holder"], issue=a["issue"], stance=a["stance"], issue_iri=a["issue_iri"],
            article=min(a["articles"]) if a["articles"] else None,
            date=min(a["dates"]) if a["dates"] else None,
            statements=tuple(sorted(a["stmts"])), quotes=tuple(sorted(a["quotes"])), claim=claim))
    return out


def load_positions(source: ox.Store | str | Path | PositionTable | None = None,
                   store_dir: str | Path | None = None) -> PositionTable:
    """Read positions, claims, actors and tenures from a graph with SPARQL.

    Parameters
    ----------
    source : pyoxigraph.Store, StoreSession, path or PositionTable
        An open store (or a :func:`stancegraph.store.persistent.session`), or a graph file (Turtle, TriG, ...) opened with
        :func:`stancegraph.store.open_source`. A PositionTable is returned as is.
    store_dir : path, optional
        An on-disk Oxigraph store instead of ``source``.

    Returns
    -------
    PositionTable

    Examples
    --------
    >>> t = load_positions(example_store())
    >>> [(t.label(p.holder), p.issue, p.stance, p.date.year) for p in t.positions][:2]
    [('Anna', 'talks-progress', 'support', 2022), ('Boris', 'talks-progress', 'support', 2022)]
    """
    if isinstance(source, PositionTable):
        return source
    name = None
    if isinstance(source, (ox.Store, StoreSession)):
        store = source
    else:
        name = str(source if source is not None else store_dir)
        store = open_source(source, store_dir)
    positions = _collect(_rows(store, "positions"), claim=False)
    positions += _collect(_rows(store, "claims"), claim=True)
    kinds: dict[str, str] = {}
    for r in _rows(store, "types"):
        kinds.setdefault(r["s"], _kind_from_type(r["type"]))
    for r in _rows(store, "kinds"):
        kinds[r["s"]] = str(r["kind"]).lower()
    affs: dict[str, set[str]] = defaultdict(set)
    for r in _rows(store, "affiliations"):
        affs[r["s"]].add(r["aff"])
    wd: dict[str, set[str]] = defaultdict(set)
    for r in _rows(store, "wikidata"):
        wd[r["s"]].add(local_name(r["same"]))
    tenures: dict[str, list[Tenure]] = defaultdict(list)
    for r in sorted(_rows(store, "tenures"), key=lambda r: (r["t"], str(r.get("begin")), str(r.get("end")))):
        tenures[r["member"]].append(Tenure(r["member"], r["org"], iso_date_or_none(r.get("begin")),
                                           iso_date_or_none(r.get("end"))))
    return PositionTable(
        positions=positions,
        labels=_pick_label(_rows(store, "labels")),
        kinds=kinds,
        affiliations={k: tuple(sorted(v)) for k, v in affs.items()},
        wikidata={k: ";".join(sorted(v)) for k, v in wd.items()},
        tenures=dict(tenures),
        codebook_keys={str(r["key"]) for r in _rows(store, "codebook")},
        territory_keys={str(r.get("key") or local_name(r["t"])) for r in _rows(store, "territories")},
        source=name,
    )


@dataclass
class StanceMatrix:
    """The two-mode count matrix ``C`` (nodes x (issue, stance) columns) and what lies behind it.

    Attributes
    ----------
    counts : scipy.sparse.csr_array of int64
        ``C[a, c]``: how many units (see ``duplicates``) of node ``a`` hold column ``c``.
    nodes : list of str
        Node IRIs (actors, or organisations at ``level="organisation"``), sorted.
    columns : list of (issue key, stance)
        Sorted by issue key, then support, oppose, then other stances alphabetically.
    cell_statements : dict
        ``(row, col) -> frozenset`` of the statement IRIs expressing that cell.
    members : dict
        node IRI -> sorted holder IRIs it stands for.
    issue_iris : dict
        issue key -> concept or territory IRI.
    table : PositionTable
        Labels, kinds, affiliations and Wikidata ids.
    """

    counts: sp.csr_array
    nodes: list[str]
    columns: list[tuple[str, str]]
    cell_statements: dict[tuple[int, int], frozenset[str]]
    members: dict[str, tuple[str, ...]]
    issue_iris: dict[str, str]
    table: PositionTable
    window: Window | None = None

    def label(self, iri: str) -> str:
        return self.table.label(iri)

    def opposite(self) -> sp.csr_array:
        """``J``: columns x columns, ``J[c, c'] = 1`` iff same issue and different stance.

        >>> stance_matrix(example_store()).opposite().toarray().tolist()
        [[0, 1, 0, 0], [1, 0, 0, 0], [0, 0, 0, 1], [0, 0, 1, 0]]
        """
        by_issue: dict[str, list[int]] = defaultdict(list)
        for j, (issue, _) in enumerate(self.columns):
            by_issue[issue].append(j)
        rows, cols = [], []
        for idx in by_issue.values():
            for a in idx:
                for b in idx:
                    if a != b:
                        rows.append(a)
                        cols.append(b)
        n = len(self.columns)
        return sp.csr_array((np.ones(len(rows), dtype=np.int64), (rows, cols)), shape=(n, n))


def select_positions(table: PositionTable, *, issues: Iterable[str] | None = None,
                     since: date | str | None = None, until: date | str | None = None,
                     claims: bool = True, claims_only: bool = False,
                     window: Window | None = None) -> list[Position]:
    """The positions kept by the issue, date, window and claims filters.

    Articles without a date are kept unless ``since``, ``until`` or a
    ``window`` is given. Unknown issue keys raise StanceGraphError listing
    the known keys.

    >>> t = load_positions(example_store())
    >>> len(select_positions(t)), len(select_positions(t, since="2023-01-01"))
    (5, 3)
    """
    src = table.source
    since_d, until_d = check_dates(since, until, src)
    check_claims(claims, claims_only, src)
    wanted = None
    if issues:
        wanted = {str(i).strip() for i in issues}
        unknown = sorted(k for k in wanted if not table.valid_issue_key(k))
        if unknown:
            known = table.known_issue_keys()
            more = len(table.territory_keys - {k[len(CLAIM_PREFIX):] for k in known if k.startswith(CLAIM_PREFIX)})
            tail = f"; or territory:KEY for one of {more} more territories" if more else ""
            raise StanceGraphError(
                f"unknown issue key {', '.join(repr(u) for u in unknown)} "
                f"(known: {', '.join(known) or 'none'}{tail})", path=src, place="issues")
    dated = since_d is not None or until_d is not None or window is not None
    out = []
    for p in table.positions:
        if p.claim and not claims:
            continue
        if claims_only and not p.claim:
            continue
        if wanted is not None and p.issue not in wanted:
            continue
        if dated:
            if p.date is None:
                continue
            if since_d and p.date < since_d:
                continue
            if until_d and p.date > until_d:
                continue
            if window is not None and not window.contains(p.date):
                continue
        out.append(p)
    return out


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[Any, Any] = {}

    def find(self, x: Any) -> Any:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: Any, b: Any) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> int:
        return len({self.find(x) for x in list(self.parent)})


def _column_key(col: tuple[str, str]) -> tuple:
    issue, stance = col
    return (issue, _STANCE_ORDER.get(stance, 2), stance)


def count_matrix(positions: Iterable[Position], table: PositionTable, *, level: str = "person",
                 duplicates: str = "article", window: Window | None = None) -> StanceMatrix:
    """Count already-selected positions into a :class:`StanceMatrix` (see the module notes).

    >>> t = load_positions(example_store())
    >>> count_matrix(t.positions, t, duplicates="all").counts.sum()
    np.int64(6)
    """
    level = check_choice(level, LEVELS, "level", table.source)
    duplicates = check_choice(duplicates, DUPLICATES, "duplicates", table.source)
    units: dict[tuple[str, tuple[str, str]], Any] = {}
    stmts: dict[tuple[str, tuple[str, str]], set[str]] = defaultdict(set)
    members: dict[str, set[str]] = defaultdict(set)
    issue_iris: dict[str, str] = {}
    for p in positions:
        node = table.node_for(p.holder, p.date, level)
        col = (p.issue, p.stance)
        cell = (node, col)
        members[node].add(p.holder)
        issue_iris.setdefault(p.issue, p.issue_iri)
        stmts[cell].update(p.statements)
        unit = p.article or p.iri
        if duplicates == "article":
            units.setdefault(cell, set()).add(unit)
        elif duplicates == "all":
            units.setdefault(cell, set()).update(p.statements or (p.iri,))
        else:
            uf = units.setdefault(cell, _UnionFind())
            uf.find(("unit", unit))
            for q in p.quotes:
                uf.union(("unit", unit), ("quote", q))
    nodes = sorted(members)
    columns = sorted({col for _, col in units}, key=_column_key)
    row_of = {n: i for i, n in enumerate(nodes)}
    col_of = {c: j for j, c in enumerate(columns)}
    rows, cols, vals = [], [], []
    cell_statements: dict[tuple[int, int], frozenset[str]] = {}
    for (node, col), u in units.items():
        n = u.groups() if isinstance(u, _UnionFind) else len(u)
        i, j = row_of[node], col_of[col]
        rows.append(i)
        cols.append(j)
        vals.append(n)
        cell_statements[(i, j)] = frozenset(stmts[(node, col)])
    counts = sp.csr_array((np.asarray(vals, dtype=np.int64), (rows, cols)),
                          shape=(len(nodes), len(columns)))
    counts.sort_indices()
    return StanceMatrix(counts=counts, nodes=nodes, columns=columns, cell_statements=cell_statements,
                        members={n: tuple(sorted(m)) for n, m in members.items()},
                        issue_iris=issue_iris, table=table, window=window)


def stance_matrix(source: Any, *, issues: Iterable[str] | None = None, since: date | str | None = None,
                  until: date | str | None = None, level: str = "person", duplicates: str = "article",
                  claims: bool = True, claims_only: bool = False,
                  window: Window | None = None) -> StanceMatrix:
    """The filtered, counted ``actors x (issue, stance)`` matrix of a graph.

    Parameters
    ----------
    source : pyoxigraph.Store, graph path or PositionTable
    issues : list of str, optional
        Keep only these issue keys (``skos:notation``; ``territory:{key}`` for claims).
    since, until : date or ISO string, optional
        Keep articles published in ``[since, until]``; undated articles are
        then left out.
    level : {"person", "organisation"}
    duplicates : {"article", "utterance", "all"}
    claims, claims_only : bool
        Include territorial claims (default), or only them.
    window : Window, optional
        Keep articles published inside the window.

    Returns
    -------
    StanceMatrix

    Examples
    --------
    >>> M = stance_matrix(example_store(), issues=["talks-progress"])
    >>> M.columns, M.counts.toarray().ravel().tolist()
    ([('talks-progress', 'support'), ('talks-progress', 'oppose')], [1, 0, 1, 0, 0, 1])
    """
    table = load_positions(source)
    chosen = select_positions(table, issues=issues, since=since, until=until, claims=claims,
                              claims_only=claims_only, window=window)
    return count_matrix(chosen, table, level=level, duplicates=duplicates, window=window)


EXAMPLE_TTL = """@prefix sg: <https://w3id.org/stancegraph/ontology#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix schema: <https://schema.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix act: <https://w3id.org/stancegraph/id/actor/> .
@prefix cb: <https://w3id.org/stancegraph/codebook/> .
@base <https://w3id.org/stancegraph/id/article/> .
@prefix art: <https://w3id.org/stancegraph/id/article/> .
cb:scheme a sg:Codebook .
cb:talks-progress a skos:Concept ; skos:inScheme cb:scheme ; skos:notation "talks-progress" .
cb:harbour-fees a skos:Concept ; skos:inScheme cb:scheme ; skos:notation "harbour-fees" .
act:anna a sg:Person ; skos:prefLabel "Anna"@en ; sg:actorKind "person" .
act:boris a sg:Person ; skos:prefLabel "Boris"@en ; sg:actorKind "person" .
act:chen a sg:Person ; skos:prefLabel "Chen"@en ; sg:actorKind "person" .
art:e1 a sg:Article ; sg:articleId "e1" ; schema:datePublished "2022-01-10"^^xsd:date .
art:e2 a sg:Article ; sg:articleId "e2" ; schema:datePublished "2023-02-01"^^xsd:date .
<e1/statement/0-9> a sg:Statement ; prov:wasAttributedTo act:anna ; prov:wasDerivedFrom art:e1 ; sg:quotedText "Good talks." .
<e1/statement/10-19> a sg:Statement ; prov:wasAttributedTo act:boris ; prov:wasDerivedFrom art:e1 .
<e2/statement/0-9> a sg:Statement ; prov:wasAttributedTo act:chen ; prov:wasDerivedFrom art:e2 .
<e2/statement/10-19> a sg:Statement ; prov:wasAttributedTo act:anna ; prov:wasDerivedFrom art:e2 .
<e2/statement/20-29> a sg:Statement ; prov:wasAttributedTo act:chen ; prov:wasDerivedFrom art:e2 .
<e2/statement/30-39> a sg:Statement ; prov:wasAttributedTo act:chen ; prov:wasDerivedFrom art:e2 .
<e1/position/anna/talks-progress/support> a sg:IssuePosition ; sg:holder act:anna ;
  sg:issue cb:talks-progress ; sg:stance sg:Support ; prov:wasDerivedFrom art:e1 ; sg:expressedIn <e1/statement/0-9> .
<e1/position/boris/talks-progress/support> a sg:IssuePosition ; sg:holder act:boris ;
  sg:issue cb:talks-progress ; sg:stance sg:Support ; prov:wasDerivedFrom art:e1 ; sg:expressedIn <e1/statement/10-19> .
<e2/position/chen/talks-progress/oppose> a sg:IssuePosition ; sg:holder act:chen ;
  sg:issue cb:talks-progress ; sg:stance sg:Oppose ; prov:wasDerivedFrom art:e2 ; sg:expressedIn <e2/statement/0-9> .
<e2/position/anna/harbour-fees/oppose> a sg:IssuePosition ; sg:holder act:anna ;
  sg:issue cb:harbour-fees ; sg:stance sg:Oppose ; prov:wasDerivedFrom art:e2 ; sg:expressedIn <e2/statement/10-19> .
<e2/position/chen/harbour-fees/support> a sg:IssuePosition ; sg:holder act:chen ;
  sg:issue cb:harbour-fees ; sg:stance sg:Support ; prov:wasDerivedFrom art:e2 ;
  sg:expressedIn <e2/statement/20-29> , <e2/statement/30-39> .
"""


def example_store() -> ox.Store:
    """A tiny in-memory graph for examples: three people, two issues, two articles.

    Anna and Boris support ``talks-progress`` (2022), Chen opposes it (2023);
    in 2023 Anna opposes and Chen supports ``harbour-fees``.

    >>> st = example_store()
    >>> len(st), len(list(st.quads_for_pattern(None, None, None, None)))
    (72, 72)
    >>> sorted(load_positions(st).codebook_keys)
    ['harbour-fees', 'talks-progress']
    """
    return load_text(EXAMPLE_TTL, "ttl")
