"""Territorial claims made by acts: annexation, accession, cession, withdrawal, recognition.

Most territorial claims in the news are not "X says T is Y's" but acts and their
condemnation: a state annexes or ratifies an accession, a leader demands that
the other side withdraw from or hand over named regions, a government refuses
to recognise a referendum. The cue words and what each act does to a territory
(its class) are data (``sg:claimEventCue`` in the codebook); this module reads
them over the parse:

* the **territories** are those in the act's arguments ("annexation of T",
  "withdraw from T and U", "the annexed T", "the four regions" named nearby),
  with the rest of any list the parse cut ("T and U (V), as well as W"); an act
  named again ("the referendum(s)", "X's attempted annexation") keeps the
  territories it was named with (by the same word a few sentences before, else
  by the same kind of act, else the article's one act when all its mentions
  agree), a pronoun ("its return", "annexed them", "their regions") the
  territory or list named last; "all of X's territory" / "a single inch of X's
  land" the territories the article's acts named before; "T, which X demanded Y
  hand over" the relative pronoun's antecedent;
* a **whole territory with an inclusion** ("all X territory, including T / the
  parts to be …") asserts X's sovereign for T, or for the territories named before;
* the **sovereign** follows from the act's class and who takes part in it: an
  acquisition asserts the acquirer's sovereign or the recipient's ("join X",
  "accession to X"); a relinquishment the recipient's ("cede T to X"), else the
  one contrary to the party that gives it up ("Y's troops withdraw from T"); an
  independence asserts independence; a recognition passes on what it recognises
  (a territory recognised by itself is recognised as a state). When the parse
  names neither party, the cue's fall-back sovereign applies;
* **negation and refusal** on the way up to the sentence's root ("will not
  recognise", "condemned", "ruled out", "nobody could force X to") or a
  **dispute cue** said of the act ("sham", "illegal", "a violation") turn it
  into the contrary sovereign, but a negated or denied demand (``sg:DemandCue``: "is not
  demanding Y's withdrawal from T", "denied demanding …") asserts nothing; a territory's
  ``sg:claimableSovereign`` bounds
  what can be asserted for it; a provision ("the plan envisages …", ``sg:ProvisionCue``),
  an obligation ("may have to cede") or a list of terms after a demand ("X set
  out its conditions. Among them are …") makes the act demanded;
* the **claimant** is the actor whose act or words these are: the highest actor
  subject on the way up (the one who demands, condemns, reports or performs
  the act), within its own clause ("…, and X annexed T", "while X …"). An act
  that names its holder ("Y's refusal to …", "chided Y for refusing …", "Y
  insisted …" reported by others, "the plan calls for …") is that holder's,
  and a speaker reporting it only relays it unless the speaker speaks for the
  holder (its affiliation). A document that states or demands the act speaks
  for its owner ("the Ruritanian memorandum calls for …"); each named actor of a
  conjoined subject holds it. Otherwise the extract stage gives a claim inside
  reported speech to that statement's speaker (to the outer one when a
  spokesman reports his own side's act), and drops a writer's background ("T,
  which X annexed in 2014") told outside any statement.

>>> from stancegraph.extract import Extractor
>>> from stancegraph.knowledge import load_resources
>>> from stancegraph.ingest import parse_text
>>> ex = Extractor(load_resources(), stances="rules")
>>> r = ex.extract(parse_text("t", "The State Duma ratified the treaty on the accession of Sevastopol."))
>>> [(r.actors[c.claimant].name, c.territory.rsplit("/", 1)[-1]) for c in r.claims]
[('State Duma', 'sevastopol')]
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from rdflib.namespace import RDF

from ..knowledge import Resources, per_resources, phrase
from ..namespaces import SG
from ..lang_en import CIRCUMSTANCE_NOUNS, CIRCUMSTANCE_PREPS, CONDITIONAL_MARKS, CONTRASTIVE_MARKS, EQUATIVE_VERBS, \
    EXCEPTION_PREPS, NEGATIVE_SUBJECTS, POSSESSIVE_PRONOUNS, PRONOUNS_GROUP, \
    OBLIGATION_MODALS, OBLIGATION_VERBS, POSSIBILITY_MODALS, TEMPORAL_MARKS, PRONOUNS_ENUMERATED, PRONOUNS_FIRST, PRONOUNS_PERSON, WHOLE_WORDS
from .matcher import find, forms, is_root
from .tokens import token_table
from .territory_lists import region_noun, territory_lists

ACQUIRE, RELINQUISH, INDEPENDENCE, RECOGNISE = "acquire", "relinquish", "independence", "recognise"
_CLASSES = {SG.Acquisition: ACQUIRE, SG.Relinquishment: RELINQUISH, SG.Independence: INDEPENDENCE,
            SG.Recognition: RECOGNISE}
# Prepositions that name the recipient of a territory ("cede T to X", "reunification with X").
RECIPIENT_PREPS = {"to", "with", "into"}
# Prepositions introducing the territory an act is about or the agent of a passive act.
SUBJ = ("nsubj", "nsubjpass", "csubj")


# The claimant of an act told in the first person inside quotation marks ("we will never give up T"), or
# with no subject at all ("Recognition of T as X's: Y"): the speaker of the statement it is in, whom the
# extract stage knows (no claim outside any statement).
QUOTED_SPEAKER = ""

# Determiners of an act already named ("the referendum", "these annexations").
_DEFINITE = {"the", "this", "these", "that", "those"}
# Verbs that carry no content of their own on the way up ("will not be returned", "did not make it").
_LIGHT_VERBS = {"be", "become", "remain", "stay", "seem", "appear", "get", "have", "do", "let", "make", "go"}


@dataclass(frozen=True)
class EventCue:
    words: tuple[str, ...]
    kind: str
    default: str | None  # sovereign key when the parse names no party
    recipient_preps: frozenset = frozenset()  # prepositions naming the recipient besides to/with/into
    required_preps: frozenset = frozenset()  # the act needs one of these among its dependents
    required_object: bool = False  # the act is this cue's only as a verb with a direct object ("return T")
    holding: str | None = None  # a recognition of a holding ("the occupied territories") asserts this


@dataclass(frozen=True)
class ClaimEventLexicon:
    cues: dict  # words -> list[EventCue]
    disputes: dict  # words -> True
    demonyms: dict  # lower-case adjective -> sovereign key
    state_sovereign: dict  # state actor IRI -> sovereign key
    contrary: dict  # sovereign key -> sovereign key
    lapses: frozenset = frozenset()  # words saying a status no longer holds ("former")
    claimable: dict = None  # territory IRI -> the sovereign keys a claim on it can assert (absent: all)
    coercions: frozenset = frozenset()  # verbs making another perform the act ("force X to cede T")
    provisions: frozenset = frozenset()  # verbs by which a plan provides for the act ("the plan envisages …")
    holdings: frozenset = frozenset()  # nouns for what a state holds ("status", "territories")
    demands: frozenset = frozenset()  # word tuples of verbs demanding an act of another ("demand", "call for")
    denials: frozenset = frozenset()  # verbs denying what they govern ("deny")

    def can_claim(self, territory: str, sovereign: str) -> bool:
        allowed = (self.claimable or {}).get(territory)
        return allowed is None or sovereign in allowed


@dataclass
class ClaimEvent:
    """One act with its territories, the sovereign it asserts and who asserts it."""

    trigger: int  # token index of the act's word
    tokens: list[int]  # evidence tokens
    territories: tuple[str, ...]
    sovereign: str
    claimant: str | None
    confidence: float
    relayed: bool = False  # the act names its holder ("X's refusal to …", "chided X for refusing …"):
    # a speaker reporting it relays it and does not hold it
    background: bool = False  # a past act told in a relative clause on its territory ("T, which X annexed
    # in 2014"): background that nobody asserts unless a speaker says it
    co_claimants: tuple = ()  # the other actors of a conjoined subject ("X and Y asked Z to annex T")


def event_lexicon(resources: Resources) -> ClaimEventLexicon:
    """The claim-event cues, dispute cues and sovereign facts of the loaded data."""
    return per_resources(_CACHE, resources, _lexicon)


_CACHE: dict[int, tuple[Resources, ClaimEventLexicon]] = {}


def _finder_tables(resources: Resources) -> tuple:
    """What a :class:`ClaimEventFinder` reads from the loaded data, made once per resources (as
    :func:`event_lexicon`) rather than for every article: one-word and longer stance predicates,
    contrast and reporting words, the codebook's status phrases ("part of X": word tuples -> their
    cues, and the same words as a phrase table) and the territories' names."""
    return per_resources(_TABLES, resources, _make_finder_tables)


def _make_finder_tables(resources: Resources) -> tuple:
    lexicon = resources.lexicon
    status_cues: dict[tuple, list] = {}
    for cc in resources.codebook.claim_cues:
        status_cues.setdefault(cc.words, []).append(cc)
    return ({p[0]: pol for p, pol in lexicon.predicates if len(p) == 1},
            {p: pol for p, pol in lexicon.predicates if len(p) > 1},
            {p[0] for p in lexicon.contrast if len(p) == 1},
            {p[0] for p in lexicon.reporting if len(p) == 1},
            status_cues, {w: w for w in status_cues},
            # names of territories ("the T People's Republic" is a territory, not its own claimant)
            {n.lower().replace("’", "'"): t.iri for t in resources.territories.values()
             for n in (t.name, *t.aliases)})


