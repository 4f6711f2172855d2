/// The moves a weighted search can make, packed for it: per entity, one step per neighbour over
/// the cheapest usable link to it (ties: the lower link index), with that link's weight stored
/// beside the neighbour.
///
/// Why a second copy of the adjacency: over the graph's own lists, every relaxation read the
/// link index, then the weight at that index (a random access into an array as long as the
/// graph's links) and the filter's usable flag, and parallel links were all relaxed in turn.
/// On the benchmark's M graph 39% of the links are parallel to another; the packed steps took a
/// cheapest-path search from 21 to 8.3 ms (`ergraph-bench measure`). Building them is one pass
/// over the links, done once per `WeightedPathSearch`.
struct WeightedSteps: Sendable {
    struct Step: Sendable {
        var neighbor: Int32
        var link: Int32
        var weight: Double
    }

    /// Steps of entity `e` are `steps[offsets[e] ..< offsets[e + 1]]`.
    let offsets: [Int]
    let steps: [Step]

    /// The steps a search makes forwards (`reverse == false`) or backwards from the target of a
    /// directed search. Links with an infinite weight, links the filter excludes and self-loops
    /// are left out; entities the filter forbids to pass stay in (they may be an end).
    init(graph: Graph, weights: [Double], filter: TraversalFilter, reverse: Bool) {
        let count = graph.entityCount
        var offsets = [Int]()
        offsets.reserveCapacity(count + 1)
        var steps = [Step]()
        steps.reserveCapacity(graph.relationshipCount * (filter.direction == .both ? 2 : 1))
        // Where the step towards a neighbour sits in the current entity's row, marked by row.
        var rowOfMark = [Int32](repeating: -1, count: count)
        var position = [Int](repeating: 0, count: count)
        offsets.append(0)
        for entity in 0..<count {
            filter.forEachStep(from: entity, in: graph, reverse: reverse) { link, neighbor in
                let weight = weights[link]
                guard weight != .infinity, neighbor != entity else { return }
                if rowOfMark[neighbor] == Int32(entity) {
                    let at = position[neighbor]
                    if weight < steps[at].weight || (weight == steps[at].weight && Int32(link) < steps[at].link) {
                        steps[at] = Step(neighbor: Int32(neighbor), link: Int32(link), weight: weight)
                    }
                } else {
                    rowOfMark[neighbor] = Int32(entity)
                    position[neighbor] = steps.count
                    steps.append(Step(neighbor: Int32(neighbor), link: Int32(link), weight: weight))
                }
            }
            offsets.append(steps.count)
        }
        self.offsets = offsets
        self.steps = steps
    }
}
