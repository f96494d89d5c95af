"""``stancegraph train``: the learned stance detector from gold annotations and their articles.

Each gold directory holds annotation files (``*.json``, ``../spec/annotations.md``
format); the article of ``gold/ID.json`` is read from ``articles/ID.txt`` beside the
gold directory. The rule layer reads every article; each of its utterances gets one
row per codebook issue, labelled from the gold statements:

- support / oppose when a gold statement of the utterance's speaker on that issue has
  its evidence inside the utterance (optional gold statements count as positives:
  they are defensible readings, and the scorer neither rewards nor punishes them);
- left out of training when the utterance overlaps such evidence under another
  speaker, or when its speaker holds that issue in the article elsewhere (unknown);
- none otherwise.

The speaker prior (:class:`~stancegraph.extract.stance.features.SpeakerPrior`: the
positions the training articles give each speaker) is counted from the positive rows;
a training row's prior leaves its own article out, and in cross-validation the held-out
articles see only the prior of the training folds, as an unseen article would.

The regularisation and the thresholds of the ``learned`` and ``hybrid`` detectors are chosen by
cross-validation by article (statement F1 on the held-out articles, as the scorer
counts it), then the model is fitted on everything and written as a ``.npz`` file.
The sha256 of the gold files and article texts goes into the model and from there
into every graph built with it.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from .errors import StanceGraphError
from .evaluate import Names
from .knowledge import Resources, load_resources
from .model import Article

THRESHOLDS = tuple(round(float(x), 3) for x in np.arange(0.2, 0.951, 0.025))
FOLDS = 5
#: inverse regularisation strengths tried by cross-validation (the best F1 of learned is kept)
CS = (0.003, 0.005, 0.01)
#: the same for the statement stage, and the thresholds of its probability tried
STATEMENT_CS = (0.03, 0.1, 1.0)
STATEMENT_THRESHOLDS = tuple(round(float(x), 3) for x in np.arange(0.1, 0.876, 0.025))


@dataclass
class ArticleRows:
    """The training rows of one article."""

    article: str
    X: np.ndarray                 # (rows, width)
    y: np.ndarray                 # 0 none, 1 support, 2 oppose; -1 left out
    speakers: list[str]           # speaker name per row
    issues: list[str]             # issue key per row
    rule: np.ndarray              # rule stance per row: +1, -1 or 0
    gold: set = field(default_factory=set)   # required (speaker, issue, stance) of the article
    optional: set = field(default_factory=set)
    names: Names | None = None
    speaker_keys: list[str] = field(default_factory=list)  # the speaker's IRI per row

    @property
    def prior_source(self) -> tuple[set, set]:
        """(positions, speakers) of the article for a :class:`SpeakerPrior`: the (speaker, issue
        index, label) of its positive rows and the speakers of its utterances."""
        order = {k: j for j, k in enumerate(sorted(set(self.issues)))}
        positions = {(self.speaker_keys[r], order[self.issues[r]], int(self.y[r]))
                     for r in range(len(self.y)) if self.y[r] > 0}
        return positions, set(self.speaker_keys)


@dataclass
class TrainReport:
    output: Path
    articles: int
    rows: int
    positives: int
    threshold: float
    hybrid_threshold: float
    cv: dict
    training_set: str
    seconds: float
    cv_articles: int = 0    # the articles scored by the cross-validation (the others only trained on)

    def summary(self) -> str:
        cv = self.cv
        scored = f" on {self.cv_articles}" if self.cv_articles and self.cv_articles != self.articles else ""
        return (f"trained {self.output}: {self.articles} articles, {self.rows} (utterance, issue) rows, "
                f"{self.positives} positive; cross-validated by article{scored} ({FOLDS} folds, "
                f"C {cv['learned']['C']}): "
                f"learned F1 {cv['learned']['f1']:.3f} at threshold {self.threshold}"
                f"{self._stages()}, "
                f"hybrid F1 {cv['hybrid']['f1']:.3f} at {self.hybrid_threshold}, rules F1 {cv['rules']['f1']:.3f}; "
                f"training set sha256:{self.training_set[:16]} ({self.seconds:.0f} s)")


    def _stages(self) -> str:
        """What the statement stage adds, when the cross-validation kept it."""
        cv = self.cv
        if "statement_C" not in cv["learned"]:
            return ""
        u = cv["utterance"]
        return (f" (by statement, C {cv['learned']['statement_C']}; by utterance alone {u['f1']:.3f} "
                f"at {u['threshold']})")


def gold_articles(gold_dirs: Iterable[str | Path]) -> list[tuple[Path, dict, Path]]:
    """(gold file, gold document, article file) for every annotation file of the directories."""
    out = []
    for d in gold_dirs:
        d = Path(d)
        if not d.is_dir():
            raise StanceGraphError("no such gold directory", path=str(d))
        files = sorted(d.glob("*.json"))
        if not files:
            raise StanceGraphError("no *.json annotation files", path=str(d))
        for f in files:
            try:
                doc = json.loads(f.read_text(encoding="utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise StanceGraphError(f"not a JSON annotation file ({exc})", path=str(f)) from None
            if not isinstance(doc, dict) or "article" not in doc:
                raise StanceGraphError("not an annotation document (no 'article' field)", path=str(f))
            art = d.parent / "articles" / f"{doc['article']}.txt"
            if not art.is_file():
                raise StanceGraphError(f"the article of {f.name} is not at {art}", path=str(f))
            out.append((f, doc, art))
    return out


def training_digest(items: Sequence[tuple[Path, dict, Path]]) -> str:
    """sha256 over the gold files and article texts, in article order."""
    h = hashlib.sha256()
    for f, doc, art in sorted(items, key=lambda x: x[1]["article"]):
        for p in (f, art):
            data = p.read_bytes()
            h.update(f"{p.name}\0{len(data)}\0".encode())
            h.update(data)
    return h.hexdigest()


def locate(text: str, evidence: str) -> tuple[int, int] | None:
    """Character range of ``evidence`` in ``text``: exact, case-folded, or the longest common run."""
    if not evidence:
        return None
    i = text.find(evidence)
    if i >= 0:
        return i, i + len(evidence)
    i = text.lower().find(evidence.lower())
    if i >= 0:
        return i, i + len(evidence)
    m = SequenceMatcher(None, text.lower(), evidence.lower(), autojunk=False).find_longest_match(
        0, len(text), 0, len(evidence))
    if m.size >= min(25, len(evidence) * 0.6):
        return m.a - m.b, m.a - m.b + len(evidence)
    return None


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def article_rows(extractor, detector, article: Article, gold: dict) -> ArticleRows:
    """Rows, labels and the bookkeeping for scoring one article."""
    from .extract.stance import StanceQuery

    pd, index = extractor.parse(article)
    candidates, _ = extractor.utterances(pd, index)
    names = Names(gold.get("actors", []))
    statements = []
    for s in gold.get("statements", []):
        if s.get("stance") not in ("support", "oppose"):
            continue
        statements.append((s["speaker"], s["issue"], 1 if s["stance"] == "support" else 2,
                           locate(article.text, s.get("evidence", "")), bool(s.get("optional"))))
    issues = detector.features.issues
    X, y, speakers, row_issues, rule, keys = [], [], [], [], [], []
    texts = [detector.features.scope_text(StanceQuery(pd, u)) for u in candidates]
    embs = detector.features.embedder.embed(texts)
    for u, e in zip(candidates, embs):
        q = StanceQuery(pd, u)
        rule_hits = detector.rules.positions(q)
        rows = detector.features.rows(q, rule_hits, e)
        actor = index.get(u.statement.speaker)
        speaker = actor.name if actor else u.statement.speaker
        toks = list(u.scope)
        if toks:
            extent = (min(pd.span(i, i + 1).begin for i in toks), max(pd.span(i, i + 1).end for i in toks))
        else:
            extent = (u.statement.span.begin, u.statement.span.end)
        extent = (min(extent[0], u.statement.span.begin), max(extent[1], u.statement.span.end))
        for j, issue in enumerate(issues):
            label = 0
            for g_speaker, g_issue, g_label, where, _ in statements:
                if g_issue != issue:
                    continue
                same = names.same(speaker, g_speaker)
                hit = where is not None and _overlap(extent, where) >= min(20, 0.3 * (where[1] - where[0]))
                if same and hit:
                    label = g_label
                    break
                if hit or same:
                    label = -1  # another speaker's evidence here, or this speaker's said elsewhere
            signs = {h.stance for h in rule_hits if h.issue == issue}
            X.append(rows[j])
            y.append(label)
            speakers.append(speaker)
            keys.append(u.statement.speaker)
            row_issues.append(issue)
            rule.append(1 if 1 in signs else (-1 if -1 in signs else 0))
    width = detector.features.width
    gold_set = {(s, i, l) for s, i, l, _, opt in statements if not opt}
    optional = {(s, i, l) for s, i, l, _, opt in statements if opt}
    return ArticleRows(article.id, np.asarray(X, dtype=np.float32).reshape(-1, width), np.asarray(y, dtype=np.int8),
                       speakers, row_issues, np.asarray(rule, dtype=np.int8), gold_set, optional, names, keys)


def with_prior(a: ArticleRows, prior, own: bool) -> np.ndarray:
    """The article's rows with their speaker-prior columns from ``prior`` (leaving the
    article's own positions out when ``own``: it is a training article of that prior)."""
    from .extract.stance.features import PRIOR_WIDTH

    X = a.X.copy()
    if not len(a.y):  # an article with no candidate utterance adds no row
        return X
    without = a.prior_source if own else None
    n = len(set(a.issues))
    cache: dict[str, np.ndarray] = {}
    for r in range(0, len(a.y), n):
        key = a.speaker_keys[r]
        if key not in cache:
            cache[key] = prior.columns(key, without)
        X[r:r + n, -PRIOR_WIDTH:] = cache[key]
    return X


