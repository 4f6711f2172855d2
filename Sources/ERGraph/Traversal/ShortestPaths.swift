/// Unweighted shortest paths between two entities.
///
/// - ``Graph/shortestPath(from:to:options:)``: bidirectional breadth-first search, expanding the
///   smaller frontier one whole level at a time (Pohl 1971, "Bi-directional search"); O(V + E)
///   in the worst case, usually far less, since the two searches meet in the middle before
///   either reaches a hub's whole neighbourhood.
/// - ``Graph/allShortestPaths(from:to:options:limit:)``: a breadth-first search from each end,
///   then every link-level path through the layers on which the two distances add up to the
///   shortest; O(V + E) plus the size of the answer (networkx's `all_shortest_paths`, but
///   telling parallel links apart).
///
/// The ends of a path are exempt from the constraints on entities (`--through`, `--avoid`,
/// `--max-degree`); the entities in between must meet them.
extension Graph {
    public func shortestPath(from source: EntityIndex, to target: EntityIndex,
                             options: TraversalOptions = TraversalOptions()) -> Path? {
        if source == target { return Path(entities: [source], relationships: []) }
        let filter = TraversalFilter(options, graph: self)
        let count = entityCount
        // Parent links: for the forward side the link that reached the entity and the entity it
        // came from; for the backward side the link towards the target and the entity beyond.
        var forwardVia = [Int32](repeating: -1, count: count)
        var forwardFrom = [Int32](repeating: -1, count: count)
        var backwardVia = [Int32](repeating: -1, count: count)
        var backwardTo = [Int32](repeating: -1, count: count)
        var seenForward = [Bool](repeating: false, count: count)
        var seenBackward = [Bool](repeating: false, count: count)
        seenForward[source.int] = true
        seenBackward[target.int] = true
        var forwardFrontier = [source.int]
        var backwardFrontier = [target.int]
        var meeting: Int?

        func passable(_ entity: Int) -> Bool {
            entity == source.int || entity == target.int || filter.canPass(entity)
        }

        while meeting == nil, !forwardFrontier.isEmpty, !backwardFrontier.isEmpty {
            let expandForward = forwardFrontier.count <= backwardFrontier.count
            var next: [Int] = []
            var candidates: [Int] = []
            if expandForward {
                for entity in forwardFrontier {
                    filter.forEachStep(from: entity, in: self) { link, neighbor in
                        guard !seenForward[neighbor], passable(neighbor) else { return }
                        seenForward[neighbor] = true
                        forwardVia[neighbor] = Int32(link)
                        forwardFrom[neighbor] = Int32(entity)
                        if seenBackward[neighbor] { candidates.append(neighbor) } else { next.append(neighbor) }
                    }
                }
                forwardFrontier = next
            } else {
                for entity in backwardFrontier {
                    filter.forEachStep(from: entity, in: self, reverse: true) { link, neighbor in
                        guard !seenBackward[neighbor], passable(neighbor) else { return }
                        seenBackward[neighbor] = true
                        backwardVia[neighbor] = Int32(link)
                        backwardTo[neighbor] = Int32(entity)
                        if seenForward[neighbor] { candidates.append(neighbor) } else { next.append(neighbor) }
                    }
                }
                backwardFrontier = next
            }
            // Every candidate found in this level gives a path of the same length; take the
            // first found, which depends only on the graph's order, never on hashing.
            meeting = candidates.first
        }
        guard let meeting else { return nil }

        var entities: [EntityIndex] = []
        var links: [RelationshipIndex] = []
        var cursor = meeting
        while cursor != source.int {
            entities.append(EntityIndex(cursor))
            links.append(RelationshipIndex(forwardVia[cursor]))
            cursor = Int(forwardFrom[cursor])
        }
        entities.append(source)
        entities.reverse()
        links.reverse()
        cursor = meeting
        while cursor != target.int {
            links.append(RelationshipIndex(backwardVia[cursor]))
            cursor = Int(backwardTo[cursor])
            entities.append(EntityIndex(cursor))
        }
        return Path(entities: entities, relationships: links)
    }

    /// Hop distances from `source` to every entity (-1 where unreachable), following the
    /// filter's direction (or against it with `reverse`), passing only passable entities.
    func hopDistances(from source: Int, filter: TraversalFilter, reverse: Bool = false,
                      exempt: Set<Int> = [], maximum: Int = Int.max) -> [Int32] {
        var distance = [Int32](repeating: -1, count: entityCount)
        distance[source] = 0
        var frontier = [source]
        var level: Int32 = 0
        while !frontier.isEmpty, Int(level) < maximum {
            level += 1
            var next: [Int] = []
            for entity in frontier where entity == source || exempt.contains(entity) || filter.canPass(entity) {
                filter.forEachStep(from: entity, in: self, reverse: reverse) { _, neighbor in
                    if distance[neighbor] < 0 {
                        distance[neighbor] = level
                        next.append(neighbor)
                    }
                }
            }
            frontier = next
        }
        return distance
    }

    public func allShortestPaths(from source: EntityIndex, to target: EntityIndex,
                                 options: TraversalOptions = TraversalOptions(), limit: Int = 100) -> [Path] {
        if source == target { return [Path(entities: [source], relationships: [])] }
        let filter = TraversalFilter(options, graph: self)
        let ends: Set<Int> = [source.int, target.int]
        let fromSource = hopDistances(from: source.int, filter: filter, exempt: ends)
        let total = fromSource[target.int]
        guard total > 0 else { return [] }
        let toTarget = hopDistances(from: target.int, filter: filter, reverse: true, exempt: ends)

        var paths: [Path] = []
        var entities = [source]
        var links: [RelationshipIndex] = []
        func extend(_ entity: Int) {
            if paths.count >= limit { return }
            if entity == target.int {
                paths.append(Path(entities: entities, relationships: links))
                return
            }
            if entity != source.int && !filter.canPass(entity) { return }
            filter.forEachStep(from: entity, in: self) { link, neighbor in
                guard fromSource[neighbor] == fromSource[entity] + 1, toTarget[neighbor] >= 0,
                      fromSource[neighbor] + toTarget[neighbor] == total else { return }
                entities.append(EntityIndex(neighbor))
                links.append(RelationshipIndex(link))
                extend(neighbor)
                entities.removeLast()
                links.removeLast()
            }
        }
        extend(source.int)
        return paths.sorted(by: Path.stableOrder)
    }
}
