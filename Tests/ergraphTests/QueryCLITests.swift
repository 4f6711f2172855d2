import Foundation
import Testing

/// `ergraph query` as a user runs it.
@Suite("Command line: Cypher queries")
struct QueryCLITests {
    let cli = CLITests()

    func temporaryFolder() throws -> URL { try CLITests.temporaryFolder("ergraph-query-cli") }

    @Test("a table by default; JSON and CSV on request, byte-identical across runs")
    func formats() throws {
        // Contracts as entities: the three Palantir contracts of $18.5M or more.
        let query = "MATCH (a:agency)-[:awarded]->(c:contract) WHERE c.amount >= 18500000 RETURN a.id AS buyer, c.id AS contract, c.amount AS amount ORDER BY amount DESC"
        let table = try cli.ergraph("query", query, "--keep-contract-nodes")
        #expect(table.status == 0)
        #expect(table.stdout == """
            buyer  contract                         amount
            ─────  ───────────────────────────────  ────────
            ice    contract-palantir-icm-2022       95900000
            ice    contract-palantir-immigrationos  30000000
            ice    contract-palantir-icm-2024       18500000
            (3 rows)

            """)
        // Folded, as path sees them, by default: the two contracts nothing else refers to are
        // `contracted` links; ImmigrationOS, reported on by an outlet, stays an entity.
        let folded = "MATCH (a:agency)-[c:contracted]->(v) WHERE c.amount >= 18500000 RETURN a.id AS buyer, c.contract AS contract, c.amount AS amount ORDER BY amount DESC"
        #expect(try cli.ergraph("query", folded).stdout == """
            buyer  contract                    amount
            ─────  ──────────────────────────  ────────
            ice    contract-palantir-icm-2022  95900000
            ice    contract-palantir-icm-2024  18500000
            (2 rows)

            """)
        let json = try cli.ergraph("query", query, "--format", "json", "--keep-contract-nodes")
        #expect(json.status == 0)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(parsed["columns"] as? [String] == ["buyer", "contract", "amount"])
        #expect((parsed["rows"] as? [[Any]])?.count == 3)
        #expect(try cli.ergraph("query", query, "--format", "json", "--keep-contract-nodes").stdout == json.stdout)
        let csv = try cli.ergraph("query", query, "--format", "csv", "--keep-contract-nodes")
        #expect(csv.stdout == "buyer,contract,amount\nice,contract-palantir-icm-2022,95900000\nice,contract-palantir-immigrationos,30000000\n"
                + "ice,contract-palantir-icm-2024,18500000\n")
    }

    @Test("parameters are typed: numbers, booleans, lists; the rest is text")
    func parameters() throws {
        let run = try cli.ergraph("query", "MATCH (c:contract) WHERE c.amount >= $low AND c.id IN $ids RETURN c.id ORDER BY c.id",
                                  "--param", "low=3000000", "--param", #"ids=["contract-magnet-2025", "contract-paragon-2024", "contract-palantir-icm-2024"]"#,
                                  "--format", "csv", "--keep-contract-nodes")
        #expect(run.status == 0)
        #expect(run.stdout == "c.id\ncontract-magnet-2025\ncontract-palantir-icm-2024\n")
        let name = try cli.ergraph("query", "MATCH (n {name: $name}) RETURN n.id", "--param", "name=AE Industrial", "--format", "csv")
        #expect(name.stdout == "n.id\nae-industrial\n")
        let bad = try cli.ergraph("query", "RETURN 1", "--param", "novalue")
        #expect(bad.status == 2 && bad.stderr.contains("NAME=VALUE"))
    }

    @Test("a query that cannot be read: exit 2, the line, a caret, a suggestion; one that fails running: exit 1")
    func errors() throws {
        let run = try cli.ergraph("query", "MATCH (n:Compny) RETURN n")
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("ergraph: error: query:1:10: no entity has the label 'Compny'; did you mean 'company'?"))
        #expect(run.stderr.contains("\n  MATCH (n:Compny) RETURN n\n           ^\n"))
        let write = try cli.ergraph("query", "MATCH (n) DETACH DELETE n")
        #expect(write.status == 2 && write.stderr.contains("read-only"))
        let runtime = try cli.ergraph("query", "UNWIND [1, 0] AS x RETURN 10 / x")
        #expect(runtime.status == 1 && runtime.stderr.contains("division by zero"))
        let budget = try cli.ergraph("query", "MATCH (a)-[*1..8]-(b) RETURN count(*)", "--max-work", "1000")
        #expect(budget.status == 1 && budget.stderr.contains("stopped after examining 1000"))
    }

    @Test("--explain prints the plan; --file reads the query; contracts are folded into buyer → vendor links unless kept")
    func explainFileFold() throws {
        let plan = try cli.ergraph("query", "--explain", "MATCH (a {id: 'ice'})-[:awarded]->(c) RETURN c.id", "--keep-contract-nodes")
        #expect(plan.status == 0)
        #expect(plan.stdout.hasPrefix("MATCH\n  look up a by id = 'ice'\n  expand a -[:awarded]- c"))
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("q.cypher")
        try Data("// vendors ICE pays\nMATCH (:agency {id: 'ice'})-[:contracted]->(v) RETURN DISTINCT v.id AS vendor ORDER BY vendor\n".utf8).write(to: file)
        let folded = try cli.ergraph("query", "--file", file.path, "--format", "csv")
        #expect(folded.status == 0)
        #expect(folded.stdout == "vendor\nclearview-ai\nlexisnexis\npalantir\n")
        let kept = try cli.ergraph("query", "--file", file.path, "--format", "csv", "--keep-contract-nodes")
        #expect(kept.status == 0)
        #expect(kept.stdout == "vendor\n")
    }

    @Test("--render draws what the results bind; nothing half-written when the query fails")
    func render() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let svg = folder.appendingPathComponent("route.svg").path
        let run = try cli.ergraph("query", "MATCH p = shortestPath((a {id: 'ice'})-[*..10]-(b {id: 'ae-industrial'})) RETURN p",
                                  "--render", svg)
        #expect(run.status == 0)
        let text = try String(contentsOfFile: svg, encoding: .utf8)
        for name in ["AE Industrial", "Paragon Solutions", "U.S. Immigration and Customs Enforcement", "Paragon Solutions spyware contract (2024)"] {
            #expect(text.contains(name), "\(name) missing from the drawing")
        }
        #expect(!text.contains("Palantir"))
        let failed = folder.appendingPathComponent("failed.svg").path
        #expect(try cli.ergraph("query", "MATCH (n:Compny) RETURN n", "--render", failed).status == 2)
        #expect(!FileManager.default.fileExists(atPath: failed))
        let scalars = try cli.ergraph("query", "RETURN 1 AS one", "--render", failed)
        #expect(scalars.status == 1 && scalars.stderr.contains("nothing to draw"))
    }
}
