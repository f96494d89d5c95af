"""The extractor's fast paths answer exactly what the plain ones answer (sentences written here).

Speed-ups of issue 9 (build throughput): the per-Doc token table, the cue lookups read
from it, the learned detector's vectorised feature rows and its one embedding call per
article. Each must give the same values as the Token-by-Token or one-at-a-time code.
"""

from __future__ import annotations

import numpy as np
import pytest

from stancegraph.extract import Extractor
from stancegraph.extract.matcher import forms, phrasal
from stancegraph.extract.stance import StanceQuery, positions_of
from stancegraph.extract.tokens import doc_ents, doc_text, token_table
from stancegraph.ingest import parse_text

TEXTS = [
    "The mayor ruled out a new toll on Friday, and the council called for a vote.",
    "Officials did not reject the offer, but they warned that talks would not resume soon.",
    "“We will never accept it,” Dana Okafor said. The union’s leader pointed out that the deal had failed.",
    "Ann Berg said the talks had made real progress. Bo Lund, a spokesman, said they went nowhere.\n\n"
    "The committee welcomed the plan, although two members opposed the withdrawal.",
]


@pytest.fixture(scope="module")
def learned(resources):
    return Extractor(resources, stances="learned")


@pytest.fixture(scope="module")
def docs(learned):
    return [learned.nlp(t) for t in TEXTS]


def test_the_token_table_answers_what_each_token_answers(docs):
    for doc in docs:
        table = token_table(doc)
        assert token_table(doc) is table  # built once per Doc
        assert table.sentences(doc) == [(s.start, s.end) for s in doc.sents]
        for tok in doc:
            i = tok.i
            assert table.forms[i] == forms(tok) and table.text[i] == tok.text
            assert (table.lower[i], table.lemma[i], table.pos[i], table.tag[i], table.dep[i], table.head[i],
                    table.alpha[i], table.punct[i], table.space_after[i]) == \
                (tok.lower_, tok.lemma_.lower(), tok.pos_, tok.tag_, tok.dep_, tok.head.i, tok.is_alpha,
                 tok.is_punct, bool(tok.whitespace_))
            assert table.children()[i] == [c.i for c in tok.children]
            # a phrasal verb needs the particle right after it: the table says where one can be
            if phrasal(tok) is not None:
                assert table.particle_after(i)


def test_the_docs_text_and_entities_are_spacys_made_once(docs):
    for doc in docs:
        assert doc_text(doc) == doc.text and doc_text(doc) is doc_text(doc)
        assert doc_ents(doc) == doc.ents and doc_ents(doc) is doc_ents(doc)
    assert any(doc.ents for doc in docs)  # the texts do name people and places


def test_cue_lookups_from_the_table_equal_those_from_tokens(learned, docs):
    cues = learned.cues
    seen = set()
    for doc in docs:
        table = token_table(doc)
        for tok in doc:
            assert cues.polarity_at(doc, table, tok.i) == cues.polarity_of(tok)
            assert cues.is_contrast_form(*table.forms[tok.i]) == cues.is_contrast(tok)
            seen.add(cues.polarity_of(tok))
    assert {1, -1} <= seen  # the sentences do have stance predicates of both signs ("call for", "rule out")


def _plain_similarities(f, e):
    rows = []
    sims_def = f.E_def @ e
    for k in range(len(f.issues)):
        ss, so = f.E_sup[k] @ e, f.E_opp[k] @ e
        rows.append((sims_def[k], ss.max(), so.max(), ss.mean() - so.mean()))
    return np.asarray(rows, dtype=np.float32)


def test_issue_similarities_are_bitwise_those_of_one_issue_at_a_time(learned):
    f = learned.stances.features
    texts = [t for text in TEXTS for t in text.split(". ")]
    for e in f.embedder.embed(texts):
        assert np.array_equal(f._similarities(e), _plain_similarities(f, e))


def test_the_speaker_prior_is_computed_once_per_speaker_and_never_shared(learned):
    prior = learned.stances.features.prior
    who = prior.speakers[0] if prior.speakers else "act:nobody"
    first = prior.columns(who)
    assert np.array_equal(first, prior._columns_of(who, None))
    first[:] = 99.0  # a caller writing into its columns does not change the next caller's
    assert np.array_equal(prior.columns(who), prior._columns_of(who, None))


def test_one_embedding_call_per_article_gives_the_positions_of_one_query_at_a_time(learned):
    det = learned.stances
    seen = 0
    for text in TEXTS:
        pd, index = learned.parse(parse_text("t", text))
        queries = [StanceQuery(pd, u) for u in learned.utterances(pd, index)[0]]
        seen += len(queries)
        assert positions_of(det, queries) == [det.positions(q) for q in queries]
        # the rows a batch embedding feeds are bitwise those of the query's own embedding
        for q in queries:
            if q.utterance.scope:
                hits = det.rules.positions(q)
                batch = det.features.embedder.embed([det.features.scope_text(x) for x in queries
                                                     if x.utterance.scope])
                own = det.features.embedder.embed([det.features.scope_text(q)])[0]
                k = [x for x in queries if x.utterance.scope].index(q)
                assert np.array_equal(det.features.rows(q, hits, batch[k]), det.features.rows(q, hits, own))
    assert seen >= 4  # the texts do have several utterances each


