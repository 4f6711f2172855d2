import ERFormats
import ERGraph
import Foundation
import Testing

/// Our exports, read by networkx from the test venv: same counts, same distances.
@Suite("Exports read by networkx")
struct InteropTests {
    static var python: String {
        ProcessInfo.processInfo.environment["ERGRAPH_PYTHON"] ?? Paths.file(".venv/bin/python").path
    }

    static func defaultGraph() throws -> Graph {
        try #require(DatasetLoader.load(path: Paths.file("Graph/ice-surveillance.yaml").path).graph)
    }

    /// 20 fixed pairs of the default dataset, and 20 of a generated graph.
    static func pairs(_ graph: Graph, seed: UInt64) -> [(EntityIndex, EntityIndex)] {
        var random = SeededGenerator(seed: seed)
        return (0..<20).map { _ in (EntityIndex(random.below(graph.entityCount)), EntityIndex(random.below(graph.entityCount))) }
    }

    func networkx(_ format: String, _ data: Data, pairs: [(String, String)]) throws -> [String: Any] {
        #expect(FileManager.default.isExecutableFile(atPath: Self.python), "no Python at \(Self.python): run 'make test'")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ergraph-interop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("graph.\(format)")
        try data.write(to: file)
        let pairsFile = folder.appendingPathComponent("pairs.json")
        try JSONSerialization.data(withJSONObject: pairs.map { [$0.0, $0.1] }).write(to: pairsFile)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python)
        process.arguments = [Paths.file("Tests/Fixtures/python/interop_check.py").path, format, file.path, pairsFile.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let answer = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try #require(try JSONSerialization.jsonObject(with: answer) as? [String: Any])
    }

    @Test("GraphML, GEXF and node-link JSON: counts and 20 shortest path lengths agree, on the dataset and a generated graph",
          arguments: ["graphml", "gexf", "json"])
    func agreement(_ format: String) throws {
        let generated = try SyntheticGraph.generate(.init(entities: 3_000, relationships: 9_000, seed: 12))
        for graph in [try Self.defaultGraph(), generated] {
            let exporter = try #require(ExportFormats.named(format))
            let data = try #require(try exporter.export(graph).first?.data)
            let pairs = Self.pairs(graph, seed: 77)
            let answer = try networkx(format, data, pairs: pairs.map { (graph.id(of: $0.0), graph.id(of: $0.1)) })
            #expect(answer["nodes"] as? Int == graph.entityCount)
            #expect(answer["edges"] as? Int == graph.relationshipCount)
            // networkx's GEXF reader makes a multigraph only when it meets parallel edges.
            if format != "gexf" { #expect(answer["multigraph"] as? Bool == true) }
            let ours = pairs.map { graph.shortestPath(from: $0.0, to: $0.1)?.length ?? -1 }
            #expect(answer["lengths"] as? [Int] == ours)
            #expect(ours.filter { $0 > 1 }.count >= 5)
        }
    }

    @Test("every export is byte-identical from run to run", arguments: ExportFormats.all.map { $0.name })
    func deterministic(_ format: String) throws {
        let graph = try Self.defaultGraph()
        let exporter = try #require(ExportFormats.named(format))
        let first = try exporter.export(graph).map(\.data)
        let second = try exporter.export(try Self.defaultGraph()).map(\.data)
        #expect(first == second)
    }

    @Test("GraphML and node-link JSON import back to the same entities, links, money, dates, status histories and quotes")
    func roundTrip() throws {
        let graph = try Self.defaultGraph()
        let fromGraphML = try GraphMLReader.read(try #require(try GraphMLWriter.export(graph).first?.data), name: "g.graphml")
        let fromJSON = try NodeLinkJSONReader.read(try NodeLinkJSONWriter.write(graph), name: "g.json")
        for back in [fromGraphML, fromJSON] {
            #expect(back.entityCount == graph.entityCount)
            #expect(back.relationshipCount == graph.relationshipCount)
            #expect(back.sources == graph.sources)
            for entity in graph.entityIndices {
                let original = graph.entity(entity)
                let copy = back.entity(try #require(back.index(ofEntity: original.id)))
                #expect(copy.kind == original.kind && copy.name == original.name && copy.aliases == original.aliases)
                #expect(copy.amounts == original.amounts && copy.validity == original.validity)
                #expect(copy.citations == original.citations)
                #expect(copy.events == original.events, "\(original.id)")
            }
            for link in graph.relationshipIndices {
                let original = graph.relationship(link)
                let copy = back.relationship(link)
                #expect(copy.id == original.id && copy.kind == original.kind && copy.from == original.from && copy.to == original.to)
                #expect(copy.citations == original.citations && copy.amounts == original.amounts && copy.validity == original.validity)
                #expect(copy.events == original.events, "\(original.id)")
            }
        }
    }

    @Test("Neo4j CSV headers")
    func neo4jHeaders() throws {
        let graph = try Self.defaultGraph()
        let (entities, relationships) = Neo4jCSVWriter.write(graph)
        #expect(entities.hasPrefix("id:ID,:LABEL,"))
        #expect(entities.contains("aliases:string[]"))
        #expect(relationships.hasPrefix(":START_ID,:END_ID,:TYPE,id,"))
        #expect(relationships.contains("\nae-industrial,paragon-solutions,ACQUIRED,ae-industrial-acquired-paragon,"))
        #expect(entities.split(separator: "\n").count == graph.entityCount + 1)
    }

    @Test("malformed GraphML and JSON are clear errors")
    func malformed() {
        #expect(throws: ImportError.self) { try GraphMLReader.read(Data("<graphml><graph><node id='a'>".utf8), name: "bad.graphml") }
        #expect(throws: ImportError.self) { try NodeLinkJSONReader.read(Data("{\"nodes\": [1]}".utf8), name: "bad.json") }
        do {
            _ = try NodeLinkJSONReader.read(Data("[1, 2".utf8), name: "bad.json")
            Issue.record("truncated JSON must be refused")
        } catch {
            #expect(error.message.hasPrefix("bad.json: invalid JSON"))
        }
    }
}
