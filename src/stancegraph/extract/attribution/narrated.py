"""Positions stated in narration through a possessive ("the ministry's stated aim is …",
"one of the council's conditions is …"): the possessor holds what the clause says."""

from __future__ import annotations

from typing import Sequence

from ...lang_en import POSSESSIVE_PRONOUNS
from ..document import ParsedArticle
from ..matcher import is_root
from ..model import REPORTED, Statement
from ..speakers import SpeakerLog, SpeakerResolver
from ..tokens import token_table
from . import Utterance


class Narration:
    name = "narration"

    def find(self, doc: ParsedArticle, speakers: SpeakerResolver, log: SpeakerLog,
             earlier: Sequence[Utterance]) -> list[Utterance]:
        covered = {i for u in earlier for i in u.scope}
        out = []
        table = token_table(doc.doc)
        for n in range(table.n):
            if table.pos[n] != "NOUN":
                continue  # read without making the Token
            tok = doc.doc[n]
            if not speakers.cues.is_predicate(tok) or tok.i in covered:
                continue
            owner = next((c for c in tok.children if c.dep_ == "poss"), None)
            if owner is None or owner.lower_ in POSSESSIVE_PRONOUNS:
                continue
            holder = doc.tok_actor.get(owner.i)
            actor = speakers.actor(holder) if holder else None
            if actor is None or actor.is_source:
                continue
            # the clause the noun heads or is the subject of ("X's aim is to …")
            head = tok
            while head.dep_ in ("pobj", "prep", "nsubj", "attr") and not is_root(head):
                head = head.head
                if head.pos_ in ("VERB", "AUX"):
                    break
            sent = tok.sent
            scope = [i for i in range(head.left_edge.i, head.right_edge.i + 1) if sent.start <= i < sent.end]
            if not scope:
                continue
            st = Statement(span=doc.span(scope[0], scope[-1] + 1), speaker=holder, mode=REPORTED,
                           cue=tok.lemma_.lower(), confidence=0.5, sentence=doc.sent_of[tok.i])
            out.append(Utterance(st, tuple(scope), self.name, verb=tok.i, needs_content=True))
        return out
