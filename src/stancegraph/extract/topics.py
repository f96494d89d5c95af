"""Where the codebook's issues are talked about: topic and context terms per token and sentence."""

from __future__ import annotations

from ..knowledge import Codebook
from .matcher import find

# Head nouns that only restate the name they follow ("the NAFTA trade treaty").
RESTATING_HEADS = {"alliance", "bloc", "organization", "organisation", "treaty", "union", "pact",
                   # heads that name a proposal about the modifier ("the neutrality model")
                   "model", "option", "idea", "proposal", "plan", "framework", "scenario", "arrangement",
                   "format", "bid", "issue", "question"}


def modifier_only(doc, idx: list[int]) -> bool:
    """The phrase ends in a name that merely modifies another noun ("a WHO ministers' meeting")."""
    last = doc[idx[-1]]
    if not (last.dep_ in ("compound", "amod", "nmod") and last.head.i > last.i and last.head.i not in idx):
        return False
    return last.head.lemma_.lower() not in RESTATING_HEADS


class TopicTagger:
    """Issue keys by token and by sentence, from the codebook's topic and context terms."""

    def __init__(self, codebook: Codebook):
        self.topics: dict[tuple, list] = {}
        self.context: dict[tuple, list] = {}
        for issue in codebook.issues.values():
            for term in issue.topic_terms:
                self.topics.setdefault(term, []).append(issue.key)
            for term in issue.context_terms:
                self.context.setdefault(term, []).append(issue.key)

    def __call__(self, doc, sents) -> tuple[dict[int, frozenset[str]], tuple[frozenset[str], ...]]:
        tokens: dict[int, set[str]] = {}
        per_sentence = []
        for s in sents:
            found: set[str] = set()
            for table in (self.topics, self.context):
                for keys, idx in find(doc, s.start, s.end, table):
                    if table is self.context or not modifier_only(doc, idx):
                        found.update(keys)
                        for i in idx:
                            tokens.setdefault(i, set()).update(keys)
            per_sentence.append(frozenset(found))
        return {i: frozenset(v) for i, v in tokens.items()}, tuple(per_sentence)
