import Testing
@testable import ERGraph

@Suite("Components, cycles, name resolution")
struct AlgorithmTests {
    func graph(_ links: [(String, String, String)], entities: [String]) throws -> Graph {
        var builder = GraphBuilder()
        for id in entities { try builder.addEntity(Entity(id: id, kind: "company", name: id.uppercased())) }
        for (index, link) in links.enumerated() {
            try builder.addRelationship(Relationship(id: "r\(index)", kind: link.1, from: link.0, to: link.2))
        }
        return builder.build()
    }

    @Test("weak components ignore direction and count isolated entities")
    func weakComponents() throws {
        let g = try graph([("a", "owns", "b"), ("c", "owns", "b"), ("d", "supplies", "e")],
                          entities: ["a", "b", "c", "d", "e", "f"])
        let components = g.weaklyConnectedComponents()
        #expect(components.count == 3)
        #expect(components.sizes == [3, 2, 1])
        #expect(components.labels == [0, 0, 0, 1, 1, 2])
    }

    @Test("union-find and breadth-first search find the same components, numbered alike")
    func componentMethodsAgree() throws {
        // Sparse graphs leave many components (isolated entities among them); the dense one, few.
        var counts: [Int] = []
        for (entities, links, seed) in [(4_000, 1_500, 1), (4_000, 3_000, 2), (2_000, 9_000, 3)] as [(Int, Int, UInt64)] {
            let generated = try SyntheticGraph.generate(.init(entities: entities, relationships: links, seed: seed))
            let byUnion = generated.weaklyConnectedComponents()
            #expect(byUnion == generated.breadthFirstComponents())
            #expect(byUnion.labels.first == 0)
            counts.append(byUnion.count)
        }
        #expect(counts[0] > counts[1] && counts[1] > counts[2])
        #expect(counts[0] > 100)
        // Links given from a high index to a low one join as well as the other way round.
        let backwards = try graph([("f", "owns", "a"), ("e", "owns", "b"), ("b", "owns", "f")],
                                  entities: ["a", "b", "c", "d", "e", "f"])
        #expect(backwards.weaklyConnectedComponents().labels == [0, 0, 1, 2, 0, 0])
        #expect(backwards.breadthFirstComponents() == backwards.weaklyConnectedComponents())
    }

    @Test("no ownership cycle in a tree")
    func noCycle() throws {
        let g = try graph([("a", "owns", "b"), ("b", "owns", "c"), ("d", "part_of", "a")], entities: ["a", "b", "c", "d"])
        #expect(HierarchyCycles.find(in: g).isEmpty)
    }

    @Test("a cycle mixing owns and part_of is found once, in child → parent order")
    func mixedCycle() throws {
        // Read child → parent: a owns b gives b → a; a part_of c gives a → c; c part_of b gives c → b.
        let g = try graph([("a", "owns", "b"), ("a", "part_of", "c"), ("c", "part_of", "b")], entities: ["a", "b", "c"])
        let cycles = HierarchyCycles.find(in: g)
        #expect(cycles.count == 1)
        let names = cycles[0].entities.map { g.id(of: $0) }
        #expect(names == ["a", "c", "b"])
        #expect(cycles[0].relationships.map { g.id(of: $0) } == ["r1", "r2", "r0"])
    }

    @Test("a self-loop is a cycle; links of other kinds never are")
    func selfLoopAndOtherKinds() throws {
        let g = try graph([("a", "part_of", "a"), ("b", "supplies", "c"), ("c", "supplies", "b")], entities: ["a", "b", "c"])
        let cycles = HierarchyCycles.find(in: g)
        #expect(cycles.map { $0.entities.map { g.id(of: $0) } } == [["a"]])
    }

    @Test("resolves ids exactly, names and aliases ignoring case")
    func resolves() throws {
        var builder = GraphBuilder()
        try builder.addEntity(Entity(id: "ice", kind: "agency", name: "U.S. Immigration and Customs Enforcement", aliases: ["ICE"]))
        try builder.addEntity(Entity(id: "ae-industrial", kind: "company", name: "AE Industrial"))
        try builder.addEntity(Entity(id: "mercury-1", kind: "company", name: "Mercury"))
        try builder.addEntity(Entity(id: "mercury-2", kind: "product", name: "Mercury"))
        let g = builder.build()
        let resolver = EntityResolver(graph: g)
        #expect(resolver.resolve("ice") == .found(EntityIndex(0)))
        #expect(resolver.resolve("Ice") == .found(EntityIndex(0)))
        #expect(resolver.resolve("u.s. immigration and customs enforcement") == .found(EntityIndex(0)))
        #expect(resolver.resolve("ae industrial") == .found(EntityIndex(1)))
        #expect(resolver.resolve("mercury") == .ambiguous([EntityIndex(2), EntityIndex(3)]))
        #expect(resolver.resolve("ae") == .notFound(suggestions: [EntityIndex(1)]))
        #expect(resolver.resolve("AE Industrail") == .notFound(suggestions: [EntityIndex(1)]))
        #expect(resolver.resolve("zzzz") == .notFound(suggestions: []))
        #expect(resolver.explain(resolver.resolve("mercury"), for: "mercury")
                == "'mercury' names 2 entities: mercury-1 (Mercury, company), mercury-2 (Mercury, product); use an id")
        #expect(resolver.explain(resolver.resolve("ae"), for: "ae")
                == "unknown entity 'ae'; did you mean 'AE Industrial' (id ae-industrial)?")
    }

    @Test("suggestions allow transpositions and stay quiet when nothing is close")
    func suggestions() {
        #expect(Suggestions.closest(to: "nmae", among: ["id", "kind", "name"]) == "name")
        #expect(Suggestions.closest(to: "form", among: ["from", "to"]) == "from")
        #expect(Suggestions.closest(to: "entites", among: ["sources", "entities"]) == "entities")
        #expect(Suggestions.closest(to: "colour", among: ["id", "kind", "name"]) == nil)
        #expect(Suggestions.closest(to: "ae", among: ["ice"]) == nil)
        #expect(Suggestions.editDistance(Array("kitten".unicodeScalars), Array("sitting".unicodeScalars), limit: 10) == 3)
    }
}
