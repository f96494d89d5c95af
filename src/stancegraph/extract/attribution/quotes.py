"""Speakers of direct quotations.

``"…," X said`` / ``X said, "…"`` / ``X, the <role>, said`` / ``according to X`` /
``X termed/called/described … "…"`` / a quote alone in its sentence right after one
attributed to a speaker. A quote with no reporting evidence stays without a speaker.
"""

from __future__ import annotations

from typing import Sequence

from ...lang_en import PRONOUNS_GROUP, PRONOUNS_PERSON, SOURCE_PREPOSITIONS
from ..document import ParsedArticle
from ..matcher import is_root
from ..model import DIRECT, MIXED, Span, Statement
from ..quotes import Quote
from ..speakers import SpeakerLog, SpeakerResolver
from . import Utterance
from .scope import report_scope


class QuoteAttribution:
    name = "quote"

    def find(self, doc: ParsedArticle, speakers: SpeakerResolver, log: SpeakerLog,
             earlier: Sequence[Utterance]) -> list[Utterance]:
        out: list[Utterance] = []
        prev: Statement | None = None
        for n, q in enumerate(doc.quotes):
            u = self.attribute(doc, speakers, log, q, prev, n)
            if u is None:
                continue
            out.append(u)
            log += ((u.anchor, u.statement.speaker),)
            prev = u.statement
        return out

    def attribute(self, doc: ParsedArticle, speakers: SpeakerResolver, log: SpeakerLog, q: Quote,
                  prev: Statement | None, n: int) -> Utterance | None:
        cues = speakers.cues
        toks = doc.tokens_in(q.begin, q.end)
        if not toks:
            return None
        inside = set(toks)
        tokens = doc.doc
        sent = tokens[toks[0]].sent
        # 1. reporting verbs governing the quote, innermost first
        chain = []
        for i in toks:
            h = tokens[i]
            steps = 0
            while not is_root(h) and steps < 10:
                h = h.head
                steps += 1
                if h.i not in inside and cues.is_reporting(h) and h not in chain:
                    chain.append(h)
        # 2. else the nearest reporting verb of the sentence
        dist = lambda t: min(abs(t.i - toks[0]), abs(t.i - toks[-1]))
        if chain and dist(chain[0]) > 25:
            chain = []
        if not chain:
            # the sentences the quote starts and ends in ('"One. Two," she said.')
            last = tokens[toks[-1]].sent
            around = list(sent) + ([t for t in last] if last.start != sent.start else [])
            if toks[-1] + 1 < len(tokens):
                nxt = tokens[toks[-1] + 1].sent
                if nxt.start not in (sent.start, last.start) and len(nxt) <= 12:
                    around += list(nxt)  # '"…." She said.' split by the sentence splitter
            cands = sorted((t for t in around if t.i not in inside and cues.is_reporting(t)), key=dist)
            chain = cands[:1]
        speaker, source, conf, cue, verb = None, None, 0.0, None, None
        # An attitude verb inside another speaker's speech ("X said the union agrees with the 'terms'")
        # does not own the quoted words: the speech verb above it does.
        if len(chain) > 1 and cues.is_predicate(chain[0]) and not all(cues.is_predicate(v) for v in chain[1:]):
            chain = [v for v in chain if not cues.is_predicate(v)] + [v for v in chain if cues.is_predicate(v)]
        for k, v in enumerate(chain):
            subj = speakers.subject_of(v)
            sp, src, cf = speakers.resolve(subj, log)
            if sp is None and src is None:
                continue
            # "X said they believed '…'": a pronoun subject under another reporting verb is that verb's speaker's.
            if subj is not None and subj.lower_ in PRONOUNS_GROUP | PRONOUNS_PERSON and k + 1 < len(chain):
                outer = speakers.resolve(speakers.subject_of(chain[k + 1]), log)
                if outer[0]:
                    sp, src, cf = outer
                    v = chain[k + 1]
            speaker, source, conf, verb = sp, src, cf, v
            cue = v.lemma_.lower()
            break
        acc = self._according_to(doc, speakers, sent, inside)
        if acc is not None:
            a_speaker, a_source, a_conf = speakers.resolve(acc, log)
            if a_source and not source:
                source = a_source
            if speaker is None and a_speaker:
                speaker, conf, cue = a_speaker, a_conf, "according to"
        # 3. a quote that is its own sentence, right after a sentence that reports a speaker
        if speaker is None and verb is None:
            covered = sum(1 for t in sent if t.i in inside or t.is_punct)
            here = doc.sent_of[toks[0]]
            if covered >= len(sent) - 1:
                if prev is not None and 0 <= here - prev.sentence <= 1:
                    speaker, conf, cue = prev.speaker, 0.6, prev.cue
                else:
                    recent = [(i, a) for i, a in log if 1 <= here - doc.sent_of[i] <= 1]
                    if recent:
                        speaker, conf, cue = max(recent)[1], 0.55, None
        if speaker is None:
            return None
        whole = sum(1 for t in sent if t.i in inside) >= 0.6 * len([t for t in sent if not t.is_punct])
        mode = DIRECT if whole or len(q.text.split()) >= 6 else MIXED
        # A quoted fragment is read in the clause that carries it ("not seen … a 'constructive way'").
        extent = set(toks)
        if mode == MIXED and verb is not None:
            extent |= set(report_scope(speakers, verb, speakers.subject_of(verb)))
        spans = [Span(p.begin, p.end, doc.article.text[p.begin:p.end]) for p in q.pieces]
        st = Statement(span=spans[0], speaker=speaker, mode=mode, cue=cue, quoted_text=q.text,
                       confidence=round(conf, 2), reported_by=source, sentence=doc.sent_of[toks[0]],
                       extra_spans=tuple(spans[1:]))
        scope = set(doc.tokens_of(spans)) | extent
        return Utterance(st, tuple(sorted(scope)), self.name, verb=None, anchor=toks[0], quote=n)

    @staticmethod
    def _according_to(doc: ParsedArticle, speakers: SpeakerResolver, sent, inside):
        tokens = doc.doc
        for t in sent:
            if t.i in inside:
                continue
            if t.lower_ == "according" and t.i + 1 < len(tokens) and tokens[t.i + 1].lower_ == "to":
                to = tokens[t.i + 1]
                for c in to.children:
                    if c.dep_ == "pobj":
                        return _source_owner(speakers, c)
            if t.lower_ == "per" and t.dep_ == "prep":
                for c in t.children:
                    if c.dep_ == "pobj":
                        return _source_owner(speakers, c)
        return None


def _source_owner(speakers: SpeakerResolver, tok):
    """'a statement from the alliance' -> the alliance; 'TASS' -> TASS."""
    if tok.lemma_.lower() in speakers.lex.source_nouns:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in SOURCE_PREPOSITIONS:
                for g in c.children:
                    if g.dep_ == "pobj":
                        return g
            if c.dep_ == "poss":
                return c
    return tok
