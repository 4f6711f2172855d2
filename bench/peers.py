"""Answers the benchmark questions with one peer library, on the files ergraph reads.

Usage: python peers.py TOOL NODES.csv EDGES.csv PAIRS.csv   (TOOL: networkx, igraph, rustworkx, networkit)
Prints one JSON object with the same keys as `ergraph-bench measure`. Each tool runs in its own
process, so its peak memory is its own.
"""
import json
import resource
import sys
import time

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv


def read(nodes_path, edges_path):
    """Both lists read the way these libraries' users read CSVs: pyarrow's multi-threaded reader,
    names turned into positions by a vectorised lookup, columns handed on as numpy arrays."""
    ids = pacsv.read_csv(nodes_path, convert_options=pacsv.ConvertOptions(
        include_columns=["id"], column_types={"id": pa.string()})).column("id").combine_chunks()
    edges = pacsv.read_csv(edges_path, convert_options=pacsv.ConvertOptions(
        include_columns=["source", "target", "amount"],
        column_types={"source": pa.string(), "target": pa.string(), "amount": pa.float64()}))
    sources = pc.index_in(edges.column("source"), value_set=ids).to_numpy().astype(np.int64)
    targets = pc.index_in(edges.column("target"), value_set=ids).to_numpy().astype(np.int64)
    amounts = edges.column("amount").to_numpy()
    return ids, sources, targets, amounts


def cheapest_links(n, sources, targets, amounts):
    """The cheapest of parallel links, weight 1/amount, on the undirected view, without loops."""
    keep = sources != targets
    low = np.minimum(sources[keep], targets[keep])
    high = np.maximum(sources[keep], targets[keep])
    weights = 1.0 / amounts[keep]
    keys = low * n + high
    order = np.lexsort((weights, keys))
    sorted_keys = keys[order]
    first = np.ones(len(order), dtype=bool)
    first[1:] = sorted_keys[1:] != sorted_keys[:-1]
    chosen = order[first]
    return low[chosen], high[chosen], weights[chosen]


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
    ids, sources, targets, amounts = read(nodes_path, edges_path)
    n = len(ids)
    read_s = time.perf_counter() - start
    position = {name: i for i, name in enumerate(pc.unique(pa.array([name for pair in pair_names for name in pair])).to_pylist())}
    lookup = pc.index_in(pa.array(list(position)), value_set=ids).to_pylist()
    pairs = [(lookup[position[a]], lookup[position[b]]) for a, b in pair_names]
    weighted_pairs = pairs[:20]
    degrees = np.bincount(sources, minlength=n) + np.bincount(targets, minlength=n)
    if tool == "networkx":
        import networkx as nx
        edge_list = list(zip(sources.tolist(), targets.tolist()))
        g = nx.MultiDiGraph()
        g.add_nodes_from(range(n))
        g.add_edges_from(edge_list)
        load = time.perf_counter() - start
        cheap_s, cheap_t, cheap_w = cheapest_links(n, sources, targets, amounts)
        u = nx.Graph()
        u.add_nodes_from(range(n))
        u.add_edges_from((s, t) for s, t in edge_list if s != t)
        w = nx.Graph()
        w.add_nodes_from(range(n))
        w.add_weighted_edges_from(zip(cheap_s.tolist(), cheap_t.tolist(), cheap_w.tolist()))

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
        edge_list = list(zip(sources.tolist(), targets.tolist()))
        # A list of pairs: igraph 1.0 builds from it in half the time it takes from a numpy array.
        g = ig.Graph(n=n, edges=edge_list, directed=True)
        load = time.perf_counter() - start
        cheap_s, cheap_t, cheap_w = cheapest_links(n, sources, targets, amounts)
        u = g.as_undirected(mode="each")
        w = ig.Graph(n=n, edges=list(zip(cheap_s.tolist(), cheap_t.tolist())), directed=False)
        w.es["weight"] = cheap_w.tolist()

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
        edge_list = list(zip(sources.tolist(), targets.tolist()))
        g = rx.PyDiGraph(multigraph=True)
        g.add_nodes_from(range(n))
        g.add_edges_from_no_data(edge_list)
        load = time.perf_counter() - start
        cheap_s, cheap_t, cheap_w = cheapest_links(n, sources, targets, amounts)
        u = g.to_undirected(multigraph=False)
        w = rx.PyGraph(multigraph=False)
        w.add_nodes_from(range(n))
        w.add_edges_from(list(zip(cheap_s.tolist(), cheap_t.tolist(), cheap_w.tolist())))

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
        g = nk.GraphFromCoo((sources.astype(np.uint64), targets.astype(np.uint64)), n=n, directed=True, weighted=False)
        load = time.perf_counter() - start
        cheap_s, cheap_t, cheap_w = cheapest_links(n, sources, targets, amounts)
        loops = sources != targets
        u = nk.GraphFromCoo((sources[loops].astype(np.uint64), targets[loops].astype(np.uint64)), n=n, directed=False, weighted=False)
        u.removeMultiEdges()
        w = nk.GraphFromCoo((cheap_w, (cheap_s.astype(np.uint64), cheap_t.astype(np.uint64))), n=n, directed=False, weighted=True)

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
        "tool": tool, "entities": n, "relationships": len(sources), "read_s": read_s, "load_s": load, "peak_mib": peak_mib(),
        "unweighted_ms": unweighted * 1000 / max(1, len(pairs)), "lengths": lengths,
        "weighted_ms": weighted * 1000 / max(1, len(weighted_pairs)), "costs": costs,
        "two_hop_ms": two * 1000 / max(1, len(pairs)), "two_hop": two_hop,
        "components_ms": comp * 1000, "components": components,
        "degree_ms": deg * 1000, "top_degree": [f"{ids[int(v)].as_py()}:{int(degrees[v])}" for v in top_degree],
        "pagerank_ms": pr * 1000, "top_pagerank": [ids[int(v)].as_py() for v in top_pagerank],
    }))


if __name__ == "__main__":
    main()
