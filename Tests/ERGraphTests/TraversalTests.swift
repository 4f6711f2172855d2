import Testing
@testable import ERGraph

/// Hand-worked answers on a small graph:
///
///     H (agency) → A, H → E          (H is a hub linking the ends directly)
///     A → B twice (two contracts), B → D, A → C, C → D, D → E
///     X stands alone.
@Suite("Traversal and paths on a hand-worked graph")
struct TraversalTests {
    let graph: Graph
    let a, b, c, d, e, h, x: EntityIndex

    init() throws {
        var builder = GraphBuilder()
        for id in ["a", "b", "c", "d", "e"] { try builder.addEntity(id: id, kind: "company", name: id.uppercased()) }
        try builder.addEntity(id: "h", kind: "agency", name: "H")
        try builder.addEntity(id: "x", kind: "company", name: "X")
        let links: [(String, String, String, String, Validity)] = [
            ("ab1", "contracted", "a", "b", .always), ("ab2", "contracted", "a", "b", .always),
            ("bd", "supplies", "b", "d", .always), ("ac", "supplies", "a", "c", .always),
            ("cd", "supplies", "c", "d", .always), ("de", "supplies", "d", "e", .always),
            ("ha", "supplies", "h", "a", Validity(start: PartialDate("2025"))), ("he", "supplies", "h", "e", .always),
        ]
        for (id, kind, from, to, validity) in links {
            try builder.addRelationship(Relationship(id: id, kind: kind, from: from, to: to, validity: validity))
        }
        let built = builder.build()
        func index(_ id: String) throws -> EntityIndex { try #require(built.index(ofEntity: id)) }
        (a, b, c, d, e, h, x) = (try index("a"), try index("b"), try index("c"), try index("d"), try index("e"), try index("h"), try index("x"))
        graph = built
    }

    func ids(_ path: Path?) -> [String] { path?.relationships.map { graph.id(of: $0) } ?? ["none"] }

    @Test("shortest path on the undirected view goes through the hub, against H → A's direction")
    func shortestUndirected() {
        let path = graph.shortestPath(from: a, to: e)
        #expect(ids(path) == ["ha", "he"])
        #expect(path?.entities == [a, h, e])
        #expect(path?.hops(in: graph).map(\.forward) == [false, true])
    }

    @Test("directed, avoiding, skipping hubs, restricting kinds, as of a date")
    func constraints() {
        #expect(ids(graph.shortestPath(from: a, to: e, options: .init(direction: .outgoing))) == ["ab1", "bd", "de"])
        #expect(ids(graph.shortestPath(from: e, to: a, options: .init(direction: .outgoing))) == ["none"])
        #expect(ids(graph.shortestPath(from: a, to: e, options: .init(avoid: [h]))) == ["ab1", "bd", "de"])
        #expect(ids(graph.shortestPath(from: a, to: e, options: .init(avoid: [h, b]))) == ["ac", "cd", "de"])
        #expect(ids(graph.shortestPath(from: a, to: e, options: .init(maxDegree: 1))) == ["none"])
        #expect(ids(graph.shortestPath(from: a, to: e, options: .init(intermediateKinds: ["company"]))) == ["ab1", "bd", "de"])
        #expect(ids(graph.shortestPath(from: a, to: e, options: .init(relationshipKinds: ["supplies"]))) == ["ha", "he"])
        #expect(ids(graph.shortestPath(from: a, to: e, options: .init(relationshipKinds: ["supplies"], avoid: [h]))) == ["ac", "cd", "de"])
        #expect(ids(graph.shortestPath(from: a, to: e, options: .init(asOf: PartialDate("2024")))) == ["ab1", "bd", "de"])
        #expect(ids(graph.shortestPath(from: a, to: e, options: .init(asOf: PartialDate("2025-06")))) == ["ha", "he"])
        #expect(graph.shortestPath(from: a, to: x) == nil)
        #expect(graph.shortestPath(from: a, to: a)?.length == 0)
    }

    @Test("max-degree skips the hub in the middle but never the ends")
    func maxDegree() {
        // H has 2 links, B has 3 (two contracts and one supply link), D has 3.
        #expect(ids(graph.shortestPath(from: a, to: e, options: .init(maxDegree: 1))) == ["none"])
        #expect(ids(graph.shortestPath(from: a, to: e, options: .init(maxDegree: 2))) == ["ha", "he"])
        #expect(ids(graph.shortestPath(from: h, to: a, options: .init(maxDegree: 0))) == ["ha"])
    }

    @Test("all shortest paths are link-level: two contracts give two paths")
    func allShortest() {
        let paths = graph.allShortestPaths(from: a, to: e, options: .init(direction: .outgoing))
        #expect(paths.map(ids) == [["ab1", "bd", "de"], ["ab2", "bd", "de"], ["ac", "cd", "de"]])
        #expect(graph.allShortestPaths(from: a, to: e).map(ids) == [["ha", "he"]])
        #expect(graph.allShortestPaths(from: a, to: e, options: .init(direction: .outgoing), limit: 2).count == 2)
    }

    @Test("Yen's k shortest: distinct, loopless, non-decreasing")
    func kShortest() {
        let paths = graph.kShortestPaths(from: a, to: e, k: 10)
        #expect(paths.map(ids) == [["ha", "he"], ["ab1", "bd", "de"], ["ab2", "bd", "de"], ["ac", "cd", "de"]])
        #expect(paths.map(\.cost) == [2, 3, 3, 3])
        for path in paths { #expect(Set(path.entities).count == path.entities.count) }
    }

    @Test("the reusable neighbourhood counter and weighted search agree with the one-off answers")
    func reusableSearches() throws {
        let generated = try SyntheticGraph.generate(.init(entities: 2_000, relationships: 9_000, seed: 4))
        var counter = NeighborhoodCounter(graph: generated)
        let weights = LinkWeights(values: generated.relationshipIndices.map { Double($0.int % 17 + 1) })
        var search = WeightedPathSearch(graph: generated, weights: weights)
        for index in stride(from: 0, to: 2_000, by: 97) {
            let entity = EntityIndex(index)
            for depth in 1...3 {
                #expect(counter.count(around: entity, depth: depth) == generated.neighborhood(of: entity, depth: depth).count)
            }
            let target = EntityIndex((index * 7 + 13) % 2_000)
            let fast = search.cheapestPath(from: entity, to: target)
            let oneWay = generated.dijkstra(from: entity.int, to: target.int, weights: weights.values,
                                            filter: TraversalFilter(TraversalOptions(), graph: generated), excludedLinks: [], excludedEntities: [])
            #expect(fast?.cost == oneWay?.cost)
            if let fast {
                #expect(fast.relationships.reduce(0) { $0 + weights.values[$1.int] } == fast.cost)
                #expect(fast.entities.first == entity && fast.entities.last == target)
            }
        }
    }

    @Test("weighted search: the cheapest of parallel links, the lower index on a tie, direction and filters kept")
    func weightedParallelLinks() throws {
        var builder = GraphBuilder()
        for id in ["s", "m", "t", "x"] { try builder.addEntity(Entity(id: id, kind: id == "x" ? "person" : "company", name: id)) }
        // s→m by three parallel links (weights 5, 2, 2), m→t by two (3 and 4), s→x→t cheaper but
        // through a person, and t→s backwards (weight 1).
        let links: [(String, String, String, Double)] = [
            ("sm1", "s", "m", 5), ("sm2", "s", "m", 2), ("sm3", "s", "m", 2), ("mt1", "m", "t", 4), ("mt2", "m", "t", 3),
            ("sx", "s", "x", 1), ("xt", "x", "t", 1), ("ts", "t", "s", 1), ("loop", "m", "m", 0),
        ]
        for link in links { try builder.addRelationship(Relationship(id: link.0, kind: "supplies", from: link.1, to: link.2)) }
        let g = builder.build()
        let weights = LinkWeights(values: links.map(\.3))
        let ids = { (path: Path?) in path?.relationships.map { g.id(of: $0) } ?? [] }
        let s = try #require(g.index(ofEntity: "s")), t = try #require(g.index(ofEntity: "t"))
        var undirected = WeightedPathSearch(graph: g, weights: weights)
        #expect(ids(undirected.cheapestPath(from: s, to: t)) == ["ts"])
        var outgoing = WeightedPathSearch(graph: g, weights: weights, options: .init(direction: .outgoing))
        #expect(ids(outgoing.cheapestPath(from: s, to: t)) == ["sx", "xt"])
        var companies = WeightedPathSearch(graph: g, weights: weights, options: .init(direction: .outgoing, intermediateKinds: ["company"]))
        let viaCompanies = companies.cheapestPath(from: s, to: t)
        #expect(ids(viaCompanies) == ["sm2", "mt2"])
        #expect(viaCompanies?.cost == 5)
        #expect(ids(companies.cheapestPath(from: t, to: s)) == ["ts"])
        var incoming = WeightedPathSearch(graph: g, weights: weights, options: .init(direction: .incoming))
        #expect(ids(incoming.cheapestPath(from: t, to: s)) == ["xt", "sx"])
        var owning = WeightedPathSearch(graph: g, weights: weights, options: .init(relationshipKinds: ["owns"]))
        #expect(owning.cheapestPath(from: s, to: t) == nil)
    }

    @Test("k shortest routes: parallel contracts are one route, listed as parallel links")
    func kShortestRoutes() throws {
        let routes = graph.kShortestPaths(from: a, to: e, k: 10, distinct: .entities)
        #expect(routes.map(ids) == [["ha", "he"], ["ab1", "bd", "de"], ["ac", "cd", "de"]])
        let hop = try #require(routes[1].hops(in: graph).first)
        #expect(graph.parallelLinks(of: hop).map { graph.id(of: $0) } == ["ab2"])
        #expect(graph.kShortestPaths(from: a, to: e, k: 2, distinct: .entities).map(ids) == [["ha", "he"], ["ab1", "bd", "de"]])
        // Filtered out, a parallel link is not evidence for the hop.
        let asOf2020 = TraversalOptions(asOf: PartialDate("2020"))
        let early = graph.kShortestPaths(from: a, to: e, k: 5, options: asOf2020, distinct: .entities)
        #expect(early.map(ids) == [["ab1", "bd", "de"], ["ac", "cd", "de"]])
    }

    @Test("weighted: by kind costs, by property; negative and missing weights refused")
    func weighted() throws {
        let costly = try LinkWeights.costs(["contracted": 1, "supplies": 5], in: graph, options: .init())
        let cheapest = graph.cheapestPath(from: a, to: e, weights: costly)
        #expect(ids(cheapest) == ["ha", "he"])                 // 5 + 5
        #expect(cheapest?.cost == 10)
        let aroundHub = graph.cheapestPath(from: a, to: e, weights: costly, options: .init(avoid: [h]))
        #expect(ids(aroundHub) == ["ab1", "bd", "de"])          // 1 + 5 + 5, the first of two equal contracts
        #expect(aroundHub?.cost == 11)
        #expect(throws: WeightError.missingCosts(kinds: ["supplies"], links: 6)) {
            try LinkWeights.costs(["contracted": 1], in: graph, options: .init())
        }
        #expect(throws: WeightError.negative(relationship: "ab1", weight: -1)) {
            try LinkWeights.costs(["contracted": -1, "supplies": 1], in: graph, options: .init())
        }
        // Restricting to the kinds that have a cost makes the search possible.
        let only = try LinkWeights.costs(["supplies": 2], in: graph, options: .init(relationshipKinds: ["supplies"]))
        #expect(graph.cheapestPath(from: a, to: e, weights: only, options: .init(relationshipKinds: ["supplies"]))?.cost == 4)
        do {
            _ = try LinkWeights.property("amount", in: graph, options: .init())
            Issue.record("links without amounts must be refused")
        } catch {
            #expect(error == .missingProperty(name: "amount", links: 8, examples: ["'ab1'", "'ab2'", "'bd'"]))
        }
    }

