"""`stancegraph report`: the page, rendered in a real browser (headless Chromium), offline."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from consumers import Page, png_pixels
from stancegraph.report import MAX_DRAWN, report_data, report_html

EXE = str(Path(sys.executable).parent / "stancegraph")


@pytest.fixture(scope="module")
def page(built, tmp_path_factory):
    _, graph = built
    out = tmp_path_factory.mktemp("report") / "report.html"
    r = subprocess.run([EXE, "report", str(graph), "-o", str(out)], capture_output=True, text=True,
                       env={**os.environ})
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == f"wrote {out}"
    return out


def embedded(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', html, re.S)
    return json.loads(m.group(1))


def test_page_is_one_self_contained_file(page, built):
    result, _ = built
    html = page.read_text(encoding="utf-8")
    # nothing loaded from anywhere: no src= / stylesheet links at all, a CSP that forbids fetching
    assert not re.search(r"<(script|img|iframe|link|audio|video|source)\b[^>]*\b(src|href)=", html)
    assert "default-src 'none'" in html and "connect-src 'none'" in html
    data = embedded(html)
    assert data["drawn"] and len(data["actors"]) > 10
    labels = {a["label"] for a in data["actors"]}
    assert {"Dmitry Peskov", "John Kirby", "Antony Blinken"} <= labels
    # every actor has a layout position computed in Python, inside the unit square
    assert all(0 <= a["x"] <= 1 and 0 <= a["y"] <= 1 for a in data["actors"])
    # evidence sentences with their articles
    ev = [p for p in data["positions"] if p["evidence"]]
    assert ev and all(p["article"] for p in ev)
    assert data["contested"] and data["timeline"] and data["provenance"]["runs"]
    assert data["provenance"]["created"] and data["provenance"]["description_file"] == "graph.void.ttl"


@pytest.fixture(scope="module")
def browser(page, tmp_path_factory):
    """The report opened in headless Chromium (DevTools protocol), scripts run."""
    p = Page(page.as_uri(), tmp_path_factory.mktemp("chromium"), width=1200, height=900)
    yield p
    p.close()


def test_report_draws_in_headless_chromium_without_network(page, browser):
    data = embedded(page.read_text(encoding="utf-8"))
    assert browser.requests == [], f"the page made network requests: {browser.requests}"
    assert browser.evaluate("document.body.dataset.ready") == "true", "the page's script did not finish"
    drawn = browser.evaluate("""JSON.stringify({
        nodes: document.querySelectorAll('#network svg circle.node').length,
        agree: document.querySelectorAll('#network svg line.edge.agree').length,
        disagree: document.querySelectorAll('#network svg line.edge.disagree').length,
        charts: document.querySelectorAll('#timeline .chart svg rect').length,
        cards: document.querySelectorAll('#timeline .chart').length,
        actorsRows: document.querySelectorAll('#actors tbody tr').length,
        contestedRows: document.querySelectorAll('#contested tbody tr').length,
        width: document.querySelector('#network svg').getBoundingClientRect().width})""")
    drawn = json.loads(drawn)
    assert drawn["nodes"] == len(data["actors"]) > 10
    assert drawn["agree"] + drawn["disagree"] == len(data["ties"]) and drawn["agree"] and drawn["disagree"]
    assert drawn["cards"] == len(data["timeline"]) and drawn["charts"] > 0
    assert drawn["actorsRows"] == len(data["actors"]) and drawn["contestedRows"] == len(data["contested"])
    assert drawn["width"] > 400


def test_clicking_an_actor_shows_its_evidence_with_article_links(page, browser):
    data = embedded(page.read_text(encoding="utf-8"))
    peskov = next(a for a in data["actors"] if a["label"] == "Dmitry Peskov")
    shown = browser.evaluate(f"""(function () {{
        var c = document.querySelector('circle.node[data-id="{peskov["id"]}"]');
        c.dispatchEvent(new MouseEvent('click', {{bubbles: true}}));
        var d = document.getElementById('details');
        return JSON.stringify({{title: d.querySelector('h3').textContent,
                               quotes: d.querySelectorAll('blockquote').length,
                               text: d.textContent}});
    }})()""")
    shown = json.loads(shown)
    mine = [p for p in data["positions"] if p["holder"] == peskov["id"]]
    assert shown["title"] == "Dmitry Peskov"
    assert shown["quotes"] == sum(1 for p in mine if p["evidence"]) > 0
    assert all(p["evidence"] in shown["text"] for p in mine if p["evidence"])
    # a tie: both sides' evidence on the issues they share
    tie = browser.evaluate("""(function () {
        document.querySelector('line.edge.disagree').dispatchEvent(new MouseEvent('click', {bubbles: true}));
        var d = document.getElementById('details');
        return d.querySelector('h3').textContent + ' | ' + d.querySelectorAll('h4').length;
    })()""")
    assert " — " in tie and int(tie.rsplit("| ", 1)[1]) >= 1
    assert browser.requests == []


def test_screenshot_is_not_blank(browser, tmp_path):
    png = browser.screenshot()
    (tmp_path / "shot.png").write_bytes(png)
    width, height, pixels = png_pixels(png)
    assert (width, height) == (1200, 900)
    colours = set(pixels)
    not_white = sum(1 for p in pixels if sum(p) < 720)
    assert len(colours) > 50 and not_white > 0.03 * len(pixels)
    # the first coalition's colour (nodes) and the agreement ties' green are on screen
    near = lambda c, ref: all(abs(a - b) <= 12 for a, b in zip(c, ref))  # noqa: E731
    assert sum(1 for p in pixels if near(p, (0x1f, 0x77, 0xb4))) > 200
    assert sum(1 for p in pixels if near(p, (0x2e, 0x8b, 0x57))) > 50


def test_above_the_limit_the_page_says_to_use_gephi():
    from stancegraph.networks import example_store

    data = report_data(example_store())
    data["drawn"] = False            # what report_data sets beyond MAX_DRAWN actors
    assert MAX_DRAWN >= 2000
    html = report_html(data)
    assert "Gephi" in (Path(__file__).parents[1] / "src/stancegraph/report/assets/report.js").read_text()
    assert '"drawn":false' in html


def test_the_browser_check_sees_a_page_that_fetches(tmp_path):
    # the check above can fail: a page that loads an image from the web is caught (request refused)
    html = tmp_path / "fetching.html"
    html.write_text('<!DOCTYPE html><html><body><img src="http://stancegraph.invalid/x.png"></body></html>')
    p = Page(html.as_uri(), tmp_path)
    try:
        assert p.requests == ["http://stancegraph.invalid/x.png"]
        assert any("stancegraph.invalid" in r for r in p.trap.requests)   # and it went nowhere but the trap
    finally:
        p.close()
