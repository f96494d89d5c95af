"""A tiny graph for examples, doctests and benchmarks: three people, two issues, two articles."""

from __future__ import annotations

import pyoxigraph as ox

from ..store import load_text


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
    >>> from stancegraph.networks import load_positions
    >>> sorted(load_positions(st).codebook_keys)
    ['harbour-fees', 'talks-progress']
    """
    return load_text(EXAMPLE_TTL, "ttl")
