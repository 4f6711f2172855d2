import Foundation
import Testing
@testable import ERGraph

/// The core's answers, checked against networkx run from the test venv (`make test` sets
/// ERGRAPH_PYTHON; `make venv` creates it). The Python side is
/// Tests/Fixtures/python/networkx_answers.py.
@Suite("Agreement with networkx", .serialized)
struct NetworkxAgreementTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var python: String {
        ProcessInfo.processInfo.environment["ERGRAPH_PYTHON"]
            ?? packageRoot.appendingPathComponent(".venv/bin/python").path
    }

    /// A symmetric, deterministic weight per link, 1 to 5.
    static func weight(_ graph: Graph, _ link: RelationshipIndex) -> Double {
        let a = Int(graph.from(link).rawValue), b = Int(graph.to(link).rawValue)
        return Double(1 + (min(a, b) * 7 + max(a, b) * 13) % 5)
    }

    static func weights(_ graph: Graph) -> LinkWeights {
        LinkWeights(values: graph.relationshipIndices.map { weight(graph, $0) })
    }

    /// Asks networkx; `request` holds the questions, the edge list is written from `graph`.
    func networkx(_ graph: Graph, _ request: [String: Any]) throws -> [String: Any] {
        #expect(FileManager.default.isExecutableFile(atPath: Self.python),
                "no Python at \(Self.python): run 'make test', which creates the venv")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ergraph-nx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var edges = "\(graph.entityCount)\n"
        for link in graph.relationshipIndices {
            edges += "\(graph.from(link).rawValue) \(graph.to(link).rawValue) \(Self.weight(graph, link))\n"
        }
        let edgeFile = folder.appendingPathComponent("edges.txt")
        try Data(edges.utf8).write(to: edgeFile)
        var fullRequest = request
        fullRequest["edges"] = edgeFile.path
        let requestFile = folder.appendingPathComponent("request.json")
        try JSONSerialization.data(withJSONObject: fullRequest).write(to: requestFile)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python)
        process.arguments = [Self.packageRoot.appendingPathComponent("Tests/Fixtures/python/networkx_answers.py").path,
                             requestFile.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Fixed pairs spread over the graph, hubs and leaves alike.
    static func pairs(_ graph: Graph, count: Int, seed: UInt64) -> [(EntityIndex, EntityIndex)] {
        var random = SeededGenerator(seed: seed)
        return (0..<count).map { _ in (EntityIndex(random.below(graph.entityCount)), EntityIndex(random.below(graph.entityCount))) }
    }

    static let generated: Graph = {
        // Force-unwrapping is safe: the shape is a constant that always builds.
        try! SyntheticGraph.generate(.init(entities: 10_000, relationships: 40_000, seed: 11))
    }()

    @Test("shortest path lengths (undirected, directed, weighted) over 60 pairs of a 10,000-entity graph")
    func pathLengths() throws {
        let graph = Self.generated
        let pairs = Self.pairs(graph, count: 60, seed: 5)
        let answers = try networkx(graph, ["questions": ["undirected_lengths", "directed_lengths", "weighted_lengths"],
                                           "pairs": pairs.map { [$0.0.int, $0.1.int] }])
        let undirected = pairs.map { graph.shortestPath(from: $0.0, to: $0.1)?.length ?? -1 }
        let directed = pairs.map { graph.shortestPath(from: $0.0, to: $0.1, options: .init(direction: .outgoing))?.length ?? -1 }
        let weights = Self.weights(graph)
        let weighted = pairs.map { graph.cheapestPath(from: $0.0, to: $0.1, weights: weights)?.cost ?? -1 }
        #expect(undirected == (answers["undirected_lengths"] as? [Int]))
        #expect(directed == (answers["directed_lengths"] as? [Int]))
        #expect(weighted == (answers["weighted_lengths"] as? [Double]))
        #expect(undirected.filter { $0 > 1 }.count > 30)      // real paths, not trivial ones
        #expect(directed.contains(-1))                        // and some that directions forbid
    }

    @Test("every shortest path found is a real path of that length, and all-shortest agrees with it")
    func pathsAreReal() throws {
        let graph = Self.generated
        for (source, target) in Self.pairs(graph, count: 20, seed: 9) {
            guard let path = graph.shortestPath(from: source, to: target) else { continue }
            #expect(path.entities.first == source && path.entities.last == target)
            for hop in path.hops(in: graph) {
                #expect(Set([graph.from(hop.relationship), graph.to(hop.relationship)]) == Set([hop.from, hop.to]))
            }
            let all = graph.allShortestPaths(from: source, to: target, limit: 1_000)
            #expect(!all.isEmpty && all.allSatisfy { $0.length == path.length })
            #expect(all.contains(path))
            #expect(Set(all).count == all.count)
        }
    }

    @Test("k shortest loopless path costs (Yen) on the simple view of a 10,000-entity graph")
    func kShortestCosts() throws {
        // Parallel links would give extra link-level paths networkx cannot see: compare on a
        // graph with one link per pair, the cheapest.
        let multi = Self.generated
        var cheapest: [Int64: (Int, Int, Double)] = [:]
        for link in multi.relationshipIndices {
            let a = Int(multi.from(link).rawValue), b = Int(multi.to(link).rawValue)
            guard a != b else { continue }
            let key = Int64(min(a, b)) << 32 | Int64(max(a, b))
            let w = Self.weight(multi, link)
            if cheapest[key].map({ w < $0.2 }) ?? true { cheapest[key] = (a, b, w) }
        }
        var builder = GraphBuilder()
        for entity in multi.entityIndices { try builder.addEntity(id: multi.id(of: entity), kind: multi.kind(of: entity), name: "") }
        for key in cheapest.keys.sorted() {
            let (a, b, _) = cheapest[key]!
            try builder.addRelationship(kind: "supplies", from: EntityIndex(a), to: EntityIndex(b))
        }
        let simple = builder.build()
        let pairs = Self.pairs(simple, count: 8, seed: 21)
        let answers = try networkx(simple, ["questions": ["k_shortest_costs"], "k": 5,
                                            "pairs": pairs.map { [$0.0.int, $0.1.int] }])
        let weights = Self.weights(simple)
        let ours = pairs.map { pair in
            simple.kShortestPaths(from: pair.0, to: pair.1, k: 5, weights: weights).map(\.cost)
        }
        #expect(ours == (answers["k_shortest_costs"] as? [[Double]]))
        #expect(ours.filter { $0.count == 5 }.count >= 4)
        for costs in ours { #expect(costs == costs.sorted()) }
    }

    @Test("weak and strong component counts on a 10,000-entity graph")
    func components() throws {
        let graph = Self.generated
        let answers = try networkx(graph, ["questions": ["components"]])
        #expect(graph.weaklyConnectedComponents().count == answers["weak"] as? Int)
        #expect(graph.stronglyConnectedComponents().count == answers["strong"] as? Int)
        #expect(graph.stronglyConnectedComponents().count > graph.weaklyConnectedComponents().count)
    }

    @Test("PageRank within 1e-6 on a 10,000-entity multigraph")
    func pageRank() throws {
        let graph = Self.generated
        let answers = try networkx(graph, ["questions": ["pagerank"]])
        let theirs = try #require(answers["pagerank"] as? [Double])
        let ours = graph.pageRank()
        #expect(ours.count == theirs.count)
        let worst = zip(ours, theirs).map { abs($0 - $1) }.max() ?? 1
        #expect(worst < 1e-6, "largest difference \(worst)")
        #expect(abs(ours.reduce(0, +) - 1) < 1e-9)
    }

    @Test("betweenness within 1e-6: exact on 1,500 entities, from 150 sources on 10,000")
    func betweenness() throws {
        let small = try SyntheticGraph.generate(.init(entities: 1_500, relationships: 5_000, seed: 4))
        let exact = try #require(try networkx(small, ["questions": ["betweenness"]])["betweenness"] as? [Double])
        let ours = small.betweenness()
        #expect(zip(ours, exact).map { abs($0 - $1) }.max() ?? 1 < 1e-6)
        #expect((ours.max() ?? 0) > 0.01)

        let large = Self.generated
        let sources = (0..<150).map { EntityIndex($0 * 61) }
        let sampled = try #require(try networkx(large, ["questions": ["betweenness"],
                                                        "betweenness_sources": sources.map(\.int)])["betweenness"] as? [Double])
        let oursSampled = large.betweenness(sources: sources)
        #expect(zip(oursSampled, sampled).map { abs($0 - $1) }.max() ?? 1 < 1e-6)
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
        let answers = try networkx(graph, ["questions": ["components", "pagerank"]])
        #expect(graph.weaklyConnectedComponents().count == 4)
        #expect(answers["weak"] as? Int == 4)
        #expect(graph.stronglyConnectedComponents().count == answers["strong"] as? Int)
        let theirs = try #require(answers["pagerank"] as? [Double])
        #expect(zip(graph.pageRank(), theirs).allSatisfy { abs($0 - $1) < 1e-9 })
    }
}
