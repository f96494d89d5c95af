"""Territory mentions: names and aliases from the territory list, and "the four regions"
standing for a list of four territories named nearby ("the latter four" for the last four of a
longer list, "T and the other three" for T and three listed with it; with no such list, the four
distinct territories named closest to it), "the annexed territories" for those named just before; with no list near it, the one group of
the territory data with that many members (``sg:TerritoryGroup``); a name that only modifies
another noun ("the T power plant") is not about the territory, and a capital named alone ("said
in Ruriton", "Ruriton rejects") stands for its government (``sg:capitalOf``), not for a territory."""

from __future__ import annotations

from spacy.matcher import PhraseMatcher

from rdflib.namespace import RDF

from ..knowledge import Resources
from ..lang_en import NUMBER_WORDS
from ..namespaces import SG
from .claim_events import ACQUIRE, event_lexicon
from .matcher import is_root
from .tokens import forms, token_table
from .territory_lists import LIST_GLUE, REGION_NOUNS, region_noun, territory_lists

# Words that pick part of a list for a counted phrase ("the latter four", "the first two").
LAST_OF_LIST = {"latter", "last"}
FIRST_OF_LIST = {"first", "former"}
OTHER = {"other", "remaining"}


def _count(tok) -> int | None:
    low = tok.lower_
    if low in NUMBER_WORDS:
        return NUMBER_WORDS[low]
    return int(low) if low.isdigit() and len(low) < 3 else None


