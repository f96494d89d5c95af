"""Who said it: speakers of quotes, and reported speech.

Patterns covered: ``"…," X said`` / ``X said, "…"`` / ``X, the <role>, said`` /
``according to X`` / ``X told <outlet>`` / ``X termed/called/described … "…"`` /
participles that inherit their subject ("Dubbing it a ‘gesture’, X said") /
headlines of the form ``Claim: Source`` / quotes alone in a sentence right after
one attributed to a speaker / pronouns and definite role phrases ("he", "the
spokesman") referring back to the right earlier actor. Outlets and agencies that
relay words (gazetteer ``sg:isSource``) are recorded as sources, never as
speakers. A quote with no reporting evidence stays without a speaker.
"""

from __future__ import annotations

from rapidfuzz import fuzz

from .actors import (POSSESSIVE_PRONOUNS, PRONOUNS_FIRST, PRONOUNS_GROUP, PRONOUNS_PERSON, PRONOUNS_THING,
                     role_phrase)
from .claim_events import event_lexicon
from .context import DocContext
from .matcher import forms, is_root, phrasal
from .model import DIRECT, MIXED, REPORTED, Span, Statement
from .quotes import DOUBLE_OPEN, SINGLE_OPEN, Quote
from .window import WINDOW, MentionWindow

SUBJ = ("nsubj", "nsubjpass", "csubj")
INHERIT = ("advcl", "xcomp", "conj", "acl", "pcomp", "relcl", "ccomp", "prep", "pobj", "dobj")


