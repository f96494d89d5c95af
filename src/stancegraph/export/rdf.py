"""The RDF exports: the graph (all named graphs but the store's bookkeeping) as Turtle,
N-Triples, JSON-LD (graph formats: the union of the graphs), TriG or N-Quads
(dataset formats: named graphs kept)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from ..errors import StanceGraphError
from ..fileio import write_bytes_atomic

RDF_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "nquads": ox.RdfFormat.N_QUADS, "jsonld": ox.RdfFormat.JSON_LD,
               "trig": ox.RdfFormat.TRIG, "ntriples": ox.RdfFormat.N_TRIPLES}


def export_rdf(store: ox.Store, fmt: str, out: str | Path) -> Path:
    if fmt not in RDF_FORMATS:
        raise StanceGraphError(f"unknown format {fmt!r} (use annotations, {', '.join(RDF_FORMATS)})")
    from ..ids import META_GRAPH

    f = RDF_FORMATS[fmt]
    content = [q for q in store if not (isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value == META_GRAPH)]
    tmp = ox.Store()
    if f in (ox.RdfFormat.TURTLE, ox.RdfFormat.N_TRIPLES, ox.RdfFormat.JSON_LD):
        # Graph formats: the union of all graphs (store bookkeeping left out).
        tmp.extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in content)
        data = tmp.dump(format=f, from_graph=ox.DefaultGraph())
    else:
        tmp.extend(content)
        data = tmp.dump(format=f)
    write_bytes_atomic(out, data)
    return Path(out)