class TerritoryTagger:
    """Token -> the territories it names (built once per resources and model).

    >>> from stancegraph.knowledge import load_resources
    >>> from stancegraph.extract.nlp import load_nlp
    >>> nlp = load_nlp()
    >>> tagger = TerritoryTagger(nlp, load_resources())
    >>> doc = nlp("Nobody lives on the moon.")
    >>> tagger(doc)
    {}
    """

    def __init__(self, nlp, resources: Resources):
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.territory_of: dict[str, str] = {}
        for terr in resources.territories.values():
            for name in (terr.name, *terr.aliases):
                self.territory_of.setdefault(name.lower().replace("’", "'"), terr.iri)
        self.matcher.add("TERR", [nlp.tokenizer(n) for n in sorted(self.territory_of)])
        # the words of each territory's names ("peninsula" of "Northern Peninsula"): what "the peninsula" may stand for
        self.name_words: dict[str, set[str]] = {}
        for name, iri in self.territory_of.items():
            self.name_words.setdefault(iri, set()).update(name.split())
        # single-word acquisition cues of the claim events ("annex" in "the annexed territories")
        self.acquired = {w[0] for w, cues in event_lexicon(resources).cues.items()
                         if len(w) == 1 and any(c.kind == ACQUIRE for c in cues)}
        data = resources.territory_data
        # member count -> the groups of that size ("the four regions" with no list named near it)
        self.groups: dict[int, list[tuple[str, ...]]] = {}
        for g in data.subjects(str(RDF.type), str(SG.TerritoryGroup)):
            members = tuple(sorted(str(m) for m in data.objects(g, str(SG.groupMember))))
            if len(members) >= 2:
                self.groups.setdefault(len(members), []).append(members)
        # capitals: named alone, the government seated there
        self.capitals = {str(t.subject.value) for t in data.triples if t.predicate.value == str(SG.capitalOf)}

    def __call__(self, doc) -> dict[int, tuple[str, ...]]:
        out: dict[int, tuple[str, ...]] = {}
        for _, s, e in sorted(self.matcher(doc), key=lambda m: -(m[2] - m[1])):
            iri = self.territory_of.get(doc[s:e].text.lower().replace("’", "'"))
            if iri and not any(i in out for i in range(s, e)) and not names_a_facility(doc, s, e):
                for i in range(s, e):
                    out[i] = (iri,)
        lists = territory_lists(doc, out)
        if self.capitals and self._drop_lone_capitals(out, lists):
            lists = territory_lists(doc, out)
        table = token_table(doc)
        for i in range(table.n):
            if table.lower[i] not in NUMBER_WORDS and not table.lower[i].isdigit():
                continue  # no number (what _count reads), without making the Token
            tok = doc[i]
            n = _count(tok)
            if n is None or n < 2:
                continue
            noun = _counted_noun(doc, tok)
            if noun is None or any(i in out for i in range(tok.i, noun.i + 1)):
                continue
            picked = self._counted(doc, tok, n, out, lists) or self._group(n)
            if picked:
                for i in range(tok.i, noun.i + 1):
                    out[i] = tuple(sorted(picked))
        self._annexed_regions(doc, out)
        self._demonstrative_regions(doc, out, lists)
        self._definite_region(doc, out)
        return out

    @staticmethod
    def _demonstrative_regions(doc, out: dict[int, tuple[str, ...]], lists) -> None:
        """ "these regions", "those territories": the last list of two or more territories named
        before it, in its sentence or the one before."""
        table = token_table(doc)
        for n in range(table.n):
            if n in out or table.tag[n] not in ("NNS", "NNPS") or table.lower[n - 1 if n else 0] not in ("these", "those"):
                continue
            tok = doc[n]
            if not region_noun(tok) or not any(c.dep_ == "det" and c.i == n - 1 for c in tok.children):
                continue
            if any(c.dep_ == "prep" and c.lower_ == "of" or c.dep_ in ("compound", "nmod") for c in tok.children):
                continue  # "these regions of T", "these T regions": named by themselves
            sent = tok.sent
            first = doc[sent.start - 1].sent if sent.start > 0 else sent
            before = [terrs for a, b, terrs in lists if first.start <= a and b < n and len(terrs) >= 2]
            if before:
                out[n] = tuple(sorted(before[-1]))

    def _drop_lone_capitals(self, out: dict[int, tuple[str, ...]], lists) -> bool:
        """Untag a capital named outside any list of two or more territories ("a spokesman in
        Ruriton", "Ruriton-controlled areas", "Ruriton said"): there it names the government, not a
        territory claimed ("Alpha, Beta and Ruriton are ours" keeps it). Whether any was untagged."""
        listed = {i for a, b, terrs in lists if len(terrs) >= 2 for i in range(a, b + 1)}
        lone = [i for i, terrs in out.items() if terrs[0] in self.capitals and len(terrs) == 1 and i not in listed]
        for i in lone:
            del out[i]
        return bool(lone)

    def _group(self, n: int) -> list[str]:
        """The members of the one territory group of ``n`` members, or none."""
        found = self.groups.get(n, ())
        return list(found[0]) if len(found) == 1 else []

    def _definite_region(self, doc, out: dict[int, tuple[str, ...]]) -> None:
        """ "the peninsula", "the annexed region", "this city": the territory named last before (in
        its sentence or the two before) among those whose names use that noun."""
        named = sorted(i for i in out if len(out[i]) == 1)
        table = token_table(doc)
        for n in range(table.n):
            if n in out or table.tag[n] not in ("NN", "NNP") or table.lemma[n] not in REGION_NOUNS:
                continue
            tok = doc[n]
            if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
                continue
            if any(c.dep_ in ("compound", "nmod", "poss", "appos") or (c.dep_ == "prep" and c.lower_ == "of")
                   or c.i in out for c in tok.children):
                continue  # "the region of T", "the T region", "the eastern Varna region"
            noun = tok.lemma_.lower()
            first = tok.sent
            for _ in range(2):
                if first.start == 0:
                    break
                first = doc[first.start - 1].sent
            for i in reversed(named):
                if i >= tok.i:
                    continue
                if i < first.start:
                    break
                if noun in self.name_words.get(out[i][0], ()):
                    out[tok.i] = out[i]
                    break

    @staticmethod
    def _counted(doc, tok, n: int, out, lists) -> list[str]:
        """The territories "the n regions" stands for: a list of n named nearby; "the latter n" /
        "the first n" the end / start of a longer list; "T and the other n" T with n listed with it;
        else the n distinct territories named closest to the phrase, within a few sentences."""
        sent = tok.sent
        lo, hi = max(0, sent.start - 120), sent.end + 60
        near_lists = sorted((min(abs(a - tok.i), abs(b - tok.i)), 0 if a < tok.i else 1, terrs)
                            for a, b, terrs in lists if lo <= b and a < hi and not a <= tok.i <= b)
        words = {t.lower_ for t in doc[max(sent.start, tok.i - 2): tok.i]}
        part = LAST_OF_LIST if words & LAST_OF_LIST else FIRST_OF_LIST if words & FIRST_OF_LIST else None
        if part:
            for _, side, terrs in near_lists:
                if side == 0 and len(terrs) > n:
                    return list(terrs[-n:] if part is LAST_OF_LIST else terrs[:n])
        if words & OTHER:
            # "T and the other three": T is the name just before the phrase
            j = tok.i - 1
            while j > sent.start and (doc[j].lower_ in OTHER or doc[j].lower_ in LIST_GLUE):
                j -= 1
            named = [out[j][0]] if j in out and len(out[j]) == 1 else []
            for _, _, terrs in near_lists:
                if named and named[0] in terrs and len(terrs) == n + 1:
                    return [t for t in terrs if t != named[0]]
        else:
            named = []
            for _, _, terrs in near_lists:
                if len(terrs) == n:
                    return list(terrs)
        near = sorted((abs(i - tok.i), i) for i in out if lo <= i < hi and len(out[i]) == 1)
        picked: list[str] = []
        for _, i in near:
            if out[i][0] not in picked and out[i][0] not in named:
                picked.append(out[i][0])
            if len(picked) == n:
                return picked
        return []

    def _annexed_regions(self, doc, out: dict[int, tuple[str, ...]]) -> None:
        """ "the annexed territories", "annexed the territories" with no number: the territories named
        in its sentence and the two before (a definite plural region noun qualified by an acquisition
        or what an acquisition is of, listed just before)."""
        acquired = self.acquired
        table = token_table(doc)
        for n in range(table.n):
            if n in out or table.tag[n] not in ("NNS", "NNPS"):
                continue
            tok = doc[n]
            if not region_noun(tok):
                continue
            if not any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in tok.children):
                continue
            if any(c.dep_ == "prep" and c.lower_ == "of" or c.dep_ in ("compound", "nmod") for c in tok.children):
                continue  # "the regions of T", "the T regions": named by themselves
            participle = lambda w: w in acquired or w[:-2] in acquired or w[:-1] in acquired  # annexed
            head = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else tok.head
            # "the annexed territories", or what an acquisition is of ("annexed the territories",
            # "the annexation of these regions")
            if not (any(c.dep_ in ("amod", "acl") and participle(c.lower_) for c in tok.children) or
                    (tok.dep_ in ("dobj", "nsubjpass", "pobj") and head is not tok and
                     not acquired.isdisjoint(forms(head)))):
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


