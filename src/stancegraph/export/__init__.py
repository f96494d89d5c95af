"""Export stage: the graph written out, each format chosen by name from :data:`EXPORTERS`.

* ``annotations``: one JSON document per article (``docs/annotations.md``),
  read out of the graph with SPARQL (:mod:`.annotation_json`);
* ``turtle``, ``ntriples``, ``jsonld``: the union of the graphs (Turtle
  readable and deterministic, JSON-LD compacted with the shipped context:
  :mod:`.linked_data`);
  ``trig``, ``nquads``: the named graphs kept (:mod:`.rdf`).

A new format is one :class:`Exporter` line in :data:`EXPORTERS`;
``stancegraph export --format`` takes its choices and help from the registry.

>>> sorted(EXPORTERS)
['annotations', 'jsonld', 'nquads', 'ntriples', 'trig', 'turtle']
>>> EXPORTERS["nquads"].default_output
PosixPath('graph-export.nq')
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pyoxigraph as ox

from .annotation_json import annotations, export_annotations
from ..store.formats import RdfFileFormat
from .rdf import EXPORT_FORMATS, export_dataset, export_rdf


@dataclass(frozen=True)
class Exporter:
    """One export format: name, file suffix ("" for a folder), one-line help, and its writer.

    ``write(store, out)`` writes the export to ``out`` and returns the files written.
    """

    name: str
    suffix: str
    help: str
    write: Callable[[ox.Store, Path], list[Path]]

    @property
    def default_output(self) -> Path:
        """Where the export goes when no ``-o`` is given."""
        return Path("annotations") if not self.suffix else Path("graph-export" + self.suffix)


def _rdf(f: RdfFileFormat) -> Exporter:
    how = "named graphs kept" if f.dataset else "all graphs merged"
    return Exporter(f.name, f.suffix, f"{f.label}, {how}", lambda store, out: [export_rdf(store, f.name, out)])


EXPORTERS: dict[str, Exporter] = {e.name: e for e in (
    Exporter("annotations", "", "one annotation JSON per article, into a folder",
             lambda store, out: export_annotations(store, out)),
    *(_rdf(f) for f in EXPORT_FORMATS.values()),
)}
"""Graph exports by name (the CLI's ``--format`` choices)."""

__all__ = ["EXPORTERS", "EXPORT_FORMATS", "Exporter", "annotations", "export_annotations", "export_dataset",
           "export_rdf"]