_TABLES: dict[int, tuple[Resources, tuple]] = {}


def _lexicon(resources: Resources) -> ClaimEventLexicon:
    cb = resources.codebook
    g = cb.graph
    by_iri = {s.iri: k for k, s in cb.sovereigns.items()}
    cues: dict = {}
    for node in g.objects(None, SG.claimEventCue):
        text = g.value(node, SG.cuePhrase)
        kind = _CLASSES.get(g.value(node, SG.eventClass))
        if text is None or kind is None:
            continue
        sov = g.value(node, SG.cueSovereign)
        words = phrase(str(text))
        preps = frozenset(str(p).lower() for p in g.objects(node, SG.recipientPreposition))
        needs = frozenset(str(p).lower() for p in g.objects(node, SG.requiredPreposition))
        obj = g.value(node, SG.requiredObject)
        held = g.value(node, SG.holdingSovereign)
        cues.setdefault(words, []).append(EventCue(words, kind, by_iri.get(str(sov)) if sov else None, preps, needs,
                                                   bool(obj is not None and obj.toPython() is True),
                                                   by_iri.get(str(held)) if held else None))
    demonyms, state_sov, contrary = {}, {}, {}
    for key, s in cb.sovereigns.items():
        node = next((n for n in g.subjects(RDF.type, SG.Sovereignty) if str(n) == s.iri), None)
        if node is None:
            continue
        for d in g.objects(node, SG.demonym):
            demonyms[str(d).lower()] = key
        c = g.value(node, SG.contrarySovereign)
        if c is not None and str(c) in by_iri:
            contrary[key] = by_iri[str(c)]
        if s.state:
            state_sov[s.state] = key
    lg = resources.lexicon.graph
    phrases = lambda cls: [str(lg.value(s, SG.cuePhrase)) for s in lg.subjects(RDF.type, cls)
                           if lg.value(s, SG.cuePhrase) is not None]
    disputes = {phrase(text): True for text in phrases(SG.DisputeCue)}
    lapses = frozenset(text.lower() for text in phrases(SG.LapseCue))
    coercions = frozenset(text.lower() for text in phrases(SG.CoercionCue))
    provisions = frozenset(text.lower() for text in phrases(SG.ProvisionCue))
    holdings = frozenset(text.lower() for text in phrases(SG.HoldingCue))
    demands = frozenset(phrase(text) for text in phrases(SG.DemandCue))
    denials = frozenset(text.lower() for text in phrases(SG.DenialCue))
    claimable: dict[str, set] = {}
    for t, sov in resources.territory_graph.subject_objects(SG.claimableSovereign):
        if str(sov) in by_iri:
            claimable.setdefault(str(t), set()).add(by_iri[str(sov)])
    return ClaimEventLexicon(cues, disputes, demonyms, state_sov, contrary, lapses, claimable, coercions,
                             provisions, holdings, demands, denials)


def _relative_pronoun(tok) -> bool:
    return tok.tag_ in ("WDT", "WP") or (tok.lower_ == "that" and tok.dep_ != "det")


def _relative_clause(tok) -> bool:
    """A relative clause whose subject is not its relative pronoun ("T, which X annexed"): what it
    says is its subject's."""
    if tok.dep_ != "relcl":
        return False
    subj = next((c for c in tok.children if c.dep_ in SUBJ), None)
    if subj is None or _relative_pronoun(subj):
        return False
    # "the demand that Y hand over T": a "that" with the verb's own object beside it opens the noun's
    # content, not a relative clause
    return not (any(c.lower_ == "that" for c in tok.children) and
                any(c.dep_ == "dobj" and c.lower_ != "that" for c in tok.children))


def _subjunctive(verb) -> bool:
    """A mandative subjunctive ("that Y withdraw from T", "that Y hand T over"): a bare verb
    after "that" with a subject of its own and no auxiliary, which only a demand takes."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    # (the parse tags "that Y withdraw" VBP: a present form with a singular noun subject)
    return subj is not None and (verb.tag_ == "VB" or (verb.tag_ == "VBP" and subj.tag_ in ("NN", "NNP"))) and \
        any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children) and \
        not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _past_time(verb) -> bool:
    """A past event told as the time of another ("… after X annexed T")."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBD" and \
        any(c.dep_ == "mark" and c.lower_ in TEMPORAL_MARKS for c in verb.children) and \
        any(c.dep_ in SUBJ for c in verb.children)


def _circumstance(chain) -> bool:
    """The act is the time or the cause of what a verb above it does ("sanctions imposed over the
    annexation of T", "since the annexation of T", "in response to the annexation of T")."""
    for node in chain[1:]:
        if node.dep_ == "prep" and (node.lower_ in CIRCUMSTANCE_PREPS or
                                    (node.lower_ == "to" and node.head.lower_ in CIRCUMSTANCE_NOUNS)):
            return True
        if node.pos_ == "VERB":
            return False
    return False


def _antecedent_of_object(trig):
    """The noun a relative clause modifies when its relative pronoun is what an act inside it is
    about ("T, which X has demanded Y hand over": T), or None."""
    node = trig
    for _ in range(4):
        if node.dep_ == "relcl":
            break
        if node.dep_ not in ("ccomp", "xcomp") or is_root(node):
            return None
        node = node.head
    else:
        return None
    if node is trig or not any(_relative_pronoun(c) and c.dep_ not in ("nsubj", "nsubjpass") for c in node.children):
        return None
    return node


