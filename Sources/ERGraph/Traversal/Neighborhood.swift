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
    /// (intermediate kinds, avoided entities, the largest degree) are listed when reached but not expanded.
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

/// Counts the entities within a few links of another, many times over one graph: breadth-first
/// search whose visited marks are stamped rather than cleared, and which builds no list, so a
/// count costs the links it reads.
public struct NeighborhoodCounter: Sendable {
    public let graph: Graph
    let filter: TraversalFilter
    private var stamp: UInt32 = 0
    private var seen: [UInt32]
    private var frontier: [Int32] = []
    private var next: [Int32] = []
    private let lists: [Adjacency]

    public init(graph: Graph, options: TraversalOptions = TraversalOptions()) {
        self.graph = graph
        filter = TraversalFilter(options, graph: graph)
        lists = filter.adjacencyLists(in: graph).forward
        seen = [UInt32](repeating: 0, count: graph.entityCount)
    }

    /// How many entities lie within `depth` links of `start` (the start not counted); the same
    /// number as `graph.neighborhood(of:depth:options:).count`.
    public mutating func count(around start: EntityIndex, depth: Int) -> Int {
        guard depth > 0 else { return 0 }
        if stamp == UInt32.max {
            stamp = 0
            for index in seen.indices { seen[index] = 0 }
        }
        stamp += 1
        let current = stamp
        seen[start.int] = current
        frontier.removeAll(keepingCapacity: true)
        frontier.append(start.rawValue)
        var found = 0
        let usable: [Bool]? = filter.usableLink
        let passable: [Bool]? = filter.passable
        for level in 1...depth {
            next.removeAll(keepingCapacity: true)
            let last: Bool = level == depth
            // Plain loops rather than a closure: the loop writes this search's own arrays.
            for entity32 in frontier {
                let entity = Int(entity32)
                if entity != start.int, let passable, !passable[entity] { continue }
                for adjacency in lists {
                    let end = Int(adjacency.offsets[entity + 1])
                    var slot = Int(adjacency.offsets[entity])
                    while slot < end {
                        let neighbor = Int(adjacency.neighbors[slot])
                        slot += 1
                        if seen[neighbor] == current { continue }
                        if let usable, !usable[Int(adjacency.relationships[slot - 1])] { continue }
                        seen[neighbor] = current
                        found += 1
                        // The last level's entities are counted, never expanded.
                        if !last { next.append(Int32(neighbor)) }
                    }
                }
            }
            if next.isEmpty { break }
            swap(&frontier, &next)
        }
        return found
    }
}
