"""Event anaphora: "the move", "the offer", "this step", "it" carry the issue of the event named before.

An event noun of the lexicon (``sg:EventNoun``) with a definite or demonstrative
determiner, and the pronouns "it", "this", "that" as subject or object of a stance
predicate or as the subject of a linking verb whose complement judges it ("it is
unacceptable"), refer back to the nearest earlier sentence (up to :data:`WINDOW` sentences
back) that names an issue through its topic terms; the anaphor carries those issues.
A noun phrase that names an issue itself ("the peace plan") is no anaphor.

>>> from stancegraph.ingest import parse_text
>>> from stancegraph.knowledge import load_resources
>>> from stancegraph.extract.document import ArticleParser
>>> parser = ArticleParser(load_resources())
>>> text = "The council imposed new sanctions on Monday. The mayor welcomed the move."
>>> pd, _ = parser.parse(parse_text("t", text))
>>> [(pd.doc[i].text, sorted(k.split("-")[0] for k in v)) for i, v in pd.event_issues.items()]
[('move', ['sanctions'])]
"""

from __future__ import annotations

from ..lang_en import COPULAS, DEMONSTRATIVES, EVENT_PRONOUNS, POSSESSIVE_PRONOUNS
from .cues import CueLookup
from .polarity import evaluation
from .tokens import token_table

#: how many sentences back an anaphor may reach
WINDOW = 3


def judged(cues: CueLookup, verb) -> bool:
    """True for a linking verb whose complement judges its subject ("it is unacceptable")."""
    return verb.lemma_.lower() in COPULAS and evaluation(cues, verb) != 0


def event_issues(doc, sents, sent_of, topic_tokens, cues: CueLookup) -> dict[int, frozenset[str]]:
    """Token index of each event anaphor -> the issues of the event it refers to."""
    events = cues.lexicon.event_nouns
    out: dict[int, frozenset[str]] = {}
    table = token_table(doc)  # the tests below, read without making every Token
    for n in range(table.n):
        if not (table.pos[n] == "NOUN" and (table.lemma[n] in events or table.lower[n] in events)
                or table.pos[n] == "PRON" and table.lower[n] in EVENT_PRONOUNS):
            continue
        tok = doc[n]
        low, lemma = tok.lower_, tok.lemma_.lower()
        if tok.pos_ == "NOUN" and (lemma in events or low in events):
            det = [c.lower_ for c in tok.children if c.dep_ in ("det", "poss")]
            if not det or not (det[0] in DEMONSTRATIVES or det[0] in POSSESSIVE_PRONOUNS):
                continue
            phrase = range(tok.left_edge.i, tok.right_edge.i + 1)
            if any(i in topic_tokens for i in phrase):
                continue  # "the peace plan" names its issue itself
        elif tok.pos_ == "PRON" and low in EVENT_PRONOUNS:
            if tok.dep_ not in ("nsubj", "nsubjpass", "dobj") or not (
                    cues.is_predicate(tok.head) or tok.dep_ == "nsubj" and judged(cues, tok.head)):
                continue
        else:
            continue
        here = sent_of[tok.i]
        found: set[str] = set()
        # earlier in the same sentence first, then the sentences before
        spans = [(sents[here].start, tok.i)] + [(sents[b].start, sents[b].end)
                                                 for b in range(here - 1, max(-1, here - 1 - WINDOW), -1)]
        for start, end in spans:
            for i in range(start, end):
                found |= topic_tokens.get(i, frozenset())
            if found:
                # a pronoun stands for an event only where an event noun names one ("it": the plan)
                if tok.pos_ == "PRON" and not any(table.lemma[i] in events for i in range(start, end)):
                    found = set()
                break
        if found:
            out[tok.i] = frozenset(found)
    return out
