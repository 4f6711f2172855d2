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
        /// The link's own ends, as written.
        public var from: String
        public var to: String
        /// `forward` when the search walked the link along its direction, `backward` against it.
        public var direction: String
        /// The link in words, read from the entity the search came from.
        public var statement: String
        /// True for a link with no dates, kept on a date question.
        public var undated: Bool?
    }

    public var rows: [Row]
    private var heading: String
    /// What the reader must know: undated links kept on a date question.
    public var notes: [String] = []

    public func encode(to encoder: any Encoder) throws { try rows.encode(to: encoder) }

    public init(of start: EntityIndex, depth: Int, found: [Neighbor], in graph: Graph,
                constraints: TraversalConstraints = TraversalConstraints()) {
        let undated = constraints.undatedNote(found.map(\.relationship), in: graph)
        rows = found.map { neighbor in
            let link = graph.relationship(neighbor.relationship)
            let forward = graph.from(neighbor.relationship) == neighbor.via
            return Row(id: graph.id(of: neighbor.entity), name: graph.name(of: neighbor.entity), kind: graph.kind(of: neighbor.entity),
                       depth: neighbor.depth, via: graph.id(of: neighbor.via), relationship: link.id, relationshipKind: link.kind,
                       from: link.from, to: link.to, direction: forward ? "forward" : "backward",
                       statement: Wording.statement(link, from: graph.name(of: neighbor.via), to: graph.name(of: neighbor.entity),
                                                    forward: forward, in: graph.vocabulary),
                       undated: undated?.ids.contains(link.id) == true ? true : nil)
        }
        heading = "\(Wording.count(rows.count, "entity", "entities")) within \(Wording.count(depth, "link")) of \(graph.name(of: start))"
        if let undated { notes.append(undated.note) }
    }

    public func text() -> String {
        let table = TextTable.text(rows.map { [String($0.depth), $0.name, Wording.kind($0.kind), $0.statement] },
                                   header: ["depth", "entity", "kind", "reached by"])
        return ([heading] + notes.map { "  note: \($0)" }).joined(separator: "\n") + "\n" + (rows.isEmpty ? "" : table + "\n")
    }

    public func csv() -> String? {
        TextTable.csv(["depth", "id", "name", "kind", "via", "relationship", "relationship_kind"],
                      rows.map { [String($0.depth), $0.id, $0.name, $0.kind, $0.via, $0.relationship, $0.relationshipKind] })
    }
}