def _fit(X: np.ndarray, y: np.ndarray, C: float):
    from sklearn.linear_model import LogisticRegression

    keep = y >= 0
    Xk, yk = X[keep], y[keep]
    mean = Xk.mean(axis=0)
    scale = Xk.std(axis=0)
    scale[scale < 1e-6] = 1.0
    clf = LogisticRegression(C=C, max_iter=3000)
    clf.fit((Xk - mean) / scale, yk)
    coef = np.zeros((3, X.shape[1]))
    intercept = np.full(3, -30.0)
    for row, cls in enumerate(clf.classes_):
        coef[cls] = clf.coef_[row] if len(clf.classes_) > 2 else (clf.coef_[0] if cls == clf.classes_[1] else 0)
        intercept[cls] = clf.intercept_[row] if len(clf.classes_) > 2 else (clf.intercept_[0] if cls == clf.classes_[1] else 0)
    return mean, scale, coef, intercept


def predicted(a: ArticleRows, proba: np.ndarray | None, threshold: float, mode: str) -> set:
    """The (speaker, issue, stance) set a detector would give for one article; where a speaker
    would take both stances on an issue, the better-supported one (as the extractor keeps)."""
    votes: dict[tuple[str, str], dict[int, float]] = {}
    for r in range(len(a.y)):
        key = (a.speakers[r], a.issues[r])
        if mode in ("rules", "hybrid") and a.rule[r]:
            side = votes.setdefault(key, {})
            label = 1 if a.rule[r] > 0 else 2
            side[label] = side.get(label, 0.0) + 1.0
            continue
        if mode == "rules" or proba is None:
            continue
        p = proba[r]
        if p[1] + p[2] >= threshold:
            side = votes.setdefault(key, {})
            label = 1 if p[1] >= p[2] else 2
            side[label] = side.get(label, 0.0) + float(p[label])
    return {(s, i, max(side, key=side.get)) for (s, i), side in votes.items()}


