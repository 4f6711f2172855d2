import ERAnswers
import ERFormats
import ERGraph
import Foundation
import Testing

/// A real USAspending export (Tests/Fixtures/usaspending-ice-mn-contracts): two-digit-year dates,
/// negative obligations (de-obligations), CRLF. Imported through a mapping, `money` must equal the
/// obligation column's sum per office and per recipient, to the cent, as Python's csv module
/// adds it up, independently of ergraph.
@Suite("A procurement table in, every cent accounted for")
struct ProcurementImportTests {
    static let folder = Package.root.appendingPathComponent("Tests/Fixtures/usaspending-ice-mn-contracts")
    static let table = folder.appendingPathComponent("mn_all_prime_awards.csv").path
    static let mapping = folder.appendingPathComponent("mn_all.mapping.yaml").path

    /// `{"office": {name: sum}, "recipient": {name: sum}, "rows": n, "negative": n}` from Python.
    func independentSums() throws -> [String: Any] {
        let script = """
            import csv, decimal, json, sys
            rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))
            sums = {"office": {}, "recipient": {}}
            negative = 0
            for row in rows:
                value = row['total_obligated_amount'].strip()
                if not value:
                    continue
                amount = decimal.Decimal(value)
                negative += amount < 0
                for group, column in (("office", "awarding_office_name"), ("recipient", "recipient_name")):
                    sums[group][row[column]] = sums[group].get(row[column], decimal.Decimal(0)) + amount
            print(json.dumps({"office": {k: str(v) for k, v in sums["office"].items()},
                              "recipient": {k: str(v) for k, v in sums["recipient"].items()},
                              "rows": len(rows), "negative": negative}))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, Self.table]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("money by office and by recipient equals the column's sums, de-obligations included")
    func moneyEqualsTheColumn() throws {
        let imported = try #require(ImportRegistry.named("csv")).run(ImportRequest(files: [Self.table], mapping: Self.mapping))
        #expect(imported.summary?.hasPrefix("\(Self.table): 1369 rows read, 1369 used, 0 reported; ") == true)
        // Through the dataset text, as a user would: written, read back, answered.
        let text = try DatasetText.yaml(imported)
        let graph = try #require(DatasetLoader.load(text: text, file: "mn.yaml").graph)
        let opened = OpenedGraph(graph: graph, source: .datasets(["mn.yaml"]))
        let expected = try independentSums()
        #expect(expected["rows"] as? Int == 1369)
        #expect(expected["negative"] as? Int == 38)

        func totals(_ grouping: MoneyGrouping, prefix: String, namePrefix: String) -> [String: String] {
            var found: [String: String] = [:]
            for row in MoneyAnswer(by: grouping, asOf: nil, of: opened).rows {
                guard let name = row.name, row.group.hasPrefix(prefix) else { continue }
                let obligated = row.totals.filter { $0.kind == .obligated }
                found[String(name.dropFirst(namePrefix.count))] = obligated.first?.exactAmount
            }
            return found
        }
        let offices = try #require(expected["office"] as? [String: String])
        #expect(totals(.agency, prefix: "ice-office:", namePrefix: "ICE ") == offices.mapValues(Self.plain))
        // Recipients are merged by their normalised names, as the mapping keys them; compare those
        // whose name is written one way only in the table.
        let recipients = try #require(expected["recipient"] as? [String: String])
        let ours = totals(.vendor, prefix: "company:", namePrefix: "")
        var compared = 0
        for (name, sum) in recipients {
            guard let found = ours[name] else { continue }
            #expect(found == Self.plain(sum), "\(name)")
            compared += 1
        }
        #expect(compared >= 100)
        // A de-obligation reads as a negative obligated amount.
        let negative = graph.entityIndices.map(graph.entity).first { $0.amounts.contains { $0.amount < 0 } }
        #expect(negative?.amounts.first?.kind == .obligated)
    }

    @Test("a transaction table: repeated keys combine by their rules, de-obligations sum, no row or link is lost")
    func transactions() throws {
        let fixtures = Package.root.appendingPathComponent("Tests/Fixtures/csv")
        let imported = try #require(ImportRegistry.named("csv")).run(ImportRequest(
            files: [fixtures.appendingPathComponent("transactions.csv").path],
            mapping: fixtures.appendingPathComponent("transactions.mapping.yaml").path))
        #expect(imported.warnings.isEmpty)
        #expect(imported.summary?.contains(": 5 rows read, 5 used, 0 reported; 6 entities, 5 relationships") == true)
        let graph = try #require(DatasetLoader.load(text: try DatasetText.yaml(imported), file: "t.yaml").graph)
        let award = graph.entity(try #require(graph.index(ofEntity: "award:awd-1")))
        // 1000.50 + 250.25 - 120.75; the latest ceiling; the earliest start, the latest end.
        #expect(award.amounts == [Money(amount: Decimal(string: "1130")!, currency: "USD", kind: .obligated),
                                  Money(amount: 6000, currency: "USD", kind: .ceiling)])
        #expect(award.validity == Validity(start: PartialDate("2023-11-20"), end: PartialDate("2025-06-30")))
        let cleared = graph.entity(try #require(graph.index(ofEntity: "award:awd-2")))
        #expect(cleared.amounts.first == Money(amount: 0, currency: "USD", kind: .obligated))
        let opened = OpenedGraph(graph: graph, source: .datasets(["t.yaml"]))
        #expect(MoneyAnswer(by: .parent, asOf: nil, of: opened).csv() == """
            group,name,currency,amount_kind,total,contracts
            company:palantir-technologies,Palantir Technologies,USD,obligated,1130,1
            company:palantir-technologies,Palantir Technologies,USD,ceiling,6000,
            company:clearview-ai,Clearview AI,USD,obligated,0,1
            company:clearview-ai,Clearview AI,USD,ceiling,300,

            """)
    }

    @Test("two-digit years read as POSIX reads them; a time of day is checked and dropped")
    func datePatterns() {
        #expect(MappingDates.parse("7/15/03", format: "%m/%d/%y") == PartialDate("2003-07-15"))
        #expect(MappingDates.parse("12/31/69", format: "%m/%d/%y") == PartialDate("1969-12-31"))
        #expect(MappingDates.parse("5/31/21 0:00", format: "%m/%d/%y %H:%M") == PartialDate("2021-05-31"))
        #expect(MappingDates.parse("31/05/2021", format: "%d/%m/%Y") == PartialDate("2021-05-31"))
        #expect(MappingDates.parse("13/31/21", format: "%m/%d/%y") == nil)
        #expect(MappingDates.parse("5/31/21 25:00", format: "%m/%d/%y %H:%M") == nil)
    }

    /// Decimal text without trailing zeros, as ergraph writes exact amounts: `12.50` → `12.5`.
    static func plain(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var trimmed = text
        while trimmed.hasSuffix("0") { trimmed.removeLast() }
        if trimmed.hasSuffix(".") { trimmed.removeLast() }
        return trimmed
    }
}