class ClaimEventFinder:
    """Claim events of one parsed article.

    ``speakers`` resolves subject tokens to actors (a
    :class:`~stancegraph.extract.speakers.SpeakerResolver`), with ``log`` the speakers
    attribution found (passed explicitly); the territories are ``doc.territory_tokens``.
    """

    def __init__(self, doc, speakers, log):
        self.ctx = doc
        self.terr = doc.territory_tokens
        self.att = speakers
        self.log = log
        resources = speakers.resources
        self.lex = event_lexicon(resources)
        (self.predicates, self.multi_predicates, self.contrast, self.reporting, self.status_cues,
         self.status_words, self.territory_names) = _finder_tables(resources)
        self.status_matches: list = []
        # "the accession of T and U (V), as well as W": the parse may cut a list an act is about
        self.lists = territory_lists(doc.doc, self.terr)
        # the territory tokens in order, to ask whether a range of tokens holds one
        keys = list(self.terr)
        self._terr_sorted = sorted(keys) if all(type(k) is int for k in keys) else None

    def _territory_in(self, start: int, end: int) -> bool:
        """Whether a token of ``range(start, end)`` names a territory."""
        keys = self._terr_sorted
        if keys is None:
            return any(i in self.terr for i in range(start, end))
        at = bisect_left(keys, start)
        return at < len(keys) and keys[at] < end

    # ---------------------------------------------------------------- main ---
    def find(self) -> list[ClaimEvent]:
        doc = self.ctx.doc
        out: list[ClaimEvent] = []
        # act lemma -> [(sentence, territories)] of its mentions with territories
        self.earlier: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        # the same by kind of act, fall-back sovereign and stem ("the annexation" after "annexed T"; not "the
        # referendum" after "annexed T")
        self.earlier_kind: dict[tuple, list[tuple[int, tuple[str, ...]]]] = {}
        for n, sent in enumerate(self.ctx.sents):
            near = self.ctx.sents[max(0, n - 2)].start  # a pronoun's territory is named up to two sentences before
            has_territory = self._territory_in(near, sent.end)
            self.sent_n = n
            if not has_territory and not self.earlier:
                if self._territory_in(0, sent.start):
                    out.extend(self._inclusions(sent))  # "all X territory, including the parts …"
                continue
            # the same order in every process: longest cue first at each token, then by its words
            matches = sorted(list(find(doc, sent.start, sent.end, self.lex.cues)) + self._split_verbs(sent),
                             key=lambda m: (m[1][0], -len(m[1]), m[0][0].words))
            triggers: dict[int, tuple[list, list[int]]] = {}
            for entries, idx in matches:
                top = self._top(idx)
                triggers.setdefault(top.i, (entries, idx))
            disputes = sorted(idx for _, idx in find(doc, sent.start, sent.end, self.lex.disputes, gap=0))
            self.status_matches = sorted(((w, idx) for w, idx in find(doc, sent.start, sent.end, self.status_words)),
                                         key=lambda m: (m[1], m[0]))
            for t, (entries, idx) in triggers.items():
                ev = self._event(doc[t], entries, idx, triggers, disputes)
                if ev is not None:
                    out.append(ev)
            out.extend(self._inclusions(sent))
        return out

    def _inclusions(self, sent) -> list[ClaimEvent]:
        """ "all Ruritanian territory, including T", "all of X's land, including the annexed regions": a
        state's whole territory said to include a territory asserts that state's sovereign for it; an
        inclusion naming no territory ("including the parts to be enshrined") stands for every territory
        the article's acts named before, or with no such act, every territory the article named before."""
        doc = self.ctx.doc
        out = []
        for tok in sent:
            if tok.lower_ != "including" or tok.dep_ != "prep":
                continue
            noun = self._whole_noun(tok.head)
            if noun is None:
                continue
            owner = next((c for c in noun.children if c.dep_ == "poss" or
                          (c.dep_ in ("amod", "compound") and c.lower_ in self.lex.demonyms)), None)
            sovereign = self._actor_sovereign(owner) if owner is not None else None
            if sovereign is None:
                continue
            inside = [i for i in range(tok.i + 1, tok.right_edge.i + 1) if i in self.terr]
            territories = tuple(sorted({t for i in self._whole_lists(inside, tok) for t in self.terr[i]})) if inside \
                else tuple(sorted({t for found in self.earlier_kind.values() for _, ts in found for t in ts})) \
                or tuple(sorted({self.terr[i][0] for i in range(0, sent.start) if len(self.terr.get(i, ())) == 1
                                 and not self._government(i)}))
            sign, _, chain = self._polarity(noun, [noun.i])
            if sign < 0:
                sovereign = self.lex.contrary.get(sovereign)
            claimant, _, relayed = self._claimant(noun, chain)
            territories = tuple(t for t in territories if sovereign and self.lex.can_claim(t, sovereign))
            if claimant is None or not territories or self._is_territory(claimant, territories):
                continue
            out.append(ClaimEvent(tok.i, sorted({noun.i, tok.i, *inside}), territories, sovereign, claimant,
                                  0.55, relayed))
        return out

    def _whole_noun(self, tok):
        """The territory noun of "all X territory", "all of X's territory", "the entire X land", or None."""
        if tok.lower_ in WHOLE_WORDS:
            prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            tok = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
            if tok is None:
                return None
        elif not any(c.dep_ in ("det", "predet", "amod") and c.lower_ in WHOLE_WORDS for c in tok.children):
            return None
        return tok if (tok.lemma_ or "").lower() in ("territory", "land", "soil") else None

    def _split_verbs(self, sent) -> list:
        """Phrasal-verb cues with their object between the verb and its particle ("hand T and U over")."""
        out = []
        doc = sent.doc
        table = token_table(doc)
        # (verb, particle) pairs in the order of the verbs and their children, read from the table
        pairs = sorted((table.head[j], j) for j in range(sent.start, sent.end)
                       if table.dep[j] == "prt" and table.head[j] + 1 < j and sent.start <= table.head[j] < sent.end)
        for h, j in pairs:
            tok, c = doc[h], doc[j]
            entries = self.lex.cues.get((forms(tok)[1], c.lower_)) or self.lex.cues.get((tok.lower_, c.lower_))
            if entries:
                out.append((entries, [tok.i, c.i]))
        return out

    # ------------------------------------------------------------ one act ---
    def _event(self, trig, entries, idx, triggers, disputes) -> ClaimEvent | None:
        # the first reading of the cue whose required preposition is there ("claim T as its own", "X's
        # claims to T"); "claim that …" reports
        # (the parse may hang the preposition on the object: "views T as …")
        # "rejected X's claims to T": or on the verb whose object the act is
        hung = [c for c in trig.head.children if c.dep_ == "prep" and c.i > trig.i] \
            if trig.dep_ == "dobj" and trig.pos_ == "NOUN" else []
        deps = [c for c in trig.children] + [g for c in trig.children if c.dep_ == "dobj" for g in c.children] + hung
        # ("X will not return T": a reading that needs the verb's object comes first where it applies)
        has_object = trig.pos_ == "VERB" and any(c.dep_ == "dobj" for c in trig.children)
        cue = next((e for e in sorted(entries, key=lambda e: not e.required_object)
                    if (not e.required_object or has_object) and (not e.required_preps or
                    any(c.dep_ == "prep" and c.lower_ in e.required_preps for c in deps))), None)
        if cue is not None and cue.required_object:
            # "Westland will not return T" gives it back; "we will return T", "Ruritania will return T" by the
            # state the other reading would give it to takes it back: that reading then
            giver = self._relinquisher(trig)
            giver_sov = self._actor_sovereign(self.ctx.doc[giver]) if giver is not None else None
            if giver_sov is None or giver_sov in {e.default for e in entries if e is not cue}:
                cue = next((e for e in entries if not e.required_object and not e.required_preps), None)
        if cue is None:
            return None
        if cue.kind == RECOGNISE and trig.dep_ == "amod":
            return None  # "its internationally recognised borders" describes, it claims nothing
        if cue.kind == RECOGNISE and sum(1 for t in trig.subtree if t.dep_ == "prep" and t.lower_ == "as") > 1:
            return None  # "recognition of T as X's and U as independent": each status cue speaks for itself
        args = self._argument_tokens(trig, idx, cue.kind)
        if cue.required_preps and not any(c.dep_ == "prep" and c.lower_ in cue.required_preps for c in trig.children):
            for c in hung:
                if c.lower_ in cue.required_preps:
                    args |= set(range(c.left_edge.i, c.right_edge.i + 1)) - set(idx)
        # (an inner cue that asserts no sovereign, "the parts of T", is no act of its own)
        inner = [j for j in triggers if j != trig.i and j in args
                 and self._sovereign(self.ctx.doc[j], triggers[j][0][0], set()) is not None]
        # An act whose territory is an inner act's ("recognition of the annexation of T") defers to it,
        # except a recognition, which passes the inner act on: the inner act is then what is asserted.
        if inner and any(i in self.terr and self._under(i, inner) for i in args):
            return None
        terr_idx = self._whole_lists([i for i in sorted(args) if i in self.terr], trig)
        lemma = (trig.lemma_ or trig.lower_).lower()
        if terr_idx:
            territories = tuple(sorted({t for i in terr_idx for t in self.terr[i]}))
            self.earlier.setdefault(lemma, []).append((self.sent_n, territories))
            self.earlier_kind.setdefault((cue.kind, cue.default, lemma[:5]), []).append((self.sent_n, territories))
        else:
            # "the referendum", "these annexations", "X's attempted annexation": the same act named with its
            # territories a few sentences before
            definite = any(c.dep_ in ("det", "poss") and (c.lower_ in _DEFINITE | POSSESSIVE_PRONOUNS or
                                                         (c.dep_ == "poss" and c.i in self.ctx.tok_actor))
                           for c in trig.children)
            mentions = self._mentions(lemma, (cue.kind, cue.default, lemma[:5]))
            # "the referendum": its last mention; "the referendums": all of them
            if trig.tag_ in ("NNS", "NNPS") and len(mentions) > 1:
                before = (mentions[-1][0], tuple(sorted({t for _, ts in mentions for t in ts})))
            else:
                before = mentions[-1] if mentions else None
            sent = trig.sent
            # a sentence naming another territory speaks of that one's act ("In U, … the referendum")
            other = any(i in self.terr and not set(self.terr[i]) <= set(before[1])
                        for i in range(sent.start, sent.end)) if before else True
            if definite and before is not None and not other:
                territories = before[1]
            else:
                territories = self._pronoun_territories(trig) or \
                    self._whole_territory(args, trig if cue.required_preps and not cue.recipient_preps else None)
                if not territories:
                    return None
        sovereign = self._sovereign(trig, cue, args)
        if cue.kind == RECOGNISE:
            # "recognition of T as part of X": the status phrase says what is recognised
            # ("recognise T and other occupied Ruritanian lands as X's": the status after "as", when one is)
            window = [(words, idx2) for words, idx2 in self.status_matches
                      if trig.i < idx2[0] <= trig.i + 12 and trig.sent.start <= idx2[0] < trig.sent.end]
            after_as = [m for m in window if self._after_as(m[1][0])]
            held = self._holding(trig) if cue.holding and not after_as else None
            if held is not None:
                # "recognition of the occupied Ruritanian territories, including T": the holding, not the
                # description of what is held
                sovereign, window = cue.holding, []
            # (a recognition proper: "accept Y's terms" is no holding of Y's)
            holder = self._held_by(trig) if not after_as and cue.default else None
            if holder is not None:
                # "recognise the Ruritanian occupation of T and other lands of Y": the holder's, whatever the
                # words after it say of the lands
                sovereign, window = holder, []
            for words, idx2 in after_as or window:
                sovereign = self.status_cues[words][0].sovereign
                break
            # "recognition of T, which X annexed": what is recognised is the acquisition
            for j, (inner_entries, inner_idx) in triggers.items():
                # (not an act of what the parse conjoins to it: "recognise T as X's, renounce plans to join Y")
                # (the acquisition among the inner cue's readings: "X's claims to T", not "claim T as …")
                acquisition = next((e for e in inner_entries if e.kind == ACQUIRE), None)
                if j != trig.i and acquisition is not None and trig.left_edge.i <= j <= trig.right_edge.i \
                        and not any(c.dep_ == "conj" and c.left_edge.i <= j <= c.right_edge.i for c in trig.children):
                    key = self._sovereign(self.ctx.doc[j], acquisition, set())
                    if key:
                        sovereign = key
                        break
        if sovereign is None and not (cue.kind == ACQUIRE and self._no_party(trig, cue)):
            return None
        sign, negative_predicate, chain = self._polarity(trig, idx)
        disputed = self._disputed(trig, idx, chain, disputes)
        negative = (sign < 0) != (disputed and not negative_predicate)
        if disputed and sign < 0 and self._disputed(trig, idx, chain[:1], disputes):
            negative = True  # "we do not recognise the illegal annexation of T": one stance said twice
        if self._refused_demand(chain):
            return None  # "X is not demanding Y's withdrawal from T": a refusal to demand is no claim
        claimant, claimant_tok, relayed = self._claimant(trig, chain)
        if relayed and claimant_tok is not None:
            # "Y condemned X's refusal to recognise T": X's stance is X's; what others think of it above
            # does not turn it
            holder = self.ctx.doc[claimant_tok]
            stop = next((n for n in chain[1:] if n.i == holder.head.i or self._controller(n) is holder), None)
            if stop is not None and stop is not chain[-1]:
                sign, negative_predicate, _ = self._polarity(trig, idx, stop=stop.i)
                negative = (sign < 0) != (disputed and not negative_predicate)
        if claimant is None or self._is_territory(claimant, territories):
            return None  # "T joined X" reports the act; T does not claim itself
        if not negative and trig.pos_ == "NOUN" and _circumstance(chain):
            return None  # "X imposed sanctions over Y's annexation of T": the act is the cause, X asserts nothing of it
        if not negative and not relayed and self._mentioned(trig, chain, claimant):
            return None  # "X sanctioned people involved in Y's annexation of T": Y's act, X asserts nothing of it
        if not relayed and self._speculated(chain, claimant):
            return None  # "X warned that Y could be planning to annex T": Y's possible act, X's fear
        if sovereign is None:
            # "X said T would be liberated soon": an acquirer left unnamed is the claimant's own state
            sovereign = self._iri_sovereign(claimant)
            if sovereign is None:
                return None
        if cue.kind == RELINQUISH and not negative and not self._demanded(chain) and \
                self._enumerated_holder(chain[-1]) is None:
            return None  # "the army withdrew from T" reports a move, not a claim
        if negative:
            sovereign = self.lex.contrary.get(sovereign)
            if sovereign is None:
                return None
        territories = tuple(t for t in territories if self.lex.can_claim(t, sovereign))
        if not territories:
            return None
        tokens = sorted(set(idx) | set(terr_idx))
        # ("T, which X annexed in 2014", "T (annexed by X in 2014)", "the annexed T": a past act told of its
        # territory)
        # (the parse may hang the participle on the noun the territory depends on: "talks on T, annexed …")
        background = not negative and (
            # ("the Ruritanian-annexed T": a participle describing its territory)
            trig.dep_ == "amod" and trig.tag_ == "VBN" and
            any(i in self.terr for i in range(trig.head.left_edge.i, trig.head.i + 1)) or
            trig.dep_ == "relcl" and trig.tag_ in ("VBD", "VBN") and
            any(i in self.terr for i in range(trig.head.left_edge.i, trig.i)) or
            trig.dep_ == "acl" and trig.tag_ == "VBN" and trig.i > trig.head.i and
            any(i in self.terr for i in range(trig.head.left_edge.i, trig.i)))
        if not negative and claimant_tok is not None and _past_time(chain[-1]) and \
                self.ctx.doc[claimant_tok].head.i == chain[-1].i:
            # "X said Y is asking for help after Z annexed T": the time of another event is Z's act,
            # which X only tells
            relayed = True
        return ClaimEvent(trig.i, tokens, territories, sovereign, claimant, 0.55 if negative else 0.6, relayed,
                          background, self._conjoined(claimant, claimant_tok))

    def _subject_pronoun(self, pron, verb) -> bool:
        """ "it" in "Ruriton stated it opposes …" standing for the subject of the verb saying so: a
        named state or a body of one (in "the official said it calls for …" the "it" is a plan)."""
        if pron.lower_ != "it" or verb.head is verb:
            return False
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        return subj is not None and subj.pos_ == "PROPN" and self._actor_sovereign(subj) is not None and \
            self.att.resolve(subj, self.log)[0] is not None

    def _mentioned(self, trig, chain, claimant: str) -> bool:
        """An act named with its own agent ("Y's annexation of T") as the argument of a verb that takes
        no stance on it ("X sanctioned people involved in Y's annexation", "a policy which caused Y's
        annexation of T"), when the claimant does not speak for that agent."""
        if trig.pos_ != "NOUN":
            return False
        owner = next((c for c in trig.children if c.dep_ == "poss"), None)
        if owner is None or owner.lower_ in POSSESSIVE_PRONOUNS or self._place(owner.i):
            return False
        agent = self.att.resolve(owner, self.log)[0]
        if agent is None or not self._apart(claimant, agent):
            return False
        # (a verb of saying reports the clause it governs, "X said recognition of Y's ownership of T is a
        # must", not a phrase hung on it: "X said in a statement on the anniversary of Y's annexation of T")
        verb = next((n for k, n in enumerate(chain[1:], 1) if n.pos_ == "VERB" and forms(n)[1] not in _LIGHT_VERBS
                     and not (forms(n)[1] in self.reporting and chain[k - 1].dep_ in ("ccomp", "parataxis"))), None)
        if verb is None:
            return False
        lemma = forms(verb)[1]
        # (a provision verb provides for the act, unless it only qualifies a noun: "people involved in …")
        provides = lemma in self.lex.provisions and verb.dep_ not in ("acl", "amod")
        return self._stance_of(verb) is None and lemma not in self.lex.coercions and not provides \
            and not any(c.kind == RECOGNISE for c in self.lex.cues.get((lemma,), []))

    def _speculated(self, chain, claimant: str) -> bool:
        """The act is told as what another actor could or might do ("X warned that Y could be planning
        to annex T", not "Y may have to cede T", an obligation): a verb on the way up with a modal of
        possibility and a subject naming an actor the claimant does not speak for."""
        for n, node in enumerate(chain):
            if not any(c.dep_ == "aux" and c.lower_ in POSSIBILITY_MODALS for c in node.children):
                continue
            if any(forms(m)[1] in OBLIGATION_VERBS for m in chain[:n + 1]):
                return False
            subj = next((c for c in node.children if c.dep_ in SUBJ), None)
            if subj is None or subj.pos_ == "PRON":
                return False
            agent = self.att.resolve(subj, self.log)[0]
            return agent is not None and self._apart(claimant, agent)
        return False

    def _holding(self, trig):
        """What a recognition recognises when it is a holding ("recognise the new territorial realities",
        "recognition of the occupied territories, including T"), with no independence named in it; or
        None."""
        objs = [c for c in trig.children if c.dep_ == "dobj"] + \
            [g for c in trig.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        for obj in objs:
            if obj.lower_ not in self.lex.holdings and (obj.lemma_ or "").lower() not in self.lex.holdings:
                continue
            words = {t.lower_ for t in obj.subtree} | {(t.lemma_ or "").lower() for t in obj.subtree}
            if words & {"independence", "statehood"}:
                return None
            return obj
        return None

    def _held_by(self, trig) -> str | None:
        """The sovereign of the state a recognised thing that is no territory belongs to ("recognise the
        Ruritanian occupation of T", "recognition of Y's control over T"), or None."""
        objs = [c for c in trig.children if c.dep_ == "dobj"] + \
            [g for c in trig.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        for obj in objs:
            if obj.i in self.terr or obj.pos_ != "NOUN" or region_noun(obj) or \
                    not self.lex.holdings.isdisjoint(forms(obj)):
                continue  # ("the occupied Ruritanian territories": whose they were, see _holding)
            for c in obj.children:
                if c.dep_ in ("amod", "poss") and not self._place(c.i):
                    key = self._actor_sovereign(c)
                    if key:
                        return key
        return None

    def _conjoined(self, claimant: str, tok: int | None) -> tuple[str, ...]:
        """The other named actors conjoined with the claimant's token ("X and Y asked Z to annex T"; a
        described group, "X and the heads of …", is left out: its name is not sure)."""
        if tok is None:
            return ()
        out = []
        for c in self.ctx.doc[tok].conjuncts:
            if self._place(c.i) or c.pos_ != "PROPN":
                continue
            iri = self.att.resolve(c, self.log)[0]
            if iri is not None and iri != claimant and iri not in out:
                out.append(iri)
        return tuple(out)

    def _after_as(self, i: int) -> bool:
        """The status phrase at ``i`` follows "as" or begins with it ("as Ruritanian")."""
        doc = self.ctx.doc
        if doc[i].lower_ == "as":
            return True
        j = i - 1
        while j > 0 and doc[j].dep_ == "det":
            j -= 1
        return doc[j].lower_ == "as"

    def _mentions(self, lemma: str, kind: tuple) -> list[tuple[int, tuple[str, ...]]]:
        """Earlier mentions of an act named again: those of the same word a few sentences before, else
        those of the same kind of act and stem ("annexed" for "the annexation"); with none near, the act
        the whole article names, when every earlier mention of it (by word, else by kind) named the same
        territories."""
        for found in (self.earlier.get(lemma, ()), self.earlier_kind.get(kind, ())):
            near = [m for m in found if self.sent_n - m[0] <= 5]
            if near:
                return near
        for found in (self.earlier.get(lemma, ()), self.earlier_kind.get(kind, ())):
            if found:
                return [found[-1]] if len({ts for _, ts in found}) == 1 else []
        return []

    def _place(self, i: int) -> bool:
        """The token names a territory and no actor: a place is never a claimant, a possessor or a recipient."""
        return i in self.terr and i not in self.ctx.tok_actor

    def _apart(self, claimant: str, agent: str) -> bool:
        """Neither actor speaks for the other (see :meth:`allied`)."""
        return not self.allied(claimant, agent) and not self.allied(agent, claimant)

    def allied(self, speaker: str, holder: str) -> bool:
        """The speaker is the holder or speaks for it (its affiliation, or the affiliation's)."""
        seen = set()
        iri = speaker
        while iri and iri not in seen:
            if iri == holder:
                return True
            seen.add(iri)
            actor = self.att.actor(iri)
            iri = actor.affiliation if actor is not None else None
        return False

    def _is_territory(self, iri: str, territories) -> bool:
        actor = self.att.actor(iri)
        return actor is not None and self.territory_names.get(actor.name.lower().replace("’", "'")) in territories

    def _top(self, idx):
        doc = self.ctx.doc
        inside = set(idx)
        heads = [doc[i] for i in idx if doc[i].head.i not in inside or is_root(doc[i])]
        return heads[0] if heads else doc[idx[0]]

    def _argument_tokens(self, trig, idx, kind: str) -> set[int]:
        """Tokens of what the act is about: its subtree without its subject, or, for a
        participle or relative clause ("the annexed T", "T, which X annexed"), the noun it modifies."""
        sent = trig.sent
        toks: set[int] = set()
        for c in trig.children:
            if c.dep_ == "poss" and trig.pos_ == "NOUN" and self._place(c.i):
                toks.update(range(c.left_edge.i, c.i + 1))  # "T's annexation": the place is what is annexed
                continue
            if c.dep_ in SUBJ or c.dep_ == "poss" or c.dep_ == "agent":
                continue
            if c.dep_ == "prep" and c.lower_ in EXCEPTION_PREPS:
                continue  # "accept the terms, except for T": T is left out of the act
            if c.dep_ == "conj" and c.pos_ == "VERB" and any(g.dep_ in ("dobj", "prep") for g in c.children):
                continue  # "annex T and seize U": the conjoined act has its own object
            if c.dep_ == "conj" and trig.pos_ == "VERB" and c.pos_ in ("NOUN", "PROPN"):
                continue  # a noun the parse conjoins to the act's verb ("T — annexed in 2014 — and U") is not its object
            if c.dep_ == "conj" and trig.pos_ == "NOUN" and c.pos_ == "NOUN" and \
                    any(g.dep_ == "prep" and g.i < c.i for g in trig.children) and \
                    any(g.dep_ == "cc" and g.i < c.i for g in trig.children):
                continue  # "recognition of T as X's and a freeze of the front in U": the other noun is another thing
            toks.update(range(c.left_edge.i, c.right_edge.i + 1))
        # (an infinitive, "an attempt to annex T", is about its own object, not about the attempt)
        infinitive = trig.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in trig.children)
        if trig.dep_ in ("amod", "acl", "relcl") and not is_root(trig) and not infinitive:
            noun = trig.head
            # ("T — annexed in 2014 — and parts of U": a participle after its noun does not reach the
            # conjuncts after it)
            end = trig.i if trig.dep_ == "acl" and trig.i > noun.i else noun.right_edge.i + 1
            toks.update(range(noun.left_edge.i, end))
            toks.discard(trig.i)
        # "entails a pullback of Y troops beyond the borders of T": the parse may hang the place withdrawn
        # from on the verb whose object the act is
        if kind == RELINQUISH and trig.dep_ in ("dobj", "nsubjpass") and trig.pos_ == "NOUN":
            for c in trig.head.children:
                if c.dep_ == "prep" and c.lower_ in ("from", "beyond", "out") and c.i > trig.i:
                    toks.update(range(c.left_edge.i, c.right_edge.i + 1))
        relcl = _antecedent_of_object(trig)
        if relcl is not None and not any(i in self.terr for i in toks):
            noun = relcl.head  # "T, which X has demanded Y hand over": the act is about T
            toks.update(i for i in range(noun.left_edge.i, noun.right_edge.i + 1)
                        if not relcl.left_edge.i <= i <= relcl.right_edge.i)
        # "T is (to become) part of X": the copula's subject is what the status is about.
        if trig.dep_ in ("attr", "acomp", "oprd") and not is_root(trig) and \
                (trig.head.lemma_ or "").lower() in _LIGHT_VERBS:
            for c in trig.head.children:
                if c.dep_ in ("nsubj", "nsubjpass"):
                    toks.update(range(c.left_edge.i, c.right_edge.i + 1))
        # A passive verb's subject is what the act is about ("T was annexed", "T will be returned").
        for c in trig.children:
            if c.dep_ == "nsubjpass":
                toks.update(range(c.left_edge.i, c.right_edge.i + 1))
        # A relative clause inside the arguments says something else of its noun ("T, which comprises U");
        # a passive agent names who acts ("referendums denounced by Westland").
        for i in list(toks):
            t = self.ctx.doc[i]
            if (t.dep_ == "relcl" and t.i != trig.i) or t.dep_ == "agent":
                toks -= set(range(t.left_edge.i, t.right_edge.i + 1))
        # "the enclaves of T and U in V": a territory locating other territories of the act is not one of its own
        for i in list(toks):
            t = self.ctx.doc[i]
            if i in self.terr and t.dep_ == "pobj" and t.head.lower_ == "in":
                prep = t.head
                where = range(prep.left_edge.i, prep.right_edge.i + 1)
                if any(x.i in self.terr and x.i in toks and x.i not in where for x in prep.head.subtree):
                    toks -= set(where)
        # A place standing as a verb's subject or object, or as a possessor ("Westland's refusal"), is its
        # government.
        toks = {i for i in toks if not self._government(i)}
        # "T asked to join X", "T joined X": the territory that joins is the act's subject.
        if kind == ACQUIRE and trig.pos_ == "VERB" and self._recipient(trig) is not None:
            toks.update(i for i in self._agents(trig) if i in self.terr)
        toks -= set(idx)
        return {i for i in toks if sent.start <= i < sent.end}

    def _pronoun_territories(self, trig) -> tuple[str, ...]:
        """ "its return", "annexed it": the territory named last before; "their independence",
        "annexed them": the list named last before, one by one or by a counted phrase ("four Ruritanian
        regions … claimed them") (within the sentence and the two before). A
        pronoun standing for a state ("Westland … its independence") names no territory."""
        doc = self.ctx.doc
        pron = None
        for c in trig.children:
            if (c.dep_ == "poss" and c.lower_ in ("its", "their")) or \
                    (c.dep_ in ("dobj", "nsubjpass") and c.lower_ in ("it", "them")):
                pron = c
            elif c.dep_ == "prep" and c.lower_ == "of":
                pron = next((g for g in c.children if g.dep_ == "pobj" and g.lower_ in ("it", "them")), pron)
            if pron is None and c.dep_ in ("dobj", "nsubjpass") and region_noun(c):
                # "annex their regions", "its territory will be returned"
                pron = next((g for g in c.children if g.dep_ == "poss" and g.lower_ in ("its", "their")), None)
        if pron is None:
            return ()
        if pron.lower_ in POSSESSIVE_PRONOUNS:
            owner = self.att.possessor(pron, self.log)
            if owner is not None and self._actor_sovereign(doc[pron.i]) is not None:
                return ()
        plural = pron.lower_ in ("their", "them")
        lo = self.ctx.sents[max(0, self.sent_n - 2)].start
        # the lists named one by one, and the counted phrases ("the four regions") that stand for a list
        named = [(a, b, terrs) for a, b, terrs in self.lists if lo <= a and b < pron.i]
        counted = [(i, i, self.terr[i]) for i in range(lo, pron.i) if len(self.terr.get(i, ())) >= 2]
        for a, b, terrs in sorted(named + counted, key=lambda m: m[1], reverse=True):
            if (len(terrs) >= 2) == plural:
                return tuple(sorted(terrs))
        return ()

    def _whole_territory(self, args: set[int], trig=None) -> tuple[str, ...]:
        """ "all of X's territory", "the entire Ruritanian territory", "a single inch of X's land", or X's
        territory as what a claim ``trig`` itself is on ("Y's claims to X's territory", "Y's sovereignty
        over Ruritanian land"): every territory the article's acts have named so far (what is in dispute)."""
        doc = self.ctx.doc
        for i in sorted(args):
            tok = doc[i]
            if (tok.lemma_ or "").lower() not in ("territory", "land", "soil"):
                continue
            owned = any(c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and c.lower_ in self.lex.demonyms)
                        or (c.dep_ == "prep" and c.lower_ == "of") for c in tok.children)
            quantified = any(c.dep_ in ("det", "predet", "amod") and c.lower_ in WHOLE_WORDS for c in tok.children) \
                or (tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in WHOLE_WORDS)
            # (the act's own object, singular: "claims on X's territory", not "parts of X's territory")
            quantified = quantified or (trig is not None and tok.tag_ == "NN" and (
                (tok.dep_ == "dobj" and tok.head.i == trig.i) or
                (tok.dep_ == "pobj" and tok.head.dep_ == "prep" and (tok.head.head.i == trig.i or (
                    # (the parse may hang the preposition on the verb whose object the act is: "recognise
                    # Y's claims to X's territory")
                    trig.dep_ == "dobj" and tok.head.head.i == trig.head.i and tok.head.i > trig.i)))))
            if owned and quantified:
                return tuple(sorted({t for found in self.earlier_kind.values() for _, ts in found for t in ts}))
        return ()

    def _government(self, i: int) -> bool:
        tok = self.ctx.doc[i]
        return i in self.ctx.tok_actor and (tok.dep_ in ("nsubj", "nsubjpass", "dobj", "dative", "poss", "agent")
                                            or any(c.dep_ == "case" for c in tok.children)
                                            or (tok.dep_ == "pobj" and tok.head.lower_ == "by"))  # "denounced by Westland"

    def _whole_lists(self, terr_idx: list[int], trig) -> list[int]:
        """The act's territory tokens with the rest of each list they belong to, on the act's side."""
        if not terr_idx:
            return terr_idx
        found = set(terr_idx)
        for a, b, _ in self.lists:
            if any(a <= i <= b for i in terr_idx) and not a <= trig.i <= b:
                found.update(i for i in range(a, b + 1) if i in self.terr and len(self.terr[i]) == 1
                             and not self._government(i))
        return sorted(found)

    def _under(self, i: int, heads: list[int]) -> bool:
        doc = self.ctx.doc
        tok = doc[i]
        for _ in range(40):
            if tok.i in heads:
                return True
            if is_root(tok):
                return False
            tok = tok.head
        return False

    # ---------------------------------------------------------- sovereign ---
    def _actor_sovereign(self, tok) -> str | None:
        """The sovereign key of the state an actor token stands for (by name, affiliation or demonym)."""
        if tok is None:
            return None
        low = tok.lower_
        if low in self.lex.demonyms:
            return self.lex.demonyms[low]
        iri = self.ctx.tok_actor.get(tok.i)
        if iri is None and low in POSSESSIVE_PRONOUNS:
            iri = self.att.possessor(tok, self.log)  # "part of its territory"
        if iri is None:
            for c in tok.children:
                if c.dep_ in ("amod", "compound", "poss", "nmod"):
                    key = self._actor_sovereign(c)
                    if key:
                        return key
            return None
        return self._iri_sovereign(iri)

    def _no_party(self, trig, cue: EventCue) -> bool:
        """The act names nobody who takes part in it ("T will be liberated", "the liberation of T"): no
        subject, agent or possessor, and no object or recipient other than a territory ("join the Alliance",
        "part of the talks" name a party that is no state; a cue naming its party by a preposition,
        "part of X", is about that party alone: "parts of T" asserts nothing)."""
        if cue.recipient_preps:
            return False
        for c in trig.children:
            if c.dep_ in ("nsubj", "poss", "agent") or (c.dep_ == "prep" and c.lower_ == "by"):
                return False
            if c.dep_ == "dobj" and c.i not in self.terr:
                return False
            if c.dep_ == "prep" and (c.lower_ in RECIPIENT_PREPS or c.lower_ in cue.recipient_preps):
                if any(g.dep_ == "pobj" and g.i not in self.terr for g in c.children):
                    return False
        return True

    def _iri_sovereign(self, iri: str | None) -> str | None:
        """The sovereign key of the state an actor is or belongs to (through its affiliations)."""
        seen = set()
        while iri and iri not in seen:
            seen.add(iri)
            if iri in self.lex.state_sovereign:
                return self.lex.state_sovereign[iri]
            actor = self.att.actor(iri)
            iri = actor.affiliation if actor is not None else None
        return None

    def _agents(self, trig) -> list[int]:
        """Tokens of who performs the act: subject, passive agent, possessor, "of"/"by" phrase of a noun."""
        out = []
        for c in trig.children:
            if c.dep_ in ("nsubj", "poss"):
                out.append(c.i)
            elif c.dep_ == "agent":
                out += [g.i for g in c.children if g.dep_ == "pobj"]
            elif c.dep_ == "prep" and c.lower_ == "by":
                out += [g.i for g in c.children if g.dep_ == "pobj"]
            elif c.dep_ == "amod" and c.lower_ in self.lex.demonyms:
                out.append(c.i)
        if not out and trig.pos_ == "VERB" and trig.dep_ not in ("acl", "amod"):
            # (the noun a participle qualifies, "Ruritanian regions annexed in 2020", is what is acquired)
            subj = self.att.subject_of(trig)
            if subj is not None:
                out.append(subj.i)
        return out

    def _recipient(self, trig, extra: frozenset = frozenset(), acquire: bool = True,
                   exclude: frozenset = frozenset()) -> int | None:
        """Who receives the territory ("cede T to X", "join X"); ``exclude``: prepositions that name
        what the act is about instead ("X's claims to T")."""
        for c in trig.children:
            if c.dep_ == "prep" and (c.lower_ in RECIPIENT_PREPS or c.lower_ in extra) and c.lower_ not in exclude:
                for g in c.children:
                    # ("parts of four Ruritanian regions": the territory itself, whose adjective names its
                    # sovereign before the act, not a recipient)
                    if g.dep_ == "pobj" and not self._place(g.i):
                        return g.i
            if c.dep_ in ("dobj", "pobj") and trig.pos_ == "VERB" and acquire and self._actor_sovereign(c) \
                    and c.i not in self.terr:
                return c.i  # "join X"
        # "return control of T, U and V to X": the parse hangs the recipient on the object's last noun
        for c in trig.children:
            if c.dep_ != "dobj" or trig.pos_ != "VERB":
                continue
            for t in c.subtree:
                if t.dep_ == "prep" and t.lower_ in ("to", "into") and t.right_edge.i == c.right_edge.i:
                    g = next((g for g in t.children if g.dep_ == "pobj"), None)
                    if g is not None and g.i not in self.terr and self._actor_sovereign(g):
                        return g.i
        return None

    def _relinquisher(self, trig) -> int | None:
        """Who gives the territory up: the agent, or the troops being withdrawn ("withdrawal of Y forces")."""
        doc = self.ctx.doc
        for i in self._agents(trig):
            if self._actor_sovereign(doc[i]):
                return i
        for c in trig.children:
            if c.dep_ in ("dobj",) or (c.dep_ == "prep" and c.lower_ == "of"):
                target = c if c.dep_ == "dobj" else next((g for g in c.children if g.dep_ == "pobj"), None)
                if target is not None and target.i not in self.terr and self._actor_sovereign(target):
                    return target.i
        return None

    def _sovereign(self, trig, cue: EventCue, args: set[int]) -> str | None:
        doc = self.ctx.doc
        if cue.kind == INDEPENDENCE:
            return cue.default
        if cue.kind == RECOGNISE:
            # "recognise T as X's", "recognition of T as X": the state named after "as"
            for c in trig.children:
                if c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as"):
                    for t in c.subtree:
                        if t.lower_ == "own":  # "claim T as its own": the claiming state's
                            for i in self._agents(trig):
                                key = self._actor_sovereign(doc[i])
                                if key:
                                    return key
                        key = self._actor_sovereign(t) if (t.i in self.ctx.tok_actor or
                                                           t.lower_ in self.lex.demonyms) else None
                        if key:
                            return key
            return cue.default
        rec = self._recipient(trig, cue.recipient_preps, acquire=cue.kind == ACQUIRE, exclude=cue.required_preps)
        rec_sov = self._actor_sovereign(doc[rec]) if rec is not None else None
        if cue.kind == ACQUIRE:
            if rec_sov:
                return rec_sov
            for i in self._agents(trig):
                key = self._actor_sovereign(doc[i])
                if key:
                    return key
            return cue.default
        if rec_sov:
            return rec_sov
        giver = self._relinquisher(trig)
        if giver is not None:
            return self.lex.contrary.get(self._actor_sovereign(doc[giver]))
        return cue.default

    # ----------------------------------------------------------- polarity ---
    def _polarity(self, trig, idx, stop: int | None = None) -> tuple[int, bool, list]:
        """(sign, saw a negative predicate, governing chain) from the act up to the sentence root (or
        up to the token ``stop``)."""
        sign, negative_pred = 1, False
        chain = [trig]
        cur = trig
        match = set(idx)
        counting = True  # an adverbial clause ("if T is given up") is not what its head verb acts on
        parallel = False  # ``cur`` is the first of conjoined verbs ("does not and will not recognise"): its
        # negation and polarity are its own, not said of the act
        for _ in range(30):
            if chain[-1] is not cur:
                chain.append(cur)
            if parallel:
                if is_root(cur) or self._own_clause(cur) or self._controller(cur) is not None or cur.i == stop:
                    break
                parallel = cur.dep_ == "conj"
                cur = cur.head
                continue
            if counting and cur.i != trig.i and cur.pos_ == "VERB":
                low, lemma = forms(cur)
                transparent = any(c.kind == RECOGNISE for c in self.lex.cues.get((lemma,), [])) \
                    or lemma in self.lex.coercions or lemma in self.lex.provisions
                if lemma not in _LIGHT_VERBS and not transparent \
                        and (self.predicates.get(lemma) or self.predicates.get(low)) is None \
                        and not any(c.dep_ == "prt" and (lemma, c.lower_) in self.multi_predicates for c in cur.children):
                    counting = False  # "not seen reports of X": the negation is of the seeing, not of X
            if not counting:
                if is_root(cur) or self._own_clause(cur) or self._controller(cur) is not None or cur.i == stop:
                    break
                cur = cur.head
                continue
            for child in cur.children:
                if child.i in match:
                    continue
                low, _ = forms(child)
                if child.dep_ == "neg" or (child.dep_ in ("det", "advmod", "preconj") and low in self.contrast) \
                        or (child.dep_ in SUBJ and low in NEGATIVE_SUBJECTS):
                    sign = -sign
            if cur.i != trig.i:
                low, lemma = forms(cur)
                pol = self.predicates.get(lemma) or self.predicates.get(low)
                for child in cur.children:
                    if child.dep_ in ("prt", "prep") and child.i == cur.i + 1:
                        pol = self.multi_predicates.get((lemma, child.lower_), pol)
                if pol is not None and pol < 0:
                    sign, negative_pred = -sign, True
            if is_root(cur) or self._own_clause(cur) or self._controller(cur) is not None or cur.i == stop:
                if _relative_clause(cur) and any(c.dep_ in ("det", "neg") and forms(c)[0] in self.contrast | {"no"}
                                                 for c in cur.head.children):
                    sign = -sign  # "there is no reason why we should give up T": nothing such holds
                break  # "…, and X annexed T": a conjoined clause with its own subject stands alone
            if cur.dep_ == "advcl" and not any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children):
                counting = False  # an infinitive ("compel X to surrender T") is what its head verb acts on
            parallel = cur.dep_ == "conj" and cur.pos_ in ("VERB", "AUX") and cur.head.pos_ in ("VERB", "AUX")
            cur = cur.head
        return sign, negative_pred, chain

    @staticmethod
    def _controller(node):
        """The object of "chided X for refusing …", "accused X of seeking …": who does the
        subjectless gerund ``node``."""
        if node.pos_ != "VERB" or node.dep_ != "pcomp" or node.head.lower_ not in ("for", "of") \
                or any(c.dep_ in SUBJ for c in node.children) or node.head.head.pos_ != "VERB":
            return None
        return next((c for c in node.head.head.children if c.dep_ == "dobj"), None)

    @staticmethod
    def _own_clause(tok) -> bool:
        """A verb conjoined to another clause or set against it ("…, while X …"), a past event told
        as the time of another ("… after X signed treaties to annex T": not "… after Y withdraws from
        T", which may be a condition), or a relative clause ("T, which X has demanded Y hand over"),
        with a subject of its own."""
        if tok.pos_ not in ("VERB", "AUX") or not any(c.dep_ in SUBJ for c in tok.children):
            return False
        if _past_time(tok):
            return True
        return tok.dep_ == "conj" or (tok.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in CONTRASTIVE_MARKS for c in tok.children)) or _relative_clause(tok)

    def _disputed(self, trig, idx, chain, disputes) -> bool:
        """A dispute cue said of the act: its modifier ("sham referendum"), or the predicate of a
        clause the act is the subject or object of ("X is illegal", "called X a sham")."""
        if not disputes:
            return False
        # A dispute word modifying the act ("the illegal annexation", "illegally annexed") is often the
        # writer's, not the claimant's: it counts only inside quotation marks (the speaker's own words).
        near: set[int] = set()
        for c in trig.children:
            if c.dep_ in ("amod", "compound", "advmod", "nmod"):
                near.update(i for i in range(c.left_edge.i, c.right_edge.i + 1) if self._quoted(i))
        for n, node in enumerate(chain[1:7]):
            below = chain[n]
            if below.dep_ == "conj" and below.pos_ in ("VERB", "AUX") and below.head.i == node.i:
                break  # "X denounced Y as illegal and says it will never recognise T": said of Y, not of T
            if n < 3:
                near.add(node.i)
            for c in node.children:
                if n < 3 and (c.dep_ in ("attr", "oprd", "acomp", "advmod", "amod") or
                              (c.dep_ == "prep" and c.lower_ == "as")):
                    near.update(range(c.left_edge.i, c.right_edge.i + 1))
                elif c.dep_ == "dobj" and (node.lemma_ or "").lower() == "have" and \
                        any(s.dep_ in SUBJ for s in node.children):
                    # "any decision to proceed with the annexation of T would have no legal value"
                    near.update(range(c.left_edge.i, c.right_edge.i + 1))
                elif n < 3 and (c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "to")) and \
                        (node.lemma_ or "").lower() in EQUATIVE_VERBS and chain[n].dep_ in SUBJ:
                    # "any attempt to recognise T as X's would mean a gross violation": what the act amounts to
                    near.update(range(c.left_edge.i, c.right_edge.i + 1))
        return any(set(d) & near for d in disputes)

    def _quoted(self, i: int) -> bool:
        return self.ctx.in_quotes(i)

    def _demanded(self, chain) -> bool:
        """A stance-taking predicate, a modal or a condition governs the act ("demanded that … withdraw",
        "must cede", "if it gives up T", "its precondition is a withdrawal from T")."""
        for n, node in enumerate(chain):
            low, lemma = forms(node)
            pol = self.predicates.get(lemma) or self.predicates.get(low)
            if n > 0 and ((pol is not None and pol > 0) or lemma in self.lex.coercions or lemma in self.lex.provisions):
                return True
            if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in node.children):
                return True
            if n > 0 and self._predicate_subject(node) is not None:
                return True
            if n == 0 and any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in node.children):
                return True
            if n == 0 and _subjunctive(node):
                return True  # "… firm on its terms, namely that Y withdraw from T"
            # "Y may have to cede T", "Y needs to withdraw from T": an obligation (not "Y had to withdraw")
            if n == 1 and lemma in OBLIGATION_VERBS and node.tag_ not in ("VBD", "VBN") and chain[0].dep_ == "xcomp" and \
                    any(c.dep_ == "aux" and c.lower_ == "to" for c in chain[0].children):
                return True
        return False

    def _refused_demand(self, chain) -> bool:
        """A demand (``sg:DemandCue``) on the way up that is negated ("is not demanding", "nobody calls
        for") or denied ("denied demanding …", "denies that it demands …"): it asserts nothing."""
        for n, node in enumerate(chain[1:], 1):
            low, lemma = forms(node)
            demand = (lemma,) in self.lex.demands or (low,) in self.lex.demands or any(
                c.dep_ in ("prt", "prep") and c.i == node.i + 1 and (lemma, c.lower_) in self.lex.demands
                for c in node.children)
            if not demand:
                continue
            if any(c.dep_ == "neg" or (c.dep_ in SUBJ and forms(c)[0] in NEGATIVE_SUBJECTS) for c in node.children):
                return True
            above = chain[n + 1] if n + 1 < len(chain) else None
            if above is not None and node.head.i == above.i and forms(above)[1] in self.lex.denials:
                return True
        return False

    def _stance_of(self, node) -> int | None:
        """The polarity of a stance predicate ("demand", "call for", "reject"), or None."""
        low, lemma = forms(node)
        pol = self.predicates.get(lemma) or self.predicates.get(low)
        for child in node.children:
            if child.dep_ in ("prt", "prep") and child.i == node.i + 1:
                pol = self.multi_predicates.get((lemma, child.lower_), pol)
        return pol

    def _predicate_subject(self, node):
        """The subject of a copular clause when it is a stance noun ("its condition is …")."""
        if (node.lemma_ or "").lower() != "be":
            return None
        subj = next((c for c in node.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return None
        low, lemma = forms(subj)
        return subj if (self.predicates.get(lemma) or self.predicates.get(low)) is not None else None

    # ----------------------------------------------------------- claimant ---
    def _claimant(self, trig, chain) -> tuple[str | None, int | None, bool]:
        """The highest subject on the way up: who demands, condemns, reports or performs the act,
        and whether the act names its own holder (then a speaker reporting it only relays it).

        When that subject names no actor we know, the claim has no claimant: an act's own agent
        does not stand in for whoever condemns it."""
        doc = self.ctx.doc
        # "X's refusal to recognise …", "Y's demand for a withdrawal from …": the owner of the nearest
        # stance noun on the way up holds the claim.
        for node in chain[1:]:
            if node.pos_ != "NOUN":
                continue
            low, lemma = forms(node)
            if (self.predicates.get(lemma) or self.predicates.get(low)) is None:
                continue
            owner = next((c for c in node.children if c.dep_ == "poss"), None)
            if owner is None:
                continue
            speaker = self.att.possessor(owner, self.log) if owner.lower_ in POSSESSIVE_PRONOUNS else \
                self.att.resolve(owner, self.log)[0]
            if speaker is not None:
                return speaker, owner.i, True
        # "X said the plan calls for …", "X said it demands …": a stance taken by a document or a thing
        # is its author's (the owner named, "Y's plan"); the speaker only relays it
        for node in chain[1:]:
            if node.pos_ != "VERB" or node.dep_ != "ccomp" or self._stance_of(node) is None:
                continue
            subj = next((c for c in node.children if c.dep_ in ("nsubj", "csubj")), None)
            if subj is None or not (subj.pos_ == "NOUN" or subj.lower_ in ("it", "which", "that")):
                continue
            if subj.i in self.terr:
                break  # "X said the region wants to join Y": a place's wish, as X tells it
            speaker, source, _ = self.att.resolve(subj, self.log)
            if speaker is not None or source is not None or self._subject_pronoun(subj, node):
                break
            owner = next((c for c in subj.children if c.dep_ == "poss"), None)
            speaker = self.att.resolve(owner, self.log)[0] if owner is not None and \
                owner.lower_ not in POSSESSIVE_PRONOUNS else None
            if speaker is None and subj.pos_ == "NOUN":
                speaker = self._owner(subj)  # "the Ruritanian memorandum calls for …"
                owner = subj
            return speaker, (owner.i if speaker else None), True
        # "chided X for refusing to recognise …", "accused X of seeking …": the object of the verb
        # is who refuses or seeks
        for node in chain[1:]:
            obj = self._controller(node)
            if obj is not None:
                speaker, _, _ = self.att.resolve(obj, self.log)
                if speaker is not None:
                    return speaker, obj.i, True
        # "officials said Smith told them the Ruritanian leader insisted Westland hand over T": the nearest
        # actor taking a stance on the act holds it; those reporting it above only relay it
        for node in chain[1:-1]:
            if node.pos_ != "VERB" or self._stance_of(node) is None:
                continue
            if forms(node)[1] not in self.reporting or node.head.pos_ != "VERB" or \
                    self._stance_of(node.head) is not None or forms(node.head)[1] not in self.reporting:
                break  # a stance said by a verb of saying ("insisted"), reported by another ("told")
            subj = next((c for c in node.children if c.dep_ == "nsubj"), None)
            if subj is None or (subj.pos_ == "PRON" and subj.lower_ not in PRONOUNS_PERSON | PRONOUNS_GROUP):
                break
            speaker = self.att.possessor(subj, self.log) if subj.lower_ in POSSESSIVE_PRONOUNS else \
                self.att.resolve(subj, self.log)[0]
            if speaker is not None and not self._place(subj.i):
                return speaker, subj.i, True
            break
        # "X set out its conditions. Among them are …": the terms are X's demands
        holder = self._enumerated_holder(chain[-1])
        if holder is not None:
            return self.att.resolve(holder, self.log)[0], holder.i, False
        seen = False
        for node in reversed(chain):
            cands = []
            if node.i == trig.i:
                cands = [doc[i] for i in self._agents(trig) if doc[i].dep_ != "amod"]
            else:
                subj = next((c for c in node.children if c.dep_ in SUBJ), None)
                if subj is None:
                    agent = next((c for c in node.children if c.dep_ == "agent"), None)
                    if agent is not None:
                        subj = next((g for g in agent.children if g.dep_ == "pobj"), None)
                if subj is None and node.pos_ == "NOUN":
                    # (not a time: "Monday's statement")
                    subj = next((c for c in node.children if c.dep_ == "poss" and c.ent_type_ not in ("DATE", "TIME")),
                                None)
                stance_noun = self._predicate_subject(node)
                if stance_noun is not None:  # "its condition is …": whose condition it is
                    subj = next((c for c in stance_noun.children if c.dep_ == "poss"), subj)
                if subj is not None and not subj.left_edge.i <= trig.i <= subj.right_edge.i:
                    # (a subject holding the act, "the statement on the annexation of T has no legal
                    # force", is what is said, not who says it)
                    cands = [subj]
            seen = seen or bool(cands)
            if cands and self._obliged(node) and not any(c.lower_ in PRONOUNS_FIRST for c in cands):
                # "Y must withdraw from T", "Y has to recognise T as X's": Y is who is obliged, not who
                # asserts it; whoever says so holds the claim (nobody, told by the writer)
                return QUOTED_SPEAKER, None, False
            for c in cands:
                if self._place(c.i):
                    continue  # a place name is never a claimant
                if c.pos_ == "PRON" and c.lower_ not in PRONOUNS_PERSON | PRONOUNS_GROUP:
                    if c.lower_ == "it" and node.i != trig.i and self._says(node):
                        # "It also called for …": the stance of a body named before, else of a thing we do
                        # not know; the act's own agent does not stand in for it
                        speaker = self.att.resolve(c, self.log)[0]
                        return speaker, (c.i if speaker else None), False
                    continue  # "it", "there", "which"
                if c.lower_ in POSSESSIVE_PRONOUNS:
                    speaker, source = self.att.possessor(c, self.log), None
                else:
                    speaker, source, _ = self.att.resolve(c, self.log)
                if speaker is None and source is not None:
                    continue  # an outlet relaying the act
                if speaker is None and c.lower_ in PRONOUNS_FIRST and self._quoted(c.i):
                    return QUOTED_SPEAKER, None, False  # "we" in quotation marks: whoever the quote is by
                if speaker is None and node.i != trig.i and c.pos_ == "NOUN" and self._says(node):
                    # "the Ruritanian memorandum calls for …", "the first section of X's proposals states …":
                    # a thing that states or demands the act (not one performing it) speaks for its owner
                    owner = self._owner(c)
                    if owner is not None:
                        return owner, c.i, True
                # "…, which X has demanded Y hand over": X's demand, relayed by whoever reports it
                relayed = node is chain[-1] and node.i != trig.i and _relative_clause(node) and \
                    any(self._stance_of(n) is not None for n in chain[1:])
                # "X's letter on its refusal to recognise T has slowed …": the thing names its holder
                relayed = relayed or (speaker is not None and node.i != trig.i and c.pos_ == "NOUN" and
                                      any(g.dep_ == "poss" for g in c.children))
                return speaker, (c.i if speaker else None), relayed
        # no subject anywhere ("Recognition of T as X's: Y", a headline): whoever's statement it is
        return (None if seen else QUOTED_SPEAKER), None, False

    def _obliged(self, node) -> bool:
        """The verb is said to be owed by its subject: a modal of obligation ("Y must withdraw", "Y
        should cede T"), a passive coercion ("Y will be forced to give T back"), or an obligation verb
        in the present taking an infinitive ("Y has to recognise T", not "Y had to withdraw", a report)."""
        if any(c.dep_ == "aux" and c.lower_ in OBLIGATION_MODALS for c in node.children):
            return True
        if forms(node)[1] in self.lex.coercions and any(c.dep_ == "auxpass" for c in node.children):
            return True
        return forms(node)[1] in OBLIGATION_VERBS and node.tag_ not in ("VBD", "VBN") and any(
            c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children) for c in node.children)

    def _says(self, node) -> bool:
        """A verb by which its subject states, demands or provides for what it governs."""
        return self._stance_of(node) is not None or forms(node)[1] in self.reporting \
            or forms(node)[1] in self.lex.provisions

    def _enumerated_holder(self, root):
        """ "Among them are …", "These include …" opening a sentence: the terms of a demand noun named in
        the sentence before ("X set out the conditions …", "Y's demands …"). The token naming whose
        terms they are (its possessor, else the subject of the verb it is the object of), or None."""
        pron = None
        if (root.lemma_ or "").lower() == "be":
            prep = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "among"), None)
            pron = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
        elif forms(root)[1] in self.lex.provisions:
            pron = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if pron is None or pron.lower_ not in PRONOUNS_ENUMERATED or self.sent_n == 0:
            return None
        for tok in reversed(self.ctx.sents[self.sent_n - 1]):
            if tok.pos_ != "NOUN" or tok.tag_ != "NNS" or (self._stance_of(tok) or 0) <= 0:
                continue
            cands = [c for c in tok.children if c.dep_ == "poss"]
            if tok.dep_ == "dobj":
                cands += [c for c in tok.head.children if c.dep_ == "nsubj"]
            return next((c for c in cands if self.att.resolve(c, self.log)[0] is not None), None)
        return None

    def _owner(self, noun, depth: int = 0) -> str | None:
        """The actor a thing belongs to: its possessor ("X's plan"), an actor or demonym modifying it
        ("the X plan", "the Ruritanian memorandum"), or the owner of what it is part of ("the first
        section of X's proposals")."""
        if depth > 2:
            return None
        for c in noun.children:
            if c.dep_ == "poss":
                iri = self.att.possessor(c, self.log) if c.lower_ in POSSESSIVE_PRONOUNS else \
                    self.att.resolve(c, self.log)[0]
                if iri is not None and not self._place(c.i):
                    return iri
        for c in noun.children:
            if c.dep_ in ("amod", "compound", "nmod"):
                iri = self.ctx.tok_actor.get(c.i) or self._demonym_actor(c)
                if iri is not None:
                    return iri
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "from", "by"):
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is None:
                    continue
                if obj.i in self.ctx.tok_actor and obj.i not in self.terr:
                    return self.ctx.tok_actor[obj.i]
                if obj.pos_ == "NOUN":
                    return self._owner(obj, depth + 1)
        return None

    def _demonym_actor(self, tok) -> str | None:
        """The state a demonym ("Ruritanian") names: the state whose sovereign has that demonym."""
        key = self.lex.demonyms.get(tok.lower_)
        return next((iri for iri, k in self.lex.state_sovereign.items() if k == key), None) if key else None
