"""Engines that run batches of articles through :class:`stancegraph.worker.Worker`.

* :class:`LocalEngine` with ``jobs=1``: the worker runs in the build's process.
* :class:`LocalEngine` with ``jobs=N``: N worker processes (``spawn``), each
  loading the model once in its initializer; batches go out in order and
  come back in order, so the output is the same as with one job.
* :class:`stancegraph.distributed.DaskEngine`: the same batches on a Dask
  cluster.

An engine's ``run(config, batches)`` takes an iterator of
``(articles, input_hashes, tag)`` and yields ``(tag, model_id, outputs, part)``
in the order given (``part``: a partition file the outputs' triples were
written to, or None when they travel in ``ArticleOutput.ntriples``).

>>> LocalEngine(1).jobs
1
"""

from __future__ import annotations

import os
from collections import deque
from typing import Any, Iterable, Iterator, Sequence

from .ingest import Article
from .worker import BuildConfig, init_process, process_batch

Batch = tuple[Sequence[Article], Sequence[str], Any]


def available_cores() -> int:
    """The cores this process may run on (affinity mask where the OS has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


class LocalEngine:
    """Run batches in this process (``jobs=1``) or in a pool of ``jobs`` processes."""

    name = "local"

    def __init__(self, jobs: int = 1, inflight: int | None = None, resources=None):
        self.jobs = max(1, int(jobs))
        self.inflight = inflight or 2 * self.jobs
        self.resources = resources  # re-used by the in-process worker (jobs=1)

    def run(self, config: BuildConfig, batches: Iterable[Batch]) -> Iterator[tuple[Any, str, list, None]]:
        if self.jobs == 1:
            for articles, hashes, tag in batches:
                if not articles:  # only unchanged articles: nothing to parse, no model to load
                    yield tag, None, [], None
                    continue
                model_id, outputs = process_batch(config, articles, hashes, self.resources)
                yield tag, model_id, outputs, None
            return
        import multiprocessing as mp
        from concurrent.futures import Future, ProcessPoolExecutor

        ctx = mp.get_context("spawn")
        with ProcessPoolExecutor(max_workers=self.jobs, mp_context=ctx, initializer=init_process,
                                 initargs=(config,)) as pool:
            pending: deque = deque()
            for articles, hashes, tag in batches:
                if not articles:
                    done: Future = Future()
                    done.set_result((None, []))
                    pending.append((tag, done))
                    continue
                pending.append((tag, pool.submit(process_batch, config, list(articles), list(hashes))))
                while len(pending) >= self.inflight:
                    tag0, fut = pending.popleft()
                    model_id, outputs = fut.result()
                    yield tag0, model_id, outputs, None
            while pending:
                tag0, fut = pending.popleft()
                model_id, outputs = fut.result()
                yield tag0, model_id, outputs, None
