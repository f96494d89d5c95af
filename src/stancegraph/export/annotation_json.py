"""The annotation export: one JSON document per article, read out of the graph with SPARQL.

The format is documented in ``docs/annotations.md``; it is read out of the
graph, so what is not in the graph is not in the export.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox

from ..errors import StanceGraphError
from ..fileio import write_text_atomic
from ..store import select

P = """PREFIX sg: <https://w3id.org/stancegraph/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
"""

Q_ARTICLES = P + """SELECT ?a ?id ?date WHERE { ?a a sg:Article ; sg:articleId ?id .
  OPTIONAL { ?a schema:datePublished ?date } } ORDER BY ?id"""

# Speakers are actors whose words the article quotes, or who hold a position or a claim in it;
# the graph also keeps everyone reported to have said anything, but a bare "X announced" is not listed.
Q_ACTORS = P + """SELECT DISTINCT ?actor ?name ?kind ?affname WHERE {
  { ?st prov:wasDerivedFrom ?a ; prov:wasAttributedTo ?actor ; sg:quotedText ?q . ?st a sg:Statement . }
  UNION { ?p a sg:IssuePosition ; prov:wasDerivedFrom ?a ; sg:holder ?actor . }
  UNION { ?c a sg:TerritorialClaim ; prov:wasDerivedFrom ?a ; sg:claimant ?actor . }
  ?actor skos:prefLabel ?name .
  OPTIONAL { ?actor sg:actorKind ?kind }
  OPTIONAL { ?actor sg:affiliation ?aff . ?aff skos:prefLabel ?affname }
} ORDER BY ?name"""

Q_ALIASES = P + """SELECT DISTINCT ?actor ?alias WHERE {
  ?m sg:refersTo ?actor ; nif:referenceContext ?a ; nif:anchorOf ?alias . }"""

Q_QUOTES = P + """SELECT ?st ?name ?text ?b WHERE {
  ?st a sg:Statement ; prov:wasDerivedFrom ?a ; prov:wasAttributedTo ?sp ; sg:quotedText ?text ;
      sg:span ?span . ?span nif:beginIndex ?b .
  ?sp skos:prefLabel ?name .
  FILTER NOT EXISTS { ?st sg:span ?s2 . ?s2 nif:beginIndex ?b2 . FILTER(?b2 < ?b) }
} ORDER BY ?b ?st"""

Q_POSITIONS = P + """SELECT ?name ?key ?stance ?ev ?conf WHERE {
  ?p a sg:IssuePosition ; prov:wasDerivedFrom ?a ; sg:holder ?h ; sg:issue ?i ; sg:stance ?s .
  ?h skos:prefLabel ?name . ?i skos:notation ?key . ?s skos:notation ?stance .
  OPTIONAL { ?p sg:evidenceText ?ev } OPTIONAL { ?p sg:confidence ?conf }
} ORDER BY ?name ?key ?stance"""

Q_CLAIMS = P + """SELECT ?name ?terr ?sov ?ev ?conf WHERE {
  ?c a sg:TerritorialClaim ; prov:wasDerivedFrom ?a ; sg:claimant ?h ; sg:territory ?t ; sg:assertedSovereign ?o .
  ?h skos:prefLabel ?name . ?t skos:prefLabel ?terr . ?o skos:notation ?sov .
  OPTIONAL { ?c sg:evidenceText ?ev } OPTIONAL { ?c sg:confidence ?conf }
} ORDER BY ?name ?terr ?sov"""


def _bind(query: str, article_iri: str) -> str:
    return query.replace("?a ", f"<{article_iri}> ").replace("?a;", f"<{article_iri}>;").replace("?a .", f"<{article_iri}> .")


def annotations(store: ox.Store) -> list[dict]:
    """One annotation document per article in the store."""
    out = []
    for row in select(store, Q_ARTICLES):
        a = row["a"]
        actors = {}
        for r in select(store, _bind(Q_ACTORS, a)):
            actors.setdefault(r["actor"], {"name": r["name"], "kind": r.get("kind", "person"),
                                           "aliases": [], "affiliation": r.get("affname")})
        for r in select(store, _bind(Q_ALIASES, a)):
            if r["actor"] in actors and r["alias"] != actors[r["actor"]]["name"]:
                aliases = actors[r["actor"]]["aliases"]
                if r["alias"] not in aliases:
                    aliases.append(r["alias"])
        for entry in actors.values():
            entry["aliases"].sort()
        quotes, seen = [], set()
        for r in select(store, _bind(Q_QUOTES, a)):
            key = (r["name"], " ".join(r["text"].split()))
            if key not in seen:  # the same words by the same speaker, repeated in the article, are one quote
                seen.add(key)
                quotes.append({"speaker": r["name"], "text": r["text"]})
        statements = [{"speaker": r["name"], "issue": r["key"], "stance": r["stance"],
                       "evidence": r.get("ev", ""), "confidence": r.get("conf")}
                      for r in select(store, _bind(Q_POSITIONS, a))]
        claims = [{"claimant": r["name"], "territory": r["terr"], "sovereign": r["sov"],
                   "evidence": r.get("ev", ""), "confidence": r.get("conf")}
                  for r in select(store, _bind(Q_CLAIMS, a))]
        out.append({"article": row["id"], "published": row.get("date"),
                    "actors": sorted(actors.values(), key=lambda x: x["name"]),
                    "quotes": quotes, "statements": statements, "claims": claims})
    return out


def export_annotations(store: ox.Store, out_dir: str | Path) -> list[Path]:
    d = Path(out_dir)
    if d.exists() and not d.is_dir():
        raise StanceGraphError("annotations go to a directory, and this is a file", path=d)
    written = []
    for doc in annotations(store):
        path = d / f"{doc['article']}.json"
        write_text_atomic(path, json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        written.append(path)
    return written
