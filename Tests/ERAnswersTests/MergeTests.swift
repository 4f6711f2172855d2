import ERAnswers
import ERFormats
import ERGraph
import Foundation
import Testing

/// Two datasets describing the same three contracts, joined by `same_as` (Tests/Fixtures/merge):
/// every answer sees each contract once; the merged link cites both; what disagrees is reported.
@Suite("Merging is corroboration, not duplication")
struct MergeTests {
    static let folder = Package.root.appendingPathComponent("Tests/Fixtures/merge")
    static let article = folder.appendingPathComponent("article.yaml").path
    static let records = folder.appendingPathComponent("records.yaml").path

    func opened() throws -> OpenedGraph {
        try OpenedGraph.open(.datasets([Self.article, Self.records]))
    }

    @Test("the merge reports the probable duplicate person, the conflicting amount and the link whose dates differ, each with both locations")
    func diagnostics() throws {
        let answer = ValidationAnswer(paths: [Self.article, Self.records], strict: false)
        #expect(answer.isValid)
        #expect(answer.reports.map(\.file) == [Self.article, Self.records, "\(Self.article) + \(Self.records)"])
        #expect(answer.reports[0].diagnostics.isEmpty && answer.reports[1].diagnostics.isEmpty)
        #expect(answer.reports[2].diagnostics.map(\.message) == [
            "'j-richman' (Jennifer Richman) and 'jennifer-richman' (Jennifer Richman) at \(Self.article):15 may be one person: "
                + "their names agree once case, punctuation and corporate suffixes are set aside; if they are, add "
                + "same_as: [[jennifer-richman, j-richman]]",
            "conflicting amounts for entity 'contract-leids-2025': 4200000 USD paid here, 4700000 USD paid at \(Self.article):22; keeping the first",
            "relationship 'b-palantir-supplies-ice' (palantir supplies ice) may be the same claim as 'a-palantir-supplies-ice' at "
                + "\(Self.article):41, but the start dates differ (2014 and 2011); both are kept as separate links",
        ])
        #expect(answer.reports[2].diagnostics.map { "\($0.file ?? ""):\($0.line ?? 0)" }
                == ["\(Self.records):16", "\(Self.records):23", "\(Self.records):41"])
    }

    @Test("money counts each contract once, at the first dataset's amount")
    func money() throws {
        let answer = MoneyAnswer(by: .vendor, asOf: nil, of: try opened())
        #expect(answer.text() == """
            Contract amounts by vendor (never adding different currencies or kinds of amount)
              Palantir      $30M reported    1 contract
              LexisNexis    $4.7M paid       1 contract
              Clearview AI  $3.75M reported  1 contract

            """)
        let agencies = MoneyAnswer(by: .agency, asOf: nil, of: try opened())
        #expect(agencies.rows.map(\.contracts.count) == [3])
    }

    @Test("every shortest path lists a contract once; the merged link cites both datasets")
    func paths() throws {
        let opened = try opened()
        let lexis = try PathQuery(from: "ICE", to: "LexisNexis", mode: .allShortest(limit: 100)).run(on: opened)
        #expect(lexis.paths.count == 1)
        #expect(lexis.answer.paths[0].relationships.map(\.id) == ["contract-leids-2025"])
        let palantir = try PathQuery(from: "ICE", to: "Palantir", mode: .allShortest(limit: 100)).run(on: opened)
        // The contract once; the two `supplies` links, whose dates disagree, both.
        #expect(palantir.answer.paths.map { $0.relationships.map(\.id) }
                == [["ice-palantir-immigrationos"], ["a-palantir-supplies-ice"], ["b-palantir-supplies-ice"]])
        #expect(palantir.answer.paths[0].relationships[0].sources.map(\.source) == ["outlet-a", "records-b"])
        let entity = EntityAnswer(try opened.asWritten.entity(named: "Palantir"), in: opened.graph)
        #expect(entity.incoming.map(\.id) == ["ice-palantir-immigrationos"])
        #expect(entity.incoming[0].citations.map(\.quote) == ["a $30 million contract to build ImmigrationOS", "IMMIGRATIONOS PROTOTYPE"])
        #expect(entity.entity.aliases == ["Palantir Technologies Inc."])
    }

    @Test("Cypher counts each contract once, folded and as entities")
    func cypher() throws {
        let opened = try opened()
        let folded = try CypherQuestion(text: "MATCH ()-[r:contracted]->() RETURN count(r) AS contracts").run(on: opened)
        #expect(folded.csv() == "contracts\n3\n")
        let kept = try CypherQuestion(text: "MATCH (:agency)-[:awarded]->(c:contract)-[:awarded_to]->(v) RETURN c.id AS contract, v.id AS vendor ORDER BY contract",
                                      keepContractNodes: true).run(on: opened)
        #expect(kept.csv() == "contract,vendor\ncontract-clearview-2025,clearview-ai\ncontract-leids-2025,lexisnexis\n")
    }

    @Test("every export writes each contract once")
    func exports() throws {
        let graph = try opened().graph
        #expect(graph.entityCount == 8 && graph.relationshipCount == 9)
        for format in ExportRegistry.all where format.name != "sqlite" {
            let text = try format.write(graph, ExportOptions()).files.map { String(decoding: $0.data, as: UTF8.self) }.joined(separator: "\n")
            // The second dataset's contract ids were folded into the first's, its duplicate link merged.
            #expect(!text.contains("70cmsd25c00000003") && !text.contains("70cmsd25p00000017"), "\(format.name)")
            #expect(!text.contains("b-ice-palantir-immigrationos") && !text.contains("b-ice-awarded-leids"), "\(format.name)")
        }
        // Read back through ergraph's own readers, every format that has one holds the merged graph:
        // 8 entities, 2 of them contracts, and 9 links, the Palantir contract once.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ergraph-merge-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (export, reader) in [("graphml", "graphml"), ("json", "json"), ("ftm", "ftm"), ("dot", "dot"), ("csv", "csv-lists")] {
            let files = try #require(ExportRegistry.named(export)).write(graph, ExportOptions()).files
            var paths: [String] = []
            for file in files {
                let path = OutputFiles.path(for: file, output: folder.appendingPathComponent("merged.\(export)").path)
                try file.data.write(to: URL(fileURLWithPath: path))
                paths.append(path)
            }
            let back = try #require(ImportRegistry.named(reader)).run(ImportRequest(files: paths)).graph
            #expect(back.entityCount == 8 && back.relationshipCount == 9, "\(export)")
            #expect(back.entityIndices.filter { back.kind(of: $0) == "contract" }.count == 2, "\(export)")
            #expect(back.relationshipIndices.filter { back.kind(of: $0) == "contracted" }.count == 1, "\(export)")
        }
    }

    @Test("within one dataset parallel links are distinct claims and never merged")
    func withinOneDataset() throws {
        let text = """
            ergraph: 1
            sources: [{id: s, title: S}]
            entities:
              - {id: ice, kind: agency, name: ICE}
              - {id: palantir, kind: company, name: Palantir}
            relationships:
              - {id: one, kind: contracted, from: ice, to: palantir, start: 2022, sources: [{source: s}]}
              - {id: two, kind: contracted, from: ice, to: palantir, start: 2022, sources: [{source: s}]}
            same_as: [[palantir, palantir]]
            """
        let result = DatasetLoader.load(text: text, file: "one.yaml")
        let graph = try #require(result.graph)
        #expect(graph.relationshipIndices.map { graph.id(of: $0) } == ["one", "two"])
    }

    @Test("probable duplicates within one dataset are reported with the same_as line; ids differing in case are an error")
    func duplicates() throws {
        let text = """
            ergraph: 1
            sources: [{id: s, title: S}]
            entities:
              - {id: clearview-ai, kind: company, name: Clearview AI}
              - {id: clearview, kind: company, name: "Clearview AI, Inc."}
              - {id: ice, kind: agency, name: U.S. Immigration and Customs Enforcement}
              - {id: ICE, kind: agency, name: Immigration and Customs Enforcement}
              - {id: clearview-product, kind: product, name: Clearview AI}
            """
        let result = DatasetLoader.load(text: text, file: "dup.yaml")
        #expect(result.graph == nil)
        #expect(result.diagnostics.map(\.description) == [
            "dup.yaml:5:5: warning: 'clearview' (Clearview AI, Inc.) and 'clearview-ai' (Clearview AI) at dup.yaml:4 may be one company: "
                + "their names agree once case, punctuation and corporate suffixes are set aside; if they are, add same_as: [[clearview-ai, clearview]]",
            "dup.yaml:7:10: error: entity id 'ICE' differs from 'ice' at dup.yaml:6 only in case; names are matched ignoring case, "
                + "so use one id (or a same_as group)",
        ])
        #expect(DuplicateEntities.normalizedName("The Foo Holdings Co., Ltd.") == "foo holdings")
        #expect(DuplicateEntities.normalizedName("L.L.C.") == "llc")
        #expect(DuplicateEntities.normalizedName("Société Générale S.A.") == "societe generale")
    }
}
