import ERAnswers
import ERGraph
import Testing

/// `components` and `stats` count the same entities, folded or not.
@Suite("Components agree with stats")
struct ComponentsTests {
    @Test("on the default dataset: one component of 46, folded or as written")
    func defaultDataset() throws {
        let opened = try Package.opened()
        let stats = StatsAnswer(opened.graph, origin: "ice")
        #expect(stats.summary.entities == 46 && stats.summary.components == 1 && stats.summary.largestComponent == 46)
        for keep in [false, true] {
            let answer = ComponentsAnswer(strong: false, in: opened.context(keepingContractNodes: keep))
            #expect(answer.components.map(\.size) == [46])
            #expect(Set(answer.components[0].entities) == Set(opened.graph.entityIndices.map { opened.graph.id(of: $0) }))
        }
    }

    /// Agencies awarding contracts (as entities) to vendors, in separate islands; a few
    /// contracts reported on by an outlet, so they stay entities when folded.
    func generated() throws -> OpenedGraph {
        var builder = GraphBuilder()
        for island in 0..<40 {
            try builder.addEntity(id: "agency\(island)", kind: "agency", name: "Agency \(island)")
            try builder.addEntity(id: "outlet\(island)", kind: "publication", name: "Outlet \(island)")
            for vendor in 0..<(1 + island % 4) {
                try builder.addEntity(id: "v\(island)-\(vendor)", kind: "company", name: "Vendor \(island)-\(vendor)")
                for contract in 0..<(1 + (island + vendor) % 3) {
                    let id = "c\(island)-\(vendor)-\(contract)"
                    try builder.addEntity(id: id, kind: "contract", name: "Contract \(id)")
                    try builder.addRelationship(Relationship(id: "\(id)-a", kind: "awarded", from: "agency\(island)", to: id))
                    try builder.addRelationship(Relationship(id: "\(id)-b", kind: "awarded_to", from: id, to: "v\(island)-\(vendor)"))
                    if contract == 1 { try builder.addRelationship(Relationship(id: "\(id)-r", kind: "reported", from: "outlet\(island)", to: id)) }
                }
            }
            // Every fifth island's outlet writes about nothing: a component of its own.
        }
        return OpenedGraph(graph: builder.build(), source: .datasets(["generated"]))
    }

    @Test("on a generated graph with contract entities: the same sizes, folded or not, as the graph as written")
    func generatedGraph() throws {
        let opened = try generated()
        let written = ComponentsAnswer(strong: false, in: opened.asWritten)
        let folded = ComponentsAnswer(strong: false, in: opened.folded)
        #expect(opened.folded.graph.entityCount < opened.graph.entityCount)
        #expect(folded.components.map(\.size) == written.components.map(\.size))
        #expect(folded.components.map { Set($0.entities) } == written.components.map { Set($0.entities) })
        #expect(folded.components.map(\.size).reduce(0, +) == opened.graph.entityCount)
        let stats = GraphSummary(graph: opened.graph)
        #expect(stats.components == folded.count)
        #expect(stats.largestComponent == folded.components.first?.size)
    }
}