def statement_scores(articles: Sequence[ArticleRows], preds: Sequence[set]) -> dict:
    """Micro P/R/F1 of predicted statements against the required gold ones (optional ones neutral)."""
    tp = fp = fn = 0
    for a, pred in zip(articles, preds):
        same = a.names.same
        gold = list(a.gold)
        used = set()
        for s, i, l in pred:
            match = next((n for n, (gs, gi, gl) in enumerate(gold) if n not in used and gi == i and gl == l
                          and same(s, gs)), None)
            if match is not None:
                used.add(match)
                tp += 1
            elif any(gi == i and gl == l and same(s, gs) for gs, gi, gl in a.optional):
                continue
            else:
                fp += 1
        fn += len(gold) - len(used)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 3),
            "tp": tp, "fp": fp, "fn": fn}


def training_rows(gold_dirs: Sequence[str | Path], *, resources: Resources | None = None,
                  model: str | None = None, progress=None):
    """(gold items, :class:`ArticleRows` per article, the layer that made them: ``rules`` and
    ``features``, without a trained model) for the gold directories."""
    from .extract import Extractor
    from .extract.stance.embed import load_embedder
    from .extract.stance.features import Featurizer
    from .extract.stance.rules import RuleStanceDetector
    from .ingest import read_txt

    res = resources or load_resources()
    items = gold_articles(gold_dirs)
    extractor = Extractor(res, model, stances="rules")

    class Layer:  # the rule layer and the features, without a trained model
        rules = RuleStanceDetector(res, extractor.cues)
        features = Featurizer(res, load_embedder(), extractor.cues)

    rows: list[ArticleRows] = []
    for n, (f, doc, art) in enumerate(items):
        article = read_txt(art)
        rows.append(article_rows(extractor, Layer, article, doc))
        if progress:
            progress(n + 1, len(items), article.id)
    return items, rows, Layer


