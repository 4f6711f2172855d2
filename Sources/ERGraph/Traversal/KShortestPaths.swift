/// The `k` cheapest loopless paths, by Yen's algorithm (Yen 1971, "Finding the k shortest
/// loopless paths in a network").
///
/// Each new path deviates from an accepted one at a spur entity: the spur search (Dijkstra)
/// avoids the links that accepted paths sharing the same root take next, and the root's
/// entities. O(k · V · (V + E) log V) in the worst case; in practice a few Dijkstra runs per path.
extension Graph {
    /// What makes two of the k paths different.
    public enum PathDistinction: Sendable {
        /// Two paths differ when they pass through different entities; parallel links between
        /// the same two entities (three contracts between ICE and Palantir) are one route, and the
        /// path takes the cheapest of them. ``parallelLinks(of:options:)`` lists the others.
        case entities
        /// Two paths differ when they use different links: parallel contracts give several paths.
        case links
    }

    public func kShortestPaths(from source: EntityIndex, to target: EntityIndex, k: Int,
                               weights: LinkWeights? = nil, options: TraversalOptions = TraversalOptions(),
                               distinct: PathDistinction = .links) -> [Path] {
        guard k > 0, source != target else { return source == target && k > 0 ? [Path(entities: [source], relationships: [])] : [] }
        let filter = TraversalFilter(options, graph: self)
        let values = (weights ?? .unit(self)).values
        guard let first = dijkstra(from: source.int, to: target.int, weights: values, filter: filter,
                                   excludedLinks: [], excludedEntities: []) else { return [] }
        var accepted: [Path] = [first]
        var candidates: [Path] = []
        var knownLinks: Set<[RelationshipIndex]> = [first.relationships]
        var knownRoutes: Set<[EntityIndex]> = [first.entities]

        while accepted.count < k {
            let last = accepted[accepted.count - 1]
            for spurPosition in 0..<last.relationships.count {
                let spur = last.entities[spurPosition]
                let rootEntities = Array(last.entities[...spurPosition])
                let rootLinks = Array(last.relationships[..<spurPosition])
                var excludedLinks: Set<Int> = []
                for path in accepted where path.relationships.count > spurPosition
                    && Array(path.entities[...spurPosition]) == rootEntities {
                    switch distinct {
                    case .links:
                        if Array(path.relationships[..<spurPosition]) == rootLinks {
                            excludedLinks.insert(path.relationships[spurPosition].int)
                        }
                    case .entities:
                        // The whole entity-to-entity step is taken: every parallel link goes.
                        let next = path.entities[spurPosition + 1].int
                        filter.forEachStep(from: spur.int, in: self) { link, neighbor in
                            if neighbor == next { excludedLinks.insert(link) }
                        }
                    }
                }
                let excludedEntities = Set(rootEntities.dropLast().map(\.int))
                guard let spurPath = dijkstra(from: spur.int, to: target.int, weights: values, filter: filter,
                                              excludedLinks: excludedLinks, excludedEntities: excludedEntities) else { continue }
                let rootCost = rootLinks.reduce(0) { $0 + values[$1.int] }
                let candidate = Path(entities: rootEntities + spurPath.entities.dropFirst(),
                                     relationships: rootLinks + spurPath.relationships,
                                     cost: rootCost + spurPath.cost)
                let isNew = switch distinct {
                case .links: knownLinks.insert(candidate.relationships).inserted
                case .entities: knownRoutes.insert(candidate.entities).inserted
                }
                if isNew { candidates.append(candidate) }
            }
            guard !candidates.isEmpty else { break }
            candidates.sort(by: Path.stableOrder)
            accepted.append(candidates.removeFirst())
        }
        return accepted
    }

    /// The other usable links that join the two entities of `hop`, in either direction the
    /// options allow: the evidence a route-level path folds into one step. Sorted by index.
    public func parallelLinks(of hop: Hop, options: TraversalOptions = TraversalOptions()) -> [RelationshipIndex] {
        let filter = TraversalFilter(options, graph: self)
        var links: [RelationshipIndex] = []
        filter.forEachStep(from: hop.from.int, in: self) { link, neighbor in
            if neighbor == hop.to.int && link != hop.relationship.int { links.append(RelationshipIndex(link)) }
        }
        return links.sorted()
    }
}
