import Testing
@testable import ERGraph

@Suite("Contract projection")
struct ProjectionTests {
    let article = Citation(source: "article", quote: "ICE entered a $2 million contract")

    /// The Paragon contract written as a node, as the default dataset writes it.
    func contractAsNode() throws -> Graph {
        var builder = GraphBuilder()
        builder.addSource(Source(id: "article", title: "An article"))
        try builder.addEntity(Entity(id: "ice", kind: "agency", name: "ICE"))
        try builder.addEntity(Entity(id: "hsi", kind: "agency", name: "HSI"))
        try builder.addEntity(Entity(id: "paragon", kind: "company", name: "Paragon Solutions"))
        try builder.addEntity(Entity(id: "spyware", kind: "product", name: "Spyware"))
        try builder.addEntity(Entity(id: "outlet", kind: "publication", name: "TechCrunch"))
        try builder.addEntity(Entity(
            id: "contract", kind: "contract", name: "ICE-Paragon contract",
            validity: Validity(start: PartialDate("2024-09")),
            amounts: [Money(amount: 2_000_000, currency: "USD", kind: .reported)],
            events: [StatusEvent(date: PartialDate("2024"), status: "stop-work order"),
                     StatusEvent(date: PartialDate("2025"), status: "stop-work order lifted")],
            properties: ["description": .text("spyware")], citations: [article]))
        try builder.addEntity(Entity(id: "order", kind: "contract", name: "An order under it"))
        try builder.addRelationship(Relationship(id: "a", kind: "awarded", from: "ice", to: "contract", citations: [article]))
        try builder.addRelationship(Relationship(id: "b", kind: "awarded_to", from: "contract", to: "paragon",
                                                 citations: [Citation(source: "article", quote: "with Paragon")]))
        try builder.addRelationship(Relationship(id: "c", kind: "covers", from: "contract", to: "spyware", citations: [article]))
        try builder.addRelationship(Relationship(id: "d", kind: "benefits", from: "contract", to: "hsi", citations: [article]))
        try builder.addRelationship(Relationship(id: "e", kind: "reported", from: "outlet", to: "contract", citations: [article]))
        try builder.addRelationship(Relationship(id: "f", kind: "order_under", from: "order", to: "contract", citations: [article]))
        return builder.build()
    }

    @Test("a contract node becomes a buyer → vendor link carrying its money, dates, events and sources")
    func collapsesContract() throws {
        let original = try contractAsNode()
        // Referenced (an outlet reported it), it folds only when every contract is folded.
        let projected = ContractProjection.collapse(original, folding: .all)
        let graph = projected.graph
        let ice = try #require(graph.index(ofEntity: "ice"))
        var links: [Relationship] = []
        graph.forEachLink(of: ice, direction: .outgoing) { link, _ in links.append(graph.relationship(link)) }
        let contracted = try #require(links.first { $0.kind == "contracted" })
        #expect(contracted.id == "contract")
        #expect(contracted.from == "ice" && contracted.to == "paragon")
        #expect(contracted.amounts == [Money(amount: 2_000_000, currency: "USD", kind: .reported)])
        #expect(contracted.validity.start == PartialDate("2024-09"))
        #expect(contracted.events.map(\.status) == ["stop-work order", "stop-work order lifted"])
        #expect(contracted.properties["contract"] == .text("contract"))
        #expect(contracted.properties["description"] == .text("spyware"))
        #expect(contracted.citations == [article, Citation(source: "article", quote: "with Paragon")])

        let bought = try #require(links.first { $0.kind == "bought" })
        #expect(bought.to == "spyware" && bought.amounts.isEmpty)

        let paragon = try #require(graph.index(ofEntity: "paragon"))
        var supplies: [String] = []
        graph.forEachLink(of: paragon, direction: .outgoing) { link, other in
            if graph.kind(of: link) == "supplies" { supplies.append(graph.id(of: other)) }
        }
        #expect(supplies == ["hsi"])

        // The origin of the projected link names the contract and the links it folded.
        let linkIndex = try #require(graph.relationshipIndices.first { graph.id(of: $0) == "contract" })
        let contractIndex = try #require(original.index(ofEntity: "contract"))
        guard case let .contract(entity, folded) = projected.origins[linkIndex.int] else {
            Issue.record("expected a contract origin"); return
        }
        #expect(entity == contractIndex)
        #expect(folded.map { original.id(of: $0) }.sorted() == ["a", "b", "c", "d"])
    }

    @Test("money appears once: only the contracted link carries the amount")
    func moneyNotDuplicated() throws {
        let graph = ContractProjection.collapse(try contractAsNode(), folding: .all).graph
        let withMoney = graph.relationshipIndices.filter { !graph.relationship($0).amounts.isEmpty }
        #expect(withMoney.map { graph.id(of: $0) } == ["contract"])
    }

    @Test("a contract still linked otherwise is a node, never also a link: its route runs through it once")
    func keepsReportedContract() throws {
        let original = try contractAsNode()
        let projected = ContractProjection.collapse(original)
        let graph = projected.graph
        let contract = try #require(graph.index(ofEntity: "contract"))
        var kinds: [String] = []
        graph.forEachLink(of: contract, direction: .both) { link, _ in kinds.append(graph.kind(of: link)) }
        #expect(kinds.sorted() == ["awarded", "awarded_to", "benefits", "covers", "order_under", "reported"])
        #expect(!graph.relationshipIndices.contains { graph.kind(of: $0) == "contracted" })
        #expect(graph.entityCount == original.entityCount && graph.relationshipCount == original.relationshipCount)
        #expect(projected.foldedNothing)
        // The order under it has no buyer or vendor, so it is not folded and keeps its link.
        #expect(graph.index(ofEntity: "order") != nil)
        // Every contract folded (money): the referenced one stays beside its link.
        let all = ContractProjection.collapse(original, folding: .all).graph
        #expect(all.index(ofEntity: "contract") != nil)
        #expect(all.relationshipIndices.filter { all.kind(of: $0) == "contracted" }.map { all.id(of: $0) } == ["contract"])
    }

