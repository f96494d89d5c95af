"""False and missed actors of a build, sorted by kind (a diagnosis table, not a test).

    python benchmarks/actor_errors.py ARTICLES GOLD GRAPH.ttl [--show KIND] [--limit N]

The scorer (``stancegraph.evaluate``) matches an exported actor to a gold one by its name or any
of its aliases against the gold name and aliases. Each exported actor it cannot match (false) and
each gold actor it misses is put in one kind:

- another name of the same actor: a false and a missed actor of the article share a content word
  (a name variant the scorer cannot match: "US Department of State" / "State Department");
- a joint speaker ("A and B"), a place name, a title or scare-quoted words as a speaker;
- a false actor known only from quotes the scorer gives to someone else (a wrong speaker) or from
  quotes, positions or claims gold does not have;
- a missed actor, by whether the graph has a reported statement of it (not exported: only quotes,
  positions and claims are) or none (the graph keeps only the mentions of actors that speak or
  hold something), its gold kind, and why: its gold quotes went to another speaker or were missed,
  or gold lists it only for statements or claims.

Prints the counts per kind and, with ``--show``, the cases of the kinds containing that text.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from quote_errors import print_kinds, read_build
from stancegraph.evaluate import Names, _match, _match_quotes, norm

STOP = {"the", "of", "and", "for", "us", "u", "s", "de", "la", "el", "al", "s", "ministry", "department",
        "office", "minister", "president", "spokesperson", "spokesman", "officials", "official"}

#: every actor an article mentions or reports as saying something, with the words naming it
MENTIONED = """
PREFIX sg: <https://w3id.org/stancegraph/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
SELECT DISTINCT ?id ?actor ?name ?alias ?said WHERE {
  ?a a sg:Article ; sg:articleId ?id .
  { ?m sg:refersTo ?actor ; nif:referenceContext ?a ; nif:anchorOf ?alias . }
  UNION { ?st prov:wasDerivedFrom ?a ; prov:wasAttributedTo ?actor . BIND(true AS ?said) }
  ?actor skos:prefLabel ?name .
}
"""


def content(name: str) -> set[str]:
    return {w for w in re.findall(r"\w+", norm(name)) if w not in STOP and len(w) > 2}


def names_of(actor: dict) -> list[str]:
    return [actor["name"], *actor.get("aliases", [])]


def main(argv=None) -> int:
    from stancegraph.store import select

    a, gold, store, pred = read_build(argv)
    known: dict[str, dict[str, dict]] = defaultdict(dict)  # article -> actor IRI -> {names, said}
    for r in select(store, MENTIONED):
        entry = known[r["id"]].setdefault(r["actor"], {"names": {r["name"]}, "said": False})
        if "alias" in r:
            entry["names"].add(r["alias"])
        if r.get("said"):
            entry["said"] = True
    texts = {p.stem: p.read_text(encoding="utf-8") for p in Path(a.articles).glob("*.txt")}
    kinds: Counter = Counter()
    cases = defaultdict(list)
    for aid in sorted(gold):
        g, p = gold[aid], pred.get(aid, {"actors": [], "quotes": []})
        text = texts.get(aid, "")
        names = Names(g.get("actors", []))
        same = lambda pa, ga: names.same(pa["name"], ga["name"]) or any(names.same(x, ga["name"])
                                                                        for x in pa.get("aliases", []))
        pa, ga = p.get("actors", []), g.get("actors", [])
        _, fp, fn = _match(pa, ga, same)
        fn = [j for j in fn if not ga[j].get("optional")]
        gq, pq = g.get("quotes", []), p.get("quotes", [])
        qpairs, _, qfn = _match_quotes(pq, gq)
        right_q = {i for i, j in qpairs if names.same(pq[i]["speaker"], gq[j]["speaker"])}
        wrong_q = {i for i, j in qpairs if i not in right_q}
        fn_words = {j: set().union(*(content(n) for n in names_of(ga[j]))) for j in fn}
        for i in fp:
            act = pa[i]
            words = set().union(*(content(n) for n in names_of(act)))
            name = act["name"]
            mine = [k for k, q in enumerate(pq) if norm(q["speaker"]) == norm(name)]
            if any(words & fn_words[j] for j in fn):
                k = "FALSE name variant of a missed actor"
            elif re.search(r"\band\b|&", name):
                k = "FALSE joint speaker (A and B)"
            elif mine and all(k2 in wrong_q for k2 in mine):
                k = "FALSE speaker only of quotes gold gives another"
            elif any(norm(x["name"]) == norm(name) or norm(name) in map(norm, x.get("aliases", []))
                     for x in g.get("actors", []) if x.get("optional")):
                k = "FALSE optional gold actor"
            elif mine and not any(k2 in right_q or k2 in wrong_q for k2 in mine):
                k = "FALSE speaker only of quotes gold lacks"
            elif not mine:
                k = "FALSE holder of positions/claims only"
            else:
                k = "FALSE other"
            kinds[k] += 1
            cases[k].append(f"{aid}: {name} [{act.get('kind')}] aliases={act.get('aliases', [])[:4]}")
        for j in fn:
            act = ga[j]
            gnames = {norm(n) for n in names_of(act)}
            inner = [x for x in known.get(aid, {}).values() if {norm(n) for n in x["names"]} & gnames]
            gquotes = [q for q in gq if names.same(q["speaker"], act["name"]) and not q.get("optional")]
            missed_q = [q for jj, q in enumerate(gq) if jj in qfn and q in gquotes]
            if any(fn_words[j] & set().union(*(content(n) for n in names_of(pa[i]))) for i in fp):
                k = "MISSED name variant of a false actor"
            else:
                if gquotes and len(missed_q) == len(gquotes):
                    why = "its quotes missed"
                elif gquotes:
                    why = "its quotes given to another"
                else:
                    why = "gold: statements/claims only"
                where = "reported in graph" if inner else "no statement in graph"
                k = f"MISSED {where}, {act.get('kind', 'person')}, {why}"
            kinds[k] += 1
            cases[k].append(f"{aid}: {act['name']} [{act.get('kind')}] aliases={act.get('aliases', [])[:4]}")
    print_kinds(kinds, cases, {"false": "FALSE", "missed": "MISSED"}, a.show, a.limit, width=66)
    return 0


if __name__ == "__main__":
    sys.exit(main())
