import Testing
@testable import ERGraph

@Suite("Compact store")
struct StoreTests {
    /// ICE awards two contracts to Palantir (a multigraph), HSI is part of ICE, Palantir makes ICM.
    func smallGraph() throws -> Graph {
        var builder = GraphBuilder()
        try builder.addEntity(Entity(id: "ice", kind: "agency", name: "ICE", aliases: ["Immigration and Customs Enforcement"]))
        try builder.addEntity(id: "hsi", kind: "agency", name: "HSI")
        try builder.addEntity(id: "palantir", kind: "company", name: "Palantir")
        try builder.addEntity(id: "icm", kind: "product", name: "ICM")
        try builder.addRelationship(Relationship(id: "c2022", kind: "contracted", from: "ice", to: "palantir",
                                                 amounts: [Money(amount: 95_900_000, currency: "USD", kind: .reported)]))
        try builder.addRelationship(Relationship(id: "c2024", kind: "contracted", from: "ice", to: "palantir",
                                                 validity: Validity(start: PartialDate("2024-09"))))
        try builder.addRelationship(Relationship(id: "hsi-part-of-ice", kind: "part_of", from: "hsi", to: "ice"))
        try builder.addRelationship(Relationship(id: "makes", kind: "makes", from: "palantir", to: "icm"))
        return builder.build()
    }

    @Test("dense indices, interned kinds, full records back")
    func records() throws {
        let graph = try smallGraph()
        #expect(graph.entityCount == 4)
        #expect(graph.relationshipCount == 4)
        let ice = try #require(graph.index(ofEntity: "ice"))
        #expect(ice == EntityIndex(0))
        #expect(graph.kind(of: ice) == "agency")
        #expect(graph.entity(ice).aliases == ["Immigration and Customs Enforcement"])
        let first = RelationshipIndex(0)
        #expect(graph.id(of: first) == "c2022")
        #expect(graph.relationship(first).amounts.first?.amount == 95_900_000)
        #expect(graph.validity(of: RelationshipIndex(1)).start == PartialDate("2024-09"))
        #expect(graph.index(ofEntity: "nobody") == nil)
    }

    @Test("adjacency in both directions keeps parallel links apart, in relationship order")
    func adjacency() throws {
        let graph = try smallGraph()
        let ice = try #require(graph.index(ofEntity: "ice"))
        let palantir = try #require(graph.index(ofEntity: "palantir"))
        var out: [(String, String)] = []
        graph.forEachLink(of: ice, direction: .outgoing) { link, other in out.append((graph.id(of: link), graph.id(of: other))) }
        #expect(out.map(\.0) == ["c2022", "c2024"])
        #expect(out.map(\.1) == ["palantir", "palantir"])

        var incoming: [String] = []
        graph.forEachLink(of: ice, direction: .incoming) { link, other in incoming.append("\(graph.id(of: link))<-\(graph.id(of: other))") }
        #expect(incoming == ["hsi-part-of-ice<-hsi"])

        var both: [String] = []
        graph.forEachLink(of: palantir, direction: .both) { link, _ in both.append(graph.id(of: link)) }
        #expect(both == ["makes", "c2022", "c2024"])  // outgoing first, then incoming

        #expect(graph.degree(of: ice, direction: .outgoing) == 2)
        #expect(graph.degree(of: ice, direction: .incoming) == 1)
        #expect(graph.degree(of: palantir) == 3)
        #expect(graph.otherEnd(of: RelationshipIndex(0), from: palantir) == ice)
    }

