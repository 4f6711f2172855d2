import ERGraph
import ERQuery
import Foundation

/// A read-only Cypher query with its parameters, asked of an opened graph (`ergraph query`, a
/// server's Cypher box).
public struct CypherQuestion: Sendable {
    public var text: String
    /// Parameters as the asker wrote them, `NAME=VALUE`; typed by ``typed(_:)``.
    public var parameters: [String: String]
    /// Stop after examining this many links and entities.
    public var workLimit: Int
    /// Query the graph as written (contract entities) instead of the folded view.
    public var keepContractNodes: Bool

    public static let defaultWorkLimit = QueryEngine.defaultWorkLimit

    public init(text: String, parameters: [String: String] = [:], workLimit: Int = defaultWorkLimit, keepContractNodes: Bool = false) {
        self.text = text
        self.parameters = parameters
        self.workLimit = workLimit
        self.keepContractNodes = keepContractNodes
    }

    /// Why a `NAME=VALUE` pair is not one.
    public enum ParameterError: Error, Equatable, Sendable {
        case notAPair(String)
        case dollarInName(String)
    }

    /// Splits `NAME=VALUE` pairs.
    public static func parameters(_ pairs: [String]) throws(ParameterError) -> [String: String] {
        var values: [String: String] = [:]
        for pair in pairs {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else { throw .notAPair(pair) }
            let name = String(pair[..<equals]).trimmingCharacters(in: .whitespaces)
            if name.hasPrefix("$") { throw .dollarInName(String(name.dropFirst())) }
            values[name] = String(pair[pair.index(after: equals)...])
        }
        return values
    }

    /// The graph the query reads.
    public func context(on opened: OpenedGraph) -> GraphContext {
        opened.context(keepingContractNodes: keepContractNodes)
    }

    /// The plan, step by step.
    public func explanation(on opened: OpenedGraph) throws(AnswerError) -> String {
        try prepare(QueryEngine(graph: context(on: opened).graph)).explanation
    }

    public func run(on opened: OpenedGraph) throws(AnswerError) -> QueryAnswer {
        let graph = context(on: opened).graph
        let engine = QueryEngine(graph: graph)
        let prepared = try prepare(engine)
        do {
            let result = try prepared.run(on: engine.access, parameters: parameters.mapValues(Self.typed), workLimit: workLimit)
            return QueryAnswer(result, graph: graph)
        } catch {
            throw .query(error, rendered: error.rendered(in: text), whilePlanning: false)
        }
    }

    private func prepare(_ engine: QueryEngine) throws(AnswerError) -> PreparedQuery {
        do {
            return try engine.prepare(text)
        } catch {
            throw .query(error, rendered: error.rendered(in: text), whilePlanning: true)
        }
    }

    /// The query on one line, shortened, as a drawing's subtitle.
    public var subtitle: String {
        let line = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return line.count <= 100 ? line : String(line.prefix(99)) + "…"
    }

    /// A parameter's value: numbers, `true`, `false`, `null` and JSON lists or maps are typed;
    /// anything else is a string.
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
}
