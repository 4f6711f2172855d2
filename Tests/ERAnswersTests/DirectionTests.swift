import ERAnswers
import ERGraph
import Testing

/// Every built-in link kind, written Alpha → Beta, read from either end by show, neighbors,
/// owners and path: the sentence must say the true thing, in the right direction.
@Suite("Direction-true wording for every built-in link kind")
struct DirectionTests {
    /// What "Alpha KIND Beta" means, read from Alpha and from Beta: the truth the answers must
    /// tell, written here independently of the vocabulary.
    static let meanings: [String: (fromAlpha: String, fromBeta: String)] = [
        "part_of": ("Alpha is part of Beta", "Beta includes Alpha"),
        "subsidiary_of": ("Alpha is a subsidiary of Beta", "Beta is the parent company of Alpha"),
        "owns": ("Alpha owns Beta", "Beta is owned by Alpha"),
        "acquired": ("Alpha acquired Beta", "Beta was acquired by Alpha"),
        "merged_into": ("Alpha merged into Beta", "Beta absorbed Alpha"),
        "awarded": ("Alpha awarded Beta", "Beta was awarded by Alpha"),
        "awarded_to": ("Alpha was awarded to Beta", "Beta won Alpha"),
        "contracted": ("Alpha contracted with Beta", "Beta holds a contract from Alpha"),
        "order_under": ("Alpha is an order under Beta", "Beta has the order Alpha"),
        "follows_on": ("Alpha follows on from Beta", "Beta was followed by Alpha"),
        "covers": ("Alpha covers Beta", "Beta is covered by Alpha"),
        "bought": ("Alpha bought Beta", "Beta was bought by Alpha"),
        "benefits": ("Alpha benefits Beta", "Beta benefits from Alpha"),
        "makes": ("Alpha makes Beta", "Beta is made by Alpha"),
        "uses": ("Alpha uses Beta", "Beta is used by Alpha"),
        "supplies": ("Alpha supplies Beta", "Beta is supplied by Alpha"),
        "founded": ("Alpha founded Beta", "Beta was founded by Alpha"),
        "works_for": ("Alpha works for Beta", "Beta employs Alpha"),
        "leads": ("Alpha leads Beta", "Beta is led by Alpha"),
        "reported": ("Alpha reported on Beta", "Beta was reported on by Alpha"),
        "describes": ("Alpha describes Beta", "Beta is described in Alpha"),
        "located_in": ("Alpha is located in Beta", "Beta is the location of Alpha"),
    ]

    @Test("the table covers every built-in relationship kind")
    func complete() {
        #expect(Set(Self.meanings.keys) == Set(Vocabulary.builtIn.relationshipKinds.map(\.id)))
    }

    /// Alpha —KIND→ Beta, both organizations (so no contract folding applies), dated 2024-12.
    func graph(_ kind: String) throws -> OpenedGraph {
        var builder = GraphBuilder()
        builder.addSource(Source(id: "s", title: "S"))
        try builder.addEntity(Entity(id: "a", kind: "organization", name: "Alpha"))
        try builder.addEntity(Entity(id: "b", kind: "organization", name: "Beta"))
        try builder.addRelationship(Relationship(id: "link", kind: kind, from: "a", to: "b",
                                                 validity: Validity(start: PartialDate("2024-12")),
                                                 citations: [Citation(source: "s", quote: "words")]))
        return OpenedGraph(graph: builder.build(), source: .datasets(["table.yaml"]))
    }

    @Test("show, neighbors and path read the link the right way round from each end", arguments: Array(meanings.keys).sorted())
    func readFromBothEnds(_ kind: String) throws {
        let meaning = try #require(Self.meanings[kind])
        let opened = try graph(kind)
        let graph = opened.graph
        let alpha = try opened.asWritten.entity(named: "Alpha"), beta = try opened.asWritten.entity(named: "Beta")

        let fromAlpha = meaning.fromAlpha + " (since 2024-12)", fromBeta = meaning.fromBeta + " (since 2024-12)"
        #expect(EntityAnswer(alpha, in: graph).text().contains("\nOutgoing links (1)\n  \(fromAlpha) [b] · 1 independent source (single-sourced)\n"))
        #expect(EntityAnswer(beta, in: graph).text().contains("\nIncoming links (1)\n  \(fromBeta) [a] · 1 independent source (single-sourced)\n"))

        let neighborsOfBeta = try NeighborhoodQuery(entity: "Beta").run(on: opened).answer
        #expect(neighborsOfBeta.rows.map(\.statement) == [fromBeta])
        #expect(neighborsOfBeta.rows.map(\.direction) == ["backward"])
        #expect(neighborsOfBeta.rows.map { "\($0.from)→\($0.to)" } == ["a→b"])
        let neighborsOfAlpha = try NeighborhoodQuery(entity: "Alpha").run(on: opened).answer
        #expect(neighborsOfAlpha.rows.map(\.statement) == [fromAlpha])
        #expect(neighborsOfAlpha.rows.map(\.direction) == ["forward"])

        let alphaToBeta = try PathQuery(from: "Alpha", to: "Beta").run(on: opened).answer
        #expect(alphaToBeta.paths[0].relationships.map(\.statement) == [fromAlpha])
        let betaToAlpha = try PathQuery(from: "Beta", to: "Alpha").run(on: opened).answer
        #expect(betaToAlpha.paths[0].relationships.map(\.statement) == [fromBeta])
        #expect(betaToAlpha.text().contains("\n  1. \(fromBeta)\n"))
    }

    @Test("owners walks child → parent whichever way the kind is written", arguments: ["part_of", "subsidiary_of", "merged_into", "owns", "acquired"])
    func owners(_ kind: String) throws {
        let meaning = try #require(Self.meanings[kind])
        let opened = try graph(kind)
        let graph = opened.graph
        // part_of, subsidiary_of and merged_into point child → parent; owns and acquired parent → child.
        let childToParent = ["part_of", "subsidiary_of", "merged_into"].contains(kind)
        let child = try opened.asWritten.entity(named: childToParent ? "Alpha" : "Beta")
        let answer = OwnersAnswer(of: child, asOf: nil, in: graph)
        let sentence = (childToParent ? meaning.fromAlpha : meaning.fromBeta) + " (since 2024-12)"
        #expect(answer.text() == "\(childToParent ? "Alpha" : "Beta"): ultimate parent: \(childToParent ? "Beta" : "Alpha")\n  \(sentence)\n")
        #expect(answer.ultimateParents == [childToParent ? "b" : "a"])
        let parent = try opened.asWritten.entity(named: childToParent ? "Beta" : "Alpha")
        #expect(OwnersAnswer(of: parent, asOf: nil, in: graph).chains.isEmpty)
    }
}
