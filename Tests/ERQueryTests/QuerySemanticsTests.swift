import ERAnswers
import ERFormats
import ERGraph
import ERQuery
import Foundation
import Testing

/// Answers worked out by hand on the story graph, and the errors a user meets.
@Suite("Cypher queries on the story graph")
struct QuerySemanticsTests {
    let graph: Graph
    let engine: QueryEngine

    init() throws {
        graph = try Fixtures.defaultGraph()
        engine = QueryEngine(graph: graph)
    }

    func ids(_ value: Value) -> [String] {
        guard case let .path(nodes, _) = value else { return [] }
        return nodes.map { graph.id(of: $0) }
    }

    @Test("the ICE → AE Industrial route, filtered on its links' dates: there as of 2025, gone as of 2023")
    func iceToAEIndustrialAsOf() throws {
        let enumerated = """
            MATCH p = (ice {id: 'ice'})-[*..3]-(ae {name: 'AE Industrial'})
            WHERE all(r IN relationships(p) WHERE r.start IS NULL OR r.start <= $asOf)
            RETURN p ORDER BY length(p)
            """
        let in2025 = try engine.rows(enumerated, ["asOf": .date(try #require(PartialDate("2025")))])
        #expect(in2025.map { ids($0[0]) } == [["ice", "contract-paragon-2024", "paragon-solutions", "ae-industrial"]])
        #expect(try engine.rows(enumerated, ["asOf": .date(try #require(PartialDate("2023")))]).isEmpty)

        // The same question as a shortest path: the date condition is applied while searching.
        for (year, expected) in [("2025", 1), ("2023", 0)] {
            let query = """
                MATCH p = shortestPath((ice {id: 'ice'})-[*..10]-(ae {id: 'ae-industrial'}))
                WHERE all(r IN relationships(p) WHERE r.start IS NULL OR r.start <= date('\(year)'))
                RETURN [n IN nodes(p) | n.name] AS route, [r IN relationships(p) | type(r)] AS links
                """
            let rows = try engine.rows(query)
            #expect(rows.count == expected, "as of \(year)")
            if expected == 1 {
                #expect(rows[0][1] == .list([.string("awarded"), .string("awarded_to"), .string("acquired")]))
            }
        }
        let plan = try engine.prepare("""
            MATCH p = shortestPath((ice {id: 'ice'})-[*..10]-(ae {id: 'ae-industrial'}))
            WHERE all(r IN relationships(p) WHERE r.start <= date('2025')) RETURN p
            """).explanation
        #expect(plan.contains("applying 1 path condition while searching"), "\(plan)")
    }

    @Test("partial dates compare as the spans they name")
    func partialDates() throws {
        let row = try engine.rows("""
            RETURN date('2024-09') < date('2025'), date('2025-03') <= date('2025'), date('2025-03') < date('2025'),
                   date('2024') = date('2024-09'), date('2024-08') = date('2024-09'), date('2024-09-13').month
            """)[0]
        #expect(row == [.bool(true), .bool(true), .bool(false), .bool(true), .bool(false), .integer(9)])
        // The Paragon contract started in September 2024.
        let started = try engine.rows("MATCH (c:contract) WHERE c.start >= date('2024-09') AND c.start < date('2025') RETURN c.id ORDER BY c.id")
        #expect(started.map { $0[0] }.contains(.string("contract-paragon-2024")))
        #expect(engine.error("RETURN date('2024-13')")?.message.contains("not a date") == true)
    }

    @Test("list comprehensions, list predicates, map projections, CASE")
    func expressions() throws {
        #expect(try engine.rows("RETURN [x IN range(1, 6) WHERE x % 2 = 1 | x * 10]")[0] == [.list([.integer(10), .integer(30), .integer(50)])])
        #expect(try engine.rows("RETURN all(x IN [1, 2] WHERE x > 0), any(x IN [1, 2] WHERE x > 1), none(x IN [1, 2] WHERE x > 5), single(x IN [1, 2] WHERE x > 1)")[0]
                == [.bool(true), .bool(true), .bool(true), .bool(true)])
        #expect(try engine.rows("RETURN all(x IN [1, null] WHERE x > 0), 2 IN [1, null], 1 IN [1, null]")[0] == [.null, .null, .bool(true)])
        let projected = try engine.rows("MATCH (n {id: 'hsi'}) RETURN n {.name, .kind, also: n.aliases, extra: 1}")[0][0]
        #expect(projected == .map(keys: ["name", "kind", "also", "extra"],
                                  values: [.string("Homeland Security Investigations"), .string("agency"), .list([.string("HSI")]), .integer(1)]))
        #expect(try engine.rows("RETURN CASE 2 WHEN 1 THEN 'one' WHEN 2 THEN 'two' ELSE 'many' END, 7 / 2, 7.0 / 2, 2 ^ 3, -(3)")[0]
                == [.string("two"), .integer(3), .float(3.5), .float(8), .integer(-3)])
        #expect(try engine.rows("RETURN 'ab' + 'cd', [1] + 2, size([1, 2, 3]), toUpper('x'), coalesce(null, null, 'z'), [1, 2, 3][-1], [1, 2, 3][1..]")[0]
                == [.string("abcd"), .list([.integer(1), .integer(2)]), .integer(3), .string("X"), .string("z"), .integer(3),
                    .list([.integer(2), .integer(3)])])
    }

    @Test("graph functions: id, labels, type, properties, startNode, endNode, nodes, relationships")
    func graphFunctions() throws {
        let row = try engine.rows("""
            MATCH p = (a {id: 'ae-industrial'})-[r:acquired]->(b)
            RETURN id(a), labels(b), type(r), startNode(r).id, endNode(r).name, length(p), size(nodes(p)), size(relationships(p)),
                   properties(r).start
            """)[0]
        #expect(row == [.string("ae-industrial"), .list([.string("company")]), .string("acquired"), .string("ae-industrial"),
                        .string("Paragon Solutions"), .integer(1), .integer(2), .integer(1), .date(try #require(PartialDate("2024-12")))])
    }

    @Test("aggregates with implicit grouping, DISTINCT, ORDER BY, SKIP, LIMIT, WITH chaining")
    func aggregation() throws {
        let rows = try engine.rows("""
            MATCH (buyer)-[:awarded]->(c:contract)-[:awarded_to]->(vendor)
            WITH vendor, count(c) AS contracts, sum(c.amount) AS total, collect(DISTINCT buyer.id) AS buyers
            WHERE contracts > 1
            RETURN vendor.name AS vendor, contracts, total, buyers ORDER BY total DESC
            """)
        #expect(rows == [
            [.string("Palantir"), .integer(3), .float(144_400_000), .list([.string("ice")])],
            [.string("Clearview AI"), .integer(3), .float(5_650_000), .list([.string("ice")])],
        ])
        #expect(try engine.rows("MATCH (n) RETURN count(DISTINCT n.kind), count(*), min(n.name), max(n.id)")[0]
                == [.integer(8), .integer(46), .string("404 Media"), .string("wired")])
        #expect(try engine.rows("MATCH (n:person) RETURN n.name ORDER BY n.name DESC SKIP 1 LIMIT 2").count == 2)
        #expect(try engine.rows("MATCH (c:contract) RETURN avg(c.amount) > 1000000, sum(1)")[0] == [.bool(true), .integer(9)])
        // An aggregate over no rows still answers one row; grouped, no rows.
        #expect(try engine.rows("MATCH (n:person) WHERE n.id = 'nobody' RETURN count(n), collect(n.id), avg(1)")[0] == [.integer(0), .list([]), .null])
        #expect(try engine.rows("MATCH (n:person) WHERE n.id = 'nobody' RETURN n.kind, count(n)").isEmpty)
    }

    @Test("OPTIONAL MATCH keeps the row with nulls; UNION removes duplicates, UNION ALL keeps them")
    func optionalAndUnion() throws {
        let rows = try engine.rows("MATCH (a:agency) OPTIONAL MATCH (a)-[:awarded]->(c:contract {id: 'contract-paragon-2024'}) RETURN a.id, c.id ORDER BY a.id")
        #expect(rows.count == 4)
        #expect(rows.filter { $0[1] == .null }.count == 3)
        #expect(rows.first { $0[0] == .string("ice") }?[1] == .string("contract-paragon-2024"))
        #expect(try engine.rows("RETURN 1 AS x UNION RETURN 1 AS x").count == 1)
        #expect(try engine.rows("RETURN 1 AS x UNION ALL RETURN 1 AS x").count == 2)
        #expect(engine.error("RETURN 1 AS x UNION RETURN 1 AS y")?.message.contains("same columns") == true)
    }

    @Test("one relationship is never bound twice in a MATCH (Cypher's uniqueness), so back-and-forth needs parallel links")
    func relationshipUniqueness() throws {
        let ice = try #require(graph.index(ofEntity: "ice"))
        // Ordered pairs of two different links from ICE to the same neighbour.
        var byNeighbour: [EntityIndex: Int] = [:]
        graph.forEachLink(of: ice, direction: .both) { _, other in byNeighbour[other, default: 0] += 1 }
        let expected = byNeighbour.values.reduce(0) { $0 + $1 * ($1 - 1) }
        let rows = try engine.rows("MATCH (a {id: 'ice'})-[r1]-(b)-[r2]-(c) WHERE c.id = 'ice' RETURN count(*)")
        #expect(rows[0][0] == .integer(expected))
    }

    @Test("the planner starts from the most selective node: an id, a name, then the rarest kind")
    func planning() throws {
        let byID = try engine.prepare("MATCH (c:contract)<-[:awarded]-(a) WHERE a.id = 'ice' RETURN c").explanation
        #expect(byID.split(separator: "\n")[1].contains("look up a by id = 'ice'"), "\(byID)")
        let byName = try engine.prepare("MATCH (c)<-[:awarded]-(a {name: 'Homeland Security Investigations'}) RETURN c").explanation
        #expect(byName.split(separator: "\n")[1].contains("look up a by name"), "\(byName)")
        // Four people against nine companies: start from the people.
        let rarest = try engine.prepare("MATCH (c:company)<-[:works_for]-(p:person) RETURN c, p").explanation
        #expect(rarest.split(separator: "\n")[1].contains("scan entities as p by kind"), "\(rarest)")
        let shortest = try engine.prepare("MATCH p = shortestPath((a {id: 'ice'})-[*]-(b {id: 'palantir'})) RETURN p").explanation
        #expect(shortest.contains("bidirectional breadth-first search up to 30 hops"), "\(shortest)")
    }

    @Test("results are deterministic: the same query gives the same bytes")
    func deterministic() throws {
        let query = "MATCH (a)-[r]->(b) RETURN a.id, type(r), b.id, r.amount"
        let first = QueryResultWriter.json(try engine.run(query), graph: graph)
        let second = QueryResultWriter.json(try QueryEngine(graph: graph).run(query), graph: graph)
        #expect(first == second)
        #expect(QueryResultWriter.csv(try engine.run(query), graph: graph) == QueryResultWriter.csv(try engine.run(query), graph: graph))
    }

    @Test("a pattern that would examine too much stops with a clear error, not a hang")
    func workLimit() {
        do {
            _ = try engine.run("MATCH (a)-[*1..6]-(b) RETURN count(*)", workLimit: 10_000)
            Issue.record("expected the work limit to stop the query")
        } catch {
            #expect(error.message.contains("stopped after examining 10000"))
            #expect(error.offset == 0)
        }
    }
}

