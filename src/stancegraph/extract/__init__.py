"""Extract stage: one article in, actors, statements, positions and claims out.

>>> from stancegraph.ingest import parse_text
>>> from stancegraph.knowledge import load_resources
>>> ex = Extractor(load_resources())
>>> result = ex.extract(parse_text("t", 'Ann Example said, "We reject the plan."'))
>>> [(result.actors[s.speaker].name, str(s.mode), s.quoted_text) for s in result.statements if s.quoted_text]
[('Ann Example', 'direct', 'We reject the plan.')]
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime

from spacy.matcher import PhraseMatcher

from ..ingest import Article
from ..knowledge import Resources
from .actors import POSSESSIVE_PRONOUNS, ActorFinder, ActorIndex
from .attribution import Attributor
from .claim_events import ACQUIRE, ClaimEventFinder, event_lexicon
from .dates import infer_date
from .first_person import document_speaker, first_person_statements
from .context import DocContext, sentence_entities
from .model import REPORTED, Claim, Extraction, Position, Span, Stance, Statement
from .nlp import load_nlp, model_id, parse
from .matcher import is_root
from .quotes import find_quotes
from .stances import StanceFinder

__all__ = ["Extractor", "Extraction"]


class Extractor:
    """Reusable extractor: loads the NLP model and compiles the matchers once."""

    def __init__(self, resources: Resources, model: str | None = None):
        self.resources = resources
        self.nlp = load_nlp(model)
        self.model_id = model_id(self.nlp)
        self.actor_finder = ActorFinder(self.nlp, resources)
        self.territories = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.territory_of: dict[str, str] = {}
        for terr in resources.territories.values():
            for name in (terr.name, *terr.aliases):
                self.territory_of.setdefault(name.lower().replace("’", "'"), terr.iri)
        self.territories.add("TERR", [self.nlp.tokenizer(n) for n in sorted(self.territory_of)])

    # ------------------------------------------------------------------
    def extract(self, article: Article, doc=None) -> Extraction:
        """Extract one article; ``doc``: its body already parsed by ``self.nlp`` (``nlp.pipe``)."""
        res = self.resources
        offset = article.body_start
        doc = parse(self.nlp, article.text[offset:]) if doc is None else doc
        index = ActorIndex(res, article.published)
        inferred = infer_date(article) if article.published is None else None
        if inferred is not None:
            index.inferred_day = inferred.day
        ctx = DocContext(article=article, doc=doc, offset=offset, resources=res, index=index)
        ctx.sents = list(doc.sents)
        ctx.sent_of = [0] * len(doc)
        for n, s in enumerate(ctx.sents):
            for i in range(s.start, s.end):
                ctx.sent_of[i] = n
        ctx.sent_ents, ctx.ent_at = sentence_entities(doc, ctx.sents)
        ctx.mentions, ctx.tok_actor = self.actor_finder.find(doc, index, offset)
        terr_tokens = self._territory_tokens(doc)

        attributor = Attributor(ctx)
        statements: list[Statement] = []
        scopes: list[list[int]] = []
        unattributed: list[Span] = []
        quotes = find_quotes(article.text, offset)
        quote_spans = [(q.begin, q.end) for q in quotes]
        ctx.quoted_chars = [(p.begin, p.end) for q in quotes for p in q.pieces]
        ctx.doc_speaker = document_speaker(ctx, self.actor_finder.alias_of, self.nlp)
        # A first pass over reported speech makes its speakers known to back-references in quotes.
        attributor.reported(quote_spans)
        prev = None
        for q in quotes:
            st = attributor.attribute_quote(q, prev)
            if st is None:
                unattributed.append(Span(q.begin, q.end, q.text))
                continue
            toks = []
            for piece in [st.span, *st.extra_spans]:
                toks += ctx.tokens_in(piece.begin, piece.end)
            scope = sorted(set(toks) | set(attributor.last_scope))
            # A quote running over paragraphs is one quotation per paragraph, all the speaker's.
            for part in split_paragraph_quote(ctx, st):
                statements.append(part)
                scopes.append([i for i in scope if i in set(ctx.tokens_in(part.span.begin, part.span.end))]
                              if part is not st else scope)
            prev = st
        for st, scope in attributor.reported(quote_spans) + attributor.headline():
            statements.append(st)
            scopes.append(scope)
        finder = StanceFinder(ctx, terr_tokens)
        for st, scope in attributor.narrated(scopes):
            # narration only speaks for an actor when it states a position or a claim
            if finder.positions(scope, cue_verb=st.cue, verb_token=st.verb_token) or finder.claims(scope):
                statements.append(st)
                scopes.append(scope)

        # Captions and photo credits do not speak: drop statements made only of them.
        muted = caption_lines(article.text, offset)
        if ctx.doc_speaker:
            taken = set().union(*map(set, scopes)) if scopes else set()
            for st, scope in first_person_statements(ctx, ctx.doc_speaker, ctx.quoted_chars, muted, taken):
                statements.append(st)
                scopes.append(scope)
        keep = [i for i, st in enumerate(statements)
                if not any(b <= st.span.begin and st.span.end <= e for b, e in muted)]
        statements = [statements[i] for i in keep]
        scopes = [scopes[i] for i in keep]
        positions: dict[tuple[str, str, int], Position] = {}
        claims: dict[tuple[str, str, str], Claim] = {}
        for n, (st, scope) in enumerate(zip(statements, scopes)):
            st.utterance_date = self._utterance_date(ctx, st)
            relays = self._relayed_holders(ctx, attributor, scope, st.speaker)
            for hit in finder.positions(scope, cue_verb=st.cue, quote=st.mode == "direct", verb_token=st.verb_token):
                holders = [(st.speaker, None)] + [(h, st.speaker) for h, sub in relays if set(hit.tokens) <= sub]
                for holder, relayed in holders:
                    self._add_position(positions, ctx, holder, hit, n, st, relayed)
            for ch in finder.claims(scope):
                holders = [st.speaker] + [h for h, sub in relays if set(ch.tokens) <= sub]
                for holder in holders:
                    ev = ctx.span(min(ch.tokens), max(ch.tokens) + 1)
                    _merge(claims, (holder, ch.territory, ch.sovereign), n, ev, round(ch.confidence * st.confidence, 3),
                           lambda ev, conf: Claim(holder, ch.territory, ch.sovereign, [n], ev, conf))

        self._add_claim_events(ctx, attributor, terr_tokens, statements, scopes, claims, muted)
        final_positions = self._resolve_conflicts(list(positions.values()))
        used = {st.speaker for st in statements} | ({ctx.doc_speaker} if ctx.doc_speaker else set()) | {p.holder for p in final_positions} | \
               {c.claimant for c in claims.values()} | {st.reported_by for st in statements if st.reported_by}
        actors = {}
        for iri in sorted(used):
            actor = index.get(iri)
            if actor is not None:
                actors[iri] = actor
        for actor in list(actors.values()):
            if actor.affiliation and actor.affiliation not in actors:
                aff = index.get(actor.affiliation)
                if aff is not None and not aff.from_gazetteer:
                    actors[aff.iri] = aff
        mentions = [m for m in ctx.mentions if m.actor in actors]
        return Extraction(article, actors, mentions, statements, final_positions,
                          sorted(claims.values(), key=lambda c: (c.claimant, c.territory, c.sovereign)),
                          unattributed, ctx.doc_speaker, inferred)

    # ------------------------------------------------------------------
    def _territory_tokens(self, doc) -> dict[int, tuple[str, ...]]:
        """Token -> the territories it names; "the four regions" names the four named nearby."""
        out: dict[int, tuple[str, ...]] = {}
        for _, s, e in sorted(self.territories(doc), key=lambda m: -(m[2] - m[1])):
            iri = self.territory_of.get(doc[s:e].text.lower().replace("’", "'"))
            if iri and not any(i in out for i in range(s, e)) and not self._names_a_facility(doc, s, e):
                for i in range(s, e):
                    out[i] = (iri,)
        for tok in doc:
            n = _count(tok)
            if n is None or n < 2:
                continue
            noun = next((t for t in doc[tok.i + 1: tok.i + 4] if t.lemma_.lower() in _REGION_NOUNS), None)
            if noun is None or any(i in out for i in range(tok.i, noun.i + 1)):
                continue
            # the n distinct territories named closest to the phrase, within a few sentences
            sent = tok.sent
            lo = max(0, sent.start - 120)
            near = sorted((abs(i - tok.i), i) for i in out if lo <= i < sent.end + 60 and len(out[i]) == 1)
            picked: list[str] = []
            for _, i in near:
                if out[i][0] not in picked:
                    picked.append(out[i][0])
                if len(picked) == n:
                    break
            if len(picked) == n:
                for i in range(tok.i, noun.i + 1):
                    out[i] = tuple(sorted(picked))
        self._annexed_regions(doc, out)
        return out

    def _annexed_regions(self, doc, out: dict[int, tuple[str, ...]]) -> None:
        """ "the annexed territories" with no number: the territories named in its sentence and the two
        before (a definite plural region noun qualified by an acquisition, listed just before)."""
        acquired = {w[0] for w, cues in event_lexicon(self.resources).cues.items()
                    if len(w) == 1 and any(c.kind == ACQUIRE for c in cues)}
        for tok in doc:
            if tok.i in out or tok.tag_ not in ("NNS", "NNPS") or tok.lemma_.lower() not in _REGION_NOUNS:
                continue
            if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
                continue
            participle = lambda w: w in acquired or w[:-2] in acquired or w[:-1] in acquired  # annexed
            if not any(c.dep_ in ("amod", "acl") and participle(c.lower_) for c in tok.children):
                continue
            sent = tok.sent
            first = sent
            for _ in range(2):
                if first.start == 0:
                    break
                first = doc[first.start - 1].sent
            named = sorted({t for i in range(first.start, sent.end) if i in out and len(out[i]) == 1
                            for t in out[i]})
            if len(named) >= 2:
                out[tok.i] = tuple(named)

    @staticmethod
    def _add_claim_events(ctx, attributor, terr_tokens, statements, scopes, claims, muted) -> None:
        """Claims made by acts (claim_events). Inside reported speech they are the speaker's;
        in narration the act is a reported statement of its claimant."""
        owner = {}
        for n, scope in sorted(enumerate(scopes), key=lambda x: -len(x[1])):
            for i in scope:
                owner[i] = n  # the smallest scope holding a token wins
        made: dict[tuple[str, int], int] = {}
        for ev in ClaimEventFinder(ctx, terr_tokens, attributor).find():
            evidence = ctx.span(min(ev.tokens), max(ev.tokens) + 1)
            if any(b <= evidence.begin and evidence.end <= e for b, e in muted):
                continue
            n = owner.get(ev.trigger, -1)
            if n < 0:
                sent_n = ctx.sent_of[ev.trigger]
                n = made.get((ev.claimant, sent_n), -1)
                if n < 0:
                    words = [t.i for t in ctx.sents[sent_n] if not t.is_space]
                    statements.append(Statement(span=ctx.span(words[0], words[-1] + 1), speaker=ev.claimant,
                                                mode=REPORTED, cue=ctx.doc[ev.trigger].lemma_.lower(),
                                                confidence=0.5, sentence=sent_n, verb_token=ev.trigger))
                    scopes.append(words)
                    n = made[(ev.claimant, sent_n)] = len(statements) - 1
            holder = statements[n].speaker
            conf = ev.confidence * statements[n].confidence
            for terr in ev.territories:
                _merge(claims, (holder, terr, ev.sovereign), n, evidence, round(conf, 3),
                       lambda evd, c, terr=terr: Claim(holder, terr, ev.sovereign, [n] if n >= 0 else [], evd, c))

    @staticmethod
    def _names_a_facility(doc, s: int, e: int) -> bool:
        """A place name that only modifies another noun ("the T power plant", "T residents") is not
        about the territory; region nouns ("the T and U regions") still are."""
        last = doc[e - 1]
        head = last.head
        while head.dep_ == "compound" and head.head.i > head.i and not is_root(head):
            head = head.head
        return last.dep_ in ("compound", "nmod") and head.i >= e and head.pos_ in ("NOUN", "PROPN") \
            and head.lemma_.lower() not in _REGION_NOUNS and head.lower_ not in _REGION_NOUNS

    def _relayed_holders(self, ctx: DocContext, attributor: Attributor, scope: list[int], speaker: str):
        """Actors whose demands/positions the speaker restates: (holder, token set) pairs."""
        doc = ctx.doc
        out = []
        for i in scope:
            tok = doc[i]
            if tok.pos_ != "NOUN" or not attributor.is_predicate(tok):
                continue
            for child in tok.children:
                if child.dep_ != "poss" or child.lower_ in POSSESSIVE_PRONOUNS:
                    continue
                holder = ctx.tok_actor.get(child.i)
                if holder and holder != speaker:
                    out.append((holder, set(range(tok.left_edge.i, tok.right_edge.i + 1)) | set(
                        range(tok.head.left_edge.i, tok.head.right_edge.i + 1)) if tok.dep_ == "dobj" else
                        set(range(tok.left_edge.i, tok.right_edge.i + 1))))
        return out

    def _add_position(self, positions, ctx, holder, hit, n, st, relayed):
        stance = Stance.from_sign(hit.stance)
        ev = ctx.span(min(hit.tokens), max(hit.tokens) + 1)
        conf = round(hit.confidence * st.confidence * (0.8 if relayed else 1.0), 3)
        _merge(positions, (holder, hit.issue, stance), n, ev, conf,
               lambda ev, conf: Position(holder, hit.issue, stance, [n], ev, conf, relayed))

    @staticmethod
    def _resolve_conflicts(positions: list[Position]) -> list[Position]:
        """Where one holder takes both stances on an issue in one article, keep the better-evidenced."""
        best: dict[tuple[str, str], list[Position]] = {}
        for p in positions:
            best.setdefault((p.holder, p.issue), []).append(p)
        out = []
        for group in best.values():
            if len(group) == 1:
                out.extend(group)
                continue
            score = {p.stance: sum(1 for _ in p.statements) + p.confidence for p in group}
            if score[1] == score[-1]:
                out.extend(group)
            else:
                winner = max(score, key=score.get)
                out.extend(p for p in group if p.stance == winner)
        return sorted(out, key=lambda p: (p.holder, p.issue, p.stance))

    def _utterance_date(self, ctx: DocContext, st: Statement) -> date | None:
        published = ctx.article.published
        if published is None or st.sentence < 0 or st.sentence >= len(ctx.sents):
            return None
        for ent in ctx.sent_ents[st.sentence]:
            if ent.label_ != "DATE":
                continue
            return resolve_relative_date(ent.text, published)
        return None


_REGION_NOUNS = {"region", "oblast", "province", "territory", "republic", "area", "peninsula", "city", "people"}
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def _count(tok) -> int | None:
    low = tok.lower_
    if low in _NUMBER_WORDS:
        return _NUMBER_WORDS[low]
    return int(low) if low.isdigit() and len(low) < 3 else None


def split_paragraph_quote(ctx: DocContext, st: Statement) -> list[Statement]:
    """A statement whose quote runs over several paragraphs, as one statement per paragraph."""
    if not st.extra_spans:
        return [st]
    pieces = [st.span, *st.extra_spans]
    out = []
    for piece in pieces:
        text = piece.text.strip()
        toks = ctx.tokens_in(piece.begin, piece.end)
        out.append(replace(st, span=piece, quoted_text=text, extra_spans=[],
                           sentence=ctx.sent_of[toks[0]] if toks else st.sentence))
    out[0] = st
    st.quoted_text, st.extra_spans = pieces[0].text.strip(), []
    return out


def _merge(table: dict, key: tuple, n: int, evidence: Span, conf: float, make) -> None:
    """One position or claim per key and article: gather its statements, keep the best evidence."""
    if key not in table:
        table[key] = make(evidence, conf)
        return
    item = table[key]
    if n >= 0 and n not in item.statements:
        item.statements.append(n)
    if conf > item.confidence:
        item.confidence, item.evidence = conf, evidence


_CREDIT = re.compile(r"^(image|photo|picture|pictured|photograph|credit|video|file photo|source)\s*:", re.I)
_CREDIT_TAIL = re.compile(r"\b[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+)*\s*/\s*[A-Z][\w&.-]+\s*$")


def caption_lines(text: str, start: int = 0) -> list[tuple[int, int]]:
    r"""Character ranges of caption and photo-credit lines.

    A credit line ("Image: AP", "Photo: Jane Doe/Agency"), a line ending in a
    "Name/Agency" credit, and a line repeating an earlier line word for word
    (a caption under a photo) are not text that speaks.

    >>> t = "Officials met.\nOfficials met. Jane Doe/Agency\nImage: AP\nThey spoke."
    >>> [t[b:e] for b, e in caption_lines(t)]
    ['Officials met. Jane Doe/Agency', 'Image: AP']
    """
    out = []
    seen: set[str] = set()
    pos = start
    for line in text[start:].split("\n"):
        b, e = pos, pos + len(line)
        pos = e + 1
        stripped = line.strip()
        if not stripped:
            continue
        key = " ".join(stripped.split())
        credit_free = _CREDIT_TAIL.sub("", stripped).strip()
        if _CREDIT.match(stripped) or (credit_free != stripped and len(stripped.split()) <= 30) \
                or (key in seen and len(key.split()) <= 30 and not key.endswith("\"")):
            out.append((b, e))
        seen.add(key)
        seen.add(" ".join(credit_free.split()))
    return out


_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def resolve_relative_date(text: str, published: date) -> date | None:
    """A date expression resolved against the publication date (past dates preferred).

    >>> resolve_relative_date("Tuesday", date(2022, 3, 30))
    datetime.date(2022, 3, 29)
    >>> resolve_relative_date("on Wednesday, April 6", date(2022, 4, 7))
    datetime.date(2022, 4, 6)
    """
    low = text.lower()
    if low.strip() in ("today", "this week", "now"):
        return published
    # Weekday names alone: the latest such day on or before publication.
    words = [w.strip(",.") for w in low.split()]
    if any(w in _WEEKDAYS for w in words) and not any(ch.isdigit() for ch in low):
        wd = next(_WEEKDAYS.index(w) for w in words if w in _WEEKDAYS)
        delta = (published.weekday() - wd) % 7
        from datetime import timedelta

        try:
            return published - timedelta(days=delta)
        except OverflowError:  # before 1 January of year 1
            return None
    try:
        import dateparser
    except ImportError:  # pragma: no cover
        return None
    cleaned = " ".join(w for w in text.replace(",", " ").split() if w.lower() not in _WEEKDAYS + ["on", "the", "last", "late"])
    if not cleaned or not any(ch.isdigit() for ch in cleaned) and not any(
            m in cleaned.lower() for m in ("yesterday", "today", "ago")):
        return None
    try:
        parsed = dateparser.parse(cleaned, languages=["en"], settings={
            "RELATIVE_BASE": datetime.combine(published, datetime.min.time()),
            "PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day"]})
    except (OverflowError, ValueError):  # a relative date beyond the calendar's ends
        return None
    if parsed is None:
        return None
    d = parsed.date()
    return d if d <= published else None
