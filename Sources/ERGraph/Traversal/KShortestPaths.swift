/// The `k` cheapest loopless paths, by Yen's algorithm (Yen 1971, "Finding the k shortest
/// loopless paths in a network"), at the level of links: two parallel contracts give two paths.
///
/// Each new path deviates from an accepted one at a spur entity: the spur search (Dijkstra)
/// avoids the links that accepted paths sharing the same root take next, and the root's
/// entities. O(k · V · (V + E) log V) in the worst case; in practice a few Dijkstra runs per path.
extension Graph {
    public func kShortestPaths(from source: EntityIndex, to target: EntityIndex, k: Int,
                               weights: LinkWeights? = nil, options: TraversalOptions = TraversalOptions()) -> [Path] {
        guard k > 0, source != target else { return source == target && k > 0 ? [Path(entities: [source], relationships: [])] : [] }
        let filter = TraversalFilter(options, graph: self)
        let values = (weights ?? .unit(self)).values
        guard let first = dijkstra(from: source.int, to: target.int, weights: values, filter: filter,
                                   excludedLinks: [], excludedEntities: []) else { return [] }
        var accepted: [Path] = [first]
        var candidates: [Path] = []
        var known: Set<[RelationshipIndex]> = [first.relationships]

        while accepted.count < k {
            let last = accepted[accepted.count - 1]
            for spurPosition in 0..<last.relationships.count {
                let spur = last.entities[spurPosition]
                let rootEntities = Array(last.entities[...spurPosition])
                let rootLinks = Array(last.relationships[..<spurPosition])
                var excludedLinks: Set<Int> = []
                for path in accepted where path.relationships.count > spurPosition
                    && Array(path.relationships[..<spurPosition]) == rootLinks
                    && Array(path.entities[...spurPosition]) == rootEntities {
                    excludedLinks.insert(path.relationships[spurPosition].int)
                }
                let excludedEntities = Set(rootEntities.dropLast().map(\.int))
                guard let spurPath = dijkstra(from: spur.int, to: target.int, weights: values, filter: filter,
                                              excludedLinks: excludedLinks, excludedEntities: excludedEntities) else { continue }
                let rootCost = rootLinks.reduce(0) { $0 + values[$1.int] }
                let candidate = Path(entities: rootEntities + spurPath.entities.dropFirst(),
                                     relationships: rootLinks + spurPath.relationships,
                                     cost: rootCost + spurPath.cost)
                if known.insert(candidate.relationships).inserted { candidates.append(candidate) }
            }
            guard !candidates.isEmpty else { break }
            candidates.sort(by: Path.stableOrder)
            accepted.append(candidates.removeFirst())
        }
        return accepted
    }
}
