"""Export stage: the graph written out, each format chosen by name from :data:`EXPORTERS`.

* ``annotations``: one JSON document per article (``docs/annotations.md``),
  read out of the graph with SPARQL (:mod:`.annotation_json`);
* ``statements``: the statement table, one CSV row per position-bearing
  statement with DNA/rDNA column names (:mod:`stancegraph.statement_table`);
* ``dna``: a DNA 3 database (:mod:`stancegraph.dna`);
* ``turtle``, ``ntriples``, ``jsonld``: the union of the graphs (Turtle
  readable and deterministic, JSON-LD compacted with the shipped context:
  :mod:`.linked_data`);
  ``trig``, ``nquads``: the named graphs kept (:mod:`.rdf`).

``annotations``, ``statements`` and ``dna`` are *reviewed* exporters: they
write the reviewed view (:mod:`stancegraph.review`) unless given
``machine_only=True``, and append the reviews whose target vanished to
``problems``. The RDF formats write the graph as stored, review records included.

A new format is one :class:`Exporter` line in :data:`EXPORTERS`;
``stancegraph export --format`` takes its choices and help from the registry.

>>> sorted(EXPORTERS)
['annotations', 'dna', 'jsonld', 'nquads', 'ntriples', 'statements', 'trig', 'turtle']
>>> EXPORTERS["nquads"].default_output
PosixPath('graph-export.nq')
"""

# no `from __future__ import annotations` here: it would bind `annotations`, the lazy export below

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pyoxigraph as ox

from ..store.formats import RdfFileFormat
from .rdf import EXPORT_FORMATS, export_dataset, export_rdf


@dataclass(frozen=True)
class Exporter:
    """One export format: name, file suffix ("" for a folder), one-line help, and its writer.

    ``write(store, out)`` writes the export to ``out`` and returns the files written;
    a ``reviewed`` exporter's ``write`` also takes ``machine_only``, ``reviewer`` and
    ``problems`` keywords.
    """

    name: str
    suffix: str
    help: str
    write: Callable[..., list[Path]]
    reviewed: bool = False
    default_name: str = "graph-export"

    @property
    def default_output(self) -> Path:
        """Where the export goes when no ``-o`` is given."""
        return Path("annotations") if not self.suffix else Path(self.default_name + self.suffix)


def _rdf(f: RdfFileFormat) -> Exporter:
    how = "named graphs kept" if f.dataset else "all graphs merged"
    return Exporter(f.name, f.suffix, f"{f.label}, {how}", lambda store, out: [export_rdf(store, f.name, out)])


def _annotations(store: ox.Store, out: Path, machine_only: bool = False, problems: list[str] | None = None,
                 **_) -> list[Path]:
    from ..review import view_of
    from .annotation_json import export_annotations

    return export_annotations(view_of(store, machine_only, problems), out)


def _statements(store: ox.Store, out: Path, machine_only: bool = False, problems: list[str] | None = None,
                **_) -> list[Path]:
    from ..statement_table import export_statements

    export_statements(store, out, machine_only, problems)
    return [Path(out)]


def _dna(store: ox.Store, out: Path, machine_only: bool = False, problems: list[str] | None = None,
         reviewer: str = "Reviewer", **_) -> list[Path]:
    from ..dna import write_dna

    res = write_dna(store, out, reviewer=reviewer, machine_only=machine_only)
    if problems is not None:
        problems.extend(res.problems)
    return [res.path]


EXPORTERS: dict[str, Exporter] = {e.name: e for e in (
    Exporter("annotations", "", "one annotation JSON per article, into a folder (reviewed view)",
             _annotations, reviewed=True),
    Exporter("statements", ".csv", "the statement table, one CSV row per position-bearing statement, "
             "DNA/rDNA column names (reviewed view)", _statements, reviewed=True, default_name="statements"),
    Exporter("dna", ".dna", "a DNA 3 database (SQLite) for review in Discourse Network Analyzer (reviewed view)",
             _dna, reviewed=True, default_name="corpus"),
    *(_rdf(f) for f in EXPORT_FORMATS.values()),
)}
"""Graph exports by name (the CLI's ``--format`` choices)."""

def __getattr__(name: str):
    """``annotations`` and ``export_annotations`` of :mod:`.annotation_json`, imported on first use
    (the registry is read by ``stancegraph --help``; the SPARQL library behind them is not needed)."""
    if name in ("annotations", "export_annotations"):
        from . import annotation_json

        return getattr(annotation_json, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["EXPORTERS", "EXPORT_FORMATS", "Exporter", "annotations", "export_annotations", "export_dataset",
           "export_rdf"]
