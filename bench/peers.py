"""Answers the benchmark questions with one peer library, on the files ergraph reads.

Usage: python peers.py TOOL NODES.csv EDGES.csv PAIRS.csv   (TOOL: networkx, igraph, rustworkx, networkit)
Prints one JSON object with the same keys as `ergraph-bench measure`. Each tool runs in its own
process, so its peak memory is its own.
"""
import csv
import json
import resource
import sys
import time


def read(nodes_path, edges_path):
    with open(nodes_path, newline="") as handle:
        ids = [row[0] for row in list(csv.reader(handle))[1:]]
    index = {name: position for position, name in enumerate(ids)}
    sources, targets, amounts = [], [], []
    with open(edges_path, newline="") as handle:
        rows = csv.reader(handle)
        next(rows)
        for source, target, _kind, amount in rows:
            sources.append(index[source])
            targets.append(index[target])
            amounts.append(float(amount))
    return ids, index, sources, targets, amounts


def two_hop_size(neighbors, a):
    """Entities within two links of a, for libraries without a neighbourhood-size call."""
    first = set(neighbors(a))
    second = set()
    for v in first:
        second.update(neighbors(v))
    return len((first | second) - {a})


def peak_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(body):
    start = time.perf_counter()
    value = body()
    return value, time.perf_counter() - start


