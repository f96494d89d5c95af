"""Who a subject token names: gazetteer actors, titles, role phrases, back-references.

Pronouns and definite role phrases ("he", "the spokesman") refer back to the right
earlier actor: the sentence's topic first, then the speakers logged so far (a
:data:`SpeakerLog`, passed explicitly), then any other mention. Outlets and agencies
that relay words (gazetteer ``sg:isSource``) are sources, never speakers.
"""

from __future__ import annotations

from typing import Tuple

from rapidfuzz import fuzz

from ..knowledge import Resources
from ..lang_en import CLITIC_POSSESSIVE, POSSESSIVE_PRONOUNS, PRONOUNS_GROUP, PRONOUNS_PERSON, RELATIVE_PRONOUNS
from .actors import ActorIndex, role_phrase
from .cues import CueLookup
from .document import ParsedArticle
from .matcher import is_root

#: (token index of the speaker's mention, actor IRI) of the speakers found so far, in order
SpeakerLog = Tuple[Tuple[int, str], ...]

SUBJ = ("nsubj", "nsubjpass", "csubj")
INHERIT = ("advcl", "xcomp", "conj", "acl", "pcomp", "relcl", "ccomp", "prep", "pobj", "dobj")
# Spellings of one role that a post title may use ("spokesman" for "spokesperson").
_ROLE_VARIANTS = ("spokesman", "spokesperson", "spokeswoman")


def _role_stem(text: str) -> str:
    for v in _ROLE_VARIANTS:
        text = text.replace(v, "spokes")
    return text


