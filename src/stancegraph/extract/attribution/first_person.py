"""Statements in a document speaker's own voice (a first-person text: header ``speaker:``/``author:``).

Every sentence with a first-person word outside quotation marks is a statement of the
document speaker, read for positions and claims like reported speech; its scope is the
sentence's words outside quotes. A sentence whose words are all inside earlier
utterances' scopes is not a statement again (``covered``).
"""

from __future__ import annotations

from typing import Sequence

from ...lang_en import PRONOUNS_FIRST
from ..document import ParsedArticle
from ..model import REPORTED, Statement
from ..speakers import SpeakerLog, SpeakerResolver
from . import Utterance


class FirstPerson:
    name = "first-person"

    def find(self, doc: ParsedArticle, speakers: SpeakerResolver, log: SpeakerLog,
             earlier: Sequence[Utterance]) -> list[Utterance]:
        speaker = doc.doc_speaker
        if not speaker:
            return []
        # narration still to be checked for content does not cover a sentence yet (see covered)
        taken = {i for u in earlier if not u.needs_content for i in u.scope}
        out = []
        for n, sent in enumerate(doc.sents):
            words = [t for t in sent if not t.is_space]
            if not words:
                continue
            inside = lambda t: doc.in_quotes(t.i)
            if not any(t.lower_ in PRONOUNS_FIRST and not inside(t) for t in words):
                continue
            scope = [t.i for t in words if not inside(t)]
            if not scope or set(scope) <= taken:
                continue
            st = Statement(span=doc.span(words[0].i, words[-1].i + 1), speaker=speaker, mode=REPORTED,
                           cue=None, confidence=0.7, sentence=n)
            out.append(Utterance(st, tuple(scope), self.name))
        return out

    @staticmethod
    def covered(u: Utterance, taken: set[int]) -> bool:
        """True when a first-person utterance's words are all inside ``taken`` (the scopes of the
        utterances kept before it, narration included once found to have content)."""
        return u.pattern == FirstPerson.name and set(u.scope) <= taken
