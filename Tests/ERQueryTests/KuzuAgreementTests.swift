import ERAnswers
import ERFormats
import ERGraph
import ERQuery
import Foundation
import Testing

/// The same queries, the same data, two engines: ergraph and Kùzu (PyPI `kuzu`, from the test
/// venv). The story graph goes to Kùzu through our Cypher export, run statement by statement;
/// the generated 10,000-entity graph through our Neo4j CSV export and Kùzu's own CSV loader.
/// Where Kùzu spells a construct differently (`[* SHORTEST 1..10]` for `shortestPath`), the
/// fixture gives Kùzu's spelling beside ours.
@Suite("Cypher queries agree with Kùzu", .serialized)
struct KuzuAgreementTests {
    struct Case: Decodable {
        var graph: String
        var query: String
        var kuzu: String?
        var params: [String: ParameterValue]?
    }

    enum ParameterValue: Decodable {
        case integer(Int), string(String)
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Int.self) { self = .integer(number) } else { self = .string(try container.decode(String.self)) }
        }
        var value: Value { switch self { case let .integer(number): .integer(number); case let .string(text): .string(text) } }
        var json: Any { switch self { case let .integer(number): number; case let .string(text): text } }
    }

    static func cases(_ graph: String) throws -> [Case] {
        let data = try Data(contentsOf: Paths.file("Tests/Fixtures/queries/kuzu-agreement.json"))
        return try JSONDecoder().decode([Case].self, from: data).filter { $0.graph == graph }
    }

    /// Numbers as doubles rounded to nine significant digits, so 3 and 3.0 and Kùzu's decimals
    /// agree (both sides are read by the same JSON parser, so booleans fall the same way).
    static func canonical(_ value: Any) -> Any {
        switch value {
        case let number as NSNumber:
            let double = number.doubleValue
            return double == 0 ? 0.0 : Double(String(format: "%.9g", double)) ?? double
        case let list as [Any]: return list.map(canonical)
        case let map as [String: Any]: return map.mapValues(canonical)
        default: return value
        }
    }

    static func text(_ value: Any) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    func compare(_ cases: [Case], graph: Graph, kuzuArguments: [String], folder: URL) throws {
        let queriesFile = folder.appendingPathComponent("queries.json")
        try JSONSerialization.data(withJSONObject: cases.map { item in
            ["query": item.kuzu ?? item.query, "params": (item.params ?? [:]).mapValues(\.json)] as [String: Any]
        }).write(to: queriesFile)
        let answers = try #require(try Fixtures.python("kuzu_query.py", kuzuArguments + [queriesFile.path]) as? [[String: Any]])
        #expect(answers.count == cases.count)
        let engine = QueryEngine(graph: graph)
        var agreed = 0
        for (item, answer) in zip(cases, answers) {
            if let error = answer["error"] { Issue.record("Kùzu refused \(item.kuzu ?? item.query): \(error)"); continue }
            let result: QueryResult
            do {
                result = try engine.run(item.query, parameters: (item.params ?? [:]).mapValues(\.value))
            } catch {
                Issue.record("ergraph refused: \(error.rendered(in: item.query))")
                continue
            }
            let ours = try #require(try JSONSerialization.jsonObject(with: Data(QueryResultWriter.json(result, graph: graph).utf8)) as? [String: Any])
            var ourRows = ((ours["rows"] as? [Any]) ?? []).map { Self.text(Self.canonical($0)) }
            var theirRows = ((answer["rows"] as? [Any]) ?? []).map { Self.text(Self.canonical($0)) }
            if !item.query.uppercased().contains("ORDER BY") {
                ourRows.sort()
                theirRows.sort()
            }
            #expect(ourRows == theirRows, "\(item.query)")
            #expect((answer["columns"] as? [String])?.count == result.columns.count, "\(item.query)")
            if ourRows == theirRows { agreed += 1 }
            #expect(!ourRows.isEmpty, "a comparison on an empty result proves little: \(item.query)")
        }
        #expect(agreed == cases.count)
    }

    @Test("on the story graph, loaded into Kùzu through our Cypher export")
    func storyGraph() throws {
        let cases = try Self.cases("default")
        #expect(cases.count >= 40)
        let graph = try Fixtures.defaultGraph()
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("graph.cypher")
        try Data(CypherWriter.write(graph).utf8).write(to: script)
        try compare(cases, graph: graph, kuzuArguments: ["cypher", script.path], folder: folder)
    }

    @Test("on a generated 10,000-entity graph, loaded through Kùzu's CSV loader")
    func generatedGraph() throws {
        let cases = try Self.cases("generated")
        #expect(cases.count >= 15)
        let graph = try SyntheticGraph.generate(.init(entities: 10_000, relationships: 40_000, seed: 11))
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (entities, relationships) = Neo4jCSVWriter.write(graph)
        let entitiesFile = folder.appendingPathComponent("entities.csv"), relationshipsFile = folder.appendingPathComponent("relationships.csv")
        try Data(entities.utf8).write(to: entitiesFile)
        try Data(relationships.utf8).write(to: relationshipsFile)
        try compare(cases, graph: graph, kuzuArguments: ["csv", entitiesFile.path, relationshipsFile.path], folder: folder)
    }
}

