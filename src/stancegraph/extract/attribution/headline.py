"""Short lines of the form ``Claim: Source`` (a headline or crosshead)."""

from __future__ import annotations

from typing import Sequence

from ...lang_en import CREDIT_WORDS
from ..document import ParsedArticle
from ..model import REPORTED, Span, Statement
from ..speakers import SpeakerLog, SpeakerResolver
from . import Utterance


class Headline:
    name = "headline"

    def find(self, doc: ParsedArticle, speakers: SpeakerResolver, log: SpeakerLog,
             earlier: Sequence[Utterance]) -> list[Utterance]:
        text = doc.article.text
        out = []
        pos = doc.article.body_start
        for line in text[doc.article.body_start:].split("\n"):
            start = pos
            pos += len(line) + 1
            stripped = line.strip()
            if not stripped or stripped[-1] in ".?!\"”'’" or len(stripped.split()) > 22 or ": " not in stripped:
                continue
            left, _, right = stripped.rpartition(": ")
            if len(left.split()) < 3 or len(right.split()) > 5:
                continue  # "Image: AP", "Photo: Reuters" are credits, not claims
            if left.split()[-1].strip("([{").lower() in CREDIT_WORDS:
                continue  # "Ann Example (Photo: Agency)": a caption's credit
            rb = start + line.index(stripped) + len(left) + 2
            re_ = rb + len(right)
            toks = doc.tokens_in(rb, re_)
            if not toks:
                continue
            head = max((doc.doc[i] for i in toks), key=lambda t: (t.head.i not in toks, t.i))
            speaker, _, conf = speakers.resolve(head, log)
            if speaker is None:
                speaker = next((doc.tok_actor[i] for i in toks if i in doc.tok_actor), None)
                conf = 0.6
            if speaker is None:
                continue
            lb = start + line.index(stripped)
            le = lb + len(left)
            scope = doc.tokens_in(lb, le)
            st = Statement(span=Span(lb, le, text[lb:le]), speaker=speaker, mode=REPORTED, cue=":",
                           confidence=round(conf * 0.8, 2), sentence=doc.sent_of[scope[0]] if scope else -1)
            out.append(Utterance(st, tuple(scope), self.name))
        return out
