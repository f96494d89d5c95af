from __future__ import annotations

from datetime import date

import pytest

from stancegraph.errors import StanceGraphError
from stancegraph.knowledge import load_codebook, load_resources


def test_default_codebook_has_the_spec_issues(resources):
    assert set(resources.codebook.issues) == {
        "ukraine-nato-membership", "ukraine-neutrality", "security-guarantees", "territorial-concessions",
        "kyiv-pullback-genuine", "talks-progress", "russia-trustworthy", "us-peace-plan", "sanctions-on-russia"}
    assert set(resources.codebook.sovereigns) == {"russia", "ukraine", "independent"}


def test_gazetteer_is_large_and_resolves_posts_by_date(resources):
    gaz = resources.gazetteer
    assert len(gaz.actors) >= 100
    assert sum(len(a.aliases) for a in gaz.actors.values()) >= 200
    post = next(p for p in gaz.posts.values() if "us secretary of state" in [t.lower() for t in p.titles])
    holder_2022 = gaz.actors[gaz.holder(post.iri, date(2022, 3, 29))].name
    holder_2025 = gaz.actors[gaz.holder(post.iri, date(2025, 12, 1))].name
    assert (holder_2022, holder_2025) == ("Antony Blinken", "Marco Rubio")


def test_codebook_without_notation_is_rejected_with_file(tmp_path):
    p = tmp_path / "cb.ttl"
    p.write_text("""@prefix sg: <https://w3id.org/stancegraph/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<urn:s> a sg:Codebook . <urn:c> a skos:Concept ; skos:inScheme <urn:s> .""", encoding="utf-8")
    with pytest.raises(StanceGraphError, match="no skos:notation") as exc:
        load_codebook(p)
    assert str(p) in exc.value.oneline()


def test_turtle_syntax_error_names_line(tmp_path):
    p = tmp_path / "cb.ttl"
    p.write_text("@prefix sg: <https://w3id.org/stancegraph/ontology#> .\n\nsg:a sg:b .\nsg:c sg:d \n", encoding="utf-8")
    with pytest.raises(StanceGraphError, match="not valid Turtle") as exc:
        load_resources(codebook=p)
    assert exc.value.path == str(p)