    @Test("every simple path up to N hops, shortest first")
    func simplePaths() {
        #expect(graph.simplePaths(from: a, to: e, maxHops: 2).map(ids) == [["ha", "he"]])
        #expect(graph.simplePaths(from: a, to: e, maxHops: 5).map(ids)
                == [["ha", "he"], ["ab1", "bd", "de"], ["ab2", "bd", "de"], ["ac", "cd", "de"]])
        #expect(graph.simplePaths(from: a, to: e, maxHops: 5, limit: 2).count == 2)
        #expect(graph.simplePaths(from: a, to: x, maxHops: 5).isEmpty)
    }

    @Test("neighbourhood by depth, nearest first, with direction")
    func neighborhood() {
        let near = graph.neighborhood(of: a, depth: 1)
        #expect(near.map { graph.id(of: $0.entity) } == ["b", "c", "h"])
        #expect(near.map { graph.id(of: $0.relationship) } == ["ab1", "ac", "ha"])
        let two = graph.neighborhood(of: a, depth: 2)
        #expect(two.map { graph.id(of: $0.entity) } == ["b", "c", "h", "d", "e"])
        #expect(two.map(\.depth) == [1, 1, 1, 2, 2])
        #expect(graph.neighborhood(of: a, depth: 3, options: .init(direction: .incoming)).map { graph.id(of: $0.entity) } == ["h"])
        #expect(graph.neighborhood(of: a, depth: 2, options: .init(avoid: [h])).map { graph.id(of: $0.entity) } == ["b", "c", "h", "d"])
    }

    @Test("strong components follow directions")
    func strongComponents() throws {
        var builder = GraphBuilder()
        for id in ["p", "q", "r", "s"] { try builder.addEntity(id: id, kind: "company", name: id) }
        for (from, to) in [("p", "q"), ("q", "r"), ("r", "p"), ("r", "s")] {
            try builder.addRelationship(Relationship(id: "\(from)\(to)", kind: "supplies", from: from, to: to))
        }
        let components = builder.build().stronglyConnectedComponents()
        #expect(components.count == 2)
        #expect(components.labels == [0, 0, 0, 1])
    }
}

