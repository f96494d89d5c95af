"""Candidates for positions shown by acts: narrated actions of actors ("the council imposed new
tolls", "the minister blocked the deal", "the union refused to sign") and speakers joined by
"and" ("Ruritania and Osterland rejected the plan": both did).

Both only speak for an actor when the stance detector finds a position in them
(``needs_content``), and neither is read for territorial claims (``finds_claims=False``:
acts that claim territory are claim events, :mod:`stancegraph.extract.claim_events`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from ..document import ParsedArticle
from ..model import REPORTED, Statement
from ..speakers import SpeakerLog, SpeakerResolver
from ..tokens import token_table
from . import Utterance
from .reported import acting_subject, in_condition
from .scope import report_scope

#: a narrated act is a less sure statement than reported speech
ACTION_CONFIDENCE = 0.6


class NarratedAction:
    """A stance-taking verb that is no speech verb ("imposed", "blocked", "vetoed", "lifted"),
    with an actor (or a pronoun or descriptor resolved to one) as its subject, outside every earlier utterance and every quote: the verb and its
    complements are the scope."""

    name = "narrated-action"

    def find(self, doc: ParsedArticle, speakers: SpeakerResolver, log: SpeakerLog,
             earlier: Sequence[Utterance]) -> list[Utterance]:
        covered = {i for u in earlier for i in u.scope}
        cues = speakers.cues
        out = []
        table = token_table(doc.doc)
        pos, dep, forms, predicates = table.pos, table.dep, table.forms, cues.predicates
        for n in range(table.n):
            # read without making the Token: a verb, not covered, not a modifier, that may be a predicate
            # (a predicate's form, or a verb with a particle after it: the only phrasal case)
            if not (pos[n] == "VERB" or pos[n] == "ADJ" and dep[n] == "acomp" or pos[n] == "NOUN" and dep[n] == "attr") \
                    or n in covered or dep[n] in ("amod", "acl", "relcl", "advcl"):
                continue  # a verb, or an adjective or noun after a linking verb ("X remains committed to …",
                # "X is an advocate of …")
            low, lemma = forms[n]
            if not (lemma in predicates or low in predicates or table.particle_after(n)):
                continue
            tok = doc.doc[n]
            if not cues.is_predicate(tok) or cues.is_reporting(tok) or doc.in_quotes(tok.i) \
                    or in_condition(tok):
                continue
            subj = acting_subject(speakers, tok)
            if subj is None:
                continue
            speaker, source, conf = speakers.resolve(subj, log)
            actor = speakers.actor(speaker) if speaker else None
            if actor is None or actor.is_source or source is not None:
                continue
            scope = tuple(i for i in report_scope(speakers, tok, subj) if i not in covered)
            if len(scope) < 2:
                continue
            covered.update(scope)
            st = replace(_statement(doc, scope, speaker, tok), confidence=round(conf * ACTION_CONFIDENCE, 2))
            out.append(Utterance(st, scope, self.name, verb=tok.i, needs_content=True, finds_claims=False))
        return out


class ConjoinedSpeakers:
    """An utterance (not a quote's) whose speaker's mention has conjuncts naming other actors
    ("Ruritania and Osterland rejected …"): the same utterance for each of them."""

    name = "conjoined-speakers"

    def find(self, doc: ParsedArticle, speakers: SpeakerResolver, log: SpeakerLog,
             earlier: Sequence[Utterance]) -> list[Utterance]:
        out = []
        for u in earlier:
            if u.anchor is None or u.quote is not None:
                continue
            head = doc.doc[u.anchor]
            seen = {u.statement.speaker}
            for c in head.conjuncts:
                other = doc.tok_actor.get(c.i)
                actor = speakers.actor(other) if other else None
                if actor is None or actor.is_source or other in seen:
                    continue
                seen.add(other)
                st = replace(u.statement, speaker=other, confidence=round(u.statement.confidence * 0.9, 2))
                out.append(replace(u, statement=st, anchor=c.i, pattern=self.name, needs_content=True,
                                   finds_claims=False))
        return out


def _statement(doc: ParsedArticle, scope, speaker: str, verb):
    return Statement(span=doc.span(scope[0], scope[-1] + 1), speaker=speaker, mode=REPORTED,
                     cue=verb.lemma_.lower(), confidence=1.0, sentence=doc.sent_of[verb.i])


class ContinuedSpeech:
    """A sentence outside every earlier utterance that follows, in the same paragraph, a sentence
    in which one speaker speaks, and names no other actor as a subject: a candidate for that
    speaker going on ("…, the minister said. The annexation must be reversed.")."""

    name = "continued-speech"

    def find(self, doc: ParsedArticle, speakers: SpeakerResolver, log: SpeakerLog,
             earlier: Sequence[Utterance]) -> list[Utterance]:
        text = doc.article.text
        speaker_of: dict[int, str] = {}   # sentence -> the speaker of its last utterance
        covered: set[int] = set()
        for u in sorted(earlier, key=lambda u: (u.scope[-1] if u.scope else -1)):
            covered.update(u.scope)
            if u.scope and not u.needs_content:
                speaker_of[doc.sent_of[u.scope[-1]]] = u.statement.speaker
        out = []
        for n in range(1, len(doc.sents)):
            sent, prev = doc.sents[n], doc.sents[n - 1]
            speaker = speaker_of.get(n - 1)
            if speaker is None or any(i in covered for i in range(sent.start, sent.end)):
                continue
            last = max((i for i in range(prev.start, prev.end) if not doc.doc[i].is_space), default=prev.start)
            first = min((i for i in range(sent.start, sent.end) if not doc.doc[i].is_space), default=sent.start)
            if "\n" in text[doc.span(last, last + 1).end:doc.span(first, first + 1).begin]:
                continue  # a new paragraph
            if any(doc.tok_actor.get(t.i) not in (None, speaker) and t.dep_ in ("nsubj", "nsubjpass")
                   for t in sent):
                continue  # another actor acts or speaks here
            scope = tuple(i for i in range(sent.start, sent.end) if not doc.doc[i].is_punct)
            if len(scope) < 3:
                continue
            st = Statement(span=doc.span(scope[0], scope[-1] + 1), speaker=speaker, mode=REPORTED, cue=None,
                           confidence=0.5, sentence=n)
            out.append(Utterance(st, scope, self.name, needs_content=True, finds_claims=False))
        return out
