import ERGraph
import Foundation

/// Node-link JSON, the shape D3 draws and networkx's `node_link_graph(data, edges="links")`
/// reads: `{"directed", "multigraph", "graph", "nodes": [{"id", …}], "links": [{"source",
/// "target", "key", …}]}`, keys sorted so the bytes are stable.
public enum NodeLinkJSONWriter: GraphExporter {
    public static let name = "json"
    public static let fileExtension = "json"
    public static let summary = "node-link JSON for D3 and networkx"

    public static func export(_ graph: Graph) throws -> [ExportFile] {
        [ExportFile(part: "", data: try write(graph))]
    }

    public static func write(_ graph: Graph) throws -> Data {
        var nodes: [[String: JSONValue]] = []
        for entity in graph.entityIndices {
            var node = FlatAttributes.entity(graph.entity(entity)).mapValues(JSONValue.init)
            node["id"] = .string(graph.id(of: entity))
            nodes.append(node)
        }
        var links: [[String: JSONValue]] = []
        for link in graph.relationshipIndices {
            var edge = FlatAttributes.relationship(graph.relationship(link)).mapValues(JSONValue.init)
            edge["source"] = .string(graph.id(of: graph.from(link)))
            edge["target"] = .string(graph.id(of: graph.to(link)))
            edge["key"] = .string(graph.id(of: link))
            links.append(edge)
        }
        let document: [String: JSONValue] = [
            "directed": .bool(true), "multigraph": .bool(true),
            "graph": .object(["name": .string(graph.title ?? "ergraph")].merging(
                FlatAttributes.sourcesJSON(graph).map { ["ergraph_sources": JSONValue.string($0)] } ?? [:]) { first, _ in first }),
            "nodes": .array(nodes.map(JSONValue.object)), "links": .array(links.map(JSONValue.object)),
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(JSONValue.object(document))
    }
}

/// A JSON value, for writers that build documents of varying shape.
public indirect enum JSONValue: Encodable, Equatable, Sendable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case array([JSONValue])
    case object([String: JSONValue])
    case null

    init(_ flat: FlatValue) {
        switch flat {
        case let .string(value): self = .string(value)
        case let .integer(value): self = .int(value)
        case let .double(value): self = .double(value)
        case let .boolean(value): self = .bool(value)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case let .string(value): try container.encode(value)
        case let .int(value): try container.encode(value)
        case let .double(value): try container.encode(value)
        case let .bool(value): try container.encode(value)
        case let .array(values): try container.encode(values)
        case let .object(values): try container.encode(values)
        case .null: try container.encodeNil()
        }
    }
}
