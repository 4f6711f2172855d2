/// A reusable cheapest-path search: bidirectional Dijkstra (Pohl 1971; the stopping rule of
/// Goldberg and Harrelson 2005: stop once the two queues' minima add up to the best meeting
/// found). Its arrays are as long as the graph and are stamped rather than cleared, so a search
/// costs what it visits, not the size of the graph; answer many pairs with one search.
///
/// Ends are exempt from entity constraints, as in ``PathSearch``. Links with an infinite weight
/// are never used. Of parallel links the cheapest is used, the lower link index on a tie, so the
/// answer is the same every run.
public struct WeightedPathSearch: Sendable {
    public let graph: Graph
    let filter: TraversalFilter
    // The steps forwards from the source and backwards from the target (the same steps unless
    // the search is directed).
    private let forward: WeightedSteps
    private let backward: WeightedSteps
    private var stamp: UInt32 = 0
    /// What a search reads of an entity on one side at every relaxation: when it was last
    /// reached and settled (stamps) and its distance, 16 bytes, four to a cache line. Where it
    /// was reached from lives apart (`via`, `from`): written on an improvement, read only to
    /// trace the answer. Splitting the 24-byte label so took a pair at L (1M entities, 10M
    /// links) from 166 to 153 ms, one run each, in the benchmark's weighted question.
    private struct Label {
        var reached: UInt32 = 0
        var settled: UInt32 = 0
        var distance: Double = .infinity
    }
    // Both sides of an entity side by side (forward at 2·entity, backward at 2·entity + 1): a
    // relaxation reads its own side and checks the other for a meeting in one cache line.
    private var labels: [Label]
    private var via: [Int32]
    private var from: [Int32]
    // The two queues, forward and backward, kept between searches for their capacity.
    private var queues = [CostQueue(), CostQueue()]

    public init(graph: Graph, weights: LinkWeights, options: TraversalOptions = TraversalOptions()) {
        self.graph = graph
        filter = TraversalFilter(options, graph: graph)
        forward = WeightedSteps(graph: graph, weights: weights.values, filter: filter, reverse: false)
        backward = filter.direction == .both
            ? forward : WeightedSteps(graph: graph, weights: weights.values, filter: filter, reverse: true)
        labels = [Label](repeating: Label(), count: 2 * graph.entityCount)
        via = [Int32](repeating: -1, count: 2 * graph.entityCount)
        from = [Int32](repeating: -1, count: 2 * graph.entityCount)
    }

    /// The cheapest path from `source` to `target`, or nil when none exists.
    public mutating func cheapestPath(from source: EntityIndex, to target: EntityIndex) -> Path? {
        if source == target { return Path(entities: [source], relationships: [], cost: 0) }
        if stamp == UInt32.max {
            stamp = 0
            for index in labels.indices { labels[index] = Label() }
        }
        stamp += 1
        let current = stamp
        let ends = (Int32(source.int), Int32(target.int))
        queues[0].removeAll()
        queues[1].removeAll()
        for (side, start) in [(0, source.int), (1, target.int)] {
            labels[2 * start + side] = Label(reached: current, settled: 0, distance: 0)
            via[2 * start + side] = -1
            from[2 * start + side] = -1
            queues[side].insert(cost: 0, entity: Int32(start))
        }
        var best = Double.infinity
        var meeting: (entity: Int, link: Int32, other: Int)? = nil
        let passable = filter.passable
        // The hot loop works on the buffers directly: no uniqueness or bounds check per step.
        var queuePair = (queues[0], queues[1])
        queues = []
        defer { queues = [queuePair.0, queuePair.1] }
        let forwardSteps = forward, backwardSteps = backward
        labels.withUnsafeMutableBufferPointer { labels in
        via.withUnsafeMutableBufferPointer { via in
        from.withUnsafeMutableBufferPointer { from in
        while let topForward = queuePair.0.min, let topBackward = queuePair.1.min {
            if topForward.cost + topBackward.cost >= best { break }
            // Expand the side whose next entity is closer: the two searches meet in the middle.
            let side = topForward.cost <= topBackward.cost ? 0 : 1
            // Whatever this side has not settled lies at least this far from the other end.
            let otherFrontier = side == 0 ? topBackward.cost : topForward.cost
            guard let entry = side == 0 ? queuePair.0.popMin() : queuePair.1.popMin() else { break }
            let entity = Int(entry.entity)
            let at = 2 * entity + side
            if labels[at].settled == current || entry.cost > labels[at].distance { continue }
            labels[at].settled = current
            let moves = side == 0 ? forwardSteps : backwardSteps
            moves.steps.withUnsafeBufferPointer { steps in
            for slot in moves.offsets[entity]..<moves.offsets[entity + 1] {
                let step = steps[slot]
                let neighbor = Int(step.neighbor)
                let here = 2 * neighbor + side, there = 2 * neighbor + 1 - side
                if labels[here].settled == current { continue }
                // Entities that may not be passed are never reached, unless they are an end.
                if let passable, !passable[neighbor], step.neighbor != ends.0, step.neighbor != ends.1 { continue }
                let cost = entry.cost + step.weight
                // A path through the neighbour costs at least `cost + otherFrontier`, unless the
                // other side has reached it (the meeting below): no better than the best, no queue.
                if (labels[here].reached != current || cost < labels[here].distance) && cost + otherFrontier < best {
                    labels[here] = Label(reached: current, settled: 0, distance: cost)
                    via[here] = step.link
                    from[here] = entry.entity
                    if side == 0 { queuePair.0.insert(cost: cost, entity: step.neighbor) } else { queuePair.1.insert(cost: cost, entity: step.neighbor) }
                }
                // A meeting: the other side has reached this neighbour.
                if labels[there].reached == current {
                    let total = cost + labels[there].distance
                    if total < best {
                        best = total
                        meeting = side == 0 ? (entity, step.link, neighbor) : (neighbor, step.link, entity)
                    }
                }
            }
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
            links.append(RelationshipIndex(via[2 * cursor]))
            cursor = Int(from[2 * cursor])
        }
        entities.append(source)
        entities.reverse()
        links.reverse()
        links.append(RelationshipIndex(meeting.link))
        cursor = meeting.other
        entities.append(EntityIndex(cursor))
        while cursor != target.int {
            links.append(RelationshipIndex(via[2 * cursor + 1]))
            cursor = Int(from[2 * cursor + 1])
            entities.append(EntityIndex(cursor))
        }
        return Path(entities: entities, relationships: links, cost: best)
    }
}
