import HeapModule

/// A reusable cheapest-path search: bidirectional Dijkstra (Pohl 1971; the stopping rule of
/// Goldberg and Harrelson 2005: stop once the two queues' minima add up to the best meeting
/// found). Its arrays are as long as the graph and are stamped rather than cleared, so a search
/// costs what it visits, not the size of the graph; answer many pairs with one search.
///
/// Ends are exempt from entity constraints, as in ``PathSearch``. Links with an infinite weight
/// are never used. Equal costs are broken towards the lower link index at each entity, so the
/// answer is the same every run.
public struct WeightedPathSearch: Sendable {
    public let graph: Graph
    let filter: TraversalFilter
    let weights: [Double]
    private var stamp: UInt32 = 0
    // Both sides in one array each, forward at `entity`, backward at `count + entity`: when the
    // entity was last reached (a stamp), whether it is settled, its distance, and the link and
    // entity it was reached through.
    private let count: Int
    private var reached: [UInt32]
    private var settled: [UInt32]
    private var distance: [Double]
    private var via: [Int32]
    private var from: [Int32]

    struct Entry: Comparable {
        var cost: Double
        var entity: Int32
        static func < (lhs: Self, rhs: Self) -> Bool { lhs.cost != rhs.cost ? lhs.cost < rhs.cost : lhs.entity < rhs.entity }
    }

    public init(graph: Graph, weights: LinkWeights, options: TraversalOptions = TraversalOptions()) {
        self.graph = graph
        self.weights = weights.values
        filter = TraversalFilter(options, graph: graph)
        count = graph.entityCount
        reached = [UInt32](repeating: 0, count: 2 * count)
        settled = reached
        distance = [Double](repeating: .infinity, count: 2 * count)
        via = [Int32](repeating: -1, count: 2 * count)
        from = via
    }

    /// The cheapest path from `source` to `target`, or nil when none exists.
    public mutating func cheapestPath(from source: EntityIndex, to target: EntityIndex) -> Path? {
        if source == target { return Path(entities: [source], relationships: [], cost: 0) }
        if stamp == UInt32.max {
            stamp = 0
            for index in reached.indices { reached[index] = 0; settled[index] = 0 }
        }
        stamp += 1
        let current = stamp
        let ends = (Int32(source.int), Int32(target.int))
        var queues = [Heap<Entry>(), Heap<Entry>()]
        for (side, start) in [(0, source.int), (1, target.int)] {
            let at = side * count + start
            reached[at] = current
            distance[at] = 0
            via[at] = -1
            from[at] = -1
            queues[side].insert(Entry(cost: 0, entity: Int32(start)))
        }
        var best = Double.infinity
        var meeting: (entity: Int, link: Int32, other: Int)? = nil
        let direction = filter.direction
        let usable = filter.usableLink, passable = filter.passable
        let outgoing = graph.outgoing, incoming = graph.incoming

        while let topForward = queues[0].min, let topBackward = queues[1].min {
            if topForward.cost + topBackward.cost >= best { break }
            // Expand the side whose next entity is closer: the two searches meet in the middle.
            let side = topForward.cost <= topBackward.cost ? 0 : 1
            let other = 1 - side
            guard let entry = queues[side].popMin() else { break }
            let entity = Int(entry.entity)
            let mine = side * count, theirs = other * count
            if settled[mine + entity] == current || entry.cost > distance[mine + entity] { continue }
            settled[mine + entity] = current
            // Forward follows outgoing links (both lists on the undirected view); backward the reverse.
            let useOut = side == 0 ? direction != .incoming : direction != .outgoing
            let useIn = side == 0 ? direction != .outgoing : direction != .incoming
            for pass in 0..<2 {
                if !(pass == 0 ? useOut : useIn) { continue }
                let adjacency: Adjacency = pass == 0 ? outgoing : incoming
                for slot in Int(adjacency.offsets[entity])..<Int(adjacency.offsets[entity + 1]) {
                    let link = Int(adjacency.relationships[slot])
                    if let usable, !usable[link] { continue }
                    let weight = weights[link]
                    if weight == .infinity { continue }
                    let neighbor = Int(adjacency.neighbors[slot])
                    let here = mine + neighbor
                    if settled[here] == current { continue }
                    // Entities that may not be passed are never reached, unless they are an end.
                    if let passable, !passable[neighbor], Int32(neighbor) != ends.0, Int32(neighbor) != ends.1 { continue }
                    let cost = entry.cost + weight
                    if reached[here] != current || cost < distance[here]
                        || (cost == distance[here] && from[here] == entry.entity && Int32(link) < via[here]) {
                        reached[here] = current
                        distance[here] = cost
                        via[here] = Int32(link)
                        from[here] = entry.entity
                        queues[side].insert(Entry(cost: cost, entity: Int32(neighbor)))
                    }
                    // A meeting: the other side has reached this neighbour.
                    if reached[theirs + neighbor] == current {
                        let total = cost + distance[theirs + neighbor]
                        if total < best {
                            best = total
                            meeting = side == 0 ? (entity, Int32(link), neighbor) : (neighbor, Int32(link), entity)
                        }
                    }
                }
            }
        }
        guard let meeting else { return nil }
        // source … meeting.entity —link→ meeting.other … target
        var entities: [EntityIndex] = []
        var links: [RelationshipIndex] = []
        var cursor = meeting.entity
        while cursor != source.int {
            entities.append(EntityIndex(cursor))
            links.append(RelationshipIndex(via[cursor]))
            cursor = Int(from[cursor])
        }
        entities.append(source)
        entities.reverse()
        links.reverse()
        links.append(RelationshipIndex(meeting.link))
        cursor = meeting.other
        entities.append(EntityIndex(cursor))
        while cursor != target.int {
            links.append(RelationshipIndex(via[count + cursor]))
            cursor = Int(from[count + cursor])
            entities.append(EntityIndex(cursor))
        }
        return Path(entities: entities, relationships: links, cost: best)
    }
}
