"""Every IRI stancegraph mints, in one place (the layout is in ``docs/graph-model.md``).

IRIs are derived from content (article id, character offsets, actor slugs,
issue keys), so the same input always gives the same IRIs. Functions return
plain strings; the graph stage wraps them in ``rdflib.URIRef``, the store in
``pyoxigraph.NamedNode``.

>>> actor_iri("Zoë Ångström")
'https://w3id.org/stancegraph/id/actor/zoe-angstrom'
>>> statement_iri(article_iri("a1"), 10, 42)
'https://w3id.org/stancegraph/id/article/a1/statement/10-42'
>>> article_graph_iri("a b/c")
'https://w3id.org/stancegraph/id/graph/article/a%20b%2Fc'
>>> local_name("https://w3id.org/stancegraph/id/territory/north-island")
'north-island'
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

from .errors import StanceGraphError
from .namespaces import ID_BASE

ACTOR_BASE = ID_BASE + "actor/"
TERRITORY_BASE = ID_BASE + "territory/"
ARTICLE_BASE = ID_BASE + "article/"
GRAPH_BASE = ID_BASE + "graph/"
ARTICLE_GRAPH_PREFIX = GRAPH_BASE + "article/"
META_GRAPH = GRAPH_BASE + "meta"
"""The store's bookkeeping graph (content hashes and triple counts of the other graphs)."""
STATIC_GRAPHS = ("ontology", "codebook", "gazetteer")
REVIEW_GRAPH_NAME = "review"
"""The graph of review records (:mod:`stancegraph.review`): named like the static graphs, written by
``import-dna``/``import-annotations`` only, never by a build."""

# characters kept as they are in the article id segment of a graph IRI
_ID_SAFE = "-._~!$&'()*+,;=:@"


def unaccented(text: str) -> str:
    """``text`` with its accents dropped (NFKD, combining marks removed).

    >>> unaccented("Zoë Takáč")
    'Zoe Takac'
    """
    if text.isascii():  # nothing to decompose (most names): the text as it is
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def slug(name: str) -> str:
    """Stable IRI slug of a name: accents stripped, lower case, words joined by '-'.

    >>> slug("Zoë Ångström-Smith")
    'zoe-angstrom-smith'
    >>> slug("Norway's delegation")
    'norways-delegation'
    """
    text = unaccented(name).lower()
    text = text.replace("'", "").replace("’", "")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "x"


def local_name(iri: str) -> str:
    """The last segment of an IRI (after the last ``/`` or ``#``).

    >>> local_name("https://w3id.org/stancegraph/ontology#Support")
    'Support'
    """
    return re.split(r"[/#]", iri.rstrip("/"))[-1]


def slug_of(iri: str) -> str:
    """The path segment an actor or territory contributes to a position or claim IRI.

    >>> slug_of("https://w3id.org/stancegraph/id/actor/ann-example"), slug_of("urn:x:Ann Example")
    ('ann-example', 'urn-x-ann-example')
    """
    return iri.rstrip("/").rsplit("/", 1)[-1] if "/id/" in iri else slug(iri)


def actor_iri(name: str) -> str:
    """The IRI of an actor minted from its (cleaned) name."""
    return ACTOR_BASE + slug(name)


def article_iri(article_id: str) -> str:
    """The article itself (ingest guarantees ids made of ``A-Za-z0-9._~-``)."""
    return f"{ARTICLE_BASE}{article_id}"


def span_iri(article: str, begin: int, end: int) -> str:
    """A text span of an article (character offsets, end exclusive)."""
    return f"{article}/span/{begin}-{end}"


def statement_iri(article: str, begin: int, end: int, n: int = 0) -> str:
    """A statement by its first span; ``n`` > 0 tells apart statements that share that span."""
    base = f"{article}/statement/{begin}-{end}"
    return base if n == 0 else f"{base}-{n}"


def position_iri(article: str, holder: str, issue: str, stance: str) -> str:
    """An issue position: holder, issue key and stance word (``support`` / ``oppose``)."""
    return f"{article}/position/{slug_of(holder)}/{issue}/{stance}"


def claim_iri(article: str, claimant: str, territory: str, sovereign: str) -> str:
    """A territorial claim: claimant, territory and the asserted sovereign's key."""
    return f"{article}/claim/{slug_of(claimant)}/{slug_of(territory)}/{sovereign}"


def run_iri(version: str) -> str:
    """The extraction run (software version) every build records as ``prov:wasGeneratedBy``."""
    return f"{ID_BASE}run/stancegraph-{version}"


def check_article_id(article_id: str) -> None:
    """Refuse ids that cannot name a graph (empty, not a string, control characters)."""
    if not isinstance(article_id, str) or not article_id.strip():
        raise StanceGraphError(f"invalid article id {article_id!r}: it must be a non-empty string")
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in article_id):
        raise StanceGraphError(f"invalid article id {article_id!r}: control characters are not allowed")


def article_graph_iri(article_id: str) -> str:
    """The named graph of one article in a store.

    Ids are percent-encoded where they hold characters not allowed unencoded in an
    IRI path segment (``/``, ``%``, space, ``#``, ``?``...); ids made of letters,
    digits and ``-._~`` appear unchanged.

    >>> article_graph_iri("000_51f969d92cf07be1")
    'https://w3id.org/stancegraph/id/graph/article/000_51f969d92cf07be1'
    """
    check_article_id(article_id)
    return ARTICLE_GRAPH_PREFIX + quote(article_id, safe=_ID_SAFE)


def static_graph_iri(name: str) -> str:
    """The named graph of the ontology, the codebook or the gazetteer.

    >>> static_graph_iri("codebook")
    'https://w3id.org/stancegraph/id/graph/codebook'
    """
    if name not in STATIC_GRAPHS and name != REVIEW_GRAPH_NAME:
        raise StanceGraphError(f"unknown static graph '{name}' (use one of {', '.join(STATIC_GRAPHS)})")
    return GRAPH_BASE + name
