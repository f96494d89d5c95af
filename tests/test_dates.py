"""Dates inferred from an article's own text, and post titles resolved with them (written sentences)."""

from __future__ import annotations

from datetime import date

import pytest

from stancegraph.extract.dates import infer_date
from stancegraph.ingest import parse_text

TODAY = date(2026, 1, 1)


def article(body, url=None):
    head = f"url: {url}\n---\n" if url else "topic: x\nurl: none\n---\n"
    return parse_text("t", head + body)


@pytest.mark.parametrize("url,body,day,kind", [
    ("https://example.org/2022/03/16/talks-resume", "Talks resumed.", date(2022, 3, 16), "url"),
    ("https://example.org/news/2023-11-02-summit", "Talks resumed.", date(2023, 11, 2), "url"),
    ("https://example.org/2024/05/summit.html", "Talks resumed.", date(2024, 5, 15), "url"),
    (None, "LISBON, June 3 (Wire) - Talks resumed after the 2019 accord.", date(2019, 6, 3), "dateline"),
    (None, "PORTO, 4 July 2020 - Talks resumed.", date(2020, 7, 4), "dateline"),
    (None, "Officials met on 30-Mar-2021 and again later.", date(2021, 3, 30), "date"),
    (None, "The accord of May 2, 2018 was signed; talks resumed on October 9, 2019.", date(2019, 10, 9), "date"),
    (None, "Talks resumed, four years after the 2017 accord.", date(2017, 7, 1), "year"),
])
def test_date_evidence(url, body, day, kind):
    found = infer_date(article(body, url), today=TODAY)
    assert (found.day, found.kind) == (day, kind)
    assert found.evidence  # the text it was read from


def test_no_evidence_no_date():
    assert infer_date(article("Talks resumed on Monday."), today=TODAY) is None


def test_future_dates_are_not_evidence():
    assert infer_date(article("A summit is planned for March 3, 2031."), today=TODAY) is None


def _holder_of_title(extractor, text):
    r = extractor.extract(parse_text("t", text))
    return {r.actors[s.speaker].name for s in r.statements if s.quoted_text}


def test_an_undated_article_resolves_a_post_on_its_inferred_date(extractor, resources):
    # The gazetteer's US secretary of state changed in January 2025: an undated text from 2022 is Blinken's.
    text = ('topic: x\n---\nWASHINGTON, March 4, 2022 - "We stand with our partners," the US Secretary '
            'of State said.')
    assert _holder_of_title(extractor, text) == {"Antony Blinken"}
    ex = extractor.extract(parse_text("t", text))
    assert ex.inferred_date is not None and ex.inferred_date.kind == "dateline"


def test_an_undated_article_prefers_the_holder_it_names(extractor):
    text = ('topic: x\n---\nAntony Blinken flew to Brussels.\n'
            '"We stand with our partners," the US Secretary of State said.')
    assert _holder_of_title(extractor, text) == {"Antony Blinken"}


def test_inferred_date_is_marked_as_inferred_in_the_graph(extractor):
    from rdflib import Literal
    from rdflib.namespace import XSD

    from stancegraph.graph import article_graph
    from stancegraph.namespaces import SDO, SG

    ex = extractor.extract(parse_text("t", "url: https://example.org/2022/03/16/x\n---\nTalks resumed."))
    g = article_graph(ex, {}, {})
    assert Literal("2022-03-16", datatype=XSD.date) in set(g.objects(None, SG.inferredDate))
    assert not list(g.objects(None, SDO.datePublished))
    assert [str(o) for o in g.objects(None, SG.dateEvidence)] == ["url: 2022/03/16"]
