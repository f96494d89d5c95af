"""From utterances and their hits to the article's statements, positions, claims and actors.

One position per (holder, issue, stance) and article, one claim per (claimant,
territory, sovereign): each gathers its statements and keeps its best-evidenced
span. An actor whose demand the speaker restates ("the council's demand that …")
holds the position too, relayed by the speaker.
"""

from __future__ import annotations

from dataclasses import replace

from ..lang_en import POSSESSIVE_PRONOUNS
from .actors import ActorIndex
from .attribution import Utterance
from .claims import ClaimHit
from .cues import CueLookup
from .document import ParsedArticle
from .model import REPORTED, Claim, Mention, Position, Span, Stance, Statement
from .tokens import token_table
from .stance.base import Hit

#: a relayed position is less certain than the speaker's own
RELAY_FACTOR = 0.8


def relayed_holders(doc: ParsedArticle, cues: CueLookup, scope, speaker: str) -> list[tuple[str, set[int]]]:
    """Actors whose demands/positions the speaker restates: (holder, token set) pairs."""
    tokens = doc.doc
    pos = token_table(tokens).pos
    out = []
    for i in scope:
        if pos[i] != "NOUN":
            continue  # read without making the Token
        tok = tokens[i]
        if not cues.is_predicate(tok):
            continue
        for child in tok.children:
            if child.dep_ != "poss" or child.lower_ in POSSESSIVE_PRONOUNS:
                continue
            holder = doc.tok_actor.get(child.i)
            if holder and holder != speaker:
                out.append((holder, set(range(tok.left_edge.i, tok.right_edge.i + 1)) | set(
                    range(tok.head.left_edge.i, tok.head.right_edge.i + 1)) if tok.dep_ == "dobj" else
                    set(range(tok.left_edge.i, tok.right_edge.i + 1))))
    return out


def merge(table: dict, key: tuple, n: int, evidence: Span, conf: float, make) -> None:
    """One position or claim per key and article: gather its statements, keep the best evidence."""
    if key not in table:
        table[key] = make(evidence, conf)
        return
    item = table[key]
    if n >= 0 and n not in item.statements:
        item.statements.append(n)
    if conf > item.confidence:
        item.confidence, item.evidence = conf, evidence


def resolve_conflicts(positions: list[Position]) -> list[Position]:
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


def positions_and_claims(doc: ParsedArticle, cues: CueLookup, utterances: list[Utterance],
                         hits: list[list[Hit]], claim_hits: list[list[ClaimHit]]):
    """Positions (conflicts resolved) and claims of the article; statement ``n`` is ``utterances[n]``."""
    positions: dict[tuple[str, str, int], Position] = {}
    claims: dict[tuple[str, str, str], Claim] = {}
    for n, (u, found, found_claims) in enumerate(zip(utterances, hits, claim_hits)):
        st = u.statement
        relays = relayed_holders(doc, cues, u.scope, st.speaker)
        for hit in found:
            holders = [(st.speaker, None)] + [(h, st.speaker) for h, sub in relays if set(hit.tokens) <= sub]
            stance = Stance.from_sign(hit.stance)
            ev = doc.span(min(hit.tokens), max(hit.tokens) + 1)
            for holder, relayed in holders:
                conf = round(hit.confidence * st.confidence * (RELAY_FACTOR if relayed else 1.0), 3)
                merge(positions, (holder, hit.issue, stance), n, ev, conf,
                      lambda ev, conf, holder=holder, relayed=relayed:
                      Position(holder, hit.issue, stance, [n], ev, conf, relayed))
        for ch in found_claims:
            holders = [st.speaker] + [h for h, sub in relays if set(ch.tokens) <= sub]
            ev = doc.span(min(ch.tokens), max(ch.tokens) + 1)
            for holder in holders:
                merge(claims, (holder, ch.territory, ch.sovereign), n, ev, round(ch.confidence * st.confidence, 3),
                      lambda ev, conf, holder=holder: Claim(holder, ch.territory, ch.sovereign, [n], ev, conf))
    return resolve_conflicts(list(positions.values())), claims


def sorted_claims(claims: dict) -> list[Claim]:
    return sorted(claims.values(), key=lambda c: (c.claimant, c.territory, c.sovereign))