@Suite("Ownership and money")
struct OwnershipAndMoneyTests {
    @Test("chains up to every ultimate parent, with a cycle reported once")
    func ownership() throws {
        var builder = GraphBuilder()
        for id in ["unit", "vendor", "holding", "fund", "other"] { try builder.addEntity(id: id, kind: "company", name: id) }
        try builder.addRelationship(Relationship(id: "r1", kind: "part_of", from: "unit", to: "vendor"))
        try builder.addRelationship(Relationship(id: "r2", kind: "acquired", from: "holding", to: "vendor",
                                                 validity: Validity(start: PartialDate("2024-12"))))
        try builder.addRelationship(Relationship(id: "r3", kind: "owns", from: "fund", to: "holding"))
        try builder.addRelationship(Relationship(id: "r4", kind: "owns", from: "other", to: "vendor"))
        let graph = builder.build()
        let unit = try #require(graph.index(ofEntity: "unit"))
        let chains = graph.ownershipChains(of: unit)
        #expect(chains.ultimateParents.map { graph.id(of: $0) } == ["fund", "other"])
        #expect(chains.chains.map { $0.map { graph.id(of: $0.relationship) } } == [["r1", "r2", "r3"], ["r1", "r4"]])
        #expect(chains.cycles.isEmpty)
        // Before the acquisition, only the other owner stands above the vendor.
        #expect(graph.ownershipChains(of: unit, asOf: PartialDate("2023")).ultimateParents.map { graph.id(of: $0) } == ["other"])

        var looped = GraphBuilder()
        for id in ["p", "q"] { try looped.addEntity(id: id, kind: "company", name: id) }
        try looped.addRelationship(Relationship(id: "pq", kind: "owns", from: "p", to: "q"))
        try looped.addRelationship(Relationship(id: "qp", kind: "owns", from: "q", to: "p"))
        let loop = looped.build()
        let result = loop.ownershipChains(of: EntityIndex(0))
        #expect(result.cycles.count == 1)
        #expect(result.chains.count == 1)
    }

