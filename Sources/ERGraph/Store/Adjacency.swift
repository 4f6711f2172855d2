/// One direction of a graph's links in compressed sparse row form.
///
/// The links of entity `v` occupy `offsets[v]..<offsets[v+1]` of `neighbors` (the entity at the
/// other end) and `relationships` (the link's stable index), in ascending relationship order, so
/// iteration order never depends on hashing. Built in O(V + E) by a counting sort.
public struct Adjacency: Sendable, Hashable {
    public private(set) var offsets: [Int32]
    public private(set) var neighbors: [Int32]
    public private(set) var relationships: [Int32]

    /// An adjacency from its raw arrays (snapshots); nil unless every offset and index fits:
    /// a damaged file must give an error, never an out-of-range read.
    /// Arrays read back (a snapshot's), checked; `everyLink` says each link appears once (the
    /// directed lists), else at most twice (the undirected view, each neighbour once).
    init?(offsets: [Int32], neighbors: [Int32], relationships: [Int32], entityCount: Int, relationshipCount: Int,
          everyLink: Bool = true) {
        guard offsets.count == entityCount + 1, offsets.first == 0, neighbors.count == relationships.count,
              Int(offsets.last ?? -1) == neighbors.count,
              everyLink ? neighbors.count == relationshipCount : neighbors.count <= 2 * relationshipCount else { return nil }
        for index in 0..<entityCount where offsets[index] > offsets[index + 1] { return nil }
        guard neighbors.allSatisfy({ $0 >= 0 && Int($0) < entityCount }),
              relationships.allSatisfy({ $0 >= 0 && Int($0) < relationshipCount }) else { return nil }
        self.offsets = offsets
        self.neighbors = neighbors
        self.relationships = relationships
    }

    /// Groups links by their `keys` end; `others` are the entities at the far end.
    init(entityCount: Int, keys: [Int32], others: [Int32]) {
        var offsets = [Int32](repeating: 0, count: entityCount + 1)
        for key in keys { offsets[Int(key) + 1] &+= 1 }
        for index in 0..<entityCount { offsets[index + 1] &+= offsets[index] }
        var cursor = Array(offsets.dropLast())
        let linkCount = keys.count
        var neighbors = [Int32](repeating: 0, count: linkCount)
        var relationships = [Int32](repeating: 0, count: linkCount)
        keys.withUnsafeBufferPointer { keyBuffer in
            others.withUnsafeBufferPointer { otherBuffer in
                neighbors.withUnsafeMutableBufferPointer { neighborBuffer in
                    relationships.withUnsafeMutableBufferPointer { relationshipBuffer in
                        cursor.withUnsafeMutableBufferPointer { cursorBuffer in
                            for link in 0..<linkCount {
                                let key = Int(keyBuffer[link])
                                let slot = Int(cursorBuffer[key])
                                neighborBuffer[slot] = otherBuffer[link]
                                relationshipBuffer[slot] = Int32(truncatingIfNeeded: link)
                                cursorBuffer[key] = Int32(truncatingIfNeeded: slot + 1)
                            }
                        }
                    }
                }
            }
        }
        self.offsets = offsets
        self.neighbors = neighbors
        self.relationships = relationships
    }

    /// The undirected, simple view of two adjacencies (`outgoing` and `incoming` of one graph):
    /// per entity, each other entity it is linked to, once, through the first link a scan of
    /// its outgoing then incoming links meets (so a breadth-first search over this view records
    /// the same links as one over both lists); self-links are left out.
    ///
    /// Why: searches on the undirected view with no filter on links read every parallel link
    /// twice over both lists; on the benchmark's M graph (39% of links parallel to another) this
    /// view has 1.22 M entries against 2 M, and it took a shortest path from 7.8 to 3.7 µs and a
    /// 2-hop count from 0.53 to 0.14 ms, the hubs' many parallel contracts being read once
    /// (`ergraph-bench measure`).
    init(distinctNeighborsOf outgoing: Adjacency, _ incoming: Adjacency, entityCount: Int) {
        var offsets = [Int32](repeating: 0, count: entityCount + 1)
        var neighbors: [Int32] = []
        var relationships: [Int32] = []
        neighbors.reserveCapacity(outgoing.neighbors.count + incoming.neighbors.count)
        relationships.reserveCapacity(neighbors.capacity)
        // The entity whose row last listed each neighbour: a mark, never cleared.
        var listedBy = [Int32](repeating: -1, count: entityCount)
        for entity in 0..<entityCount {
            for pass in 0..<2 {
                let adjacency = pass == 0 ? outgoing : incoming
                for slot in Int(adjacency.offsets[entity])..<Int(adjacency.offsets[entity + 1]) {
                    let neighbor = adjacency.neighbors[slot]
                    if Int(neighbor) == entity || listedBy[Int(neighbor)] == Int32(entity) { continue }
                    listedBy[Int(neighbor)] = Int32(entity)
                    neighbors.append(neighbor)
                    relationships.append(adjacency.relationships[slot])
                }
            }
            offsets[entity + 1] = Int32(truncatingIfNeeded: neighbors.count)
        }
        self.offsets = offsets
        self.neighbors = neighbors
        self.relationships = relationships
    }

    /// How many links touch `entity` in this direction.
    @inlinable
    public func degree(_ entity: EntityIndex) -> Int {
        Int(offsets[entity.int + 1] - offsets[entity.int])
    }

    /// The positions of `entity`'s links in ``neighbors`` and ``relationships``.
    @inlinable
    public func range(of entity: EntityIndex) -> Range<Int> {
        Int(offsets[entity.int])..<Int(offsets[entity.int + 1])
    }

    var memoryFootprint: Int {
        (offsets.capacity + neighbors.capacity + relationships.capacity) * MemoryLayout<Int32>.stride
    }
}