def add_claim_events(doc: ParsedArticle, events, statements: list[Statement], scopes: list,
                     claims: dict, muted, allied=lambda speaker, holder: speaker == holder) -> None:
    """Claims made by acts (:mod:`.claim_events`). Inside an utterance's scope they are its
    speaker's, unless the act names another holder the speaker does not speak for (``allied``):
    then the speaker relays it. In narration the act is a reported statement of its claimant
    (appended to ``statements`` and ``scopes``, with no position of its own), unless it is background
    told by the writer (``ev.background``)."""
    made: dict[tuple[str, int], int] = {}
    # "X and Y asked Z to annex T": each actor of a conjoined subject holds the act
    events = [(e, co) for ev in events for e, co in [(ev, None)] + [(replace(ev, claimant=c, co_claimants=()), ev.claimant)
                                                                  for c in getattr(ev, "co_claimants", ())]]
    triggers = {ev.trigger for ev, _ in events}  # the only tokens whose scopes are asked for
    owner = {}
    enclosing: dict[int, list[int]] = {}  # token -> the scopes holding it, smallest first
    for n, scope in sorted(enumerate(scopes), key=lambda x: -len(x[1])):
        for i in scope:
            if i in triggers:
                owner[i] = n  # the smallest scope holding a token wins
                enclosing.setdefault(i, []).insert(0, n)
    for ev, co in events:
        evidence = doc.span(min(ev.tokens), max(ev.tokens) + 1)
        if any(b <= evidence.begin and evidence.end <= e for b, e in muted):
            continue
        n = owner.get(ev.trigger, -1)
        if n >= 0:
            # "X's spokesman said X announced the annexation of T": one who speaks for the actor whose
            # words these are, reporting them, asserts them
            for m in enclosing.get(ev.trigger, ()):
                if statements[m].speaker != statements[n].speaker and allied(statements[m].speaker,
                                                                           statements[n].speaker):
                    n = m
                    break
        if n >= 0 and co is not None and statements[n].speaker == co:
            n = -1  # the statement is the first actor's of the conjoined subject: the other one holds it too
        if n >= 0 and ev.relayed and not allied(statements[n].speaker, ev.claimant):
            n = -1  # the act names its own holder: the speaker only relays it
        if n < 0 and not ev.claimant:
            if not doc.doc_speaker or doc.in_quotes(ev.trigger):
                continue  # "we" in a quote nobody is said to have said
            ev = replace(ev, claimant=doc.doc_speaker)  # a document's own voice is its speaker's
        if getattr(ev, "background", False) and (n < 0 or not doc.in_quotes(ev.trigger)):
            # "T, which X annexed in 2014" told by the writer, or put by the writer into a statement
            # reported without quotation marks: background, not what anybody asserts
            continue
        if n < 0:
            sent_n = doc.sent_of[ev.trigger]
            n = made.get((ev.claimant, sent_n), -1)
            if n < 0:
                words = [t.i for t in doc.sents[sent_n] if not t.is_space]
                statements.append(Statement(span=doc.span(words[0], words[-1] + 1), speaker=ev.claimant,
                                            mode=REPORTED, cue=doc.doc[ev.trigger].lemma_.lower(),
                                            confidence=0.5, sentence=sent_n))
                scopes.append(words)
                n = made[(ev.claimant, sent_n)] = len(statements) - 1
        holder = statements[n].speaker
        conf = ev.confidence * statements[n].confidence
        for terr in ev.territories:
            merge(claims, (holder, terr, ev.sovereign), n, evidence, round(conf, 3),
                  lambda evd, c, terr=terr, n=n, holder=holder: Claim(holder, terr, ev.sovereign,
                                                                       [n] if n >= 0 else [], evd, c))


def article_actors(doc: ParsedArticle, index: ActorIndex, statements, positions, claims, role_mentions=()):
    """The actors the article's output names (with the organisations of minted ones, and a
    document speaker), and their mentions (``role_mentions``: the role phrases that name unnamed
    actors, "an EU diplomat")."""
    used = {st.speaker for st in statements} | ({doc.doc_speaker} if doc.doc_speaker else set()) | \
           {p.holder for p in positions} | \
           {c.claimant for c in claims} | {st.reported_by for st in statements if st.reported_by}
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
    mentions: list[Mention] = [m for m in doc.mentions if m.actor in actors]
    seen = {(m.span.begin, m.span.end) for m in mentions}
    for m in sorted(role_mentions, key=lambda m: (m.span.begin, m.span.end, m.actor)):
        if m.actor in actors and (m.span.begin, m.span.end) not in seen:
            seen.add((m.span.begin, m.span.end))
            mentions.append(m)
    mentions.sort(key=lambda m: (m.span.begin, m.span.end))
    return actors, mentions
