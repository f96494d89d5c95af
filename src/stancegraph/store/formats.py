"""THE table of RDF file formats: names, suffixes, Oxigraph's format, graph or dataset.

Loading a file (:func:`stancegraph.store.load_file`), validating one, exporting
(:data:`stancegraph.export.EXPORTERS`) and dumping a store all read this table,
so a format is added in one line.

>>> for_path("graph.TTL").name, for_name("nq").name, RDF_FORMATS["trig"].dataset
('turtle', 'nquads', True)
>>> for_path("graph.xlsx")
Traceback (most recent call last):
...
stancegraph.errors.StanceGraphError: graph.xlsx: unknown RDF file type '.xlsx' (use one of .json, .jsonld, .nq, .nquads, .nt, .owl, .rdf, .trig, .ttl, .turtle)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from ..errors import StanceGraphError


@dataclass(frozen=True)
class RdfFileFormat:
    """One RDF syntax: ``name``; ``suffixes`` (the first is what exports write); Oxigraph's
    ``oxigraph`` format; ``dataset``: named graphs kept (TriG, N-Quads) or a single graph;
    ``label``: how help texts call it; ``export``: offered by ``stancegraph export``."""

    name: str
    suffixes: tuple[str, ...]
    oxigraph: ox.RdfFormat
    dataset: bool
    label: str
    export: bool = True

    @property
    def suffix(self) -> str:
        return self.suffixes[0]


RDF_FORMATS: dict[str, RdfFileFormat] = {f.name: f for f in (
    RdfFileFormat("turtle", (".ttl", ".turtle"), ox.RdfFormat.TURTLE, False, "Turtle"),
    RdfFileFormat("nquads", (".nq", ".nquads"), ox.RdfFormat.N_QUADS, True, "N-Quads"),
    RdfFileFormat("jsonld", (".jsonld", ".json"), ox.RdfFormat.JSON_LD, False, "JSON-LD"),
    RdfFileFormat("trig", (".trig",), ox.RdfFormat.TRIG, True, "TriG"),
    RdfFileFormat("ntriples", (".nt",), ox.RdfFormat.N_TRIPLES, False, "N-Triples"),
    RdfFileFormat("rdfxml", (".rdf", ".owl"), ox.RdfFormat.RDF_XML, False, "RDF/XML", export=False),
)}

_BY_SUFFIX = {s: f for f in RDF_FORMATS.values() for s in f.suffixes}


def for_path(path: str | Path) -> RdfFileFormat:
    """The format of a file, from its suffix (any case); a one-line error naming the file otherwise."""
    suffix = Path(path).suffix.lower()
    if suffix not in _BY_SUFFIX:
        raise StanceGraphError(
            f"unknown RDF file type '{suffix}' (use one of {', '.join(sorted(_BY_SUFFIX))})", path=path)
    return _BY_SUFFIX[suffix]


def for_name(name: str) -> RdfFileFormat:
    """A format by name (``turtle``) or by suffix without the dot (``ttl``, ``nq``)."""
    key = str(name).strip().lower()
    found = RDF_FORMATS.get(key) or _BY_SUFFIX.get("." + key)
    if found is None:
        raise StanceGraphError(f"unknown RDF format '{name}' (use one of {', '.join(RDF_FORMATS)})")
    return found
