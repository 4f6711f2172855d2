import ERAnswers
import ERFormats
import ERGraph
import Foundation
import Testing

/// Several tables through one mapping, headerless files named by a position,name dictionary,
/// event timelines with their own sources per row, and kinds from a lookup.
@Suite("Tables in: several files, headerless ones, timelines with per-row sources")
struct TableImportTests {
    static let fixtures = Package.root.appendingPathComponent("Tests/Fixtures")

    func temporaryFolder() throws -> URL { try Package.temporaryFolder("ergraph-tables") }

    /// Splits the real USAspending table with Python's csv module into three "yearly" files, as
    /// bulk downloads ship them: the first with its header row, the other two without, and a
    /// `position,name` dictionary (1-based, written in reverse order) naming their columns.
    func splitTable(into folder: URL) throws {
        let script = """
            import csv, sys
            rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))
            header, body = rows[0], rows[1:]
            parts = [body[:500], body[500:1000], body[1000:]]
            for index, part in enumerate(parts):
                with open(f"{sys.argv[2]}/part{index + 1}.csv", "w", newline='', encoding='utf-8') as out:
                    writer = csv.writer(out, lineterminator='\\r\\n')
                    if index == 0:
                        writer.writerow(header)
                    writer.writerows(part)
            with open(f"{sys.argv[2]}/columns.csv", "w", newline='', encoding='utf-8') as out:
                writer = csv.writer(out)
                writer.writerow(["position", "name"])
                for position in reversed(range(len(header))):
                    writer.writerow([position + 1, header[position]])
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script,
                             Self.fixtures.appendingPathComponent("usaspending-ice-mn-contracts/mn_all_prime_awards.csv").path, folder.path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test("three files, two headerless, one absolute: every row read, the money the same as from the one table")
    func severalTables() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try splitTable(into: folder)
        let original = Self.fixtures.appendingPathComponent("usaspending-ice-mn-contracts/mn_all.mapping.yaml")
        var mapping = try String(contentsOf: original, encoding: .utf8)
        mapping += """
            tables:
              - part1.csv
              - {file: part2.csv, header: columns.csv}
              - {file: \(folder.appendingPathComponent("part3.csv").path), header: \(folder.appendingPathComponent("columns.csv").path)}

            """
        let mappingFile = folder.appendingPathComponent("split.mapping.yaml")
        try mapping.write(to: mappingFile, atomically: true, encoding: .utf8)
        let split = try #require(ImportRegistry.named("csv")).run(ImportRequest(files: [], mapping: mappingFile.path))
        let whole = try #require(ImportRegistry.named("csv")).run(ImportRequest(
            files: [Self.fixtures.appendingPathComponent("usaspending-ice-mn-contracts/mn_all_prime_awards.csv").path],
            mapping: original.path))
        let lines = try #require(split.summary).split(separator: "\n").map(String.init)
        #expect(lines == [
            "\(folder.path)/part1.csv: 500 rows read, 500 used, 0 reported",
            "\(folder.path)/part2.csv: 500 rows read, 500 used, 0 reported",
            "\(folder.path)/part3.csv: 369 rows read, 369 used, 0 reported",
            "3 tables: 1369 rows read, 1369 used, 0 reported; 1536 entities, 2789 relationships",
        ])
        #expect(whole.summary?.hasSuffix("1369 rows read, 1369 used, 0 reported; 1536 entities, 2789 relationships") == true)
        func money(_ imported: Imported) -> String {
            MoneyAnswer(by: .agency, asOf: nil, of: OpenedGraph(graph: imported.graph, source: .datasets(["x.yaml"]))).csv() ?? ""
        }
        #expect(money(split) == money(whole))
        #expect(money(split).contains("\nice-office:mission-support-washington,ICE MISSION SUPPORT WASHINGTON,USD,obligated,138392429.23,603\n"))
    }

    @Test("a header dictionary with a gap or a repeated position is refused with its line")
    func badDictionaries() {
        func error(_ text: String) -> String? {
            do {
                _ = try CSVHeaderFile.columns(Data(text.utf8), name: "columns.csv")
                return nil
            } catch {
                return error.message
            }
        }
        #expect(error("position,name\n0,a\n2,c\n") == "columns.csv: no column at position 1 (positions must run without gaps)")
        #expect(error("position,name\n1,a\n1,b\n") == "columns.csv:3:1: position 1 is given twice (also at line 2)")
        #expect(error("position,name\n1,a\nx,b\n") == "columns.csv:3:1: expected a column position (a whole number), found 'x'")
        #expect((try? CSVHeaderFile.columns(Data("2,b\n1,a\n".utf8), name: "c.csv")) == ["a", "b"])
        #expect((try? CSVHeaderFile.columns(Data("a,b,c\n".utf8), name: "c.csv")) == ["a", "b", "c"])
    }

    @Test("an event timeline: several actors and URLs per row, kinds by lookup, link dates from a column")
    func timeline() throws {
        let imported = try #require(ImportRegistry.named("csv")).run(ImportRequest(
            files: [Self.fixtures.appendingPathComponent("timeline/events.csv").path],
            mapping: Self.fixtures.appendingPathComponent("timeline/events.mapping.yaml").path))
        let table = Self.fixtures.appendingPathComponent("timeline/events.csv").path
        #expect(imported.warnings == [
            "\(table):7: warning: 'ftp://example.org/leak.txt' is not an http or https URL, so it is not cited as a source",
            "\(table):9: warning: row not used: column type: 'rumour' is not in the kind lookup (it has acquisition, contract, "
                + "stop-work order); add it, or give the lookup an 'otherwise' kind",
        ])
        #expect(imported.summary == "\(table): 8 rows read, 7 used, 2 reported; 13 entities, 16 relationships")
        let graph = try #require(DatasetLoader.load(text: try DatasetText.yaml(imported), file: "t.yaml").graph)
        // The timeline itself and five URLs; the left-out row's URL is not a source.
        #expect(graph.sources.map(\.id) == ["timeline", "src:example-org-techcrunch-ice-technology",
                                            "src:example-org-wired-paragon-ice-contract", "src:example-org-globes-ae-industrial-paragon",
                                            "src:example-org-journalist-paragon-reactivated", "src:example-org-404media-ice-clearview-hsi"])
        func entity(_ id: String) throws -> Entity { graph.entity(try #require(graph.index(ofEntity: id))) }
        #expect(try entity("ice").kind == "agency")
        #expect(try entity("hsi").kind == "agency")
        #expect(try entity("redlattice").kind == "company")
        #expect(graph.index(ofEntity: "magnet-forensics") == nil)
        let contract = try entity("event:2024-09-ice-enters-a-2-million-contract-with-paragon-solutions")
        #expect(contract.kind == "contract")
        #expect(contract.citations.map(\.source) == ["src:example-org-techcrunch-ice-technology", "src:example-org-wired-paragon-ice-contract", "timeline"])
        let link = try #require(graph.relationshipIndices.map(graph.relationship).first {
            $0.id == "paragon-solutions--took_part_in--event:2025-08-30-ice-lifts-the-stop-work-order-on-the-paragon-contract"
        })
        #expect(link.validity.start == PartialDate("2025-08-30"))
        #expect(link.citations.map(\.source) == ["src:example-org-journalist-paragon-reactivated", "timeline"])
    }

    @Test("a lookup naming a kind the vocabulary lacks is refused at the mapping's line")
    func unknownLookupKind() throws {
        let text = """
            source: {id: s, title: T}
            entities:
              actor:
                kind: {column: type, lookup: {Firm: compnay}}
                id: "{name}"
            """
        let mapping = try #require(CSVMappingReader.read(Data(text.utf8), file: "m.yaml").mapping)
        #expect(throws: ImportError.self) {
            _ = try CSVMappingImporter.run(mapping: mapping, table: Data("name,type\nA,Firm\n".utf8), tableName: "t.csv")
        }
        do {
            _ = try CSVMappingImporter.run(mapping: mapping, table: Data("name,type\nA,Firm\n".utf8), tableName: "t.csv")
        } catch {
            #expect(error.message.hasPrefix("m.yaml:3:3: 'compnay' is not an entity kind; declare it under kinds: entities:, or use one of agency, government, company"))
        }
    }

    @Test("a large import written as a snapshot reads back whole")
    func snapshot() throws {
        let imported = try #require(ImportRegistry.named("csv")).run(ImportRequest(
            files: [Self.fixtures.appendingPathComponent("usaspending-ice-mn-contracts/mn_all_prime_awards.csv").path],
            mapping: Self.fixtures.appendingPathComponent("usaspending-ice-mn-contracts/mn_all.mapping.yaml").path))
        let snapshot = try DatasetSnapshot.data(imported)
        #expect(snapshot.notes.isEmpty)
        let graph = try GraphSnapshot.graph(from: snapshot.data)
        #expect(graph.entityCount == 1536)
        #expect(graph.relationshipCount == 2789)
        #expect(try DatasetSnapshot.data(imported).data == snapshot.data)
    }

    @Test("the progress line of a long import")
    func progressLine() {
        #expect(Wording.progress(ImportProgress(rows: 45_056, bytesRead: 12_300_000, bytesTotal: 19_500_000), seconds: 0.6)
                == "importing: 45,056 rows, 12.3 of 19.5 MB, 20.5 MB/s, about 1 s left")
        #expect(Wording.grouped(1_234_567) == "1,234,567")
    }
}

@Suite("DOT: graph attributes kept, exports without an extra node; citations that point to a line")
struct DOTPropertiesTests {
    @Test("a DOT file's graph attributes become the dataset's properties and survive YAML and snapshots")
    func graphAttributes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ergraph-dot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("g.gv")
        try #"digraph G { rankdir=TB; label="Money flows"; bgcolor=grey; a -> b }"#.write(to: file, atomically: true, encoding: .utf8)
        let imported = try #require(ImportRegistry.named("dot")).run(ImportRequest(files: [file.path]))
        #expect(imported.graph.properties == ["bgcolor": .text("grey"), "label": .text("Money flows"), "rankdir": .text("TB")])
        let yaml = try DatasetText.yaml(imported)
        #expect(yaml.contains("properties:\n  bgcolor: grey\n  label: Money flows\n  rankdir: TB\n"))
        let graph = try #require(DatasetLoader.load(text: yaml, file: "g.yaml").graph)
        #expect(graph.properties == imported.graph.properties)
        #expect(try GraphSnapshot.graph(from: try DatasetSnapshot.data(imported).data).properties == imported.graph.properties)
    }

    @Test("the DOT export holds exactly the dataset's nodes, the legend in the graph's label; importing it gives the dataset back")
    func exportWithoutLegendNode() throws {
        let graph = try #require(DatasetLoader.load(path: Package.root.appendingPathComponent("Graph/ice-surveillance.yaml").path).graph)
        let export = try #require(ExportRegistry.named("dot"))
        let dot = String(decoding: try #require(try export.write(graph, ExportOptions()).0.first).data, as: UTF8.self)
        #expect(!dot.contains("ergraph-legend"))
        #expect(dot.contains("<b>Legend</b>"))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ergraph-export-\(UUID().uuidString).gv")
        try dot.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let back = try #require(ImportRegistry.named("dot")).run(ImportRequest(files: [file.path])).graph
        // Graphviz's own counter agrees.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/gc")
        process.arguments = ["-n", "-e", file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let counted = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(counted.split(separator: " ", omittingEmptySubsequences: true).prefix(2) == ["46", "70"])
        #expect(back.entityCount == 46)
        #expect(back.relationshipCount == 70)
        // A drawing's layout attributes are not the dataset's properties.
        #expect(back.properties.isEmpty)
    }

    @Test("quote: line cites each row by its table and line, and the locator reads back")
    func lineLocators() throws {
        let text = """
            source: {id: s, title: T}
            quote: line
            entities:
              vendor: {kind: company, id: "{name}", name: "{name}"}
            """
        let mapping = try #require(CSVMappingReader.read(Data(text.utf8), file: "m.yaml").mapping)
        let result = try CSVMappingImporter.run(mapping: mapping, table: Data("name\nAcme\nZeta\n".utf8), tableName: "/data/vendors.csv")
        let zeta = result.graph.entity(try #require(result.graph.index(ofEntity: "zeta")))
        #expect(zeta.citations == [Citation(source: "s", locator: "vendors.csv line 3")])
        let yaml = try DatasetText.yaml(Imported(graph: result.graph, origin: "vendors.csv"))
        #expect(yaml.contains("  - source: s\n    at: vendors.csv line 3\n"))
        let back = try #require(DatasetLoader.load(text: yaml, file: "v.yaml").graph)
        #expect(back.entity(try #require(back.index(ofEntity: "zeta"))).citations == zeta.citations)
    }

    @Test("plain amounts read without Foundation's scanner equal what it reads")
    func plainAmounts() {
        for text in ["0", "-0", "12", "-2.32", "5135635.83", "0.05", ".5", "007", "123456789012345678", "1.50"] {
            #expect(Money.parseAmount(text) == Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), "\(text)")
        }
        #expect(Money.parseAmount("5.") == nil)
        #expect(Money.parseAmount("-") == nil)
        #expect(Money.parseAmount("1,234.5") == Decimal(string: "1234.5"))
        #expect(Money.parseAmount("2M") == 2_000_000)
    }
}

@Suite("Two real exports through one mapping")
struct TwoExportsTests {
    @Test("two USAspending exports that write dates two ways import whole through one mapping, each format tried in order")
    func twoDateFormats() throws {
        let folder = Package.root.appendingPathComponent("Tests/Fixtures/usaspending-ice-mn-contracts")
        let recent = folder.appendingPathComponent("mn_recent_prime_awards.csv").path
        let all = folder.appendingPathComponent("mn_all_prime_awards.csv").path
        let imported = try #require(ImportRegistry.named("csv")).run(ImportRequest(
            files: [recent, all], mapping: folder.appendingPathComponent("mn_all.mapping.yaml").path))
        #expect(imported.warnings.isEmpty)
        #expect(imported.summary?.split(separator: "\n").first == "\(recent): 5 rows read, 5 used, 0 reported")
        let graph = imported.graph
        let dated = graph.entityIndices.map(graph.entity).filter { $0.kind == "contract" && $0.validity.start == PartialDate("2024-05-12") }
        #expect(dated.count >= 1)
        #expect(dated.first?.validity.end == PartialDate("2025-05-11"))
    }
}
