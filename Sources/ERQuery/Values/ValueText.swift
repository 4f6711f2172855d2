import ERGraph

/// Values as text: Cypher literals (for plans and messages) and the readable forms the result
/// table and CSV use.
public enum ValueText {
    /// The value as a Cypher literal: strings quoted, lists and maps in their brackets.
    static func literal(_ value: Value) -> String {
        switch value {
        case let .string(text): return "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
        case let .date(date): return "date('\(date)')"
        case let .list(items): return "[" + items.map(literal).joined(separator: ", ") + "]"
        case let .map(keys, values): return "{" + zip(keys, values).map { "\($0): \(literal($1))" }.joined(separator: ", ") + "}"
        default: return value.plainText
        }
    }

    /// A readable form of a result value: entities as `(id:kind "name")`, relationships as
    /// `[id:kind]`, paths as their chain of ids, strings bare at the top level.
    public static func display(_ value: Value, in graph: Graph, nested: Bool = false) -> String {
        switch value {
        case .null: return nested ? "null" : ""
        case let .string(text): return nested ? "\"" + text + "\"" : text
        case let .node(entity): return "(\(graph.id(of: entity)):\(graph.kind(of: entity)) \"\(graph.name(of: entity))\")"
        case let .relationship(link): return "[\(graph.id(of: link)):\(graph.kind(of: link))]"
        case let .path(nodes, links):
            var text = "(\(nodes.first.map { graph.id(of: $0) } ?? ""))"
            for (position, link) in links.enumerated() where position + 1 < nodes.count {
                let forward = graph.from(link) == nodes[position] && graph.to(link) == nodes[position + 1]
                let middle = "[\(graph.kind(of: link))]"
                text += forward ? "-\(middle)->" : "<-\(middle)-"
                text += "(\(graph.id(of: nodes[position + 1])))"
            }
            return text
        case let .list(items): return "[" + items.map { display($0, in: graph, nested: true) }.joined(separator: ", ") + "]"
        case let .map(keys, values):
            return "{" + zip(keys, values).map { "\($0): \(display($1, in: graph, nested: true))" }.joined(separator: ", ") + "}"
        default: return value.plainText
        }
    }
}
