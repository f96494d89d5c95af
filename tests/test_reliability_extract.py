"""Issue 10, item 8: extraction in time linear in the article's length, and articles longer than
the parser's limit processed in chunks (the timings are in benchmarks/bench_long_articles.py)."""

from __future__ import annotations

import pytest

from stancegraph.ingest import parse_text

PARAGRAPHS = [
    'Councillor Mara Quill said on Tuesday: "We reject the harbour plan."',
    "The committee met in the old library, where residents asked about the budget.",
    'Later, Tomas Verhoek told reporters that the vote "must wait until spring".',
    "Rain fell over the valley for most of the afternoon.",
]


def _long_text(chars: int) -> str:
    out, n = [], 0
    while sum(len(p) + 2 for p in out) < chars:
        out.append(PARAGRAPHS[n % len(PARAGRAPHS)])
        n += 1
    return "\n\n".join(out)


def test_sentence_entity_index_matches_spacy(extractor):
    from stancegraph.extract.document import sentence_entities

    doc = extractor.nlp(_long_text(3000))
    sents = list(doc.sents)
    per_sent, at = sentence_entities(doc, sents)
    assert len(per_sent) == len(sents)
    for n, s in enumerate(sents):
        assert [(e.start, e.end, e.label_) for e in per_sent[n]] == [(e.start, e.end, e.label_) for e in s.ents]
    for tok in doc:
        want = next(((e.start, e.end) for e in doc.ents if e.start <= tok.i < e.end), None)
        got = at.get(tok.i)
        assert ((got.start, got.end) if got is not None else None) == want


def test_chunked_parse_keeps_text_offsets_and_sentences(extractor):
    from stancegraph.extract.nlp import parse

    text = _long_text(6000)
    whole = extractor.nlp(text)
    doc = parse(extractor.nlp, text, chunk_chars=1000)
    assert doc.text == text
    assert [t.idx for t in doc] == [t.idx for t in whole]
    assert [s.start_char for s in doc.sents] == [s.start_char for s in whole.sents]


def test_article_over_the_parser_limit_is_processed_in_chunks(extractor):
    text = _long_text(12000)
    art = parse_text("long", "published: 2024-03-05\n---\n" + text)
    old = extractor.nlp.max_length
    extractor.nlp.max_length = 4000  # stands for spaCy's 1,000,000 characters
    try:
        result = extractor.extract(art)
    finally:
        extractor.nlp.max_length = old
    quotes = [st for st in result.statements if st.quoted_text]
    assert quotes and max(st.span.begin for st in quotes) > 9000  # the last chunk was read too
    for st in quotes:
        assert art.text[st.span.begin:st.span.end] == st.span.text


def _naive_candidates(pd, index, log, tok_i, role):
    """The look-up as it was: every mention and speaker of the article listed for each token."""
    doc = pd.doc
    sent = pd.sent_of[tok_i]
    sstart = pd.sents[sent].start
    prominent = sorted((i, a) for i, a in pd.tok_actor.items() if sstart <= i < tok_i
                       and doc[i].dep_ in ("nsubj", "nsubjpass", "poss"))
    speakers = sorted(((i, a) for i, a in log if i < tok_i), key=lambda x: x[0], reverse=True)
    others = sorted(((i, a) for i, a in pd.tok_actor.items() if i < tok_i
                     and doc[i].dep_ not in ("pobj", "dobj", "conj")), key=lambda x: x[0], reverse=True)
    rest = sorted(((i, a) for i, a in pd.tok_actor.items() if i < tok_i), key=lambda x: x[0], reverse=True)
    cands = prominent + speakers + others + rest
    if role:
        cands = [(i, a) for i, a in cands if index.get(a) is not None and role in index.get(a).name.lower()] + cands
    out = []
    for i, a in cands:
        if sent - pd.sent_of[i] > 4:
            out.append(None)
            break
        out.append((i, a))
    return out


def test_windowed_antecedent_candidates_equal_the_full_walk(extractor, resources):
    from stancegraph.extract.window import MentionWindow

    text = _long_text(4000).replace("The committee", "The Harbour Committee said the committee")
    art = parse_text("w", "published: 2024-03-05\n---\n" + text)
    pd, index = extractor.parse(art)
    assert len(pd.tok_actor) > 10
    window = MentionWindow(pd, index)
    log = ()
    for tok in pd.doc:
        if tok.i % 7 == 0 and pd.tok_actor.get(tok.i):  # speakers arrive as the text is read
            log += ((tok.i, pd.tok_actor[tok.i]),)
        # now and then a log that does not extend the last one (another pattern's reading)
        other = log[1::2] if tok.i % 11 == 0 else log
        for role in (None, "committee", "councillor"):
            got = list(window.candidates(tok.i, other, role))
            want = _naive_candidates(pd, index, other, tok.i, role)
            assert got == want, (tok.i, role)


def test_a_batch_with_an_article_over_the_limit_parses_every_article(extractor):
    from stancegraph.extract.nlp import parse_many

    short, long = PARAGRAPHS[0], _long_text(9000)
    old = extractor.nlp.max_length
    extractor.nlp.max_length = 4000
    try:
        docs = parse_many(extractor.nlp, [short, long, short])
    finally:
        extractor.nlp.max_length = old
    assert [d.text for d in docs] == [short, long, short]
