"""False and missed claims of a build, sorted by kind (a diagnosis table, not a test).

    python benchmarks/claim_errors.py ARTICLES GOLD GRAPH.ttl [--show KIND] [--limit N]

The scorer (``stancegraph.evaluate``) matches an exported claim to a gold one when the claimants
are the same name (or aliases of one gold actor), the sovereigns are equal and the territory is the
gold's or one of its alternatives. Each false claim and each missed required claim of an article is
put in one kind, pairing a false with a missed claim of the same article first:

- a claimant name variant: the same territory and sovereign, claimants sharing a content word or
  the exported actor's aliases naming the gold one (a name the scorer cannot match);
- another claimant for the same territory and sovereign: a state where gold names a person (its
  leader, its minister) or the reverse, or another actor;
- a flipped sovereign: the same claimant and territory, another sovereign;
- another territory: the same claimant and sovereign, another territory (a group for its parts);

then the unpaired ones: a false claim by whether its evidence is a counted phrase ("the four
regions"), whether it asserts for a territory the sovereign contrary to the claimant's own side
(the state that would cede), whether gold has no claim in the article at all, or has claims on
that territory by others; a missed claim by whether the build has the claimant as an actor at all,
whether the gold evidence is a counted phrase, a negation or condemnation, and whether the build
has any claim on that territory in the article.

Prints the counts per kind and, with ``--show``, the cases of the kinds containing that text.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict

from pathlib import Path

from quote_errors import locate, print_kinds, read_build
from stancegraph.ingest import read_txt
from stancegraph.evaluate import Names, _dedupe, _match, norm

STOP = {"the", "of", "and", "for", "us", "u", "s", "de", "la", "el", "al", "ministry", "department",
        "office", "minister", "president", "foreign", "affairs", "people", "peoples"}
COUNTED = re.compile(r"\b(two|three|four|five|six|seven|\d+)\s+(\w+\s+)?(regions?|oblasts?|territories|provinces|"
                     r"republics|areas)\b", re.I)
CONDEMN = re.compile(r"\b(not|never|illegal\w*|sham|condemn\w*|reject\w*|refus\w*|den(y|ies|ied)|null|void|"
                     r"invalid|violat\w*|occup\w*|seiz\w*|grab\w*)\b", re.I)


def content(name: str) -> set[str]:
    return {w for w in re.findall(r"\w+", norm(name)) if w not in STOP and len(w) > 2}


def sides():
    """Lower-case names of each sovereign's state (its gazetteer label and aliases) -> sovereign key,
    and gazetteer actor names -> the key of the state they are affiliated with."""
    from stancegraph.knowledge import load_resources

    res = load_resources()
    actors = res.gazetteer.actors
    by_state = {s.state: k for k, s in res.codebook.sovereigns.items() if s.state}
    out = {}
    for iri, a in actors.items():
        key = by_state.get(iri) or by_state.get(a.affiliation or "")
        if key:
            for n in (a.name, *a.aliases):
                out[norm(n)] = key
    return out


def main(argv=None) -> int:
    a, gold, _, pred = read_build(argv)
    arts = {x.id: x for x in map(read_txt, sorted(Path(a.articles).glob("*.txt")))} if a.show else {}
    side_of = sides()
    kinds: Counter = Counter()
    cases = defaultdict(list)

    def add(kind, aid, text):
        kinds[kind] += 1
        cases[kind].append(f"{aid}: {text}")

    for aid in sorted(gold):
        g = gold[aid]
        p = pred.get(aid, {"claims": [], "actors": []})
        names = Names(g.get("actors", []))
        gkind = {}
        for x in g.get("actors", []):
            for n in [x["name"], *x.get("aliases", [])]:
                gkind[norm(n)] = x.get("kind", "person")
        pact = {norm(x["name"]): x for x in p.get("actors", [])}
        gnames = {}
        for x in g.get("actors", []):
            for n in [x["name"], *x.get("aliases", [])]:
                gnames[norm(n)] = [x["name"], *x.get("aliases", [])]
        pc = _dedupe(p.get("claims", []), ("claimant", "territory", "sovereign"))
        gc = g.get("claims", [])
        terrs = lambda c: {norm(c["territory"]), *map(norm, c.get("territory_alternatives", []))}
        same = lambda pr, go: names.same(pr["claimant"], go["claimant"]) and pr["sovereign"] == go["sovereign"] \
            and norm(pr["territory"]) in terrs(go)
        _, fp, fn = _match(pc, gc, same)
        fn = [j for j in fn if not gc[j].get("optional")]

        def variant(pname, gname):
            px = pact.get(norm(pname), {"name": pname, "aliases": []})
            pnames = [px["name"], *px.get("aliases", [])]
            gl = gnames.get(norm(gname), [gname])
            if any(norm(x) == norm(y) for x in pnames for y in gl):
                return True
            pw = set().union(*(content(x) for x in pnames))
            gw = set().union(*(content(y) for y in gl))
            return bool(pw & gw)

        def kind_of(name, kinds_map):
            return kinds_map.get(norm(name), "?")

        art = arts.get(aid)

        def show(c):
            line = f"{c['claimant']} | {c['territory']} | {c['sovereign']} | {c.get('evidence', '')[:150]!r}"
            ev = c.get("evidence", "")
            pos = locate(art.text, ev, art.body_start) if art is not None and ev else -1
            if pos >= 0:
                line += "\n        " + art.text[max(art.body_start, pos - 220):pos + len(ev) + 100].replace("\n", " ¶ ")
            return line
        used_p, used_g = set(), set()
        # 1-4: pairs
        tests = [
            ("name variant of the claimant (scorer)",
             lambda pr, go: pr["sovereign"] == go["sovereign"] and norm(pr["territory"]) in terrs(go)
             and variant(pr["claimant"], go["claimant"])),
            ("flipped sovereign",
             lambda pr, go: norm(pr["territory"]) in terrs(go) and pr["sovereign"] != go["sovereign"]
             and (names.same(pr["claimant"], go["claimant"]) or variant(pr["claimant"], go["claimant"]))),
            ("another territory",
             lambda pr, go: pr["sovereign"] == go["sovereign"] and norm(pr["territory"]) not in terrs(go)
             and (names.same(pr["claimant"], go["claimant"]) or variant(pr["claimant"], go["claimant"]))),
            ("another claimant",
             lambda pr, go: pr["sovereign"] == go["sovereign"] and norm(pr["territory"]) in terrs(go)),
        ]
        for label, test in tests:
            for i in fp:
                if i in used_p:
                    continue
                j = next((j for j in fn if j not in used_g and test(pc[i], gc[j])), None)
                if j is None:
                    continue
                used_p.add(i)
                used_g.add(j)
                k = label
                if label == "another claimant":
                    pk = pact.get(norm(pc[i]["claimant"]), {}).get("kind", "?")
                    gk = kind_of(gc[j]["claimant"], gkind)
                    if pk == "state" and gk != "state":
                        k += f": state, gold a {gk}"
                    elif pk != "state" and gk == "state":
                        k += f": {pk}, gold the state"
                    else:
                        k += f": {pk}, gold a {gk}"
                add("PAIR " + k, aid, f"\n      pred {show(pc[i])}\n      gold {show(gc[j])}")
        gold_terrs = {t for c in gc for t in terrs(c)}
        pred_terrs = {norm(c["territory"]) for c in pc}
        for i in fp:
            if i in used_p:
                continue
            c = pc[i]
            ev = c.get("evidence", "")
            own = side_of.get(norm(c["claimant"])) or side_of.get(norm(pact.get(norm(c["claimant"]), {}).get("affiliation") or ""))
            if not gc:
                k = "no claim in the gold article"
            elif COUNTED.search(ev):
                k = "counted phrase"
            elif own and c["sovereign"] != own:
                k = "claimant's own side would lose it"
            elif norm(c["territory"]) in gold_terrs:
                k = "territory claimed in gold by others only"
            else:
                k = "territory not claimed in gold"
            add("FALSE " + k, aid, show(c))
        for j in fn:
            if j in used_g:
                continue
            c = gc[j]
            ev = c.get("evidence", "")
            found = norm(c["claimant"]) in pact or any(names.same(c["claimant"], x) for x in pact)
            if not pc:
                k = "no claim predicted in the article"
            elif COUNTED.search(ev):
                k = "counted phrase"
            elif not found:
                k = "claimant not an actor of the build"
            elif norm(c["territory"]) not in pred_terrs:
                k = "territory in no predicted claim"
            elif CONDEMN.search(ev):
                k = "negation or condemnation"
            else:
                k = "other"
            add("MISSED " + k, aid, show(c))
    print_kinds(kinds, cases, {"paired (each a false and a missed)": "PAIR", "false unpaired": "FALSE",
                               "missed unpaired": "MISSED"}, a.show, a.limit, width=62)
    return 0


if __name__ == "__main__":
    sys.exit(main())
