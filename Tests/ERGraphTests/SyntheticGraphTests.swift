import Testing
@testable import ERGraph

@Suite("Synthetic graphs")
struct SyntheticGraphTests {
    @Test("the same shape and seed give the same graph; another seed another")
    func deterministic() throws {
        let shape = SyntheticGraph.Shape(entities: 5_000, relationships: 20_000, seed: 3)
        let first = try SyntheticGraph.generate(shape)
        let second = try SyntheticGraph.generate(shape)
        let other = try SyntheticGraph.generate(.init(entities: 5_000, relationships: 20_000, seed: 4))
        func links(_ graph: Graph) -> [Int32] { graph.relationshipIndices.flatMap { [graph.from($0).rawValue, graph.to($0).rawValue] } }
        #expect(links(first) == links(second))
        #expect(links(first) != links(other))
    }

    @Test("sizes, kinds and the skew the benchmarks rely on")
    func shape() throws {
        let graph = try SyntheticGraph.generate(.init(entities: 10_000, relationships: 50_000))
        #expect(graph.entityCount == 10_000)
        #expect(graph.relationshipCount == 50_000)
        let summary = GraphSummary(graph: graph)
        #expect(summary.entitiesByKind["agency"] == 5)
        #expect(summary.relationshipsByKind.keys.sorted() == ["contracted", "makes", "owns", "supplies", "works_for"])
        // A handful of agencies hold a large share of all links.
        let agencyDegree = (0..<5).map { graph.degree(of: EntityIndex($0)) }.reduce(0, +)
        #expect(agencyDegree > 20_000)
        // Ownership is a forest: no cycles.
        #expect(HierarchyCycles.find(in: graph).isEmpty)
    }

    @Test("a hub share asked for is the share the top agency gets; the vendor exponent concentrates contracts")
    func skewOptions() throws {
        for (share, expected) in [(0.10, 10_103), (0.30, 29_871)] {
            let graph = try SyntheticGraph.generate(.init(entities: 20_000, relationships: 100_000, hubShare: share))
            let hubDegree = graph.degree(of: EntityIndex(0))
            // Within 1% of the links asked for: 10.1% and 29.9%.
            #expect(hubDegree == expected)
            // The top agency is the top entity, as the benchmarks' headers assume.
            #expect(graph.entityIndices.allSatisfy { graph.degree(of: $0) <= hubDegree })
        }
        func topVendorDegree(_ exponent: Double) throws -> Int {
            let graph = try SyntheticGraph.generate(.init(entities: 20_000, relationships: 100_000, vendorExponent: exponent))
            return graph.entityIndices.filter { graph.kind(of: $0) == "company" }.map { graph.degree(of: $0) }.max() ?? 0
        }
        let mild = try topVendorDegree(1.5), steep = try topVendorDegree(4)
        #expect(mild < steep)
    }
}
