"""Missed quotes and wrong speakers of a build, sorted by kind (a diagnosis table, not a test).

    python benchmarks/quote_errors.py ARTICLES GOLD GRAPH.ttl [--show KIND] [--limit N]

Each required gold quote the build misses is put in one kind: the quote finder found its words
but no quote was exported (no speaker, or read as a title), the finder found a quote that
overlaps it with other bounds, or the finder missed it (single marks, a headline, a quote across
paragraphs, words without marks in the text, marks the finder did not take). Each wrong speaker
is put in one kind by the predicted and the gold actor: another name of the same actor (a name
variant the scorer cannot match), an outlet reporting the quote, a state or body instead of the
person or the reverse, the speaker of the quote before, a speaker named right after, or another.
Prints the counts per kind and, with ``--show``, the cases of one kind with their context.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from stancegraph.evaluate import Names, _match_quotes, load_json_dir, norm, overlap_ok
from stancegraph.extract.quotes import find_quotes
from stancegraph.ingest import read_txt

STOP = {"the", "of", "and", "for", "us", "u", "s", "de", "la", "el", "al"}


def content(name: str) -> set[str]:
    return {w for w in re.findall(r"\w+", (name or "").lower()) if w not in STOP and len(w) > 2}


def locate(text: str, quote: str, start: int) -> int:
    """Offset of the gold quote's words in the text (whitespace-insensitive), or -1."""
    words = quote.split()
    if not words:
        return -1
    pat = r"\s+".join(re.escape(w) for w in words)
    m = re.search(pat, text[start:])
    return start + m.start() if m else -1


def missed_kind(text: str, body: int, g: dict, found, preds) -> str:
    gt = g["text"]
    pos = locate(text, gt, body)
    # a found quote that shares the words and stands where the gold words stand in the text
    hits = [q for q in found if overlap_ok(q.text, gt)
            and (pos < 0 or any(p.begin <= pos + len(gt) and p.end >= pos for p in q.pieces))]
    if hits:
        if any(overlap_ok(p["text"], gt) for p in preds):
            return "found, exported quote matched to another gold quote"
        return "found, not exported (no speaker, or a title)"
    if pos < 0:
        return "gold words not in the text"
    if any(set(gt.lower().split()) & set(q.text.lower().split()) and q.begin <= pos + len(gt) and q.end >= pos
           for q in found):
        return "finder: overlapping quote with other bounds"
    before = text[max(body, pos - 2):pos]
    end = pos + len(gt)
    after = text[end:end + 2]
    first_line = text[body:].lstrip().split("\n", 1)[0]
    if gt in first_line:
        return "finder: headline"
    marks_d = "\"“”„«»″"
    marks_s = "'‘’`‹›"
    if any(c in marks_s for c in before) or any(c in marks_s for c in after):
        return "finder: single marks"
    if any(c in marks_d for c in before) or any(c in marks_d for c in after):
        if "\n" in text[pos:end + 300].split("\n\n")[0] and not any(c in marks_d for c in text[pos:text.find("\n", pos)]):
            return "finder: across paragraphs"
        return "finder: double marks not taken"
    return "finder: no marks at the gold bounds"


def read_build(argv=None):
    """The command line (ARTICLES GOLD GRAPH [--show KIND] [--limit N]), the gold documents, the
    graph's store (its reviewed view) and the graph's annotation documents by article id."""
    ap = argparse.ArgumentParser()
    ap.add_argument("articles")
    ap.add_argument("gold")
    ap.add_argument("graph")
    ap.add_argument("--show", default=None, help="print the cases of kinds containing this text")
    ap.add_argument("--limit", type=int, default=40)
    a = ap.parse_args(argv)

    from stancegraph.export import annotations
    from stancegraph.review import view_of
    from stancegraph.store import open_source

    store = view_of(open_source(Path(a.graph), None), False, [])
    return a, load_json_dir(a.gold), store, {d["article"]: d for d in annotations(store)}


