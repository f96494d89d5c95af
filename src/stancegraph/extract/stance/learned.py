"""Learned stance detectors over the rule layer's utterances: ``learned`` and ``hybrid``.

A multinomial logistic regression decides, for each (utterance, issue), none /
support / oppose from the features of :mod:`.features`. ``learned`` then decides per
statement: a second, binary logistic regression over each (speaker, issue) of the
article (:func:`~.features.statement_rows`: how likely and how many the speaker's
utterances on the issue are, the rule layer's hits, the issue's share of the article,
the best utterance's signals) keeps the candidates whose probability reaches its
threshold (a model without that stage reports each issue whose probability of a
position reaches the model's threshold, utterance by utterance); ``hybrid``
keeps every rule hit and adds the classifier's positions on the issues the rules
found nothing on (its own, higher threshold). Both thresholds were chosen by
cross-validation by article on the training corpus (``stancegraph train``).

The model file is a NumPy ``.npz`` of plain arrays (no pickled code): the scaler,
the weights (of both stages), the issue keys, the thresholds, the speaker prior (the training
articles' positions per speaker and issue, :class:`~.features.SpeakerPrior`) and the
digest of the training set.
The detector's id names the file's sha256, so the run's provenance says which
model made the graph.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ...errors import StanceGraphError
from ...knowledge import Resources
from ... import paths
from ..cues import CueLookup
from .base import Hit, StanceQuery
from .embed import load_embedder
from .features import Featurizer, SpeakerPrior
from .rules import RuleStanceDetector

CLASSES = ("none", "support", "oppose")
FORMAT = 3
#: the formats :meth:`StanceModel.load` reads (2: without the statement stage)
FORMATS = (2, 3)


def class_proba(mean, scale, coef, intercept, X: np.ndarray) -> np.ndarray:
    """Softmax class probabilities of a standardised linear model, one row per row of ``X``."""
    z = ((X - mean) / scale) @ coef.T + intercept
    z -= z.max(axis=1, keepdims=True)
    p = np.exp(z)
    return p / p.sum(axis=1, keepdims=True)


def default_model_path() -> Path:
    """The shipped model, trained on the training corpus and the seeds (see README)."""
    return paths.data_dir() / "models" / "stances.npz"


@dataclass(frozen=True)
class StanceModel:
    """The arrays of a trained model and what it was trained on."""

    issues: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray        # (3, width) for CLASSES
    intercept: np.ndarray   # (3,)
    threshold: float        # learned: P(support) + P(oppose) needed for a position
    hybrid_threshold: float  # hybrid: the same, on issues the rules found nothing on
    embedder: str
    training_set: str       # sha256 of the gold files and article texts
    meta: dict
    prior: SpeakerPrior | None = None  # the training articles' positions per speaker
    statement: tuple | None = None    # the statement stage: (mean, scale, coef, intercept), or None
    statement_threshold: float | None = None  # its probability needed for a position

    def speaker_prior(self) -> SpeakerPrior:
        return self.prior if self.prior is not None else SpeakerPrior.empty(len(self.issues))

    def proba(self, X: np.ndarray) -> np.ndarray:
        return class_proba(self.mean, self.scale, self.coef, self.intercept, X)

    def statement_proba(self, F: np.ndarray) -> np.ndarray:
        """The statement stage's probability that each row of ``F`` (:func:`~.features.statement_rows`)
        is a position of its speaker."""
        mean, scale, coef, intercept = self.statement
        return 1.0 / (1.0 + np.exp(-(((F - mean) / scale) @ coef + intercept)))

    def save(self, path: str | Path) -> None:
        from ...fileio import atomic_output

        prior = self.speaker_prior()
        meta = dict(self.meta, format=FORMAT, issues=list(self.issues), threshold=self.threshold,
                    hybrid_threshold=self.hybrid_threshold, embedder=self.embedder, training_set=self.training_set,
                    speakers=list(prior.speakers), statement_threshold=self.statement_threshold)
        stage = {}
        if self.statement is not None:
            mean, scale, coef, intercept = self.statement
            stage = dict(statement_mean=np.asarray(mean, dtype=np.float64),
                         statement_scale=np.asarray(scale, dtype=np.float64),
                         statement_coef=np.asarray(coef, dtype=np.float64),
                         statement_intercept=np.asarray([intercept], dtype=np.float64))
        with atomic_output(path, "wb") as f:
            np.savez_compressed(f, mean=self.mean, scale=self.scale, coef=self.coef, intercept=self.intercept,
                                prior_counts=prior.counts, prior_seen=prior.seen, **stage,
                                meta=np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8))

    @classmethod
    def load(cls, path: str | Path) -> StanceModel:
        p = Path(path)
        if not p.is_file():
            raise StanceGraphError("no such stance model file (make one with stancegraph train)", path=str(p))
        try:
            with np.load(p, allow_pickle=False) as z:
                arrays = {k: z[k] for k in ("mean", "scale", "coef", "intercept", "meta")}
                meta = json.loads(arrays["meta"].tobytes().decode("utf-8"))
                if meta.get("format") in FORMATS:
                    arrays.update(prior_counts=z["prior_counts"], prior_seen=z["prior_seen"])
                statement = None
                if meta.get("format") == FORMAT and meta.get("statement_threshold") is not None:
                    statement = (z["statement_mean"], z["statement_scale"], z["statement_coef"],
                                 float(z["statement_intercept"][0]))
        except (OSError, ValueError, KeyError) as exc:
            raise StanceGraphError(f"not a stancegraph stance model ({exc})", path=str(p)) from None
        if meta.get("format") not in FORMATS:
            raise StanceGraphError(f"stance model format {meta.get('format')!r}, expected one of "
                                   f"{', '.join(map(str, FORMATS))} (retrain it with stancegraph train)", path=str(p))
        prior = SpeakerPrior(tuple(meta["speakers"]), arrays["prior_counts"], arrays["prior_seen"])
        threshold = meta.get("statement_threshold")
        return cls(tuple(meta["issues"]), arrays["mean"], arrays["scale"], arrays["coef"], arrays["intercept"],
                   float(meta["threshold"]), float(meta["hybrid_threshold"]), meta["embedder"],
                   meta["training_set"], meta, prior, statement,
                   float(threshold) if statement is not None else None)


def file_digest(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def learned_id(name: str, path: str | Path) -> str:
    """A learned detector's id in the run's provenance: its name and its model file's digest."""
    return f"{name} model sha256:{file_digest(Path(path))[:16]}"


