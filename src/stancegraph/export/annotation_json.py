"""The annotation export: one JSON document per article, read out of the graph with SPARQL.

The format is documented in ``docs/annotations.md``; it is read out of the
graph, so what is not in the graph is not in the export.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox

from ..errors import StanceGraphError
from ..fileio import safe_child, write_text_atomic
from ..store.library import package_query, run_named_query


def _rows(store: ox.Store, name: str, **params: str) -> list[dict]:
    """Rows of the package query ``export-{name}`` (``src/stancegraph/queries/``), parameters typed."""
    return run_named_query(store, package_query(f"export-{name}"), params)


def annotations(store: ox.Store) -> list[dict]:
    """One annotation document per article in the store."""
    out = []
    for row in _rows(store, "articles"):
        a = row["a"]
        actors = {}
        for r in _rows(store, "actors", a=a):
            actors.setdefault(r["actor"], {"name": r["name"], "kind": r.get("kind", "person"),
                                           "aliases": [], "affiliation": r.get("affname")})
        for r in _rows(store, "aliases", a=a):
            if r["actor"] in actors and r["alias"] != actors[r["actor"]]["name"]:
                aliases = actors[r["actor"]]["aliases"]
                if r["alias"] not in aliases:
                    aliases.append(r["alias"])
        for entry in actors.values():
            entry["aliases"].sort()
        # One name per actor: an actor minted from its name in several articles ("UK Government
        # spokesperson", "UK government spokesperson") has a label from each; the article's list
        # gives it the first, and its quotes, positions and claims use that name, once each.
        name_of = {iri: entry["name"] for iri, entry in actors.items()}
        quotes, seen = [], set()
        for r in _rows(store, "quotes", a=a):
            name = name_of.setdefault(r["sp"], r["name"])
            key = (name, " ".join(r["text"].split()))
            if key not in seen:  # the same words by the same speaker, repeated in the article, are one quote
                seen.add(key)
                quotes.append({"speaker": name, "text": r["text"]})
        statements = _once([{"speaker": name_of.setdefault(r["h"], r["name"]), "issue": r["key"],
                             "stance": r["stance"], "evidence": r.get("ev", ""), "confidence": r.get("conf")}
                            for r in _rows(store, "positions", a=a)], r_key=("speaker", "issue", "stance"))
        claims = _once([{"claimant": name_of.setdefault(r["h"], r["name"]), "territory": r["terr"],
                         "sovereign": r["sov"], "evidence": r.get("ev", ""), "confidence": r.get("conf")}
                        for r in _rows(store, "claims", a=a)], r_key=("claimant", "territory", "sovereign"))
        out.append({"article": row["id"], "published": row.get("date"),
                    "actors": sorted(actors.values(), key=lambda x: x["name"]),
                    "quotes": quotes, "statements": statements, "claims": claims})
    return out


def _once(items: list[dict], r_key: tuple[str, ...]) -> list[dict]:
    """The items in order, the first of each key (a position read once per label of its holder)."""
    seen, out = set(), []
    for it in items:
        k = tuple(it[x] for x in r_key)
        if k not in seen:
            seen.add(k)
            out.append(it)
    return out


def export_annotations(store: ox.Store, out_dir: str | Path) -> list[Path]:
    d = Path(out_dir)
    if d.exists() and not d.is_dir():
        raise StanceGraphError("annotations go to a directory, and this is a file", path=d)
    written = []
    for doc in annotations(store):
        path = safe_child(d, str(doc["article"]), ".json")
        write_text_atomic(path, json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        written.append(path)
    return written
