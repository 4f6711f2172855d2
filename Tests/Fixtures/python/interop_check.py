"""Reads ergraph's exports with networkx and answers: how many nodes and edges, and how far
apart are the given pairs on the undirected view.

Usage: python interop_check.py FORMAT FILE PAIRS.json   (FORMAT: graphml, gexf or json)
"""
import json
import sys

import networkx as nx
from networkx.readwrite import json_graph


def main():
    kind, path, pairs_path = sys.argv[1:4]
    if kind == "graphml":
        graph = nx.read_graphml(path, force_multigraph=True)
    elif kind == "gexf":
        graph = nx.read_gexf(path, version="1.3")
    elif kind == "json":
        with open(path) as handle:
            graph = json_graph.node_link_graph(json.load(handle), edges="links")
    else:
        raise SystemExit(f"unknown format {kind}")
    pairs = json.load(open(pairs_path))
    undirected = nx.Graph(graph.to_undirected())
    lengths = []
    for a, b in pairs:
        try:
            lengths.append(nx.shortest_path_length(undirected, a, b))
        except nx.NetworkXNoPath:
            lengths.append(-1)
    some_edge = next(iter(graph.edges(data=True)))[2] if graph.number_of_edges() else {}
    print(json.dumps({
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "multigraph": graph.is_multigraph(),
        "lengths": lengths,
        "edge_attribute_names": sorted(some_edge.keys()),
    }))


if __name__ == "__main__":
    main()