def main(argv=None) -> int:
    a, gold, _, pred = read_build(argv)
    arts = {x.id: x for x in map(read_txt, sorted(Path(a.articles).glob("*.txt")))}
    kinds: Counter = Counter()
    cases = defaultdict(list)
    for aid in sorted(gold):
        g, p, art = gold[aid], pred.get(aid, {"quotes": [], "actors": []}), arts.get(aid)
        if art is None:
            continue
        text, body = art.text, art.body_start
        found = find_quotes(text, body)
        pq, gq = p.get("quotes", []), g.get("quotes", [])
        names = Names(g.get("actors", []))
        gkind = {norm(x["name"]): x.get("kind", "person") for x in g.get("actors", [])}
        galias = {}
        for x in g.get("actors", []):
            for n in [x["name"], *x.get("aliases", [])]:
                galias[norm(n)] = x
        pkind = {norm(x["name"]): x.get("kind", "person") for x in p.get("actors", [])}
        pairs, _, fn = _match_quotes(pq, gq)
        for j in fn:
            if gq[j].get("optional"):
                continue
            k = "MISSED " + missed_kind(text, body, gq[j], found, pq)
            kinds[k] += 1
            pos = locate(text, gq[j]["text"], body)
            ctx = text[max(body, pos - 120):pos + len(gq[j]["text"]) + 80].replace("\n", " ¶ ") if pos >= 0 else ""
            cases[k].append(f"{aid}: {gq[j]['text'][:70]!r} ({gq[j]['speaker']})\n      {ctx}")
        order = sorted((locate(text, x["text"], body), x["speaker"]) for x in gq)
        for i, j in pairs:
            if gq[j].get("optional") or names.same(pq[i]["speaker"], gq[j]["speaker"]):
                continue
            ps, gs = pq[i]["speaker"], gq[j]["speaker"]
            pk = pkind.get(norm(ps), "?")
            gk = gkind.get(norm(gs), galias.get(norm(gs), {}).get("kind", "?"))
            pos = locate(text, gq[j]["text"], body)
            end = pos + len(gq[j]["text"])
            earlier = [s for o, s in order if 0 <= o < pos]
            after = text[end:end + 200]
            pw, gw = content(ps), content(gs)
            gnames = set()
            if norm(gs) in galias:
                x = galias[norm(gs)]
                for n in [x["name"], *x.get("aliases", [])]:
                    gnames |= content(n)
            if pk in ("outlet", "source", "media") or ps in ("TASS", "Interfax", "RIA Novosti", "Reuters"):
                k = "WRONG outlet that reports it"
            elif (pw & gw or pw & gnames) and pk == gk:
                k = "WRONG name variant of the same actor (scorer)"
            elif pk in ("state", "country") and gk == "person":
                k = "WRONG state instead of the person"
            elif pk == "person" and gk not in ("person", "?"):
                k = f"WRONG person instead of the {gk}"
            elif pk not in ("person", "?") and gk == "person":
                k = f"WRONG {pk} instead of the person"
            elif earlier and ps in earlier and norm(earlier[-1]) == norm(ps):
                k = "WRONG speaker of the quote before"
            elif any(w.lower() in after.lower() for w in pw) and pw:
                k = "WRONG speaker named right after"
            elif earlier and ps in earlier:
                k = "WRONG an earlier speaker"
            else:
                k = "WRONG other"
            kinds[k] += 1
            ctx = text[max(body, pos - 160):end + 120].replace("\n", " ¶ ")
            cases[k].append(f"{aid}: {gq[j]['text'][:60]!r} gold {gs} [{gk}], predicted {ps} [{pk}]\n      {ctx}")
    print_kinds(kinds, cases, {"missed": "MISSED", "wrong speaker": "WRONG"}, a.show, a.limit, width=62)
    return 0


def print_kinds(kinds: Counter, cases: dict, totals: dict[str, str], show: str | None, limit: int,
                width: int) -> None:
    """The table of counts per kind (grouped by their first word, largest first), a total per
    ``label: first word`` of ``totals``, and with ``show`` the cases of the kinds containing it."""
    print(f"{'kind':{width}} count")
    for k, n in sorted(kinds.items(), key=lambda kv: (kv[0].split()[0], -kv[1])):
        print(f"{k:{width}} {n}")
    for label, first in totals.items():
        print(f"{label + ', total':{width}} {sum(n for k, n in kinds.items() if k.startswith(first))}")
    if show:
        for k, lst in cases.items():
            if show.lower() in k.lower():
                print(f"\n== {k} ({len(lst)})")
                for c in lst[:limit]:
                    print("  " + c)


if __name__ == "__main__":
    sys.exit(main())
