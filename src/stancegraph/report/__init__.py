"""``stancegraph report``: one self-contained HTML page to look at a graph in any browser, offline.

The page shows

* the agreement/disagreement network of the actors (the signed network of
  :mod:`stancegraph.networks`): nodes coloured by coalition (the Louvain
  communities of the agreement network), sized by statements; green ties for
  agreement, red for disagreement. Hover an actor or a tie for a summary,
  click it for the evidence: each position's sentence, with a link to its
  article;
* positions over time, one small chart per issue (support above the axis,
  opposition below, per month or per day);
* the most contested issues, the actors' table (sortable), and the build's
  provenance (run, software and model versions, counts, build description).

Everything is in the one file: the data as JSON, the project's own stylesheet
and script (``assets/report.css``, ``assets/report.js``: SVG drawn by a few
hundred lines of plain JavaScript, no library, no CDN). The page makes no
network request (its Content-Security-Policy forbids any); links to articles
are ordinary links. The layout is computed here, in Python (networkx's
spring layout, fixed seed), so the same graph gives the same page.

Up to a few thousand actors the page stays responsive; beyond
:data:`MAX_DRAWN` actors it does not draw the network and says to open the
GEXF export in Gephi instead (the tables and charts are still there).

>>> from stancegraph.networks import example_store
>>> data = report_data(example_store())
>>> sorted(a["label"] for a in data["actors"])
['Anna', 'Boris', 'Chen']
>>> html = report_html(data)
>>> html.startswith("<!DOCTYPE html>") and "http-equiv=\\"Content-Security-Policy\\"" in html
True
"""

from __future__ import annotations

import html as _html
import json
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph as ox

from .. import __version__
from ..fileio import write_text_atomic

MAX_DRAWN = 3000
"""Above this many actors the page does not draw the network (use Gephi)."""

ASSETS = Path(__file__).resolve().parent / "assets"
PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22",
           "#d62728", "#7f7f7f", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173")
LONE = "#b0b0b0"

def _select(store: ox.Store, name: str) -> list[dict[str, str]]:
    """The rows of package query ``report-NAME`` (``src/stancegraph/queries``), values as text."""
    from ..store.library import package_query

    res = store.query(package_query(f"report-{name}").text)
    names = [v.value for v in res.variables]
    return [{n: sol[n].value for n in names if sol[n] is not None} for sol in res]


def _layout(G: nx.Graph) -> dict[str, tuple[float, float]]:
    """Positions in [0, 1]² from a spring layout of the agreement ties (fixed seed)."""
    if G.number_of_nodes() == 0:
        return {}
    H = nx.Graph()
    H.add_nodes_from(sorted(G.nodes))
    for u, v, d in sorted(G.edges(data=True), key=lambda e: (e[0], e[1])):
        # agreement pulls together; disagreement alone still keeps a weak spring
        H.add_edge(u, v, weight=1.0 + 2.0 * float(d.get("agreement", 0) or 0))
    n = H.number_of_nodes()
    pos = nx.spring_layout(H, seed=7, weight="weight", iterations=100 if n <= 1000 else 40,
                           k=1.6 / max(1.0, n ** 0.5))
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    sx, sy = (x1 - x0) or 1.0, (y1 - y0) or 1.0
    # room on the right for the labels
    return {k: (round(0.03 + 0.82 * (p[0] - x0) / sx, 4), round(0.04 + 0.92 * (p[1] - y0) / sy, 4))
            for k, p in pos.items()}


def _period(day: date, monthly: bool) -> str:
    return day.replace(day=1).isoformat()[:7] if monthly else day.isoformat()


