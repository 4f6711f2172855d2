/// A partition of a graph's entities into components.
public struct ComponentLabels: Sendable, Equatable {
    /// The component of each entity, numbered from 0 in order of each component's lowest entity index.
    public let labels: [Int32]
    public let count: Int

    /// Component sizes, largest first.
    public var sizes: [Int] {
        var sizes = [Int](repeating: 0, count: count)
        for label in labels { sizes[Int(label)] += 1 }
        return sizes.sorted(by: >)
    }
}

extension Graph {
    /// Weakly connected components: entities joined by links in either direction.
    ///
    /// Breadth-first search over both adjacency arrays with one reusable queue; O(V + E) time,
    /// O(V) extra memory (networkx's `weakly_connected_components` answers the same question).
    public func weaklyConnectedComponents() -> ComponentLabels {
        let entityCount = self.entityCount
        var labels = [Int32](repeating: -1, count: entityCount)
        var queue = [Int32](repeating: 0, count: entityCount)
        var count: Int32 = 0
        outgoing.offsets.withUnsafeBufferPointer { outOffsets in
        outgoing.neighbors.withUnsafeBufferPointer { outNeighbors in
        incoming.offsets.withUnsafeBufferPointer { inOffsets in
        incoming.neighbors.withUnsafeBufferPointer { inNeighbors in
        labels.withUnsafeMutableBufferPointer { label in
        queue.withUnsafeMutableBufferPointer { queue in
            for start in 0..<entityCount where label[start] < 0 {
                label[start] = count
                var head = 0
                var tail = 1
                queue[0] = Int32(start)
                while head < tail {
                    let entity = Int(queue[head])
                    head += 1
                    for slot in Int(outOffsets[entity])..<Int(outOffsets[entity + 1]) {
                        let neighbor = Int(outNeighbors[slot])
                        if label[neighbor] < 0 {
                            label[neighbor] = count
                            queue[tail] = Int32(neighbor)
                            tail += 1
                        }
                    }
                    for slot in Int(inOffsets[entity])..<Int(inOffsets[entity + 1]) {
                        let neighbor = Int(inNeighbors[slot])
                        if label[neighbor] < 0 {
                            label[neighbor] = count
                            queue[tail] = Int32(neighbor)
                            tail += 1
                        }
                    }
                }
                count += 1
            }
        }}}}}}
        return ComponentLabels(labels: labels, count: Int(count))
    }
}
