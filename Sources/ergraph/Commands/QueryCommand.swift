import ArgumentParser
import ERFormats
import ERGraph
import ERQuery
import Foundation

/// How query results are printed.
enum QueryOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

/// `ergraph query 'MATCH …'`: a read-only Cypher query over the graph.
struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Answer a read-only Cypher query: MATCH, OPTIONAL MATCH, WHERE, WITH, UNWIND, RETURN.",
        discussion: """
            Labels are entity kinds and relationship types are link kinds (case-insensitive): \
            MATCH (a:agency)-[:awarded]->(c:contract)-[:awarded_to]->(v) RETURN a.name, v.name, c.amount. \
            Entities have id, name, kind, aliases, start, end, amount, currency, amount_kind, status \
            and their own properties; relationships the same without name and aliases. \
            date('2024-09') compares as the span it names. CREATE, MERGE, SET and DELETE are refused. \
            Exit status 2 for a query that cannot be read or planned, 1 for one that fails as it runs.
            """)

    @Argument(help: "The query (or give --file).") var query: String?
    @Option(help: ArgumentHelp("Read the query from this file.", valueName: "file")) var file: String?
    @Option(name: .customLong("param"), help: ArgumentHelp(
        "A parameter: NAME=VALUE (repeatable). Numbers, true, false, null and JSON lists or maps are typed; anything else is a string.",
        valueName: "name=value"))
    var parameters: [String] = []
    @Option(help: "Output format: table, json or csv.") var format: QueryOutputFormat = .table
    @Flag(help: "Print the plan instead of running the query.") var explain = false
    @Flag(name: .customLong("fold-contracts"),
          help: "Query the graph with each contract folded into a buyer → vendor 'contracted' link, as path does.")
    var foldContracts = false
    @Option(name: .customLong("max-work"), help: ArgumentHelp("Stop the query after examining this many links and entities.", valueName: "n"))
    var maxWork = QueryEngine.defaultWorkLimit
    @OptionGroup var graphOptions: GraphOptions
    @Option(help: ArgumentHelp("Also draw the entities and relationships the results bind (format from the extension).", valueName: "file"))
    var render: String?
    @OptionGroup(title: "Drawing (with --render)") var diagram: DiagramArguments

    func validate() throws {
        if (query == nil) == (file == nil) { throw ValidationError("give the query as an argument or with --file, not both") }
        if maxWork < 1 { throw ValidationError("--max-work must be at least 1") }
        _ = try Self.parseParameters(parameters)
    }

    /// `name=value` pairs, typed as JSON where they parse as JSON.
    static func parseParameters(_ pairs: [String]) throws -> [String: Value] {
        var values: [String: Value] = [:]
        for pair in pairs {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw ValidationError("--param takes NAME=VALUE, such as --param name=ICE; found '\(pair)'")
            }
            let name = String(pair[..<equals]).trimmingCharacters(in: .whitespaces)
            if name.hasPrefix("$") { throw ValidationError("--param names go without '$': --param \(name.dropFirst())=…") }
            values[name] = typed(String(pair[pair.index(after: equals)...]))
        }
        return values
    }

    static func typed(_ text: String) -> Value {
        if let integer = Int(text) { return .integer(integer) }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed == "true" { return .bool(true) }
        if trimmed == "false" { return .bool(false) }
        if trimmed == "null" { return .null }
        if let number = Double(trimmed), number.isFinite, trimmed.first.map({ $0.isNumber || $0 == "-" || $0 == "." }) == true {
            return .float(number)
        }
        if trimmed.first == "[" || trimmed.first == "{",
           let decoded = try? JSONDecoder().decode(JSONParameter.self, from: Data(trimmed.utf8)) {
            return decoded.value
        }
        return .string(text)
    }

    /// A JSON value read strictly: `1` is a number, never a boolean.
    private struct JSONParameter: Decodable {
        let value: Value
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { value = .null }
            else if let flag = try? container.decode(Bool.self) { value = .bool(flag) }
            else if let integer = try? container.decode(Int.self) { value = .integer(integer) }
            else if let number = try? container.decode(Double.self) { value = .float(number) }
            else if let text = try? container.decode(String.self) { value = .string(text) }
            else if let list = try? container.decode([JSONParameter].self) { value = .list(list.map(\.value)) }
            else {
                let map = try container.decode([String: JSONParameter].self)
                let keys = map.keys.sorted()
                value = .map(keys: keys, values: keys.map { map[$0]?.value ?? .null })
            }
        }
    }

    /// The query on one line, shortened, as the drawing's subtitle.
    static func subtitle(for query: String) -> String {
        let line = query.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return line.count <= 100 ? line : String(line.prefix(99)) + "…"
    }

    func run() throws {
        let text: String
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CommandFailure.data("cannot read \(file): no such file or not readable")
            }
            guard let decoded = String(data: data, encoding: .utf8) else { throw CommandFailure.data("\(file) is not UTF-8 text") }
            text = decoded
        } else {
            text = query ?? ""
        }
        var graph = try graphOptions.load()
        if foldContracts { graph = ContractProjection.collapse(graph).graph }
        let engine = QueryEngine(graph: graph)
        let prepared: PreparedQuery
        do {
            prepared = try engine.prepare(text)
        } catch {
            throw CommandFailure.usage(error.rendered(in: text))
        }
        if explain {
            print(prepared.explanation)
            return
        }
        let values = try Self.parseParameters(parameters)
        let result: QueryResult
        do {
            result = try prepared.run(on: engine.access, parameters: values, workLimit: maxWork)
        } catch {
            throw CommandFailure.data(error.rendered(in: text))
        }
        switch format {
        case .table: print(QueryResultWriter.table(result, graph: graph), terminator: "")
        case .json: print(QueryResultWriter.json(result, graph: graph), terminator: "")
        case .csv: print(QueryResultWriter.csv(result, graph: graph), terminator: "")
        }
        if let render {
            let bound = QueryResultWriter.boundElements(result, graph: graph)
            guard !bound.entities.isEmpty else {
                throw CommandFailure.data("nothing to draw: the results bind no entity or relationship (return nodes, relationships or paths)")
            }
            try diagram.draw(GraphView(entities: bound.entities, relationships: bound.relationships), of: graph, to: render,
                             subtitle: Self.subtitle(for: text))
        }
    }
}
