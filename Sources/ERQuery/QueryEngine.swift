import ERGraph

/// The rows a query returns, with its column names in order.
public struct QueryResult: Sendable, Equatable {
    public var columns: [String]
    public var rows: [[Value]]
}

/// Reads and answers read-only Cypher queries over one graph.
///
/// ```swift
/// let engine = QueryEngine(graph: graph)
/// let result = try engine.run("MATCH (a:agency)-[:awarded]->(c:contract) RETURN a.name, count(c)")
/// ```
/// Errors are ``QueryError``s with the offset of the fault; ``QueryError/rendered(in:)`` shows
/// the query with a caret under it.
public final class QueryEngine: Sendable {
    public let access: GraphAccess
    /// How many links and entities one query may examine before it is stopped.
    public static let defaultWorkLimit = 50_000_000

    public init(graph: Graph) { access = GraphAccess(graph: graph) }
    public init(access: GraphAccess) { self.access = access }

    public var graph: Graph { access.graph }

    /// Parses and plans a query without running it.
    public func prepare(_ text: String) throws(QueryError) -> PreparedQuery {
        var parser = try Parser(text)
        let ast = try parser.parseQuery()
        do {
            let parts = try ast.parts.map { try QueryPlanner(access: access).plan($0) }
            for (index, part) in parts.enumerated().dropFirst() where part.columns != parts[0].columns {
                throw QueryError("every part of a UNION must return the same columns: \(parts[0].columns.joined(separator: ", ")) "
                                 + "against \(part.columns.joined(separator: ", ")) in part \(index + 1)", at: 0)
            }
            // The tokens were read once already; reading them again cannot fail.
            let parameters = ((try? Lexer(text).tokens()) ?? []).compactMap { token -> (String, Int)? in
                if case let .parameter(name) = token.kind { return (name, token.offset) } else { return nil }
            }
            return PreparedQuery(text: text, parts: parts, unionAll: ast.unionAll, parameters: parameters)
        } catch let error as QueryError {
            throw error
        } catch {
            throw QueryError("\(error)", at: 0)
        }
    }

    /// Parses, plans and runs a query.
    public func run(_ text: String, parameters: [String: Value] = [:], workLimit: Int = QueryEngine.defaultWorkLimit) throws(QueryError) -> QueryResult {
        try prepare(text).run(on: access, parameters: parameters, workLimit: workLimit)
    }
}

/// A parsed and planned query, ready to run (several times, with different parameters).
public struct PreparedQuery: @unchecked Sendable {
    public let text: String
    let parts: [QueryPlanner.Plan]
    let unionAll: [Bool]
    /// Every `$name` the text uses, with its offset, in order.
    let parameters: [(name: String, offset: Int)]

    public var columns: [String] { parts.first?.columns ?? [] }

    public func run(on access: GraphAccess, parameters: [String: Value] = [:],
                    workLimit: Int = QueryEngine.defaultWorkLimit) throws(QueryError) -> QueryResult {
        // Checked before any work, as Neo4j does: a parameter first needed by ORDER BY was found
        // missing only after every row had been made (a fuzzed query ran 8 minutes to say so).
        if let missing = self.parameters.first(where: { parameters[$0.name] == nil }) {
            throw .missingParameter(missing.name, at: missing.offset)
        }
        let context = EvaluationContext(access: access, parameters: parameters)
        do {
            var rows: [Row] = []
            for part in parts {
                rows += try part.run(context: context, budget: WorkBudget(limit: workLimit, offset: 0))
            }
            // UNION (without ALL) keeps each distinct row once.
            if unionAll.contains(false) {
                var seen: Set<[Value]> = []
                rows = rows.filter { seen.insert($0.map(\.groupingKey)).inserted }
            }
            return QueryResult(columns: columns, rows: rows)
        } catch let error as QueryError {
            throw error
        } catch {
            throw QueryError("\(error)", at: 0)
        }
    }

    /// The plan, step by step, as an explanation prints it.
    public var explanation: String {
        var lines: [String] = []
        for (index, part) in parts.enumerated() {
            if parts.count > 1 { lines.append("Part \(index + 1)\(index > 0 ? (unionAll[index - 1] ? " (UNION ALL)" : " (UNION)") : "")") }
            lines += part.explanation
        }
        return lines.joined(separator: "\n")
    }
}