def prior_of(rows: Sequence[ArticleRows], idx, n_issues: int):
    """The :class:`SpeakerPrior` of the articles ``rows[i]`` for ``i`` in ``idx``."""
    from .extract.stance.features import SpeakerPrior

    return SpeakerPrior.count([rows[i].prior_source for i in idx], n_issues)


def cv_probas(rows: Sequence[ArticleRows], n_issues: int, C: float, folds: int = FOLDS,
              seed: int | None = None, drop=(), extra: Sequence[ArticleRows] = (),
              fraction: float = 1.0, fraction_seed: int = 0, keep=None) -> list:
    """Class probabilities of every article's rows from a model fitted on the other folds
    (article ``n`` in fold ``n % folds``, or of a random order with ``seed``; the held-out articles
    see only the training folds' speaker prior). ``drop``: feature columns set to
    zero (to measure what they add). ``extra``: articles added to every training fold and
    never scored (more training data, measured on the same held-out folds). ``fraction``:
    train each fold on that share of its training articles only, drawn at random with
    ``fraction_seed`` (a learning curve). ``keep(i, X, proba)``: called with each held-out
    article's rows (its speaker prior that of the training folds) and their probabilities.

    >>> cv_probas([], 3, 0.005)
    []
    """
    from .extract.stance.learned import class_proba

    order = np.arange(len(rows)) if seed is None else np.random.default_rng(seed).permutation(len(rows))
    fold_of = np.empty(len(rows), dtype=int)
    fold_of[order] = np.arange(len(rows)) % max(2, min(folds, len(rows)))
    drop = list(drop)
    pool = [*rows, *extra]
    pick = np.random.default_rng(fraction_seed)

    def rows_of(a, prior, own):
        X = with_prior(a, prior, own)
        if drop:
            X[:, drop] = 0.0
        return X

    probas: list[np.ndarray | None] = [None] * len(rows)
    for k in sorted(set(fold_of)):
        train_idx = [i for i in range(len(rows)) if fold_of[i] != k]
        if fraction < 1.0:
            size = max(1, int(round(fraction * len(train_idx))))
            train_idx = sorted(int(i) for i in pick.choice(train_idx, size=size, replace=False))
        train_idx += range(len(rows), len(pool))
        prior = prior_of(pool, train_idx, n_issues)
        yt = np.concatenate([pool[i].y for i in train_idx])
        if not (yt > 0).any():
            continue
        params = _fit(np.vstack([rows_of(pool[i], prior, True) for i in train_idx]), yt, C)
        for i in range(len(rows)):
            if fold_of[i] == k and len(rows[i].y):
                X = rows_of(rows[i], prior, False)
                probas[i] = class_proba(*params, X)
                if keep is not None:
                    keep(i, X, probas[i])
    return probas


@dataclass
class ArticleStatements:
    """The statement candidates of one article (:func:`~.extract.stance.features.statement_rows`),
    their features and labels: 1 a required gold statement (same speaker, issue and stance), 0
    none, -1 an optional one (left out of training, neutral in scoring)."""

    names: list                  # (speaker name, issue, 1 support / 2 oppose) per candidate
    F: np.ndarray
    y: np.ndarray


