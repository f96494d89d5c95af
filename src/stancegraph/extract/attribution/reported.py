"""Reported speech: reporting verbs and stance predicates with an actor as subject."""

from __future__ import annotations

from typing import Sequence

from ...lang_en import CONDITIONAL_MARKS, COPULAS, EVENT_PRONOUNS
from ..document import ParsedArticle
from ..matcher import is_root
from ..model import MIXED, REPORTED, Statement
from ..speakers import SpeakerLog, SpeakerResolver
from ..tokens import token_table
from . import Utterance
from .quotes import outlet_reporting
from .scope import report_scope


class ReportedSpeech:
    name = "reported-speech"

    def find(self, doc: ParsedArticle, speakers: SpeakerResolver, log: SpeakerLog,
             earlier: Sequence[Utterance]) -> list[Utterance]:
        cues = speakers.cues
        quote_spans = [(q.begin, q.end) for q in doc.quotes]
        out = []
        # only the tokens is_reporting can be true of (read from the token table, once per Doc)
        for i in sorted(cues.reporting_candidates(token_table(doc.doc))):
            tok = doc.doc[i]
            if not cues.is_reporting(tok) or tok.dep_ == "amod":
                continue
            # "X demanded that Y reject Z" reports X's demand, not something Y said.
            if tok.dep_ in ("ccomp", "xcomp") and not is_root(tok) and cues.is_predicate(tok.head) \
                    and cues.is_reporting(tok.head):
                continue
            subj = acting_subject(speakers, tok)
            speaker, source, conf = speakers.resolve(subj, log)
            if speaker is None:
                continue
            # "… if Ruritania does not accept": a condition is nobody's position; "X said Ruritania wants …":
            # an attitude inside another speaker's speech is that speaker's report, not Ruritania's statement
            if in_condition(tok) or (cues.is_predicate(tok) and relayed_by(speakers, tok, speaker, log)):
                continue
            if outlet_reporting(speakers, tok, subj, speaker):
                continue  # an outlet that reports relays, it does not state
            scope = report_scope(speakers, tok, subj)
            if not scope:
                continue
            scope = said_before(doc, tok, scope)
            span = doc.span(scope[0], scope[-1] + 1)
            b, e = span.begin, span.end
            # A complement that is nothing but a quote is already the quote's statement.
            quoted = sum(min(e, qe) - max(b, qb) for qb, qe in quote_spans if qe > b and qb < e)
            if quoted >= 0.8 * (e - b):
                continue
            st = Statement(span=span, speaker=speaker, mode=MIXED if quoted > 0 else REPORTED,
                           cue=tok.lemma_.lower(), confidence=round(conf * 0.9, 2), reported_by=source,
                           sentence=doc.sent_of[tok.i])
            # "conditions proposed by X" does not make X the topic
            anchor = subj.i if tok.dep_ not in ("acl", "amod") else None
            if anchor is not None:
                log += ((anchor, speaker),)
            out.append(Utterance(st, tuple(scope), self.name, verb=tok.i, anchor=anchor))
        return out


#: passive verbs whose agent relays the subject's words instead of speaking
RELAYING_VERBS = frozenset({"quote", "cite", "report"})


def predicative_head(tok):
    """The verb whose subject holds what ``tok`` says: its own, or for a word in the complement
    of a linking verb ("X is keen to …", "X were opposed to …", "X remains committed to …")
    the linking verb."""
    if tok.dep_ in ("acomp", "attr") and (tok.pos_ == "ADJ" or tok.head.lemma_.lower() in COPULAS):
        return tok.head
    return tok


def acting_subject(speakers: SpeakerResolver, tok):
    """Who does what ``tok`` says: the agent of a passive ("was imposed by X", "remains opposed by
    X"), else the subject of its :func:`predicative_head`."""
    if tok.lemma_.lower() not in RELAYING_VERBS:  # "X was quoted by Y as saying" is X's
        agent = next((g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        if agent is not None:
            return agent
    return speakers.subject_of(predicative_head(tok))


def said_before(doc: ParsedArticle, verb, scope: list[int]) -> list[int]:
    """``scope``, or with the sentence before it when all it reports is "this" or "that" ("This was
    announced by X", "X confirmed this"): the words of the sentence before, in the same paragraph."""
    said = [c for c in verb.children if c.dep_ in ("nsubjpass", "dobj", "ccomp", "xcomp", "attr")]
    if len(said) != 1 or said[0].lower_ not in EVENT_PRONOUNS - {"it"} or said[0].dep_ not in ("nsubjpass", "dobj") \
            or said[0].i not in scope:
        return scope
    n = doc.sent_of[verb.i]
    if n == 0:
        return scope
    prev = doc.sents[n - 1]
    words = [t.i for t in prev if not t.is_space]
    if not words or "\n" in doc.doc[words[-1]:verb.sent.start + 1].text or doc.in_quotes(words[0]):
        return scope
    return words + scope


def in_condition(tok) -> bool:
    """True when the verb stands in a conditional clause ("if Ruritania does not agree …") of its sentence."""
    node = tok
    for _ in range(6):
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in node.children):
            return True
        if is_root(node) or node.dep_ not in ("advcl", "conj", "xcomp", "ccomp", "aux"):
            return False
        node = node.head
    return False


def relayed_by(speakers: SpeakerResolver, tok, speaker: str, log: SpeakerLog) -> bool:
    """True when an attitude verb is the complement of a speech verb with another named speaker
    ("Jones said that Ruritania would not accept …")."""
    cues = speakers.cues
    node = tok
    for _ in range(4):
        if is_root(node) or node.dep_ not in ("ccomp", "conj", "xcomp"):
            return False
        node = node.head
        if cues.is_reporting(node) and not cues.is_predicate(node):
            outer, _, _ = speakers.resolve(speakers.subject_of(node), log)
            return outer is not None and outer != speaker
    return False
