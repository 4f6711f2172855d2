import ERAnswers
import ERFormats
import ERGraph
import ERRender
import Foundation
import Testing

/// Whatever an import writes, ergraph reads back: every fixture of every format is imported,
/// its dataset validated, imported again, and the two compared byte for byte.
@Suite("Every import writes a dataset that validates, the same bytes every run")
struct ImportValidityTests {
    static let fixtures = Package.root.appendingPathComponent("Tests/Fixtures")

    struct Case: Sendable, CustomStringConvertible {
        var format: String
        var files: [String]
        var mapping: String?
        var keys = NodeLinkKeys()
        var description: String { "\(format): \(files.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: ", "))" }
    }

    /// Exports of the default dataset, written once to a temporary folder, to import back.
    static let exports: URL = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ergraph-import-validity-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if let graph = try? Package.opened().graph {
            for name in ["graphml", "json", "csv", "ftm", "dot"] {
                guard let format = ExportRegistry.named(name), let files = try? format.write(graph, ExportOptions()).files else { continue }
                for file in files {
                    let path = OutputFiles.path(for: file, output: folder.appendingPathComponent("ice.\(name)").path)
                    try? file.data.write(to: URL(fileURLWithPath: path))
                }
            }
        }
        return folder
    }()

    static let cases: [Case] = {
        var cases: [Case] = []
        let examples = fixtures.appendingPathComponent("graphviz-debian-doc-examples")
        for folder in ["directed", "undirected"] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: examples.appendingPathComponent(folder).path)) ?? []
            for name in names.sorted() where name.hasSuffix(".gv") {
                cases.append(Case(format: "dot", files: [examples.appendingPathComponent("\(folder)/\(name)").path]))
            }
        }
        cases.append(Case(format: "json", files: [fixtures.appendingPathComponent("d3-sankey-energy/energy.json").path],
                          keys: NodeLinkKeys(amount: "value")))
        cases.append(Case(format: "json", files: [fixtures.appendingPathComponent("node-link/awkward-ids.json").path]))
        cases.append(Case(format: "json", files: [fixtures.appendingPathComponent("node-link/keyed-by-name.json").path],
                          keys: NodeLinkKeys(kind: "type", linkKind: "relation", amount: "amount_usd")))
        cases.append(Case(format: "ftm", files: [fixtures.appendingPathComponent("ftm-donations-de/donations.ijson").path]))
        cases.append(Case(format: "csv", files: [fixtures.appendingPathComponent("csv/awards.csv").path],
                          mapping: fixtures.appendingPathComponent("csv/awards.mapping.yaml").path))
        cases.append(Case(format: "csv", files: [Package.root.appendingPathComponent("Graph/sources/ice-awards-fy2018/ice_awards_explorer.csv").path],
                          mapping: Package.root.appendingPathComponent("Graph/ice-contracts-fy2018.mapping.yaml").path))
        cases.append(Case(format: "csv", files: [fixtures.appendingPathComponent("csv/transactions.csv").path],
                          mapping: fixtures.appendingPathComponent("csv/transactions.mapping.yaml").path))
        cases.append(Case(format: "csv", files: [fixtures.appendingPathComponent("timeline/events.csv").path],
                          mapping: fixtures.appendingPathComponent("timeline/events.mapping.yaml").path))
        cases.append(Case(format: "csv", files: [fixtures.appendingPathComponent("usaspending-ice-mn-contracts/mn_all_prime_awards.csv").path],
                          mapping: fixtures.appendingPathComponent("usaspending-ice-mn-contracts/mn_all.mapping.yaml").path))
        let ice = exports.appendingPathComponent("ice").path
        cases.append(Case(format: "graphml", files: [ice + ".graphml"]))
        cases.append(Case(format: "json", files: [ice + ".json"]))
        cases.append(Case(format: "ftm", files: [ice + ".ftm"]))
        cases.append(Case(format: "dot", files: [ice + ".dot"]))
        cases.append(Case(format: "csv-lists", files: [ice + ".entities.csv", ice + ".relationships.csv"]))
        return cases
    }()

    @Test("the fixtures are all there")
    func fixturesPresent() {
        #expect(Self.cases.count == 60 + 14)
        for item in Self.cases { for file in item.files { #expect(FileManager.default.fileExists(atPath: file), "\(file)") } }
    }

    @Test("imported, validated, imported again: the same bytes", arguments: cases)
    func importsValidate(_ item: Case) throws {
        let format = try #require(ImportRegistry.named(item.format))
        let request = ImportRequest(files: item.files, mapping: item.mapping, nodeLinkKeys: item.keys)
        let first = try DatasetText.yaml(try format.run(request))
        let check = DatasetLoader.load(text: first, file: "imported.yaml")
        #expect(check.graph != nil, "\(check.diagnostics.errors.first?.description ?? "")")
        #expect(check.diagnostics.errors.isEmpty)
        let second = try DatasetText.yaml(try format.run(request))
        #expect(first == second)
    }

    @Test("node-link ids that are not ergraph ids become stable slugs, the originals kept; lists are canonical JSON; null is absent")
    func awkwardIDs() throws {
        let imported = try #require(ImportRegistry.named("json"))
            .run(ImportRequest(files: [Self.fixtures.appendingPathComponent("node-link/awkward-ids.json").path]))
        let graph = imported.graph
        #expect(graph.entityIndices.map { graph.id(of: $0) } == ["079344491-palantir-usg-inc", "immigration-and-customs-enforcement",
                                                                "immigration-and-customs-enforcement-9a2886", "department-of-homeland-security"])
        let palantir = graph.entity(EntityIndex(0))
        #expect(palantir.properties["source_id"] == .text("079344491||PALANTIR USG INC"))
        #expect(palantir.properties["awards"]
                == .text(#"[{"amount":53150000,"recipient_city":"PALO ALTO"},{"amount":1,"recipient_city":"DENVER"}]"#))
        #expect(palantir.properties["childOf"] == nil)
        #expect(graph.relationshipIndices.map { graph.id(of: $0) }
                == ["immigration-and-customs-enforcement-contracted-079344491-palantir-usg-inc-1",
                    "immigration-and-customs-enforcement-part-of-department-of-homeland-security-2"])
        #expect(imported.warnings.contains { $0.hasSuffix("one field of the nodes is spelled 2 ways: 'childOf' (1 node), 'child_of' (1 node); they are kept as separate properties") })
    }

    @Test("links a relationship list gave no id get link-N, and the import does not call that renaming an id")
    func synthesizedLinkIDs() throws {
        let folder = try Package.temporaryFolder("ergraph-link-ids")
        defer { try? FileManager.default.removeItem(at: folder) }
        let nodes = folder.appendingPathComponent("n.csv"), edges = folder.appendingPathComponent("e.csv")
        try Data("id,type,name\ne0,agency,A\nbad id,company,B\n".utf8).write(to: nodes)
        try Data("source,target,type,amount\ne0,bad id,contracted,5\ne0,bad id,contracted,7\n".utf8).write(to: edges)
        let imported = try #require(ImportRegistry.named("csv-lists")).run(ImportRequest(files: [nodes.path, edges.path]))
        let graph = imported.graph
        #expect(graph.relationshipIndices.map { graph.id(of: $0) } == ["link-0", "link-1"])
        #expect(graph.relationshipIndices.allSatisfy { graph.relationship($0).properties["source_id"] == nil })
        // One id of the input was changed: "bad id".
        #expect(imported.warnings.filter { $0.contains("valid ergraph id") }
                == ["1 id of \(nodes.path) and \(edges.path) was not a valid ergraph id (or differed only in case) and became a readable one; "
                    + "the original is kept as the property source_id"])
        // With every entity id valid, nothing is reported, and the links are still named.
        try Data("id,type,name\ne0,agency,A\ne1,company,B\n".utf8).write(to: nodes)
        try Data("source,target,type,amount\ne0,e1,contracted,5\n".utf8).write(to: edges)
        let valid = try #require(ImportRegistry.named("csv-lists")).run(ImportRequest(files: [nodes.path, edges.path]))
        #expect(valid.graph.relationshipIndices.map { valid.graph.id(of: $0) } == ["link-0"])
        #expect(!valid.warnings.contains { $0.contains("valid ergraph id") })
        #expect(DatasetLoader.load(text: try DatasetText.yaml(valid), file: "valid.yaml").graph != nil)
    }

    @Test("a dataset too large for YAML is refused from its value count, before any text is made, pointing to a snapshot")
    func tooLargeForYAML() throws {
        // 400,000 links of five values each (a mapping, id, kind, from, to) are over the
        // reader's 2,000,000 from the counts alone.
        let graph = try SyntheticGraph.generate(.init(entities: 40_000, relationships: 400_000, seed: 1))
        #expect(throws: DatasetWriter.WriteError.tooManyValues(values: 2_160_004, limit: 2_000_000)) {
            try DatasetWriter.yaml(graph)
        }
        let imported = Imported(graph: graph, origin: "big.csv")
        #expect(throws: AnswerError.invalidData("the dataset made from big.csv would hold at least 2,160,004 YAML values, more than the "
                                               + "2,000,000 a dataset may, so nothing was written: 40,000 entities and 400,000 relationships are more "
                                               + "than a YAML dataset holds; write a snapshot, FILE.ergs, which also reads in a fraction of the time")) {
            try DatasetText.yaml(imported)
        }
    }

    @Test("a column of node or link values keeps each row's own value, whatever its first rows hold")
    func listColumns() throws {
        let folder = try Package.temporaryFolder("ergraph-lists")
        defer { try? FileManager.default.removeItem(at: folder) }
        let nodes = folder.appendingPathComponent("n.csv"), edges = folder.appendingPathComponent("e.csv")
        try Data("id,type,name,x\na,company,A,\nb,company,B,5\nc,company,C,7\n".utf8).write(to: nodes)
        try Data("source,target,type,when\na,b,owns,2025\nb,c,owns,2025-09\n".utf8).write(to: edges)
        let graph = try CSVListsLoader.load(nodes: nodes.path, edges: edges.path)
        #expect(graph.entityIndices.map { graph.entity($0).properties["x"] } == [nil, .integer(5), .integer(7)])
        #expect(graph.relationshipIndices.map { graph.relationship($0).properties["when"] } == [.text("2025"), .text("2025-09")])
    }
}