def article_statements(a: ArticleRows, X: np.ndarray, proba: np.ndarray, n_issues: int) -> ArticleStatements:
    """The statement candidates of article ``a`` from its rows ``X`` and their first-stage
    probabilities."""
    from .extract.stance.features import statement_rows

    cands, F = statement_rows(a.speaker_keys, a.issues, a.rule, X, proba, n_issues)
    names, y = [], []
    for _, issue, stance, rs in cands:
        key = (a.speakers[rs[0]], issue, 1 if stance > 0 else 2)
        names.append(key)
        same = a.names.same
        if any(gi == key[1] and gl == key[2] and same(key[0], gs) for gs, gi, gl in a.gold):
            y.append(1)
        elif any(gi == key[1] and gl == key[2] and same(key[0], gs) for gs, gi, gl in a.optional):
            y.append(-1)
        else:
            y.append(0)
    return ArticleStatements(names, F, np.asarray(y, dtype=np.int8))


def fit_statements(F: np.ndarray, y: np.ndarray, C: float):
    """(mean, scale, coef, intercept) of the statement stage's logistic regression (optional
    statements left out)."""
    from sklearn.linear_model import LogisticRegression

    keep = y >= 0
    Fk, yk = F[keep], (y[keep] > 0).astype(int)
    mean = Fk.mean(axis=0)
    scale = Fk.std(axis=0)
    scale[scale < 1e-9] = 1.0
    if yk.min() == yk.max():  # one class only: a constant probability
        return mean, scale, np.zeros(F.shape[1]), float(30.0 if yk[0] else -30.0)
    clf = LogisticRegression(C=C, max_iter=5000).fit((Fk - mean) / scale, yk)
    return mean, scale, clf.coef_[0].copy(), float(clf.intercept_[0])


def statement_proba(params, F: np.ndarray) -> np.ndarray:
    mean, scale, coef, intercept = params
    return 1.0 / (1.0 + np.exp(-(((F - mean) / scale) @ coef + intercept)))


def statements_predicted(s: ArticleStatements, scores, threshold: float) -> set:
    """The (speaker, issue, stance) set of an article's candidates scoring ``threshold`` or more."""
    return {key for key, p in zip(s.names, scores) if p >= threshold}


def cv_statements(rows: Sequence[ArticleRows], stmts: Sequence[ArticleStatements],
                  extra: Sequence[ArticleStatements], C: float, folds: int = FOLDS) -> list:
    """Statement-stage probabilities of every article's candidates from a stage fitted on the
    other folds (article ``n`` in fold ``n % folds``, as :func:`cv_probas`) and on ``extra``."""
    fold_of = np.arange(len(rows)) % max(2, min(folds, len(rows)))
    out: list = [np.zeros(0)] * len(rows)
    for k in sorted(set(fold_of)):
        train_s = [s for i, s in enumerate(stmts) if fold_of[i] != k] + list(extra)
        train_s = [s for s in train_s if len(s.y)]
        if not train_s:
            continue
        y = np.concatenate([s.y for s in train_s])
        if not (y > 0).any():
            continue
        params = fit_statements(np.vstack([s.F for s in train_s]), y, C)
        for i in range(len(rows)):
            if fold_of[i] == k and len(stmts[i].y):
                out[i] = statement_proba(params, stmts[i].F)
    return out