def report_data(source: Any, description: str | Path | None = None) -> dict[str, Any]:
    """Everything the page shows, as plain JSON-ready data.

    ``source``: a pyoxigraph Store (or anything :func:`stancegraph.networks.load_positions`
    takes); ``description``: the build's VoID file (``graph.void.ttl``), when there is one.
    """
    from ..networks import load_positions, network, summarize

    table = load_positions(source)
    store = source if isinstance(source, ox.Store) else None
    G = network(table, "signed")
    labels: dict[str, str] = {}
    evidence: dict[str, dict[str, str]] = {}
    runs: list[dict[str, str]] = []
    counts: dict[str, str] = {}
    if store is not None:
        labels = {r["key"]: r["label"] for r in _select(store, "labels") if "label" in r}
        evidence = {r["p"]: r for r in _select(store, "evidence")}
        runs = _select(store, "runs")
        counts = (_select(store, "articles") or [{}])[0]
        counts["triples"] = str(len(store))
    communities: dict[int, int] = defaultdict(int)
    for _, d in G.nodes(data=True):
        communities[d.get("community", -1)] += 1
    colour = {}
    for i, (c, _) in enumerate(sorted(((c, n) for c, n in communities.items() if n > 1),
                                      key=lambda x: (-x[1], x[0]))):
        colour[c] = PALETTE[i % len(PALETTE)]
    drawn = G.number_of_nodes() <= MAX_DRAWN
    pos = _layout(G) if drawn else {}
    actors = []
    for n, d in sorted(G.nodes(data=True), key=lambda x: str(x[1].get("label", x[0]))):
        x, y = pos.get(n, (None, None))
        actors.append({"id": n, "label": d.get("label", n), "kind": d.get("kind", ""),
                       "affiliation": d.get("affiliation", ""), "statements": int(d.get("statements", 0) or 0),
                       "positions": int(d.get("positions", 0) or 0), "community": d.get("community", -1),
                       "colour": colour.get(d.get("community", -1), LONE), "x": x, "y": y})
    ties = [{"source": u, "target": v, "sign": int(d.get("sign", 0) or 0),
             "agreement": int(d.get("agreement", 0) or 0), "disagreement": int(d.get("disagreement", 0) or 0),
             "issues": [i for i in str(d.get("issues", "")).split(";") if i]}
            for u, v, d in sorted(G.edges(data=True), key=lambda e: (e[0], e[1]))]
    positions = []
    for p in sorted(table.positions, key=lambda p: (p.holder, p.issue, p.date or date.min, p.iri)):
        ev = evidence.get(p.iri, {})
        positions.append({"holder": p.holder, "issue": p.issue, "stance": p.stance,
                          "date": p.date.isoformat() if p.date else None, "evidence": ev.get("ev", ""),
                          "article": ev.get("aid", ""), "url": ev.get("url", ""),
                          "headline": ev.get("headline", "")})
    dated = [p for p in table.positions if p.date]
    monthly = bool(dated) and (max(p.date for p in dated) - min(p.date for p in dated)).days > 62
    series: dict[str, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
    for p in dated:
        series[p.issue][_period(p.date, monthly)][p.stance] += 1
    timeline = [{"issue": k, "label": labels.get(k, k),
                 "periods": [{"period": t, **dict(sorted(v.items()))} for t, v in sorted(series[k].items())]}
                for k in sorted(series)]
    summary = summarize(table)
    contested = [{"issue": c.key, "label": labels.get(c.key, c.label or c.key), "holders": c.holders,
                  "score": c.score, "total": c.total} for c in summary.contested]
    provenance: dict[str, Any] = {"software": f"stancegraph {__version__}", "runs": runs,
                                  "articles": counts.get("n"), "first": counts.get("first"),
                                  "last": counts.get("last"), "triples": counts.get("triples"),
                                  "undated": sum(1 for p in table.positions if p.date is None)}
    if description is not None and Path(description).is_file():
        provenance.update(_describe(Path(description)))
    return {"title": "stancegraph report", "actors": actors, "ties": ties, "positions": positions,
            "labels": labels, "timeline": timeline, "timeline_unit": "month" if monthly else "day",
            "contested": contested, "coalitions": summary.coalitions, "provenance": provenance,
            "drawn": drawn, "max_drawn": MAX_DRAWN,
            "polarisation": summary.polarisation.value}


def _describe(path: Path) -> dict[str, Any]:
    """What the build description (VoID + DCAT) says: dataset, build time, licence, endpoint."""
    from rdflib import Graph
    from rdflib.namespace import DCTERMS, RDF

    from ..provenance import VOID

    g = Graph().parse(path, format="turtle")
    ds = next(iter(g.subjects(RDF.type, VOID.Dataset)), None)
    if ds is None:
        return {}
    get = lambda p: None if g.value(ds, p) is None else str(g.value(ds, p))  # noqa: E731
    return {"dataset": str(ds), "created": get(DCTERMS.created), "license": get(DCTERMS.license),
            "rights": get(DCTERMS.rights), "endpoint": get(VOID.sparqlEndpoint),
            "description_file": path.name}


def _json_for_script(data: Any) -> str:
    """JSON safe inside ``<script>``: no ``</`` and no ``<!--`` can end or confuse the element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


CSP = ("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; "
       "connect-src 'none'; font-src 'none'; frame-src 'none'; form-action 'none'; base-uri 'none'")


def report_html(data: dict[str, Any]) -> str:
    """The page: one HTML document with the data, stylesheet and script inline."""
    css = (ASSETS / "report.css").read_text(encoding="utf-8")
    js = (ASSETS / "report.js").read_text(encoding="utf-8")
    title = _html.escape(data.get("title", "stancegraph report"))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>{title}</title>
<style>
{css}
</style>
</head>
<body>
<header><h1>{title}</h1><p id="subtitle"></p></header>
<main>
<section id="network-section"><h2>Agreement and disagreement network</h2>
<p class="hint">Colour: coalition (Louvain communities of the agreement network); size: statements;
<span class="agree">green</span> ties: agreement, <span class="disagree">red</span> ties: disagreement.
Hover for a summary, click for the evidence; drag to pan, wheel to zoom.</p>
<div id="network-wrap"><div id="network"></div><aside id="details"><p class="hint">Click an actor or a tie.</p></aside></div>
<div id="tooltip" hidden></div>
</section>
<section id="timeline-section"><h2>Positions over time</h2>
<p class="hint">Positions per <span id="timeline-unit">period</span> and issue: <span class="agree">support</span>
above the axis, <span class="disagree">opposition</span> below; for a territorial claim, every sovereign option
asserted (grey, below). Hover a bar for its counts.</p><div id="timeline"></div></section>
<section id="contested-section"><h2>Most contested issues</h2><div id="contested"></div></section>
<section id="actors-section"><h2>Actors</h2><div id="actors"></div></section>
<section id="provenance-section"><h2>Provenance</h2><div id="provenance"></div></section>
</main>
<script type="application/json" id="report-data">{_json_for_script(data)}</script>
<script>
{js}
</script>
</body>
</html>
"""


def write_report(source: Any, out: str | Path, description: str | Path | None = None) -> Path:
    """Write the report page of ``source`` (a store or graph file) to ``out``; returns the path."""
    write_text_atomic(out, report_html(report_data(source, description)))
    return Path(out)


__all__ = ["MAX_DRAWN", "report_data", "report_html", "write_report"]
