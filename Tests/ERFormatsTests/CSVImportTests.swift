import ERFormats
import ERGraph
import Foundation
import Testing

@Suite("CSV reader")
struct CSVReaderTests {
    @Test("quoted fields hold separators, doubled quotes and line breaks; records know their line")
    func quoting() throws {
        let text = "\u{FEFF}a,b,c\r\n1,\"two, 2\",\"say \"\"hi\"\"\"\n\n3,\"multi\nline\",x\r\n4,,\n"
        let records = try CSVReader().records(Data(text.utf8))
        #expect(records.map(\.fields) == [["a", "b", "c"], ["1", "two, 2", "say \"hi\""], ["3", "multi\nline", "x"], ["4", "", ""]])
        #expect(records.map(\.line) == [1, 2, 4, 6])
        #expect(records[1].text == "1,\"two, 2\",\"say \"\"hi\"\"\"")
    }

    @Test("malformed tables: the line and column of the problem")
    func errors() {
        #expect(throws: CSVError(line: 2, column: 3, message: "a quoted field is never closed (missing \")")) {
            try CSVReader().records(Data("a,b\n1,\"open\n2,3\n".utf8))
        }
        #expect(throws: CSVError(line: 1, column: 5, message: "unexpected text after a closing quote; double a quote inside a quoted field (\"\")")) {
            try CSVReader().records(Data("\"ab\"c,d\n".utf8))
        }
        #expect(throws: CSVError.self) { try CSVReader().records(Data([0x61, 0x2C, 0x0A, 0x62, 0xE9, 0x0A])) }
        do {
            _ = try CSVReader().records(Data([0x61, 0x2C, 0x0A, 0x62, 0xE9, 0x0A]))
        } catch {
            #expect(error.line == 2 && error.column == 2)
        }
    }
}

@Suite("CSV import through a mapping")
struct CSVMappingTests {
    static let folder = Paths.file("Tests/Fixtures/csv")

    func run(_ table: String = "awards.csv") throws -> CSVImportResult {
        let mappingData = try Data(contentsOf: Self.folder.appendingPathComponent("awards.mapping.yaml"))
        let read = CSVMappingReader.read(mappingData, file: "awards.mapping.yaml")
        #expect(read.diagnostics.isEmpty, "\(read.diagnostics)")
        let mapping = try #require(read.mapping)
        return try CSVMappingImporter.run(mapping: mapping, table: try Data(contentsOf: Self.folder.appendingPathComponent(table)),
                                          tableName: table,
                                          header: try Data(contentsOf: Self.folder.appendingPathComponent("awards.header.csv")))
    }

