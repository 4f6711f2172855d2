import Foundation
import Testing
@testable import ERGraph

@Suite("Binary snapshots")
struct SnapshotTests {
    static func richGraph() throws -> Graph {
        var builder = GraphBuilder()
        builder.title = "T"
        builder.addSource(Source(id: "s", title: "Source", url: "https://example.org"))
        try builder.addEntity(Entity(id: "a", kind: "agency", name: "A", aliases: ["Alpha"],
                                     citations: [Citation(source: "s", quote: "q")]))
        try builder.addEntity(id: "b", kind: "company", name: "B")
        try builder.addRelationship(Relationship(id: "r", kind: "contracted", from: "a", to: "b",
                                                 validity: Validity(start: PartialDate("2024-09")),
                                                 amounts: [Money(amount: 2_000_000, currency: "USD", kind: .reported)],
                                                 events: [StatusEvent(date: PartialDate("2024"), status: "stop-work order")],
                                                 citations: [Citation(source: "s", quote: "q")]))
        try builder.addRelationship(kind: "owns", from: EntityIndex(1), to: EntityIndex(0))
        var columns = ColumnStore()
        columns.add("weight", .numbers([1.5, .nan]))
        builder.relationshipColumns = columns
        return builder.build()
    }

    @Test("a snapshot gives back the same records, adjacency and answers")
    func roundTrip() throws {
        for graph in [try Self.richGraph(), try SyntheticGraph.generate(.init(entities: 3_000, relationships: 12_000, seed: 2))] {
            let copy = try GraphSnapshot.graph(from: try GraphSnapshot.data(of: graph))
            #expect(copy.entityCount == graph.entityCount && copy.relationshipCount == graph.relationshipCount)
            #expect(copy.entityIndices.allSatisfy { copy.entity($0) == graph.entity($0) })
            #expect(copy.relationshipIndices.allSatisfy { copy.relationship($0) == graph.relationship($0) })
            #expect(copy.outgoing == graph.outgoing && copy.incoming == graph.incoming)
            #expect(copy.sources == graph.sources && copy.title == graph.title && copy.vocabulary == graph.vocabulary)
            #expect(copy.weaklyConnectedComponents() == graph.weaklyConnectedComponents())
            #expect(try GraphSnapshot.data(of: copy) == (try GraphSnapshot.data(of: graph)))
        }
        let rich = try GraphSnapshot.graph(from: try GraphSnapshot.data(of: try Self.richGraph()))
        #expect(rich.relationship(RelationshipIndex(0)).properties["weight"] == .number(1.5))
        #expect(rich.relationship(RelationshipIndex(1)).properties.isEmpty)
    }

    @Test("truncated, damaged, foreign and newer files are errors, never crashes")
    func damaged() throws {
        let data = try GraphSnapshot.data(of: try Self.richGraph())
        #expect(throws: SnapshotError.notASnapshot) { try GraphSnapshot.graph(from: Data("hello".utf8)) }
        #expect(throws: SnapshotError.truncated) { try GraphSnapshot.graph(from: data.prefix(data.count / 2)) }
        var newer = data
        newer[4] = 9
        #expect(throws: SnapshotError.newerVersion(9)) { try GraphSnapshot.graph(from: newer) }
        var random = SeededGenerator(seed: 5)
        var refused = 0
        for _ in 0..<300 {
            var damaged = data
            let position = 8 + random.below(damaged.count - 8)
            damaged[position] ^= UInt8(1 + random.below(255))
            do {
                _ = try GraphSnapshot.graph(from: damaged)
            } catch {
                refused += 1
            }
        }
        #expect(refused == 300)
        for cut in stride(from: 0, to: data.count, by: 97) {
            #expect(throws: SnapshotError.self) { try GraphSnapshot.graph(from: data.prefix(cut)) }
        }
    }
}

@Suite("Snapshot records in binary")
struct SnapshotDetailsTests {
    @Test("every kind of value comes back as it was, a date property as a date")
    func everyValue() throws {
        var builder = GraphBuilder()
        builder.addSource(Source(id: "s", title: "S"))
        builder.properties = ["rankdir": .text("LR")]
        let properties: [String: PropertyValue] = [
            "text": .text("Zürich “quoted”"), "integer": .integer(-42), "number": .number(2.5), "yes": .boolean(true),
            "no": .boolean(false), "date": .date(PartialDate("2024-09")!), "money": .money(Money(amount: Decimal(string: "-120.75")!, currency: "EUR", kind: .obligated)),
            "list": .list([.text("a"), .list([.integer(1)])]),
        ]
        try builder.addEntity(Entity(id: "a", kind: "agency", name: "A", aliases: ["Alpha", "A."], validity: Validity(start: PartialDate("2023"), end: PartialDate("2025-06-30")),
                                     amounts: [Money(amount: Decimal(string: "1130.5")!, currency: "USD", kind: .ceiling)],
                                     events: [StatusEvent(date: PartialDate("2024-10"), status: "stop-work order", note: "paused",
                                                          citations: [Citation(source: "s", quote: "q", creditedTo: "b", locator: "page 4")])],
                                     properties: properties, citations: [Citation(source: "s", locator: "t.csv line 3")]))
        try builder.addEntity(id: "b", kind: "company", name: "B")
        try builder.addRelationship(Relationship(id: "r", kind: "supplies", from: "b", to: "a", properties: properties,
                                                 citations: [Citation(source: "s", quote: "q")]))
        let graph = builder.build()
        let copy = try GraphSnapshot.graph(from: try GraphSnapshot.data(of: graph))
        #expect(copy.entity(EntityIndex(0)) == graph.entity(EntityIndex(0)))
        #expect(copy.entity(EntityIndex(0)).properties["date"] == .date(PartialDate("2024-09")!))
        #expect(copy.relationship(RelationshipIndex(0)) == graph.relationship(RelationshipIndex(0)))
        #expect(copy.properties == ["rankdir": .text("LR")])
    }

    @Test("records that run short or hold a bad index are refused, never read wrong")
    func damagedRecords() {
        #expect(throws: SnapshotError.corrupted("a count beyond its section")) {
            try SnapshotDetails.entities(Data([5]), strings: [])
        }
        #expect(throws: SnapshotError.corrupted("a string index out of range")) {
            // One entity, one alias naming string 3 of none.
            try SnapshotDetails.entities(Data([1, 1, 3]), strings: [])
        }
        #expect(throws: SnapshotError.corrupted("bytes after the string table")) {
            try SnapshotDetails.strings(Data([1, 1, 0x41, 0x42]))
        }
    }
}
