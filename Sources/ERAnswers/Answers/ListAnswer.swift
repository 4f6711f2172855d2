import ERGraph

/// Every entity's id, kind and name, optionally of some kinds only (`ergraph list`).
public struct ListAnswer: Answer, Encodable {
    public struct Row: Encodable, Sendable {
        public var id: String
        public var kind: String
        public var name: String
        public var aliases: [String]
    }

    public var rows: [Row]

    public func encode(to encoder: any Encoder) throws { try rows.encode(to: encoder) }

    public init(kinds: [String]?, in context: GraphContext) throws(AnswerError) {
        let graph = context.graph
        if let kinds { try context.check(kinds.sorted(), role: .entity) }
        let wanted = kinds.map(Set.init)
        rows = graph.entityIndices
            .filter { wanted?.contains(graph.kind(of: $0)) ?? true }
            .map { Row(id: graph.id(of: $0), kind: graph.kind(of: $0), name: graph.name(of: $0), aliases: graph.aliases(of: $0)) }
            .sorted { ($0.kind, $0.id) < ($1.kind, $1.id) }
    }

    public func text() -> String {
        let idWidth = rows.map(\.id.count).max() ?? 0
        let kindWidth = rows.map(\.kind.count).max() ?? 0
        return rows.map { row in
            let aliases = row.aliases.isEmpty ? "" : " (\(row.aliases.joined(separator: ", ")))"
            return row.id.padding(toLength: idWidth, withPad: " ", startingAt: 0) + "  "
                + row.kind.padding(toLength: kindWidth, withPad: " ", startingAt: 0) + "  " + row.name + aliases + "\n"
        }.joined()
    }

    public func csv() -> String? {
        TextTable.csv(["id", "kind", "name", "aliases"], rows.map { [$0.id, $0.kind, $0.name, $0.aliases.joined(separator: "; ")] })
    }
}
