import Foundation
import Testing
@testable import ERGraph

/// The core's answers, checked against networkx run from the test venv (make test sets
/// ERGRAPH_PYTHON; `make venv` creates it).
@Suite("Agreement with networkx")
struct NetworkxAgreementTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var python: String {
        ProcessInfo.processInfo.environment["ERGRAPH_PYTHON"]
            ?? packageRoot.appendingPathComponent(".venv/bin/python").path
    }

    /// Writes the graph as "from to" lines and returns what networkx answers, one value a line.
    func networkx(_ graph: Graph) throws -> [String: String] {
        #expect(FileManager.default.isExecutableFile(atPath: Self.python),
                "no Python at \(Self.python): run 'make test', which creates the venv")
        let script = """
            import sys, networkx as nx
            g = nx.MultiDiGraph()
            lines = open(sys.argv[1])
            n = int(lines.readline())
            g.add_nodes_from(range(n))
            for line in lines:
                a, b = line.split()
                g.add_edge(int(a), int(b))
            print("nodes", g.number_of_nodes())
            print("edges", g.number_of_edges())
            print("weak", nx.number_weakly_connected_components(g))
            print("largest", max(len(c) for c in nx.weakly_connected_components(g)))
            degrees = sorted(((d, v) for v, d in g.degree()), key=lambda p: (-p[0], p[1]))[:10]
            print("topdegree", ",".join(f"{v}:{d}" for d, v in degrees))
            """
        var input = "\(graph.entityCount)\n"
        for link in graph.relationshipIndices { input += "\(graph.from(link).rawValue) \(graph.to(link).rawValue)\n" }
        let edgeList = FileManager.default.temporaryDirectory
            .appendingPathComponent("ergraph-networkx-\(UUID().uuidString).txt")
        try Data(input.utf8).write(to: edgeList)
        defer { try? FileManager.default.removeItem(at: edgeList) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python)
        process.arguments = ["-c", script, edgeList.path]
        let stdout = Pipe()
        process.standardOutput = stdout
        try process.run()
        let output = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        var answers: [String: String] = [:]
        for line in output.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            if parts.count == 2 { answers[String(parts[0])] = String(parts[1]) }
        }
        return answers
    }

    func ours(_ graph: Graph) -> [String: String] {
        let components = graph.weaklyConnectedComponents()
        let top = graph.entityIndices.map { (graph.degree(of: $0), $0.rawValue) }
            .sorted { ($1.0, $0.1) < ($0.0, $1.1) }.prefix(10)
        return [
            "nodes": String(graph.entityCount),
            "edges": String(graph.relationshipCount),
            "weak": String(components.count),
            "largest": String(components.sizes.first ?? 0),
            "topdegree": top.map { "\($0.1):\($0.0)" }.joined(separator: ","),
        ]
    }

    @Test("components and degrees agree on generated graphs of 10,000 and 30,000 entities",
          arguments: [(10_000, 40_000, 1), (30_000, 60_000, 2)] as [(Int, Int, UInt64)])
    func generated(_ entities: Int, _ relationships: Int, _ seed: UInt64) throws {
        let graph = try SyntheticGraph.generate(.init(entities: entities, relationships: relationships, seed: seed))
        let theirs = try networkx(graph)
        #expect(ours(graph) == theirs)
        #expect(Int(theirs["weak"] ?? "") ?? 0 > 1)  // sparse enough to have several components
    }

    @Test("components and degrees agree on a graph with isolated entities and self-links")
    func handMade() throws {
        var builder = GraphBuilder()
        for index in 0..<6 { try builder.addEntity(id: "e\(index)", kind: "company", name: "E\(index)") }
        try builder.addRelationship(kind: "owns", from: EntityIndex(0), to: EntityIndex(1))
        try builder.addRelationship(kind: "owns", from: EntityIndex(0), to: EntityIndex(1))
        try builder.addRelationship(kind: "supplies", from: EntityIndex(2), to: EntityIndex(2))
        try builder.addRelationship(kind: "supplies", from: EntityIndex(4), to: EntityIndex(3))
        let graph = builder.build()
        #expect(ours(graph) == (try networkx(graph)))
        #expect(ours(graph)["weak"] == "4")
    }
}
