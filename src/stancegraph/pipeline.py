"""The main job: ingest -> extract -> graph -> validate -> write, streaming article by article.

Usage from Python (what ``stancegraph build`` runs)::

    from stancegraph.pipeline import build
    result = build(["data/articles"], "graph.ttl", jobs=2)
    print(result.summary())

How a build runs:

1. Articles are read lazily (:func:`stancegraph.ingest.iter_articles`). With a
   store, each article's input hash (text, metadata, model, resource files,
   extractor code: :func:`stancegraph.worker.article_input_hash`) is compared
   with the one recorded at the last build; an unchanged article is not parsed.
2. The others go in batches to an engine (:mod:`stancegraph.parallel`: this
   process, ``jobs`` local processes, or a Dask cluster) whose workers parse
   each batch with ``nlp.pipe``, extract, build and validate every article
   graph with the static nodes it references (:mod:`stancegraph.worker`).
3. This process only writes: each article's triples go straight to the
   output file and/or the store as the article comes back. No graph of the
   whole corpus is ever built in memory.
4. The static graphs are written once and validated once per change of their
   files (:mod:`stancegraph.static_check`); nodes that several articles
   describe (actors minted from the text) are validated again together at
   the end, when their descriptions differ.

A file output is renamed into place only when the whole build succeeded.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from .errors import StanceGraphError
from .fileio import check_writable
from .ingest import Article, Skipped, iter_articles
from .knowledge import Resources, load_resources
from .validate import Report, Violation
from .worker import ArticleOutput, BuildConfig, article_input_hash, input_fingerprint, loading_pause, model_identity

SMALL_CORPUS = 16
"""Below this many articles to parse, the default engine stays in this process (starting
workers and loading the model in each costs more than it saves)."""


@dataclass
class BuildResult:
    output: Path | None
    articles: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    actors: int = 0
    statements: int = 0
    positions: int = 0
    claims: int = 0
    triples: int = 0
    seconds: float = 0.0
    report: Report | None = None
    warnings: list[str] = field(default_factory=list)
    ingest_warnings: list[str] = field(default_factory=list)  # odd years, unclosed headers (kept articles)
    unchanged: int = 0
    jobs: int = 1
    engine: str = "local"
    static_check: str = ""
    store_dir: Path | None = None
    store_counts: dict[str, int] = field(default_factory=dict)
    reviews: int = 0
    review_problems: list[str] = field(default_factory=list)
    description: Path | None = None

    def summary(self) -> str:
        s = (f"built {self.output or 'graph'}: {self.articles} articles, {self.actors} actors, "
             f"{self.statements} statements, {self.positions} positions, {self.claims} claims, "
             f"{self.triples} triples in {self.seconds:.1f} s")
        if self.unchanged:
            s += f" ({self.unchanged} unchanged, not parsed again)"
        if self.skipped:
            s += f"; {len(self.skipped)} skipped"
        if self.store_dir is not None:
            c = self.store_counts
            s += (f"\nstore {self.store_dir}: {c.get('added', 0)} added, {c.get('replaced', 0)} replaced, "
                  f"{c.get('unchanged', 0)} unchanged")
        if self.reviews:
            s += f"\nkept {self.reviews} review records"
        return s


class _Shared:
    """Triples about nodes outside any one article (actors minted from text), across articles.

    Every article graph is validated on its own; a node two articles describe
    differently is validated again with both descriptions at the end.
    """

    def __init__(self) -> None:
        self.lines: dict[str, set[str]] = {}
        self.changed: set[str] = set()

    def add(self, lines: Iterable[str]) -> None:
        by_subject: dict[str, list[str]] = {}
        for line in lines:
            by_subject.setdefault(line.split(" ", 1)[0], []).append(line)
        for subject, ls in by_subject.items():
            have = self.lines.get(subject)
            if have is None:
                self.lines[subject] = set(ls)
            elif not have.issuperset(ls):
                have.update(ls)
                self.changed.add(subject)

    def count(self) -> int:
        return sum(len(v) for v in self.lines.values())

    def check(self, static_ox: dict) -> None:
        """``static_ox``: the static graphs as pyoxigraph triples (ontology, codebook, gazetteer)."""
        if not self.changed:
            return
        import pyoxigraph as ox

        from .shacl_sparql import validate_oxigraph
        from .worker import StaticContext

        def parse(lines) -> list:
            return [q.triple for q in ox.parse("\n".join(lines) + "\n", ox.RdfFormat.N_TRIPLES)]

        triples = parse(line for s in sorted(self.changed) for line in sorted(self.lines[s]))
        for o in {t.object for t in triples}:
            key = f"<{o.value}>" if isinstance(o, ox.NamedNode) else None
            if key in self.lines and key not in self.changed:
                triples += parse(self.lines[key])
        nodes = {t.object for t in triples} | {t.subject for t in triples}
        ctx = StaticContext(static_ox["codebook"], [static_ox["gazetteer"]])
        store = ox.Store()
        store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object)
                          for t in triples + ctx.triples_for(nodes) + static_ox["ontology"])
        report = validate_oxigraph(store)
        if not report.conforms:
            raise StanceGraphError(
                f"actors described by several articles do not conform together "
                f"({len(report.errors)} violations); nothing written", details=report.text(20).split("\n"))


def _engine(jobs: int | None, dask: str | None, todo: int, batch_size: int, resources=None):
    from .parallel import LocalEngine, available_cores

    if dask:
        from .distributed import DaskEngine

        return DaskEngine(dask)
    if jobs is None:
        jobs = available_cores() if todo >= SMALL_CORPUS else 1
    if jobs < 1:
        raise StanceGraphError(f"`jobs` must be 1 or more, not {jobs}", place="jobs")
    return LocalEngine(jobs, resources=resources)


def build(paths: Iterable[str | Path], output: str | Path | None = "graph.ttl", *,
          resources: Resources | None = None, data_dir: str | Path | None = None,
          codebook: str | Path | None = None, gazetteer: str | Path | None = None,
          territories: str | Path | None = None, model: str | None = None,
          progress: Callable[[int, int, str], None] | None = None,
          validate: bool = True, store_dir: str | Path | None = None,
          jobs: int | None = None, dask: str | None = None, batch_size: int = 32,
          license: str | None = None, endpoint: str | None = None,
          stage: Callable[[str], None] | None = None,
          stances: str | None = None, stances_model: str | Path | None = None) -> BuildResult:
    """Build the knowledge graph of the articles under ``paths``, writing it as it goes.

    Parameters
    ----------
    paths : files or folders of articles (.txt, .jsonl)
    output : .ttl, .nt or .nq file, or None (with ``store_dir``)
    jobs : worker processes (default: the cores available; 1 runs in this process)
    dask : a Dask scheduler address (``tcp://host:8786``) or a ``distributed.Client``
    batch_size : articles per batch (one ``nlp.pipe`` call and one validation run)
    store_dir : also write into (and skip what is unchanged in) this on-disk store
    license, endpoint : recorded in the build's VoID + DCAT description, written beside
        ``output`` (``graph.ttl`` -> ``graph.void.ttl``, :mod:`stancegraph.provenance`)
    stances : the stance detector by name (``STANCE_DETECTORS``); stances_model : the model
        file of a learned one; the detector's id goes into the run's provenance
    stage : told each step after extraction (``"validating static graphs (SHACL)"``,
        ``"writing ..."``), for progress messages

    One unreadable article, or one whose graph does not conform to the shapes,
    is reported in ``result.skipped`` and left out.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from stancegraph.ingest import parse_text
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a1.txt").write_text("Ann Example said the talks failed.")
    >>> build([d], d / "g.ttl", jobs=1).articles
    1
    """
    t0 = time.perf_counter()
    tell = stage or (lambda what: None)
    paths = list(paths)
    with loading_pause():
        from .extract.stance import detector_spec

        res = resources or load_resources(data_dir, codebook=codebook, gazetteer=gazetteer, territories=territories)
        stance_name, stance_options = detector_spec(res, stances, stances_model)
    config = BuildConfig.from_resources(res, model, validate, batch_size, stance_name, stance_options)
    fingerprint = input_fingerprint(config)
    result = BuildResult(output=Path(output) if output else None)
    result.ingest_warnings.extend(getattr(res, "warnings", ()))
    sink = None
    store = None
    # Problems with the outputs are found now, before the long work.
    if output:
        check_writable(output)
    carried: list = []
    if output:  # a graph file being rebuilt keeps the review records it holds (stancegraph.review)
        from .review import carried_reviews

        carried, result.review_problems = carried_reviews(output)
    if store_dir:
        from .preflight import check_store_dir
        from .sinks import StoreSink

        check_store_dir(Path(store_dir))
        store = StoreSink(Path(store_dir))
    try:
        if output:
            from .sinks import open_file_sink

            sink = open_file_sink(output)
        _run(paths, res, config, fingerprint, result, sink, store, progress, jobs, dask, batch_size, tell)
        from .review import review_check

        if store is not None:  # the store's review graph is never touched by a build
            review_check(result, store.store)
        if sink is not None:
            if carried:
                sink.add_triples("review", carried, static=True)
                result.triples += len(carried)
            tell(f"writing {output}")
            sink.commit()
            from .fileio import write_bytes_atomic
            from .provenance import describe_build, description_path, run_iri
            from .turtle import project_prefixes, turtle_bytes

            result.description = description_path(output)
            desc = describe_build(sink.stats, run_iri(fingerprint), graph_file=Path(output).name,
                                  license=license, endpoint=endpoint, triples=result.triples)
            write_bytes_atomic(result.description, turtle_bytes(desc, project_prefixes()))
            sink = None
            if carried:
                review_check(result, graph_file=Path(output))
    except KeyboardInterrupt:
        from .preflight import interrupted

        raise interrupted(result, output, store_dir) from None
    finally:
        if sink is not None:
            sink.abort()
        if store is not None:
            store.close()
            result.store_dir = Path(store_dir)
    result.seconds = time.perf_counter() - t0
    return result


def _run(paths, res, config, fingerprint, result, sink, store, progress, jobs, dask, batch_size, tell) -> None:
    from .extract.stance import detector_identity
    from .graph import static_triples
    from .provenance import run_iri

    tell("extracting articles")

    items = iter_articles(paths)
    seen_any = False
    done = 0
    # look ahead far enough to choose the engine and spread a small corpus over the workers
    head: list[Article] = []
    unchanged_head: list[tuple[Article, str]] = []
    lookahead = max(SMALL_CORPUS, 4 * batch_size)

    def classify(item) -> tuple[str, Any]:
        nonlocal seen_any
        if isinstance(item, Skipped):
            result.skipped.append(item)
            return "skip", None
        seen_any = True
        result.ingest_warnings.extend(item.warnings)
        h = article_input_hash(item, fingerprint)
        if store is not None and store.input_hash(item.id) == h:
            return "same", (item, h)
        return "parse", (item, h)

    it = iter(items)
    pending_head: list = []
    for item in it:
        kind, val = classify(item)
        if kind == "skip":
            continue
        pending_head.append((kind, val))
        if kind == "parse":
            head.append(val[0])
            if len(head) >= lookahead:
                break
    engine = _engine(jobs, dask, len(head), batch_size, res)
    result.jobs = getattr(engine, "jobs", 1)
    result.engine = engine.name
    size = batch_size
    if len(head) < lookahead and result.jobs > 1 and head:
        size = max(1, -(-len(head) // result.jobs))  # spread a small corpus over all workers
    order: list = []  # tags in submission order, for unchanged articles copied in place

    def batches() -> Iterator[tuple[list[Article], list[str], list]]:
        batch: list[Article] = []
        hashes: list[str] = []
        tag: list = []
        def stream():
            yield from pending_head
            for x in it:
                k, v = classify(x)
                if k != "skip":
                    yield k, v

        for kind, (article, h) in stream():
            if kind == "same":
                tag.append(("same", article, h))
                continue
            batch.append(article)
            hashes.append(h)
            tag.append(("parse", article, h))
            if len(batch) >= size:
                yield batch, hashes, tag
                batch, hashes, tag = [], [], []
        if batch or tag:
            yield batch, hashes, tag

    shared = _Shared()
    actors: set[str] = set()
    model_id = None
    local_triples = 0

    def tick(aid: str) -> None:
        nonlocal done
        done += 1
        if progress:
            progress(done, 0, aid)

    for tag, mid, outputs, part in engine.run(config, batches()):
        model_id = model_id or mid
        by_id = {o.article_id: o for o in outputs}
        part_items = []
        for kind, article, h in tag:
            if kind == "same":
                result.unchanged += 1
                result.articles += 1
                result.store_counts["unchanged"] = result.store_counts.get("unchanged", 0) + 1
                if sink is not None:
                    triples = store.article_triples(article.id)
                    local_triples += len(triples)
                    sink.add_triples(article.id, triples)
                else:
                    local_triples += store.triple_count(article.id)
                tick(article.id)
                continue
            out = by_id[article.id]
            tick(article.id)
            if out.skipped:
                result.skipped.append(Skipped(out.source, out.place, out.skipped))
                continue
            _count(result, out, actors)
            result.warnings.extend(out.warnings)
            shared.add(out.shared)
            local_triples += out.triples - len(out.shared)
            if part is None:
                if sink is not None:
                    sink.add_ntriples(out.article_id, out.ntriples)
                if store is not None:
                    import pyoxigraph as ox

                    status = store.put(out.article_id,
                                       [q.triple for q in ox.parse(out.ntriples, ox.RdfFormat.N_TRIPLES)],
                                       out.input_hash, out.content_hash)
                    result.store_counts[status] = result.store_counts.get(status, 0) + 1
            else:
                part_items.append(out)
        if part is not None:
            if sink is not None:
                sink.add_nquads_file(part)
            if store is not None:
                from .distributed import partition_items

                for k, v in store.bulk_load_partition(part, partition_items(part_items)).items():
                    result.store_counts[k] = result.store_counts.get(k, 0) + v
            Path(part).unlink(missing_ok=True)
    result.jobs = getattr(engine, "jobs", result.jobs) or result.jobs
    if not seen_any:
        detail = f" ({result.skipped[0].oneline()})" if result.skipped else ""
        raise StanceGraphError(f"no readable articles in {', '.join(map(str, paths))}{detail}")
    if result.articles == 0:
        raise StanceGraphError("no article could be processed: " +
                               "; ".join(s.oneline() for s in result.skipped[:3]))
    model_id = model_id or model_identity(config.model)
    static_ox = static_triples(res, model_id, run_iri(fingerprint), *detector_identity(config.stances,
                                                                                   dict(config.stance_options)))
    if config.validate:
        from .static_check import check_static

        tell("validating static graphs (SHACL)")
        result.static_check = check_static(static_ox, fingerprint + model_id)
        tell("validating actors described by several articles (SHACL)")
        shared.check(static_ox)
    # what was written conforms (an article whose graph does not is skipped); the advice
    # (warnings, infos) comes back from the workers as lines that start with the severity
    result.report = Report(True, [], [Violation.from_line(w) for w in result.warnings])
    tell("writing static graphs")
    if sink is not None:
        for name, triples in static_ox.items():
            sink.add_static(name, triples, cache_key=fingerprint + model_id)
    if store is not None:
        for name, triples in static_ox.items():
            store.put_static(name, triples)
    result.actors = len(actors)
    # the union of the static graphs: a triple two of them hold counts once (their blank nodes
    # are their own: each graph's conversion makes fresh ones)
    result.triples = len(set().union(*static_ox.values())) + local_triples + shared.count()


def _count(result: BuildResult, out: ArticleOutput, actors: set[str]) -> None:
    result.articles += 1
    result.statements += out.statements
    result.positions += out.positions
    result.claims += out.claims
    actors.update(out.actors)
