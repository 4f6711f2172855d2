"""Answers the same questions as ergraph's core, with networkx, for the agreement tests.

Usage: python networkx_answers.py REQUEST.json  (prints one JSON object)

The request names an edge list (one "from to weight" line per link; the first line is the
entity count) and the questions to answer. Graph views are built explicitly so that parallel
links and directions mean exactly what they mean in ergraph.
"""
import json
import sys

import networkx as nx


def load(path):
    with open(path) as lines:
        count = int(lines.readline())
        multi = nx.MultiDiGraph()
        multi.add_nodes_from(range(count))
        for line in lines:
            a, b, w = line.split()
            multi.add_edge(int(a), int(b), w=float(w))
    return multi


def undirected_simple(multi, weighted=False):
    graph = nx.Graph()
    graph.add_nodes_from(multi.nodes)
    for a, b, data in multi.edges(data=True):
        if a == b:
            continue
        if weighted:
            # The cheapest parallel link is the one a shortest path would take.
            if graph.has_edge(a, b) and graph[a][b]["w"] <= data["w"]:
                continue
            graph.add_edge(a, b, w=data["w"])
        else:
            graph.add_edge(a, b)
    return graph


def length_or_minus_one(graph, a, b, weight=None):
    try:
        return nx.shortest_path_length(graph, a, b, weight=weight)
    except nx.NetworkXNoPath:
        return -1


def main():
    request = json.load(open(sys.argv[1]))
    multi = load(request["edges"])
    answers = {}
    pairs = request.get("pairs", [])
    if "undirected_lengths" in request["questions"]:
        simple = undirected_simple(multi)
        answers["undirected_lengths"] = [length_or_minus_one(simple, a, b) for a, b in pairs]
    if "directed_lengths" in request["questions"]:
        directed = nx.DiGraph(multi)
        answers["directed_lengths"] = [length_or_minus_one(directed, a, b) for a, b in pairs]
    if "weighted_lengths" in request["questions"]:
        simple = undirected_simple(multi, weighted=True)
        answers["weighted_lengths"] = [length_or_minus_one(simple, a, b, weight="w") for a, b in pairs]
    if "k_shortest_costs" in request["questions"]:
        simple = undirected_simple(multi, weighted=True)
        k = request["k"]
        costs = []
        for a, b in pairs:
            found = []
            try:
                for path in nx.shortest_simple_paths(simple, a, b, weight="w"):
                    found.append(sum(simple[u][v]["w"] for u, v in zip(path, path[1:])))
                    if len(found) == k:
                        break
            except nx.NetworkXNoPath:
                pass
            costs.append(found)
        answers["k_shortest_costs"] = costs
    if "components" in request["questions"]:
        answers["weak"] = nx.number_weakly_connected_components(multi)
        answers["strong"] = nx.number_strongly_connected_components(multi)
    if "betweenness" in request["questions"]:
        simple = undirected_simple(multi)
        sources = request.get("betweenness_sources")
        if sources is None:
            scores = nx.betweenness_centrality(simple, normalized=True)
        else:
            scores = nx.betweenness_centrality_subset(simple, sources, list(simple.nodes), normalized=True)
        answers["betweenness"] = [scores[node] for node in range(simple.number_of_nodes())]
    if "pagerank" in request["questions"]:
        scores = nx.pagerank(multi, alpha=0.85, tol=1e-13, max_iter=10000)
        answers["pagerank"] = [scores[node] for node in range(multi.number_of_nodes())]
    print(json.dumps(answers))


if __name__ == "__main__":
    main()
