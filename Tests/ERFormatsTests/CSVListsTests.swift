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

/// The relationship list read in parallel chunks gives the very graph the one-record reader
/// gives, and every file the chunks cannot read exactly goes to that reader, errors included.
@Suite("Relationship lists read in chunks")
struct CSVChunkedListsTests {
    /// Lists of a generated graph: `ids` names entity i, some kinds and amounts left empty,
    /// CRLF line ends when asked.
    static func lists(entities: Int, links: Int, ids: (Int) -> String, lineEnd: String = "\n") throws -> (nodes: Data, edges: Data) {
        let graph = try SyntheticGraph.generate(.init(entities: entities, relationships: links, seed: 5))
        var nodes = "id,type,name" + lineEnd
        for entity in graph.entityIndices { nodes += "\(ids(entity.int)),\(graph.kind(of: entity)),\(graph.name(of: entity))" + lineEnd }
        var edges = "source,target,type,amount" + lineEnd
        for link in graph.relationshipIndices {
            let kind = link.int % 97 == 0 ? "" : graph.kind(of: link)
            let amount = link.int % 89 == 0 ? "" : link.int % 7 == 0 ? "\(link.int).25" : "\(1_000 + link.int * 37)"
            edges += "\(ids(graph.from(link).int)),\(ids(graph.to(link).int)),\(kind),\(amount)" + lineEnd
        }
        return (Data(nodes.utf8), Data(edges.utf8))
    }

    func both(_ files: (nodes: Data, edges: Data)) throws -> (chunked: Data, sequential: Data, chunkedGraph: Graph) {
        let chunked = try CSVListsLoader.load(nodes: files.nodes, nodesName: "nodes.csv", edges: files.edges, edgesName: "edges.csv",
                                              reading: .chunks(minimumBytes: 4_096, threads: 3))
        let sequential = try CSVListsLoader.load(nodes: files.nodes, nodesName: "nodes.csv", edges: files.edges, edgesName: "edges.csv",
                                                 reading: .oneRecordAtATime)
        return (try GraphSnapshot.data(of: chunked), try GraphSnapshot.data(of: sequential), chunked)
    }

    @Test("dense ids (e0, e1, …), plain numbers from 1, and scattered names: the same snapshot both ways", arguments: [0, 1, 2])
    func sameGraph(idStyle: Int) throws {
        let ids: (Int) -> String = switch idStyle {
        case 0: { "e\($0)" }
        case 1: { "\($0 + 1)" }
        default: { "vendor-\(($0 * 7_919) % 100_003)" }
        }
        let result = try both(Self.lists(entities: 2_000, links: 12_000, ids: ids))
        #expect(result.chunked == result.sequential)
        #expect(result.chunkedGraph.relationshipCount == 12_000)
        #expect(result.chunkedGraph.relationshipColumns.numbers("amount")?.filter(\.isNaN).count == 135)
        #expect(result.chunkedGraph.kind(of: RelationshipIndex(0)) == "edge")
    }

    @Test("CRLF line ends read the same")
    func crlf() throws {
        let result = try both(Self.lists(entities: 500, links: 3_000, ids: { "e\($0)" }, lineEnd: "\r\n"))
        #expect(result.chunked == result.sequential)
        #expect(result.chunkedGraph.relationshipCount == 3_000)
    }

    @Test("a bad row far into the file gets the one-record reader's message, with its line and column")
    func badRows() throws {
        let files = try Self.lists(entities: 500, links: 3_000, ids: { "e\($0)" })
        var edges = String(decoding: files.edges, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        edges[2_500] = "e1,e999999,contracted,5"
        let unknown = #expect(throws: ImportError.self) {
            try CSVListsLoader.load(nodes: files.nodes, nodesName: "nodes.csv", edges: Data(edges.joined(separator: "\n").utf8),
                                    edgesName: "edges.csv", reading: .chunks(minimumBytes: 4_096, threads: 3))
        }
        #expect(unknown?.message == "edges.csv:2501:4: unknown entity 'e999999' (not in the node list)")
        edges[2_500] = "e1,e2"
        let short = #expect(throws: ImportError.self) {
            try CSVListsLoader.load(nodes: files.nodes, nodesName: "nodes.csv", edges: Data(edges.joined(separator: "\n").utf8),
                                    edgesName: "edges.csv", reading: .chunks(minimumBytes: 4_096, threads: 3))
        }
        #expect(short?.message == "edges.csv:2501:1: expected 4 fields, found 2")
        edges[2_500] = "e1,e2,contracted,five"
        // A text value turns a guessed column to text, as the one-record reader does; a quote
        // anywhere sends the whole file to that reader.
        let text = try CSVListsLoader.load(nodes: files.nodes, nodesName: "nodes.csv", edges: Data(edges.joined(separator: "\n").utf8),
                                           edgesName: "edges.csv", reading: .chunks(minimumBytes: 4_096, threads: 3))
        #expect(text.relationshipColumns.numbers("amount") == nil)
        #expect(text.relationship(RelationshipIndex(2_499)).properties["amount"] == .text("five"))
        edges[2_500] = #"e1,e2,"contracted",5"#
        let quoted = try both((files.nodes, Data(edges.joined(separator: "\n").utf8)))
        #expect(quoted.chunked == quoted.sequential)
    }
}
