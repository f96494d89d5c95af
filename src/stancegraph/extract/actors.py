"""Actor recognition and resolution within one article.

Order of evidence: gazetteer names and aliases (exact, case-sensitive tokens);
post titles ("White House spokesman") resolved to the holder at the article's date;
spaCy PERSON / ORG entities for everyone else, minted with stable IRIs from
their normalised names; a misspelt name only matches the gazetteer when it
stands where a person does (a PERSON entity) and is a close match of a
gazetteer name with the same first name. Back-references ("he", "the
spokesman") go to the most recent fitting actor.

One actor however the article spells it: a surname spelt unlike the gazetteer's
spellings, or unlike the article's own earlier spelling, is that person; a word
of an organisation's name ("the Front"), or its last words ("the General
Assembly"), is that organisation; a state's institution named with the state
("Westland's Foreign Ministry") is the gazetteer body or one affiliated to the
state, and a gazetteer body's generic name given to another state ("the country's
National Security Council") is not that body. Places, peoples' adjectives,
treaties and the place of a dateline are no actors.

One kind however the recogniser reads it: a name it takes for a body at some
mentions and for a person at others is a person where a title before it or a
role in apposition shows one ("chief mediator Ann Example", "Sample, the
ambassador"); a name it misses after a title ("Minister of Agriculture Ann
Example"), or reads together with the title's field, is minted from its own words;
a one-word name it sees at some mentions only is that actor at the others too.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from datetime import date

from rapidfuzz import fuzz
from spacy.matcher import PhraseMatcher

from ..knowledge import Actor, Resources, per_resources
from ..ids import actor_iri, unaccented
from ..lang_en import (CLITIC_POSSESSIVE, DEMONYM_ENDINGS, DOCUMENT_NOUNS, INSTITUTION_NOUNS, PERSONAL_HONORIFICS,
                       STATE_NOUNS, TITLE_MODIFIER_SYNONYMS, TITLE_PHRASE_SYNONYMS)
from .model import Mention, Span
from .tokens import doc_ents, doc_text, token_table

HONORIFICS = {"mr", "mrs", "ms", "dr", "president", "prime", "minister", "secretary", "general", "gen",
              "spokesman", "spokeswoman", "spokesperson", "chancellor", "sir", "lord", "dame", "lady", "baroness",
              "baron", "miss", "foreign",
              "defence", "defense", "deputy", "chief", "press", "head", "senator", "sen", "rep",
              "ambassador", "envoy", "adviser", "advisor", "aide", "commander", "colonel", "col",
              "lieutenant", "lt", "admiral", "adm", "former", "acting", "vice", "special", "national",
              "councillor", "councilor", "chairman", "chairwoman", "chair", "director", "professor", "prof",
              "judge", "justice", "mp", "mep", "congressman", "congresswoman", "representative",
              "security", "state", "negotiator", "premier", "king", "queen", "pope", "mayor", "governor",
              "mediator", "cardinal", "archbishop", "bishop", "patriarch", "nuncio", "rabbi", "imam", "sheikh",
              "reverend"}


#: a dateline opening a paragraph: a place in capitals, maybe a date, an agency in brackets, a dash; or a
#: place in capitals and a colon or a dash before the sentence ("LISBON: The port board said …", "LISBON – The …")
_DATELINE = re.compile(r"^[ \t]*[A-Z][A-Z.'’ -]{1,40}(?:,[^()\n]{1,40})?[ \t]*\([^)\n]{1,40}\)[ \t]*[-–—]"
                       r"|^[ \t]*[A-Z][A-Z.'’ ]{3,40}(?::(?=[ \t]+[A-Z][a-z])|[ \t]+[-–—](?=[ \t]+[A-Z]))", re.M)


def _apostrophes(keys: list[str]) -> list[str]:
    """Each key (written with a straight apostrophe) and its typographic spelling ("Westland’s"):
    the texts use both, and a phrase matcher compares exact token texts."""
    out = []
    for key in keys:
        out.append(key)
        if "'" in key:
            out.append(key.replace("'", "’"))
    return out


def _fold(word: str) -> str:
    """Lower case without accents ("Takáč" -> "takac")."""
    return unaccented(word.lower())


def _same_person(name: str, other: str) -> bool:
    """Two spellings of one person's name (a transliteration or a typo): a surname alone at least
    85 % like the other's surname (and of five letters or more), or two names whose first names are
    alike (the same, or 60 %) and whose surnames are 75 % alike (85 % when the first names differ).

    >>> _same_person("Podoliak", "Mykhailo Podolyak"), _same_person("Ann Exampel", "Ann Example")
    (True, True)
    >>> _same_person("Example", "Bob Sample"), _same_person("Ann Example", "Bob Example")
    (False, False)
    """
    a, b = [_fold(w) for w in name.split()], [_fold(w) for w in other.split()]
    if not a or len(b) < 2:
        return False
    surname = fuzz.ratio(a[-1], b[-1])
    if len(a) == 1:
        return len(a[0]) >= 5 and a[0][0] == b[-1][0] and surname >= 85
    first = fuzz.ratio(a[0], b[0])
    if a[0] == b[0]:
        return surname >= 75
    return first >= 60 and a[0][0] == b[0][0] and surname >= 85


def _spelt_alike(name: str, other: str) -> bool:
    """Two spellings of one name where the text puts them in one place (a title and the name in
    apposition to it): the same initials and a surname at least 70 % alike.

    >>> _spelt_alike("Sergiy Kislitsa", "Serhiy Kyslytsya"), _spelt_alike("Ann Example", "Bob Example")
    (True, False)
    """
    a, b = [_fold(w) for w in name.split()], [_fold(w) for w in other.split()]
    if len(a) < 2 or len(b) < 2 or a[0][:1] != b[0][:1] or a[-1][:1] != b[-1][:1]:
        return False
    return fuzz.ratio(a[-1], b[-1]) >= 70


_PLACES: dict[int, tuple[Resources, frozenset[str]]] = {}


def place_names(resources: Resources) -> frozenset[str]:
    """The territories' names and aliases, lower case with straight apostrophes (made once per
    resources): a place is never an actor."""
    return per_resources(_PLACES, resources, lambda res: frozenset(
        n.lower().replace("’", "'") for t in res.territories.values() for n in (t.name, *t.aliases)))


_ADJECTIVES: dict[int, tuple[Resources, dict[str, str | None]]] = {}


def adjective_state(word: str, resources: Resources) -> str | None:
    """The gazetteer state an adjective names by sharing the start of its name ("Kazakh" ->
    Kazakhstan, "Ruritanian" -> Ruritania): the one state whose first name word shares at least
    four letters with it and all but at most four of its own, the adjective adding at most four
    ("-ian", "-ese"); None for any other word.

    >>> from stancegraph.knowledge import load_resources
    >>> res = load_resources()
    >>> adjective_state("Kazakh", res).rsplit("/", 1)[-1], adjective_state("Indiana", res)
    ('kazakhstan', None)
    >>> adjective_state("Australian", res) is None  # not Austria
    True
    """
    cache = per_resources(_ADJECTIVES, resources, lambda _: {})
    if word in cache:
        return cache[word]
    w = _fold(word)
    found: set[str] = set()
    if word[:1].isupper() and w.endswith(DEMONYM_ENDINGS) and len(w) >= 4:
        for actor in resources.gazetteer.actors.values():
            if actor.kind != "state":
                continue
            for label in (actor.name, *actor.aliases):
                first = _fold(label.split()[0]) if label.strip() else ""
                if not first or first == w or not first[:1].isalpha():
                    continue
                common = len(os.path.commonprefix([w, first]))
                if common >= max(4, len(first) - 4) and len(w) - common <= 4:  # not "Austr-alian"
                    found.add(actor.iri)
    cache[word] = next(iter(found)) if len(found) == 1 else None
    return cache[word]


def title_variants(low: str) -> list[str]:
    """Other words for a lower-case post title that the news uses ("Westland's top diplomat" for
    "Westland's foreign minister"); none for most titles.

    >>> title_variants("westland's foreign minister"), title_variants("prime minister")
    (["westland's top diplomat", "westland's chief diplomat"], [])
    """
    return [low.replace(phrase, other) for phrase, others in TITLE_PHRASE_SYNONYMS.items()
            if phrase in low for other in others]


def clean_name(text: str) -> str:
    """A name as minted: no possessive, no leading article, no bracket left open at its end (the
    recogniser cut "the Group of 7 (G-7) club" after "(G-7").

    >>> clean_name("the Group of 7 (G-7"), clean_name("Westland's"), clean_name("Institute of Ports (IoP)")
    ('Group of 7', 'Westland', 'Institute of Ports (IoP)')
    """
    text = text.strip()
    if text.count("(") > text.count(")"):
        text = text[:text.rindex("(")].strip() or text
    text = re.sub(r"['’]s$", "", text)
    text = re.sub(r"^(the|a|an)\s+", "", text, flags=re.I)
    return " ".join(text.split())


@dataclass
class ActorIndex:
    """Actors known in one article: gazetteer entries and ones minted from its text."""

    resources: Resources
    day: date | None
    minted: dict[str, Actor] = field(default_factory=dict)
    inferred_day: date | None = None  # from the article's own text when it has no date
    named: set[str] = field(default_factory=set)  # gazetteer people named in the article

    def holder(self, post: str) -> str | None:
        """Who a post title names in this article.

        On the article's date, that day's holder. With no date: a holder of the post
        named elsewhere in the article (the latest-begun of them), then the holder on
        the date inferred from the text, and only then the current holder.
        """
        gaz = self.resources.gazetteer
        if self.day is not None:
            return gaz.holder(post, self.day)
        tenures = [t for t in gaz.tenures if t.post == post and t.person in self.named]
        if tenures:
            return max(tenures, key=lambda t: (t.begin or date.min, t.person)).person
        if self.inferred_day is not None:
            found = gaz.holder(post, self.inferred_day)
            if found:
                return found
        return gaz.holder(post, None)

    def get(self, iri: str) -> Actor | None:
        return self.resources.gazetteer.actors.get(iri) or self.minted.get(iri)

    def mint(self, name: str, kind: str, affiliation: str | None = None) -> str:
        name = clean_name(name)
        iri = actor_iri(name)
        if iri in self.resources.gazetteer.actors:
            return iri
        if iri not in self.minted:
            self.minted[iri] = Actor(iri=iri, name=name, kind=kind, affiliation=affiliation,
                                     from_gazetteer=False)
        return iri


class ActorFinder:
    """Finds actor mentions in a parsed article (built once per resources + model)."""

    def __init__(self, nlp, resources: Resources):
        self.nlp = nlp
        self.res = resources
        gaz = resources.gazetteer
        self.names = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.names_lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.titles = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.alias_of: dict[str, str] = {}
        for actor in gaz.actors.values():
            for alias in (actor.name, *actor.aliases):
                key = alias.replace("’", "'")
                self.alias_of.setdefault(key, actor.iri)
                self.alias_of.setdefault(key.lower(), actor.iri)
        tok = nlp.tokenizer
        self.names.add("NAME", [tok(a) for a in _apostrophes(sorted(self.alias_of)) if a and not a.islower()])
        # All-lower-case aliases ("the council") are rare; match those case-insensitively.
        lower_only = [a for a in self.alias_of if a.islower() and a.lower() == a and a not in ("",)]
        if lower_only:
            self.names_lower.add("NAME", [tok(a) for a in _apostrophes(sorted(lower_only))])
        self.title_of: dict[str, str] = {}
        for post in gaz.posts.values():
            for title in post.titles:
                low = title.lower().replace("’", "'")
                self.title_of.setdefault(low, post.iri)
        for low, post in list(self.title_of.items()):  # "chief diplomat" written for "top diplomat"
            self.title_of.setdefault(" ".join(TITLE_MODIFIER_SYNONYMS.get(w, w) for w in low.split()), post)
            for other in title_variants(low):  # "top diplomat" for "foreign minister"
                self.title_of.setdefault(other, post)
        self.titles.add("TITLE", [tok(t) for t in _apostrophes(sorted(self.title_of))])
        # Place names are never speakers: an entity the recogniser takes for a person or body
        # but that is a territory's name is not minted as an actor.
        self.place_names = place_names(resources)
        self.person_names = [(a.iri, a.name) for a in gaz.actors.values() if a.kind == "person"]
        self.last_names: dict[str, set[str]] = {}
        for iri, name in self.person_names:
            self.last_names.setdefault(name.split()[-1].lower(), set()).add(iri)
        # Surnames the gazetteer knows in several spellings (transliterated: Ivanenko, Ivanenco,
        # Ivanenkov): a bare surname spelt yet another way is that person.
        self.spellings: list[tuple[str, str]] = []
        for actor in gaz.actors.values():
            if actor.kind == "person":
                words = {_fold(a) for a in (actor.name.split()[-1], *actor.aliases) if " " not in a.strip()}
                if len(words) >= 2:
                    self.spellings.extend((w, actor.iri) for w in sorted(words))

    # ------------------------------------------------------------ mentions ---
    def find(self, doc, index: ActorIndex, offset: int) -> tuple[list[Mention], dict[int, str]]:
        """All actor mentions, and a map token index -> actor IRI."""
        spans: list[tuple[int, int, str, int]] = []  # start, end, iri, priority
        for matcher in (self.names, self.names_lower):
            for _, s, e in matcher(doc):
                key = doc[s:e].text.replace("’", "'")
                iri = self.alias_of.get(key) or self.alias_of.get(key.lower())
                if iri and self._anothers_body(doc, s, iri):
                    continue  # "the country's National Security Council" in a report on Westland
                if iri and _last_conjunct(doc, s, e):
                    continue  # "Ruritanian and Westland officials": a collective of both, not the one named
                if iri:
                    spans.append((s, e, iri, 3))
        index.named = {iri for _, _, iri, _ in spans if (index.get(iri) or None) is not None
                       and index.get(iri).kind == "person"}
        for _, s, e in self.titles(doc):
            post = self.title_of.get(doc[s:e].text.lower().replace("’", "'"))
            if post and self._other_body_before(doc, s, post):
                continue  # "the Vatican secretary of state" is not the US one
            holder = index.holder(post) if post else None
            if holder:
                spans.append((s, e, holder, 4))  # a title is more specific than an organisation alias
        # A word the recogniser reads as a place or a people elsewhere in the article ("the blockade of
        # Westland", "the Westlandic president") names no person or body where it reads it as one.
        places = {_fold(ent.text) for ent in doc_ents(doc) if ent.label_ in ("GPE", "LOC", "NORP")}
        votes: dict[str, list] = {}  # minted IRI -> [person votes, organisation votes, a person's shape seen]
        for ent in doc_ents(doc):
            if ent.label_ not in ("PERSON", "ORG"):
                continue
            s, e = ent.start, ent.end
            label = ent.label_
            if label == "ORG" and e - s >= 2 and doc[s].lower_.rstrip(".") in PERSONAL_HONORIFICS:
                label = "PERSON"  # "Ms Example" read as a body: a courtesy title opens a person's name
            # a person's honorifics are not part of the name; an organisation's words are ("Foreign Ministry")
            honorifics = HONORIFICS if label == "PERSON" else ()
            while s < e and (doc[s].lower_ in honorifics or doc[s].is_punct or doc[s].lower_ == "the"
                             or doc[s].pos_ == "VERB"):  # "Ridiculing Ann Example" names Ann Example
                s += 1
            while e > s and (doc[e - 1].is_punct or doc[e - 1].lower_ in CLITIC_POSSESSIVE):
                e -= 1
            if s >= e:
                continue
            if label == "PERSON":
                e = _hyphen_end(doc, e)  # "Ann Sun-mi" cut before the hyphen: the name goes on
            named = self._name_after_role(doc, s, e)
            if named is not None:
                # "Harbour Board Spokesperson Ann Example" read as one body: the role's holder
                text = doc[named:e].text
                iri = self.alias_of.get(text.replace("’", "'")) or self._fuzzy_person(text) \
                    or index.mint(text, "person")
                spans.append((named, e, iri, 1))
                continue
            if label == "PERSON" and s == ent.start and e - s >= 2 and s > 0 and self._first_name_before(doc, s, e):
                s -= 1  # "envoy Anders Fogh Examplesen" read as "Fogh Examplesen": the first name is the name's
            text = doc[s:e].text
            iri = self.alias_of.get(text.replace("’", "'"))
            if iri and self._anothers_body(doc, s, iri):
                continue
            if iri:
                spans.append((s, e, iri, 3))
                continue
            if text.lower().replace("’", "'") in self.place_names or any(q in text for q in '"“”«»'):
                continue  # a place, or words glued to a quote mark ('negotiate”Ann'), is not a name
            if _fold(text) in places or (ent.label_ == "ORG" and doc[e - 1].lower_ in DOCUMENT_NOUNS):
                continue  # a place or a people; a document ("the Ceasefire Agreement") is no actor
            if e - s == 1 and adjective_state(text, self.res):
                continue  # "the Kazakh president": a state's adjective, not a body
            if self._field_and_name(doc, s, e):
                # "Minister of Transport Ann Example" read as one name or body: the field, then the person
                name = doc[e - 2:e].text
                iri = self._fuzzy_person(name) or index.mint(name, "person")
                spans.append((e - 2, e, iri, 0))
            elif label == "PERSON":
                iri = self._fuzzy_person(text) or self._surname(text, spans, doc)
                if iri:
                    spans.append((s, e, iri, 1))
                elif re.search(r"[A-Za-z]", text):
                    iri = index.mint(text, "person")
                    spans.append((s, e, iri, 0))
                    votes.setdefault(iri, [0, 0, False])[0] += 1
            elif label == "ORG" and len(text) > 2 and any(t.is_title or t.is_upper for t in doc[s:e]):
                qualified = self._state_institution(doc, s, e, spans, index)
                if qualified:
                    spans.append(qualified)
                else:
                    iri = index.mint(text, "organisation")
                    spans.append((s, e, iri, 0))
                    vote = votes.setdefault(iri, [0, 0, False])
                    vote[1] += 1
                    vote[2] = vote[2] or self._person_shaped(doc, s, e)
        spans.extend(self._untagged_names(doc, index))
        spans.extend(self._names_closing_titles(doc, index))
        # The recogniser reads one name as a person at some mentions and as a body at others ("Sample
        # said" and "Sample, the ambassador, …"): a minted actor is a person where a title or a role in
        # apposition shows one at any of its mentions, else what most of its mentions say.
        # A two- or three-word "body" whose last word the recogniser reads alone as a person ("Ann Example
        # reveals …" read as a body, "Example said" as a person) is that person named in full.
        alone = {index.minted[iri].name for iri, (person, _, _) in votes.items()
                 if person and iri in index.minted and " " not in index.minted[iri].name}
        for iri, vote in votes.items():
            actor = index.minted.get(iri)
            words = actor.name.split() if actor is not None else []
            if vote[1] and 2 <= len(words) <= 3 and words[-1] in alone and all(
                    re.fullmatch(r"[A-Z][a-z]+(?:[-'’][A-Za-z]+)?", w) and w.lower() not in INSTITUTION_NOUNS
                    and w.lower() not in HONORIFICS for w in words):
                vote[2] = True
        for iri, (person, body, shaped) in votes.items():
            actor = index.minted.get(iri)
            if actor is not None and actor.name.isupper() and actor.name.isalpha():
                shaped = False  # "the Joint Chiefs of Staff (JCS)": an acronym names the body, not the title's holder
            if actor is not None and actor.kind in ("person", "organisation"):
                kind = "person" if shaped or person > body else "organisation" if body > person else actor.kind
                if kind != actor.kind:
                    index.minted[iri] = replace(actor, kind=kind)
        # The place of a dateline ("LISBON (Agency) —", "LISBON, March 29 (Agency) -") is where the
        # report was filed, not an actor of it.
        text = doc_text(doc)  # made once per Doc (spaCy joins every token's text for doc.text)
        datelines = [(m.start(), m.end()) for m in _DATELINE.finditer(text)]
        if datelines:
            spans = [sp for sp in spans if not any(b <= doc[sp[0]].idx < e for b, e in datelines)]
        # Gazetteer evidence (titles, names) beats the entity recogniser; then longest, then earliest.
        spans.sort(key=lambda x: (-(x[3] >= 2), -(x[1] - x[0]), -x[3], x[0]))
        taken: dict[int, str] = {}
        chosen: list[tuple[int, int, str]] = []
        for s, e, iri, _ in spans:
            if any(i in taken for i in range(s, e)):
                continue
            for i in range(s, e):
                taken[i] = iri
            chosen.append((s, e, iri))
        chosen.sort()
        # A title right before a name ("White House spokesperson Ann Example") is that person;
        # a name there with the holder's first name and a similar surname is the holder misspelt.
        merged: list[tuple[int, int, str]] = []
        for s, e, iri in chosen:
            if merged and merged[-1][1] == s and self._is_title_span(doc, merged[-1]):
                ps, _, piri = merged[-1]
                actor = index.get(iri)
                holder = index.get(piri)
                if actor is not None and not actor.from_gazetteer and holder is not None \
                        and self._misspelt(actor.name, holder.name):
                    iri, actor = piri, holder
                if actor is not None and actor.kind == "person":
                    merged[-1] = (ps, e, iri)
                    for i in range(ps, e):
                        taken[i] = iri
                    continue
            elif merged and merged[-1][1] + 1 == s and doc[s - 1].text == "," and e < len(doc) \
                    and doc[e].text in (",", ")", "(") and self._is_title_span(doc, merged[-1]):
                # "Westland's ambassador to the UN, Ann Example, said": the title between commas is the
                # person named, who may not be the holder the gazetteer gives for the day; a name like the
                # holder's (another spelling) is the holder
                ps, pe, piri = merged[-1]
                actor, holder = index.get(iri), index.get(piri)
                if actor is not None and actor.kind == "person" and holder is not None and iri != piri:
                    if not actor.from_gazetteer and _spelt_alike(actor.name, holder.name):
                        iri = piri
                    else:
                        merged[-1] = (ps, pe, iri)
                        for i in range(ps, pe):
                            taken[i] = iri
            merged.append((s, e, iri))
        # Surname-only mentions: a bare surname (an entity or not) of a person named in full earlier
        # in this article is that person; when two people share it, the one named most recently. A
        # name the recogniser found alone that is the first name of one person named in full before
        # ("Sir Ann", a patronymic naming) is that person.
        full: list[tuple[int, str, str]] = []  # (start, surname, iri) of multi-word person names
        for s, e, iri in merged:
            actor = index.get(iri)
            if actor and actor.kind == "person" and e - s > 1 and len(actor.name.split()) > 1:
                full.append((s, actor.name.split()[-1], iri))
                full.append((s, doc[e - 1].text, iri))

        def named_before(word: str, at: int) -> str | None:
            hits = [(s, iri) for s, last, iri in full if last == word and s < at]
            return max(hits)[1] if hits else None

        def named_once(words: list[str], own: str) -> str | None:
            # "Example says …" in a headline before "Ann Example" in the text, "van Example" after "Jan van
            # Example": the last words of the name of the one person the article names in full with them
            tail = [_fold(w) for w in words]
            hits = {iri for _, _, iri in full if iri != own and len(index.get(iri).name.split()) > len(tail)
                    and [_fold(w) for w in index.get(iri).name.split()[-len(tail):]] == tail}
            return next(iter(hits)) if len(hits) == 1 else None

        def first_named_before(word: str, at: int) -> str | None:
            # "Sir Ann" after "Sir Ann Example": a first name alone is the one person of that first name
            hits = {iri for s, _, iri in full if s < at and index.get(iri).name.split()[0] == word}
            return next(iter(hits)) if len(hits) == 1 else None

        def spelt_like_before(name: str, at: int, own: str) -> str | None:
            # "Podoliak" or "Mijailo Podoliak" after "Mykhailo Podolyak": another spelling of one person
            hits = {iri for s, _, iri in full if s < at and iri != own and _same_person(name, index.get(iri).name)}
            return next(iter(hits)) if len(hits) == 1 else None

        # "the Front" after "the Harbour Liberation Front", "the Institute" after "IPS" (the Institute of
        # Peace Studies): a word of the name of one organisation named in the article (a headline may
        # use the short name before the text gives the full one)
        bodies = []
        for s, e, iri in merged:
            actor = index.get(iri)
            if actor is None or actor.kind != "organisation":
                continue
            words = [t.text for t in doc[s:e]] if e - s > 1 else []
            if len(actor.name.split()) > 1:
                words += actor.name.split()
            bodies.append((s, {_fold(w) for w in words if w[:1].isupper()}, iri))

        def body_named_before(word: str, at: int) -> str | None:
            word = _fold(word)
            hits = {iri for s, words, iri in bodies if s != at and word in words}
            return next(iter(hits)) if len(hits) == 1 else None

        # "the General Assembly" where the article names the "UN General Assembly": the last words of
        # the name of one organisation named in the article (not minted as a body of its own)
        full_names = {}
        for s, e, iri in merged:
            actor = index.get(iri)
            if actor is not None and actor.kind == "organisation":
                for name in {actor.name, *actor.aliases, doc[s:e].text}:
                    full_names.setdefault(tuple(_fold(w) for w in name.split()), set()).add(iri)

        def body_ending_in(name: str, own: str) -> str | None:
            words = tuple(_fold(w) for w in name.split())
            hits = {iri for full, iris in full_names.items() if len(full) > len(words) and full[-len(words):] == words
                    for iri in iris if iri != own}
            return next(iter(hits)) if len(hits) == 1 else None

        final = []
        spans_at = {s: (s, e, iri) for s, e, iri in merged}
        for s, e, iri in merged:
            actor = index.get(iri)
            if actor and not actor.from_gazetteer:
                word = doc[s].text
                if e - s == 1:
                    better = named_before(word, s) or first_named_before(word, s) or (
                        body_named_before(word, s) if actor.kind == "organisation" else None)
                else:
                    better = body_ending_in(actor.name, iri) if actor.kind == "organisation" else None
                if better is None and actor.kind == "person" and e - s <= 2:
                    better = named_once([t.text for t in doc[s:e]], iri)
                if better is None and (actor.kind == "person" or e - s == 1):
                    better = spelt_like_before(actor.name, s, iri)  # also a surname read as a body ("Budanow")
                if better and better != iri:
                    iri = better
                    for i in range(s, e):
                        taken[i] = iri
            final.append((s, e, iri))
        # a one-word name the recogniser found at other mentions ("Sample" read as a name only later on):
        # the same actor where it does not see it, when that word names one actor of the article
        one_word: dict[str, set[str]] = {}
        for s, e, iri in final:
            actor = index.get(iri)
            if e - s == 1 and actor is not None and not actor.from_gazetteer \
                    and actor.kind in ("person", "organisation"):
                one_word.setdefault(doc[s].text, set()).add(iri)
        table = token_table(doc)
        for n in range(table.n):
            if n in taken or table.pos[n] != "PROPN":
                continue  # read without making the Token
            tok = doc[n]
            if not tok.text[:1].isupper() or tok.i in spans_at:
                continue
            if tok.dep_ == "compound" or (tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN"):
                continue  # part of a longer name
            iri = named_before(tok.text, tok.i)
            if iri is None and tok.i > 0 and doc[tok.i - 1].lower_ in PERSONAL_HONORIFICS:
                iri = first_named_before(tok.text, tok.i)  # "Dame Ann told …" after "Dame Ann Example"
            if iri is None and len(one_word.get(tok.text, ())) == 1 and tok.text.lower() not in self.place_names:
                iri = next(iter(one_word[tok.text]))
            if iri:
                taken[tok.i] = iri
                final.append((tok.i, tok.i + 1, iri))
        final.sort()
        # a span's text is the Doc's text from its first token to its last one's end
        mentions = []
        for s, e, iri in final:
            b, last = doc[s].idx, doc[e - 1]
            end = last.idx + len(last.text)
            mentions.append(Mention(Span(b + offset, end + offset, text[b:end]), iri))
        return mentions, taken

    def _name_after_role(self, doc, s: int, e: int) -> int | None:
        """Where the name starts in an entity that runs a body's words and a person's role into a name
        ("Harbour Board Spokesperson Ann Example", "Port Authority Director Bob Sample"): the two or three
        name words after the role word, with at least one word before it; None for any other entity."""
        for k in range(e - 3, max(s, e - 4) - 1, -1):
            if k <= s:
                break
            role = doc[k]
            if not (role.lower_ in HONORIFICS or self.res.lexicon.role_nouns.get(role.lemma_.lower()) == "person"):
                continue
            names = doc[k + 1:e]
            if all(self._name_word(t, in_entity=True) for t in names) and names[-1].dep_ != "compound" \
                    and all(t.head.i == e - 1 for t in names[:-1]):
                return k + 1
            return None
        return None

    def _anothers_body(self, doc, s: int, iri: str) -> bool:
        """True when a gazetteer body's name stands right after words giving it to another state: "the
        country('s)", another state's name or adjective ("Westland's National Security Council")."""
        gaz = self.res.gazetteer
        actor = gaz.actors.get(iri)
        if actor is None or actor.kind != "organisation" or s == 0:
            return False
        i = s - 1
        if i >= 1 and doc[i].lower_ in CLITIC_POSSESSIVE:
            i -= 1
        word = doc[i]
        if word.lower_ in STATE_NOUNS and i >= 1 and doc[i - 1].lower_ in ("the", "this", "that"):
            return True
        if not word.text[:1].isupper():
            return False
        other = self.alias_of.get(word.text.replace("’", "'")) or adjective_state(word.text, self.res)
        if other is None or gaz.actors.get(other) is None or gaz.actors[other].kind != "state":
            return False
        chain, org = set(), iri
        while org and org not in chain:
            chain.add(org)
            org = gaz.actors[org].affiliation if org in gaz.actors else None
        return other not in chain

    def _other_body_before(self, doc, s: int, post: str) -> bool:
        """True when a title ("secretary of state") stands right after the name of a state or body
        ("Vatican", "the Holy See's", "Westland's") that is neither the post's organisation nor what that belongs to."""
        i = s - 1
        if i >= 1 and doc[i].lower_ in CLITIC_POSSESSIVE:
            i -= 1
        if i < 0 or not doc[i].text[:1].isupper() or doc[i].is_sent_start:
            return False
        # the name ending right before: one word ("Vatican") or up to three ("the Holy See's")
        iri = next(filter(None, (self.alias_of.get(doc[k:i + 1].text.replace("’", "'"))
                                 for k in range(i, max(-1, i - 3), -1))), None)
        if iri is None:
            return False
        gaz = self.res.gazetteer
        chain, org = set(), gaz.posts[post].organisation
        while org and org not in chain:
            chain.add(org)
            org = gaz.actors[org].affiliation if org in gaz.actors else None
        return iri not in chain

    def _state_institution(self, doc, s: int, e: int, spans, index: ActorIndex):
        """A state's institution named with the state around it ("Westland's Foreign Ministry", "the
        Ministry of Defence of Westland"): (start, end, IRI, priority) over the whole phrase, the
        gazetteer body when one has that name with any of the state's names, else one minted with the
        state for affiliation. None when the entity is no bare institution name or no state is next to it."""
        gaz = self.res.gazetteer
        states = {(ss, se): iri for ss, se, iri, _ in spans
                  if gaz.actors.get(iri) is not None and gaz.actors[iri].kind == "state"}
        # the recogniser may take the state in: "Westland's Foreign Ministry", "Ministry of X of Westland"
        inner = next(((ss, se) for ss, se in states if ss == s and se + 1 < e
                      and doc[se].lower_ in CLITIC_POSSESSIVE), None)
        if inner:
            s = inner[1] + 1
        inner = next(((ss, se) for ss, se in states if se == e and ss - 2 > s and doc[ss - 1].lower_ == "of"), None)
        if inner:
            e = inner[0] - 1
        words = doc[s:e]
        if words[-1].lower_ not in INSTITUTION_NOUNS and not any(
                t.lower_ in INSTITUTION_NOUNS and t.i + 1 < e and doc[t.i + 1].lower_ == "of" for t in words):
            return None
        if not all(t.is_title or t.is_upper or t.lower_ in ("of", "for", "and", "the") for t in words):
            return None
        if any(ss < e and s < se for ss, se in states):
            return None  # a state inside the name ("Westland Defence Contact Group") is part of it
        found, forms = None, ()
        if s >= 2 and doc[s - 1].lower_ in CLITIC_POSSESSIVE:
            found = next(((ss, e, iri) for (ss, se), iri in states.items() if se == s - 1), None)
            forms = ("{state}'s {body}",)
        if found is None and e + 1 < len(doc) and doc[e].lower_ == "of":
            at = e + 2 if doc[e + 1].lower_ == "the" else e + 1
            found = next(((s, se, iri) for (ss, se), iri in states.items() if ss == at), None)
            forms = ("{body} of {state}", "{body} of the {state}")
        if found is None:
            return None
        start, end, state = found[0], found[1], gaz.actors[found[2]]
        for label in (state.name, *state.aliases):
            for form in forms:
                iri = self.alias_of.get(form.format(state=label, body=words.text))
                if iri:
                    return start, end, iri, 3
        name = doc[start:end].text.replace("’", "'")
        return start, end, index.mint(name, "organisation", affiliation=state.iri), 2

    def _untagged_names(self, doc, index: ActorIndex) -> list[tuple[int, int, str, int]]:
        """Names the recogniser does not see right after a person's title ("Westland's Minister of
        Agriculture Ann Example", "envoy Bob Sample"): two capitalised proper nouns (three right after
        the title word), the first a compound of the last, outside any entity; minted as people
        (lowest priority: any other reading of the words wins)."""
        out = []
        name_word, title_word = self._name_word, self._title_word
        pos = token_table(doc).pos
        for n in range(2, len(pos)):
            if pos[n] != "PROPN" or pos[n - 1] != "PROPN" or (n + 1 < len(pos) and pos[n + 1] == "PROPN"):
                continue  # not the last of two proper nouns (read without making the Token)
            tok = doc[n]
            if not name_word(tok):
                continue
            first = doc[tok.i - 1] if tok.i >= 2 else None
            if first is None or not name_word(first) or first.dep_ != "compound" or first.head.i != tok.i:
                continue
            s = tok.i - 1
            if s >= 2 and name_word(doc[s - 1]) and doc[s - 1].dep_ == "compound" and title_word(doc[s - 2]):
                s -= 1  # "envoy Ann Marie Example"
            elif not title_word(doc[s - 1]):
                # "Minister of Agriculture Ann Example": the title's field ends right before the name
                k = s - 1
                while k > 0 and doc[k].pos_ == "PROPN" and k > s - 4:
                    k -= 1
                if k == s - 1 or doc[k].lower_ != "of" or k == 0 or not title_word(doc[k - 1]):
                    continue
            text = doc[s:tok.i + 1].text
            if text.lower() in self.place_names or text.replace("’", "'") in self.alias_of:
                continue
            out.append((s, tok.i + 1, self._fuzzy_person(text) or index.mint(text, "person"), 0))
        return out

    def _names_closing_titles(self, doc, index: ActorIndex) -> list[tuple[int, int, str, int]]:
        """A person's name closing a title that names a body ("Deputy Head of the Westland Harbour
        Council Ann Example", "Adviser to the Office of the President of Westland Bob Sample"): the
        parser hangs the body's words and the name on the name's last word, the object of the title's
        "of"/"to"/"for", and the recogniser reads them as one body or one person. The last two words
        are the person (the gazetteer person they spell, else minted) when they are name words after at
        least one capitalised word of the body, the body's words are all capitalised (or "of",
        "the", "and", "for") and it ends in an institution's noun ("Council") or a known name. Above the recogniser's reading (priority 2); a gazetteer name wins."""
        out = []
        table = token_table(doc)
        pos, dep, head = table.pos, table.dep, table.head
        for n in range(2, table.n):
            if pos[n] != "PROPN" or dep[n] != "pobj" or pos[n - 1] != "PROPN" or head[n - 1] != n \
                    or dep[n - 1] != "compound":
                continue  # not a name's last word as a preposition's object (read without making the Token)
            prep = doc[head[n]]
            if prep.lower_ not in ("of", "to", "for") or prep.i >= n - 2:
                continue
            title, opening = prep.head, prep
            while not self._title_word(title) and title.dep_ == "pobj" and title.head.lower_ in ("of", "to", "for") \
                    and title.head.i < title.i:  # "Minister of Foreign Affairs of Westland Bob Sample"
                opening = title.head
                title = opening.head
            if title.i + 1 != opening.i or not (title.lower_ in HONORIFICS
                                                or self.res.lexicon.role_nouns.get(title.lemma_.lower()) == "person"):
                continue
            first, last = doc[n - 1], doc[n]
            if not (self._name_word(first, in_entity=True) and self._name_word(last, in_entity=True)):
                continue
            words = [t for t in doc[opening.i + 1:n - 1] if t.lower_ not in ("of", "the", "and", "for", "to")]
            if len(words) < 2 and last.ent_type_ != "PERSON":
                continue  # "a spokesperson for the Westland Harbour Board": one word before is too little
            if not words or not words[-1].text[:1].isupper() or words[-1].lower_ in HONORIFICS \
                    or not all(t.text[:1].isupper() for t in words):
                continue  # "to Senator Ann Example": the senator is the title's own person, not a body's
            if words[-1].lower_ not in INSTITUTION_NOUNS and not any(
                    doc[k:n - 1].text.replace("’", "'") in self.alias_of for k in range(max(opening.i + 1, n - 4), n - 1)):
                continue  # the body ends in an institution's noun or a known name, not in "Harbour" of "Harbour Board"
            text = doc[n - 1:n + 1].text
            key = text.replace("’", "'")
            if key.lower() in self.place_names or (key in self.alias_of and self.res.gazetteer.actors[
                    self.alias_of[key]].kind != "person"):
                continue
            iri = self.alias_of.get(key) or self._fuzzy_person(text) or index.mint(text, "person")
            out.append((n - 1, n + 1, iri, 2))
        return out

    def _first_name_before(self, doc, s: int, e: int) -> bool:
        """True when the word right before a person's name the recogniser found is the name's first
        word ("Westland envoy Anders Fogh Examplesen" read as "Fogh Examplesen"): a capitalised proper noun
        outside every entity, hung on the name as a compound, no title or role word and no known name,
        after a title word or at a sentence's start."""
        t = doc[s - 1]
        if not (self._name_word(t) and t.dep_ == "compound" and s <= t.head.i < e):
            return False
        if t.text.replace("’", "'") in self.alias_of:
            return False
        return t.is_sent_start or (t.i > 0 and self._title_word(doc[t.i - 1]))

    def _name_word(self, t, in_entity: bool = False) -> bool:
        """A capitalised proper noun outside the recogniser's entities that is no title or body word."""
        return t.pos_ == "PROPN" and t.is_title and t.is_alpha and (in_entity or not t.ent_type_) and \
            t.lower_ not in HONORIFICS and t.lower_ not in INSTITUTION_NOUNS \
            and not self.res.lexicon.role_nouns.get(t.lower_)

    def _title_word(self, t) -> bool:
        """A person's title or role word ("minister", "envoy") that does not open its sentence."""
        return (t.lower_ in HONORIFICS or self.res.lexicon.role_nouns.get(t.lemma_.lower()) == "person") \
            and not t.is_sent_start

    def _field_and_name(self, doc, s: int, e: int) -> bool:
        """True when an entity right after "<title> of" is a field and a two-word name ("Minister of
        Transport Ann Example"): three or four capitalised words, the last two name words."""
        return 3 <= e - s <= 4 and s >= 2 and doc[s - 1].lower_ == "of" and self._title_word(doc[s - 2]) \
            and all(t.pos_ == "PROPN" and t.is_title and t.is_alpha for t in doc[s:e]) \
            and all(self._name_word(t, in_entity=True) for t in doc[e - 2:e]) \
            and doc[e - 2].dep_ == "compound" and doc[e - 2].head.i == e - 1

    def _person_shaped(self, doc, s: int, e: int) -> bool:
        """True when the words around a name show a person: a title right before it ("chief mediator
        Ann Example"; not "State Duma") or a person's role in apposition to it ("Example, the port's
        ambassador, …", "the envoy for the harbour talks, Ann Example")."""
        role = self._title_word
        if s > 0 and role(doc[s - 1]) and doc[s - 1].lower_ not in ("state", "security"):
            return True
        root = doc[s:e].root
        if root.dep_ == "appos" and root.head.i < s and role(root.head):
            return True  # "the port's special envoy, Ann Example"
        head = root.head
        if root.dep_ == "appos" and head.dep_ == "pobj" and head.head.dep_ == "prep" and role(head.head.head) \
                and s > 0 and doc[s - 1].text == ",":
            return True  # "the envoy for the harbour talks, Ann Example": the parser hangs the name on "talks"
        return any(c.dep_ == "appos" and c.i >= e and role(c) for t in doc[s:e] for c in t.children)

    @staticmethod
    def _misspelt(text: str, name: str) -> bool:
        """Same first name and a surname at least two-thirds alike: a typo or another spelling,
        given the title before it (not two surnames that share only a common ending: a former
        holder of the post named in full is that person, not today's holder)."""
        a, b = text.split(), name.split()
        return len(a) >= 2 and len(b) >= 2 and a[0].lower() == b[0].lower() and \
            fuzz.ratio(a[-1].lower(), b[-1].lower()) >= 65

    def _is_title_span(self, doc, span) -> bool:
        s, e, _ = span
        return doc[s:e].text.lower().replace("’", "'") in self.title_of

    def _fuzzy_person(self, text: str) -> str | None:
        """A misspelt or transliterated gazetteer name: a first name at least 60 % alike (Mykhailo,
        Mijailo) and a surname at least 85 % alike, or the same first name; a surname alone 88 % like
        one of the spellings of a surname the gazetteer knows in several ("Iwanenko" where it knows "Ivanenko" and "Ivanenco")."""
        memo = self.__dict__.setdefault("_fuzzy_memo", {})  # the same text, the same answer
        if text not in memo:
            if len(memo) >= 100_000:
                memo.clear()
            memo[text] = self._fuzzy_person_of(text)
        return memo[text]

    def _fuzzy_person_of(self, text: str) -> str | None:
        parts = text.split()
        if len(parts) == 1:
            word = _fold(text)
            if len(word) < 6:
                return None
            hits = {iri for w, iri in self.spellings if w[:1] == word[:1] and fuzz.ratio(w, word) >= 88}
            return next(iter(hits)) if len(hits) == 1 else None
        if len(parts) < 2:
            return None
        best, best_score = None, 0.0
        for iri, name in self.person_names:
            np = name.split()
            if len(np) < 2 or (np[0].lower() != parts[0].lower()
                               and fuzz.ratio(np[0].lower(), parts[0].lower()) < 60):
                continue
            score = fuzz.ratio(np[-1].lower(), parts[-1].lower())
            if np[0].lower() != parts[0].lower():
                score -= 0.5  # an exact first name wins a tie
            if score > best_score:
                best, best_score = iri, score
        return best if best_score >= 85 else None

    def _surname(self, text: str, spans, doc) -> str | None:
        """A bare surname naming a gazetteer person already mentioned in full in this article."""
        if " " in text:
            return None
        candidates = self.last_names.get(text.lower(), set())
        seen = {iri for _, _, iri, _ in spans}
        hits = candidates & seen
        return next(iter(hits)) if len(hits) == 1 else None


def in_dateline(doc, i: int) -> bool:
    """True when token ``i`` stands in a dateline ("LISBON (Agency) -", "LISBON:"): a place, no actor."""
    at = doc[i].idx
    text = doc_text(doc)
    start = text.rfind("\n", 0, at) + 1
    m = _DATELINE.match(text, start)
    return m is not None and m.start() <= at < m.end()


def _hyphen_end(doc, e: int) -> int:
    """The end of a name the recogniser cut before a hyphen ("Ann Sun-mi" read as "Ann Sun"): over a
    hyphen and one lower-case word written together with the name's last word (not "Example-Sample talks")."""
    if e + 1 < len(doc) and doc[e].text in ("-", "‐") and not doc[e - 1].whitespace_ and not doc[e].whitespace_ \
            and doc[e + 1].is_alpha and doc[e + 1].is_lower and doc[e - 1].is_alpha:
        return e + 2
    return e


def _last_conjunct(doc, s: int, e: int) -> bool:
    """True when ``doc[s:e]`` is a modifier and its noun ("Westland officials") whose modifier is the last of
    two joined ones ("Ruritanian and Westland officials"): the words name a larger phrase than the match."""
    first, head = doc[s], doc[e - 1]
    return e - s >= 2 and first.dep_ == "conj" and first.head.i < s and first.head.head.i == head.i \
        and any(c.dep_ == "cc" for c in first.head.children)


def role_phrase(token, lexicon) -> tuple[int, int, str] | None:
    """The noun phrase a role noun heads ("a senior US defence official"): (start, end, kind)."""
    word = token.lower_
    kind = lexicon.role_nouns.get(word) or lexicon.role_nouns.get(token.lemma_.lower())
    if kind is None or token.pos_ not in ("NOUN", "PROPN"):
        return None
    if word in lexicon.role_nouns and word.endswith("s") and lexicon.role_nouns[word] == "group":
        kind = "group"
    elif kind == "person" and token.tag_ in ("NNS", "NNPS") and word != token.lemma_.lower():
        kind = "group"  # "White House aides": several people, a collective
    left = [t for t in token.lefts if t.dep_ in ("amod", "compound", "nmod", "poss", "det", "nummod", "case")]
    start = min([t.left_edge.i for t in left] + [token.i])
    end = token.i + 1
    return start, end, kind
