"""A worker keeps the words its first batches add to spaCy's vocabulary (the tokenizer caches them)
up to a bound, then parses every batch in a memory zone that frees them; the graph is the same."""

from stancegraph import worker
from stancegraph.ingest import parse_text
from stancegraph.knowledge import load_resources
from stancegraph.worker import BuildConfig, worker_for

# invented words, in no vocabulary before this test
TEXT = "Ann Example of Westland said the Zorblatian quindex talks with Ruritania had failed in Mervishford."


def test_words_are_kept_below_the_bound_and_freed_past_it_with_the_same_graph(monkeypatch):
    w = worker_for(BuildConfig.from_resources(load_resources()))
    nlp = w.extractor.nlp
    monkeypatch.setattr(worker, "VOCABULARY_KEPT", 0)  # past the bound: the batch runs in a zone
    [zoned] = w.process([parse_text("v1", TEXT)], ["h"])
    assert "Mervishford" not in nlp.vocab.strings and "quindex" not in nlp.vocab.strings  # freed
    monkeypatch.undo()
    assert worker.keeps_vocabulary(nlp)
    [kept] = w.process([parse_text("v1", TEXT)], ["h"])
    assert "Mervishford" in nlp.vocab.strings and "quindex" in nlp.vocab.strings  # kept, for the tokenizer's cache
    assert zoned.skipped is None and zoned.statements >= 1
    assert kept.ntriples == zoned.ntriples and kept.warnings == zoned.warnings
