"""Features of (utterance, issue) pairs for the learned stance detector.

One row per codebook issue for each utterance the rule layer found (its speaker,
scope and mode are known). The columns:

- the elementwise product of the scope's embedding with the issue's prototype (the
  embedding of its proposition and example sentences), so that a linear model can
  learn which directions of meaning belong to which issue;
- cosine similarity of the scope to the issue's proposition and to its support and
  oppose examples (``sg:supportExample`` / ``sg:opposeExample`` in the codebook);
- the scope's words and lemmas: the share of them found in the issue's proposition
  and in its support and oppose examples, and the summed polarity of the stance
  predicates among them (each turned round under a negation);
- the rule layer's signals: its hits on the issue (per stance), the issue's topic
  terms in the scope, its sentence, the sentence before and the article, the issue's
  cue phrases in the scope, negations, contrasts, the reporting verb's polarity, the
  utterance's mode and pattern, and the issue an event anaphor in the scope carries;
- who speaks: a gazetteer actor or not, its kind, the attribution's confidence, a relaying source,
  and how present the speaker is in the article (its mentions, their share of all actor
  mentions, one in the headline or lead), and the share of the article's sentences on the issue;
- the issue itself (one column per issue, a per-issue bias);
- what the training articles say the speaker holds (:class:`SpeakerPrior`): the balance of
  the speaker's support and oppose positions on the issue, how often the speaker took a
  position on it and on any issue, per article the speaker speaks in. Cross-validated by
  article on the training corpus this raised statement F1 0.472 -> 0.509 and stance
  accuracy 0.83 -> 0.88 (a speaker's side on an issue rarely changes between articles).

Cross-validated by article on the training corpus, the scope's raw embedding and a
hashed bag of its lemmas as columns of their own only added noise (statement F1 0.40
with them, 0.46 without), so the scope's meaning enters through the issue-specific
product and similarities.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass

import numpy as np

from ...knowledge import Resources
from ...model import Mode
from ..matcher import find
from ..tokens import token_table
from .base import Hit, StanceQuery

PATTERN_NAMES = ("quote", "reported-speech", "headline", "narration", "narrated-action", "conjoined-speakers",
                 "continued-speech")
MODES = (Mode.DIRECT, Mode.REPORTED, Mode.MIXED)


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 3}


def _unit(v: np.ndarray) -> np.ndarray:
    n = float(np.linalg.norm(v))
    return v / n if n > 0 else v


def prior_columns(counts: np.ndarray, seen: float) -> np.ndarray:
    """The :class:`SpeakerPrior` columns of one speaker, (issues, PRIOR_WIDTH), from its
    (issues, 2) support / oppose article counts and the number of articles it speaks in.

    >>> [[round(float(x), 2) for x in row] for row in prior_columns(np.array([[3.0, 0.0], [0.0, 0.0]]), 4)]
    [[0.75, 1.39, 1.39, 0.6, 1.61], [0.0, 0.0, 1.39, 0.0, 1.61]]
    """
    s, o = counts[:, 0], counts[:, 1]
    n = len(counts)
    total = np.full(n, np.log1p(counts.sum()))
    return np.stack([(s - o) / (s + o + 1), np.log1p(s + o), total, (s + o) / (seen + 1),
                     np.full(n, np.log1p(seen))], axis=1).astype(np.float32)


PRIOR_WIDTH = 5


@dataclass(frozen=True)
class SpeakerPrior:
    """The positions the training articles give each speaker: for speaker ``speakers[k]`` and
    issue ``j``, ``counts[k, j]`` is the number of articles in which it supports / opposes the
    issue and ``seen[k]`` the number of articles it speaks in.

    >>> prior = SpeakerPrior.count([({("act:a", 0, 1)}, {"act:a", "act:b"}), (set(), {"act:a"})], 2)
    >>> prior.speakers, prior.counts[0].tolist(), prior.seen.tolist()
    (('act:a', 'act:b'), [[1.0, 0.0], [0.0, 0.0]], [2.0, 1.0])
    >>> prior.columns("act:nobody").tolist() == prior_columns(np.zeros((2, 2)), 0).tolist()
    True
    """

    speakers: tuple[str, ...]
    counts: np.ndarray   # (speakers, issues, 2)
    seen: np.ndarray     # (speakers,)

    @classmethod
    def empty(cls, n_issues: int) -> "SpeakerPrior":
        return cls((), np.zeros((0, n_issues, 2), dtype=np.float32), np.zeros(0, dtype=np.float32))

    @classmethod
    def count(cls, articles, n_issues: int) -> "SpeakerPrior":
        """From (positions, speakers) per article: positions a set of (speaker, issue index,
        1 support / 2 oppose), speakers the set of the article's speakers."""
        names = sorted(set().union(*(sp for _, sp in articles)) if articles else set())
        at = {name: k for k, name in enumerate(names)}
        counts = np.zeros((len(names), n_issues, 2), dtype=np.float32)
        seen = np.zeros(len(names), dtype=np.float32)
        for positions, speakers in articles:
            for sp in speakers:
                seen[at[sp]] += 1
            for sp, j, label in positions:
                counts[at[sp], j, label - 1] += 1
        return cls(tuple(names), counts, seen)

    def columns(self, speaker: str, without=None) -> np.ndarray:
        """The (issues, PRIOR_WIDTH) columns of ``speaker``; ``without`` one article's
        (positions, speakers) left out (its own rows when training on it)."""
        if without is None:
            cached = self._columns.get(speaker)
            if cached is None:
                if len(self._columns) >= 100_000:
                    self._columns.clear()
                cached = self._columns[speaker] = self._columns_of(speaker, None)
            return cached.copy()
        return self._columns_of(speaker, without)

    def _columns_of(self, speaker: str, without) -> np.ndarray:
        k = self.index.get(speaker)
        counts = self.counts[k].copy() if k is not None else np.zeros(self.counts.shape[1:], dtype=np.float32)
        seen = float(self.seen[k]) if k is not None else 0.0
        if without is not None and k is not None:
            positions, speakers = without
            for sp, j, label in positions:
                if sp == speaker:
                    counts[j, label - 1] -= 1
            seen -= speaker in speakers
        return prior_columns(counts, seen)

    @property
    def _columns(self) -> dict[str, np.ndarray]:
        """The columns of each speaker asked for so far (the prior never changes)."""
        cached = self.__dict__.get("_columns_cache")
        if cached is None:
            cached = {}
            object.__setattr__(self, "_columns_cache", cached)
        return cached

    @property
    def index(self) -> dict[str, int]:
        cached = self.__dict__.get("_index")
        if cached is None:
            cached = {name: k for k, name in enumerate(self.speakers)}
            object.__setattr__(self, "_index", cached)
        return cached


