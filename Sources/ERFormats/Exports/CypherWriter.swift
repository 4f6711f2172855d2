import ERGraph
import Foundation

/// A Cypher script that creates the graph: one `Entity` node table and one `Link` relationship
/// table (Kùzu needs tables declared; the two `CREATE … TABLE` statements are its DDL, the rest
/// is plain openCypher that Neo4j and Memgraph run too). Every entity keeps its id, kind, name,
/// aliases, dates (`valid_from`, `valid_to`: `end` is a keyword in Kùzu) and citations; every link
/// its id, kind, dates, first amount and citations.
public enum CypherWriter: GraphExporter {
    public static let name = "cypher"
    public static let fileExtension = "cypher"
    public static let summary = "a Cypher script (Kùzu DDL, then openCypher CREATE statements)"

    public static func export(_ graph: Graph) throws -> [ExportFile] {
        [ExportFile(part: "", data: Data(write(graph).utf8))]
    }

    public static func write(_ graph: Graph) -> String {
        var lines = [
            "// \(graph.title ?? "ergraph") — written by ergraph; run statement by statement.",
            "CREATE NODE TABLE Entity(id STRING, kind STRING, name STRING, aliases STRING, valid_from STRING, valid_to STRING, sources STRING, PRIMARY KEY (id));",
            "CREATE REL TABLE Link(FROM Entity TO Entity, id STRING, kind STRING, valid_from STRING, valid_to STRING, amount DOUBLE, currency STRING, amount_kind STRING, sources STRING);",
        ]
        for index in graph.entityIndices {
            let entity = graph.entity(index)
            var fields = ["id: \(literal(entity.id))", "kind: \(literal(entity.kind))", "name: \(literal(entity.name))"]
            if !entity.aliases.isEmpty { fields.append("aliases: \(literal(entity.aliases.joined(separator: "; ")))") }
            if let start = entity.validity.start { fields.append("valid_from: \(literal(start.description))") }
            if let end = entity.validity.end { fields.append("valid_to: \(literal(end.description))") }
            if let sources = FlatAttributes.citationsJSON(entity.citations), !entity.citations.isEmpty {
                fields.append("sources: \(literal(sources))")
            }
            lines.append("CREATE (:Entity {\(fields.joined(separator: ", "))});")
        }
        for index in graph.relationshipIndices {
            let link = graph.relationship(index)
            var fields = ["id: \(literal(link.id))", "kind: \(literal(link.kind))"]
            if let start = link.validity.start { fields.append("valid_from: \(literal(start.description))") }
            if let end = link.validity.end { fields.append("valid_to: \(literal(end.description))") }
            if let money = link.amounts.first {
                fields.append("amount: \(money.exactAmount)")
                fields.append("currency: \(literal(money.currency))")
                fields.append("amount_kind: \(literal(money.kind.rawValue))")
            }
            if let sources = FlatAttributes.citationsJSON(link.citations), !link.citations.isEmpty {
                fields.append("sources: \(literal(sources))")
            }
            lines.append("MATCH (a:Entity {id: \(literal(link.from))}), (b:Entity {id: \(literal(link.to))}) "
                         + "CREATE (a)-[:Link {\(fields.joined(separator: ", "))}]->(b);")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A single-quoted Cypher string: backslash and quote escaped, line breaks as `\n`.
    public static func literal(_ text: String) -> String {
        var out = "'"
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "'": out += "\\'"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{0}"..."\u{1F}": out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "'"
    }
}