class LearnedStanceDetector:
    """The classifier's positions on every issue (see the module docstring)."""

    name = "learned"

    def __init__(self, resources: Resources, model: str | Path | None = None, cues: CueLookup | None = None):
        path = Path(model) if model else default_model_path()
        self.model = StanceModel.load(path)
        issues = tuple(sorted(resources.codebook.issues))
        if issues != self.model.issues:
            raise StanceGraphError(
                f"the stance model was trained for other issues ({', '.join(self.model.issues)}); "
                f"this codebook has {', '.join(issues)}: train one for it with stancegraph train", path=str(path))
        self.cues = cues or CueLookup(resources.lexicon)
        self.rules = RuleStanceDetector(resources, self.cues)
        self.features = Featurizer(resources, load_embedder(), self.cues, self.model.speaker_prior())
        if self.features.embedder.id != self.model.embedder:
            raise StanceGraphError(f"the stance model was trained with embeddings {self.model.embedder}, "
                                   f"not {self.features.embedder.id}", path=str(path))
        if self.model.mean.shape[0] != self.features.width:
            raise StanceGraphError(f"the stance model has {self.model.mean.shape[0]} features, this version of "
                                   f"stancegraph makes {self.features.width}: retrain it with stancegraph train",
                                   path=str(path))
        self.training_set = self.model.training_set
        self.id = learned_id(self.name, path)

    def evidence(self, q: StanceQuery, issue: str) -> tuple[int, ...]:
        """The tokens that show the position: the issue's topic terms or anaphors in the
        scope, else the scope's sentence part."""
        pd, scope = q.doc, q.utterance.scope
        marked = tuple(i for i in scope if issue in pd.topic_tokens.get(i, ()) or issue in pd.event_issues.get(i, ()))
        return marked or tuple(scope)

    def decide(self, q: StanceQuery, rule_hits: list[Hit], proba: np.ndarray) -> list[Hit]:
        out = []
        for j, issue in enumerate(self.model.issues):
            p_none, p_sup, p_opp = proba[j]
            if p_sup + p_opp >= self.model.threshold:
                out.append(self.hit(q, issue, p_sup, p_opp))
        return out

    def hit(self, q: StanceQuery, issue: str, p_sup: float, p_opp: float) -> Hit:
        """The position the classifier gives: the likelier stance, its probability as confidence."""
        return Hit(issue, 1 if p_sup >= p_opp else -1, self.evidence(q, issue), round(float(max(p_sup, p_opp)), 3))

    #: decide per statement with the model's statement stage (when it has one)
    by_statement = True

    def positions(self, q: StanceQuery) -> list[Hit]:
        return self.positions_many([q])[0]

    def positions_many(self, queries: list[StanceQuery]) -> list[list[Hit]]:
        """:meth:`positions` of each query, the scopes embedded in one call. With a statement
        stage the queries are taken as the utterances of one article and decided together: one
        speaker's utterances on an issue make one statement candidate
        (:func:`~.features.statement_rows`), and a candidate the stage accepts gives a hit in each
        of its utterances whose own probability reaches the model's threshold (else in its likeliest one).

        >>> from stancegraph.ingest import parse_text
        >>> from stancegraph.extract import Extractor
        >>> from stancegraph.knowledge import load_resources
        >>> ex = Extractor(load_resources(), stances="learned")
        >>> pd, index = ex.parse(parse_text("t", 'Ann Berg said the talks had failed. Bo Lund said they went well.'))
        >>> qs = [StanceQuery(pd, u) for u in ex.utterances(pd, index)[0]]
        >>> hits = ex.stances.positions_many(qs)
        >>> len(hits) == len(qs) and all(h.issue in ex.stances.model.issues for found in hits for h in found)
        True
        """
        texts = [self.features.scope_text(q) if q.utterance.scope else None for q in queries]
        unique = list(dict.fromkeys(t for t in texts if t is not None))
        embedded = dict(zip(unique, self.features.embedder.embed(unique)))
        # every query's rows in one matrix, its class probabilities in one product (a row's numbers
        # are its own: the softmax works row by row)
        hits, rows = [], []
        for q, text in zip(queries, texts):
            rule_hits = self.rules.positions(q)
            hits.append(rule_hits)
            if text is not None:
                rows.append(self.features.rows(q, rule_hits, embedded[text]))
        n = len(self.model.issues)
        X = np.concatenate(rows) if rows else None
        proba = self.model.proba(X) if rows else None
        if self.by_statement and self.model.statement is not None:
            return self.decide_statements(queries, texts, hits, X, proba)
        out, k = [], 0
        for q, text, rule_hits in zip(queries, texts, hits):
            if text is None:
                p = np.zeros((n, 3))
            else:
                p, k = proba[k:k + n], k + n
            out.append(self.decide(q, rule_hits, p))
        return out

    def decide_statements(self, queries, texts, hits, X, proba) -> list[list[Hit]]:
        """The statement stage's hits (see :meth:`positions_many`)."""
        from .features import statement_rows

        out: list[list[Hit]] = [[] for _ in queries]
        if X is None:
            return out
        issues = self.model.issues
        n = len(issues)
        speakers, row_issues, rule, owner = [], [], [], []
        for k, (q, text, rule_hits) in enumerate(zip(queries, texts, hits)):
            if text is None:
                continue
            for issue in issues:
                signs = {h.stance for h in rule_hits if h.issue == issue}
                speakers.append(q.utterance.statement.speaker)
                row_issues.append(issue)
                rule.append(1 if 1 in signs else (-1 if -1 in signs else 0))
                owner.append(k)
        cands, F = statement_rows(speakers, row_issues, np.asarray(rule, dtype=np.int8), X, proba, n)
        if not cands:
            return out
        pos = proba[:, 1] + proba[:, 2]
        for (_, issue, stance, rs), p in zip(cands, self.model.statement_proba(F)):
            if p < self.model.statement_threshold:
                continue
            chosen = [r for r in rs if pos[r] >= self.model.threshold] or [max(rs, key=lambda r: pos[r])]
            for r in chosen:
                k = owner[r]
                out[k].append(Hit(issue, stance, self.evidence(queries[k], issue), round(float(p), 3)))
        order = {k: j for j, k in enumerate(issues)}
        return [sorted(found, key=lambda h: order[h.issue]) for found in out]


class HybridStanceDetector(LearnedStanceDetector):
    """Rule hits kept; the classifier adds positions on issues the rules found nothing on."""

    name = "hybrid"
    by_statement = False

    def decide(self, q: StanceQuery, rule_hits: list[Hit], proba: np.ndarray) -> list[Hit]:
        out = list(rule_hits)
        ruled = {h.issue for h in rule_hits}
        for j, issue in enumerate(self.model.issues):
            if issue in ruled:
                continue
            p_none, p_sup, p_opp = proba[j]
            if p_sup + p_opp >= self.model.hybrid_threshold:
                out.append(self.hit(q, issue, p_sup, p_opp))
        return out
