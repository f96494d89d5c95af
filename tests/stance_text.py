"""Test helper: the positions an extractor finds in a text, as (holder name, issue, stance) triples."""

from __future__ import annotations

from stancegraph.ingest import parse_text


def positions(ex, text):
    r = ex.extract(parse_text("t", text))
    return {(r.actors[p.holder].name, p.issue, int(p.stance)) for p in r.positions}
