"""Speakers of direct quotations.

``"…," X said`` / ``X said, "…"`` / ``X, the <role>, said`` / ``according to X`` /
``X termed/called/described … "…"`` / ``TASS quoted X (as saying) "…"`` (an outlet quoting
itself when it is the innermost reporter) / a line ``X: "…"`` or a headline ``"…": X on …``
(given to the speaker of a longer body quote it repeats) / ``X replied:`` ending the paragraph
before / ``Extracts from X's speech:`` above quote paragraphs / ``X did Y with a post: "…"`` /
``X's comments that "…"``, ``X's claim that "…"``, ``a warning from X about "…"`` / ``was accused by X
of "…"`` / ``in X's view, … "…"`` / a headline credit after a dash (``"…" - X on …``, ``… "…" -X``) / a
headline quote repeating a body quote's words (that quote's speaker) / a quote alone in its sentence,
or ending it, right after one attributed to a speaker. The frame right
after a quote or the reporting clause right before it comes before a verb the parser hung the
quote on further off. A quote with no reporting evidence stays without a speaker; a quoted title ("the Port Safety Act") is no quote. A quote running over several
paragraphs is one utterance per paragraph where each paragraph reopens it, one where the
reopening mark is left out.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Sequence

from ...lang_en import (ABOUT_PREPOSITIONS, CONTRASTIVE_MARKS, POSSESSIVE_PRONOUNS, PRONOUNS_FIRST, PRONOUNS_GROUP,
                        PRONOUNS_PERSON,
                        QUOTE_LABELS, SOURCE_LABELS, SPEECH_ACT_NOUNS, VIEW_NOUNS)
from ..document import ParsedArticle
from ..matcher import is_root
from ..model import DIRECT, MIXED, Span, Statement
from ..quotes import DOUBLE_CLOSE, DOUBLE_OPEN, SINGLE_CLOSE, SINGLE_OPEN, Quote
from ..speakers import SpeakerLog, SpeakerResolver
from ..tokens import token_table
from . import Utterance
from .names import person_named, unlinked_speaker
from .scope import report_scope


class QuoteAttribution:
    name = "quote"

    def find(self, doc: ParsedArticle, speakers: SpeakerResolver, log: SpeakerLog,
             earlier: Sequence[Utterance]) -> list[Utterance]:
        out: list[Utterance] = []
        prev: Statement | None = None
        prev_end = -1  # the sentence the previous attributed quote ends in
        unattributed = []
        for n, q in enumerate(doc.quotes):
            u = self.attribute(doc, speakers, log, q, prev, n, prev_end)
            if u is None:
                unattributed.append(n)
                continue
            last = doc.tokens_in(q.pieces[-1].begin, q.pieces[-1].end) if q.pieces else []
            prev_end = doc.sent_of[last[-1]] if last else u.statement.sentence
            # A quote reopened in each paragraph it runs over is one quotation per paragraph, all the
            # speaker's (a continuation without a reopening mark is one piece, one quotation).
            parts = self.split(doc, u)
            out.extend(parts)
            log += ((u.anchor, u.statement.speaker),)
            prev = parts[0].statement
        out = echoed(out)
        repeats = [u for n in unattributed if (u := self.headline_repeat(doc, n, out)) is not None]
        return sorted(out + repeats, key=lambda u: u.quote) if repeats else out

    def headline_repeat(self, doc: ParsedArticle, n: int, found: Sequence[Utterance]) -> Utterance | None:
        """A quote with no frame of its own in a headline line (no sentence end) whose words the body
        quotes with a verb of speech, as the words of that speaker ('Port is "a closed book"' over
        '"The port is a closed book," Ann Example said.'); None when no such quote says them."""
        q = doc.quotes[n]
        toks = doc.tokens_in(q.begin, q.end)
        if not toks or not headline_line(doc, q) or (is_title(doc, toks) and not title_cased_line(doc, toks)):
            return None
        mine = _words(q.text)
        if len(mine.split()) < 2:
            return None  # one word in marks ('Non-Aligned') is a label, whoever else says it
        source = next((u.statement for u in found if u.statement.cue not in (None, ":", "-")
                       and u.statement.quoted_text and len(u.statement.quoted_text) >= len(q.text)
                       and mine in _words(u.statement.quoted_text)), None)
        if source is None:
            return None
        spans = [Span(p.begin, p.end, doc.article.text[p.begin:p.end]) for p in q.pieces]
        st = Statement(span=spans[0], speaker=source.speaker, mode=MIXED, cue=source.cue, quoted_text=q.text,
                       confidence=0.5, reported_by=source.reported_by, sentence=doc.sent_of[toks[0]],
                       extra_spans=tuple(spans[1:]))
        return Utterance(st, tuple(sorted(doc.tokens_of(spans))), self.name, quote=n)

    def attribute(self, doc: ParsedArticle, speakers: SpeakerResolver, log: SpeakerLog, q: Quote,
                  prev: Statement | None, n: int, prev_end: int = -1) -> Utterance | None:
        cues = speakers.cues
        toks = doc.tokens_in(q.begin, q.end)
        if not toks or is_title(doc, toks):
            return None
        inside = set(toks)
        tokens = doc.doc
        sent = tokens[toks[0]].sent
        # 1. reporting verbs governing the quote, innermost first
        chain = []
        table = token_table(tokens)  # heads read from the token table: a Token only for a possible reporter
        head, may_report, in_chain = table.head, cues.reporting_candidates(table), set()
        for i in toks:
            h = i
            steps = 0
            while head[h] != h and steps < 10:
                h = head[h]
                steps += 1
                if h not in inside and h in may_report and h not in in_chain and cues.is_reporting(tokens[h]):
                    chain.append(tokens[h])
                    in_chain.add(h)
        # the frame right after the quote ('"…," X reports, writes Y') comes before a verb the parser
        # hung the quote on further on
        frame = frame_verb(doc, toks) if chain else None
        if frame is not None and cues.is_reporting(frame) and toks[-1] < frame.i < chain[0].i:
            chain = [frame] + [v for v in chain if v.i != frame.i]
        # and so does the clause right before it ('…, to which Ann responded with a smile, "…"')
        lead = lead_clause(doc, toks, cues) if chain else None
        if lead is not None and lead.i != chain[0].i and chain[0].i < lead.i:
            chain = [lead] + [v for v in chain if v.i != lead.i]
        # 2. else the nearest reporting verb of the sentence
        dist = lambda t: min(abs(t.i - toks[0]), abs(t.i - toks[-1]))
        if chain and dist(chain[0]) > 25:
            chain = []
        if not chain:
            # the sentences the quote starts and ends in ('"One. Two," she said.')
            last = tokens[toks[-1]].sent
            around = list(sent) + ([t for t in last] if last.start != sent.start else [])
            after = toks[-1] + 1
            while after < len(tokens) and (tokens[after].is_punct or tokens[after].is_space) \
                    and tokens[after].sent.start == last.start:
                after += 1  # the closing mark and the full stop may end the quote's own sentence
            if after < len(tokens):
                nxt = tokens[after].sent
                if nxt.start not in (sent.start, last.start) and len(nxt) <= 12 and is_frame(nxt, cues):
                    around += list(nxt)  # '"…." She said.' split by the sentence splitter
            cands = sorted((t for t in around if t.i not in inside and cues.is_reporting(t)), key=dist)
            chain = cands[:2]  # the nearest, and the next when its subject is inside the quote
        if not chain:
            # '"…," he continued', 'He saluted "…."', 'X answered with a one-word post: "Fake."'
            frame = frame_verb(doc, toks) or lead_verb(doc, toks) or colon_clause_verb(doc, toks) \
                or noun_frame(doc, toks, cues)  # '"…," the publication states' read as a noun
            chain = [frame] if frame is not None else []
        intro_owner = None
        if not chain:
            intro = colon_intro(doc, speakers, q)  # 'He replied:' ending the paragraph before
            chain = [intro] if intro is not None else []
            if intro is not None:
                intro_owner = speech_noun_owner(speakers, intro.sent)  # 'Extracts from her speech:'
        speaker, source, conf, cue, verb = None, None, 0.0, None, None
        # "Trump's statement of a possible "swapping"", "her remarks about "…"": the possessor's words
        owner = speech_owner(speakers, toks, inside)
        if owner is not None:
            sp, src, cf = speakers.resolve(owner[1], log)
            if sp is not None:
                speaker, source, conf, cue, chain = sp, src, cf * 0.9, owner[0].lemma_.lower(), []
        # An attitude verb inside another speaker's speech ("X said the union agrees with the 'terms'")
        # does not own the quoted words: the speech verb above it does.
        # A clause of its own set against the speech ("X said …, while Y insisted '…'") keeps its speaker.
        if len(chain) > 1 and cues.is_predicate(chain[0]) and not all(cues.is_predicate(v) for v in chain[1:]) \
                and not contrastive_clause(chain[0], chain[1]):
            chain = [v for v in chain if not cues.is_predicate(v)] + [v for v in chain if cues.is_predicate(v)]
        own_text = None  # an outlet that is the innermost reporter quotes its own text
        words = [i for i in toks if not table.punct[i]]  # token indices, read from the token table
        # a bare name of one or two words, no sentence of its own
        name_term = len(words) <= 2 and table.text[words[0]][:1].isupper() and table.text[toks[-1]][-1:] not in ".!?…"
        for k, v in enumerate(chain):
            subj = speakers.subject_of(v)
            if subj is None and 0 < v.i - toks[-1] <= 4:
                subj = inverted_subject(v)  # '"…," tweeted the ministry'
            if subj is None and v.i > 0 and v.i - 1 in doc.tok_actor:
                subj = tokens[v.i - 1]  # 'X tweeted, "…"' with X misparsed: the name right before the verb
            if subj is None and v.pos_ == "NOUN" and v.i > 0 and tokens[v.i - 1].dep_ == "compound":
                # the verb read as a noun: its subject is the compound before it, its article the noun's
                subj = tokens[v.i - 1]
                if subj.i not in doc.tok_actor and speakers.resolve(subj, log)[:2] == (None, None):
                    sp = speakers.definite(subj, log)
                    if sp is not None:
                        speaker, source, conf, verb, cue = sp, None, 0.6, v, v.lemma_.lower()
                        break
            if subj is not None and subj.i in inside:
                continue  # a subject inside the quoted words (a parser slip) is not who says them
            if subj is not None and name_term and subj.pos_ == "NOUN" \
                    and subj.lemma_.lower() in speakers.lex.source_nouns:
                continue  # "her comments echo the old idea of "Greater Harbour"": the writer's label
            sp, src, cf = speakers.resolve(subj, log)
            if sp is None and src is None and v.i > 0 and v.i - 1 in doc.tok_actor and tokens[v.i - 1].pos_ == "PROPN" \
                    and tokens[v.i - 1].dep_ != "pobj" and (subj is None or subj.i != v.i - 1):
                # 'After the talks, X's adviser Ann Example tweeted, "…"' with the subject misparsed as
                # "talks": the name right before the verb
                subj = tokens[v.i - 1]
                sp, src, cf = speakers.resolve(subj, log)
            if sp is None and src is None:
                # a name the actor finder did not link ("Abiy said" after "Abiy Ahmed", '"…," said Olena')
                sp, cf = unlinked_speaker(doc, speakers, subj), 0.6
            if sp is not None and outlet_reporting(speakers, v, subj, sp):
                sp, src = None, sp  # "Harbour News reports …": a name reporting is an outlet, a source
            if v.lemma_.lower() in ("quote", "cite"):
                # "X quoted Y (as saying) …": Y is the speaker, whoever X is
                obj = next((c for c in v.children if c.dep_ == "dobj" and c.pos_ in ("PROPN", "PRON", "NOUN")), None)
                osp = speakers.resolve(obj, log)[0] if obj is not None else None
                if osp is not None and osp != sp:
                    sp, src, cf = osp, sp or src, 0.8
            if sp is None and src is None:
                continue
            if sp is None:
                # "TASS quoted X (as saying)": the outlet's object is the speaker
                obj = next((c for c in v.children if c.dep_ == "dobj" and c.pos_ == "PROPN"), None)
                if obj is not None:
                    osp, _, ocf = speakers.resolve(obj, log)
                    if osp is not None:
                        sp, cf = osp, ocf
            if sp is None and own_text is None and speaker is None:
                own_text = (src, v)
            # "X said they believed '…'": a pronoun subject under another reporting verb is that verb's speaker's.
            if subj is not None and subj.lower_ in PRONOUNS_GROUP | PRONOUNS_PERSON and k + 1 < len(chain) \
                    and governs(chain[k + 1], v):
                outer = speakers.resolve(speakers.subject_of(chain[k + 1]), log)
                # "X's office says he told the allies '…'": "he" is no office; the pronoun's own antecedent
                body = subj.lower_ in PRONOUNS_PERSON and sp is not None \
                    and getattr(speakers.actor(outer[0]) if outer[0] else None, "kind", "person") != "person"
                if outer[0] and not body:
                    sp, src, cf = outer
                    v = chain[k + 1]
            # "X stressed that Westland wants a "watertight" pledge": a state named as the subject of
            # a clause another speaker reports does not speak the quoted words; that speaker does.
            elif sp is not None and k + 1 < len(chain) and state_actor(speakers, sp) \
                    and governs(chain[k + 1], v):
                outer = speakers.resolve(speakers.subject_of(chain[k + 1]), log)
                if outer[0] and not state_actor(speakers, outer[0]):
                    sp, src, cf = outer
                    v = chain[k + 1]
            # "Moon said Kim expressed his commitment to a "complete denuclearization"": a phrase quoted
            # inside a clause that a speaker reports is that speaker's wording of it, not the words of
            # the clause's subject (a person's wording: an outlet or a body relays words, it does not word
            # them; a sentence of its own, capitalised, or first-person words are the subject's own)
            # (a complement of it, through complements only: not a relative or adverbial clause hung
            # on it, "…, to which Y responded", "Although Y said …", nor a clause coordinated with it)
            elif sp is not None and k + 1 < len(chain) and governs(chain[k + 1], v, through=("ccomp", "xcomp")) \
                    and phrase_in(sent, inside) and table.text[words[0]][:1].islower() \
                    and not first_person(words, table):
                outer = speakers.resolve(speakers.subject_of(chain[k + 1]), log)
                if outer[0] and outer[0] != sp and getattr(speakers.voice(outer[0]), "kind", None) == "person":
                    sp, src, cf = outer
                    v = chain[k + 1]
            speaker, source, conf, verb = sp, src, cf, v
            cue = v.lemma_.lower()
            break
        if speaker is None and own_text is not None and owner is None:
            # "Harbour News reports Ann Example …, saying, "…"": a speaker the sentence names before
            # the outlet's own text
            others = sorted((t for t in sent if t.i not in inside and cues.is_reporting(t) and t not in chain),
                            key=dist)
            for v in others:
                sp, src, cf = speakers.resolve(speakers.subject_of(v), log)
                if sp is not None and not outlet_reporting(speakers, v, speakers.subject_of(v), sp):
                    speaker, source, conf, verb, cue = sp, own_text[0], cf, v, v.lemma_.lower()
                    break
        if speaker is None and own_text is not None:
            speaker, conf, verb = own_text[0], 0.6, own_text[1]
            cue = verb.lemma_.lower()
        if speaker is None and intro_owner is not None:
            sp = holder(speakers, intro_owner[1], log)
            if sp is not None:
                speaker, conf, cue, verb = sp, 0.6, intro_owner[0].lemma_.lower(), None
        acc = self._according_to(doc, speakers, sent, inside)
        if acc is not None:
            a_speaker, a_source, a_conf = speakers.resolve(acc, log)
            if a_source and not source:
                source = a_source
            if speaker is None and a_speaker:
                speaker, conf, cue = a_speaker, a_conf, "according to"
            elif a_speaker and speaker != a_speaker and body_or_state(speakers, speaker) \
                    and getattr(speakers.actor(a_speaker), "kind", None) == "person":
                # "According to Ann Example, Westland wants a "watertight" pledge": a state or a body
                # as a clause's subject in a person's account does not speak the words; the person does
                speaker, conf, cue = a_speaker, a_conf, "according to"
        if speaker is None and verb is None:
            # 'In her view, the plan is "dead"', 'in the opinion of X, …': the holder of the view
            owner_tok = view_holder(doc, sent, inside)
            sp = holder(speakers, owner_tok, log) if owner_tok is not None else None
            if sp is not None:
                speaker, conf, cue = sp, 0.6, "in the view of"
        # A line "X: “…”" (a headline or a transcript) gives the quote to X.
        if speaker is None and verb is None:
            speaker, conf, cue = colon_speaker(doc, speakers, log, q)
        if speaker is None and verb is None:
            speaker, conf, cue = dash_credit_speaker(doc, speakers, log, q)
        if speaker is None and verb is None:
            speaker, conf, cue = closing_credit_speaker(doc, speakers, log, q)
        # 3. a quote that is its own sentence, right after a sentence that reports a speaker
        if speaker is None and verb is None:
            covered = sum(1 for t in sent if t.i in inside or t.is_punct)
            here = doc.sent_of[toks[0]]
            # or a clause's worth of quoted words that ends the sentence, with no verb of speech in it
            # ('If there is no vote, "then the council must act."' after '"…," she said.')
            tail = len(words) >= 4 and all(t.is_punct or t.is_space for t in tokens[toks[-1] + 1:sent.end])
            if covered >= len(sent) - 1 or tail:
                # right after the previous quote's last sentence (a quote of several sentences, then
                # a paragraph of the speaker's words alone)
                if prev is not None and (0 <= here - prev.sentence <= 1 or (0 <= prev_end < here
                                                              and not worded(doc, prev_end + 1, here))):
                    speaker, conf, cue = prev.speaker, 0.6, prev.cue
                elif prev is not None and 0 <= prev_end < here and same_voice(doc, speakers.cues, prev_end, here):
                    # further on in the paragraph of the speaker's quote, no one else speaking between
                    # ('"…," X said. There was a "frank exchange". "There are differences."')
                    speaker, conf, cue = prev.speaker, 0.55, prev.cue
                else:
                    recent = [(i, a) for i, a in log if 1 <= here - doc.sent_of[i] <= 1]
                    if recent:
                        speaker, conf, cue = max(recent)[1], 0.55, None
                    elif (topic := paragraph_topic(doc, speakers, log, q)) is not None:
                        speaker, conf, cue = topic, 0.5, None
        # 4. a quoted phrase in a clause whose subject is an actor ("X justified the decision on
        # "humanitarian grounds"", "X is presenting the plan as "a framework""): the subject's words
        # (two words or more: a one-word term in marks is a label; a state as the subject of a
        # narrated act is the writer's account, not a speaker)
        if speaker is None and verb is None and 2 <= len(words) <= MAX_CLAUSE_FRAGMENT:
            carrier = carrying_verb(doc, toks, inside)
            subj = speakers.subject_of(carrier) if carrier is not None else None
            if subj is not None and subj.i not in inside and subj.i < toks[0]:
                sp, src, cf = speakers.resolve(subj, log)
                if speakers.voice(sp) is not None and src is None and not state_actor(speakers, sp):
                    speaker, conf, verb, cue = sp, round(cf * 0.6, 2), carrier, carrier.lemma_.lower()
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
    def split(doc: ParsedArticle, u: Utterance) -> list[Utterance]:
        """An utterance whose quote runs over several paragraphs, as one per paragraph (all the
        speaker's): the first keeps the whole scope and the anchor, each other the scope's tokens
        in its own paragraph."""
        st = u.statement
        if not st.extra_spans:
            return [u]
        pieces = [st.span, *st.extra_spans]
        first = replace(st, quoted_text=pieces[0].text.strip(), extra_spans=())
        out = [replace(u, statement=first)]
        for piece in pieces[1:]:
            toks = doc.tokens_in(piece.begin, piece.end)
            part = replace(st, span=piece, quoted_text=piece.text.strip(), extra_spans=(),
                           sentence=doc.sent_of[toks[0]] if toks else st.sentence)
            own = set(toks)
            out.append(replace(u, statement=part, scope=tuple(i for i in u.scope if i in own), anchor=None))
        return out

    @staticmethod
    def _according_to(doc: ParsedArticle, speakers: SpeakerResolver, sent, inside):
        tokens = doc.doc
        table = token_table(tokens)  # the words read from the token table: a Token only where one matches
        lower = table.lower
        for i in range(sent.start, sent.end):
            if i in inside:
                continue
            if lower[i] == "according" and i + 1 < len(tokens) and lower[i + 1] == "to":
                to = tokens[i + 1]
                for c in to.children:
                    if c.dep_ == "pobj":
                        return speakers.source_owner(c)
            if lower[i] == "per" and table.dep[i] == "prep":
                for c in tokens[i].children:
                    if c.dep_ == "pobj":
                        return speakers.source_owner(c)
        return None


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"\w+", text.lower())) + " "


def echoed(found: list[Utterance]) -> list[Utterance]:
    """``found`` with each quote given to a name by a colon ("X: '…'", "'…': X on …", a headline's
    habit) given instead to the speaker of a longer quote the words are taken from, when the article
    reports it with a verb: the body tells who said them, the headline only sums up."""
    out = []
    for u in found:
        st = u.statement
        if st.cue in (":", "-") and st.quoted_text:
            mine = _words(st.quoted_text)
            source = next((v.statement for v in found if v is not u and v.statement.cue not in (None, ":", "-")
                           and v.statement.quoted_text and len(v.statement.quoted_text) > len(st.quoted_text)
                           and mine.strip() and mine in _words(v.statement.quoted_text)), None)
            if source is not None and source.speaker != st.speaker:
                u = replace(u, statement=replace(st, speaker=source.speaker, reported_by=source.reported_by))
        out.append(u)
    return out


MAX_CLAUSE_FRAGMENT = 12  # words of a quoted phrase read as the words of its clause's subject


def carrying_verb(doc: ParsedArticle, toks, inside):
    """The verb of the clause a quoted phrase stands in, as its object or in a phrase hung on it
    ("justified the decision on "…"", "presenting the plan as "…""): the nearest verb above the
    quote's head, a few steps up, outside the quote, in its sentence; None when there is none or a
    clause of its own (a relative clause, a complement) comes in between."""
    tokens = doc.doc
    head = next((tokens[i] for i in toks if tokens[i].head.i not in inside), None)
    if head is None:
        return None
    if any(c.dep_ == "poss" and c.i not in inside for i in toks for c in tokens[i].children):
        return None  # "the second phase of Westland's "harbour operations"": the possessor's words
    node = head
    for _ in range(4):
        if is_root(node):
            return None
        if node.dep_ in ("relcl", "acl", "ccomp", "advcl", "csubj", "parataxis", "conj", "appos"):
            return None
        node = node.head
        if node.i in inside:
            return None
        if node.pos_ == "VERB":
            return None if node.dep_ == "prep" else node  # "following", "including": a preposition
    return None


def is_title(doc: ParsedArticle, toks) -> bool:
    """A quoted name of a show, book, bill or document ("Good Morning Harbour", "the Port Safety
    Act"): the first word and every longer word capitalised, no verb, no closing punctuation. Titles are not quotes."""
    table = token_table(doc.doc)  # read from the token table: no Token made
    text, pos = table.text, table.pos
    words = [i for i in toks if not table.punct[i]]
    last = text[toks[-1]][-1:]
    # a comma inside the marks ("the 'Coalition of the Bold,' a group") ends a longer title too,
    # unless a reporting frame follows ('"Peace For All," she said')
    if len(words) < 2 or last in ".!?;:" or (last == "," and (len(words) < 3 or frame_verb(doc, toks))):
        return False
    if any(pos[i] in ("VERB", "AUX") for i in words):
        return False
    if not text[words[0]][:1].isupper():
        return False  # a title opens with a capital ("new era" is two short words, not a title)
    if title_cased_line(doc, toks):
        return False  # 'Ann Example Says Talks Are "A Step Closer"': a headline's capitals tell nothing
    return all(text[i][:1].isupper() or len(text[i]) <= 3 or not table.alpha[i] for i in words)


def line_of(text: str, begin: int, end: int | None = None) -> tuple[int, int]:
    """The bounds of the line of ``text`` that holds offsets ``begin`` to ``end`` (a paragraph: from
    after the line break before ``begin`` to the line break after ``end``, or the text's end).

    >>> line_of("Headline\\nFirst line of the body.\\nNext", 12)
    (9, 32)
    """
    start = text.rfind("\n", 0, begin) + 1
    stop = text.find("\n", begin if end is None else end)
    return start, len(text) if stop < 0 else stop


def headline_line(doc: ParsedArticle, q: Quote) -> bool:
    """True when the quote stands in a line that does not end as a sentence does (a headline, a
    crosshead) and is no longer than a headline."""
    text = doc.article.text
    line_start, line_end = line_of(text, q.begin, q.end)
    line = text[line_start:line_end].strip()
    return 0 < len(line.split()) <= 25 and line.rstrip(DOUBLE_CLOSE + SINGLE_CLOSE + " ")[-1:] not in ".!?…"


def title_cased_line(doc: ParsedArticle, toks) -> bool:
    """True when the line a quote stands in is written in title case outside the quote (a headline:
    four words or more, every word longer than three letters capitalised)."""
    text = doc.article.text
    begin = doc.doc[toks[0]].idx + doc.offset
    line_start, line_end = line_of(text, begin)
    inside = set(toks)
    words = [doc.doc[i] for i in doc.tokens_in(line_start, line_end)
             if i not in inside and doc.doc[i].is_alpha and len(doc.doc[i].text) > 3]
    return len(words) >= 4 and all(t.text[:1].isupper() for t in words)


def colon_speaker(doc: ParsedArticle, speakers: SpeakerResolver, log: SpeakerLog,
                  q: Quote) -> tuple[str | None, float, str | None]:
    """The speaker of a line ``X: "…"`` or ``X: words … "…"`` (a headline or a transcript): a short
    name or descriptor opening the line, then a colon, and no sentence ending before the quote."""
    text = doc.article.text
    line_start = max(text.rfind("\n", 0, q.begin) + 1, doc.article.body_start)
    before = text[line_start:q.begin].rstrip(DOUBLE_OPEN + SINGLE_OPEN + " ")
    if not before.strip():
        return quote_colon_speaker(doc, speakers, log, q)
    if before.endswith(":"):
        left = before[:-1].strip()
    else:
        # a headline "X: I think they are 'stalling'": the speaker's own words after the colon, one
        # clause (no sentence ends before the quote)
        colon = before.find(": ")
        if colon <= 0 or any(ch in before[colon + 1:] for ch in ".!?;\"“”"):
            return None, 0.0, None
        left = before[:colon].strip()
    if left.lower() in QUOTE_LABELS and before.endswith(":"):
        return label_speaker(doc, speakers, line_start, log)
    if not left or len(left.split()) > 6 or any(ch in left for ch in ".!?\"“”"):
        return None, 0.0, None
    lb = line_start + text[line_start:].index(left)
    toks = doc.tokens_in(lb, lb + len(left))
    if not toks:
        return None, 0.0, None
    head = max((doc.doc[i] for i in toks), key=lambda t: (t.head.i not in toks, t.i))
    speaker, _, conf = speakers.resolve(head, log)
    if speaker is None:
        speaker = next((doc.tok_actor[i] for i in toks if i in doc.tok_actor), None) \
            or (person_named(doc, speakers, head) if len(toks) <= 2 else None)  # "Example: …" of a body's Ann Example
        conf = 0.6
    return (speaker, round(conf * 0.9, 2), ":") if speaker else (None, 0.0, None)


def closing_credit_speaker(doc: ParsedArticle, speakers: SpeakerResolver, log: SpeakerLog,
                           q: Quote) -> tuple[str | None, float, str | None]:
    """The speaker a headline credits at its end after a colon ('Port is "not ready" for the ships:
    Example'): a capitalised name of one to four words closing a headline line (no sentence end)
    after the quote: an actor named there, else the body's person whose name has its last word."""
    text = doc.article.text
    if not headline_line(doc, q):
        return None, 0.0, None
    line_end = line_of(text, q.begin, q.end)[1]
    after = text[q.end:line_end]
    colon = after.rfind(": ")
    if colon < 0 or not 1 <= len(after[colon + 2:].split()) <= 4:
        return None, 0.0, None
    start = q.end + colon + 2
    toks = [i for i in doc.tokens_in(start, line_end) if not doc.doc[i].is_punct and not doc.doc[i].is_space]
    if not toks or not all(doc.doc[i].text[:1].isupper() for i in toks):
        return None, 0.0, None
    named = person_named(doc, speakers, doc.doc[toks[-1]]) if len(toks) == 1 else None
    if named:
        return named, 0.55, ":"  # a surname alone: the body's person of that name
    for i in reversed(toks):
        iri = doc.tok_actor.get(i)
        if speakers.voice(iri) is not None:
            return iri, 0.6, ":"
    return None, 0.0, None


DASHES = "-–—"


def dash_credit_speaker(doc: ParsedArticle, speakers: SpeakerResolver, log: SpeakerLog,
                        q: Quote) -> tuple[str | None, float, str | None]:
    """The speaker a headline credits after a dash: ``"…" - Ann Example on the tolls`` (the dash right
    after the quote) or ``Port to stay 'closed until May' -Ann Example`` (a short name closing the line
    after the quote): the actor named first after the dash, as its subject or head, not as an object."""
    text = doc.article.text
    line_end = line_of(text, q.begin, q.end)[1]
    after = text[q.end:line_end]
    rest = after.lstrip(DOUBLE_CLOSE + SINGLE_CLOSE + " .,")
    if rest[:1] in DASHES and rest[1:2] not in DASHES:
        start = q.end + len(after) - len(rest) + 1  # "…" - Ann Example on the tolls
    else:
        dash = max(after.rfind(" " + d) for d in DASHES)
        if dash < 0 or any(ch in after[:dash] for ch in ".!?;:") or len(after[dash + 2:].split()) > 4:
            return None, 0.0, None  # "… 'closed until May' -Ann Example": a short credit ends the line
        start = q.end + dash + 2
    name = []
    for i in doc.tokens_in(start, line_end)[:6]:
        tok = doc.doc[i]
        if tok.is_punct or tok.is_space:
            continue
        if tok.dep_ in ("pobj", "dobj") or tok.pos_ in ("VERB", "ADP") or not tok.text.lstrip(DASHES)[:1].isupper():
            break
        speaker = doc.tok_actor.get(i)
        if speakers.voice(speaker) is not None:
            return speaker, 0.7, "-"
        name.append(tok.text.lstrip(DASHES))
    # a headline the actor finder did not read: the actor of the body whose name ends so ("-Example")
    if name:
        last = name[-1].lower()
        named = {iri for iri in doc.tok_actor.values() if speakers.voice(iri) is not None}
        hits = [iri for iri in named if speakers.actor(iri).name.lower().split()[-1:] == [last]]
        if len(hits) == 1:
            return hits[0], 0.6, "-"
    return None, 0.0, None


def label_speaker(doc: ParsedArticle, speakers: SpeakerResolver, line_start: int,
                  log: SpeakerLog = ()) -> tuple[str | None, float, str | None]:
    """The speaker of a labelled quote block ("Source: Ann Example in an interview" … "Quote: "…""):
    the speaker of the paragraphs since the label line before (the first reported to speak in the
    latest paragraph where one is: "Details: Example noted that the council …" and a paragraph of
    narration before the label), else the
    first actor (not an outlet) named in the paragraph right before the label line, else in the
    nearest "Source:" line above it."""
    text = doc.article.text
    body = doc.article.body_start
    lines, pos = [], body
    for line in text[body:line_start].split("\n"):
        if line.strip():
            lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    if not lines:
        return None, 0.0, None
    labelled = [b for b, e in lines if ":" in text[b:e] and text[b:e].lstrip().split(":", 1)[0].strip().lower()
                in QUOTE_LABELS | SOURCE_LABELS]
    since = max([labelled[-1] if labelled else body, lines[max(0, len(lines) - 3)][0]])
    spoke = [(i, iri) for i, iri in log if since <= doc.doc[i].idx + doc.offset < line_start
             and speakers.voice(iri) is not None and not doc.in_quotes(i)]
    if spoke:
        # the latest paragraph with a speaker, its first (the one reporting, not a subject it reports)
        last = text.rfind("\n", 0, doc.doc[max(spoke)[0]].idx + doc.offset)
        return min((i, iri) for i, iri in spoke if doc.doc[i].idx + doc.offset > last)[1], 0.7, ":"
    sources = [(b, e) for b, e in lines
               if text[b:e].lstrip().split(":", 1)[0].strip().lower() in SOURCE_LABELS and ":" in text[b:e]]
    for (b, e), conf in ((lines[-1], 0.7), *((s, 0.65) for s in reversed(sources[-1:]))):
        for i in doc.tokens_in(b, e):
            iri = doc.tok_actor.get(i)
            if speakers.voice(iri) is not None:
                return iri, conf, ":"
    return None, 0.0, None


def quote_colon_speaker(doc: ParsedArticle, speakers: SpeakerResolver, log: SpeakerLog,
                        q: Quote) -> tuple[str | None, float, str | None]:
    """The speaker of a headline ``"…": X on the plan`` (a quote opening its line, then a colon): the
    actor named first in the few words after the colon, as their subject or head, not as an object."""
    text = doc.article.text
    line_end = line_of(text, q.begin, q.end)[1]
    after = text[q.end:line_end]
    rest = after.lstrip(DOUBLE_CLOSE + SINGLE_CLOSE + " ")
    if not rest.startswith(":"):
        return None, 0.0, None
    start = q.end + len(after) - len(rest) + 1
    toks = doc.tokens_in(start, line_end)[:6]
    for i in toks:
        tok = doc.doc[i]
        if tok.is_punct or tok.is_space:
            continue
        if tok.dep_ in ("pobj", "dobj") or tok.pos_ in ("VERB", "ADP"):
            break
        speaker = doc.tok_actor.get(i)
        if speakers.voice(speaker) is not None:
            return speaker, 0.7, ":"
    return None, 0.0, None


def colon_intro(doc: ParsedArticle, speakers: SpeakerResolver, q: Quote):
    """The verb introducing a quote that opens its paragraph from the end of the paragraph before,
    which ends with a colon ('He replied:' / 'She then turned to the tolls:' and the quote below):
    the reporting verb nearest the colon in that sentence, else the sentence's main verb. None when
    the paragraph before does not end so."""
    text = doc.article.text
    line_start = text.rfind("\n", 0, q.begin) + 1
    if text[line_start:q.begin].strip(DOUBLE_OPEN + SINGLE_OPEN + " \t") or line_start <= doc.article.body_start:
        return None
    before = text[doc.article.body_start:line_start].rstrip()
    if not before.endswith(":"):
        return None
    colon = doc.article.body_start + len(before) - 1
    toks = doc.tokens_in(colon, colon + 1)
    if not toks:
        return None
    sent = doc.doc[toks[0]].sent
    verbs = sorted((t for t in sent if speakers.cues.is_reporting(t)), key=lambda t: -t.i)
    if verbs:
        return verbs[0]
    return sent.root if sent.root.pos_ in ("VERB", "AUX") else None


def lead_clause(doc: ParsedArticle, toks, cues):
    """The reporting verb of the clause that ends right before a quote, at a comma or a colon ('…, to
    which X responded with a smile, "…"'): the verb the quote follows. None when there is none."""
    tokens = doc.doc
    j, marks = toks[0] - 1, ""
    while j >= 0 and toks[0] - j <= 3 and (tokens[j].is_punct or tokens[j].is_space):
        marks += tokens[j].text
        j -= 1
    if j < 0 or not any(c in marks for c in ",:") or "\n" in marks:
        return None
    node = tokens[j]
    for _ in range(6):
        if node.i >= toks[0]:
            return None
        if cues.is_reporting(node) and node.pos_ in ("VERB", "AUX") and node.right_edge.i <= j:
            return node
        if is_root(node):
            return None
        node = node.head
    return None


def is_frame(sent, cues) -> bool:
    """True when a short sentence is a bare reporting frame ('She said.', 'Said the mayor.'): its
    reporting verb comes first or right after its subject, with no words of its own before them
    ('Not so fast, says the mayor.' answers the quote, it does not frame it)."""
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    verb = next((t for t in words if cues.is_reporting(t)), None)
    if verb is None:
        return False
    before = [t for t in words if t.i < verb.i]
    subject = {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    return all(t.i in subject for t in before)


def frame_verb(doc: ParsedArticle, toks):
    """The verb of the short clause right after a quote closed by a comma, question or exclamation
    mark ('"…," he continued', '"…?" began the statement'): in that frame any verb reports the quote.
    None when there is no such clause."""
    tokens = doc.doc
    j, marks = toks[-1] + 1, tokens[toks[-1]].text[-1:]
    while j < len(tokens) and j <= toks[-1] + 3 and (tokens[j].is_punct or tokens[j].is_space):
        marks += tokens[j].text
        j += 1
    if not any(c in marks for c in ",?!"):
        return None
    for t in tokens[j:j + 5]:
        if t.is_punct or t.is_space or t.dep_ == "prep":
            return None
        if t.pos_ == "VERB":
            return t
    return None


def colon_clause_verb(doc: ParsedArticle, toks):
    """The main verb of the clause a colon ends right before a quote that is a sentence's worth ('X
    questioned the recording with a post on social media: "Fake."'): who does it says the words.
    None when no colon comes right before the quote or the clause has no verb."""
    tokens = doc.doc
    j, marks = toks[0] - 1, ""
    while j >= 0 and toks[0] - j <= 3 and (tokens[j].is_punct or tokens[j].is_space):
        marks += tokens[j].text
        j -= 1
    if j < 0 or ":" not in marks or "\n" in marks:
        return None
    last = tokens[toks[-1]].text[-1:]
    if last not in ".!?…" and not (toks[-1] + 1 < len(tokens) and tokens[toks[-1] + 1].text[:1] in ".!?"):
        return None
    root = tokens[j].sent.root
    return root if root.pos_ == "VERB" and root.i < toks[0] else None


def noun_frame(doc: ParsedArticle, toks, cues):
    """A reporting verb the parser took for a plural noun, its subject for a compound ('"…," the
    publication states.', 'These results, the paper notes, "…"'): in the short clause right after a
    quote closed by a comma, or between commas right before the quote. None when there is none."""
    tokens = doc.doc

    def misparsed(t) -> bool:
        if t.tag_ != "NNS" or t.lemma_.lower() not in cues.reporting_single or t.i < 2:
            return False
        c = tokens[t.i - 1]
        return c.dep_ == "compound" and c.head.i == t.i and c.pos_ in ("NOUN", "PROPN") \
            and (tokens[t.i - 2].dep_ == "det" or c.pos_ == "PROPN")

    j, marks = toks[-1] + 1, tokens[toks[-1]].text[-1:]
    while j < len(tokens) and j <= toks[-1] + 3 and (tokens[j].is_punct or tokens[j].is_space):
        marks += tokens[j].text
        j += 1
    if any(c in marks for c in ",?!"):
        for t in tokens[j:j + 4]:
            if t.is_punct or t.is_space:
                break
            if misparsed(t):
                return t
    j = toks[0] - 1
    while j >= 0 and toks[0] - j <= 3 and (tokens[j].is_punct or tokens[j].is_space):
        j -= 1
    if j >= 0 and misparsed(tokens[j]) and j + 1 < toks[0] and tokens[j + 1].text == ",":
        return tokens[j]
    return None


def lead_verb(doc: ParsedArticle, toks):
    """The verb right before a quote ('X tweeted, "…"', 'He saluted "all efforts …."', 'the MP argued:
    "…"'), when the quote is a sentence's worth (ends as a sentence does, or follows a comma or a
    colon) rather than a phrase in someone else's clause. None when there is no such verb."""
    tokens = doc.doc
    j, marks = toks[0] - 1, ""
    while j >= 0 and toks[0] - j <= 3 and (tokens[j].is_punct or tokens[j].is_space):
        marks += tokens[j].text
        j -= 1
    if j < 0 or tokens[j].pos_ != "VERB" or any(c in marks for c in ".!?"):
        return None
    words = [tokens[i] for i in toks if not tokens[i].is_punct]
    sentence = tokens[toks[-1]].text[-1:] in ".!?…" or (toks[-1] + 1 < len(tokens)
                                                        and tokens[toks[-1] + 1].text[:1] in ".!?")
    if any(c in marks for c in ",:") or (sentence and len(words) >= 4):
        return tokens[j]
    return None


def inverted_subject(verb):
    """The speaker of an inverted frame ('"…," said the ministry', '"…," tweeted X'): the noun right
    after the verb that the parser took for its object."""
    for c in verb.children:
        if c.i > verb.i and c.dep_ in ("dobj", "attr", "npadvmod", "nsubj", "oprd") and \
                c.pos_ in ("NOUN", "PROPN"):
            return c
    return None


def speech_owner(speakers: SpeakerResolver, toks, inside):
    """(noun, possessor) when the quote hangs off a noun naming someone's words (directly or through
    "of"/"about") with a possessor ("Trump's statement of a possible "swapping"", "his remarks on "…""), before any
    verb; else None."""
    tokens = speakers.doc.doc
    heads = token_table(tokens).head
    head = tokens[toks[0]]
    for i in toks:  # the quote's own head: the token whose head is outside the quote
        if heads[i] not in inside:
            head = tokens[i]
            break
    node = head
    if is_root(node):
        return None
    node = node.head
    through = node.dep_ == "prep" and (node.lower_ == "of" or node.lower_ in ABOUT_PREPOSITIONS) and not is_root(node)
    if through:
        node = node.head  # "statement of "…"", "remarks about "…""
    # a speech act's words through a preposition ("a warning about "…"") or its content clause (below),
    # not a phrase the parser hung on it ("calling Westland's claims "absurd"")
    content = any(c.dep_ == "mark" and c.lower_ == "that" for c in head.children)  # "X's claim that "…""
    if words_noun(speakers, node) and (through or content or node.lemma_.lower() in speakers.lex.source_nouns):
        poss = possessor_of(node) or author_of_words(node)
        return (node, poss) if poss is not None else None
    # "X's comments that Y should have the "…"": the clause the words stand in says what the noun
    # says, up to the noun (no verb of speech on the way)
    for _ in range(4):
        if node.pos_ not in ("VERB", "AUX") or node.dep_ not in ("acl", "ccomp") or is_root(node) \
                or speakers.cues.is_reporting(node):
            return None
        if not any(c.dep_ == "mark" and c.lower_ == "that" for c in node.children):
            node = node.head
            continue
        owner = node.head
        if words_noun(speakers, owner):
            poss = possessor_of(owner) or author_of_words(owner)
            return (owner, poss) if poss is not None else None
        return None
    return None


def words_noun(speakers: SpeakerResolver, node) -> bool:
    """True when a noun names someone's words: a statement, remark or speech, or a speech act (a claim,
    a warning, a pledge)."""
    return node.pos_ == "NOUN" and (node.lemma_.lower() in speakers.lex.source_nouns
                                    or node.lemma_.lower() in SPEECH_ACT_NOUNS)


def author_of_words(noun):
    """The name in "a statement by X", "a warning from X" (the words' author); None when there is none."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("by", "from") and c.i > noun.i:
            obj = next((g for g in c.children if g.dep_ == "pobj" and g.pos_ in ("PROPN", "NOUN")), None)
            if obj is not None:
                return obj
    return None


def holder(speakers: SpeakerResolver, tok, log: SpeakerLog) -> str | None:
    """The actor a possessor or a complement names: a possessive pronoun's antecedent ("his"), else
    the name's actor; None for an outlet or no one."""
    if tok.lower_ in POSSESSIVE_PRONOUNS:
        iri = speakers.possessor(tok, log)
    else:
        iri, source, _ = speakers.resolve(tok, log)
        if source is not None:
            return None
    return iri if speakers.voice(iri) is not None else None


def view_holder(doc: ParsedArticle, sent, inside):
    """The possessor of "in X's view / opinion / words" or the complement of "in the view of X" in the
    quote's sentence, outside the quote (whose assessment the quoted words are); None when there is none.

    The phrase must be hung on the sentence's own clause: "in Ann Example's view" said of the quote.
    """
    tokens = doc.doc
    for t in sent:
        if t.i in inside or t.lower_ != "in" or t.dep_ != "prep":
            continue
        noun = next((c for c in t.children if c.dep_ == "pobj" and c.lemma_.lower() in VIEW_NOUNS), None)
        if noun is None or doc.in_quotes(noun.i):
            continue
        poss = possessor_of(noun)
        if poss is not None:
            return poss
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if obj is not None and obj.pos_ in ("PROPN", "NOUN"):
            return obj
    return None


def speech_noun_owner(speakers: SpeakerResolver, sent):
    """(noun, possessor) for a noun of someone's words with a possessor in a colon-ended sentence
    introducing quotes ("Following are extracts from her speech:"): the latest such noun; else None."""
    for t in reversed(list(sent)):
        if t.pos_ == "NOUN" and t.lemma_.lower() in speakers.lex.source_nouns:
            poss = possessor_of(t)
            if poss is not None:
                return t, poss
    return None


def possessor_of(noun):
    """The possessor of a noun: its "poss" child, or a name the parser hung on it with a bare
    apostrophe ("Francis’ comments")."""
    for c in noun.children:
        if c.dep_ == "poss":
            return c
        if c.dep_ in ("nmod", "compound") and c.i < noun.i and \
                any(g.dep_ == "case" and g.text in ("’", "'", "’s", "'s") for g in c.children):
            return c
    return None


def outlet_reporting(speakers: SpeakerResolver, verb, subj, speaker: str) -> bool:
    """True when the subject of "report" is a name the gazetteer does not know (an outlet: "Harbour
    News reported …"); the gazetteer's outlets are sources already."""
    if verb.lemma_.lower() != "report" or subj is None or subj.pos_ != "PROPN":
        return False
    actor = speakers.actor(speaker)
    return actor is not None and not actor.from_gazetteer


def governs(outer, inner, through: tuple[str, ...] | None = None) -> bool:
    """True when ``outer`` is an ancestor of ``inner`` in the parse (``through``: by arcs of these
    dependency labels only)."""
    tok = inner
    for _ in range(40):
        if is_root(tok) or (through is not None and tok.dep_ not in through):
            return False
        tok = tok.head
        if tok.i == outer.i:
            return True
    return False


def contrastive_clause(inner, outer) -> bool:
    """True when ``inner`` heads (or stands in) a clause with a subject of its own set against the rest
    by a contrastive subordinator ("…, while Bob Sample insisted …"), below ``outer``."""
    node = inner
    for _ in range(8):
        if node.i == outer.i or is_root(node):
            return False
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONTRASTIVE_MARKS for c in node.children) \
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
            return True
        node = node.head
    return False


def state_actor(speakers: SpeakerResolver, iri: str) -> bool:
    """True when the actor ``iri`` is a state (a country named as a clause's subject, "Westland wants …").

    >>> class _Index:
    ...     def actor(self, iri): return type("A", (), {"kind": "state" if iri == "s" else "person"})()
    >>> state_actor(_Index(), "s"), state_actor(_Index(), "p")
    (True, False)
    """
    actor = speakers.actor(iri)
    return actor is not None and actor.kind == "state"


def body_or_state(speakers: SpeakerResolver, iri: str | None) -> bool:
    """True when the actor ``iri`` is a state or an organisation (not a person or a group)."""
    actor = speakers.actor(iri) if iri else None
    return actor is not None and actor.kind in ("state", "organisation")


def paragraph_topic(doc: ParsedArticle, speakers: SpeakerResolver, log: SpeakerLog, q: Quote) -> str | None:
    """The person a paragraph of quoted words alone is given to when the paragraph before ends with
    a sentence about that person ('Governor Ann Example ordered an evacuation. ¶ "Do not wait."',
    'In his view, the measures will work. ¶ "…"'): the person actor that sentence's main clause has as
    its subject (a name or a pronoun), else as the possessor of its fronted "in X's view". None when
    the quote does not fill its paragraph, does not end as a sentence does (a crosshead), or that
    sentence is about no one person."""
    text = doc.article.text
    line_start, line_end = line_of(text, q.begin, q.end)
    marks = DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE + " \t.,!?…"
    if line_start <= doc.article.body_start or text[line_start:q.begin].strip(marks) \
            or text[q.pieces[-1].end:line_end].strip(marks):
        return None
    if text[line_start:line_end].rstrip(DOUBLE_CLOSE + SINGLE_CLOSE + " \t")[-1:] not in ".!?…":
        return None  # a crosshead in quotation marks is no one's words
    before = text[doc.article.body_start:line_start].rstrip()
    if not before or before[-1] not in ".!?…":
        return None  # the paragraph before is a headline or ends with a colon (another pattern's)
    toks = doc.tokens_in(doc.article.body_start + len(before) - 1, doc.article.body_start + len(before))
    if not toks:
        return None
    sent = doc.doc[toks[0]].sent
    if any(doc.in_quotes(t.i) for t in sent):
        return None  # a quote of its own there, attributed or not, speaks for someone else
    root = sent.root
    cands = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    view = view_holder(doc, sent, set())
    if view is not None:
        cands.append(view)
    for tok in cands:
        iri = holder(speakers, tok, log) if tok.lower_ in POSSESSIVE_PRONOUNS else speakers.resolve(tok, log)[0]
        actor = speakers.voice(iri)
        if actor is not None and actor.kind == "person":
            return iri
    return None


def first_person(words, table) -> bool:
    """True when quoted words (token indices) say "I" or "we": the words of the one who speaks them."""
    return any(table.lower[i] in PRONOUNS_FIRST for i in words)


def phrase_in(sent, inside) -> bool:
    """True when the quoted words are a phrase in the writer's sentence (under half its words), not
    the sentence itself."""
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    return sum(1 for t in words if t.i in inside) < 0.5 * len(words)


MAX_VOICE_GAP = 2  # sentences between a speaker's quote and the frameless quote that continues it


def same_voice(doc: ParsedArticle, cues, first: int, last: int) -> bool:
    """True when sentence ``last`` continues the voice of sentence ``first`` in one paragraph: at most
    :data:`MAX_VOICE_GAP` sentences between them, no paragraph break, and none of them with a verb
    of speech or an actor as a subject outside quotation marks (no one else is brought in to
    speak)."""
    if not 1 < last - first <= MAX_VOICE_GAP + 1:
        return False
    text = doc.article.text
    b = doc.doc[doc.sents[first].end - 1].idx + doc.offset
    e = doc.doc[doc.sents[last].start].idx + doc.offset
    if "\n" in text[b:e]:
        return False
    for n in range(first + 1, last):
        for t in doc.sents[n]:
            if doc.in_quotes(t.i):
                continue
            if (t.i in doc.tok_actor and t.dep_ in ("nsubj", "nsubjpass")) or cues.is_reporting(t):
                return False
    return True


def worded(doc: ParsedArticle, first: int, last: int) -> bool:
    """True when a sentence ``first`` … ``last - 1`` has a word (not only marks and breaks: the
    closing mark of a quote, split off as a sentence of its own)."""
    return any(t.is_alpha for n in range(first, last) for t in doc.sents[n])
