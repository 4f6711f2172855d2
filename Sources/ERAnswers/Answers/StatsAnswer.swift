import ERGraph

/// Counts by kind, sources and components (`ergraph stats`).
public struct StatsAnswer: Answer, Encodable {
    public var summary: GraphSummary
    /// How the answer names what was read.
    public var origin: String

    public func encode(to encoder: any Encoder) throws { try summary.encode(to: encoder) }

    public init(_ graph: Graph, origin: String) {
        summary = GraphSummary(graph: graph)
        self.origin = origin
    }

    public func text() -> String {
        func breakdown(_ counts: [String: Int]) -> String {
            counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
                .map { "\(Wording.kind($0.key)) \($0.value)" }
                .joined(separator: ", ")
        }
        var lines: [String] = []
        lines.append(summary.title.map { "\($0) (\(origin))" } ?? origin)
        lines.append("  entities       \(summary.entities): \(breakdown(summary.entitiesByKind))")
        lines.append("  relationships  \(summary.relationships): \(breakdown(summary.relationshipsByKind))")
        var sourceLine = "  sources        \(summary.sources), \(summary.citedSources) cited"
        if summary.unsourcedRelationships > 0 {
            sourceLine += "; " + Wording.count(summary.unsourcedRelationships, "relationship")
                + (summary.unsourcedRelationships == 1 ? " cites none" : " cite none")
        } else if summary.relationships > 0 {
            sourceLine += "; every relationship cites one"
        }
        lines.append(sourceLine)
        lines.append("  components     \(summary.components) (the largest has \(Wording.count(summary.largestComponent, "entity", "entities")))")
        return lines.joined(separator: "\n") + "\n"
    }
}
