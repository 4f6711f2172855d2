import Foundation

extension Graph {
    /// Links per entity, parallel links counted, in both directions (or one).
    public func degrees(direction: Direction = .both) -> [Int] {
        entityIndices.map { degree(of: $0, direction: direction) }
    }

    /// Betweenness centrality on the undirected simple view (parallel links and direction
    /// ignored), normalised by 2 / ((n − 1)(n − 2)) as networkx's `betweenness_centrality` does
    /// for an undirected graph. Brandes' algorithm (Brandes 2001, "A faster algorithm for
    /// betweenness centrality"): O(V · E) time, O(V + E) memory. With `sources`, only shortest
    /// paths starting there count (networkx's `betweenness_centrality_subset` with all targets,
    /// same normalisation): a sample for graphs too large for the exact answer.
    public func betweenness(sources: [EntityIndex]? = nil) -> [Double] {
        let n = entityCount
        let neighbors = simpleUndirectedNeighbors()
        var centrality = [Double](repeating: 0, count: n)
        var sigma = [Double](repeating: 0, count: n)
        var distance = [Int32](repeating: -1, count: n)
        var delta = [Double](repeating: 0, count: n)
        var order: [Int] = []
        order.reserveCapacity(n)
        var queue = [Int](repeating: 0, count: n)
        for source in (sources?.map(\.int) ?? Array(0..<n)) {
            order.removeAll(keepingCapacity: true)
            for entity in 0..<n { sigma[entity] = 0; distance[entity] = -1; delta[entity] = 0 }
            sigma[source] = 1
            distance[source] = 0
            var head = 0, tail = 1
            queue[0] = source
            while head < tail {
                let entity = queue[head]; head += 1
                order.append(entity)
                for neighbor in neighbors[entity] {
                    if distance[neighbor] < 0 {
                        distance[neighbor] = distance[entity] + 1
                        queue[tail] = neighbor; tail += 1
                    }
                    if distance[neighbor] == distance[entity] + 1 { sigma[neighbor] += sigma[entity] }
                }
            }
            for entity in order.reversed() {
                for neighbor in neighbors[entity] where distance[neighbor] == distance[entity] - 1 {
                    delta[neighbor] += sigma[neighbor] / sigma[entity] * (1 + delta[entity])
                }
                if entity != source { centrality[entity] += delta[entity] }
            }
        }
        // Every undirected pair was counted from both ends, hence 1/((n-1)(n-2)) rather than
        // 2/((n-1)(n-2)) for the normalisation.
        let scale = n > 2 ? 1 / Double((n - 1) * (n - 2)) : 1
        return centrality.map { $0 * scale }
    }

    /// PageRank over the directed links, parallel links adding weight, with damping `damping`;
    /// entities without outgoing links spread their rank evenly (Page et al. 1999, as networkx's
    /// `pagerank`). Power iteration until the L1 change falls below `tolerance`, or for exactly
    /// `iterations` rounds when given. O(iterations × (V + E)).
    public func pageRank(damping: Double = 0.85, iterations: Int? = nil, tolerance: Double = 1e-12,
                         maximumIterations: Int = 1_000) -> [Double] {
        let n = entityCount
        guard n > 0 else { return [] }
        let outDegree = (0..<n).map { Double(outgoing.degree(EntityIndex($0))) }
        var rank = [Double](repeating: 1 / Double(n), count: n)
        var next = [Double](repeating: 0, count: n)
        let rounds = iterations ?? maximumIterations
        for _ in 0..<rounds {
            var danglingSum = 0.0
            for entity in 0..<n where outDegree[entity] == 0 { danglingSum += rank[entity] }
            let base = (1 - damping) / Double(n) + damping * danglingSum / Double(n)
            for entity in 0..<n {
                var incomingRank = 0.0
                for slot in Int(incoming.offsets[entity])..<Int(incoming.offsets[entity + 1]) {
                    let source = Int(incoming.neighbors[slot])
                    incomingRank += rank[source] / outDegree[source]
                }
                next[entity] = base + damping * incomingRank
            }
            var change = 0.0
            for entity in 0..<n { change += abs(next[entity] - rank[entity]) }
            swap(&rank, &next)
            if iterations == nil && change < tolerance { break }
        }
        return rank
    }

    /// Neighbours on the undirected simple view: each other entity once, self-links dropped,
    /// sorted by index.
    func simpleUndirectedNeighbors() -> [[Int]] {
        (0..<entityCount).map { entity in
            var seen = Set<Int>()
            var list: [Int] = []
            forEachLink(of: EntityIndex(entity), direction: .both) { _, other in
                if other.int != entity, seen.insert(other.int).inserted { list.append(other.int) }
            }
            return list.sorted()
        }
    }
}
