import ERFormats
import ERGraph
import ERQuery
import Foundation

/// The rows a Cypher query returns (`ergraph query`): a table for people, JSON and CSV.
public struct QueryAnswer: Answer {
    public var result: QueryResult
    public var graph: Graph

    public init(_ result: QueryResult, graph: Graph) {
        self.result = result
        self.graph = graph
    }

    public func text() -> String { QueryResultWriter.table(result, graph: graph) }
    public func json() throws -> String { QueryResultWriter.json(result, graph: graph) }
    public func csv() -> String? { QueryResultWriter.csv(result, graph: graph) }

    /// One cell of the result table: its text as the table prints it, and the entity it is,
    /// when it is one (so that a page can link it).
    public struct Cell: Sendable, Equatable {
        public var text: String
        public var entity: String?
    }

    /// The column names, in order.
    public var columns: [String] { result.columns }

    /// The rows as cells, in order.
    public var cells: [[Cell]] {
        result.rows.map { row in
            row.map { value in
                if case let .node(entity) = value { return Cell(text: graph.name(of: entity), entity: graph.id(of: entity)) }
                return Cell(text: QueryResultWriter.cell(value, graph: graph), entity: nil)
            }
        }
    }

    /// What the results bind, as a view to draw.
    public var boundView: GraphView {
        let bound = QueryResultWriter.boundElements(result, graph: graph)
        return GraphView(entities: bound.entities, relationships: bound.relationships)
    }
}

/// Query results as an aligned table, as JSON or as CSV. All three are deterministic: the same
/// result gives the same bytes.
public enum QueryResultWriter {
    /// Columns padded to their widest value (numbers to the right), a rule under the header,
    /// and a count of rows.
    public static func table(_ result: QueryResult, graph: Graph) -> String {
        let cells = result.rows.map { $0.map { cell($0, graph: graph).replacingOccurrences(of: "\n", with: "\\n") } }
        var widths = result.columns.map(\.count)
        for row in cells { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
        let numeric = result.columns.indices.map { column in
            result.rows.contains { !$0[column].isNull }
                && result.rows.allSatisfy { row in
                    switch row[column] {
                    case .integer, .float, .null: true
                    default: false
                    }
                }
        }
        func line(_ fields: [String], header: Bool = false) -> String {
            var parts: [String] = []
            for (index, field) in fields.enumerated() {
                let padding = String(repeating: " ", count: widths[index] - field.count)
                parts.append(numeric[index] && !header ? padding + field : field + padding)
            }
            var text = parts.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text
        }
        var lines = [line(result.columns, header: true), line(widths.map { String(repeating: "─", count: $0) })]
        lines += cells.map { line($0) }
        lines.append("(\(result.rows.count) row\(result.rows.count == 1 ? "" : "s"))")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{"columns": […], "rows": [[…], …]}`: entities as {id, kind, name}, relationships as
    /// {id, kind, from, to}, paths as {nodes, relationships} of ids, dates as their text.
    public static func json(_ result: QueryResult, graph: Graph) -> String {
        var out = "{\n  \"columns\": [" + result.columns.map { jsonString($0) }.joined(separator: ", ") + "],\n  \"rows\": ["
        for (index, row) in result.rows.enumerated() {
            out += (index == 0 ? "\n    [" : ",\n    [") + row.map { json($0, graph: graph) }.joined(separator: ", ") + "]"
        }
        out += result.rows.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return out
    }

    /// A header of column names, then one line per row: entities and relationships by id,
    /// lists and maps as JSON.
    public static func csv(_ result: QueryResult, graph: Graph) -> String {
        var lines = [result.columns.map(CSVField.escape).joined(separator: ",")]
        for row in result.rows {
            lines.append(row.map { value in
                let text: String
                switch value {
                case .null: text = ""
                case let .string(string): text = string
                case let .node(entity): text = graph.id(of: entity)
                case let .relationship(link): text = graph.id(of: link)
                case .path: text = ValueText.display(value, in: graph)
                case .list, .map: text = json(value, graph: graph)
                default: text = cell(value, graph: graph)
                }
                return CSVField.escape(text)
            }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A value as a table or CSV cell: whole numbers read as whole (`95900000`, not `95900000.0`),
    /// as a reporter would copy them.
    public static func cell(_ value: Value, graph: Graph) -> String {
        if case let .float(number) = value, number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
        return ValueText.display(value, in: graph)
    }

    static func json(_ value: Value, graph: Graph) -> String {
        switch value {
        case .null: return "null"
        case let .bool(flag): return flag ? "true" : "false"
        case let .integer(number): return String(number)
        case let .float(number): return number.isFinite ? "\(number)" : "null"
        case let .string(text): return jsonString(text)
        case let .date(date): return jsonString(date.description)
        case let .list(items): return "[" + items.map { json($0, graph: graph) }.joined(separator: ", ") + "]"
        case let .map(keys, values):
            return "{" + zip(keys, values).map { jsonString($0) + ": " + json($1, graph: graph) }.joined(separator: ", ") + "}"
        case let .node(entity):
            return "{\"id\": \(jsonString(graph.id(of: entity))), \"kind\": \(jsonString(graph.kind(of: entity))), "
                + "\"name\": \(jsonString(graph.name(of: entity)))}"
        case let .relationship(link):
            return "{\"id\": \(jsonString(graph.id(of: link))), \"kind\": \(jsonString(graph.kind(of: link))), "
                + "\"from\": \(jsonString(graph.id(of: graph.from(link)))), \"to\": \(jsonString(graph.id(of: graph.to(link))))}"
        case let .path(nodes, links):
            return "{\"nodes\": [" + nodes.map { jsonString(graph.id(of: $0)) }.joined(separator: ", ") + "], \"relationships\": ["
                + links.map { jsonString(graph.id(of: $0)) }.joined(separator: ", ") + "]}"
        }
    }

    /// A JSON string literal. With `forScript`, also safe inside an HTML page's script: `<`, `>`,
    /// `&` and the two line separators escaped, so no text can close the script or break its line.
    public static func jsonString(_ text: String, forScript: Bool = false) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}" where forScript: out += String(format: "\\u%04x", scalar.value)
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    /// The entities and relationships a result binds (directly, in lists, in paths), for drawing.
    public static func boundElements(_ result: QueryResult, graph: Graph) -> (entities: [EntityIndex], relationships: [RelationshipIndex]) {
        var entities = Set<EntityIndex>(), links = Set<RelationshipIndex>()
        func visit(_ value: Value) {
            switch value {
            case let .node(entity): entities.insert(entity)
            case let .relationship(link):
                links.insert(link)
                entities.insert(graph.from(link))
                entities.insert(graph.to(link))
            case let .path(nodes, pathLinks):
                entities.formUnion(nodes)
                links.formUnion(pathLinks)
            case let .list(items): items.forEach(visit)
            case let .map(_, values): values.forEach(visit)
            default: break
            }
        }
        for row in result.rows { row.forEach(visit) }
        return (entities.sorted(), links.sorted())
    }
}