class SpeakerResolver:
    """Resolves subject tokens of one parsed article to actors (minting role holders into ``index``)."""

    def __init__(self, doc: ParsedArticle, index: ActorIndex, resources: Resources, cues: CueLookup):
        self.doc = doc
        self.cues = cues
        self.index = index
        self.lex = resources.lexicon
        self.gazetteer = resources.gazetteer
        self.titles = {t.lower(): post.iri for post in self.gazetteer.posts.values() for t in post.titles}

    def actor(self, iri: str):
        return self.index.get(iri)

    def subject_of(self, verb, depth: int = 0):
        """The subject token of a verb, inherited from governing verbs when it has none.

        A relative pronoun subject ("the mayor, who said …") stands for the noun the clause modifies.
        """
        tok_actor = self.doc.tok_actor
        subjects = [c for c in verb.children if c.dep_ in SUBJ]
        if subjects:
            # With several subjects (a parser slip), the one naming an actor, else the nearest.
            subjects.sort(key=lambda c: (c.i not in tok_actor and c.lower_ not in PRONOUNS_PERSON,
                                         abs(c.i - verb.i)))
            child = subjects[0]
            if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
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

    def resolve(self, tok, log: SpeakerLog) -> tuple[str | None, str | None, float]:
        """(speaker IRI, source IRI, confidence) named by a subject token."""
        doc = self.doc
        if tok is None:
            return None, None, 0.0
        iri = self.mentioned(tok)
        if iri:
            actor = self.actor(iri)
            if actor is not None and actor.is_source:
                return None, iri, 0.0
            return iri, None, 0.9
        low = tok.lower_
        if low in PRONOUNS_PERSON:
            return self._antecedent(tok, log, person=True), None, 0.7
        if low in PRONOUNS_GROUP:
            return self._antecedent(tok, log, person=False), None, 0.6
        rp = role_phrase(tok, self.lex)
        if rp is not None:
            start, end, kind = rp
            words = [t for t in doc.doc[start:end] if t.dep_ != "det" and t.lower_ not in CLITIC_POSSESSIVE]
            text = " ".join(t.text for t in words)
            holder = self._title_holder(text)
            if holder:
                return holder, None, 0.8
            det = [t.lower_ for t in doc.doc[start:end] if t.dep_ == "det"]
            modifiers = [t for t in doc.doc[start:end] if t.dep_ in ("amod", "compound", "nmod", "poss") and t.i != tok.i]
            bare = not [m for m in modifiers if m.lower_ not in POSSESSIVE_PRONOUNS]
            if bare and (det[:1] == ["the"] or len(modifiers) > 0):
                ante = self._antecedent(tok, log, person=kind == "person", role=tok.lemma_.lower())
                if ante:
                    return ante, None, 0.65
                return None, None, 0.0
            if tok.lower_ in self.lex.source_nouns or bare:
                return None, None, 0.0
            holder = self._role_in_article([t.lower_ for t in words])
            if holder:
                return holder, None, 0.6
            name = " ".join(t.text for t in doc.doc[start:end] if t.dep_ != "det").replace(" 's", "'s").replace(" ’s", "’s")
            return self.index.mint(name, kind), None, 0.6
        if tok.ent_type_ in ("ORG", "GPE", "NORP") and tok.pos_ == "PROPN":
            span = next((e for e in doc.doc.ents if e.start <= tok.i < e.end), None)
            if span is not None and span.label_ == "ORG":
                return self.index.mint(span.text, "organisation"), None, 0.6
        return None, None, 0.0

    def mentioned(self, tok) -> str | None:
        """The actor a token's own noun phrase names (compounds, appositions), if any."""
        tok_actor = self.doc.tok_actor
        if tok.i in tok_actor:
            return tok_actor[tok.i]
        # "the Pentagon secretary": an organisation naming a role's holder is not the speaker itself.
        if self.lex.role_nouns.get(tok.lower_) or self.lex.role_nouns.get(tok.lemma_.lower()):
            orgs = [c for c in tok.children if c.dep_ == "compound" and c.i in tok_actor
                    and (self.actor(tok_actor[c.i]) or None) is not None
                    and self.actor(tok_actor[c.i]).kind != "person"]
            if orgs:
                words = [t.lower_ for t in tok.subtree if t.i <= tok.i and t.dep_ != "det"]
                holder = self._title_holder(" ".join(words)) or self._role_in_article(words)
                return holder or tok_actor[orgs[0].i]
        # A name inside the subject phrase (compounds, appositions), not inside its prepositions.
        for child in tok.children:
            if child.dep_ in ("compound", "appos", "amod") and child.i in tok_actor:
                return tok_actor[child.i]
        return None

    def _title_holder(self, text: str) -> str | None:
        low = text.lower().replace("’", "'")
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
        return self.gazetteer.holder(post, self.index.day) if post else None

    def _antecedent(self, tok, log: SpeakerLog, person: bool, role: str | None = None) -> str | None:
        """Most recent fitting actor before ``tok``: speakers first, then any mention."""
        doc = self.doc
        tokens = doc.doc
        tok_actor = doc.tok_actor
        sent = doc.sent_of[tok.i]
        sstart = doc.sents[sent].start
        prominent = [(i, a) for i, a in tok_actor.items() if sstart <= i < tok.i
                     and tokens[i].dep_ in ("nsubj", "nsubjpass", "poss")]
        # The sentence's topic: its earliest subject or possessor.
        prominent.sort()
        speakers = sorted(((i, a) for i, a in log if i < tok.i), key=lambda x: x[0], reverse=True)
        others = sorted(((i, a) for i, a in tok_actor.items() if i < tok.i
                         and tokens[i].dep_ not in ("pobj", "dobj", "conj")), key=lambda x: x[0], reverse=True)
        rest = sorted(((i, a) for i, a in tok_actor.items() if i < tok.i), key=lambda x: x[0], reverse=True)
        candidates = prominent + speakers + others + rest
        if role and not person:
            # "the ministry": an organisation whose name has that word, before any other
            named = [(i, a) for i, a in candidates if self.actor(a) is not None
                     and role in self.actor(a).name.lower()]
            candidates = named + candidates
        for i, iri in candidates:
            if sent - doc.sent_of[i] > 4:
                break
            actor = self.actor(iri)
            if actor is None or actor.is_source:
                continue
            if person and actor.kind != "person":
                continue
            if not person and actor.kind == "person":
                continue
            if role and actor.kind == "person" and not self._has_role(actor.iri, role):
                continue
            return iri
        if role:
            return self._antecedent(tok, log, person, None) if person else None
        return None

    def _role_in_article(self, words: list[str]) -> str | None:
        """The one person named in this article whose post titles contain all these words."""
        found = set()
        for iri in set(self.doc.tok_actor.values()):
            actor = self.actor(iri)
            if actor is None or actor.kind != "person":
                continue
            for post in self.gazetteer.posts_of(iri, self.index.day):
                for title in post.titles:
                    tw = title.lower().split()
                    if all(w in tw for w in words):
                        found.add(iri)
        return found.pop() if len(found) == 1 else None

    def _has_role(self, iri: str, role: str) -> bool:
        role = role.rstrip("s")
        stems = {role, _role_stem(role)}
        for post in self.gazetteer.posts_of(iri, self.index.day) or self.gazetteer.posts_of(iri, None):
            text = _role_stem(" ".join(post.titles).lower())
            if any(s in text for s in stems):
                return True
        # Unnamed/minted actors: the role word is in their name.
        actor = self.actor(iri)
        return bool(actor and role in actor.name.lower())