/// What a user sees when a query is wrong: the position, what was expected, a suggestion.
@Suite("Query errors")
struct QueryErrorTests {
    let engine: QueryEngine

    init() throws { engine = QueryEngine(graph: try Fixtures.defaultGraph()) }

    func error(_ query: String) throws -> QueryError {
        try #require(engine.error(query), "expected an error for \(query)")
    }

    @Test("unknown labels, types, properties, functions and variables suggest the closest known one")
    func suggestions() throws {
        let label = try error("MATCH (n:Compny) RETURN n")
        #expect(label.offset == 9)
        #expect(label.message.hasPrefix("no entity has the label 'Compny'; did you mean 'company'?"))
        #expect(label.rendered(in: "MATCH (n:Compny) RETURN n") == """
            query:1:10: \(label.message)
              MATCH (n:Compny) RETURN n
                       ^
            """)
        let type = try error("MATCH (a)-[:awardd]->(b) RETURN a")
        #expect(type.offset == 12 && type.message.contains("did you mean 'awarded'?"))
        let property = try error("MATCH (n) RETURN n.nmae")
        #expect(property.offset == 19 && property.message.contains("did you mean 'name'?"))
        let relationshipProperty = try error("MATCH ()-[r]->() RETURN r.amout")
        #expect(relationshipProperty.message.contains("did you mean 'amount'?"))
        let function = try error("RETURN toLwer('A')")
        #expect(function.offset == 7 && function.message.contains("did you mean 'tolower'?"))
        let variable = try error("MATCH (node) RETURN nod.name")
        #expect(variable.offset == 20 && variable.message.contains("did you mean 'node'?"))
    }

    @Test("syntax errors name what was expected, where")
    func syntax() throws {
        let unclosed = try error("MATCH (n RETURN n")
        #expect(unclosed.offset == 9)
        #expect(unclosed.message == "expected ')' to close the node pattern, found 'RETURN'")
        let missingReturn = try error("MATCH (n)")
        #expect(missingReturn.message.hasPrefix("expected another clause"))
        #expect(missingReturn.offset == 9)
        let string = try error("RETURN 'abc")
        #expect(string.offset == 7 && string.message.contains("never closed"))
        let notEqual = try error("MATCH (n) WHERE n.id != 'x' RETURN n")
        #expect(notEqual.message.contains("'<>'"))
        let multiline = "MATCH (n)\nWHERE n.id = \nRETURN n"
        #expect(try error(multiline).rendered(in: multiline).hasPrefix("query:3:1: expected an expression, found 'RETURN'"))
        #expect(try error("MATCH (a)-[*3..1]-(b) RETURN a").message.contains("empty"))
        #expect(try error("MATCH (a)-[*1..5000]-(b) RETURN a").message.contains("at most 1000 hops"))
        #expect(try error("RETURN " + String(repeating: "(", count: 5000) + "1").message.contains("nests more than"))
        #expect(try error("WITH 1 + 1 RETURN 1").message.contains("needs a name"))
        #expect(try error("RETURN $missing").message == "the parameter $missing has no value")
        #expect(try error("RETURN $missing").reason == .missingParameter("missing"))
        #expect(try error("MATCH (n) RETURN count(n) + n.bad").message.contains("no entity has the property 'bad'"))
    }

    @Test("queries that would change the graph are refused", arguments: [
        "CREATE (n:company {name: 'X'})", "MATCH (n) SET n.name = 'x' RETURN n", "MATCH (n) DELETE n",
        "MATCH (n) DETACH DELETE n", "MERGE (n:company {id: 'x'}) RETURN n", "MATCH (n) REMOVE n.name RETURN n",
        "MATCH (n) RETURN n CREATE (m)", "DROP TABLE company",
    ])
    func readOnly(query: String) throws {
        let refusal = try error(query)
        #expect(refusal.message.contains("read-only"), "\(refusal.message)")
    }

    @Test("runtime errors name the operation and point at it")
    func runtime() throws {
        let division = try error("RETURN 1 / 0")
        #expect(division.message == "division by zero" && division.offset == 9)
        #expect(try error("RETURN 'a' * 2").message == "cannot apply '*' to a string and an integer")
        #expect(try error("MATCH (n) RETURN n LIMIT -1").message.contains("non-negative"))
        #expect(try error("UNWIND [1, 2] AS x RETURN x.name").message.contains("cannot read the property 'name' of an integer"))
        let sum = try error("UNWIND ['a'] AS x RETURN sum(x)")
        #expect(sum.message == "sum(…) adds numbers, not a string" && sum.offset == 25)
    }
}
