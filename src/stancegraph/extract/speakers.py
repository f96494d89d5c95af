"""Who a subject token names: gazetteer actors, titles, role phrases, back-references.

Pronouns and definite role phrases ("he", "the spokesman") refer back to the right
earlier actor: the sentence's topic first, then the speakers logged so far (a
:data:`SpeakerLog`, passed explicitly), then any other mention. Outlets and agencies
that relay words (gazetteer ``sg:isSource``) are sources, never speakers.

A descriptor is, before any actor is minted after its words, someone the article names: a
headline's "Kazakh president" is the person named below in that title, "a navy
spokesperson" the one a later "the spokesperson, Ann Example" names, "Negotiators"
the collective named with that noun in the sentence before; "an umbrella of
rebel groups" speaks as the collective its complement names. A joint text ("Westland and Ruritania
issued a joint statement", "… in a joint statement with Ruritania") speaks for its parties together, as
one collective named after them.
"""

from __future__ import annotations

from bisect import bisect_left

from typing import Tuple

from rapidfuzz import fuzz

from ..knowledge import Resources
from ..lang_en import (ARTICLES, CLITIC_POSSESSIVE, COLLECTIVE_NOUNS, COMMISSIVE_VERBS, DOCUMENT_NOUNS,
                       INDEFINITE_DETERMINERS, ISSUING_VERBS, JOINT_MODIFIERS, PLAN_NOUNS, POSSESSIVE_PRONOUNS, POSTED_ROLE_NOUNS,
                       PRONOUNS_FIRST, PRONOUNS_GROUP, PRONOUNS_PERSON,
                       PRONOUNS_THING, RELATIVE_PRONOUNS, SOURCE_PREPOSITIONS, TEXT_NOUNS, TITLE_MODIFIER_SYNONYMS,
                       TITLE_PHRASE_SYNONYMS,
                       VOICE_ROLE_NOUNS)
from .actors import (HONORIFICS, ActorIndex, adjective_state, clean_name, in_dateline, place_names, role_phrase,
                     title_variants)
from .claim_events import event_lexicon
from .cues import CueLookup
from .document import ParsedArticle
from .gender import article_genders, pronoun_gender
from .matcher import is_root
from .model import Mention, Span
from .tokens import token_table
from .window import WINDOW, MentionWindow

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


class Titles:
    """The gazetteer's post titles (lower case) -> post IRI, and the post a title names, also
    misspelt: same number of words, the same head noun, the rest nearly alike (built once per
    gazetteer; each text looked up once)."""

    def __init__(self, gazetteer):
        self.titles = {t.lower(): post.iri for post in gazetteer.posts.values() for t in post.titles}
        for title, iri in list(self.titles.items()):
            for other in title_variants(title):  # "top diplomat" for "foreign minister"
                self.titles.setdefault(other, iri)
        self._by_shape: dict[tuple[int, str], list[tuple[str, str]]] = {}  # in the order of titles
        for title, iri in self.titles.items():
            tw = title.split()
            if tw:
                self._by_shape.setdefault((len(tw), tw[-1]), []).append((title, iri))
        self._misspelt: dict[str, str | None] = {}

    def post(self, low: str) -> str | None:
        """The post IRI of a lower-case title, else None."""
        post = self.titles.get(low)
        if post is not None:
            return post
        other = " ".join(TITLE_MODIFIER_SYNONYMS.get(w, w) for w in low.split())
        if other != low and other in self.titles:
            return self.titles[other]  # "chief diplomat" written for "top diplomat"
        if low in self._misspelt:
            return self._misspelt[low]
        words = low.split()
        best, score = None, 0.0
        for title, iri in self._by_shape.get((len(words), words[-1]), ()) if words else ():
            s = fuzz.ratio(title, low)
            if s > score:
                best, score = iri, s
        if len(self._misspelt) >= 100_000:
            self._misspelt.clear()
        post = self._misspelt[low] = best if score >= 90 else None
        return post


_TITLES: dict[int, tuple[object, int, Titles]] = {}


def titles_of(gazetteer) -> Titles:
    """The :class:`Titles` of a gazetteer, made on first use (again when its posts change)."""
    got = _TITLES.get(id(gazetteer))
    if got is None or got[0] is not gazetteer or got[1] != len(gazetteer.posts):
        if len(_TITLES) >= 8:
            _TITLES.clear()
        got = _TITLES[id(gazetteer)] = (gazetteer, len(gazetteer.posts), Titles(gazetteer))
    return got[2]


def _unnamed_member(tok) -> bool:
    """A role noun introducing someone not named ("a US official", "another EU diplomat", "one White
    House aide", "EU diplomats"): indefinite, or a plural with no determiner."""
    dets = [c.lower_ for c in tok.children if c.dep_ in ("det", "nummod") and c.i < tok.i]
    if dets:
        return dets[0] in INDEFINITE_DETERMINERS
    return tok.tag_ in ("NNS", "NNPS") and tok.lower_ not in VOICE_ROLE_NOUNS  # "ISW analysts": ISW