class Featurizer:
    """Turns a :class:`StanceQuery` and the rule layer's hits into one row per issue; the
    last :data:`PRIOR_WIDTH` columns come from ``prior`` (a :class:`SpeakerPrior`)."""

    def __init__(self, resources: Resources, embedder, cues, prior: SpeakerPrior | None = None):
        self.embedder = embedder
        self.cues = cues
        self.prior = prior or SpeakerPrior.empty(len(resources.codebook.issues))
        self.gazetteer = resources.gazetteer.actors
        cb = resources.codebook
        self.issues = sorted(cb.issues)
        self.cue_table: dict[tuple, list] = {}
        for key in self.issues:
            issue = cb.issues[key]
            for cue in issue.cues:
                self.cue_table.setdefault(cue.words, []).append((key, cue.stance))
        props = [f"{cb.issues[k].label}. {cb.issues[k].definition}" for k in self.issues]
        self.E_def = embedder.embed(props)
        self.E_sup, self.E_opp, protos = [], [], []
        for n, k in enumerate(self.issues):
            ex = cb.issues[k].examples
            sup = [t for s, t in ex if s > 0] or [props[n]]
            opp = [t for s, t in ex if s < 0] or [props[n]]
            es, eo = embedder.embed(sup), embedder.embed(opp)
            self.E_sup.append(es)
            self.E_opp.append(eo)
            protos.append(_unit(self.E_def[n] + es.mean(0) + eo.mean(0)))
        self.protos = np.vstack(protos)
        self.index = {k: j for j, k in enumerate(self.issues)}
        self._n_sup = np.array([len(m) for m in self.E_sup], dtype=np.float32)
        self._n_opp = np.array([len(m) for m in self.E_opp], dtype=np.float32)
        self._ex_width = w = max(len(m) for m in self.E_sup + self.E_opp)
        self._pad_sup = np.where(np.arange(w) < self._n_sup[:, None], 0, -np.inf).astype(np.float32)
        self._pad_opp = np.where(np.arange(w) < self._n_opp[:, None], 0, -np.inf).astype(np.float32)
        # the words of each issue's proposition and of its examples per stance
        self.words = [(_words(props[n]), _words(" ".join(t for s, t in cb.issues[k].examples if s > 0)),
                       _words(" ".join(t for s, t in cb.issues[k].examples if s < 0)))
                      for n, k in enumerate(self.issues)]

    @property
    def width(self) -> int:
        d = self.embedder.dim
        return (6 + 6 + 3 + len(MODES) + len(PATTERN_NAMES) + self.embedder.dim + 4 + 3 + 14 + len(self.issues)
                + PRIOR_WIDTH)

    @staticmethod
    def salience(pd, speaker: str) -> list[float]:
        """How present ``speaker`` is in the article: its mentions (log), their share of all
        actor mentions, and whether one stands in the first two sentences (headline and lead)."""
        ns = len(pd.sents)
        lead_end = pd.span(pd.sents[min(1, ns - 1)].start, pd.sents[min(1, ns - 1)].end).end if ns else 0
        own = [m for m in pd.mentions if m.actor == speaker]
        return [float(np.log1p(len(own))) / 3, len(own) / max(len(pd.mentions), 1),
                float(any(m.span.begin < lead_end for m in own))]

    @staticmethod
    def scope_text(q: StanceQuery) -> str:
        text = token_table(q.doc.doc).text
        return " ".join([text[i] for i in q.utterance.scope])

    def rows(self, q: StanceQuery, rule_hits: list[Hit], emb: np.ndarray | None = None) -> np.ndarray:
        """A (number of issues, width) matrix for one utterance."""
        pd, u = q.doc, q.utterance
        doc = pd.doc
        table = token_table(doc)
        scope = list(u.scope)
        e = emb if emb is not None else self.embedder.embed([self.scope_text(q)])[0]
        n = len(self.issues)
        # utterance-level columns, shared by every issue's row
        neg = contrast = 0
        polarity = [0.0, 0.0]
        forms_in_scope: set[str] = set()
        cues = self.cues
        for i in scope:
            if not table.alpha[i]:
                continue
            low, lemma = table.forms[i]
            forms_in_scope.update((low, lemma))
            neg += table.dep[i] == "neg"
            contrast += cues.is_contrast_form(low, lemma)
            pol = cues.polarity_at(doc, table, i)
            if pol:
                if any(c.dep_ == "neg" for c in doc[i].children):
                    pol = -pol
                polarity[0 if pol > 0 else 1] += 1.0
        verb_pol = 0.0
        if u.verb is not None:
            verb_pol = float(self.cues.polarity_of(doc[u.verb]) or 0)
        mode = [float(u.statement.mode == m) for m in MODES]
        pattern = [float(u.pattern == p) for p in PATTERN_NAMES]
        shared_signals = [min(neg, 3) / 3, min(contrast, 3) / 3, verb_pol, np.log1p(len(scope)) / 4,
                          min(polarity[0], 3) / 3, min(polarity[1], 3) / 3]
        # who speaks: a gazetteer actor, of which kind, and how sure the attribution is
        known = self.gazetteer.get(u.statement.speaker)
        kind = known.kind if known else ""
        shared_signals += [float(known is not None), float(kind == "person"), float(kind == "state"),
                           float(kind == "organisation"), float(u.statement.confidence),
                           float(u.statement.reported_by is not None)]
        # how much the article is about the speaker: its mentions, their share, one in the lead
        article = self._article_columns(pd, table)
        if u.statement.speaker not in article[2]:
            article[2][u.statement.speaker] = self.salience(pd, u.statement.speaker)
        shared_signals += article[2][u.statement.speaker]
        # issue-level columns
        sims = self._similarities(e)
        index = self.index
        rule = np.zeros((n, 2), dtype=np.float32)
        for h in rule_hits:
            j = index.get(h.issue)
            if j is not None:
                col = 0 if h.stance > 0 else 1
                rule[j, col] = max(rule[j, col], h.confidence)
        sent_i = pd.sent_of[scope[0]] if scope else 0
        article_topics = set().union(*pd.sent_topics) if pd.sent_topics else set()
        in_scope = set().union(*(pd.topic_tokens.get(i, frozenset()) for i in scope)) if scope else set()
        before = pd.sent_topics[sent_i - 1] if sent_i > 0 else frozenset()
        in_sentence = pd.sent_topics[sent_i] if pd.sent_topics else ()
        topic = np.array([(k in in_scope, k in in_sentence, k in before, k in article_topics) for k in self.issues],
                         dtype=np.float32).reshape(n, 4)
        # the share of the article's sentences on each issue
        share = article[1]
        cue = np.zeros((n, 3), dtype=np.float32)
        if scope:
            sset = set(scope)
            for entries, idx in find(doc, scope[0], scope[-1] + 1, self.cue_table):
                if not set(idx) <= sset:
                    continue
                for k, stance in entries:
                    j = index[k]
                    cue[j, 0] = 1.0
                    cue[j, 1 if stance > 0 else 2] = 1.0
        anaphor = np.zeros((n, 1), dtype=np.float32)
        for i in scope:
            for k in pd.event_issues.get(i, ()):
                if k in index:
                    anaphor[index[k], 0] = 1.0
        shared = np.asarray(shared_signals + mode + pattern, dtype=np.float32)
        content = {w for w in forms_in_scope if len(w) > 3}
        if content:
            lexical = np.array([[len(content & ws) / len(content) for ws in words] for words in self.words],
                               dtype=np.float32).reshape(n, 3)
        else:
            lexical = np.zeros((n, 3), dtype=np.float32)
        # the row of issue j: shared | e * prototype j | sims j | lexical j | signals j | one-hot j | prior
        out = np.zeros((n, self.width), dtype=np.float32)
        c = 0
        for block in (shared, e * self.protos, sims, lexical, rule, topic, share, cue, anaphor):
            width = block.shape[-1]
            out[:, c:c + width] = block
            c += width
        has_neg = np.float32(neg > 0)
        out[:, c] = rule.max(axis=1) * topic[:, 0]
        out[:, c + 1] = cue[:, 0] * has_neg
        out[:, c + 2] = topic[:, 0] * has_neg
        c += 3
        out[:, c:c + n] = np.eye(n, dtype=np.float32)
        out[:, -PRIOR_WIDTH:] = self.prior.columns(u.statement.speaker)
        return out

    def _article_columns(self, pd, table) -> tuple:
        """(a weak reference to ``pd``, the share of its sentences on each issue, speaker ->
        :meth:`salience`): what every utterance of the article shares, made once per article
        (kept with its Doc's token table; weakly, so that no reference cycle holds the Doc)."""
        key = ("article columns", id(self))
        got = table.memo.get(key)
        if got is None or got[0]() is not pd:
            n = len(self.issues)
            share = np.array([sum(k in t for t in pd.sent_topics) for k in self.issues],
                             dtype=np.float32).reshape(n, 1) / max(len(pd.sent_topics), 1)
            got = table.memo[key] = (weakref.ref(pd), share, {})
        return got

    def _similarities(self, e: np.ndarray) -> np.ndarray:
        """(issues, 4): cosine of the scope embedding ``e`` to each issue's proposition, the best
        support and oppose example, and the mean support minus the mean oppose similarity."""
        n = len(self.issues)
        sims = np.zeros((n, 4), dtype=np.float32)
        sims[:, 0] = self.E_def @ e
        if self._ex_width >= 8:  # np.mean sums 8 or more numbers pairwise: keep its own order
            for k in range(n):
                ss, so = self.E_sup[k] @ e, self.E_opp[k] @ e
                sims[k, 1:] = (ss.max(), so.max(), ss.mean() - so.mean())
            return sims
        w = self._ex_width
        sup = np.zeros((n, w), dtype=np.float32)
        opp = np.zeros((n, w), dtype=np.float32)
        for k, (es, eo) in enumerate(zip(self.E_sup, self.E_opp)):
            # one product per issue and stance, as the model was trained with (BLAS may round a
            # product of a stacked matrix otherwise)
            sup[k, :len(es)] = es @ e
            opp[k, :len(eo)] = eo @ e
        sims[:, 1] = (sup + self._pad_sup).max(axis=1)  # the padding is -inf there, 0 elsewhere
        sims[:, 2] = (opp + self._pad_opp).max(axis=1)
        # the means as np.mean makes them of fewer than 8 numbers: added in order from 0, then divided
        s_sup, s_opp = np.zeros(n, dtype=np.float32), np.zeros(n, dtype=np.float32)
        for c in range(w):
            s_sup += sup[:, c]
            s_opp += opp[:, c]
        sims[:, 3] = s_sup / self._n_sup - s_opp / self._n_opp
        return sims


