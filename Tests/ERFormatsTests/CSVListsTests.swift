import ERFormats
import ERGraph
import Foundation
import Testing

@Suite("Bulk node and relationship lists")
struct CSVListsTests {
    func load(_ nodes: String, _ edges: String) throws(ImportError) -> Graph {
        try CSVListsLoader.load(nodes: Data(nodes.utf8), nodesName: "nodes.csv", edges: Data(edges.utf8), edgesName: "edges.csv")
    }

    @Test("Neo4j admin-import headers: ids, labels, typed columns, quoted fields")
    func neo4jHeaders() throws {
        let graph = try load(#"""
            id:ID,:LABEL,name,founded:int,note
            e1,Agency,ICE,2003,"quoted, with comma"
            e2,Company,"Palantir ""P""",,x
            e3,Company;Vendor,Grayshift,2016,

            """#,
            """
            :START_ID,:END_ID,:TYPE,amount:float
            e1,e2,CONTRACTED,18500000
            e1,e2,CONTRACTED,95900000.5
            e3,e2,OWNS,
            """)
        #expect(graph.entityCount == 3 && graph.relationshipCount == 3)
        let palantir = graph.entity(try #require(graph.index(ofEntity: "e2")))
        #expect(palantir.name == "Palantir \"P\"" && palantir.kind == "company")
        #expect(palantir.properties == ["note": .text("x")])
        let ice = graph.entity(try #require(graph.index(ofEntity: "e1")))
        #expect(ice.kind == "agency")
        #expect(ice.properties == ["founded": .integer(2003), "note": .text("quoted, with comma")])
        #expect(graph.relationship(RelationshipIndex(1)).properties["amount"] == .number(95_900_000.5))
        #expect(graph.relationship(RelationshipIndex(2)).properties.isEmpty)
        #expect(graph.kind(of: RelationshipIndex(0)) == "contracted")
        #expect(graph.relationshipColumns.numbers("amount")?.count == 3)
        let weights = try LinkWeights.property("amount", in: graph, options: .init(relationshipKinds: ["contracted"]))
        #expect(graph.cheapestPath(from: EntityIndex(0), to: EntityIndex(1), weights: weights,
                                   options: .init(relationshipKinds: ["contracted"]))?.cost == 18_500_000)
    }

    @Test("simple headers, default kinds, numbers detected from the first value")
    func simpleHeaders() throws {
        let graph = try load("id,name\na,A\nb,B\n", "source,target,weight\na,b,2.5\nb,a,1\n")
        #expect(graph.kind(of: EntityIndex(0)) == "node")
        #expect(graph.kind(of: RelationshipIndex(0)) == "edge")
        #expect(graph.relationship(RelationshipIndex(1)).properties["weight"] == .integer(1))
        #expect(graph.id(of: RelationshipIndex(0)) == "#0")
    }

    @Test("bad rows stop the load with file, line and column", arguments: [
        ("id,name\na,A\na,Again\n", "source,target\n", "nodes.csv:3:1: duplicate entity id 'a'"),
        ("id,name\na,A\n", "source,target\na,zz\n", "edges.csv:2:3: unknown entity 'zz' (not in the node list)"),
        ("id,name\na,A\n", "source,target,amount:float\na,a,5\na,a,lots\n", "edges.csv:3:5: 'lots' is not a number (column amount is numeric)"),
        ("id,name\na,\"A\n", "source,target\n", "nodes.csv:2:3: a quoted field is never closed (missing \")"),
        ("id,name\na\n", "source,target\n", "nodes.csv:2:1: expected 2 fields, found 1"),
        ("name\nA\n", "source,target\n", "nodes.csv:1: no id column: name one 'id' (or 'id:ID' in Neo4j headers); found name"),
        ("id\na\n", "from_node,to_node\n", "edges.csv:1: need source and target columns ('source,target' or ':START_ID,:END_ID'); found from_node, to_node"),
    ] as [(String, String, String)])
    func badRows(_ nodes: String, _ edges: String, _ message: String) {
        do {
            _ = try load(nodes, edges)
            Issue.record("expected: \(message)")
        } catch {
            #expect(error.message == message)
        }
    }

    @Test("a generated graph written as lists loads back identical")
    func roundTrip() throws {
        let graph = try SyntheticGraph.generate(.init(entities: 2_000, relationships: 8_000, seed: 8))
        var nodes = "id,type,name\n"
        for entity in graph.entityIndices { nodes += "\(graph.id(of: entity)),\(graph.kind(of: entity)),\(graph.name(of: entity))\n" }
        var edges = "source,target,type\n"
        for link in graph.relationshipIndices {
            edges += "\(graph.id(of: graph.from(link))),\(graph.id(of: graph.to(link))),\(graph.kind(of: link))\n"
        }
        let loaded = try load(nodes, edges)
        #expect(loaded.entityCount == graph.entityCount && loaded.relationshipCount == graph.relationshipCount)
        #expect(loaded.relationshipIndices.allSatisfy { loaded.from($0) == graph.from($0) && loaded.to($0) == graph.to($0)
            && loaded.kind(of: $0) == graph.kind(of: $0) })
        #expect(loaded.weaklyConnectedComponents() == graph.weaklyConnectedComponents())
    }
}
