import ERGraph
import Foundation

/// Two CSV files with Neo4j admin-import headers (`neo4j-admin database import`): entities with
/// `id:ID`, `:LABEL` (the kind, capitalised) and typed property columns; relationships with
/// `:START_ID`, `:END_ID`, `:TYPE` (the kind, upper case) and theirs. Arrays use `;`.
public enum Neo4jCSVWriter: GraphExporter {
    public static let name = "csv"
    public static let fileExtension = "csv"
    public static let summary = "two CSV files with Neo4j admin-import headers (entities, relationships)"

    public static func export(_ graph: Graph) throws -> [ExportFile] {
        let (entities, relationships) = write(graph)
        return [ExportFile(part: "entities", data: Data(entities.utf8)),
                ExportFile(part: "relationships", data: Data(relationships.utf8))]
    }

    public static func write(_ graph: Graph) -> (entities: String, relationships: String) {
        let nodes = graph.entityIndices.map { ($0, FlatAttributes.entity(graph.entity($0))) }
        let nodeTypes = FlatAttributes.columnTypes(nodes.map(\.1))
        let nodeKeys = nodeTypes.keys.sorted().filter { $0 != "kind" }
        var entityRows = [["id:ID", ":LABEL"] + nodeKeys.map { header($0, nodeTypes[$0]) }]
        for (entity, values) in nodes {
            entityRows.append([graph.id(of: entity), label(graph.kind(of: entity))] + nodeKeys.map { values[$0]?.text ?? "" })
        }
        let links = graph.relationshipIndices.map { ($0, FlatAttributes.relationship(graph.relationship($0))) }
        let linkTypes = FlatAttributes.columnTypes(links.map(\.1))
        let linkKeys = linkTypes.keys.sorted().filter { $0 != "kind" }
        var relationshipRows = [[":START_ID", ":END_ID", ":TYPE", "id"] + linkKeys.map { header($0, linkTypes[$0]) }]
        for (link, values) in links {
            relationshipRows.append([graph.id(of: graph.from(link)), graph.id(of: graph.to(link)),
                                     graph.kind(of: link).uppercased(), graph.id(of: link)] + linkKeys.map { values[$0]?.text ?? "" })
        }
        func csv(_ rows: [[String]]) -> String {
            rows.map { $0.map(CSVField.escape).joined(separator: ",") }.joined(separator: "\n") + "\n"
        }
        return (csv(entityRows), csv(relationshipRows))
    }

    /// `agency` → `Agency`, `awarded_to` → `AwardedTo`.
    static func label(_ kind: String) -> String {
        kind.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    private static func header(_ key: String, _ type: FlatValue?) -> String {
        if key == "aliases" { return "aliases:string[]" }  // joined with ';', Neo4j's array delimiter
        return switch type {
        case .integer?: "\(key):long"
        case .double?: "\(key):double"
        case .boolean?: "\(key):boolean"
        // Typed, so a reader never guesses a column of dates ("2025", then "2025-09") is numeric.
        case .string?: "\(key):string"
        case nil: key
        }
    }
}
