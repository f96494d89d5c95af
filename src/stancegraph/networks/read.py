"""Reading the graph for the networks: positions, claims, actors and tenures, with SPARQL.

:func:`load_positions` reads, with the package queries ``networks-*.rq``
through :mod:`stancegraph.store.library`, every issue position and
territorial claim (holder, issue, stance, article, date, expressing
statements and their quoted text), the actors' labels, kinds, affiliations
and Wikidata ids, and the tenures (who held which post in which organisation
when). Nothing is taken from extractor objects.

A territorial claim is read as a position on the pseudo-issue
``territory:{territory key}`` whose stance is the asserted sovereign's key
(``north``, ``south``, ...): two claimants asserting the same sovereign for
a territory agree, different sovereigns disagree.

Levels (:meth:`PositionTable.node_for`, the ``level`` option):

* ``person``: every holder is its own node.
* ``organisation``: persons and groups are replaced by the organisation or
  state they speak for *at the article's date*: the ``org:postIn`` of the
  post of a ``sg:Tenure`` of theirs valid at that date (begin <= date <= end,
  a missing end meaning "still in office"; the latest-begun if several),
  else their ``sg:affiliation`` (the first IRI in sort order if several),
  else themselves. Undated articles use the affiliation. Organisations and
  states stay as they are.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from ..dates import covers, iso_date_or_none, latest_covering
from ..ids import local_name
from ..store import open_source
from ..store.library import package_query, run_named_query
from ..store.persistent import StoreSession

CLAIM_PREFIX = "territory:"


def _rows(store: ox.Store, name: str) -> list[dict[str, Any]]:
    """Rows of the package query ``networks-{name}`` (``src/stancegraph/queries/``)."""
    return run_named_query(store, package_query(f"networks-{name}"))


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
    >>> from stancegraph.networks.examples import example_store
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
