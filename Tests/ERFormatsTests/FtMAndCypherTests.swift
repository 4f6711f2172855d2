import ERFormats
import ERGraph
import Foundation
import Testing

@Suite("FollowTheMoney and Cypher, checked by followthemoney and Kùzu")
struct FtMAndCypherTests {
    func python(_ script: String, _ arguments: [String]) throws -> [String: Any] {
        let python = InteropTests.python
        #expect(FileManager.default.isExecutableFile(atPath: python), "no Python at \(python): run 'make test'")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [Paths.file("Tests/Fixtures/python/\(script)").path] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func temporaryFile(_ name: String, _ data: Data) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ergraph-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent(name)
        try data.write(to: file)
        return file
    }

    @Test("the German donations sample imports: 474 FtM entities, 290 payments with euros and dates")
    func donations() throws {
        let data = try Data(contentsOf: Paths.file("Tests/Fixtures/ftm-donations-de/donations.ijson"))
        let result = try FtMReader.read(data, name: "donations.ijson")
        #expect(result.entitiesRead == 474)
        #expect(result.edgesBySchema == ["Payment": 290])
        #expect(result.warnings.isEmpty)
        let graph = result.graph
        #expect(graph.entityCount == 184)
        let payments = graph.relationshipIndices.filter { graph.kind(of: $0) == "paid" }
        #expect(payments.count == 290)
        let total = payments.flatMap { graph.relationship($0).amounts }.reduce(Decimal(0)) { $0 + $1.amount }
        #expect(total == Decimal(string: "40589689.15"))  // €40.59M, as the sample's SOURCE.md says
        #expect(payments.allSatisfy { graph.relationship($0).amounts.first?.currency == "EUR" && graph.validity(of: $0).start != nil })
        let first = graph.relationship(try #require(payments.first))
        #expect(first.amounts == [Money(amount: 100_000, currency: "EUR", kind: .paid)])
        #expect(first.validity.start == PartialDate("2011-12-29"))
        // Money by recipient: the parties, payments never mixed with other kinds.
        let parties = graph.moneyGroups(by: .vendor)
        #expect(parties.reduce(Decimal(0)) { $0 + ($1.totals.first?.amount ?? 0) } == total)
    }

    @Test("an FtM round trip keeps every link's kind, direction and quotes")
    func ftmRoundTrip() throws {
        let graph = try InteropTests.defaultGraph()
        let back = try FtMReader.read(Data(try FtMWriter.write(graph).utf8), name: "ice.ftm.json").graph
        #expect(back.relationshipCount == graph.relationshipCount)
        func links(_ g: Graph) -> [String] {
            g.relationshipIndices.map { link in
                let record = g.relationship(link)
                return "\(record.id) \(record.from) \(record.kind) \(record.to) " + record.citations.compactMap(\.quote).sorted().joined(separator: " | ")
            }.sorted()
        }
        // The folded `awarded` links travel as the contract's authority and come back with the
        // file's citation only; every other link keeps its quotes.
        let original = links(graph).filter { !$0.contains(" awarded contract-") }
        let again = links(back).filter { !$0.contains(" awarded contract-") }
        #expect(again == original)
    }

    @Test("every FtM entity we export loads in followthemoney with only properties its schema has")
    func ftmAccepted() throws {
        let graph = try InteropTests.defaultGraph()
        let file = try temporaryFile("ice.ftm.json", Data(try FtMWriter.write(graph).utf8))
        let answer = try python("ftm_check.py", [file.path])
        #expect(answer["problems"] as? [String] == [])
        let schemata = try #require(answer["schemata"] as? [String: Int])
        #expect(schemata["PublicBody"] == 6)
        #expect(schemata["Contract"] == 9)
        #expect(schemata["ContractAward"] == 9)
        #expect(schemata["Ownership"] == 2)   // AE Industrial acquired Paragon; LexisNexis is a Reed Elsevier subsidiary
        #expect(schemata.values.reduce(0, +) == graph.entityCount + graph.relationshipCount - 9)  // awards become authority
        // And the donations, imported and exported again, are accepted too.
        let donations = try FtMReader.read(try Data(contentsOf: Paths.file("Tests/Fixtures/ftm-donations-de/donations.ijson")),
                                           name: "donations.ijson").graph
        let again = try temporaryFile("donations.ftm.json", Data(try FtMWriter.write(donations).utf8))
        let answer2 = try python("ftm_check.py", [again.path])
        #expect(answer2["problems"] as? [String] == [])
        #expect((answer2["schemata"] as? [String: Int])?["Payment"] == 290)
    }

    @Test("Kùzu runs our Cypher script: same counts, same shortest path lengths", arguments: [false, true])
    func kuzuAgrees(generated: Bool) throws {
        let graph = generated ? try SyntheticGraph.generate(.init(entities: 400, relationships: 900, seed: 5))
                              : try InteropTests.defaultGraph()
        let script = try temporaryFile("graph.cypher", Data(CypherWriter.write(graph).utf8))
        let pairs = InteropTests.pairs(graph, seed: 3).filter { $0.0 != $0.1 }
        let pairsFile = try temporaryFile("pairs.json", try JSONSerialization.data(
            withJSONObject: pairs.map { [graph.id(of: $0.0), graph.id(of: $0.1)] }))
        let answer = try python("kuzu_check.py", [script.path, pairsFile.path])
        #expect(answer["entities"] as? Int == graph.entityCount)
        #expect(answer["links"] as? Int == graph.relationshipCount)
        let ours = pairs.map { graph.shortestPath(from: $0.0, to: $0.1)?.length ?? -1 }
        #expect(answer["lengths"] as? [Int] == ours)
        #expect(ours.filter { $0 > 1 }.count >= 3)
    }

    @Test("Cypher literals escape quotes, backslashes and line breaks")
    func cypherLiterals() {
        #expect(CypherWriter.literal("O'Brien \\ \"x\"\nnext") == "'O\\'Brien \\\\ \"x\"\\nnext'")
    }
}

@Suite("SQLite export, read by the sqlite3 CLI")
struct SQLiteExportTests {
    func sqlite3(_ database: String, _ query: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", "-readonly", database, query]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }

    @Test("counts, a full-text search on names and aliases, quotes and properties")
    func queries() throws {
        let graph = try InteropTests.defaultGraph()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ergraph-sqlite-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("ice.sqlite").path
        try SQLiteWriter.write(graph, to: path)
        #expect(try sqlite3(path, "SELECT count(*) FROM entities; SELECT count(*) FROM relationships; SELECT count(*) FROM sources;")
                == "46\n70\n2\n")
        #expect(try sqlite3(path, "SELECT id FROM entities_fts WHERE entities_fts MATCH 'graykey' ORDER BY id;") == "graykey\n")
        // The alias HSI, and a contract whose name starts with it.
        #expect(try sqlite3(path, "SELECT id FROM entities_fts WHERE entities_fts MATCH 'HSI' ORDER BY id;") == "contract-magnet-2025\nhsi\n")
        #expect(try sqlite3(path, "SELECT r.kind, e.name FROM relationships r JOIN entities e ON e.id = r.from_id WHERE r.to_id = 'paragon-solutions' ORDER BY r.id;")
                == "acquired|AE Industrial\nreported|Calcalist\nawarded_to|ICE-Paragon Solutions spyware contract (2024)\n")
        let quoted = graph.relationshipIndices.flatMap { graph.relationship($0).citations }.filter { $0.quote != nil }.count
        #expect(try sqlite3(path, "SELECT count(*) FROM citations WHERE owner_type = 'relationship' AND quote IS NOT NULL;") == "\(quoted)\n")
        #expect(quoted > 70)
        #expect(try sqlite3(path, "SELECT value FROM properties WHERE owner_id = 'lexisnexis' AND key = 'agencies_served';") == "7500\n")
    }
}
