"""Quote matching in the scorer (stancegraph eval)."""

from __future__ import annotations

from stancegraph.evaluate import evaluate


def test_a_predicted_quote_goes_to_the_required_copy_before_an_optional_one():
    # the headline's words repeated in the body: gold lists both, the body copy optional; the build
    # exports the words once (one quote per speaker and words)
    actors = [{"name": "Ann Example", "kind": "person"}]
    gold = {"a": {"article": "a", "actors": actors, "quotes": [
        {"speaker": "Ann Example", "text": "not serious"},
        {"speaker": "Ann Example", "text": "not serious", "optional": True}]}}
    pred = {"a": {"article": "a", "actors": actors, "quotes": [{"speaker": "Ann Example", "text": "not serious"}]}}
    s = evaluate(gold, pred)
    assert (s.quotes.tp, s.quotes.fp, s.quotes.fn) == (1, 0, 0)
    # and a better-matching optional item still takes the prediction first
    gold["a"]["quotes"] = [{"speaker": "Ann Example", "text": "not serious at all"},
                           {"speaker": "Ann Example", "text": "not serious", "optional": True}]
    s = evaluate(gold, pred)
    assert (s.quotes.tp, s.quotes.fp, s.quotes.fn) == (0, 0, 1)