    @Test("money: kinds and currencies apart, parents rolled up, orders under a parent not counted twice")
    func money() throws {
        var builder = GraphBuilder()
        for id in ["agency", "vendor", "parent"] { try builder.addEntity(id: id, kind: id == "agency" ? "agency" : "company", name: id) }
        try builder.addEntity(id: "other", kind: "company", name: "other")
        try builder.addRelationship(Relationship(id: "own", kind: "acquired", from: "parent", to: "vendor"))
        func usd(_ amount: Int, _ kind: AmountKind) -> Money { Money(amount: .init(amount), currency: "USD", kind: kind) }
        try builder.addRelationship(Relationship(id: "idv", kind: "contracted", from: "agency", to: "vendor",
                                                 validity: Validity(start: PartialDate("2022")),
                                                 amounts: [usd(100, .ceiling), usd(40, .obligated)]))
        try builder.addRelationship(Relationship(id: "order", kind: "contracted", from: "agency", to: "vendor",
                                                 validity: Validity(start: PartialDate("2023")),
                                                 amounts: [usd(10, .obligated), usd(3, .paid)],
                                                 properties: ["order_under": .text("idv")]))
        try builder.addRelationship(Relationship(id: "euro", kind: "contracted", from: "agency", to: "other",
                                                 amounts: [Money(amount: 7, currency: "EUR", kind: .obligated)]))
        let graph = builder.build()

        let byVendor = graph.moneyGroups(by: .vendor)
        #expect(byVendor.map(\.key) == ["vendor", "other"])
        #expect(byVendor[0].totals == [usd(100, .ceiling), usd(3, .paid), usd(40, .obligated)].sorted {
            ($0.currency, $0.kind) < ($1.currency, $1.kind)
        })
        #expect(byVendor[0].nested.map { graph.id(of: $0) } == ["order"])
        #expect(byVendor[1].totals == [Money(amount: 7, currency: "EUR", kind: .obligated)])

        let byParent = graph.moneyGroups(by: .parent)
        #expect(byParent.map(\.key) == ["parent", "other"])
        let byYear = graph.moneyGroups(by: .year)
        #expect(byYear.map(\.key) == ["2022", "2023", "unknown"])
        let byAgency = graph.moneyGroups(by: .agency)
        #expect(byAgency.count == 1)
        #expect(byAgency[0].totals.count == 4)  // EUR obligated, USD ceiling, obligated, paid
    }
}