    @Test("valid rows make entities and links; names are matched normalised, spellings kept")
    func importsRows() throws {
        let result = try run()
        let graph = result.graph
        #expect(result.rowsRead == 8)
        // The repeated A1 (line 7) disagrees on the amount: reported, the first kept, the row used.
        #expect(result.rowsUsed == 5)
        let vendor = try #require(graph.index(ofEntity: "company:palantir-usg"))
        #expect(graph.name(of: vendor) == "Palantir USG")
        #expect(graph.aliases(of: vendor) == ["palantir usg"])
        let award = graph.entity(try #require(graph.index(ofEntity: "award:a1")))
        #expect(award.amounts == [Money(amount: 100, currency: "EUR", kind: .obligated)])
        #expect(award.validity.start == PartialDate("2024-09-13"))
        #expect(award.citations == [Citation(source: "test-table", quote: "A1;Palantir USG;100;13/09/2024")])
        let quoted = try #require(graph.index(ofEntity: "company:quote-and-semicolon-inside"))
        #expect(graph.name(of: quoted) == "Quote \"and\" semicolon; inside")
        #expect(graph.index(ofEntity: "company:etoile-sa") != nil)
        #expect(graph.relationshipCount == 8)
        #expect(graph.source(withID: "test-table")?.title == "A test table")
    }

    @Test("rows that cannot be used are reported with their line and reason, none silently")
    func reportsRows() throws {
        let problems = try run().problems
        #expect(problems.map(\.line) == [4, 5, 6, 7])
        #expect(problems[0].message == "column amount: '12,5.0' is not an amount (expected a number such as 5135635.83)")
        #expect(problems[1].message == "column signed: '31/02/2024' is not a date in the format DD/MM/YYYY")
        #expect(problems[2].message == "key collision: award:a1 has €999 (obligated) here but €100 (obligated) at line 1; the first is kept")
        #expect(problems.map(\.rowUsed) == [false, false, true, false])
        #expect(problems[3].message == "expected 4 fields, found 2")
    }

    @Test("a mapping naming a column the table lacks is refused, with a suggestion")
    func missingColumn() throws {
        let text = """
            source: {id: s, title: T}
            entities:
              vendor: {kind: company, id: "company:{vendr}"}
            """
        let mapping = try #require(CSVMappingReader.read(Data(text.utf8), file: "m.yaml").mapping)
        do {
            _ = try CSVMappingImporter.run(mapping: mapping, table: Data("vendor\nA\n".utf8), tableName: "t.csv")
            Issue.record("a missing column must be refused")
        } catch {
            #expect(error.message == "m.yaml:3:3: the mapping names column 'vendr', which t.csv lacks; did you mean 'vendor'? (its columns: vendor)")
        }
    }

    @Test("malformed mappings: positioned errors")
    func malformedMapping() {
        let text = """
            source: {id: s, title: T}
            entities:
              award: {kind: contract, id: "a:{x}", dates: [{column: d, format: YYYY/MM/DD}]}
            relationships:
              - {kind: awarded, from: office, to: award}
            """
        let read = CSVMappingReader.read(Data(text.utf8), file: "m.yaml")
        #expect(read.mapping == nil)
        #expect(read.diagnostics.map(\.description) == [
            "m.yaml:3:68: error: unknown date format 'YYYY/MM/DD'; expected one of ISO, YYYY-MM-DD, DD/MM/YYYY, MM/DD/YYYY, YYYY-MM, YYYY, DD.MM.YYYY, "
                + "or a pattern of %Y, %y, %m, %d, %H, %M, %S and literal characters such as '%d/%m/%y %H:%M'",
            "m.yaml:5:5: error: relationship template refers to 'office', which is neither an entity template nor a fixed entity",
        ])
    }

    @Test("a table that is not UTF-8 is refused with its line")
    func badEncoding() throws {
        let mapping = try #require(CSVMappingReader.read(Data("source: {id: s, title: T}\n".utf8), file: "m.yaml").mapping)
        do {
            _ = try CSVMappingImporter.run(mapping: mapping, table: Data([0x61, 0x0A, 0x62, 0xE9, 0x0A]), tableName: "latin1.csv")
            Issue.record("bad encoding must be refused")
        } catch {
            #expect(error.message.hasPrefix("latin1.csv:2:2: the table is not valid UTF-8 (byte 0xE9)"))
        }
    }
}

@Suite("The FY2018 contracts dataset")
struct FY2018DatasetTests {
    static let dataset = Paths.file("Graph/ice-contracts-fy2018.yaml").path

    @Test("the committed dataset is what the mapping makes from the table today")
    func current() throws {
        let mappingPath = "Graph/ice-contracts-fy2018.mapping.yaml"
        let tablePath = "Graph/sources/ice-awards-fy2018/ice_awards_explorer.csv"
        let mapping = try #require(CSVMappingReader.read(try Data(contentsOf: Paths.file(mappingPath)), file: mappingPath).mapping)
        let result = try CSVMappingImporter.run(mapping: mapping, table: try Data(contentsOf: Paths.file(tablePath)), tableName: tablePath)
        #expect(result.problems.isEmpty)
        #expect(result.rowsUsed == 2203)
        let yaml = try DatasetWriter.yaml(result.graph, sameAs: result.sameAs,
                                          comment: "Generated by 'ergraph import' from \(tablePath) through the mapping \(mappingPath); do not edit by hand.")
        let committed = try String(contentsOfFile: Self.dataset, encoding: .utf8)
        #expect(yaml == committed, "run 'make datasets' to regenerate Graph/ice-contracts-fy2018.yaml")
    }

