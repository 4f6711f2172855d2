import ERGraph
import Foundation

/// A Cypher script that creates the graph with the same labels and types ergraph's queries use:
/// one node table per entity kind and one relationship table per link kind (Kùzu needs its
/// tables declared; the `CREATE NODE TABLE` / `CREATE REL TABLE` statements are its DDL, the
/// rest is plain openCypher that Neo4j and Memgraph run too). So a query such as
/// `MATCH (a:agency)-[:awarded]->(c:contract) RETURN a.name, c.amount` means the same in ergraph
/// and in the database.
///
/// Every entity keeps its id, kind, name, aliases (joined by `; `), first amount (`amount`, `currency`,
/// `amount_kind`), latest `status`, dates (`valid_from`, `valid_to`: `end` is a keyword in Kùzu)
/// and citations (`sources`, JSON), plus its own properties, typed per kind (a property with
/// mixed types is a string). Links keep the same, without name and aliases.
public enum CypherWriter: GraphExporter {
    public static let name = "cypher"
    public static let fileExtension = "cypher"
    public static let summary = "a Cypher script (Kùzu DDL, a table per kind, then openCypher CREATE statements)"

    public static func export(_ graph: Graph) throws -> [ExportFile] {
        [ExportFile(part: "", data: Data(write(graph).utf8))]
    }

    /// A column of a node or relationship table, with its Kùzu type.
    struct Column {
        var name: String
        var type: String
    }

