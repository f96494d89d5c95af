"""The RDF exports, one writer for all: the graph as Turtle, N-Triples, JSON-LD (graph formats:
the union of the graphs), or TriG, N-Quads (dataset formats: named graphs kept).

The store's bookkeeping graph (content hashes) is left out unless asked for.
Formats come from the one table :mod:`stancegraph.store.formats`; files are
written atomically.

>>> import tempfile, pathlib
>>> from stancegraph.store import load_text
>>> st = load_text('<urn:a> <urn:p> "x" .', "nt")
>>> p = export_rdf(st, "ntriples", pathlib.Path(tempfile.mkdtemp()) / "g.nt")
>>> print(p.read_text(), end="")
<urn:a> <urn:p> "x" .
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

import pyoxigraph as ox

from ..errors import StanceGraphError
from ..fileio import atomic_output
from ..store.formats import RDF_FORMATS, RdfFileFormat, for_name, for_path

EXPORT_FORMATS = {name: f for name, f in RDF_FORMATS.items() if f.export}
"""The RDF formats ``stancegraph export`` offers."""

def _content(store: ox.Store, include_meta: bool) -> Iterator[ox.Quad]:
    from ..ids import META_GRAPH  # imported here: the registry is read by `stancegraph --help`

    meta = ox.NamedNode(META_GRAPH)
    for q in store.quads_for_pattern(None, None, None, None):
        if include_meta or q.graph_name != meta:
            yield q


def _write(store: ox.Store, f: RdfFileFormat, out: Path, include_meta: bool) -> int:
    """Write the export; returns the number of quads (dataset) or distinct triples (graph) written."""
    from ..namespaces import prefix_map

    prefixes = prefix_map() if f.oxigraph in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None
    counted = 0

    def counting(quads: Iterable[ox.Quad]) -> Iterator[ox.Quad]:
        nonlocal counted
        for q in quads:
            counted += 1
            yield q

    try:
        with atomic_output(out, "wb", encoding=None) as handle:
            if f.dataset:
                ox.serialize(counting(_content(store, include_meta)), handle, f.oxigraph, prefixes=prefixes)
            else:
                union = ox.Store()  # a triple in several graphs is written once
                union.extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph())
                             for q in _content(store, include_meta))
                counted = len(union)
                if f.oxigraph in (ox.RdfFormat.TURTLE, ox.RdfFormat.JSON_LD):
                    # readable: sorted, grouped Turtle; compacted JSON-LD with the shipped context
                    from .linked_data import jsonld_bytes, turtle_of

                    triples = (q.triple for q in union)
                    handle.write(turtle_of(triples) if f.oxigraph == ox.RdfFormat.TURTLE else jsonld_bytes(triples))
                else:
                    union.dump(handle, f.oxigraph, from_graph=ox.DefaultGraph(), prefixes=prefixes)
    except OSError as exc:
        raise StanceGraphError(f"cannot write export: {exc.strerror or exc}", path=out) from None
    return counted


def export_rdf(store: ox.Store, fmt: str, out: str | Path, include_meta: bool = False) -> Path:
    """Write ``store`` as ``fmt`` (a name of :data:`EXPORT_FORMATS`) to ``out``; returns the path."""
    if fmt not in EXPORT_FORMATS:
        raise StanceGraphError(f"unknown format {fmt!r} (use annotations, {', '.join(EXPORT_FORMATS)})")
    _write(store, EXPORT_FORMATS[fmt], Path(out), include_meta)
    return Path(out)


def export_dataset(store: ox.Store, path: str | Path, fmt: str | None = None,
                   include_meta: bool = False) -> int:
    """Write the whole dataset, named graphs kept, as TriG or N-Quads; returns the number of quads.

    ``fmt``: a dataset format's name or suffix (``trig``, ``nquads``, ``nq``); None: from the
    suffix of ``path``. The store's meta graph is left out unless ``include_meta``.
    """
    target = Path(path)
    try:
        f = for_name(fmt) if fmt is not None else for_path(target)
    except StanceGraphError:
        f = None
    if f is None or not f.dataset:
        if fmt is None:
            raise StanceGraphError("cannot tell the dataset format from the suffix (use .trig or .nq)", path=target)
        names = ", ".join(n for n, x in RDF_FORMATS.items() if x.dataset)
        raise StanceGraphError(f"unknown dataset format '{fmt}' (use {names})", path=target)
    return _write(store, f, target, include_meta)
