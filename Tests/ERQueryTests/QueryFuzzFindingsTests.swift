import ERGraph
@testable import ERQuery
import Foundation
import Testing

/// Queries the fuzzer found (Tests/Fixtures/fuzz/SOURCE.md), each kept with its fix.
@Suite("Queries the fuzzer found")
struct QueryFuzzFindingsTests {
    @Test("a parameter with no value is refused before any work, at its place, however late the query needs it")
    func missingParameterFirst() throws {
        let text = try String(contentsOf: Paths.file("Tests/Fixtures/fuzz/cypher-trails-order-by-parameter.cypher"), encoding: .utf8)
        let engine = QueryEngine(graph: try Fixtures.defaultGraph())
        #expect(throws: QueryError("the parameter $hops has no value", at: 87, reason: .missingParameter("hops"))) {
            try engine.run(text, workLimit: 20_000)
        }
        // With the value given, the query runs and stops at its work limit.
        #expect(throws: QueryError.self) { try engine.run(text, parameters: ["hops": .integer(1)], workLimit: 20_000) }
    }

    @Test("building a path counts its length against the work limit, as reading the trail does")
    func pathsCostTheirLength() throws {
        let engine = QueryEngine(graph: try Fixtures.defaultGraph())
        let text = "MATCH p = (a)-[*1..4]-(b {id: 'ae-industrial'}) RETURN length(p) AS hops"
        // 38 paths of one to four links; the work they cost counts each path's length as well as
        // every link examined, so the smallest power-of-two limit that lets the query finish is 512.
        let rows = try engine.run(text).rows.count
        #expect(rows == 38)
        var limit = 1
        while (try? engine.run(text, workLimit: limit)) == nil { limit *= 2 }
        #expect(limit == 512)
    }
}
