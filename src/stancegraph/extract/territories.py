"""Territory mentions: names and aliases from the territory list, and "the four regions"
standing for the four distinct territories named closest to it, "the annexed territories" for
those named just before; a name that only modifies another noun ("the T power plant") is not
about the territory."""

from __future__ import annotations

from spacy.matcher import PhraseMatcher

from ..knowledge import Resources
from ..lang_en import NUMBER_WORDS
from .claim_events import ACQUIRE, event_lexicon
from .matcher import is_root

# Nouns a counted or qualified phrase uses for a set of territories ("the four regions", "the
# annexed territories"), and that a territory's name may modify ("the T and U regions").
REGION_NOUNS = {"region", "oblast", "province", "territory", "republic", "area", "peninsula", "city", "people"}


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
        # single-word acquisition cues of the claim events ("annex" in "the annexed territories")
        self.acquired = {w[0] for w, cues in event_lexicon(resources).cues.items()
                         if len(w) == 1 and any(c.kind == ACQUIRE for c in cues)}

    def __call__(self, doc) -> dict[int, tuple[str, ...]]:
        out: dict[int, tuple[str, ...]] = {}
        for _, s, e in sorted(self.matcher(doc), key=lambda m: -(m[2] - m[1])):
            iri = self.territory_of.get(doc[s:e].text.lower().replace("’", "'"))
            if iri and not any(i in out for i in range(s, e)) and not names_a_facility(doc, s, e):
                for i in range(s, e):
                    out[i] = (iri,)
        for tok in doc:
            n = _count(tok)
            if n is None or n < 2:
                continue
            noun = next((t for t in doc[tok.i + 1: tok.i + 4] if t.lemma_.lower() in REGION_NOUNS), None)
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
        acquired = self.acquired
        for tok in doc:
            if tok.i in out or tok.tag_ not in ("NNS", "NNPS") or tok.lemma_.lower() not in REGION_NOUNS:
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


def names_a_facility(doc, s: int, e: int) -> bool:
    """A place name that only modifies another noun ("the T power plant", "T residents") is not
    about the territory; region nouns ("the T and U regions") still are."""
    last = doc[e - 1]
    head = last.head
    while head.dep_ == "compound" and head.head.i > head.i and not is_root(head):
        head = head.head
    return last.dep_ in ("compound", "nmod") and head.i >= e and head.pos_ in ("NOUN", "PROPN") \
        and head.lemma_.lower() not in REGION_NOUNS and head.lower_ not in REGION_NOUNS
