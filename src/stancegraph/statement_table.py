"""The statement table: one CSV row per position-bearing statement, with DNA/rDNA column names.

Columns: ``id, date, document, title, start, stop, text, person,
organization, concept, agreement, mode, confidence, coder, status,
statement, position``. Where DNA has a column of that meaning the name is
DNA's (``dna_getAttributes``/statement exports in rDNA use ``id``, ``date``,
``start``, ``stop``, ``text``, ``coder``, ``person``, ``organization``,
``concept``, ``agreement``), so rDNA users load it as they load a DNA export:
``agreement`` is 1 (support) or 0 (oppose), ``date`` the article's publication
date, ``start``/``stop`` character offsets into the article text. The rest are
stancegraph's: ``document`` (article id), ``title``, ``mode`` (direct,
reported, mixed), ``confidence``, ``status`` (``machine``, ``accepted``,
``edited``, ``added``) and the IRIs of the statement and the position.

By default the rows are the reviewed view (:mod:`stancegraph.review`);
``machine_only`` gives the machine's coding.

>>> from stancegraph.store import load_text
>>> from stancegraph.review import EXAMPLE_TTL, EXAMPLE_REVIEW_TTL
>>> rows = statement_rows(load_text(EXAMPLE_TTL + EXAMPLE_REVIEW_TTL))
>>> [(r["person"], r["concept"], r["agreement"], r["status"], r["coder"], r["text"]) for r in rows]
[('Anna', 'harbour-fees', 0, 'edited', 'Rita', 'welcomed')]
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pyoxigraph as ox

from .dna import Q_DOCS, TOOL_CODER, dna_values
from .fileio import write_text_atomic
from .review import ActorResolver, _select, reviewed_rows

COLUMNS = ("id", "date", "document", "title", "start", "stop", "text", "person", "organization", "concept",
           "agreement", "mode", "confidence", "coder", "status", "statement", "position")
_MODES = {"DirectQuote": "direct", "ReportedSpeech": "reported", "MixedSpeech": "mixed"}


def statement_rows(store: ox.Store, machine_only: bool = False, problems: list[str] | None = None) -> list[dict]:
    """The table's rows as dicts (column -> value), in article and span order."""
    rr = reviewed_rows(store, machine_only=machine_only)
    if problems is not None:
        problems.extend(rr.problems)
    actors = ActorResolver(store)
    docs = {d["aid"]: d for d in _select(store, Q_DOCS)}
    out = []
    for i, r in enumerate(rr.rows, start=1):
        d = docs.get(r.article, {})
        person, org = dna_values(r, actors)
        st, pos = r.iris()
        conf = r.confidence
        out.append({
            "id": i, "date": d.get("date", ""), "document": r.article, "title": d.get("title", ""),
            "start": r.begin, "stop": r.end, "text": d.get("text", "")[r.begin:r.end],
            "person": person, "organization": org, "concept": r.issue,
            "agreement": 1 if r.stance == "support" else 0, "mode": _MODES.get(r.mode or "", ""),
            "confidence": "" if conf is None else round(float(conf), 3),
            "coder": TOOL_CODER if r.status == "machine" else (r.coder or ""), "status": r.status,
            "statement": st, "position": pos})
    return out


def statements_csv(rows: list[dict]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue()


def export_statements(store: ox.Store, out: str | Path, machine_only: bool = False,
                      problems: list[str] | None = None) -> int:
    """Write the statement table to ``out`` (atomic); returns the number of rows."""
    rows = statement_rows(store, machine_only, problems)
    write_text_atomic(out, statements_csv(rows))
    return len(rows)
