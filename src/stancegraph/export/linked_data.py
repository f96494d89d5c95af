"""Turtle and JSON-LD people and tools can read: prefixed, one node per subject.

:func:`stancegraph.export.export_rdf` writes its ``turtle`` and ``jsonld``
exports with these:

* Turtle (:func:`turtle_of`): :mod:`stancegraph.turtle` -- ``@prefix``
  lines, subjects grouped and sorted, blank nodes inline; the same graph
  always gives the same bytes.
* JSON-LD (:func:`jsonld_document`): compacted with the project's shipped
  context (``ontology/context.jsonld``, the one prefix table): ``@context``
  first, then ``@graph`` with ONE node object per subject, ids and
  properties as compact IRIs (``sg:Statement``, ``act:ann-example``).
  Any JSON-LD processor (PyLD, jsonld.js, Jena) expands it back to the same
  triples.

>>> import pyoxigraph as ox
>>> t = ox.Triple(ox.NamedNode("https://w3id.org/stancegraph/id/actor/anna"),
...               ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"), ox.Literal("Anna", language="en"))
>>> doc = jsonld_document([t]); doc["@graph"][0]["@id"], doc["@graph"][0]["skos:prefLabel"]
('act:anna', {'@language': 'en', '@value': 'Anna'})
>>> print(turtle_of([t]).decode().splitlines()[-1])
act:anna skos:prefLabel "Anna"@en .
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import pyoxigraph as ox

from .. import paths


def context_file() -> Path:
    return paths.project_root() / "ontology" / "context.jsonld"


@lru_cache(maxsize=1)
def context() -> dict:
    """The shipped JSON-LD context (the ``@context`` object of ``ontology/context.jsonld``)."""
    return json.loads(context_file().read_text(encoding="utf-8"))["@context"]


def turtle_of(triples: Iterable[ox.Triple]) -> bytes:
    """Readable, deterministic Turtle of ``triples`` with the project's prefixes."""
    from ..turtle import project_prefixes, turtle_bytes

    return turtle_bytes(triples, project_prefixes())


def jsonld_document(triples: Iterable[ox.Triple]) -> dict:
    """``triples`` as compacted JSON-LD with the shipped context (one node object per subject)."""
    from rdflib import Graph

    g = Graph()
    nt = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    g.parse(data=nt.decode("utf-8"), format="nt")
    ctx = context()
    doc = json.loads(g.serialize(format="json-ld", context=ctx, auto_compact=True, sort_keys=True))
    nodes = doc.get("@graph", [] if "@id" not in doc else [{k: v for k, v in doc.items() if k != "@context"}])
    nodes.sort(key=lambda n: str(n.get("@id", "")))
    return {"@context": ctx, "@graph": nodes}


def jsonld_bytes(triples: Iterable[ox.Triple]) -> bytes:
    """The JSON-LD document of ``triples`` as UTF-8 text."""
    return (json.dumps(jsonld_document(triples), ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


__all__ = ["context", "jsonld_bytes", "jsonld_document", "turtle_of"]
