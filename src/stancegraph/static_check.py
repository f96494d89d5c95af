"""The static graphs (ontology, codebook, gazetteer) validated once per change of their files.

A build validates each article graph with only the static nodes it references
(:mod:`stancegraph.worker`); the static graphs as a whole are checked here,
and the verdict is remembered under a key made of the files' contents, the
shapes, the model identity and the code (:func:`stancegraph.worker.input_fingerprint`),
in ``$STANCEGRAPH_CACHE`` (default ``~/.cache/stancegraph``). The next build
with the same files skips the check; editing any of them makes it run again.

>>> import tempfile
>>> from stancegraph.knowledge import load_resources
>>> from stancegraph.graph import static_graphs
>>> res = load_resources()
>>> d = tempfile.mkdtemp()
>>> check_static(static_graphs(res, "m"), "key1", res.ontology, cache_dir=d)
'validated'
>>> check_static(static_graphs(res, "m"), "key1", res.ontology, cache_dir=d)
'cached'
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from .errors import StanceGraphError
from .fileio import write_text_atomic


def cache_dir() -> Path:
    env = os.environ.get("STANCEGRAPH_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "stancegraph"


def check_static(static: dict, key: str, ontology=None, shapes=None, cache_dir: str | Path | None = None) -> str:
    """Validate the merged static graphs unless a build with the same ``key`` already did.

    Returns "cached" or "validated"; raises StanceGraphError (nothing cached) when they do not conform.
    """
    import pyoxigraph as ox

    from .rdf import to_oxigraph
    from .shacl_sparql import validate_oxigraph

    folder = Path(cache_dir) if cache_dir is not None else globals()["cache_dir"]()
    stamp = folder / f"static-{key[:32]}.json"
    try:
        if json.loads(stamp.read_text(encoding="utf-8")).get("conforms") is True:
            return "cached"
    except (OSError, ValueError):
        pass
    from .graph import static_triples

    if ontology is None:
        from .validate import ontology_graph

        ontology = ontology_graph()
    store = ox.Store()  # the compiled shapes on Oxigraph: the same results as pyshacl (shacl_sparql)
    for triples in static_triples(static).values():
        store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
    if ontology is not static.get("ontology"):
        store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object) for t in to_oxigraph(ontology))
    report = validate_oxigraph(store, shapes, advice=False)
    if not report.conforms:
        raise StanceGraphError(
            f"the static graphs (ontology, codebook, gazetteer) do not conform to the shapes "
            f"({len(report.errors)} violations); nothing written", details=report.text(20).split("\n"))
    try:
        write_text_atomic(stamp, json.dumps({"conforms": True, "key": key}) + "\n")
    except StanceGraphError:
        pass  # an unwritable cache only means the check runs again next time
    return "validated"