    @Test("an order under a referenced contract keeps its link: the parent is then left as written too")
    func ordersUnderKeptContracts() throws {
        var builder = GraphBuilder()
        for (id, kind) in [("ice", "agency"), ("v", "company"), ("outlet", "publication"), ("parent", "contract"), ("order", "contract")] {
            try builder.addEntity(id: id, kind: kind, name: id)
        }
        for contract in ["parent", "order"] {
            try builder.addRelationship(Relationship(id: "\(contract)-a", kind: "awarded", from: "ice", to: contract))
            try builder.addRelationship(Relationship(id: "\(contract)-b", kind: "awarded_to", from: contract, to: "v"))
        }
        try builder.addRelationship(Relationship(id: "under", kind: "order_under", from: "order", to: "parent"))
        try builder.addRelationship(Relationship(id: "told", kind: "reported", from: "outlet", to: "order"))
        let graph = ContractProjection.collapse(builder.build()).graph
        // The reported order stays, so its order_under link stays, so its parent stays: no link dangles.
        #expect(graph.index(ofEntity: "order") != nil && graph.index(ofEntity: "parent") != nil)
        #expect(graph.relationshipIndices.map { graph.id(of: $0) }.sorted() == ["order-a", "order-b", "parent-a", "parent-b", "told", "under"])
    }

    @Test("a buyer linked to a contract twice (two datasets) is one party: one link, citing both")
    func duplicateParties() throws {
        var builder = GraphBuilder()
        builder.addSource(Source(id: "s", title: "S"))
        for (id, kind) in [("ice", "agency"), ("v", "company"), ("c", "contract")] { try builder.addEntity(id: id, kind: kind, name: id) }
        try builder.addRelationship(Relationship(id: "a1", kind: "awarded", from: "ice", to: "c", citations: [Citation(source: "s", quote: "one")]))
        try builder.addRelationship(Relationship(id: "a2", kind: "awarded", from: "ice", to: "c", citations: [Citation(source: "s", quote: "two")]))
        try builder.addRelationship(Relationship(id: "b1", kind: "awarded_to", from: "c", to: "v"))
        try builder.addRelationship(Relationship(id: "b2", kind: "awarded_to", from: "c", to: "v"))
        let graph = ContractProjection.collapse(builder.build()).graph
        #expect(graph.relationshipIndices.map { graph.id(of: $0) } == ["c"])
        #expect(graph.relationship(RelationshipIndex(0)).citations.map(\.quote) == ["one", "two"])
    }

    @Test("a contract with no buyer or no vendor is left alone; other graphs are unchanged")
    func leavesIncompleteContracts() throws {
        var builder = GraphBuilder()
        try builder.addEntity(id: "ice", kind: "agency", name: "ICE")
        try builder.addEntity(id: "c", kind: "contract", name: "Contract without vendor")
        try builder.addRelationship(Relationship(id: "a", kind: "awarded", from: "ice", to: "c"))
        let graph = builder.build()
        let projected = ContractProjection.collapse(graph)
        #expect(projected.graph.entityCount == 2)
        #expect(projected.graph.relationshipCount == 1)
        #expect(projected.origins == [.original(RelationshipIndex(0))])
    }

    @Test("an order_under link to something that is not a contract is kept as a link")
    func orderUnderNonContract() throws {
        var builder = GraphBuilder()
        try builder.addEntity(id: "ice", kind: "agency", name: "ICE")
        try builder.addEntity(id: "v", kind: "company", name: "Vendor")
        try builder.addEntity(id: "c", kind: "contract", name: "Contract")
        try builder.addRelationship(Relationship(id: "a", kind: "awarded", from: "ice", to: "c"))
        try builder.addRelationship(Relationship(id: "b", kind: "awarded_to", from: "c", to: "v"))
        try builder.addRelationship(Relationship(id: "odd", kind: "order_under", from: "c", to: "v"))
        let graph = ContractProjection.collapse(builder.build()).graph
        #expect(graph.relationshipIndices.contains { graph.id(of: $0) == "odd" })
        #expect(graph.index(ofEntity: "c") != nil)  // still needed by that link
    }

    @Test("several buyers and vendors give one link per pair, named apart")
    func manyToMany() throws {
        var builder = GraphBuilder()
        for id in ["a1", "a2"] { try builder.addEntity(id: id, kind: "agency", name: id) }
        for id in ["v1", "v2"] { try builder.addEntity(id: id, kind: "company", name: id) }
        try builder.addEntity(id: "c", kind: "contract", name: "Joint contract")
        for id in ["a1", "a2"] { try builder.addRelationship(Relationship(id: "aw-\(id)", kind: "awarded", from: id, to: "c")) }
        for id in ["v1", "v2"] { try builder.addRelationship(Relationship(id: "to-\(id)", kind: "awarded_to", from: "c", to: id)) }
        let graph = ContractProjection.collapse(builder.build()).graph
        let ids = graph.relationshipIndices.map { graph.id(of: $0) }
        #expect(ids == ["c:a1->v1", "c:a1->v2", "c:a2->v1", "c:a2->v2"])
        #expect(graph.index(ofEntity: "c") == nil)
    }
}