@Suite("DOT import: every graph, Graphviz's verdict, blank names")
struct DOTFileTests {
    func read(_ text: String) throws -> DOTImporter.Result {
        try DOTImporter.read(dotBytes: Data(text.utf8), sourceName: "test.gv")
    }

    @Test("a file of several graphs imports them all, each node's id prefixed by its graph")
    func severalGraphs() throws {
        let result = try read("digraph A { a -> b } /* } */ digraph \"B {\" { a -> c [label=\"}\"] }\n")
        let graph = result.graph
        #expect(graph.entityIndices.map { graph.id(of: $0) } == ["A:a", "A:b", "B:a", "B:c"])
        #expect(graph.relationshipCount == 2)
        #expect(result.warnings.first == "the file holds 2 graphs (A, B {); all are imported, each node's id prefixed by its graph's name")
    }

    @Test("a graph Graphviz rejects fails the import, whatever warnings came first or whichever graph it is")
    func rejected() {
        #expect(throws: GraphvizError.invalidDOT("syntax error in line 1 near ';'")) { try read("digraph { 1abc -> b; a -> ; }") }
        #expect(throws: GraphvizError.self) { try read("digraph A { a -> b } digraph { x -> ; }") }
    }

    @Test("empty and blank node names import, read as their ids, and the dataset validates")
    func blankNames() throws {
        let result = try read("digraph { \"\" -> \"  \"; x [label=\"   \"] }")
        let graph = result.graph
        #expect(graph.entityIndices.map { "\(graph.id(of: $0))=\(graph.name(of: $0))" } == ["node=node", "node-2=node-2", "x=x"])
        let yaml = try DatasetText.yaml(Imported(graph: graph, origin: "test.gv"))
        #expect(DatasetLoader.load(text: yaml, file: "blank.yaml").graph != nil)
    }
}