    @Test("alone, ICE reaches Palantir Technologies through the Palantir USG subsidiary's ICM award")
    func palantirUSG() throws {
        let graph = ContractProjection.collapse(try #require(DatasetLoader.load(path: Self.dataset).graph)).graph
        let ice = try #require(graph.index(ofEntity: "ice"))
        let palantir = try #require(graph.index(ofEntity: "company:palantir-technologies"))
        let paths = graph.kShortestPaths(from: ice, to: palantir, k: 6)
        let viaUSG = paths.first { path in
            path.entities.contains { graph.id(of: $0) == "company:palantir-usg" }
                && path.relationships.contains { graph.id(of: $0) == "award:hscetc14c00002" }
        }
        #expect(viaUSG != nil, "\(paths.map { $0.relationships.map { graph.id(of: $0) } })")
        let award = try #require(graph.relationshipIndices.first { graph.id(of: $0) == "award:hscetc14c00002" })
        #expect(graph.relationship(award).amounts == [Money(amount: try #require(Decimal(string: "53148388.39")), currency: "USD", kind: .ceiling)])
    }

    @Test("merged with the article's dataset, Palantir is one entity, and both routes show")
    func merged() throws {
        let result = DatasetLoader.load(paths: [Paths.file("Graph/ice-surveillance.yaml").path, Self.dataset])
        let loaded = try #require(result.graph, "\(result.diagnostics.prefix(3))")
        #expect(result.diagnostics.errors.isEmpty)
        #expect(loaded.index(ofEntity: "company:palantir-technologies") == nil)
        let palantirIndex = try #require(loaded.index(ofEntity: "palantir"))
        #expect(loaded.aliases(of: palantirIndex).contains("Palantir Technologies"))
        let graph = ContractProjection.collapse(loaded).graph
        let ice = try #require(graph.index(ofEntity: "ice"))
        let palantir = try #require(graph.index(ofEntity: "palantir"))
        // Every route of up to three hops: the article's direct contracts and the FY2018 award
        // to Palantir USG, a Palantir subsidiary.
        let paths = graph.simplePaths(from: ice, to: palantir, maxHops: 3, limit: 500)
        let ids = paths.map { Set($0.relationships.map { graph.id(of: $0) }) }
        #expect(ids.contains { $0.contains("contract-palantir-icm-2024") })
        #expect(ids.contains { $0.contains("award:hscetc14c00002") })
        let parents = ContractProjection.collapse(loaded, folding: .all).graph.moneyGroups(by: .parent)
        let group = try #require(parents.first { $0.key == "palantir" })
        #expect(group.totals.contains(Money(amount: 144_400_000, currency: "USD", kind: .reported)))
        #expect(group.contracts.count >= 5)

        // Between agencies and companies only, the four shortest routes: the article's direct
        // links (one route, its three contracts listed beside it), two FY2018 awards straight to
        // Palantir Technologies, then the award to Palantir USG.
        let money = TraversalOptions(intermediateKinds: ["agency", "company"])
        let routes = graph.kShortestPaths(from: ice, to: palantir, k: 4, options: money, distinct: .entities)
        #expect(routes.map(\.length) == [1, 2, 2, 3])
        let direct = try #require(routes.first?.hops(in: graph).first)
        let parallel = Set(([direct.relationship] + graph.parallelLinks(of: direct, options: money)).map { graph.id(of: $0) })
        // ImmigrationOS is reported on by an outlet, so it stays a contract entity between them.
        #expect(parallel.isSuperset(of: ["contract-palantir-icm-2022", "contract-palantir-icm-2024"]))
        #expect(routes[3].entities.map { graph.id(of: $0) } == ["ice", "ice-office:mission-support-washington", "company:palantir-usg", "palantir"])
        #expect(routes[3].relationships.contains { graph.id(of: $0) == "award:hscetc14c00002" })
    }

    @Test("merged, LexisNexis's parent from the article's dataset is the FY2018 table's Reed Elsevier, owned by RELX")
    func lexisNexisParents() throws {
        let result = DatasetLoader.load(paths: [Paths.file("Graph/ice-surveillance.yaml").path, Self.dataset])
        let graph = try #require(result.graph)
        #expect(graph.index(ofEntity: "company:reed-elsevier") == nil)
        let lexisNexis = try #require(graph.index(ofEntity: "lexisnexis"))
        let owners = graph.ownershipChains(of: lexisNexis)
        #expect(owners.chains.map { $0.map { graph.id(of: $0.parent) } } == [["reed-elsevier", "company:relx"]])
        #expect(owners.ultimateParents.map { graph.id(of: $0) } == ["company:relx"])
        // The FY2018 awards to Reed Elsevier now count under the same parent as the article's LEIDS contract.
        let relx = try #require(ContractProjection.collapse(graph).graph.moneyGroups(by: .parent).first { $0.key == "company:relx" })
        #expect(relx.contracts.count == 6)
    }
}
