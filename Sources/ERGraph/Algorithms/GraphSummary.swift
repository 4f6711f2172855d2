/// Counts that describe a graph at a glance (`ergraph stats`).
public struct GraphSummary: Sendable, Codable, Equatable {
    public var title: String?
    public var entities: Int
    public var relationships: Int
    /// Sources the dataset lists.
    public var sources: Int
    /// Sources at least one entity, relationship or event cites.
    public var citedSources: Int
    /// Relationships that cite no source at all.
    public var unsourcedRelationships: Int
    public var entitiesByKind: [String: Int]
    public var relationshipsByKind: [String: Int]
    /// Weakly connected components.
    public var components: Int
    public var largestComponent: Int

    /// O(V + E), plus the citations of every record that has details.
    public init(graph: Graph) {
        title = graph.title
        entities = graph.entityCount
        relationships = graph.relationshipCount
        sources = graph.sources.count

        var entityKindCounts = [Int](repeating: 0, count: graph.entityKindNames.count)
        for entity in graph.entityIndices { entityKindCounts[Int(graph.kindCode(of: entity))] += 1 }
        var relationshipKindCounts = [Int](repeating: 0, count: graph.relationshipKindNames.count)
        for relationship in graph.relationshipIndices {
            relationshipKindCounts[Int(graph.kindCode(of: relationship))] += 1
        }
        entitiesByKind = Self.nonZero(entityKindCounts, names: graph.entityKindNames)
        relationshipsByKind = Self.nonZero(relationshipKindCounts, names: graph.relationshipKindNames)

        var cited: Set<String> = []
        var unsourced = 0
        for entity in graph.columns.entityDetails {
            for citation in entity.citations + entity.events.flatMap(\.citations) { cited.insert(citation.source) }
        }
        for slot in graph.columns.relationshipDetailSlots.indices {
            let detailSlot = graph.columns.relationshipDetailSlots[slot]
            guard detailSlot >= 0 else { unsourced += 1; continue }
            let details = graph.columns.relationshipDetails[Int(detailSlot)]
            if details.citations.isEmpty { unsourced += 1 }
            for citation in details.citations + details.events.flatMap(\.citations) { cited.insert(citation.source) }
        }
        citedSources = cited.count
        unsourcedRelationships = unsourced

        let components = graph.weaklyConnectedComponents()
        self.components = components.count
        largestComponent = components.sizes.first ?? 0
    }

    private static func nonZero(_ counts: [Int], names: [String]) -> [String: Int] {
        var result: [String: Int] = [:]
        for (code, count) in counts.enumerated() where count > 0 { result[names[code]] = count }
        return result
    }
}
