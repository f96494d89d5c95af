"""Where a streaming build writes: a graph file (Turtle, N-Triples, N-Quads) and/or the store.

Each article's triples are written as the article finishes; nothing holds the
graph of the whole corpus. Turtle is written by :mod:`stancegraph.turtle`: one
``@prefix`` header, then each article's (and each static graph's) subjects
grouped and sorted, so the same input gives the same bytes. The sink also
counts what it writes (:class:`stancegraph.provenance.BuildStats`) for the
build's description. Files are written to a temporary file beside the
target and renamed onto it only when the build succeeds (``commit``), so a
failed build leaves the previous output in place.

>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "g.ttl"
>>> sink = open_file_sink(out)
>>> sink.add_ntriples("a1", b'<https://w3id.org/stancegraph/id/article/a1> <urn:p> "x" .\\n')
>>> sink.commit()
>>> "<urn:p>" in out.read_text()
True
"""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable

import pyoxigraph as ox

from .errors import StanceGraphError
from .fileio import current_umask, fsync_dir
from .namespaces import prefix_map, turtle_prefixes
from .provenance import BuildStats
from .turtle import turtle_bytes

TURTLE_PREFIXES = prefix_map()

STREAMED = ("turtle", "ntriples", "nquads")
"""The formats of :mod:`stancegraph.store.formats` a build can stream its output in."""


class FileSink:
    """Append-only writer of one RDF file, renamed into place on :meth:`commit`."""

    def __init__(self, path: Path, kind: str):
        self.path = path
        self.kind = kind
        folder = path.parent if str(path.parent) else Path(".")
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd, self._tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        except OSError as exc:
            raise StanceGraphError(f"cannot write: {exc.strerror or exc}", path=path) from None
        self._fh = os.fdopen(fd, "wb")
        self.stats = BuildStats()
        with self._writing():
            os.fchmod(fd, 0o666 & ~current_umask())  # the umask, as for any new file (mkstemp makes 0600)
            if kind == "turtle":
                self._fh.write(turtle_prefixes().encode() + b"\n")

    @contextmanager
    def _writing(self):
        """A full disk or another write error: one line naming the output, not a traceback."""
        try:
            yield
        except OSError as exc:
            raise StanceGraphError(f"cannot write: {exc.strerror or exc}", path=self.path) from None

    def _graph_iri(self, name: str, static: bool):
        from .ids import article_graph_iri, static_graph_iri

        return ox.NamedNode(static_graph_iri(name) if static else article_graph_iri(name))

    def add_triples(self, name: str, triples: Iterable[ox.Triple], static: bool = False) -> None:
        """Write the triples of article ``name`` (or of static graph ``name``)."""
        with self._writing():
            self._add_triples(name, triples, static)

    def _add_triples(self, name: str, triples: Iterable[ox.Triple], static: bool) -> None:
        triples = list(triples)
        self.stats.add(triples)
        if self.kind == "nquads":
            g = self._graph_iri(name, static)
            ox.serialize((ox.Quad(t.subject, t.predicate, t.object, g) for t in triples), self._fh,
                         ox.RdfFormat.N_QUADS)
        elif self.kind == "ntriples":
            ox.serialize(triples, self._fh, ox.RdfFormat.N_TRIPLES)
        else:
            # the header holds the prefixes once; each chunk is sorted and grouped on its own
            self._fh.write(turtle_bytes(triples, TURTLE_PREFIXES, header=False))
            self._fh.write(b"\n")

    def add_static(self, name: str, triples: list[ox.Triple], cache_key: str | None = None) -> None:
        """Write static graph ``name``. Its Turtle (sorted and grouped: the slow writer) is kept in
        ``$STANCEGRAPH_CACHE`` under ``cache_key`` (what the graph is made from: resource files,
        model, run) and copied from there by the next build with the same key."""
        if self.kind != "turtle" or cache_key is None:
            self.add_triples(name, triples, static=True)
            return
        import hashlib

        from . import turtle
        from .static_check import cache_dir

        h = hashlib.sha256(f"{cache_key} {name} {sorted(TURTLE_PREFIXES.items())}".encode())
        h.update(Path(turtle.__file__).read_bytes())  # the writer's code: a changed writer writes again
        path = cache_dir() / f"static-{h.hexdigest()[:32]}.ttl"
        try:
            data = path.read_bytes()
        except OSError:
            data = turtle_bytes(triples, TURTLE_PREFIXES, header=False) + b"\n"
            try:
                from .fileio import write_bytes_atomic

                write_bytes_atomic(path, data)
            except (StanceGraphError, OSError):
                pass  # an unwritable cache only means the Turtle is written again next time
        self.stats.add(triples)
        with self._writing():
            self._fh.write(data)

    def add_ntriples(self, name: str, data: bytes, static: bool = False) -> None:
        if self.kind == "ntriples":
            self.stats.add_ntriples(data)
            with self._writing():
                self._fh.write(data)
            return
        if self.kind == "nquads":
            # each N-Triples line with the graph before its final " .": the bytes the N-Quads writer
            # makes of the same triples, without a Python object per triple (a line break inside a
            # literal is written escaped, so " .\n" only ever ends a line)
            self.stats.add_ntriples(data)
            graph = f" {self._graph_iri(name, static)} .\n".encode()
            with self._writing():
                self._fh.write(data.replace(b" .\n", graph))
            return
        self.add_triples(name, [q.triple for q in ox.parse(data, ox.RdfFormat.N_TRIPLES)], static)

    def add_nquads_file(self, path: Path) -> None:
        """Copy a partition file of article quads (``--dask``) into this output."""
        if self.kind == "nquads":
            self.stats.add(q.triple for q in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS))
            with open(path, "rb") as fh:
                while block := fh.read(1 << 20):
                    self._fh.write(block)
            return
        by_graph: dict = {}
        for q in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS):
            by_graph.setdefault(q.graph_name, []).append(q.triple)
            if len(by_graph) > 64:
                self._flush_groups(by_graph)
        self._flush_groups(by_graph)

    def _flush_groups(self, by_graph: dict) -> None:
        from .ids import ARTICLE_GRAPH_PREFIX

        for g, triples in by_graph.items():
            self.add_triples(g.value[len(ARTICLE_GRAPH_PREFIX):], triples)
        by_graph.clear()

    def commit(self) -> None:
        """Flush to disk (fsync) and rename onto the target."""
        with self._writing():
            self._fh.flush()
            os.fsync(self._fh.fileno())
            self._fh.close()
            os.replace(self._tmp, self.path)
        fsync_dir(self.path.parent if str(self.path.parent) else Path("."))

    def abort(self) -> None:
        try:
            self._fh.close()
        except OSError:
            pass
        finally:
            try:
                os.unlink(self._tmp)
            except OSError:
                pass


