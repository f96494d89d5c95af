"""``stancegraph build --dask SCHEDULER``: the same per-article work on a Dask distributed cluster.

The build's process reads the corpus (a directory of ``.txt`` files or JSON
Lines files), skips unchanged articles, and cuts the rest into partitions of
``batch_size`` articles. Each partition is one task::

    process_partition(config, articles, input_hashes, path)

which runs on a Dask worker: the worker process builds its
:class:`~stancegraph.worker.Worker` (resources and spaCy model) on its first
task and keeps it for the next ones -- the model is never shipped in a task,
only the :class:`~stancegraph.worker.BuildConfig` (file paths and names).
The task parses the partition with ``nlp.pipe``, extracts, builds and
validates every article graph, and writes the partition's quads (one named
graph per article) to ONE N-Quads file, atomically. The build's process then
loads each partition file into the store with :meth:`pyoxigraph.Store.bulk_load`
and/or appends it to the output file.

Partition files go to ``partition_dir`` (default: a folder beside the output,
or the current folder): on a real multi-machine cluster it must be a folder
every worker and the client see at the same path (NFS, a shared volume), and
the resource files and the spaCy model package must be installed on every
worker. See the README ("Building on a cluster").

``scheduler``: an address (``tcp://10.0.0.5:8786``), a ``distributed.Client``,
or ``local`` / ``local:N`` for a :class:`distributed.LocalCluster` of N worker
processes on this machine.
"""

from __future__ import annotations

import dataclasses
import tempfile
from collections import deque
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from .errors import StanceGraphError
from .ingest import Article
from .worker import ArticleOutput, BuildConfig, worker_for


def process_partition(config: BuildConfig, articles: Sequence[Article], input_hashes: Sequence[str],
                      path: str) -> tuple[str, list[ArticleOutput]]:
    """One Dask task: a partition of articles to one N-Quads file (written atomically).

    Returns the model identity and the articles' outputs, without their triples (they are in the file).
    """
    import pyoxigraph as ox

    from .fileio import atomic_output
    from .ids import article_graph_iri

    from .store.persistent import content_hash

    w = worker_for(config)
    outputs = w.process(articles, input_hashes)
    hashes: dict[str, str] = {}  # the store's meta graph keeps each article's (partition_items)
    with atomic_output(path, "wb", encoding=None) as fh:
        for o in outputs:
            if o.skipped or o.ntriples is None:
                continue
            g = ox.NamedNode(article_graph_iri(o.article_id))
            triples = [q.triple for q in ox.parse(o.ntriples, ox.RdfFormat.N_TRIPLES)]
            hashes[o.article_id] = o.content_hash or content_hash(triples)
            ox.serialize((ox.Quad(t.subject, t.predicate, t.object, g) for t in triples), fh, ox.RdfFormat.N_QUADS)
    return w.model_id, [dataclasses.replace(o, ntriples=None, content_hash=hashes.get(o.article_id, o.content_hash))
                        for o in outputs]


def partition_items(outputs: Iterable[ArticleOutput]) -> list[tuple[str, str, int, str]]:
    """(article id, content hash, triple count, input hash) of a partition's articles, for the store's meta graph."""
    return [(o.article_id, o.content_hash, o.triples, o.input_hash) for o in outputs if not o.skipped]


class DaskEngine:
    """Run batches as Dask tasks (see the module notes); yields results in submission order."""

    name = "dask"

    def __init__(self, scheduler: Any, partition_dir: str | Path | None = None, inflight: int | None = None):
        self.scheduler = scheduler
        self.partition_dir = Path(partition_dir) if partition_dir else None
        self._inflight = inflight
        self.jobs = 0
        self._cluster = None
        self._client = None

    def _connect(self):
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise StanceGraphError("--dask needs dask.distributed: pip install 'stancegraph[dask]'") from None
        s = self.scheduler
        if not isinstance(s, str):
            return s
        if s == "local" or s.startswith("local:"):
            from .parallel import available_cores

            n = int(s.split(":", 1)[1]) if ":" in s else available_cores()
            self._cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                         dashboard_address=None)
            self._client = Client(self._cluster)
            return self._client
        try:
            self._client = Client(s, timeout=30)
        except (OSError, TimeoutError, ValueError) as exc:
            raise StanceGraphError(f"cannot reach the Dask scheduler: {' '.join(str(exc).split())}",
                                   place="dask") from None
        return self._client

    def run(self, config: BuildConfig, batches: Iterable) -> Iterator[tuple[Any, str | None, list, Path | None]]:
        client = self._connect()
        try:
            self.jobs = max(1, len(client.scheduler_info().get("workers", {})))
            inflight = self._inflight or 2 * self.jobs
            folder = self.partition_dir or Path(".")
            folder.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryDirectory(prefix=".stancegraph-parts-", dir=folder) as tmp:
                pending: deque = deque()
                n = 0
                for articles, hashes, tag in batches:
                    if not articles:
                        pending.append((tag, None, None))
                    else:
                        n += 1
                        path = str(Path(tmp) / f"part-{n:06d}.nq")
                        fut = client.submit(process_partition, config, list(articles), list(hashes), path,
                                            pure=False)
                        pending.append((tag, fut, path))
                    while len(pending) >= inflight:
                        yield self._result(*pending.popleft())
                while pending:
                    yield self._result(*pending.popleft())
        finally:
            if self._client is not None:
                self._client.close()
            if self._cluster is not None:
                self._cluster.close()

    @staticmethod
    def _result(tag, fut, path):
        if fut is None:
            return tag, None, [], None
        model_id, outputs = fut.result()
        return tag, model_id, outputs, Path(path)