    /// One statement per line, tables first; rows in index order, so the script is deterministic.
    public static func write(_ graph: Graph) -> String {
        var lines = ["// \(graph.title ?? "ergraph") — written by ergraph; run statement by statement."]
        let entityRows = graph.entityIndices.map { entityFields(graph.entity($0)) }
        let linkRows = graph.relationshipIndices.map { linkFields(graph.relationship($0)) }

        let entityKinds = Array(Set(graph.entityIndices.map { graph.kind(of: $0) })).sorted()
        var entityColumns: [String: [Column]] = [:]
        for kind in entityKinds {
            let rows = graph.entityIndices.filter { graph.kind(of: $0) == kind }.map { entityRows[$0.int] }
            let columns = self.columns(rows, first: ["id", "kind", "name"])
            entityColumns[kind] = columns
            lines.append("CREATE NODE TABLE \(identifier(kind))(" + columns.map { "\(identifier($0.name)) \($0.type)" }.joined(separator: ", ")
                         + ", PRIMARY KEY (id));")
        }
        let linkKinds = Array(Set(graph.relationshipIndices.map { graph.kind(of: $0) })).sorted()
        var linkColumns: [String: [Column]] = [:]
        for kind in linkKinds {
            let links = graph.relationshipIndices.filter { graph.kind(of: $0) == kind }
            let pairs = Array(Set(links.map { PairKey(from: graph.kind(of: graph.from($0)), to: graph.kind(of: graph.to($0))) })).sorted()
            let columns = self.columns(links.map { linkRows[$0.int] }, first: ["id", "kind"])
            linkColumns[kind] = columns
            lines.append("CREATE REL TABLE \(identifier(kind))(" + pairs.map { "FROM \(identifier($0.from)) TO \(identifier($0.to))" }.joined(separator: ", ")
                         + ", " + columns.map { "\(identifier($0.name)) \($0.type)" }.joined(separator: ", ") + ");")
        }
        for entity in graph.entityIndices {
            let kind = graph.kind(of: entity)
            let fields = entityRows[entity.int]
            let values = (entityColumns[kind] ?? []).compactMap { column in fields[column.name].map { "\(identifier(column.name)): \(value($0, as: column.type))" } }
            lines.append("CREATE (:\(identifier(kind)) {\(values.joined(separator: ", "))});")
        }
        for link in graph.relationshipIndices {
            let kind = graph.kind(of: link)
            let fields = linkRows[link.int]
            let values = (linkColumns[kind] ?? []).compactMap { column in fields[column.name].map { "\(identifier(column.name)): \(value($0, as: column.type))" } }
            let from = graph.from(link), to = graph.to(link)
            lines.append("MATCH (a:\(identifier(graph.kind(of: from))) {id: \(literal(graph.id(of: from)))}), "
                         + "(b:\(identifier(graph.kind(of: to))) {id: \(literal(graph.id(of: to)))}) "
                         + "CREATE (a)-[:\(identifier(kind)) {\(values.joined(separator: ", "))}]->(b);")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private struct PairKey: Hashable, Comparable {
        var from: String
        var to: String
        static func < (lhs: Self, rhs: Self) -> Bool { (lhs.from, lhs.to) < (rhs.from, rhs.to) }
    }

    private static func entityFields(_ entity: Entity) -> [String: PropertyValue] {
        var fields = entity.properties
        fields["id"] = .text(entity.id)
        fields["name"] = .text(entity.name)
        fields["kind"] = .text(entity.kind)
        if !entity.aliases.isEmpty { fields["aliases"] = .text(entity.aliases.joined(separator: "; ")) }
        common(&fields, validity: entity.validity, amounts: entity.amounts, events: entity.events, citations: entity.citations)
        return fields
    }

    private static func linkFields(_ link: Relationship) -> [String: PropertyValue] {
        var fields = link.properties
        fields["id"] = .text(link.id)
        fields["kind"] = .text(link.kind)
        common(&fields, validity: link.validity, amounts: link.amounts, events: link.events, citations: link.citations)
        return fields
    }

    private static func common(_ fields: inout [String: PropertyValue], validity: Validity, amounts: [Money],
                               events: [StatusEvent], citations: [Citation]) {
        if let start = validity.start { fields["valid_from"] = .text(start.description) }
        if let end = validity.end { fields["valid_to"] = .text(end.description) }
        if let money = amounts.first {
            fields["amount"] = .number(NSDecimalNumber(decimal: money.amount).doubleValue)
            fields["currency"] = .text(money.currency)
            fields["amount_kind"] = .text(money.kind.rawValue)
        }
        if let status = events.last?.status { fields["status"] = .text(status) }
        if !citations.isEmpty, let sources = FlatAttributes.citationsJSON(citations) { fields["sources"] = .text(sources) }
    }

    /// The columns of one table: the first ones given, then every other key sorted, each typed
    /// by what its values hold.
    private static func columns(_ rows: [[String: PropertyValue]], first: [String]) -> [Column] {
        var types: [String: String] = [:]
        for row in rows {
            for (key, value) in row {
                let type = kuzuType(value)
                if let known = types[key], known != type {
                    types[key] = (["INT64", "DOUBLE"].contains(known) && ["INT64", "DOUBLE"].contains(type)) ? "DOUBLE" : "STRING"
                } else {
                    types[key] = type
                }
            }
        }
        let rest = types.keys.filter { !first.contains($0) }.sorted()
        return (first + rest).map { Column(name: $0, type: types[$0] ?? "STRING") }
    }

    private static func kuzuType(_ value: PropertyValue) -> String {
        switch value {
        case .integer: "INT64"
        case .number, .money: "DOUBLE"
        case .boolean: "BOOLEAN"
        case .text, .date, .list: "STRING"
        }
    }

    private static func value(_ value: PropertyValue, as type: String) -> String {
        switch (value, type) {
        case let (.integer(number), "INT64"): return String(number)
        case let (.integer(number), "DOUBLE"): return String(Double(number))
        case let (.number(number), "DOUBLE"): return number.isFinite ? "\(number)" : "NULL"
        case let (.money(money), "DOUBLE"): return "\(NSDecimalNumber(decimal: money.amount).doubleValue)"
        case let (.boolean(flag), "BOOLEAN"): return flag ? "true" : "false"
        default: return literal(value.description)
        }
    }

    /// A table, label or property name in backticks when it is not a plain identifier.
    static func identifier(_ name: String) -> String {
        let plain = !name.isEmpty && name.unicodeScalars.allSatisfy { $0 == "_" || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
            && !("0"..."9").contains(name.unicodeScalars.first ?? "0") && !reserved.contains(name.uppercased())
        return plain ? name : "`" + name.replacingOccurrences(of: "`", with: "``") + "`"
    }

    /// Words Kùzu or openCypher reserve, quoted when a kind or property uses them.
    private static let reserved: Set<String> = [
        "ALL", "AND", "AS", "ASC", "BY", "CALL", "CASE", "CAST", "COLUMN", "CONTAINS", "COPY", "COUNT", "CREATE", "CYCLE",
        "DATABASE", "DEFAULT", "DELETE", "DESC", "DETACH", "DISTINCT", "DROP", "ELSE", "END", "ENDS", "EXISTS", "EXPLAIN",
        "EXPORT", "FALSE", "FOREACH", "FROM", "GLOB", "GRAPH", "GROUP", "HEADERS", "HINT", "IMPORT", "IF", "IN", "INCREMENT",
        "INSTALL", "IS", "JOIN", "KEY", "LIMIT", "LOAD", "LOGICAL", "MACRO", "MATCH", "MAXVALUE", "MERGE", "MINVALUE", "MULTI_JOIN",
        "NO", "NODE", "NOT", "NONE", "NULL", "ON", "ONLY", "OPTIONAL", "OR", "ORDER", "PRIMARY", "PROFILE", "PROJECT", "READ",
        "REL", "RENAME", "RETURN", "ROLLBACK", "ROLLBACK_SKIP_CHECKPOINT", "SEQUENCE", "SET", "SHORTEST", "START", "STARTS",
        "TABLE", "THEN", "TO", "TRAIL", "TRANSACTION", "TRUE", "TYPE", "UNION", "UNWIND", "USE", "WHEN", "WHERE", "WITH",
        "WRITE", "WSHORTEST", "XOR", "SINGLE", "ACYCLIC", "ANY", "ADD", "ALTER", "BEGIN", "CHECKPOINT", "COMMENT", "COMMIT",
    ]

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