def train(gold_dirs: Sequence[str | Path], output: str | Path, *, resources: Resources | None = None,
          model: str | None = None, folds: int = FOLDS, progress=None,
          reviewed: Sequence[str | Path] = (), train_only: Sequence[str | Path] = ()) -> TrainReport:
    """Train the stance classifier on the gold directories and write it to ``output``.

    ``reviewed`` adds reviewed graph files or stores (see :mod:`stancegraph.review`):
    the articles in which a reviewer decided, with the reviewed coding as their gold.
    ``train_only`` adds gold directories whose articles join every cross-validation
    training fold but are never scored, so that the cross-validated figures stay those
    of the ``gold_dirs`` articles (and comparable with a model trained without them);
    the final model is fitted on all of them.

    >>> import tempfile, pathlib
    >>> train([], pathlib.Path(tempfile.mkdtemp()) / "m.npz")
    Traceback (most recent call last):
    ...
    stancegraph.errors.StanceGraphError: give at least one gold directory or reviewed graph
    """
    if not gold_dirs and not reviewed:
        raise StanceGraphError("give at least one gold directory or reviewed graph")
    if reviewed:
        import tempfile

        from .training_data import examples_from_reviewed, write_training_folder

        examples = examples_from_reviewed(reviewed)
        if not examples:
            raise StanceGraphError("no article has a review record to learn from", path=str(reviewed[0]),
                                   place="reviewed")
        with tempfile.TemporaryDirectory(prefix="stancegraph-reviewed-") as tmp:
            gold = write_training_folder(examples, tmp)
            return train([*gold_dirs, gold], output, resources=resources, model=model, folds=folds,
                         progress=progress, train_only=train_only)
    t0 = time.process_time()
    from .extract.stance.learned import StanceModel

    if train_only:
        scored = {doc["article"] for _, doc, _ in gold_articles(gold_dirs)}
        for f, doc, _ in gold_articles(train_only):
            if doc["article"] in scored:
                raise StanceGraphError(f"article {doc['article']} is in a scored gold directory too", path=str(f))
    items, rows, layer = training_rows([*gold_dirs, *train_only], resources=resources, model=model,
                                       progress=progress)
    n_scored = len(gold_articles(gold_dirs)) if train_only else len(rows)
    items, extra_items, rows, extra = items[:n_scored], items[n_scored:], rows[:n_scored], rows[n_scored:]
    y = np.concatenate([a.y for a in [*rows, *extra]])
    if not (y > 0).any():
        raise StanceGraphError("the gold statements match no utterance of the rule layer: nothing to learn from")
    n_issues = len(layer.features.issues)
    # cross-validation by article for the regularisation and the thresholds
    cv_by_c: dict[float, tuple[dict, dict, list]] = {}
    for c in CS:
        stmts: list = [ArticleStatements([], np.zeros((0, 0)), np.zeros(0, dtype=np.int8))] * len(rows)

        def keep(i, X, proba, stmts=stmts):
            stmts[i] = article_statements(rows[i], X, proba, n_issues)

        probas = cv_probas(rows, n_issues, c, folds, extra=extra, keep=keep)
        cv = {"rules": statement_scores(rows, [predicted(a, None, 1.0, "rules") for a in rows])}
        best = {}
        for mode in ("learned", "hybrid"):
            scored = [(statement_scores(rows, [predicted(a, p, t, mode) for a, p in zip(rows, probas)]), t)
                      for t in THRESHOLDS]
            sc, t = max(scored, key=lambda x: (x[0]["f1"], x[1]))
            cv[mode] = dict(sc, threshold=t, C=c)
            best[mode] = t
        cv_by_c[c] = (cv, best, stmts)
    C = max(CS, key=lambda c: (cv_by_c[c][0]["learned"]["f1"], -c))
    cv, best, stmts = cv_by_c[C]
    # the statement stage: trained on first-stage probabilities of articles the first stage did
    # not see (the scored ones from the cross-validation above, the training-only ones from a
    # cross-validation over all the articles), kept if it beats the utterance-level decision
    extra_stmts: list = []
    if extra:
        everything = [*rows, *extra]
        extra_stmts = [None] * len(extra)

        def keep_extra(i, X, proba):
            if i >= len(rows):
                extra_stmts[i - len(rows)] = article_statements(everything[i], X, proba, n_issues)

        cv_probas(everything, n_issues, C, folds, keep=keep_extra)
        extra_stmts = [s for s in extra_stmts if s is not None]
    statement = statement_threshold = None
    cv["utterance"] = cv["learned"]
    if any(len(s.y) for s in stmts):
        options = []
        for c2 in STATEMENT_CS:
            scores = cv_statements(rows, stmts, extra_stmts, c2, folds)
            for t in STATEMENT_THRESHOLDS:
                sc = statement_scores(rows, [statements_predicted(s, p, t) for s, p in zip(stmts, scores)])
                options.append((sc["f1"], t, -c2, sc))
        f1, t2, c2, sc = max(options)
        if f1 > cv["learned"]["f1"]:
            pool = [s for s in [*stmts, *extra_stmts] if len(s.y)]
            statement = fit_statements(np.vstack([s.F for s in pool]), np.concatenate([s.y for s in pool]), -c2)
            statement_threshold = t2
            cv["learned"] = dict(sc, threshold=t2, C=C, statement_C=-c2)
    everything = [*rows, *extra]
    prior = prior_of(everything, range(len(everything)), n_issues)
    X = np.vstack([with_prior(a, prior, True) for a in everything])
    mean, scale, coef, intercept = _fit(X, y, C)
    digest = training_digest([*items, *extra_items])
    meta = {"gold_dirs": [str(d) for d in gold_dirs], "train_only": [str(d) for d in train_only],
            "articles": len(everything), "cv_articles": len(rows), "cv": cv, "C": C, "folds": folds,
            "positives_as": "required and optional gold statements"}
    StanceModel(tuple(layer.features.issues), mean.astype(np.float32), scale.astype(np.float32),
                coef.astype(np.float32), intercept.astype(np.float32), best["learned"], best["hybrid"],
                layer.features.embedder.id, digest, meta, prior, statement, statement_threshold).save(output)
    return TrainReport(Path(output), len(everything), int((y >= 0).sum()), int((y > 0).sum()),
                       statement_threshold if statement is not None else best["learned"],
                       best["hybrid"], cv, digest, time.process_time() - t0, len(rows))


