"""Synthetic corpora and stores for the benchmarks (not a benchmark itself).

* :func:`varied_articles` -- article texts for build benchmarks: real texts
  (``../shared/train/corpus.jsonl`` when present, else the bundled seeds)
  recombined so that no two generated articles are the same text (paragraphs
  drawn from two base articles, numbers and dates changed), so nothing can be
  cached between articles.
* :func:`synthetic_nquads` -- an N-Quads dataset of about ``triples`` triples
  made of real article graphs (built once from the bundled seeds) copied with
  new article ids, dates, issues, stances and actors drawn from a pool of
  ``actors`` (a Zipf-like law: a few actors speak often), plus the static graphs.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
WORK = Path("/tmp") / "stancegraph-bench"


def base_texts() -> list[dict]:
    corpus = SHARED / "train" / "corpus.jsonl"
    if corpus.is_file():
        return [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    out = []
    for p in sorted((ROOT / "data" / "articles").glob("*.txt")):
        out.append({"id": p.stem, "text": p.read_text(encoding="utf-8")})
    return out


_NUM = re.compile(r"\b\d{1,3}\b")


def varied_articles(n: int, seed: int = 7) -> list[dict]:
    """``n`` distinct article records (``id``, ``text``, ``published``)."""
    rng = random.Random(seed)
    bases = base_texts()
    out = []
    for i in range(n):
        a, b = rng.sample(bases, 2)
        pa = [p for p in a["text"].split("\n\n") if p.strip()]
        pb = [p for p in b["text"].split("\n\n") if p.strip()]
        body = pa[: max(1, len(pa) - 1)] + pb[1: 1 + max(1, len(pb) // 3)]
        text = "\n\n".join(body)
        text = _NUM.sub(lambda m: str((int(m.group()) * 7 + i) % 97 + 2), text)
        day = f"20{20 + i % 5}-{1 + i % 12:02d}-{1 + (i * 7) % 28:02d}"
        out.append({"id": f"g{i:06d}", "text": text + f"\n\n(Item {i}.)", "published": day})
    return out


def write_jsonl(records: list[dict], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path


def word_count(records: list[dict]) -> int:
    return sum(len(r["text"].split()) for r in records)


# ----------------------------------------------------------------- stores ---

def template_graphs() -> tuple[dict[str, list[str]], list[str]]:
    """(article graph IRI -> its N-Triples lines, static N-Quads lines) of the bundled seeds, built once."""
    import pyoxigraph as ox

    nq = WORK / "seeds.nq"
    if not nq.is_file():
        from stancegraph.pipeline import build

        WORK.mkdir(parents=True, exist_ok=True)
        build([ROOT / "data" / "articles"], nq, jobs=1)
    articles: dict[str, list[str]] = {}
    static: list[str] = []
    for q in ox.parse(path=str(nq), format=ox.RdfFormat.N_QUADS):
        g = q.graph_name.value
        if "/graph/article/" in g:
            articles.setdefault(g, []).append(f"{q.subject} {q.predicate} {q.object} .")
        else:
            static.append(f"{q} .")
    return articles, static


_ART = re.compile(r"/id/article/([A-Za-z0-9._~-]+)")
_ACTOR = re.compile(r"/id/actor/([^>/]+)>")
_ISSUE = re.compile(r"/codebook/([^>/]+)>")
_DATE = re.compile(r'"(\d{4})-(\d{2})-(\d{2})"\^\^<http://www.w3.org/2001/XMLSchema#date>')
_STANCE = re.compile(r"<https://w3id.org/stancegraph/ontology#(Support|Oppose)>")
_ID_LIT = re.compile(r'(#articleId> )"[^"]*"')


def synthetic_nquads(triples: int, actors: int = 5000, seed: int = 3, path: Path | None = None) -> Path:
    """Write (once, cached by size) an N-Quads file of about ``triples`` triples; return its path."""
    path = path or WORK / f"synthetic-{triples}-{actors}.nq"
    if path.is_file():
        return path
    from datetime import date, timedelta

    rng = random.Random(seed)
    templates, static = template_graphs()
    issue_keys = sorted({m for lines in templates.values() for line in lines if "#issue>" in line
                         for m in _ISSUE.findall(line)})
    from stancegraph.knowledge import load_resources

    issues = sorted(load_resources().codebook.issues)
    weights = [1.0 / (k + 1) ** 0.8 for k in range(actors)]
    keys = list(templates)
    path.parent.mkdir(parents=True, exist_ok=True)
    total = len(static)
    with path.open("w", encoding="utf-8") as fh:
        fh.write("\n".join(static) + "\n")
        for a in range(actors):
            s = f"<https://w3id.org/stancegraph/id/actor/a{a}>"
            fh.write(f'{s} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/stancegraph/ontology#Person> <https://w3id.org/stancegraph/id/graph/gazetteer> .\n'
                     f'{s} <http://www.w3.org/2004/02/skos/core#prefLabel> "Actor {a}"@en <https://w3id.org/stancegraph/id/graph/gazetteer> .\n'
                     f'{s} <https://w3id.org/stancegraph/ontology#actorKind> "person" <https://w3id.org/stancegraph/id/graph/gazetteer> .\n')
            total += 3
        i = 0
        while total < triples:
            lines = templates[keys[i % len(keys)]]
            new_id = f"syn{i:07d}"
            amap: dict[str, str] = {}
            imap = {k: rng.choice(issues) for k in issue_keys}
            shift = rng.randrange(0, 5 * 365)
            flip = rng.random() < 0.5
            graph = f"<https://w3id.org/stancegraph/id/graph/article/{new_id}>"

            def actor(m):
                slug = m.group(1)
                if slug not in amap:
                    amap[slug] = f"a{rng.choices(range(actors), weights)[0]}"
                return f"/id/actor/{amap[slug]}>"

            def day(m):
                d = date(2020, 1, 1) + timedelta(days=shift + (int(m.group(3)) % 7))
                return f'"{d.isoformat()}"^^<http://www.w3.org/2001/XMLSchema#date>'

            out = []
            for line in lines:
                line = _ART.sub(f"/id/article/{new_id}", line)
                line = _ACTOR.sub(actor, line)
                line = _ISSUE.sub(lambda m: f"/codebook/{imap.get(m.group(1), m.group(1))}>", line)
                line = _DATE.sub(day, line)
                line = _ID_LIT.sub(lambda m: f'{m.group(1)}"{new_id}"', line)
                if flip and rng.random() < 0.4:
                    line = _STANCE.sub(lambda m: "<https://w3id.org/stancegraph/ontology#"
                                       + ("Oppose" if m.group(1) == "Support" else "Support") + ">", line)
                out.append(line[:-1] + graph + " .")
            fh.write("\n".join(out) + "\n")
            total += len(out)
            i += 1
    return path


def load_store(nq: Path, directory: Path | None = None):
    """An Oxigraph store (in memory, or on disk in ``directory``) bulk-loaded from ``nq``."""
    import pyoxigraph as ox

    st = ox.Store(str(directory)) if directory else ox.Store()
    st.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
    return st
