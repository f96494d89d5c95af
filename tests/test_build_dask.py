"""Issue 9: ``build --dask`` on a real dask.distributed LocalCluster with two worker processes."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from stancegraph.pipeline import build
from stancegraph.store import persistent

distributed = pytest.importorskip("distributed", reason="dask.distributed is not installed (pip install '.[dask]')")

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


def test_dask_build_gives_the_local_graph_and_loads_the_store(built, resources, client, tmp_path):
    local, local_path = built
    store = tmp_path / "st"
    r = build([ROOT / "data" / "articles"], tmp_path / "dask.ttl", resources=resources, dask=client,
              store_dir=store, batch_size=2)
    assert r.engine == "dask" and r.jobs == 2
    assert (r.articles, r.statements, r.positions, r.claims, r.triples) == \
        (local.articles, local.statements, local.positions, local.claims, local.triples)
    assert isomorphic(Graph().parse(local_path), Graph().parse(tmp_path / "dask.ttl"))
    # every partition went to a different worker process at least once: both workers did work
    logs = client.run(lambda: __import__("stancegraph.worker", fromlist=["_WORKER"])._WORKER and True)
    assert sorted(logs.values()) == [True, True]
    # the store got the same article graphs as a local build into a store, via bulk loads
    assert r.store_counts == {"added": 5}
    st = persistent.open_store(store)
    assert len(persistent.article_ids(st)) == 5
    from stancegraph.sinks import INPUT_HASH
    import pyoxigraph as ox
    assert len(list(st.quads_for_pattern(None, INPUT_HASH, None, ox.NamedNode(persistent.META_GRAPH)))) == 5
    lines = [f"{q.subject} {q.predicate} {q.object} ." for q in st.quads_for_pattern(None, None, None, None)
             if q.graph_name.value != persistent.META_GRAPH]
    dumped = Graph().parse(data="\n".join(lines), format="nt")
    del st
    gc.collect()
    assert isomorphic(dumped, Graph().parse(local_path))
    # a second run: everything unchanged, nothing sent to the cluster
    again = build([ROOT / "data" / "articles"], None, resources=resources, dask=client, store_dir=store)
    assert again.store_counts == {"unchanged": 5}
