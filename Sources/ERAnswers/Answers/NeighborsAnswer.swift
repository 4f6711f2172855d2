import ERGraph

/// What lies within some links of an entity, nearest first, with the link that reaches each
/// (`ergraph neighbors`).
public struct NeighborsAnswer: Answer, Encodable {
    public struct Row: Encodable, Sendable {
        public var id: String
        public var name: String
        public var kind: String
        public var depth: Int
        /// The entity the search came from.
        public var via: String
        public var relationship: String
        public var relationshipKind: String
        /// The link in words, read from the entity the search came from.
        public var statement: String
    }

    public var rows: [Row]
    private var heading: String

    public func encode(to encoder: any Encoder) throws { try rows.encode(to: encoder) }

    public init(of start: EntityIndex, depth: Int, found: [Neighbor], in graph: Graph) {
        rows = found.map { neighbor in
            let link = graph.relationship(neighbor.relationship)
            let forward = graph.from(neighbor.relationship) == neighbor.via
            return Row(id: graph.id(of: neighbor.entity), name: graph.name(of: neighbor.entity), kind: graph.kind(of: neighbor.entity),
                       depth: neighbor.depth, via: graph.id(of: neighbor.via), relationship: link.id, relationshipKind: link.kind,
                       statement: Wording.statement(link, from: graph.name(of: neighbor.via), to: graph.name(of: neighbor.entity),
                                                    forward: forward))
        }
        heading = "\(Wording.count(rows.count, "entity", "entities")) within \(Wording.count(depth, "link")) of \(graph.name(of: start))"
    }

    public func text() -> String {
        let table = TextTable.text(rows.map { [String($0.depth), $0.name, Wording.kind($0.kind), $0.statement] },
                                   header: ["depth", "entity", "kind", "reached by"])
        return heading + "\n" + (rows.isEmpty ? "" : table + "\n")
    }

    public func csv() -> String? {
        TextTable.csv(["depth", "id", "name", "kind", "via", "relationship", "relationship_kind"],
                      rows.map { [String($0.depth), $0.id, $0.name, $0.kind, $0.via, $0.relationship, $0.relationshipKind] })
    }
}
