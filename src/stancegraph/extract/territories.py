"""Territory mentions: names and aliases from the territory list, and "the four regions"
standing for the four distinct territories named closest to it."""

from __future__ import annotations

from spacy.matcher import PhraseMatcher

from ..knowledge import Resources
from ..lang_en import NUMBER_WORDS

# Nouns a counted phrase uses for a set of territories ("the four regions").
REGION_NOUNS = {"region", "oblast", "province", "territory", "republic", "area"}


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

    def __call__(self, doc) -> dict[int, tuple[str, ...]]:
        out: dict[int, tuple[str, ...]] = {}
        for _, s, e in sorted(self.matcher(doc), key=lambda m: -(m[2] - m[1])):
            iri = self.territory_of.get(doc[s:e].text.lower().replace("’", "'"))
            if iri and not any(i in out for i in range(s, e)):
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
        return out