#: the statement-level columns of :func:`statement_rows` before the best utterance's own columns
STATEMENT_WIDTH = 19
#: an (utterance, issue) row below this probability of a position does not make a statement candidate alone
STATEMENT_FLOOR = 0.03


def _best_columns(width: int) -> list[int]:
    """The columns of the best utterance's row a statement row repeats: who speaks, the mode
    and pattern (the first 25), and the issue-level signals, one-hot and prior (the last 35)."""
    return list(range(25)) + list(range(width - 35, width))


def statement_rows(speakers: list, issues: list, rule: np.ndarray, X: np.ndarray, proba: np.ndarray,
                   n_issues: int):
    """The statement candidates of one article and their features for the second stage.

    The gold has one statement per (speaker, issue, stance) and article, so the second stage
    decides per (speaker, issue) over all the speaker's utterances: ``speakers[r]``,
    ``issues[r]``, ``rule[r]`` (+1 / -1 / 0: the rule layer's stance) and ``proba[r]`` (the
    first stage's none / support / oppose) of row ``r`` of ``X``, the rows ``n_issues`` to an
    utterance. A candidate is a (speaker, issue) one of whose rows has a position probability
    of :data:`STATEMENT_FLOOR` or a rule hit; its stance is the one with the larger summed
    probability. Returns (candidates as (speaker, issue, +1 / -1, rows), features).

    The columns: the best, noisy-or, summed and mean probability of a position over the
    speaker's utterances, how many utterances there are and how many pass 0.2 and 0.5, the
    summed and best support and oppose probabilities and their balance, the rule layer's
    support and oppose, how many utterances the speaker and the article have, the issue's
    share of the article's probability mass, this issue against the speaker's best issue, how
    many other speakers are likely on the issue; then the best utterance's row (:func:`_best_columns`).

    >>> X = np.zeros((4, 60), dtype=np.float32)
    >>> proba = np.array([[0.9, 0.05, 0.05], [0.2, 0.7, 0.1], [0.99, 0.0, 0.01], [0.5, 0.1, 0.4]])
    >>> cands, F = statement_rows(["a", "a", "a", "a"], ["i", "j", "i", "j"], np.zeros(4), X, proba, 2)
    >>> [(s, i, stance, rows) for s, i, stance, rows in cands], F.shape
    ([('a', 'i', -1, (0, 2)), ('a', 'j', 1, (1, 3))], (2, 79))
    """
    pos = proba[:, 1] + proba[:, 2]
    groups: dict[tuple, list[int]] = {}
    for r in range(len(speakers)):
        groups.setdefault((speakers[r], issues[r]), []).append(r)
    utterances: dict = {}
    for r in range(0, len(speakers), n_issues):
        utterances[speakers[r]] = utterances.get(speakers[r], 0) + 1
    n_utt = len(speakers) // max(n_issues, 1)
    mass: dict = {}
    speaker_best: dict = {}
    likely: dict = {}
    for (s, i), rs in groups.items():
        m = float(pos[rs].max())
        mass[i] = mass.get(i, 0.0) + float(pos[rs].sum())
        speaker_best[s] = max(speaker_best.get(s, 0.0), m)
        likely[i] = likely.get(i, 0) + (m > 0.3)
    total = sum(mass.values()) + 1e-6
    best_cols = _best_columns(X.shape[1])
    cands, F = [], []
    for (s, i), rs in groups.items():
        rs_a = np.array(rs)
        pp = pos[rs_a]
        r_rule = rule[rs_a]
        if pp.max() < STATEMENT_FLOOR and not r_rule.any():
            continue
        sup, opp = float(proba[rs_a, 1].sum()), float(proba[rs_a, 2].sum())
        best = int(rs_a[pp.argmax()])
        f = [pp.max(), 1 - np.prod(1 - pp), pp.sum(), np.log1p(len(rs)), (pp > 0.2).sum(), (pp > 0.5).sum(),
             pp.mean(), sup, opp, proba[rs_a, 1].max(), proba[rs_a, 2].max(), abs(sup - opp) / (sup + opp + 1e-6),
             float((r_rule > 0).any()), float((r_rule < 0).any()), np.log1p(utterances[s]), np.log1p(n_utt),
             mass[i] / total, pp.max() / (speaker_best[s] + 1e-6), likely[i] - (pp.max() > 0.3)]
        F.append(np.concatenate([np.asarray(f, dtype=np.float64), X[best, best_cols].astype(np.float64)]))
        cands.append((s, i, 1 if sup >= opp else -1, tuple(rs)))
    width = STATEMENT_WIDTH + len(best_cols)
    return cands, (np.vstack(F) if F else np.zeros((0, width)))