def open_file_sink(path: str | Path) -> FileSink:
    from .store.formats import RDF_FORMATS, for_path

    p = Path(path)
    try:
        kind = for_path(p).name
    except StanceGraphError:
        kind = None
    if kind not in STREAMED:
        suffixes = ", ".join(RDF_FORMATS[k].suffix for k in STREAMED)
        raise StanceGraphError(f"cannot write a build to '{p.suffix}' (use {suffixes})", path=p)
    return FileSink(p, kind)


class StoreSink:
    """Writes each article into its named graph of an on-disk Oxigraph store as it finishes.

    Alongside the content hash the meta graph records the article's input hash
    (text, model, resources, extractor version: :func:`stancegraph.worker.article_input_hash`),
    so the next build recognises an unchanged article before parsing it.
    """

    def __init__(self, path: Path):
        from .store import persistent

        self.path = path
        self.p = persistent
        self._session = persistent.session(path)
        self.store = self._session.__enter__()

    def input_hash(self, article_id: str) -> str | None:
        node = ox.NamedNode(self.p.article_graph_iri(article_id))
        q = next(iter(self.store.quads_for_pattern(node, INPUT_HASH, None, ox.NamedNode(self.p.META_GRAPH))), None)
        return q.object.value if q is not None else None

    def triple_count(self, article_id: str) -> int:
        return self.p._stored(self.store, self.p.article_graph_iri(article_id))[1] or 0

    def article_triples(self, article_id: str) -> list[ox.Triple]:
        g = ox.NamedNode(self.p.article_graph_iri(article_id))
        return [q.triple for q in self.store.quads_for_pattern(None, None, None, g)]

    def put(self, article_id: str, triples: list[ox.Triple], input_hash: str, digest: str | None = None) -> str:
        return self.p.put_article(self.store, article_id, triples, extra_meta={"inputHash": input_hash},
                                  digest=digest)

    def put_static(self, name: str, graph) -> bool:
        return self.p.put_static(self.store, name, graph)

    def bulk_load_partition(self, path: Path, items: list[tuple[str, str, int, str]]) -> dict[str, int]:
        """Load one partition file (``--dask``) with :meth:`pyoxigraph.Store.bulk_load`.

        ``items``: (article id, content hash, triple count, input hash) of the articles in it.
        Graphs of those articles already in the store are dropped first; their meta entries are
        rewritten. Returns counts of "added" and "replaced".
        """
        counts: dict[str, int] = {}
        meta = ox.NamedNode(self.p.META_GRAPH)
        quads = []
        for aid, digest, count, ih in items:
            iri = self.p.article_graph_iri(aid)
            node = ox.NamedNode(iri)
            exists = self.store.contains_named_graph(node)
            if exists:
                self.store.update(f"DROP GRAPH <{iri}> ; DELETE WHERE {{ GRAPH <{self.p.META_GRAPH}> "
                                  f"{{ <{iri}> ?p ?o }} }}")
            counts["replaced" if exists else "added"] = counts.get("replaced" if exists else "added", 0) + 1
            for key, value in (("contentHash", digest), ("tripleCount", count), ("graphKind", "article"),
                               ("articleId", aid), ("inputHash", ih)):
                lit = ox.Literal(value) if isinstance(value, str) else ox.Literal(
                    str(value), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
                quads.append(ox.Quad(node, ox.NamedNode(self.p.STORE_NS + key), lit, meta))
        self.store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
        self.store.extend(quads)
        return counts

    def close(self) -> None:
        """Flush and close the store (its lock released now, not at the next garbage collection)."""
        self._session.__exit__(None, None, None)


INPUT_HASH = ox.NamedNode("https://w3id.org/stancegraph/store#inputHash")
