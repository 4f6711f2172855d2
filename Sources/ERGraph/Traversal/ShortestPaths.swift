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
/// The ends of a path are exempt from the constraints on entities (intermediate kinds, avoided
/// entities, the largest degree); the entities in between must meet them.
extension Graph {
    public func shortestPath(from source: EntityIndex, to target: EntityIndex,
                             options: TraversalOptions = TraversalOptions()) -> Path? {
        var search = PathSearch(graph: self, options: options)
        return search.shortestPath(from: source, to: target)
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

/// Repeated shortest-path searches on one graph with one set of constraints, reusing their
/// memory: the arrays are stamped with a search number instead of being cleared, so a search
/// costs only what it visits, never O(V) of set-up. For batches (`ergraph path --pairs`) and
/// benchmarks; ``Graph/shortestPath(from:to:options:)`` makes one for a single question.
public struct PathSearch: Sendable {
    public let graph: Graph
    let filter: TraversalFilter
    private var stamp: UInt32 = 0
    /// When each side last reached an entity (search stamps), side by side: the check every
    /// scanned link makes, and the meeting check beside it, read one small record.
    private struct Stamps {
        var forward: UInt32 = 0
        var backward: UInt32 = 0
    }
    /// The link and entity each side reached an entity through: written once per entity reached.
    private struct Trail {
        var forwardVia: Int32 = -1
        var forwardFrom: Int32 = -1
        var backwardVia: Int32 = -1
        var backwardTo: Int32 = -1
    }
    private var stamps: [Stamps]
    private var trails: [Trail]
    private var frontierA: [Int32] = []
    private var frontierB: [Int32] = []
    private var next: [Int32] = []
    // The adjacency lists each side scans.
    private let forwardLists: [Adjacency]
    private let backwardLists: [Adjacency]

    public init(graph: Graph, options: TraversalOptions = TraversalOptions()) {
        self.graph = graph
        filter = TraversalFilter(options, graph: graph)
        (forwardLists, backwardLists) = filter.adjacencyLists(in: graph)
        stamps = [Stamps](repeating: Stamps(), count: graph.entityCount)
        trails = [Trail](repeating: Trail(), count: graph.entityCount)
    }

    /// One shortest path, link-level: bidirectional breadth-first search expanding the smaller
    /// frontier a whole level at a time; the first meeting found, in the graph's own order.
    public mutating func shortestPath(from source: EntityIndex, to target: EntityIndex) -> Path? {
        if source == target { return Path(entities: [source], relationships: []) }
        if stamp == UInt32.max {
            stamp = 0
            for index in stamps.indices { stamps[index] = Stamps() }
        }
        stamp += 1
        let current = stamp
        let sourceIndex = Int(source.rawValue), targetIndex = Int(target.rawValue)
        stamps[sourceIndex].forward = current
        stamps[targetIndex].backward = current
        frontierA.removeAll(keepingCapacity: true)
        frontierB.removeAll(keepingCapacity: true)
        frontierA.append(source.rawValue)
        frontierB.append(target.rawValue)
        var meeting: Int = -1

        let usable = filter.usableLink, passable = filter.passable

        while meeting < 0, !frontierA.isEmpty, !frontierB.isEmpty {
            let forward = frontierA.count <= frontierB.count
            next.removeAll(keepingCapacity: true)
            let frontier = forward ? frontierA : frontierB
            let lists = forward ? forwardLists : backwardLists
            frontierLoop: for entity32 in frontier {
                let entity = Int(entity32)
                for adjacency in lists {
                    var slot = Int(adjacency.offsets[entity])
                    let end = Int(adjacency.offsets[entity + 1])
                    while slot < end {
                        let neighbor = Int(adjacency.neighbors[slot])
                        slot += 1
                        if forward {
                            if stamps[neighbor].forward == current { continue }
                            let link = adjacency.relationships[slot - 1]
                            if let usable, !usable[Int(link)] { continue }
                            if neighbor != targetIndex && neighbor != sourceIndex, let passable, !passable[neighbor] { continue }
                            stamps[neighbor].forward = current
                            trails[neighbor].forwardVia = link
                            trails[neighbor].forwardFrom = entity32
                            if stamps[neighbor].backward == current { meeting = neighbor; break frontierLoop }
                        } else {
                            if stamps[neighbor].backward == current { continue }
                            let link = adjacency.relationships[slot - 1]
                            if let usable, !usable[Int(link)] { continue }
                            if neighbor != targetIndex && neighbor != sourceIndex, let passable, !passable[neighbor] { continue }
                            stamps[neighbor].backward = current
                            trails[neighbor].backwardVia = link
                            trails[neighbor].backwardTo = entity32
                            if stamps[neighbor].forward == current { meeting = neighbor; break frontierLoop }
                        }
                        next.append(Int32(neighbor))
                    }
                }
            }
            if forward { swap(&frontierA, &next) } else { swap(&frontierB, &next) }
        }
        guard meeting >= 0 else { return nil }

        var entities: [EntityIndex] = []
        var links: [RelationshipIndex] = []
        var cursor = meeting
        while cursor != sourceIndex {
            entities.append(EntityIndex(cursor))
            links.append(RelationshipIndex(trails[cursor].forwardVia))
            cursor = Int(trails[cursor].forwardFrom)
        }
        entities.append(source)
        entities.reverse()
        links.reverse()
        cursor = meeting
        while cursor != targetIndex {
            links.append(RelationshipIndex(trails[cursor].backwardVia))
            cursor = Int(trails[cursor].backwardTo)
            entities.append(EntityIndex(cursor))
        }
        return Path(entities: entities, relationships: links)
    }
}