def test_the_cheap_reporting_test_never_drops_a_reporting_verb(learned, docs):
    cues = learned.cues
    reporting = 0
    for doc in docs:
        table = token_table(doc)
        for tok in doc:
            if cues.is_reporting(tok):
                reporting += 1
                assert cues.may_report(table, tok.i), tok.text
    assert reporting >= 5  # "said", "warned", "pointed out", ...


def test_a_misspelt_title_names_the_same_post_through_the_shared_title_table(resources):
    from stancegraph.extract.speakers import Titles, titles_of

    gaz = resources.gazetteer
    titles = titles_of(gaz)
    assert titles_of(gaz) is titles  # built once per gazetteer
    title, iri = next((t, i) for t, i in titles.titles.items()
                      if len(t) > 20 and len(t.split()) > 1 and len(t.split()[0]) > 5)
    misspelt = title[:3] + title[4] + title[3] + title[5:]  # two letters swapped, the head noun kept
    assert misspelt not in titles.titles
    assert titles.post(title) == iri
    assert titles.post(misspelt) == iri == titles.post(misspelt) == Titles(gaz).post(misspelt)
    assert titles.post("nobody of nothing at all") is None


def test_one_product_per_article_gives_the_probabilities_of_one_product_per_utterance(learned, monkeypatch):
    det = learned.stances
    # per-utterance decisions: a model with a statement stage decides an article's utterances
    # together, so only without it is one query at a time the same question as all at once
    monkeypatch.setattr(det, "by_statement", False)
    text = " ".join(TEXTS)
    pd, index = learned.parse(parse_text("t", text))
    queries = [StanceQuery(pd, u) for u in learned.utterances(pd, index)[0] if u.scope]
    assert len(queries) >= 4
    emb = det.features.embedder.embed([det.features.scope_text(q) for q in queries])
    rows = [det.features.rows(q, det.rules.positions(q), e) for q, e in zip(queries, emb)]
    stacked = det.model.proba(np.concatenate(rows))
    n = len(det.model.issues)
    for k, r in enumerate(rows):
        assert np.abs(stacked[k * n:(k + 1) * n] - det.model.proba(r)).max() < 1e-12
    assert det.positions_many(queries) == [det.positions(q) for q in queries]


def test_the_static_nodes_an_article_names_are_read_from_its_ntriples_text():
    import pyoxigraph as ox

    from stancegraph.worker import StaticContext

    a, b, c = (ox.NamedNode(f"http://example.org/{x}") for x in "abc")
    p, label = ox.NamedNode("http://example.org/p"), ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    static = [ox.Triple(a, label, ox.Literal("A")), ox.Triple(a, p, b), ox.Triple(b, label, ox.Literal("B")),
              ox.Triple(c, label, ox.Literal("C"))]
    ctx = StaticContext([], [static])
    art = ox.NamedNode("http://example.org/article")
    typed = ox.Literal("http://example.org/c", datatype=ox.NamedNode("http://example.org/c"))
    triples = [ox.Triple(art, p, a), ox.Triple(art, label, ox.Literal("names <http://example.org/c> .")),
               ox.Triple(art, p, typed), ox.Triple(art, p, ox.NamedNode("http://example.org/elsewhere"))]
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    # only the object IRI counts: not an IRI inside a literal, nor a datatype IRI
    assert ctx.referenced(data) == [a]
    assert set(ctx.triples_for([a])) == {static[0], static[1], static[2]}
    assert [q.triple for q in ctx.quads_for([a])] == ctx.triples_for([a])


def test_a_node_outside_every_article_belongs_to_the_first_article_describing_it_read_from_ntriples():
    import pyoxigraph as ox

    from stancegraph.worker import _Owners

    p = ox.NamedNode("http://example.org/p")
    arts = ["http://example.org/a1", "http://example.org/a2", "http://example.org/a3"]
    actor = ox.NamedNode("http://example.org/actor/ann-example")
    batch = [(arts[0], [ox.Triple(ox.NamedNode(arts[0] + "/s1"), p, actor)]),
             (arts[1], [ox.Triple(actor, p, ox.Literal("Ann Example")), ox.Triple(ox.NamedNode(arts[1]), p, actor)]),
             (arts[2], [ox.Triple(actor, p, ox.Literal("Ann"))])]
    datas = [ox.serialize(ts, format=ox.RdfFormat.N_TRIPLES) for _, ts in batch]
    for focus in (actor.value, arts[0] + "/s1", arts[2], "http://example.org/nobody"):
        assert _Owners(batch, datas).of(focus) == _Owners(batch).of(focus)
    assert _Owners(batch, datas).of(actor.value) == arts[1]