def main():
    tool, nodes_path, edges_path, pairs_path = sys.argv[1:5]
    with open(pairs_path) as handle:
        pair_names = [line.strip().split(",") for line in handle.readlines()[1:] if line.strip()]
    start = time.perf_counter()
    ids, index, sources, targets, amounts = read(nodes_path, edges_path)
    n = len(ids)
    pairs = [(index[a], index[b]) for a, b in pair_names]
    weighted_pairs = pairs[:20]
    # The cheapest of parallel links, weight 1/amount, on the undirected view.
    cheapest = {}
    for s, t, a in zip(sources, targets, amounts):
        key = (min(s, t), max(s, t))
        w = 1.0 / a
        if s != t and (key not in cheapest or w < cheapest[key]):
            cheapest[key] = w
    degrees = [0] * n
    for s, t in zip(sources, targets):
        degrees[s] += 1
        degrees[t] += 1

    if tool == "networkx":
        import networkx as nx
        g = nx.MultiDiGraph()
        g.add_nodes_from(range(n))
        g.add_edges_from(zip(sources, targets))
        load = time.perf_counter() - start
        u = nx.Graph()
        u.add_nodes_from(range(n))
        u.add_edges_from((s, t) for s, t in zip(sources, targets) if s != t)
        w = nx.Graph()
        w.add_nodes_from(range(n))
        w.add_weighted_edges_from((s, t, weight) for (s, t), weight in cheapest.items())

        def length(a, b):
            try:
                return nx.shortest_path_length(u, a, b)
            except nx.NetworkXNoPath:
                return -1

        def cost(a, b):
            try:
                return nx.shortest_path_length(w, a, b, weight="weight")
            except nx.NetworkXNoPath:
                return -1

        lengths, unweighted = timed(lambda: [length(a, b) if a != b else 0 for a, b in pairs])
        costs, weighted = timed(lambda: [cost(a, b) if a != b else 0 for a, b in weighted_pairs])
        two_hop, two = timed(lambda: [len(nx.single_source_shortest_path_length(u, a, cutoff=2)) - 1 for a, _ in pairs])
        components, comp = timed(lambda: nx.number_weakly_connected_components(g))
        top_degree, deg = timed(lambda: sorted(range(n), key=lambda v: (-g.degree(v), v))[:10])
        pagerank, pr = timed(lambda: nx.pagerank(g, alpha=0.85, max_iter=1000, tol=1e-6))
        ranks = [pagerank[v] for v in range(n)]
    elif tool == "igraph":
        import igraph as ig
        g = ig.Graph(n=n, edges=list(zip(sources, targets)), directed=True)
        load = time.perf_counter() - start
        u = g.as_undirected(mode="each")
        w = ig.Graph(n=n, edges=list(cheapest.keys()), directed=False)
        w.es["weight"] = list(cheapest.values())

        def length(a, b):
            d = u.distances(a, b)[0][0]
            return -1 if d == float("inf") else int(d)

        def cost(a, b):
            d = w.distances(a, b, weights="weight")[0][0]
            return -1 if d == float("inf") else d

        lengths, unweighted = timed(lambda: [length(a, b) for a, b in pairs])
        costs, weighted = timed(lambda: [cost(a, b) for a, b in weighted_pairs])
        two_hop, two = timed(lambda: [u.neighborhood_size(a, order=2) - 1 for a, _ in pairs])
        components, comp = timed(lambda: len(g.connected_components(mode="weak")))
        top_degree, deg = timed(lambda: sorted(range(n), key=lambda v, d=g.degree(): (-d[v], v))[:10])
        ranks, pr = timed(lambda: g.pagerank(damping=0.85, directed=True))
    elif tool == "rustworkx":
        import rustworkx as rx
        g = rx.PyDiGraph(multigraph=True)
        g.add_nodes_from(range(n))
        g.add_edges_from_no_data(list(zip(sources, targets)))
        load = time.perf_counter() - start
        u = g.to_undirected(multigraph=False)
        w = rx.PyGraph(multigraph=False)
        w.add_nodes_from(range(n))
        w.add_edges_from([(s, t, weight) for (s, t), weight in cheapest.items()])

        def length(a, b):
            # rustworkx has no s-t breadth-first search: Dijkstra with unit weights and a goal,
            # without a Python callback per edge (default_weight).
            if a == b:
                return 0
            found = rx.dijkstra_shortest_paths(u, a, target=b, default_weight=1.0)
            return len(found[b]) - 1 if b in found else -1

        def cost(a, b):
            if a == b:
                return 0
            found = rx.dijkstra_shortest_path_lengths(w, a, float, goal=b)
            return found[b] if b in found else -1

        lengths, unweighted = timed(lambda: [length(a, b) for a, b in pairs])
        costs, weighted = timed(lambda: [cost(a, b) for a, b in weighted_pairs])

        two_hop, two = timed(lambda: [two_hop_size(u.neighbors, a) for a, _ in pairs])
        components, comp = timed(lambda: rx.number_weakly_connected_components(g))
        top_degree, deg = timed(lambda: sorted(range(n), key=lambda v: (-(g.in_degree(v) + g.out_degree(v)), v))[:10])
        pagerank, pr = timed(lambda: rx.pagerank(g, alpha=0.85, max_iter=1000, tol=1e-6))
        ranks = [pagerank[v] for v in range(n)]
    elif tool == "networkit":
        import networkit as nk
        g = nk.Graph(n, weighted=False, directed=True)
        for s, t in zip(sources, targets):
            g.addEdge(s, t, checkMultiEdge=False)
        load = time.perf_counter() - start
        u = nk.Graph(n, weighted=False, directed=False)
        for s, t in zip(sources, targets):
            if s != t:
                u.addEdge(s, t, checkMultiEdge=False)
        u.removeMultiEdges()
        w = nk.Graph(n, weighted=True, directed=False)
        for (s, t), weight in cheapest.items():
            w.addEdge(s, t, weight)

        def length(a, b):
            if a == b:
                return 0
            search = nk.distance.BidirectionalBFS(u, a, b, storePred=False)
            search.run()
            d = search.getDistance()
            return -1 if d > n else int(d)

        def cost(a, b):
            if a == b:
                return 0
            # storePred=False crashed NetworKit 11.3 (segmentation fault) here.
            search = nk.distance.BidirectionalDijkstra(w, a, b, storePred=True)
            search.run()
            d = search.getDistance()
            return -1 if d > 1e300 else d

        lengths, unweighted = timed(lambda: [length(a, b) for a, b in pairs])
        costs, weighted = timed(lambda: [cost(a, b) for a, b in weighted_pairs])

        two_hop, two = timed(lambda: [two_hop_size(u.iterNeighbors, a) for a, _ in pairs])

        def count_components():
            c = nk.components.WeaklyConnectedComponents(g)
            c.run()
            return c.numberOfComponents()

        components, comp = timed(count_components)
        top_degree, deg = timed(lambda: sorted(range(n), key=lambda v: (-(g.degreeIn(v) + g.degreeOut(v)), v))[:10])

        def rank():
            p = nk.centrality.PageRank(g, damp=0.85, tol=1e-6)
            p.run()
            return p.scores()

        ranks, pr = timed(rank)
    else:
        raise SystemExit(f"unknown tool {tool}")

    top_pagerank = sorted(range(n), key=lambda v: -ranks[v])[:10]
    print(json.dumps({
        "tool": tool, "entities": n, "relationships": len(sources), "load_s": load, "peak_mib": peak_mib(),
        "unweighted_ms": unweighted * 1000 / max(1, len(pairs)), "lengths": lengths,
        "weighted_ms": weighted * 1000 / max(1, len(weighted_pairs)), "costs": costs,
        "two_hop_ms": two * 1000 / max(1, len(pairs)), "two_hop": two_hop,
        "components_ms": comp * 1000, "components": components,
        "degree_ms": deg * 1000, "top_degree": [f"{ids[v]}:{degrees[v]}" for v in top_degree],
        "pagerank_ms": pr * 1000, "top_pagerank": [ids[v] for v in top_pagerank],
    }))


if __name__ == "__main__":
    main()