def _counted_noun(doc, num):
    """The region noun a number counts ("four regions", "four of its regions", "four Varna-held
    eastern regions"): the first noun within six words after it, if it is a region noun (the words
    between only qualify it)."""
    for t in doc[num.i + 1: min(num.i + 7, num.sent.end)]:
        if region_noun(t):
            return t
        if (t.pos_ in ("NOUN", "VERB", "AUX", "CCONJ", "NUM") and t.dep_ != "amod") or \
                (t.pos_ == "ADP" and t.lower_ != "of") or t.lower_ in (",", ";", ":"):
            return None  # ("four of its regions": "of" and a determiner qualify it too)
    return None


def names_a_facility(doc, s: int, e: int) -> bool:
    """A place name that only modifies another noun ("the T power plant", "T residents") is not
    about the territory; region nouns ("the T and U regions") still are."""
    last = doc[e - 1]
    head = last.head
    while head.dep_ == "compound" and head.head.i > head.i and not is_root(head):
        head = head.head
    # the words between the name and its head are the head's own modifiers ("the T nuclear plant"),
    # not a list the parse hung on a later noun ("T and U and V's refusal")
    between = range(e, head.i)
    own = all(doc[j].dep_ not in ("cc", "punct", "conj", "case") for j in between)
    return last.dep_ in ("compound", "nmod") and head.i >= e and head.pos_ in ("NOUN", "PROPN") \
        and not region_noun(head) and own
