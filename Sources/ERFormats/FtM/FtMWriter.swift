import ERGraph
import Foundation

/// FollowTheMoney entities as JSON lines, for Aleph, OpenSanctions tooling and `ftm` itself:
/// each entity under the schema its kind maps to, each relationship as the edge schema that
/// fits it (Ownership, Membership, ContractAward, Employment, Directorship, Succession,
/// Payment, …, else UnknownLink with its kind as `role`). Contracts carry their buyers as
/// `authority`. Sources travel as `sourceUrl` and `publisher`; quotes and other facts as the
/// `notes` of entities and the `description` of links.
public enum FtMWriter: GraphExporter {
    public static let name = "ftm"
    public static let fileExtension = "ftm.json"
    public static let summary = "FollowTheMoney entities, one JSON object per line"

    public static func export(_ graph: Graph) throws -> [ExportFile] {
        [ExportFile(part: "", data: Data(try write(graph).utf8))]
    }

    public static func write(_ graph: Graph) throws -> String {
        var authorities: [String: [String]] = [:]
        for link in graph.relationshipIndices where graph.kind(of: link) == "awarded" {
            authorities[graph.id(of: graph.to(link)), default: []].append(graph.id(of: graph.from(link)))
        }
        var lines: [String] = []
        for index in graph.entityIndices {
            let entity = graph.entity(index)
            let schema = FtMSchemata.schema(forKind: entity.kind)
            var properties: [String: [String]] = [:]
            if schema == "Address" { properties["full"] = [entity.name] } else { properties["name"] = [entity.name] }
            if schema == "Contract" {
                properties["title"] = [entity.name]
                if let buyers = authorities[entity.id] { properties["authority"] = buyers }
                if let money = entity.amounts.first {
                    properties["amount"] = [money.exactAmount]
                    properties["currency"] = [money.currency]
                }
                if let start = entity.validity.start { properties["contractDate"] = [start.description] }
            }
            if !entity.aliases.isEmpty, schema != "Address" { properties["alias"] = entity.aliases }
            if case let .text(description)? = entity.properties["description"] { properties["description"] = [description] }
            addEvidence(entity.citations, graph: graph, extra: entity.properties, skip: ["description"], into: "notes", to: &properties)
            lines.append(try line(id: entity.id, schema: schema, properties: properties))
        }
        for index in graph.relationshipIndices {
            let link = graph.relationship(index)
            if link.kind == "awarded", graph.kind(of: graph.to(index)) == "contract" { continue }  // written as authority
            let edge = FtMSchemata.edge(forKind: link.kind)
            var properties: [String: [String]] = [
                edge.source: [edge.reversed ? link.to : link.from],
                edge.target: [edge.reversed ? link.from : link.to],
            ]
            if edge.schema == "UnknownLink" { properties["role"] = [link.kind.replacingOccurrences(of: "_", with: " ")] }
            if let start = link.validity.start { properties["startDate"] = [start.description] }
            if let end = link.validity.end { properties["endDate"] = [end.description] }
            if edge.schema == "Payment", let money = link.amounts.first {
                properties["amount"] = [money.exactAmount]
                properties["currency"] = [money.currency]
            }
            // FtM has fewer kinds of link than ergraph: the exact kind travels in the description,
            // where the reader finds it again.
            properties["description", default: []].append(FtMSchemata.kindNote + link.kind)
            var summary = link.amounts.map(\.description)
            summary += link.events.map { event in event.date.map { "\(event.status) \($0)" } ?? event.status }
            if !summary.isEmpty { properties["summary"] = [summary.joined(separator: "; ")] }
            // Edge schemata have no notes; their description holds the quotes.
            addEvidence(link.citations, graph: graph, extra: link.properties, skip: [], into: "description", to: &properties)
            lines.append(try line(id: link.id, schema: edge.schema, properties: properties))
        }
        return lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")
    }

    /// Source URLs, publishers, quotes and remaining facts, in the properties every FtM thing has.
    private static func addEvidence(_ citations: [Citation], graph: Graph, extra: [String: PropertyValue], skip: Set<String>,
                                    into notesProperty: String, to properties: inout [String: [String]]) {
        var urls: [String] = [], publishers: [String] = [], notes: [String] = []
        for citation in citations {
            let source = graph.source(withID: citation.source)
            if let url = source?.url, !urls.contains(url) { urls.append(url) }
            if let publisher = source?.publisher, !publishers.contains(publisher) { publishers.append(publisher) }
            if let quote = citation.quote { notes.append("“\(quote)” (\(source?.title ?? citation.source))") }
        }
        for key in extra.keys.sorted() where !skip.contains(key) {
            if let value = extra[key] { notes.append("\(key): \(value)") }
        }
        if !urls.isEmpty { properties["sourceUrl"] = urls }
        if !publishers.isEmpty { properties["publisher"] = publishers }
        if !notes.isEmpty { properties[notesProperty, default: []] += notes }
    }

    private static func line(id: String, schema: String, properties: [String: [String]]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        struct Entity: Encodable { var id: String; var schema: String; var properties: [String: [String]] }
        return String(decoding: try encoder.encode(Entity(id: id, schema: schema, properties: properties)), as: UTF8.self)
    }
}