class SpeakerResolver:
    """Resolves subject tokens of one parsed article to actors (minting role holders into ``index``)."""

    def __init__(self, doc: ParsedArticle, index: ActorIndex, resources: Resources, cues: CueLookup):
        self.doc = doc
        self.cues = cues
        self.index = index
        self.resources = resources
        self.window = MentionWindow(doc, index)
        self.lex = resources.lexicon
        self.gazetteer = resources.gazetteer
        self._titles = titles_of(self.gazetteer)
        self.titles = self._titles.titles
        self.genders = article_genders(doc, index)  # a person's gender as the article itself shows it
        #: the words naming each unnamed actor minted from a role phrase ("an EU diplomat"), by (begin, IRI)
        self.role_mentions: dict[tuple[int, str], Mention] = {}
        self._role_names: dict[str, list] | None = None  # see _roles_named
        self._roles_of: dict[str, list] | None = None  # see _article_roles

    def actor(self, iri: str):
        return self.index.get(iri)

    def voice(self, iri: str | None):
        """The actor ``iri`` when it can speak: a known actor, not an outlet that relays words."""
        actor = self.index.get(iri) if iri else None
        return actor if actor is not None and not actor.is_source else None

    def subject_of(self, verb, depth: int = 0):
        """The subject token of a verb, inherited from governing verbs when it has none.

        A relative pronoun subject ("the mayor, who said …") stands for the noun the clause modifies;
        "quoted X as saying" and object control ("urged X to reject …") make X the subject.
        """
        tok_actor = self.doc.tok_actor
        doc = verb.doc
        table = token_table(doc)  # the children's relations read from the token table: a Token per subject only
        subjects = [doc[j] for j in table.children()[verb.i] if table.dep[j] in SUBJ]
        # "X, the port's spokesman, saying …": a participle hanging off a noun has that noun for subject.
        if not subjects and verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN") \
                and not any(c.dep_ == "agent" for c in verb.children):
            head = verb.head
            if head.i in tok_actor or self.lex.role_nouns.get(head.lemma_.lower()) \
                    or head.lemma_.lower() in self.lex.source_nouns:
                return head  # an actor, a role or a document ("a statement saying"), not "a position ruling out"
        # "quoted X as saying", "cited X as saying": X is the subject.
        if not subjects and verb.dep_ == "pcomp" and verb.head.lower_ == "as" and not is_root(verb.head):
            obj = next((c for c in verb.head.head.children if c.dep_ == "dobj" and c.pos_ in ("PROPN", "NOUN")), None)
            if obj is not None:
                return obj
        # Object control: "led X to label …", "urged X to reject …": X is the subject.
        if not subjects and verb.dep_ == "xcomp" and not is_root(verb) and verb.head.lemma_.lower() not in \
                COMMISSIVE_VERBS:
            obj = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i
                        and c.pos_ in ("PROPN", "NOUN")), None)
            if obj is not None:
                return obj
        # "X said Y fears …, calling it '…'": a reporting participle after a comma at the end of a
        # reported clause is the reporter's, not that clause's subject's (the parser hangs it low),
        # unless that subject is a person who speaks ("Z reports Ann shot it down, saying …").
        if not subjects and verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > 0 \
                and verb.doc[verb.i - 1].text == "," and self.cues.is_reporting(verb) \
                and not self._person_subject(verb.head):
            node = verb.head
            for _ in range(4):
                if is_root(node) or node.dep_ not in ("ccomp", "advcl", "conj", "xcomp"):
                    break
                if node.dep_ == "ccomp" and self.cues.is_reporting(node.head) \
                        and node.head.lemma_.lower() != "report":
                    return self.subject_of(node.head, depth + 1)
                node = node.head
        # "X was accused by Y of …": the speaker of a passive verb of speech is its agent (not when
        # quoting or reporting: "X was quoted by Y as saying" is X's)
        if subjects and all(c.dep_ == "nsubjpass" for c in subjects) and self.cues.is_reporting(verb) \
                and verb.lemma_.lower() not in ("quote", "cite", "report"):
            agent = next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"),
                         None)
            if agent is not None:
                return agent
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

    def _person_subject(self, verb) -> bool:
        """True when the verb's own subject is a person: a he/she or a person's name."""
        subj = next((c for c in verb.children if c.dep_ in SUBJ), None)
        if subj is None:
            return False
        if subj.lower_ in PRONOUNS_PERSON:
            return True
        iri = self.mentioned(subj)
        actor = self.actor(iri) if iri else None
        return actor is not None and actor.kind == "person"

    def resolve(self, tok, log: SpeakerLog) -> tuple[str | None, str | None, float]:
        """(speaker IRI, source IRI, confidence) named by a subject token."""
        doc = self.doc
        if tok is None:
            return None, None, 0.0
        iri = self.mentioned(tok)
        joint = self._joint_speaker(tok) if iri else None
        if joint:
            return joint, None, 0.7  # "X and Y said in a joint statement": the two together
        if iri:
            actor = self.actor(iri)
            if actor is not None and actor.is_source:
                return None, iri, 0.0
            return iri, None, 0.9
        low = tok.lower_
        if doc.doc_speaker and low in PRONOUNS_FIRST and not self.quoted(tok):
            return doc.doc_speaker, None, 0.85  # the document's own voice
        if low in PRONOUNS_PERSON:
            return self._antecedent(tok, log, person=True), None, 0.7
        if low in PRONOUNS_GROUP:
            single = self._singular_they(tok, log) if low == "they" else None
            if single:
                return single, None, 0.55
            return self._antecedent(tok, log, person=False), None, 0.6
        if low in PRONOUNS_THING and tok.dep_ in ("nsubj", "nsubjpass"):
            # "it said in a statement": the body named last, never a person or a state's name alone
            return self._antecedent(tok, log, person=False, strict=True), None, 0.55
        if tok.lemma_.lower() in self.lex.source_nouns and not self.lex.role_nouns.get(tok.lemma_.lower()):
            # "the statement said", "a communique issued by X": the body whose document it is
            owner = self.source_owner(tok)
            if owner is tok:
                owner = self._issuer(tok)
            if owner is not None and owner is not tok:
                return self.resolve(owner, log)
            author = self._author_of(tok) if tok.lemma_.lower() in TEXT_NOUNS else None  # not an outlet's
            if author:
                return author, None, 0.55
            ante = self._antecedent(tok, log, person=False, role=None, strict=True)
            return (ante, None, 0.55) if ante else (None, None, 0.0)
        if tok.lemma_.lower() in TEXT_NOUNS | PLAN_NOUNS and tok.dep_ in ("nsubj", "nsubjpass") \
                and not self.mentioned(tok):
            author = self._author_of(tok)  # "the document states": the author of the text named before
            if author:
                return author, None, 0.55
        rp = role_phrase(tok, self.lex)
        if rp is not None:
            start, end, kind = rp
            named = self._person_closing_title(tok) if kind == "person" else None
            if named:
                return named, None, 0.8
            of_phrase = self._group_of(tok, doc.tok_actor) if kind == "group" else None
            words = [t for t in doc.doc[start:end] if t.dep_ != "det" and t.lower_ not in CLITIC_POSSESSIVE]
            text = " ".join(t.text for t in words)
            holder = self._title_holder(text)
            if holder:
                return holder, None, 0.8
            det = [t.lower_ for t in doc.doc[start:end] if t.dep_ == "det"]
            modifiers = [t for t in doc.doc[start:end] if t.dep_ in ("amod", "compound", "nmod", "poss") and t.i != tok.i]
            bare = not [m for m in modifiers if m.lower_ not in POSSESSIVE_PRONOUNS] and of_phrase is None
            role = tok.lemma_.lower()
            outlet = role in self.lex.source_nouns or tok.lower_ in self.lex.source_nouns
            if bare and (det[:1] == ["the"] or len(modifiers) > 0):
                ante = self._antecedent(tok, log, person=kind == "person", role=role, sources=outlet)
                if ante:
                    return ante, None, 0.65
                return None, None, 0.0
            # "a spokesperson for X", "X's unnamed spokesperson": a role of a named actor, affiliated to it,
            # named as one names it: a body's role with the body's name before it ("Westland Harbour
            # Board spokesperson"), a person's or a state's with the possessive ("Ann Example's aide")
            others = [m for m in modifiers if m.dep_ != "poss" and m.head.i == tok.i]  # not "Mr" of "Mr X's"
            owner = self._role_owner(tok, possessor=not others)
            if owner is not None and kind == "person" and self._holds_title_before(owner, start):
                return owner, None, 0.8  # "Adviser to the Head of the Office Ann Example": her own post's title
            if owner is not None and kind != "group":
                actor = self.actor(owner)
                word = "spokesperson" if tok.lower_ in _ROLE_VARIANTS else tok.lower_  # one actor, however spelt
                name = f"{actor.name} {word}" if actor.kind == "organisation" else f"{actor.name}'s {word}"
                return self._noted(start, end, self.index.mint(name, kind, affiliation=owner)), \
                    None, 0.7
            # A definite descriptor ("the former prime minister", "the federal agency") names an actor
            # mentioned nearby, not a new actor named after the descriptor.
            affiliation = next((doc.tok_actor[t.i] for t in doc.doc[start:end] if t.i in doc.tok_actor), None) \
                or next((self._demonym_state(t) for t in doc.doc[start:end] if self._demonym_state(t)), None)
            # "the UN mission", "the EU delegation office": a body of the body named, not an antecedent
            sub_body = kind == "organisation" and any(m.dep_ == "compound" and m.i in doc.tok_actor for m in modifiers)
            if det[:1] == ["the"] and not sub_body:
                ante = self._antecedent(tok, log, person=kind == "person", role=role, strict=True, sources=outlet)
                if ante:
                    return ante, None, 0.6
                if kind == "person" and not outlet:
                    ante = self._descriptor_person(tok, log, role, affiliation)
                    if ante:
                        return ante, None, 0.55
            if tok.lower_ in self.lex.source_nouns or (bare and not (kind == "group" and (
                    not det or det[0] in INDEFINITE_DETERMINERS - ARTICLES))):
                return None, None, 0.0  # a bare plural ("critics said", "some senators said") is still a collective
            if kind == "group" and bare and not det:
                group = self._group_named_before(tok)
                if group:
                    return group, None, 0.6
            holder = self._role_in_article([t.lower_ for t in words])
            if holder is None and kind == "person" and tok.tag_ not in ("NNS", "NNPS"):
                holder = self._named_in_role(tok, words, affiliation, indefinite=bool(det) and det[0] != "the")
            if holder:
                return holder, None, 0.6
            if of_phrase is not None:
                end = of_phrase  # "heads of the breakaway regions", "members of the council"
            words = [t for t in doc.doc[start:end]  # not "the", "several", "some"
                     if not (t.i == start and (t.dep_ == "det" or t.lower_ in INDEFINITE_DETERMINERS))]
            name = "".join(t.text_with_ws for t in words).strip().replace(" 's", "'s").replace(" ’s", "’s")
            named = list(dict.fromkeys(doc.tok_actor[t.i] for t in doc.doc[start:end] if t.i in doc.tok_actor))
            if (len(named) > 1 and of_phrase is not None) or self._coordinated_members(tok, start, end):
                affiliation = None  # members of several ("the ministers of Westland and Ruritania")
            else:
                affiliation = (named[0] if named else None) or affiliation
            return self._noted(start, end, self.index.mint(name, kind, affiliation=affiliation)), None, 0.6
        if tok.ent_type_ in ("ORG", "GPE", "NORP") and tok.pos_ == "PROPN":
            span = doc.ent_at.get(tok.i)
            if span is not None and span.label_ == "ORG" and span[-1].lower_ not in DOCUMENT_NOUNS \
                    and clean_name(span.text).lower().replace("’", "'") not in place_names(self.resources) \
                    and not in_dateline(doc.doc, tok.i):
                return self.index.mint(span.text, "organisation"), None, 0.6  # a treaty's or a place's name is no body
        members = self._members_of(tok)
        if members is not None:
            return members, None, 0.6
        return None, None, 0.0

    def _members_of(self, tok) -> str | None:
        """ "an alliance of Westland rebel groups", "a coalition of farmers": the collective its
        plural "of" complement names (an actor named there, else one minted after the words)."""
        if tok.lower_ not in COLLECTIVE_NOUNS or tok.pos_ != "NOUN":
            return None
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == tok.i + 1), None)
        noun = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if noun is None or noun.tag_ != "NNS" or any(t.pos_ == "VERB" for t in noun.subtree):
            return None
        named = self.mentioned(noun)
        if named:
            return named
        words = [t for t in self.doc.doc[noun.left_edge.i:noun.i + 1] if t.dep_ != "det"]
        affiliation = next((self.doc.tok_actor[t.i] for t in words if t.i in self.doc.tok_actor), None) \
            or next(filter(None, map(self._demonym_state, words)), None)
        return self._noted(words[0].i, noun.i + 1, self.index.mint(" ".join(t.text for t in words), "group",
                                                                  affiliation=affiliation))

    def _noted(self, start: int, end: int, iri: str) -> str:
        """Keep the words ``start:end`` as a mention of the unnamed actor ``iri`` they name."""
        words = self.doc.doc[start:end]
        begin = words[0].idx + self.doc.offset
        self.role_mentions.setdefault((begin, iri), Mention(Span(begin, begin + len(words.text), words.text), iri))
        return iri

    def definite(self, tok, log: SpeakerLog) -> str | None:
        """The actor a role or document noun stands for as a definite descriptor ("the publication",
        "the ministry") when the parser hung its article on another word ('the publication states'
        read as one noun phrase); None when it names no one nearby."""
        role = tok.lemma_.lower()
        kind = self.lex.role_nouns.get(role)
        if kind is None:
            author = self._author_of(tok, definite=True) if role in TEXT_NOUNS else None
            if author:
                return author  # "the document states" after "the Westland memorandum"
            if role in self.lex.source_nouns:
                return self._antecedent(tok, log, person=False, role=None, strict=True)
            return None
        outlet = role in self.lex.source_nouns or tok.lower_ in self.lex.source_nouns
        return self._antecedent(tok, log, person=kind == "person", role=role, sources=outlet)

    def possessor(self, tok, log: SpeakerLog) -> str | None:
        """The actor a possessive pronoun stands for ("its", "his", "their", a document speaker's "our")."""
        low = tok.lower_
        if low in ("his", "her"):
            return self._antecedent(tok, log, person=True)
        if low in ("its", "their"):
            return self._antecedent(tok, log, person=False)
        if low in ("my", "our") and self.doc.doc_speaker and not self.quoted(tok):
            return self.doc.doc_speaker
        return None

    def quoted(self, tok) -> bool:
        """True when the token stands inside quotation marks."""
        return self.doc.in_quotes(tok.i)

    def mentioned(self, tok) -> str | None:
        """The actor a token's own noun phrase names (compounds, appositions), if any."""
        tok_actor = self.doc.tok_actor
        if tok.i in tok_actor:
            return tok_actor[tok.i]
        # "a US official", "an EU diplomat": one unnamed member of the body named, not the body
        unnamed = self.lex.role_nouns.get(tok.lemma_.lower()) == "person" and \
            any(c.dep_ == "det" and c.lower_ in INDEFINITE_DETERMINERS for c in tok.children)
        # "the Pentagon secretary": an organisation naming a role's holder is not the speaker itself.
        if not unnamed and (self.lex.role_nouns.get(tok.lower_) or self.lex.role_nouns.get(tok.lemma_.lower())):
            orgs = [c for c in tok.children if c.dep_ == "compound" and c.i in tok_actor
                    and (self.actor(tok_actor[c.i]) or None) is not None
                    and self.actor(tok_actor[c.i]).kind != "person"]
            if orgs:
                words = [t.lower_ for t in tok.subtree if t.i <= tok.i and t.dep_ != "det"]
                holder = self._title_holder(" ".join(words)) or self._role_in_article(words)
                if holder is None and _unnamed_member(tok):
                    return None  # "a US official", "EU diplomats": an unnamed member, minted by resolve
                if holder is None and self.lex.role_nouns.get(tok.lemma_.lower()) == "organisation":
                    # "the UN mission" is a body of the UN's own (named in apposition, or minted by resolve)
                    return next((tok_actor[c.i] for c in tok.children if c.dep_ == "appos" and c.i in tok_actor),
                                None)
                definite = any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
                if holder is None and definite:
                    # "the Ministry official": a person named nearby who works for that ministry
                    holder = self._descriptor_person(tok, (), tok.lemma_.lower(), tok_actor[orgs[0].i],
                                                     strict=True)
                if holder is None and definite and self.lex.role_nouns.get(tok.lemma_.lower()) == "person":
                    return None  # "the Harbourland president": a person, found with the speakers known (resolve)
                return holder or tok_actor[orgs[0].i]
        # A name inside the subject phrase (compounds, appositions, also of a conjoined role:
        # "the negotiator and adviser, Ann Example"), not inside its prepositions.
        for node in [tok] + [c for c in tok.children if c.dep_ == "conj"]:
            for child in node.children:
                if child.dep_ in ("compound", "appos", "amod") and child.i in tok_actor:
                    actor = self.actor(tok_actor[child.i])
                    if unnamed and node is tok and child.dep_ != "appos" and actor is not None \
                            and actor.kind != "person":
                        continue
                    return tok_actor[child.i]
        # "MP and adviser to Ann Example, Bob Sample, said": the parser hangs the name on the person
        # before it, but one named person is not in apposition to another: the name is the role's.
        return next((iri for iri, roles in self._roles_named().items() if any(t.i == tok.i for t in roles)), None)

    def source_owner(self, tok):
        """'a statement from the alliance' -> the alliance; 'TASS' -> TASS."""
        if tok.lemma_.lower() in self.lex.source_nouns:
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in SOURCE_PREPOSITIONS:
                    for g in c.children:
                        if g.dep_ == "pobj":
                            return g
                if c.dep_ == "poss":
                    return c
        return tok

    @staticmethod
    def _issuer(tok):
        """ "a statement issued by X": X."""
        for c in tok.children:
            if c.dep_ in ("acl", "relcl"):
                for g in c.children:
                    if g.dep_ == "agent":
                        return next((p for p in g.children if p.dep_ == "pobj"), None)
        return None

    @staticmethod
    def _group_of(tok, tok_actor) -> int | None:
        """End of a short "of" complement naming whose group it is ("heads of the two republics"), or of
        a longer one made of the names of its members."""
        prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == tok.i + 1), None)
        if prep is None:
            return None
        end = prep.right_edge.i + 1
        if any(t.pos_ == "VERB" for t in prep.subtree):
            return None
        if end - prep.i <= 8:
            return end
        # a longer list of named members ("the leaders of Westland, Ruritania, the UK and the US")
        named = all(t.i in tok_actor or t.is_punct or t.dep_ in ("cc", "det", "prep") or t.i == prep.i
                    for t in prep.subtree)
        return end if named and end - prep.i <= 24 else None

    def _coordinated_members(self, tok, start: int, end: int) -> bool:
        """True when the modifiers of a plural role noun join two different states or bodies ("US and
        Ruritanian officials", "Westland and Ruritanian negotiators"): a collective of several, affiliated to none."""
        doc = self.doc
        members = set()
        for t in doc.doc[start:end]:
            if t.dep_ == "conj" and t.head.i < t.i and t.head.head.i == tok.i:
                for m in (t.head, t):
                    iri = doc.tok_actor.get(m.i) or self._demonym_state(m)
                    members.add(iri or m.lower_)
        return len(members) > 1

    def _demonym_state(self, tok) -> str | None:
        """The state a demonym names (the state whose sovereign has it), if any."""
        lex = event_lexicon(self.resources)
        key = lex.demonyms.get(tok.lower_)
        if key is None:
            return adjective_state(tok.text, self.resources)  # "the Kazakh president"
        return next((iri for iri, k in lex.state_sovereign.items() if k == key), None)

    def _role_owner(self, tok, possessor: bool = True) -> str | None:
        """The named actor a role noun belongs to: "spokesperson for X", "spokesman of X", "X's aide",
    "adviser to X" (not "ambassador to X": the state that receives the ambassador)."""
        tok_actor = self.doc.tok_actor
        for child in tok.children:
            if possessor and child.dep_ == "poss" and child.lower_ not in POSSESSIVE_PRONOUNS:
                iri = tok_actor.get(child.i)
                if iri:
                    return iri
            if child.dep_ == "prep" and child.lower_ in ("for", "of", "to") \
                    and not (child.lower_ == "to" and tok.lower_ in POSTED_ROLE_NOUNS):  # "ambassador to X": X's host
                for g in child.children:
                    if g.dep_ == "pobj":
                        iri = tok_actor.get(g.i) or next((tok_actor[c.i] for c in g.children
                                                          if c.dep_ in ("compound", "appos") and c.i in tok_actor), None)
                        if self.voice(iri) is not None:
                            return iri
        return None

    def _person_closing_title(self, tok) -> str | None:
        """The person named at the end of a role's own "of"/"to"/"for" phrase right after a body's name
        ("Deputy Head of the Westland Security Council Ann Example said"): the role's holder, not
        someone the role belongs to ("an aide to Senator Ann Example", "an adviser to Ann Example")."""
        tok_actor, doc = self.doc.tok_actor, self.doc.doc
        node = tok
        for _ in range(4):
            prep = next((c for c in node.children if c.dep_ == "prep" and c.lower_ in ("of", "to", "for")
                         and c.i > node.i), None)
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
            if obj is None:
                return None
            iri = tok_actor.get(obj.i)
            actor = self.actor(iri) if iri else None
            title = obj.lower_ in HONORIFICS or self.lex.role_nouns.get(obj.lemma_.lower()) == "person"
            if actor is not None and actor.kind == "person" and not title:  # not "to the Head of X's Office Y"
                first = obj.i
                while first > prep.i + 1 and tok_actor.get(first - 1) == iri:
                    first -= 1
                before = doc[first - 1]
                if first - 1 > prep.i and before.text[:1].isupper() and before.lower_ not in ("the",) \
                        and self.lex.role_nouns.get(before.lemma_.lower()) != "person" and before.lower_ not in HONORIFICS:
                    return iri
                return None
            node = obj
        return None

    def _holds_title_before(self, iri: str, start: int) -> bool:
        """True when the words from ``start`` to the person's first mention after it are the title of
        a post the gazetteer gives that person ("Adviser to the Head of the Office Ann Example", with
        the name read together with the title of the head's post)."""
        tok_actor, doc = self.doc.tok_actor, self.doc.doc
        posts = {p.iri for p in self.gazetteer.posts_of(iri, None)}
        if not posts:
            return False
        for end in range(start + 1, min(len(doc), start + 16)):
            if tok_actor.get(end) != iri:
                continue  # each word of the person's mention may be where the name starts
            words = [t for t in doc[start:end] if not (t.i == start and t.dep_ == "det")]
            if self._titles.post(" ".join(t.lower_ for t in words).replace("’", "'").replace(" 's", "'s")) in posts:
                return True
        return False

    def _title_holder(self, text: str) -> str | None:
        post = self._titles.post(text.lower().replace("’", "'"))
        return self.index.holder(post) if post else None

    def _antecedent(self, tok, log: SpeakerLog, person: bool, role: str | None = None, strict: bool = False,
                    sources: bool = False, outlets_only: bool | None = None) -> str | None:
        """Most recent fitting actor before ``tok``: speakers first, then any mention.

        ``strict``: a person must hold (or have held) a post with the role word, an organisation
        must have it in its name; ``sources``: outlets may be meant ("the publication said")."""
        doc = self.doc
        if outlets_only is None:  # "the publication", "the agency": an outlet if one is near, else any body
            outlets_only = sources and role in self.lex.source_nouns
        sstart = doc.sents[doc.sent_of[tok.i]].start
        sent = self.window.effective_sentence(tok.i)  # a frame after a long quote counts from its start
        pronoun = tok.lower_ in PRONOUNS_PERSON | PRONOUNS_GROUP
        gender = pronoun_gender(tok.lower_) if person else None  # "she" passes over men the text shows
        # The sentence's topic (its earliest subject or possessor), then speakers, then other
        # mentions, most recent first, within a few sentences; "the ministry": an organisation
        # whose name has that word before any other.
        # a he/she subject: the subject of the sentence before comes before older speakers
        previous = gender is not None and tok.dep_ in ("nsubj", "nsubjpass", "dobj")
        narrative = gender is not None and not self.quoted(tok)
        # "Ivanenko is "widening the dispute," he said": the subject of a verb is not a name inside
        # the clause that verb reports (its complement), which it governs; what comes before a
        # semicolon or a colon is a clause of its own, whatever the parse ("X scoffed …; "…," he said")
        governed = set()
        if pronoun and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i != tok.i:
            stop = max((t.i for t in doc.doc[sstart:tok.i] if t.text in (";", ":")), default=-1)
            governed = {t.i for c in tok.head.children if c.dep_ in ("ccomp", "xcomp")
                        for t in c.subtree if t.i > stop}
        for cand in self.window.candidates(tok.i, log, role if role and not person else None, previous):
            if cand is None:
                break
            i, iri = cand
            if pronoun and i >= sstart and self._in_participle_poss(doc.doc[i]):
                continue  # "Ridiculing X's claim, she said": not X
            if i in governed:
                continue
            if narrative and doc.tok_actor.get(i) == iri and self.window.quoted_token(i):
                continue  # a pronoun of the narrative does not stand for a name inside someone's words
            if sent - doc.sent_of[i] > WINDOW:
                break
            actor = self.actor(iri)
            if actor is None or (actor.is_source and not sources):
                continue
            if outlets_only and not actor.is_source and role not in actor.name.lower():
                continue  # "the publication": an outlet first
            if strict and not person and not sources and actor.kind != "organisation":
                continue
            if person and actor.kind != "person":
                continue
            if gender and self.genders.get(iri, gender) != gender:
                continue
            if not person and actor.kind == "person":
                continue
            if role and actor.kind == "person" and not self._has_role(actor.iri, role):
                continue
            return iri
        if outlets_only:
            # "the publication says" sentences after "Harbour News reports": the outlet named last,
            # however far back (an article quoting one outlet keeps calling it "the publication")
            return self._outlet_before(tok.i) or \
                self._antecedent(tok, log, person, role, strict, sources, outlets_only=False)
        if role and not strict:
            return self._antecedent(tok, log, person, None) if person else None
        return None

    def _outlet_before(self, i: int) -> str | None:
        """The outlet (a source actor) mentioned last before token ``i`` outside quotation marks."""
        keys = self.window.keys
        for k in range(bisect_left(keys, i) - 1, -1, -1):
            actor = self.actor(self.doc.tok_actor[keys[k]])
            if actor is not None and actor.is_source and not self.window.quoted_token(keys[k]):
                return actor.iri
        return None

    def _descriptor_person(self, tok, log: SpeakerLog, role: str, affiliation: str | None,
                           strict: bool = False) -> str | None:
        """The person a definite descriptor ("the Kazakh president", "the country's prime minister",
        "the Texas Republican") stands for when no one named nearby is known to hold that post: the
        nearest person (the sentence's topic, then speakers, then other mentions) whose known posts
        or affiliation do not contradict it (``strict``: that show they belong to ``affiliation``)."""
        sent = self.doc.sent_of[tok.i]
        for cand in self.window.candidates(tok.i, log):
            if cand is None:
                break
            i, iri = cand
            if sent - self.doc.sent_of[i] > WINDOW:
                break
            actor = self.actor(iri)
            if actor is None or actor.kind != "person" or actor.is_source:
                continue
            posts = self.gazetteer.posts_of(iri, None)
            if posts:
                bodies = {p.organisation for p in posts} | {actor.affiliation}
                if not (self._has_role(iri, role) or (affiliation and affiliation in bodies)):
                    continue
            elif affiliation and actor.affiliation != affiliation and (strict or actor.affiliation):
                continue  # strict: the person must be known to work for the descriptor's body
            return iri
        return None

    def _singular_they(self, tok, log: SpeakerLog) -> str | None:
        """ "they said" right after a sentence whose speaker is an unnamed person ("Mr X's spokesperson
        said …"): that person (singular they). None when the latest speaker before is anyone else."""
        if tok.dep_ not in ("nsubj", "nsubjpass") or self.quoted(tok):
            return None
        sent = self.doc.sent_of[tok.i]
        before = [(i, a) for i, a in log if i < tok.i and 0 <= sent - self.doc.sent_of[i] <= 1]
        if not before:
            return None
        iri = max(before)[1]
        actor = self.actor(iri)
        unnamed = actor is not None and actor.kind == "person" and not actor.from_gazetteer and \
            any(w in self.lex.role_nouns for w in actor.name.lower().replace("'s", " ").split())
        return iri if unnamed else None

    @staticmethod
    def _in_participle_poss(tok) -> bool:
        """A possessor inside a participle clause ("Ridiculing X's claim, she said") or a fronted "to"
        phrase ("To X's remark, he replied"): not the antecedent of the clause's own pronoun subject."""
        if not (tok.dep_ == "poss" or tok.head.dep_ == "poss"):
            return False
        node = tok
        for _ in range(8):
            if is_root(node):
                return False
            node = node.head
            if node.dep_ == "advcl" and node.tag_ == "VBG":
                return True
            if node.dep_ == "prep" and node.lower_ == "to" and node.head.pos_ in ("VERB", "AUX") \
                    and node.i < node.head.i:
                return True  # "To X's remark, he replied": whom one answers is someone else ("In X's view, he": X)
        return False

    def _joint_parties(self, text) -> str | None:
        """The collective of the parties of a joint text ("X and Y issued a joint statement", "X said in a
        joint statement with Y"), minted as one group named after them; None unless two actors are named."""
        if not any(c.dep_ == "amod" and c.lower_ in JOINT_MODIFIERS for c in text.children):
            return None
        verb = text.head.head if text.dep_ == "pobj" and text.head.dep_ == "prep" else text.head
        if text.dep_ not in ("dobj", "pobj") or verb.pos_ not in ("VERB", "AUX"):
            return None
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        parties = [subj] + [c for c in subj.children if c.dep_ == "conj"] if subj is not None else []
        parties += [p for c in text.children if c.dep_ == "prep" and c.lower_ == "with"
                    for p in c.children if p.dep_ == "pobj"]
        iris = list(dict.fromkeys(i for i in map(self.mentioned, parties) if self.voice(i) is not None))
        if len(iris) < 2:
            return None
        name = " and ".join(self.actor(i).name for i in iris)
        return self.index.mint(name, "group")

    def _joint_speaker(self, tok) -> str | None:
        """The collective speaking when a subject's verb puts out a joint text ("X and Y issued a joint
        statement, describing …", "X said in a joint statement with Y that …")."""
        if tok.dep_ != "nsubj":
            return None
        for c in tok.head.children:
            text = next((p for p in c.children if p.dep_ == "pobj"), None) if c.dep_ == "prep" else c
            if text is not None and text.lemma_.lower() in TEXT_NOUNS and text.dep_ in ("dobj", "pobj"):
                joint = self._joint_parties(text)
                if joint:
                    return joint
        return None

    def _author_of(self, tok, definite: bool = False) -> str | None:
        """The author a text noun's own words name ("the Westland memorandum", "the Ruritanian message",
        "Westland's proposal"); for a bare "the document" or "this text", that of the latest text
        noun of the sentences before whose words name one ("The Westland memorandum … the document
        states"; ``definite``: the caller knows the noun is definite, its article hung elsewhere)."""
        def own(t) -> str | None:
            for c in t.children:
                if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i < t.i:
                    iri = self.doc.tok_actor.get(c.i)
                    if self.voice(iri) is not None:
                        return iri
                    state = self._demonym_state(c) if c.pos_ in ("ADJ", "PROPN") else None
                    if state:
                        return state
            issuer = self._issuer(t)  # "the proposals made by Westland"
            iri = self.doc.tok_actor.get(issuer.i) if issuer is not None else None
            return iri if self.voice(iri) is not None else None

        def issued(t) -> str | None:
            """The one actor that puts the text out ("Westland presented a plan", "X issued a statement")."""
            verb = t.head
            if t.dep_ not in ("dobj", "nsubjpass") or verb.lemma_.lower() not in ISSUING_VERBS:
                return None
            subj = [c for c in verb.children if c.dep_ == "nsubj"]
            if t.dep_ == "nsubjpass":  # "a plan was presented by Westland"
                subj = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            if len(subj) != 1 or any(c.dep_ == "conj" for c in subj[0].children):
                return None  # "X and Y signed a declaration": the text is neither's alone
            iri = self.mentioned(subj[0])
            return iri if self.voice(iri) is not None else None

        found = own(tok)
        same = tok.lemma_.lower()  # "the plan" stands for a plan named before, "the document" for any text
        joint = any(c.dep_ == "amod" and c.lower_ in JOINT_MODIFIERS for c in tok.children)
        if found or (not joint and any(c.dep_ in ("amod", "compound", "poss", "nmod") for c in tok.children)):
            return found  # only a bare "the document" stands for a text named before
        if not (definite or joint or any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)):
            return None  # "a joint statement said": the joint text named before, if any
        sent = self.doc.sent_of[tok.i]
        start = self.doc.sents[max(0, sent - WINDOW)].start
        lemma = token_table(self.doc.doc).lemma
        for n in range(tok.i - 1, start - 1, -1):
            if self.doc.in_quotes(n):
                continue  # not a text the quoted words name ('"… the Westland Charter …," the document reads')
            if same not in ("document", "text") and lemma[n] != same:
                continue  # "the plan … the plan calls for": the plan named before, no other text
            if lemma[n] in PLAN_NOUNS:
                found = issued(self.doc.doc[n])  # "Westland presented a plan … the document reads"
            elif lemma[n] in TEXT_NOUNS or lemma[n] in self.lex.source_nouns:
                found = self._joint_parties(self.doc.doc[n]) or own(self.doc.doc[n]) or issued(self.doc.doc[n])
            if found:
                return found
        return None

    def _group_named_before(self, tok) -> str | None:
        """ "Negotiators said …" right after "Westland's negotiators said …": a bare plural is the
        collective named with the same head noun in its sentence or the one before (the latest)."""
        sent = self.doc.sent_of[tok.i]
        lemma = tok.lemma_.lower()
        tokens = self.doc.doc
        start = self.doc.sents[max(sent - 1, 0)].start_char + self.doc.offset
        here = tokens[tok.i].idx + self.doc.offset
        found = [(tokens[i].idx + self.doc.offset, iri) for i, iri in self.doc.tok_actor.items()
                 if i < tok.i and 0 <= sent - self.doc.sent_of[i] <= 1 and tokens[i].lemma_.lower() == lemma]
        found += [(begin, iri) for (begin, iri), m in self.role_mentions.items()
                  if start <= begin and m.span.end <= here and m.span.text.split()[-1].lower() == tok.lower_]
        for _, iri in sorted(found, reverse=True):
            actor = self.actor(iri)
            if actor is not None and actor.kind == "group":
                return iri
        return None

    def _named_in_role(self, tok, words, state: str | None, indefinite: bool) -> str | None:
        """The one person the article names in the role a descriptor gives ("Kazakh president" in a
        headline, "a ministry spokesperson" before "the spokesperson, Ann Example, said"): a person
        whose name the article writes after that title ("Westland's President Ann Example") or in
        apposition to it, of the same state when the descriptor has one. The two titles have the same
        head word and one has all the other's words ("prime minister" is not "foreign minister"). An
        indefinite descriptor ("a spokesperson") is only the person a definite one names later ("the
        spokesperson, Ann Example")."""
        role = _role_stem(tok.lemma_.lower())
        mine = self._title_words(words)
        text = " ".join(t.lower_ for t in words)
        for phrase, others in TITLE_PHRASE_SYNONYMS.items():  # "top diplomat": the foreign minister
            for other in others:
                if other in text and other.split()[-1] == tok.lower_:
                    mine, role = (mine - set(other.split())) | set(phrase.split()), phrase.split()[-1]
        found = set()
        for iri, roles in self._article_roles().items():
            actor = self.actor(iri)
            bodies = {actor.affiliation} | {p.organisation for p in self.gazetteer.posts_of(iri, None)}
            bodies |= {getattr(self.actor(b), "affiliation", None) for b in bodies if b}  # the ministry's state
            for head, title, where, definite in roles:
                if head == role and (mine <= title or title <= mine) \
                        and (state is None or where == state or state in bodies) and (definite or not indefinite):
                    found.add(iri)
        return found.pop() if len(found) == 1 else None

    def _title_words(self, tokens) -> frozenset[str]:
        """The words of a title, without determiners, possessors and the words naming a state."""
        return frozenset(_role_stem(t.lemma_.lower()) for t in tokens
                         if t.dep_ not in ("det", "poss", "case") and t.lower_ not in CLITIC_POSSESSIVE
                         and t.i not in self.doc.tok_actor and not self._demonym_state(t))

    def _article_roles(self) -> dict[str, list[tuple[str, frozenset[str], str | None, bool]]]:
        """Named person IRI -> (head word, words, state, written as "the <role>, <name>") of each title
        the article gives that person: title words before the name ("Westland's President Ann
        Example"), a role the name stands in apposition to ("the spokesperson, Ann Example") or one in
        apposition to the name ("Ann Example, Westland's ambassador") (built once)."""
        if self._roles_of is not None:
            return self._roles_of
        self._roles_of = {}
        doc, tok_actor = self.doc.doc, self.doc.tok_actor
        roles = self.lex.role_nouns

        def state_of(tok) -> str | None:
            for t in tok.children:
                if t.dep_ in ("poss", "compound", "amod", "nmod"):
                    iri = tok_actor.get(t.i)
                    actor = self.actor(iri) if iri else None
                    if actor is not None and actor.kind == "state":
                        return iri
                    demonym = self._demonym_state(t) if t.pos_ in ("ADJ", "PROPN") else None
                    if demonym:
                        return demonym
            return None

        def is_role(t) -> bool:
            return roles.get(t.lemma_.lower()) == "person" and t.pos_ in ("NOUN", "PROPN") and t.i not in tok_actor

        def phrase(t) -> list:
            return [u for c in t.children if c.dep_ in ("compound", "amod") and c.i < t.i for u in c.subtree] + [t]

        for i, iri in tok_actor.items():
            actor = self.actor(iri)
            head = doc[i]
            if actor is None or actor.kind != "person" or (head.head.i != i and tok_actor.get(head.head.i) == iri):
                continue  # the head word of each mention of a person
            found = self._roles_of.setdefault(iri, [])
            before = [c for c in head.children if c.dep_ in ("compound", "amod") and c.i < i and c.i not in tok_actor]
            before = [u for c in before for u in c.subtree if u.i not in tok_actor]  # "Foreign" of "Foreign Minister"
            for c in before:
                if is_role(c):
                    found.append((_role_stem(c.lemma_.lower()), self._title_words(before),
                                  state_of(c) or state_of(head), False))
            for c in head.children:
                if c.dep_ == "appos" and is_role(c):
                    found.append((_role_stem(c.lemma_.lower()), self._title_words(phrase(c)), state_of(c), False))
            if head.dep_ == "appos" and is_role(head.head):
                definite = any(c.dep_ == "det" and c.lower_ == "the" for c in head.head.children)
                found.append((_role_stem(head.head.lemma_.lower()), self._title_words(phrase(head.head)),
                              state_of(head.head), definite))
        return self._roles_of

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
        if actor and role in actor.name.lower():
            return True
        # The article gives the role in apposition: "Ann Example, the former prime minister, …"
        tokens = self.doc.doc
        for i, a in self.doc.tok_actor.items():
            if a != iri:
                continue
            for c in tokens[i].children:
                if c.dep_ == "appos" and any(t.lemma_.lower().rstrip("s") in stems for t in c.subtree):
                    return True
        # ... or names the person after the role: "MP and adviser to Ann Example, Bob Sample, said"
        return any(t.lemma_.lower().rstrip("s") in stems for t in self._roles_named().get(iri, ()))

    @staticmethod
    def _closes_role_phrase(name, roles: set[int]) -> bool:
        """True when a name in apposition hangs on the object of a role's own "to"/"for"/"of" phrase,
        or of a chain of up to three prepositional phrases from the role ("representative at the
        agencies in Lisbon, Ann Example")."""
        node = name.head
        for depth in range(3):
            if node.dep_ != "pobj" or node.head.dep_ != "prep":
                return False
            prep = node.head
            if depth == 0 and prep.head.i in roles and prep.lower_ in ("to", "for", "of"):
                return True
            node = prep.head
            if depth > 0 and node.i in roles:
                return True
        return False

    def _roles_named(self) -> dict[str, list]:
        """Person IRI -> the role-noun tokens whose own phrase names that person (built once)."""
        if self._role_names is None:
            self._role_names = {}
            tok_actor = self.doc.tok_actor
            lemma, role_nouns = token_table(self.doc.doc).lemma, self.lex.role_nouns
            for n in range(len(lemma)):
                if n in tok_actor or role_nouns.get(lemma[n]) != "person":
                    continue  # read without making the Token
                t = self.doc.doc[n]
                roles = {t.i} | {c.i for c in t.children if c.dep_ == "conj"}
                for u in t.subtree:
                    if u.dep_ != "appos" or u.i not in tok_actor \
                            or getattr(self.actor(tok_actor[u.i]), "kind", None) != "person":
                        continue
                    if u.head.i in tok_actor and tok_actor[u.head.i] != tok_actor[u.i] \
                            and getattr(self.actor(tok_actor[u.head.i]), "kind", None) == "person":
                        self._role_names.setdefault(tok_actor[u.i], []).append(t)
                        break
                    # "the counsellor to the Lisbon Port Board, Ann Example, said", "Westland's
                    # representative at the agencies in Lisbon, Ann Example, said": the name closing the
                    # role's own prepositional phrases after a comma is the role's holder
                    if u.left_edge.i > 0 and self.doc.doc[u.left_edge.i - 1].text == "," \
                            and self._closes_role_phrase(u, roles):
                        self._role_names.setdefault(tok_actor[u.i], []).append(t)
                        break
        return self._role_names