    @Test("the undirected view: each neighbour once, through the first link out then in, no self-links")
    func undirectedView() throws {
        var builder = GraphBuilder()
        for id in ["a", "b", "c"] { try builder.addEntity(Entity(id: id, kind: "company", name: id)) }
        // b→a comes first in relationship order, but a's row lists its outgoing links first.
        for (id, from, to) in [("ba", "b", "a"), ("ab1", "a", "b"), ("ab2", "a", "b"), ("aa", "a", "a"), ("ca", "c", "a")] {
            try builder.addRelationship(Relationship(id: id, kind: "supplies", from: from, to: to))
        }
        let graph = builder.build()
        func row(_ id: String) throws -> [String] {
            let entity = try #require(graph.index(ofEntity: id))
            return graph.undirected.range(of: entity).map {
                "\(graph.id(of: EntityIndex(Int(graph.undirected.neighbors[$0])))) by \(graph.id(of: RelationshipIndex(Int(graph.undirected.relationships[$0]))))"
            }
        }
        #expect(try row("a") == ["b by ab1", "c by ca"])
        #expect(try row("b") == ["a by ba"])
        #expect(try row("c") == ["a by ca"])
        // On a generated multigraph: the distinct neighbours of every entity, in either direction.
        let generated = try SyntheticGraph.generate(.init(entities: 2_000, relationships: 9_000, seed: 7))
        var entries = 0
        for entity in generated.entityIndices {
            var expected = Set<Int32>()
            for adjacency in [generated.outgoing, generated.incoming] {
                for slot in adjacency.range(of: entity) where Int(adjacency.neighbors[slot]) != entity.int {
                    expected.insert(adjacency.neighbors[slot])
                }
            }
            let listed = generated.undirected.range(of: entity).map { generated.undirected.neighbors[$0] }
            #expect(listed.count == expected.count && Set(listed) == expected)
            entries += listed.count
        }
        #expect(entries < 2 * generated.relationshipCount)
    }

    @Test("every link appears once in each direction's adjacency")
    func adjacencyIsComplete() throws {
        let graph = try SyntheticGraph.generate(.init(entities: 2_000, relationships: 9_000, seed: 7))
        var outCount = [Int](repeating: 0, count: graph.relationshipCount)
        var inCount = [Int](repeating: 0, count: graph.relationshipCount)
        for entity in graph.entityIndices {
            graph.forEachLink(of: entity, direction: .outgoing) { link, other in
                #expect(graph.from(link) == entity && graph.to(link) == other)
                outCount[link.int] += 1
            }
            graph.forEachLink(of: entity, direction: .incoming) { link, other in
                #expect(graph.to(link) == entity && graph.from(link) == other)
                inCount[link.int] += 1
            }
        }
        #expect(outCount.allSatisfy { $0 == 1 })
        #expect(inCount.allSatisfy { $0 == 1 })
    }

    @Test("builder errors: duplicate id, unknown kind, unknown end")
    func builderErrors() throws {
        var builder = GraphBuilder()
        try builder.addEntity(id: "a", kind: "company", name: "A")
        #expect(throws: GraphBuildError.duplicateEntity("a")) { try builder.addEntity(id: "a", kind: "company", name: "A again") }
        #expect(throws: GraphBuildError.unknownEntityKind("compnay")) { try builder.addEntity(id: "b", kind: "compnay", name: "B") }
        #expect(throws: GraphBuildError.unknownEntity("zzz")) {
            try builder.addRelationship(Relationship(id: "r", kind: "owns", from: "a", to: "zzz"))
        }
        #expect(throws: GraphBuildError.unknownRelationshipKind("ownz")) {
            try builder.addRelationship(Relationship(id: "r", kind: "ownz", from: "a", to: "a"))
        }
        // The first entity with the id is still the one found.
        #expect(builder.build().name(of: EntityIndex(0)) == "A")
    }

    @Test("bulk links without ids are named by index")
    func bulkIDs() throws {
        var builder = GraphBuilder()
        let a = try builder.addEntity(id: "a", kind: "company", name: "A")
        let b = try builder.addEntity(id: "b", kind: "company", name: "B")
        try builder.addRelationship(kind: "owns", from: a, to: b)
        let graph = builder.build()
        #expect(graph.id(of: RelationshipIndex(0)) == "#0")
        #expect(graph.relationship(RelationshipIndex(0)).citations.isEmpty)
    }

    @Test("string table round-trips text of any kind")
    func stringTable() {
        var table = StringTable()
        let texts = ["", "ICE", "Ünïcödé 東京 🛰️", String(repeating: "x", count: 20_000), "a\u{0}b"]
        for text in texts { table.append(text) }
        #expect(table.count == texts.count)
        for (index, text) in texts.enumerated() { #expect(table[index] == text) }
        #expect(table.byteCount(at: 0) == 0)
    }
}
