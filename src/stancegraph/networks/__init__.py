"""Agreement and disagreement networks of actors, straight from the graph.

Discourse Network Analysis (DNA) coders code statements by hand and export
congruence and conflict networks. stancegraph builds the same networks --
and signed, subtract and two-mode ones -- from the issue positions and
territorial claims in its graph, read with SPARQL through
:mod:`stancegraph.store`.

Everything is derived from ONE object, the sparse two-mode count matrix
``C`` (actors x (issue, stance)), built once from the SPARQL results
(:mod:`~stancegraph.networks.matrix`); every kind and normalisation is a
sparse matrix product over it (:mod:`~stancegraph.networks.kinds`, where
the formulas are written out). Territorial claims are positions on the
pseudo-issue ``territory:{key}`` with the sovereign as the stance.

Public API
----------
load_positions(source)              SPARQL -> PositionTable (read.py)
select_positions(table, ...)        the filters (select.py)
stance_matrix(source, ...)          the count matrix C (StanceMatrix)
agreement_matrix(M), disagreement_matrix(M)   raw A and D (sparse)
network(source, kind, ...)          one networkx Graph
network_table(source, kind, ...)    the same one-mode network as arrays (EdgeTable; no networkx)
windowed_networks(source, kind, window, ...)  [(Window, Graph), ...]
summarize(source, ...)              coalitions, contested issues, polarisation
write_network(G_or_windows, fmt, out)  GraphML / GEXF 1.3 / CSV / JSON (WRITERS registry)
run_network(...)                    what ``stancegraph network`` runs (the command: stancegraph.cli)

>>> from stancegraph.networks import network, example_store, labelled_edges
>>> labelled_edges(network(example_store(), "signed"), "sign")
[('Anna', 'Boris', 1), ('Anna', 'Chen', -1), ('Boris', 'Chen', -1)]
"""

# Names are imported from their module on first use (PEP 562), so that importing
# stancegraph.networks.options or .formats (the CLI does) does not load numpy, scipy and networkx.
_WHERE = {
    **dict.fromkeys(['IGRAPH_EDGES', 'LOUVAIN_SEED', 'communities', 'graph_from_matrix', 'labelled_edges', 'network', 'network_table', 'table_communities', 'table_from_matrix', 'windowed_networks', 'windows_of'], 'build'),
    **dict.fromkeys(['EdgeTable', 'edge_issues', 'edge_table'], 'edges'),
    **dict.fromkeys(['EXAMPLE_TTL', 'example_store'], 'examples'),
    **dict.fromkeys(['FORMATS', 'WRITERS', 'Writer', 'csv_paths', 'window_path', 'write_csv', 'write_gexf', 'write_gexf_dynamic', 'write_graphml', 'write_json', 'write_network'], 'formats'),
    **dict.fromkeys(['affiliation_graph', 'agreement_matrix', 'disagreement_matrix', 'edge_weights', 'keep_top_k', 'node_attributes', 'one_mode_graph'], 'kinds'),
    **dict.fromkeys(['StanceMatrix', 'count_matrix', 'stance_matrix'], 'matrix'),
    **dict.fromkeys(['DUPLICATES', 'EDGE_STATEMENTS_LIMIT', 'KINDS', 'LEVELS', 'NORMALIZATIONS', 'Window', 'make_windows', 'parse_window'], 'options'),
    **dict.fromkeys(['CLAIM_PREFIX', 'Position', 'PositionTable', 'load_positions', 'normalise_quote'], 'read'),
    **dict.fromkeys(['NetworkRun', 'run_network'], 'run'),
    **dict.fromkeys(['select_positions'], 'select'),
    **dict.fromkeys(['Contested', 'NetworkSummary', 'Polarisation', 'contested_issues', 'polarisation', 'summarize'], 'summary'),
}


def __getattr__(name: str):
    if name in _WHERE:
        import importlib

        value = getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(_WHERE))

__all__ = [
    "EDGE_STATEMENTS_LIMIT", "EdgeTable", "IGRAPH_EDGES", "edge_issues", "edge_table", "keep_top_k",
    "network_table", "table_communities", "table_from_matrix",
    "CLAIM_PREFIX", "DUPLICATES", "EXAMPLE_TTL", "FORMATS", "KINDS", "LEVELS", "LOUVAIN_SEED", "NORMALIZATIONS",
    "Contested", "NetworkRun", "NetworkSummary", "Polarisation", "Position", "PositionTable", "StanceMatrix",
    "WRITERS", "Window", "Writer", "affiliation_graph", "agreement_matrix", "communities", "contested_issues", "count_matrix",
    "csv_paths", "disagreement_matrix", "edge_weights", "example_store", "graph_from_matrix", "labelled_edges",
    "load_positions", "make_windows", "network", "node_attributes", "normalise_quote",
    "one_mode_graph", "parse_window", "polarisation", "run_network", "select_positions", "stance_matrix",
    "summarize", "window_path", "windowed_networks", "windows_of", "write_csv", "write_gexf",
    "write_gexf_dynamic", "write_graphml", "write_json", "write_network",
]
