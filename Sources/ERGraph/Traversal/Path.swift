/// A walk through the graph: entities joined by specific relationships (not just by
/// adjacency), so two contracts between the same pair are two different paths.
public struct Path: Hashable, Sendable {
    /// The entities in order, from the start to the end; one more than ``relationships``.
    public var entities: [EntityIndex]
    /// The link taken between each pair of consecutive entities.
    public var relationships: [RelationshipIndex]
    /// The sum of the links' weights (the hop count for unweighted searches).
    public var cost: Double

    public init(entities: [EntityIndex], relationships: [RelationshipIndex], cost: Double? = nil) {
        self.entities = entities
        self.relationships = relationships
        self.cost = cost ?? Double(relationships.count)
    }

    /// The number of links.
    public var length: Int { relationships.count }

    /// Each step as it was taken: which link, and whether it was followed along its direction.
    public func hops(in graph: Graph) -> [Hop] {
        relationships.indices.map { position in
            let link = relationships[position]
            return Hop(from: entities[position], to: entities[position + 1], relationship: link,
                       forward: graph.from(link) == entities[position] && graph.to(link) == entities[position + 1])
        }
    }

    /// Orders paths by cost, then length, then entity and link indices, so results are stable.
    static func stableOrder(_ lhs: Path, _ rhs: Path) -> Bool {
        if lhs.cost != rhs.cost { return lhs.cost < rhs.cost }
        if lhs.length != rhs.length { return lhs.length < rhs.length }
        if lhs.entities != rhs.entities { return lhs.entities.lexicographicallyPrecedes(rhs.entities) }
        return lhs.relationships.lexicographicallyPrecedes(rhs.relationships)
    }
}

/// One step of a path.
public struct Hop: Hashable, Sendable {
    public var from: EntityIndex
    public var to: EntityIndex
    public var relationship: RelationshipIndex
    /// True when the link points from `from` to `to`; false when it was walked backwards
    /// (the undirected view), which explanations show with a reversed arrow.
    public var forward: Bool
}
