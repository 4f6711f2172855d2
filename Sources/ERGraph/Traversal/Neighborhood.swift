/// An entity reached from another, with how far it is and the link that first reached it.
public struct Neighbor: Hashable, Sendable {
    public var entity: EntityIndex
    /// Links from the start (1 for direct neighbours).
    public var depth: Int
    /// The entity it was reached from, and the link (the first in relationship order).
    public var via: EntityIndex
    public var relationship: RelationshipIndex
}

extension Graph {
    /// Every entity within `depth` links of `start`, nearest first: breadth-first search,
    /// O(V + E) over the part of the graph it reaches. Entities that may not be passed
    /// (`--through`, `--avoid`, `--max-degree`) are listed when reached but not expanded.
    public func neighborhood(of start: EntityIndex, depth: Int,
                             options: TraversalOptions = TraversalOptions()) -> [Neighbor] {
        guard depth > 0 else { return [] }
        let filter = TraversalFilter(options, graph: self)
        var seen = [Bool](repeating: false, count: entityCount)
        seen[start.int] = true
        var found: [Neighbor] = []
        var frontier = [start.int]
        for level in 1...depth {
            var next: [Int] = []
            for entity in frontier where entity == start.int || filter.canPass(entity) {
                filter.forEachStep(from: entity, in: self) { link, neighbor in
                    guard !seen[neighbor] else { return }
                    seen[neighbor] = true
                    found.append(Neighbor(entity: EntityIndex(neighbor), depth: level, via: EntityIndex(entity),
                                          relationship: RelationshipIndex(link)))
                    next.append(neighbor)
                }
            }
            if next.isEmpty { break }
            frontier = next
        }
        return found
    }
}
