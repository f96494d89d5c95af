"""Rule-based positions within a statement's scope.

A cue's stance is turned round by each negation, contrast or opposing predicate on
its way up the dependency tree to the top of the statement's scope ("not a real
withdrawal", "no breakthrough", "had not seen anything indicating … progress",
"refuse to cede"). A topic term yields a position only under a stance-taking
predicate, a negation or a modal ("demand that the city reject the toll", "will not
become part of the scheme"). A topic term that only modifies another noun ("a WHO
ministers' meeting") is not the topic. Non-standalone cues need one of the issue's
topic terms nearby. With ``anaphora=True`` an event anaphor ("welcomed the move", "rejected the
offer") under a stance predicate carries the issue of the event it refers to
(:mod:`stancegraph.extract.anaphora`). It is off by default: cross-validated on the
training corpus it cost the rules statement F1 0.387 -> 0.363 (more wrong issues
than found positions); the learned detectors use the anaphor's issue as a feature.
"""

from __future__ import annotations

from ... import __version__
from ...knowledge import Resources
from ..cues import CueLookup
from ..matcher import find
from ..model import DIRECT
from ..polarity import clause_of, flips, top_of, verb_outside
from ..topics import TopicTagger, modifier_only
from .base import Hit, StanceQuery


#: an anaphor's issue is a reading of the context, less sure than a named topic
ANAPHOR_CONFIDENCE = 0.5


def rules_id(anaphora: bool = False) -> str:
    """The rules detector's id in the run's provenance (name and software version)."""
    return f"{'rules+anaphora' if anaphora else 'rules'} stancegraph-{__version__}"


def described(top) -> bool:
    """True for a cue that only describes a noun: a past participle modifying it ("the sanctions
    imposed in March", "the troops withdrawn last year") names what was done, and takes no stance."""
    return top.pos_ == "VERB" and top.tag_ == "VBN" and top.dep_ in ("acl", "amod")


class RuleStanceDetector:
    """Codebook cues and topic terms under predicates, negations and contrasts."""

    name = "rules"

    def __init__(self, resources: Resources, cues: CueLookup | None = None, anaphora: bool = False):
        self.anaphora = anaphora
        self.id = rules_id(anaphora)
        cb = resources.codebook
        self.cue_lookup = cues or CueLookup(resources.lexicon)
        self.cues: dict[tuple, list] = {}
        for issue in cb.issues.values():
            for cue in issue.cues:
                self.cues.setdefault(cue.words, []).append((issue.key, cue.stance, cue.standalone))
        self.topics = TopicTagger(cb).topics
        self.issues = cb.issues

    def positions(self, q: StanceQuery) -> list[Hit]:
        u = q.utterance
        return self.find(q.doc, list(u.scope), cue_verb=u.statement.cue,
                         quote=u.statement.mode == DIRECT, verb_token=u.verb)

    def find(self, pd, scope: list[int], cue_verb: str | None = None, quote: bool = False,
             verb_token: int | None = None) -> list[Hit]:
        if not scope:
            return []
        cues = self.cue_lookup
        doc = pd.doc
        sset = set(scope)
        start, end = scope[0], scope[-1] + 1
        sent_i = pd.sent_of[start]
        in_sentence = pd.sent_topics[sent_i] if pd.sent_topics else set()
        before = pd.sent_topics[sent_i - 1] if quote and sent_i > 0 else set()
        hits: list[Hit] = []
        cue_tokens: set[int] = set()
        matches = [(entries, idx) for entries, idx in find(doc, start, end, self.cues) if set(idx) <= sset]
        # A cue inside a longer cue ("trust" in "increase trust") is not a cue of its own.
        matches = [(e, idx) for e, idx in matches
                   if not any(set(idx) < set(o) for _, o in matches)]
        sentence = set(range(pd.sents[sent_i].start, pd.sents[sent_i].end))
        for entries, idx in matches:
            top = top_of(doc, idx)
            if described(top):
                continue
            sign, _, _ = flips(cues, top, set(idx), None, sset)
            sign *= verb_outside(cues, doc, top, verb_token)
            clause_topics: set[str] = set()
            for i in clause_of(top, sentence):
                clause_topics |= pd.topic_tokens.get(i, set())
            for issue, stance, standalone in entries:
                if standalone or issue in clause_topics:
                    conf = 0.8
                elif issue in in_sentence:
                    conf = 0.6
                elif issue in before:
                    conf = 0.5
                else:
                    continue
                hits.append(Hit(issue, stance * sign, tuple(idx), conf))
                cue_tokens.update(idx)
        for keys, idx in find(doc, start, end, self.topics):
            if not set(idx) <= sset or set(idx) & cue_tokens or modifier_only(doc, idx):
                continue
            top = top_of(doc, idx)
            sign, predicate, marked = flips(cues, top, set(idx), None, sset, topic=True)
            if cues.predicates.get(cue_verb or "") is not None:
                if not predicate:
                    # the statement's own predicate takes the stance: read the whole way up to it
                    # ("opposed to sending peacekeepers" opposes the peacekeepers)
                    sign, _, _ = flips(cues, top, set(idx), None, sset)
                predicate = True
                sign *= verb_outside(cues, doc, top, verb_token)
            if not predicate:
                continue
            for issue in keys:
                info = self.issues[issue]
                if info.requires_territory and not any(i in pd.territory_tokens for i in scope):
                    continue
                hits.append(Hit(issue, info.topic_polarity * sign, tuple(idx), 0.7 if predicate else 0.55))
        # "welcomed the move": an event anaphor under a stance predicate carries the event's issue
        found = {h.issue for h in hits}
        for i in (scope if self.anaphora else ()):
            issues = pd.event_issues.get(i)
            if not issues or i in cue_tokens:
                continue
            sign, predicate, _ = flips(cues, doc[i], {i}, None, sset, topic=True)
            if not predicate:
                continue
            for issue in sorted(issues - found):
                info = self.issues[issue]
                if info.requires_territory and not any(t in pd.territory_tokens for t in scope):
                    continue
                hits.append(Hit(issue, info.topic_polarity * sign, (i,), ANAPHOR_CONFIDENCE))
        return hits