class Attributor:
    def __init__(self, ctx: DocContext):
        self.ctx = ctx
        self._window: MentionWindow | None = None
        lex = ctx.resources.lexicon
        self.reporting_single = {p[0] for p in lex.reporting if len(p) == 1}
        self.predicate_single = {p[0]: pol for p, pol in lex.predicates if len(p) == 1}
        self.reporting_multi = {p for p in lex.reporting if len(p) == 2}
        self.predicate_multi = {p: pol for p, pol in lex.predicates if len(p) == 2}
        self.lex = lex
        titles = {}
        gaz = ctx.resources.gazetteer
        for post in gaz.posts.values():
            for t in post.titles:
                titles[t.lower()] = post.iri
        self.titles = titles

    # ----------------------------------------------------------- tokens ---
    def is_reporting(self, tok) -> bool:
        low, lemma = forms(tok)
        if not (lemma in self.reporting_single or low in self.reporting_single):
            pv = phrasal(tok) if tok.pos_ == "VERB" else None
            return pv is not None and pv in self.reporting_multi  # "pointed out", "ruled out"
        return tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "amod", "attr"))

    def is_predicate(self, tok) -> bool:
        low, lemma = forms(tok)
        if lemma in self.predicate_single or low in self.predicate_single:
            return True
        pv = phrasal(tok) if tok.pos_ == "VERB" else None
        return pv is not None and pv in self.predicate_multi

    def subject_of(self, verb, depth: int = 0):
        """The subject token of a verb, inherited from governing verbs when it has none.

        A relative pronoun subject ("the mayor, who said …") stands for the noun the clause modifies.
        """
        subjects = [c for c in verb.children if c.dep_ in SUBJ]
        # "quoted X as saying", "cited X as saying": X is the subject.
        if not subjects and verb.dep_ == "pcomp" and verb.head.lower_ == "as" and not is_root(verb.head):
            obj = next((c for c in verb.head.head.children if c.dep_ == "dobj" and c.pos_ in ("PROPN", "NOUN")), None)
            if obj is not None:
                return obj
        # Object control: "led X to label …", "urged X to reject …": X is the subject.
        if not subjects and verb.dep_ == "xcomp" and not is_root(verb) and verb.head.lemma_.lower() not in \
                ("promise", "pledge", "vow"):
            obj = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i
                        and c.pos_ in ("PROPN", "NOUN")), None)
            if obj is not None:
                return obj
        if subjects:
            # With several subjects (a parser slip), the one naming an actor, else the nearest.
            subjects.sort(key=lambda c: (c.i not in self.ctx.tok_actor and c.lower_ not in PRONOUNS_PERSON,
                                         abs(c.i - verb.i)))
            child = subjects[0]
            if child.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
                return verb.head
            return child
        for child in verb.children:
            if child.dep_ == "agent":
                for g in child.children:
                    if g.dep_ == "pobj":
                        return g
        if depth < 4 and verb.dep_ in INHERIT and not is_root(verb):
            if verb.dep_ == "relcl":
                return None
            return self.subject_of(verb.head, depth + 1)
        return None

    # ----------------------------------------------------------- actors ---
    def resolve(self, tok, for_quote: bool = True) -> tuple[str | None, str | None, float]:
        """(speaker IRI, source IRI, confidence) named by a subject token."""
        ctx = self.ctx
        if tok is None:
            return None, None, 0.0
        iri = self._mentioned(tok)
        if iri:
            actor = ctx.actor(iri)
            if actor is not None and actor.is_source:
                return None, iri, 0.0
            return iri, None, 0.9
        low = tok.lower_
        if ctx.doc_speaker and low in PRONOUNS_FIRST and not self._quoted(tok):
            return ctx.doc_speaker, None, 0.85  # the document's own voice
        if low in PRONOUNS_PERSON:
            return self._antecedent(tok, person=True), None, 0.7
        if low in PRONOUNS_GROUP:
            return self._antecedent(tok, person=False), None, 0.6
        if low in PRONOUNS_THING and tok.dep_ in ("nsubj", "nsubjpass"):
            # "it said in a statement": the body named last, never a person or a state's name alone
            return self._antecedent(tok, person=False, strict=True), None, 0.55
        if tok.lemma_.lower() in self.lex.source_nouns and not self.lex.role_nouns.get(tok.lemma_.lower()):
            # "the statement said", "a communique issued by X": the body whose document it is
            owner = self._source_owner(tok)
            if owner is tok:
                owner = self._issuer(tok)
            if owner is not None and owner is not tok:
                return self.resolve(owner, for_quote)
            ante = self._antecedent(tok, person=False, role=None, strict=True)
            return (ante, None, 0.55) if ante else (None, None, 0.0)
        rp = role_phrase(tok, self.lex)
        if rp is not None:
            start, end, kind = rp
            of_phrase = self._group_of(tok) if kind == "group" else None
            words = [t for t in ctx.doc[start:end] if t.dep_ != "det" and t.lower_ not in ("'s", "’s")]
            text = " ".join(t.text for t in words)
            holder = self._title_holder(text)
            if holder:
                return holder, None, 0.8
            det = [t.lower_ for t in ctx.doc[start:end] if t.dep_ == "det"]
            modifiers = [t for t in ctx.doc[start:end] if t.dep_ in ("amod", "compound", "nmod", "poss") and t.i != tok.i]
            bare = not [m for m in modifiers if m.lower_ not in POSSESSIVE_PRONOUNS] and of_phrase is None
            role = tok.lemma_.lower()
            outlet = role in self.lex.source_nouns or tok.lower_ in self.lex.source_nouns
            if bare and (det[:1] == ["the"] or len(modifiers) > 0):
                ante = self._antecedent(tok, person=kind == "person", role=role, sources=outlet)
                if ante:
                    return ante, None, 0.65
                return None, None, 0.0
            # "a spokesperson for X", "X's unnamed spokesperson": a role of a named actor, affiliated to it
            others = [m for m in modifiers if m.dep_ != "poss"]
            owner = self._role_owner(tok, possessor=not others)
            if owner is not None and kind != "group":
                actor = ctx.actor(owner)
                return ctx.index.mint(f"{actor.name}'s {tok.lower_}", kind, affiliation=owner), None, 0.7
            # A definite descriptor ("the former prime minister", "the federal agency") names an actor
            # mentioned nearby, not a new actor named after the descriptor.
            if det[:1] == ["the"]:
                ante = self._antecedent(tok, person=kind == "person", role=role, strict=True, sources=outlet)
                if ante:
                    return ante, None, 0.6
            if tok.lower_ in self.lex.source_nouns or (bare and not (kind == "group" and not det)):
                return None, None, 0.0  # a bare plural ("critics said") is still a collective
            holder = self._role_in_article([t.lower_ for t in words])
            if holder:
                return holder, None, 0.6
            if of_phrase is not None:
                end = of_phrase  # "heads of the breakaway regions", "members of the council"
            words = [t for t in ctx.doc[start:end] if not (t.dep_ == "det" and t.i == start)]
            name = "".join(t.text_with_ws for t in words).strip().replace(" 's", "'s").replace(" ’s", "’s")
            affiliation = next((ctx.tok_actor[t.i] for t in ctx.doc[start:end] if t.i in ctx.tok_actor), None) \
                or next((self._demonym_state(t) for t in ctx.doc[start:end] if self._demonym_state(t)), None)
            return ctx.index.mint(name, kind, affiliation=affiliation), None, 0.6
        if tok.ent_type_ in ("ORG", "GPE", "NORP") and tok.pos_ == "PROPN":
            span = ctx.ent_at.get(tok.i)
            if span is not None and span.label_ == "ORG":
                return ctx.index.mint(span.text, "organisation"), None, 0.6
        return None, None, 0.0

    def possessor(self, tok) -> str | None:
        """The actor a possessive pronoun stands for ("its", "his", "their")."""
        low = tok.lower_
        if low in ("his", "her"):
            return self._antecedent(tok, person=True)
        if low in ("its", "their"):
            return self._antecedent(tok, person=False)
        if low in ("my", "our") and self.ctx.doc_speaker and not self._quoted(tok):
            return self.ctx.doc_speaker
        return None

    def _quoted(self, tok) -> bool:
        at = tok.idx + self.ctx.offset
        return any(b <= at < e for b, e in self.ctx.quoted_chars)

    def _mentioned(self, tok) -> str | None:
        ctx = self.ctx
        if tok.i in ctx.tok_actor:
            return ctx.tok_actor[tok.i]
        # "the Pentagon secretary": an organisation naming a role's holder is not the speaker itself.
        if self.lex.role_nouns.get(tok.lower_) or self.lex.role_nouns.get(tok.lemma_.lower()):
            orgs = [c for c in tok.children if c.dep_ == "compound" and c.i in ctx.tok_actor
                    and (ctx.actor(ctx.tok_actor[c.i]) or None) is not None
                    and ctx.actor(ctx.tok_actor[c.i]).kind != "person"]
            if orgs:
                words = [t.lower_ for t in tok.subtree if t.i <= tok.i and t.dep_ != "det"]
                holder = self._title_holder(" ".join(words)) or self._role_in_article(words)
                return holder or ctx.tok_actor[orgs[0].i]
        # A name inside the subject phrase (compounds, appositions, also of a conjoined role:
        # "the negotiator and adviser, Ann Example"), not inside its prepositions.
        for node in [tok] + [c for c in tok.children if c.dep_ == "conj"]:
            for child in node.children:
                if child.dep_ in ("compound", "appos", "amod") and child.i in ctx.tok_actor:
                    return ctx.tok_actor[child.i]
        return None

    @staticmethod
    def _group_of(tok) -> int | None:
        """End of a short "of" complement naming whose group it is ("heads of the two republics")."""
        prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == tok.i + 1), None)
        if prep is None:
            return None
        end = prep.right_edge.i + 1
        return end if end - prep.i <= 8 and not any(t.pos_ == "VERB" for t in prep.subtree) else None

    def _demonym_state(self, tok) -> str | None:
        """The state a demonym names ("Western" none, "Hungarian" the state whose sovereign has it)."""
        lex = event_lexicon(self.ctx.resources)
        key = lex.demonyms.get(tok.lower_)
        return next((iri for iri, k in lex.state_sovereign.items() if k == key), None) if key else None

    def _role_owner(self, tok, possessor: bool = True) -> str | None:
        """The named actor a role noun belongs to: "spokesperson for X", "spokesman of X", "X's aide"."""
        ctx = self.ctx
        for child in tok.children:
            if possessor and child.dep_ == "poss" and child.lower_ not in POSSESSIVE_PRONOUNS:
                iri = ctx.tok_actor.get(child.i)
                if iri:
                    return iri
            if child.dep_ == "prep" and child.lower_ in ("for", "of", "to"):
                for g in child.children:
                    if g.dep_ == "pobj":
                        iri = ctx.tok_actor.get(g.i) or next((ctx.tok_actor[c.i] for c in g.children
                                                              if c.dep_ in ("compound", "appos") and c.i in ctx.tok_actor), None)
                        actor = ctx.actor(iri) if iri else None
                        if actor is not None and not actor.is_source:
                            return iri
        return None

    def _title_holder(self, text: str) -> str | None:
        low = text.lower().replace("’", "'")
        gaz = self.ctx.resources.gazetteer
        post = self.titles.get(low)
        if post is None:
            # A misspelt title: same number of words, the same head noun, the rest nearly alike.
            words = low.split()
            best, score = None, 0.0
            for title, iri in self.titles.items():
                tw = title.split()
                if len(tw) != len(words) or tw[-1] != words[-1]:
                    continue
                s = fuzz.ratio(title, low)
                if s > score:
                    best, score = iri, s
            post = best if score >= 90 else None
        return self.ctx.index.holder(post) if post else None

    def _antecedent(self, tok, person: bool, role: str | None = None, strict: bool = False,
                    sources: bool = False, outlets_only: bool | None = None) -> str | None:
        """Most recent fitting actor before ``tok``: speakers first, then any mention.

        ``strict``: a person must hold (or have held) a post with the role word, an organisation
        must have it in its name; ``sources``: outlets may be meant ("the publication said")."""
        ctx = self.ctx
        if outlets_only is None:  # "the publication", "the agency": an outlet if one is near, else any body
            outlets_only = sources and role in self.lex.source_nouns
        sent = ctx.sent_of[tok.i]
        sstart = ctx.sents[sent].start
        pronoun = tok.lower_ in PRONOUNS_PERSON | PRONOUNS_GROUP
        if self._window is None:
            self._window = MentionWindow(ctx)
        # The sentence's topic (its earliest subject or possessor), then speakers, then other
        # mentions, most recent first, within a few sentences; "the ministry": an organisation
        # whose name has that word before any other.
        for cand in self._window.candidates(tok.i, role if role and not person else None):
            if cand is None:
                break
            i, iri = cand
            if pronoun and i >= sstart and self._in_participle_poss(ctx.doc[i]):
                continue  # "Ridiculing X's claim, she said": not X
            if sent - ctx.sent_of[i] > WINDOW:
                break
            actor = ctx.actor(iri)
            if actor is None or (actor.is_source and not sources):
                continue
            if outlets_only and not actor.is_source and role not in actor.name.lower():
                continue  # "the publication": an outlet first
            if strict and not person and not sources and actor.kind != "organisation":
                continue
            if person and actor.kind != "person":
                continue
            if not person and actor.kind == "person":
                continue
            if role and actor.kind == "person" and not self._has_role(actor.iri, role):
                continue
            return iri
        if outlets_only:
            return self._antecedent(tok, person, role, strict, sources, outlets_only=False)
        if role and not strict:
            return self._antecedent(tok, person, None) if person else None
        return None

    @staticmethod
    def _in_participle_poss(tok) -> bool:
        """A possessor inside a participle clause ("Ridiculing X's claim, she said"): not the antecedent
        of the clause's own pronoun subject."""
        if not (tok.dep_ == "poss" or tok.head.dep_ == "poss"):
            return False
        node = tok
        for _ in range(8):
            if is_root(node):
                return False
            node = node.head
            if node.dep_ == "advcl" and node.tag_ == "VBG":
                return True
        return False

    def _role_in_article(self, words: list[str]) -> str | None:
        """The one person named in this article whose post titles contain all these words."""
        ctx = self.ctx
        gaz = ctx.resources.gazetteer
        found = set()
        for iri in set(ctx.tok_actor.values()):
            actor = ctx.actor(iri)
            if actor is None or actor.kind != "person":
                continue
            for post in gaz.posts_of(iri, ctx.index.day):
                for title in post.titles:
                    tw = title.lower().split()
                    if all(w in tw for w in words):
                        found.add(iri)
        return found.pop() if len(found) == 1 else None

    def _has_role(self, iri: str, role: str) -> bool:
        gaz = self.ctx.resources.gazetteer
        role = role.rstrip("s")
        stems = {role, role.replace("spokesman", "spokes").replace("spokesperson", "spokes")
                 .replace("spokeswoman", "spokes")}
        for post in gaz.posts_of(iri, self.ctx.index.day) or gaz.posts_of(iri, None):
            text = " ".join(post.titles).lower().replace("spokesman", "spokes").replace(
                "spokesperson", "spokes").replace("spokeswoman", "spokes")
            if any(s in text for s in stems):
                return True
        # Unnamed/minted actors: the role word is in their name.
        actor = self.ctx.actor(iri)
        if actor and role in actor.name.lower():
            return True
        # The article gives the role in apposition: "Ann Example, the former prime minister, …"
        doc = self.ctx.doc
        for i, a in self.ctx.tok_actor.items():
            if a != iri:
                continue
            for c in doc[i].children:
                if c.dep_ == "appos" and any(t.lemma_.lower().rstrip("s") in stems for t in c.subtree):
                    return True
        return False

    # ----------------------------------------------------------- quotes ---
    def is_title(self, toks) -> bool:
        """A quoted name of a show, book, bill or document ("Good Morning Harbour", "the Port Safety
        Act"): every longer word capitalised, no verb, no closing punctuation. Titles are not quotes."""
        doc = self.ctx.doc
        words = [doc[i] for i in toks if not doc[i].is_punct]
        if len(words) < 2 or doc[toks[-1]].text[-1:] in ".,!?;:":
            return False
        if any(t.pos_ in ("VERB", "AUX") for t in words):
            return False
        return all(t.text[:1].isupper() or len(t.text) <= 3 or not t.is_alpha for t in words)

    def attribute_quote(self, q: Quote, prev: Statement | None) -> Statement | None:
        ctx = self.ctx
        toks = ctx.tokens_in(q.begin, q.end)
        if not toks or self.is_title(toks):
            return None
        inside = set(toks)
        doc = ctx.doc
        sent = doc[toks[0]].sent
        # 1. reporting verbs governing the quote, innermost first
        chain = []
        for i in toks:
            h = doc[i]
            steps = 0
            while not is_root(h) and steps < 10:
                h = h.head
                steps += 1
                if h.i not in inside and self.is_reporting(h) and h not in chain:
                    chain.append(h)
        # 2. else the nearest reporting verb of the sentence
        dist = lambda t: min(abs(t.i - toks[0]), abs(t.i - toks[-1]))
        if chain and dist(chain[0]) > 25:
            chain = []
        if not chain:
            # the sentences the quote starts and ends in ('"One. Two," she said.')
            last = doc[toks[-1]].sent
            around = list(sent) + ([t for t in last] if last.start != sent.start else [])
            if toks[-1] + 1 < len(doc):
                nxt = doc[toks[-1] + 1].sent
                if nxt.start not in (sent.start, last.start) and len(nxt) <= 12:
                    around += list(nxt)  # '"…." She said.' split by the sentence splitter
            cands = sorted((t for t in around if t.i not in inside and self.is_reporting(t)), key=dist)
            chain = cands[:1]
        speaker, source, conf, cue, verb = None, None, 0.0, None, None
        # An attitude verb inside another speaker's speech ("X said the union agrees with the 'terms'")
        # does not own the quoted words: the speech verb above it does.
        if len(chain) > 1 and self.is_predicate(chain[0]) and not all(self.is_predicate(v) for v in chain[1:]):
            chain = [v for v in chain if not self.is_predicate(v)] + [v for v in chain if self.is_predicate(v)]
        own_text = None  # an outlet that is the innermost reporter quotes its own text
        for n, v in enumerate(chain):
            subj = self.subject_of(v)
            sp, src, cf = self.resolve(subj)
            if sp is None and src is None:
                continue
            if sp is None:
                # "TASS quoted X (as saying)": the outlet's object is the speaker
                obj = next((c for c in v.children if c.dep_ == "dobj" and c.pos_ == "PROPN"), None)
                if obj is not None:
                    osp, _, ocf = self.resolve(obj)
                    if osp is not None:
                        sp, cf = osp, ocf
            if sp is None and own_text is None and speaker is None:
                own_text = (src, v)
            # "X said they believed '…'": a pronoun subject under another reporting verb is that verb's speaker's.
            if subj is not None and subj.lower_ in PRONOUNS_GROUP | PRONOUNS_PERSON and n + 1 < len(chain) \
                    and self._governs(chain[n + 1], v):
                outer = self.resolve(self.subject_of(chain[n + 1]))
                if outer[0]:
                    sp, src, cf = outer
                    v = chain[n + 1]
            speaker, source, conf, verb = sp, src, cf, v
            cue = v.lemma_.lower()
            break
        if speaker is None and own_text is not None:
            speaker, conf, verb = own_text[0], 0.6, own_text[1]
            cue = verb.lemma_.lower()
        acc = self._according_to(sent, inside)
        if acc is not None:
            a_speaker, a_source, a_conf = self.resolve(acc)
            if a_source and not source:
                source = a_source
            if speaker is None and a_speaker:
                speaker, conf, cue = a_speaker, a_conf, "according to"
        # A line "X: “…”" (a headline or a transcript) gives the quote to X.
        if speaker is None and verb is None:
            speaker, conf, cue = self._colon_speaker(q)
        # 3. a quote that is its own sentence, right after a sentence that reports a speaker
        if speaker is None and verb is None:
            covered = sum(1 for t in sent if t.i in inside or t.is_punct)
            here = ctx.sent_of[toks[0]]
            if covered >= len(sent) - 1:
                if prev is not None and 0 <= here - prev.sentence <= 1:
                    speaker, conf, cue = prev.speaker, 0.6, prev.cue
                else:
                    recent = [(i, a) for i, a in ctx.speakers if 1 <= here - ctx.sent_of[i] <= 1]
                    if recent:
                        speaker, conf, cue = max(recent)[1], 0.55, None
        if speaker is None:
            return None
        whole = sum(1 for t in sent if t.i in inside) >= 0.6 * len([t for t in sent if not t.is_punct])
        mode = DIRECT if whole or len(q.text.split()) >= 6 else MIXED
        # A quoted fragment is read in the clause that carries it ("not seen … a 'constructive way'").
        self.last_scope = toks
        if mode == MIXED and verb is not None:
            self.last_scope = sorted(set(self._scope(verb, self.subject_of(verb))) | set(toks))
        spans = [Span(p.begin, p.end, ctx.article.text[p.begin:p.end]) for p in q.pieces]
        st = Statement(span=spans[0], speaker=speaker, mode=mode, cue=cue, quoted_text=q.text,
                       confidence=round(conf, 2), reported_by=source, sentence=ctx.sent_of[toks[0]],
                       extra_spans=spans[1:])
        ctx.speakers.append((toks[0], speaker))
        return st

    def _colon_speaker(self, q: Quote) -> tuple[str | None, float, str | None]:
        """The speaker of a line ``X: "…"``: a short name or descriptor opening the line, then a colon."""
        ctx = self.ctx
        text = ctx.article.text
        line_start = max(text.rfind("\n", 0, q.begin) + 1, ctx.article.body_start)
        before = text[line_start:q.begin].rstrip(DOUBLE_OPEN + SINGLE_OPEN + " ")
        if not before.endswith(":"):
            return None, 0.0, None
        left = before[:-1].strip()
        if not left or len(left.split()) > 6 or any(ch in left for ch in ".!?\"“”"):
            return None, 0.0, None
        lb = line_start + text[line_start:].index(left)
        toks = ctx.tokens_in(lb, lb + len(left))
        if not toks:
            return None, 0.0, None
        head = max((ctx.doc[i] for i in toks), key=lambda t: (t.head.i not in toks, t.i))
        speaker, _, conf = self.resolve(head)
        if speaker is None:
            speaker = next((ctx.tok_actor[i] for i in toks if i in ctx.tok_actor), None)
            conf = 0.6
        return (speaker, round(conf * 0.9, 2), ":") if speaker else (None, 0.0, None)

    @staticmethod
    def _governs(outer, inner) -> bool:
        """True when ``outer`` is an ancestor of ``inner`` in the parse."""
        tok = inner
        for _ in range(40):
            if is_root(tok):
                return False
            tok = tok.head
            if tok.i == outer.i:
                return True
        return False

    def _according_to(self, sent, inside):
        for t in sent:
            if t.i in inside:
                continue
            if t.lower_ == "according" and t.i + 1 < len(self.ctx.doc) and self.ctx.doc[t.i + 1].lower_ == "to":
                to = self.ctx.doc[t.i + 1]
                for c in to.children:
                    if c.dep_ == "pobj":
                        return self._source_owner(c)
            if t.lower_ == "per" and t.dep_ == "prep":
                for c in t.children:
                    if c.dep_ == "pobj":
                        return self._source_owner(c)
        return None

    def _issuer(self, tok):
        """ "a statement issued by X": X."""
        for c in tok.children:
            if c.dep_ in ("acl", "relcl"):
                for g in c.children:
                    if g.dep_ == "agent":
                        return next((p for p in g.children if p.dep_ == "pobj"), None)
        return None

    def _source_owner(self, tok):
        """'a statement from the alliance' -> the alliance; 'TASS' -> TASS."""
        if tok.lemma_.lower() in self.lex.source_nouns:
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
                    for g in c.children:
                        if g.dep_ == "pobj":
                            return g
                if c.dep_ == "poss":
                    return c
        return tok

    # --------------------------------------------------- reported speech ---
    def reported(self, quote_spans: list[tuple[int, int]]) -> list[tuple[Statement, list[int]]]:
        """Statements from reporting verbs and stance predicates with an actor subject.

        Returns each statement with the token indices of its scope (what the actor said).
        """
        ctx = self.ctx
        doc = ctx.doc
        out = []
        for tok in doc:
            if not self.is_reporting(tok) or tok.dep_ == "amod":
                continue
            # "X demanded that Y reject Z" reports X's demand, not something Y said.
            if tok.dep_ in ("ccomp", "xcomp") and not is_root(tok) and self.is_predicate(tok.head) \
                    and self.is_reporting(tok.head):
                continue
            head = tok
            if tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "attr") :
                head = tok.head
            subj = self.subject_of(head)
            speaker, source, conf = self.resolve(subj)
            if speaker is None:
                continue
            scope = self._scope(tok, subj)
            if not scope:
                continue
            span = ctx.span(scope[0], scope[-1] + 1)
            b, e = span.begin, span.end
            # A complement that is nothing but a quote is already the quote's statement.
            quoted = sum(min(e, qe) - max(b, qb) for qb, qe in quote_spans if qe > b and qb < e)
            if quoted >= 0.8 * (e - b):
                continue
            st = Statement(span=span, speaker=speaker, verb_token=tok.i,
                           mode=MIXED if quoted > 0 else REPORTED, cue=tok.lemma_.lower(),
                           confidence=round(conf * 0.9, 2), reported_by=source, sentence=ctx.sent_of[tok.i])
            if tok.dep_ not in ("acl", "amod"):  # "conditions proposed by X" does not make X the topic
                ctx.speakers.append((subj.i, speaker))
            out.append((st, scope))
        return out

    def _scope(self, verb, subj) -> list[int]:
        """Tokens of what the verb reports: its complements, without its subject."""
        doc = self.ctx.doc
        if subj is None:
            exclude = set()
        elif subj.left_edge.i <= verb.i <= subj.right_edge.i:
            exclude = set(range(subj.left_edge.i, subj.i + 1))  # "X, who said …": the clause hangs off X
        else:
            exclude = set(range(subj.left_edge.i, subj.right_edge.i + 1))
        comps = [c for c in verb.children
                 if c.dep_ in ("ccomp", "xcomp", "dobj", "attr", "oprd", "acomp", "pcomp", "dative")
                 or (c.dep_ == "prep" and c.lower_ in ("about", "on", "in", "to", "for", "of", "as", "with"))]
        # Infinitival clauses after the verb ("asserting its demand … to remain neutral").
        comps += [c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i
                  and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children)
                  and not any(x.dep_ in SUBJ or x.dep_ == "mark" for x in c.children)]
        if verb.pos_ == "ADJ":
            comps = [c for c in verb.children if c.dep_ in ("prep", "xcomp", "ccomp", "pcomp")]
        toks: set[int] = set()
        for c in comps:
            toks.update(range(c.left_edge.i, c.right_edge.i + 1))
        if not toks:
            toks.update(i for i in range(verb.left_edge.i, verb.right_edge.i + 1))
        # "claims, which officials refuse": the relative pronoun stands for the noun phrase it modifies.
        rel = next((c for c in verb.children if c.dep_ in ("dobj", "pobj", "nsubjpass")
                    and c.lower_ in ("which", "that")), None)
        clause = verb
        while rel is None and clause.dep_ in ("xcomp", "pcomp", "conj", "prep") and not is_root(clause):
            clause = clause.head
            rel = next((c for c in clause.children if c.dep_ in ("dobj", "pobj") and c.lower_ in ("which", "that")), None)
        top = verb
        while top.dep_ != "relcl" and not is_root(top) and top.dep_ in ("xcomp", "pcomp", "conj", "prep", "pobj"):
            top = top.head
        if rel is not None and top.dep_ == "relcl":
            noun = top.head
            toks.update(i for i in range(noun.left_edge.i, noun.i + 1))
        toks.add(verb.i)
        toks -= exclude
        # Stay inside the sentence; concessive clauses are the writer's; a nested
        # reporting verb with a speaker of its own reports that speaker, not this one.
        sent = verb.sent
        toks = {i for i in toks if sent.start <= i < sent.end}
        for i in sorted(toks):
            c = doc[i]
            if c.dep_ in ("advcl", "conj") and any(m.lower_ in ("although", "though", "whereas", "despite")
                                                   for m in c.children if m.dep_ == "mark"):
                toks -= set(range(c.left_edge.i, c.right_edge.i + 1))
            elif c.i != verb.i and self.is_reporting(c) and not self.is_predicate(c) and c.pos_ == "VERB":
                own = next((x for x in c.children if x.dep_ in ("nsubj", "nsubjpass")), None)
                if own is not None and own.lower_ not in PRONOUNS_PERSON | PRONOUNS_GROUP and self._mentioned(own):
                    toks -= set(range(c.left_edge.i, c.right_edge.i + 1))
        return sorted(toks)

    def narrated(self, taken: list[list[int]]) -> list[tuple[Statement, list[int]]]:
        """Positions stated in narration through a possessive ("the ministry's stated aim is …",
        "one of the council's conditions is …"): the possessor holds what the clause says."""
        ctx = self.ctx
        doc = ctx.doc
        covered = set().union(*map(set, taken)) if taken else set()
        out = []
        for tok in doc:
            if tok.pos_ != "NOUN" or not self.is_predicate(tok) or tok.i in covered:
                continue
            owner = next((c for c in tok.children if c.dep_ == "poss"), None)
            if owner is None or owner.lower_ in POSSESSIVE_PRONOUNS:
                continue
            holder = ctx.tok_actor.get(owner.i)
            actor = ctx.actor(holder) if holder else None
            if actor is None or actor.is_source:
                continue
            # the clause the noun heads or is the subject of ("X's aim is to …")
            head = tok
            while head.dep_ in ("pobj", "prep", "nsubj", "attr") and not is_root(head):
                head = head.head
                if head.pos_ in ("VERB", "AUX"):
                    break
            sent = tok.sent
            scope = [i for i in range(head.left_edge.i, head.right_edge.i + 1) if sent.start <= i < sent.end]
            if not scope:
                continue
            out.append((Statement(span=ctx.span(scope[0], scope[-1] + 1), speaker=holder, mode=REPORTED,
                                  cue=tok.lemma_.lower(), confidence=0.5, sentence=ctx.sent_of[tok.i],
                                  verb_token=tok.i), scope))
        return out

    def headline(self) -> list[tuple[Statement, list[int]]]:
        """Short lines of the form ``Claim: Source`` (a headline or crosshead)."""
        ctx = self.ctx
        text = ctx.article.text
        out = []
        pos = ctx.article.body_start
        for line in text[ctx.article.body_start:].split("\n"):
            start = pos
            pos += len(line) + 1
            stripped = line.strip()
            if not stripped or stripped[-1] in ".?!\"”'’" or len(stripped.split()) > 22 or ": " not in stripped:
                continue
            left, _, right = stripped.rpartition(": ")
            if len(left.split()) < 3 or len(right.split()) > 5:
                continue  # "Image: AP", "Photo: Reuters" are credits, not claims
            rb = start + line.index(stripped) + len(left) + 2
            re_ = rb + len(right)
            toks = ctx.tokens_in(rb, re_)
            if not toks:
                continue
            head = max((ctx.doc[i] for i in toks), key=lambda t: (t.head.i not in toks, t.i))
            speaker, _, conf = self.resolve(head)
            if speaker is None:
                iri = next((ctx.tok_actor[i] for i in toks if i in ctx.tok_actor), None)
                speaker = iri
                conf = 0.6
            if speaker is None:
                continue
            lb = start + line.index(stripped)
            le = lb + len(left)
            scope = ctx.tokens_in(lb, le)
            st = Statement(span=Span(lb, le, text[lb:le]), speaker=speaker, mode=REPORTED, cue=":",
                           confidence=round(conf * 0.8, 2), sentence=ctx.sent_of[scope[0]] if scope else -1)
            out.append((st, scope))
        return out