#: why a gold statement has (or lacks) a candidate utterance, in the order they are tested
COVERAGE_KINDS = (
    "covered",              # an utterance of the gold speaker overlaps the evidence
    "evidence not found",   # the evidence is not in the article's text
    "another speaker",      # utterances overlap the evidence, none of the gold speaker
    "narrated action",      # no utterance there; the speaker is a subject in the evidence, its verb no speech verb
    "speaker in evidence",  # no utterance there; the speaker is named in the evidence otherwise
    "speaker speaks elsewhere",  # no utterance there, the speaker not named in it, but an utterance's speaker
    "speaker missing",      # the speaker neither speaks in the article nor is named in the evidence
)


def _extent(pd, u) -> tuple[int, int]:
    """Article characters an utterance covers (its scope and its statement's span)."""
    toks = list(u.scope)
    if toks:
        extent = (min(pd.span(i, i + 1).begin for i in toks), max(pd.span(i, i + 1).end for i in toks))
    else:
        extent = (u.statement.span.begin, u.statement.span.end)
    return min(extent[0], u.statement.span.begin), max(extent[1], u.statement.span.end)


def _hits_evidence(extent: tuple[int, int], where: tuple[int, int] | None) -> bool:
    return where is not None and _overlap(extent, where) >= min(20, 0.3 * (where[1] - where[0]))


def candidate_coverage(extractor, article: Article, gold: dict, optional: bool = False) -> list[tuple[dict, str]]:
    """Each gold statement (required ones; with ``optional`` the optional ones too) of one article
    and its :data:`COVERAGE_KINDS`: whether the rule layer gives the classifier a candidate
    utterance for it, and if not, why not."""
    pd, index = extractor.parse(article)
    candidates, _ = extractor.utterances(pd, index)
    names = Names(gold.get("actors", []))

    def name_of(iri):
        actor = index.get(iri)
        return actor.name if actor else iri

    said = [(name_of(u.statement.speaker), _extent(pd, u)) for u in candidates]
    out = []
    for s in gold.get("statements", []):
        if s.get("stance") not in ("support", "oppose") or (s.get("optional") and not optional):
            continue
        where = locate(article.text, s.get("evidence", ""))
        over = [name for name, ext in said if _hits_evidence(ext, where)]
        if where is None:
            kind = "evidence not found"
        elif any(names.same(n, s["speaker"]) for n in over):
            kind = "covered"
        elif over:
            kind = "another speaker"
        else:
            toks = pd.tokens_in(*where)
            named = [i for i in toks if i in pd.tok_actor and names.same(name_of(pd.tok_actor[i]), s["speaker"])]
            verbs = [v for v in (_subject_of(pd.doc[i]) for i in named) if v is not None]
            if verbs and not any(extractor.cues.is_reporting(v) for v in verbs):
                kind = "narrated action"
            elif named:
                kind = "speaker in evidence"
            elif any(names.same(n, s["speaker"]) for n, _ in said):
                kind = "speaker speaks elsewhere"
            else:
                kind = "speaker missing"
        out.append((s, kind))
    return out


def _subject_of(tok):
    """The verb whose subject the noun phrase holding ``tok`` is, or None."""
    while tok.dep_ in ("compound", "flat", "amod", "poss", "case", "appos") and tok.head is not tok:
        tok = tok.head
    return tok.head if tok.dep_ in ("nsubj", "nsubjpass") else None
