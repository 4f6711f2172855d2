import ERFormats
import ERGraph
import Foundation

/// Many path questions in one go: every pair of a table answered through one reusable search
/// (stamped arrays, never cleared) and one name index, so a pair costs a search and two hash
/// lookups, not a scan of the graph.
public struct PathPairs {
    /// One pair's answer, one line in the output.
    public struct Line: Encodable, Sendable {
        public var from: String
        public var to: String
        public var length: Int?
        public var cost: Double?
        public var entities: [String]
        public var relationships: [String]
        /// The path as one line of arrows, for text.
        fileprivate var chain: String?
        fileprivate var fromName: String
        fileprivate var toName: String

        enum CodingKeys: String, CodingKey { case from, to, length, cost, entities, relationships }
    }

    /// A pair that could not be asked: its line in the table and why.
    public struct Problem: Sendable, Equatable {
        public var line: Int
        public var error: AnswerError
    }

    public let context: GraphContext
    private var search: PathSearch?
    private var weighted: WeightedPathSearch?

    /// Ready to answer pairs under `query`'s constraints and weighting (its `from`, `to` and
    /// mode are not used: each pair is a shortest, or cheapest, path).
    public init(query: PathQuery, on opened: OpenedGraph) throws(AnswerError) {
        context = opened.context(keepingContractNodes: query.keepContractNodes)
        let graph = context.graph
        let options = try query.constraints.options(in: context)
        do {
            switch query.weighting {
            case .hops: search = PathSearch(graph: graph, options: options)
            case let .property(name):
                weighted = WeightedPathSearch(graph: graph, weights: try LinkWeights.property(name, in: graph, options: options),
                                              options: options)
            case let .costs(costs):
                weighted = WeightedPathSearch(graph: graph, weights: try LinkWeights.costs(costs, in: graph, options: options),
                                              options: options)
            }
        } catch {
            throw .weights(error)
        }
    }

    /// The pairs of a CSV table with `source` and `target` columns (ids or names).
    public static func pairs(in data: Data, name: String) throws(AnswerError) -> [(line: Int, source: String, target: String)] {
        let records: [CSVRecord]
        do {
            records = try CSVReader().records(data)
        } catch {
            throw .invalidData("\(name):\(error.line):\(error.column): \(error.message)")
        }
        guard let header = records.first?.fields.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }),
              let sourceColumn = header.firstIndex(of: "source"), let targetColumn = header.firstIndex(of: "target") else {
            throw .invalidData("\(name):1: expected a header with columns source,target")
        }
        return records.dropFirst().map { record in
            guard record.fields.count > max(sourceColumn, targetColumn) else { return (record.line, "", "") }
            return (record.line, record.fields[sourceColumn], record.fields[targetColumn])
        }
    }

    /// The answer for one pair of names.
    public mutating func answer(from sourceName: String, to targetName: String) throws(AnswerError) -> Line {
        guard !sourceName.isEmpty, !targetName.isEmpty else { throw .badRequest("expected the source and target columns") }
        let graph = context.graph
        let source = try context.entity(named: sourceName)
        let target = try context.entity(named: targetName)
        let found: Path?
        if weighted != nil {
            found = weighted?.cheapestPath(from: source, to: target)
        } else {
            found = search?.shortestPath(from: source, to: target)
        }
        var chain: String?
        if let found {
            let answer = PathAnswer(graph: graph, from: source, to: target, paths: [found])
            chain = answer.paths.first.map(PathAnswer.chain)
        }
        return Line(from: graph.id(of: source), to: graph.id(of: target), length: found?.length,
                    cost: weighted == nil ? nil : found?.cost,
                    entities: found?.entities.map { graph.id(of: $0) } ?? [],
                    relationships: found?.relationships.map { graph.id(of: $0) } ?? [],
                    chain: chain, fromName: graph.name(of: source), toName: graph.name(of: target))
    }

    public static let csvHeader = ["source", "target", "length", "entities", "relationships"]

    /// The line as text, CSV (no header) or one line of JSON.
    public static func write(_ line: Line, as format: AnswerFormat) throws -> String {
        switch format {
        case .text:
            guard let length = line.length else { return "\(line.fromName) → \(line.toName): no path\n" }
            return "\(line.fromName) → \(line.toName): \(Wording.count(length, "hop")): \(line.chain ?? "")\n"
        case .csv:
            return [line.from, line.to, line.length.map(String.init) ?? "", line.entities.joined(separator: " "),
                    line.relationships.joined(separator: " ")].map(CSVField.escape).joined(separator: ",") + "\n"
        case .json:
            return try JSONText.line(line)
        }
    }
}
