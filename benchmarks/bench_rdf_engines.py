"""rdflib's own engine vs Oxigraph (pyoxigraph) on graphs shaped like stancegraph's.

Prints, for a synthetic graph of positions and statements: Turtle parse, Turtle
serialisation, and an agreement-pairs SPARQL query, each timed in both engines,
with the ratio. Run: .venv/bin/python benchmarks/bench_rdf_engines.py [N_POSITIONS]
"""

from __future__ import annotations

import random
import sys
import time

import pyoxigraph as ox
from rdflib import Graph

SG = "https://w3id.org/stancegraph/ontology#"
ID = "https://w3id.org/stancegraph/id/"
AGREEMENT = f"""PREFIX sg: <{SG}>
SELECT ?a ?b (COUNT(DISTINCT ?i) AS ?n) WHERE {{
  ?p1 a sg:IssuePosition ; sg:holder ?a ; sg:issue ?i ; sg:stance ?s .
  ?p2 a sg:IssuePosition ; sg:holder ?b ; sg:issue ?i ; sg:stance ?s .
  FILTER (STR(?a) < STR(?b))
}} GROUP BY ?a ?b"""


def synthetic(n_positions: int, n_actors: int = 300, n_issues: int = 9, seed: int = 7) -> str:
    rnd = random.Random(seed)
    lines = []
    for k in range(n_positions):
        art, actor, issue = rnd.randrange(n_positions // 5 + 1), rnd.randrange(n_actors), rnd.randrange(n_issues)
        p = f"<{ID}article/a{art}/position/{k}>"
        st = f"<{ID}article/a{art}/statement/{k}>"
        lines += [f"{p} a <{SG}IssuePosition> ;",
                  f"  <{SG}holder> <{ID}actor/x{actor}> ; <{SG}issue> <{ID}issue/i{issue}> ;",
                  f"  <{SG}stance> <{SG}{'Support' if rnd.random() < 0.5 else 'Oppose'}> ; <{SG}expressedIn> {st} .",
                  f"{st} a <{SG}Statement> ; <http://www.w3.org/ns/prov#wasAttributedTo> <{ID}actor/x{actor}> ;",
                  f"  <{SG}quotedText> \"words number {k} said \\\"here\\\"\" ; <{SG}confidence> {rnd.random():.3f} ."]
    return "\n".join(lines)


def timed(fn):
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def main(n: int) -> None:
    ttl = synthetic(n)
    t_rdflib_parse, g = timed(lambda: Graph().parse(data=ttl, format="turtle"))
    store = ox.Store()
    t_ox_parse, _ = timed(lambda: store.load(ttl.encode(), format=ox.RdfFormat.TURTLE))
    print(f"synthetic graph: {n} positions, {len(g)} triples")
    t_rdflib_ser, _ = timed(lambda: g.serialize(format="turtle"))
    t_ox_ser, _ = timed(lambda: store.dump(format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph()))
    t_ox_q, rows_ox = timed(lambda: list(store.query(AGREEMENT)))
    small = n <= 1000
    if small:
        t_rdflib_q, rows_rd = timed(lambda: list(g.query(AGREEMENT)))
    print(f"{'step':28} {'rdflib':>10} {'oxigraph':>10} {'ratio':>8}")
    print(f"{'parse Turtle':28} {t_rdflib_parse:10.3f} {t_ox_parse:10.3f} {t_rdflib_parse / t_ox_parse:7.1f}x")
    print(f"{'serialize Turtle':28} {t_rdflib_ser:10.3f} {t_ox_ser:10.3f} {t_rdflib_ser / t_ox_ser:7.1f}x")
    if small:
        assert len(rows_rd) == len(rows_ox)
        print(f"{'agreement-pairs SPARQL':28} {t_rdflib_q:10.3f} {t_ox_q:10.3f} {t_rdflib_q / t_ox_q:7.1f}x"
              f"   ({len(rows_ox)} pairs, same rows)")
    else:
        print(f"{'agreement-pairs SPARQL':28} {'(skipped)':>10} {t_ox_q:10.3f}          ({len(rows_ox)} pairs; "
              "rdflib's engine is run only up to 1000 positions)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
