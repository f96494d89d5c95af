"""Turtle and JSON-LD people and tools can read: prefixed, one node per subject, deterministic.

* Turtle (:func:`export_turtle`): :mod:`stancegraph.turtle` -- ``@prefix``
  lines, subjects grouped and sorted, blank nodes inline; the same graph
  always gives the same bytes.
* JSON-LD (:func:`export_jsonld`): compacted with the project's shipped
  context (``ontology/context.jsonld``, the one prefix table): ``@context``
  first, then ``@graph`` with ONE node object per subject, ids and
  properties as compact IRIs (``sg:Statement``, ``act:vladimir-putin``).
  Any JSON-LD processor (PyLD, jsonld.js, Jena) expands it back to the same
  triples.

>>> import pyoxigraph as ox, tempfile, pathlib, json
>>> st = ox.Store(); st.add(ox.Quad(ox.NamedNode("https://w3id.org/stancegraph/id/actor/anna"),
...     ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"), ox.Literal("Anna", language="en")))
>>> p = export_jsonld(st, pathlib.Path(tempfile.mkdtemp()) / "g.jsonld")
>>> doc = json.loads(p.read_text()); doc["@graph"][0]["@id"], doc["@graph"][0]["skos:prefLabel"]
('act:anna', {'@language': 'en', '@value': 'Anna'})
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import pyoxigraph as ox

from .. import paths
from ..fileio import write_bytes_atomic, write_text_atomic
from ..ids import META_GRAPH


def content_triples(store: ox.Store) -> Iterable[ox.Triple]:
    """Every triple of every graph but the store's bookkeeping graph."""
    for q in store:
        if not (isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value == META_GRAPH):
            yield q.triple


def context_file() -> Path:
    return paths.project_root() / "ontology" / "context.jsonld"


@lru_cache(maxsize=1)
def context() -> dict:
    """The shipped JSON-LD context (the ``@context`` object of ``ontology/context.jsonld``)."""
    return json.loads(context_file().read_text(encoding="utf-8"))["@context"]


def export_turtle(store: ox.Store, out: str | Path) -> Path:
    """Readable, deterministic Turtle of the union of the graphs."""
    from ..turtle import project_prefixes, turtle_bytes

    write_bytes_atomic(out, turtle_bytes(content_triples(store), project_prefixes()))
    return Path(out)


def jsonld_document(store: ox.Store) -> dict:
    """The union of the graphs as compacted JSON-LD with the shipped context."""
    from rdflib import Graph

    g = Graph()
    nt = ox.serialize(content_triples(store), format=ox.RdfFormat.N_TRIPLES)
    g.parse(data=nt.decode("utf-8"), format="nt")
    ctx = context()
    doc = json.loads(g.serialize(format="json-ld", context=ctx, auto_compact=True, sort_keys=True))
    nodes = doc.get("@graph", [] if "@id" not in doc else [{k: v for k, v in doc.items() if k != "@context"}])
    nodes.sort(key=lambda n: str(n.get("@id", "")))
    return {"@context": ctx, "@graph": nodes}


def export_jsonld(store: ox.Store, out: str | Path) -> Path:
    """Compacted JSON-LD (shipped ``@context``, one node object per subject); returns the path."""
    write_text_atomic(out, json.dumps(jsonld_document(store), ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    return Path(out)


__all__ = ["content_triples", "context", "export_jsonld", "export_turtle", "jsonld_document"]
