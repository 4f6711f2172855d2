import ERFormats
import ERGraph
import Foundation

/// `ergraph-bench measure NODES.csv EDGES.csv PAIRS.csv`: the benchmark questions, answered and
/// timed on the same files the peers read, printed as one JSON object.
enum Measure {
    static func run(nodes: String, edges: String, pairsFile: String) throws {
        func time<T>(_ body: () throws -> T) rethrows -> (T, Double) {
            let start = ContinuousClock.now
            let value = try body()
            return (value, seconds(since: start))
        }
        let (graph, loadSeconds) = try time { try CSVListsLoader.load(nodes: nodes, edges: edges) }
        let pairs = try String(contentsOfFile: pairsFile, encoding: .utf8).split(separator: "\n").dropFirst().compactMap { line -> (EntityIndex, EntityIndex)? in
            let parts = line.split(separator: ",")
            guard parts.count == 2, let a = graph.index(ofEntity: String(parts[0])), let b = graph.index(ofEntity: String(parts[1])) else { return nil }
            return (a, b)
        }
        var search = PathSearch(graph: graph)
        let (lengths, unweightedSeconds) = time { pairs.map { search.shortestPath(from: $0.0, to: $0.1)?.length ?? -1 } }
        // Weight 1/amount: strong money ties are short; the cheapest of parallel links counts.
        let amounts = graph.relationshipColumns.numbers("amount") ?? []
        let weights = LinkWeights(values: amounts.map { $0 > 0 ? 1 / $0 : .infinity })
        let weightedPairs = Array(pairs.prefix(20))
        var weightedSearch = WeightedPathSearch(graph: graph, weights: weights)
        let (costs, weightedSeconds) = time { weightedPairs.map { weightedSearch.cheapestPath(from: $0.0, to: $0.1)?.cost ?? -1 } }
        var counter = NeighborhoodCounter(graph: graph)
        let (twoHop, twoHopSeconds) = time { pairs.map { counter.count(around: $0.0, depth: 2) } }
        let (components, componentSeconds) = time { graph.weaklyConnectedComponents().count }
        let (topDegree, degreeSeconds) = time { () -> [String] in
            let degrees = graph.degrees()
            return degrees.indices.sorted { degrees[$0] != degrees[$1] ? degrees[$0] > degrees[$1] : $0 < $1 }.prefix(10)
                .map { "\(graph.id(of: EntityIndex($0))):\(degrees[$0])" }
        }
        let (rank, pageRankSeconds) = time { graph.pageRank(iterations: 20) }
        let topRank = rank.indices.sorted { rank[$0] > rank[$1] }.prefix(10).map { graph.id(of: EntityIndex($0)) }
        // Full breadth-first search over both adjacency lists from every entity not yet reached
        // (`breadthFirstComponents`), best of five: the figure the C loop (bench/bfs_ceiling.c)
        // is compared with, on the very same arrays.
        var bestBFS = Double.infinity
        for _ in 0..<5 { bestBFS = min(bestBFS, time { graph.breadthFirstComponents().count }.1) }
        let scanned = graph.outgoing.neighbors.count + graph.incoming.neighbors.count
        try writeCSR(graph, to: URL(fileURLWithPath: edges).deletingLastPathComponent().appendingPathComponent("csr.bin"))
        // Measured before the snapshot's copy of the graph is loaded beside the first.
        let peak = peakResidentMiB()
        // The same graph from a snapshot (.ergs) of it, read from a file as `--graph FILE.ergs` does;
        // best of three, after one write. The loaded copy must give the same components.
        let snapshotFile = URL(fileURLWithPath: edges).deletingLastPathComponent().appendingPathComponent("graph.ergs")
        try GraphSnapshot.data(of: graph).write(to: snapshotFile)
        var snapshotSeconds = Double.infinity
        let originalComponents = graph.weaklyConnectedComponents()
        for _ in 0..<3 {
            let (copy, loaded) = try time { try GraphSnapshot.graph(from: Data(contentsOf: snapshotFile, options: .alwaysMapped)) }
            snapshotSeconds = min(snapshotSeconds, loaded)
            guard copy.entityCount == graph.entityCount, copy.weaklyConnectedComponents() == originalComponents else {
                FileHandle.standardError.write(Data("ergraph-bench: the graph loaded from its snapshot differs from the original\n".utf8))
                exit(1)
            }
        }
        let snapshotBytes = (try? FileManager.default.attributesOfItem(atPath: snapshotFile.path)[.size] as? Int) ?? 0
        try? FileManager.default.removeItem(at: snapshotFile)
        let report: [String: Any] = [
            "bfs_s": bestBFS, "bfs_links_scanned": scanned, "bfs_edges_per_s": Double(scanned) / bestBFS,
            "tool": "ergraph", "entities": graph.entityCount, "relationships": graph.relationshipCount,
            "load_s": loadSeconds, "peak_mib": peak,
            "snapshot_load_s": snapshotSeconds, "snapshot_bytes": snapshotBytes,
            "unweighted_ms": unweightedSeconds * 1000 / Double(max(1, pairs.count)), "lengths": lengths,
            "weighted_ms": weightedSeconds * 1000 / Double(max(1, weightedPairs.count)), "costs": costs,
            "two_hop_ms": twoHopSeconds * 1000 / Double(max(1, pairs.count)), "two_hop": twoHop,
            "components_ms": componentSeconds * 1000, "components": components,
            "degree_ms": degreeSeconds * 1000, "top_degree": topDegree,
            "pagerank_ms": pageRankSeconds * 1000, "top_pagerank": topRank,
        ]
        let data = try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }

    /// The adjacency arrays as bench/bfs_ceiling.c reads them.
    static func writeCSR(_ graph: Graph, to url: URL) throws {
        var data = Data()
        func append<T>(_ values: [T]) { values.withUnsafeBytes { data.append(contentsOf: $0) } }
        append([Int64(graph.entityCount), Int64(graph.outgoing.neighbors.count)])
        append(graph.outgoing.offsets)
        append(graph.outgoing.neighbors)
        append(graph.incoming.offsets)
        append(graph.incoming.neighbors)
        try data.write(to: url)
    }
}
