import ERAnswers
import ERGraph
import ERRender
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// The package's own files, found from this source file.
enum Package {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let defaultDataset = root.appendingPathComponent("Graph/ice-surveillance.yaml").path

    static func opened() throws -> OpenedGraph {
        try OpenedGraph.open(.datasets([defaultDataset]))
    }

    /// A new empty folder under the system's temporary folder, named `prefix-UUID`.
    static func temporaryFolder(_ prefix: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}

/// Every `xlink:title` of an SVG element whose id is given, unescaped by the XML parser.
final class TooltipCollector: NSObject, XMLParserDelegate {
    var titles: [String: String] = [:]
    private var group: String?

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if name == "g", let id = attributes["id"] { group = id }
        if name == "a", let group, let title = attributes["xlink:title"], titles[group] == nil { titles[group] = title }
    }
}

@Suite("Presentation: one wording for every answer")
struct PresentationTests {
    @Test("the Paragon hop reads the same in path text, path JSON and the drawing's tooltip")
    func paragonHopEverywhere() throws {
        let opened = try Package.opened()
        let result = try PathQuery(from: "ICE", to: "AE Industrial").run(on: opened)
        // The Paragon contract is paused and resumed by two administrations, so it stays an
        // entity: the hop is ICE's award of it.
        let statement = "U.S. Immigration and Customs Enforcement awarded ICE-Paragon Solutions spyware contract (2024) (since 2024-09)"

        let text = result.answer.text().components(separatedBy: "\n")
        #expect(text[4] == "  money along the path: $2M reported")
        #expect(text[5] == "  1. " + statement)
        #expect(text[6] == "       ICE-Paragon Solutions spyware contract (2024): $2M reported; since 2024-09; stop-work order 2024, "
                + "stop-work order lifted 2025")

        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.answer.json().utf8)) as? [String: Any])
        let paths = try #require(json["paths"] as? [[String: Any]])
        let hops = try #require(paths.first?["relationships"] as? [[String: Any]])
        #expect(hops.first?["statement"] as? String == statement)
        #expect(hops.first?["id"] as? String == "ice-awarded-paragon-2024")

        let graph = result.context.graph
        let drawn = try DrawingRequest(format: .svg).draw(.paths(graph, result.paths), of: graph)
        let collector = TooltipCollector()
        let parser = XMLParser(data: drawn.data)
        parser.delegate = collector
        #expect(parser.parse())
        let tooltip = try #require(collector.titles.first { $0.key.hasSuffix("link-ice-awarded-paragon-2024") }?.value)
        #expect(tooltip.components(separatedBy: "\n").first == statement)
    }

    @Test("spans, money, status histories, facts and sources in exact words")
    func phrases() throws {
        let start = try #require(PartialDate("2024-09")), end = try #require(PartialDate("2025"))
        #expect(Wording.span(Validity(start: start, end: end)) == "2024-09 – 2025")
        #expect(Wording.span(Validity(start: start, end: nil)) == "since 2024-09")
        #expect(Wording.span(Validity(start: nil, end: end)) == "until 2025")
        #expect(Wording.span(.always) == nil)

        let paid = Money(amount: 800_000, currency: "USD", kind: .paid)
        let ceiling = Money(amount: 95_900_000, currency: "USD", kind: .ceiling)
        #expect(Wording.money(paid) == "$800K paid")
        #expect(Wording.money([paid, ceiling]) == "$800K paid, $95.9M ceiling")
        #expect(Wording.money([]) == nil)

        // A `signed` event on the start date says nothing the span does not.
        let events = [StatusEvent(date: start, status: "signed"), StatusEvent(date: PartialDate("2024"), status: "stop-work order"),
                      StatusEvent(date: nil, status: "under review")]
        let validity = Validity(start: start, end: nil)
        #expect(Wording.history(events, validity: validity) == "stop-work order 2024, under review")
        #expect(Wording.facts(validity: validity, amounts: [paid], events: events)
                == "$800K paid; since 2024-09; stop-work order 2024, under review")
        #expect(Wording.facts(validity: .always, amounts: [], events: []) == "")

        let vocabulary = Vocabulary.builtIn
        let acquired = Relationship(id: "r", kind: "acquired", from: "ae", to: "paragon", validity: Validity(start: PartialDate("2024-12"), end: nil))
        #expect(Wording.statement(acquired, from: "AE Industrial", to: "Paragon Solutions", in: vocabulary)
                == "AE Industrial acquired Paragon Solutions (since 2024-12)")
        #expect(Wording.statement(acquired, from: "Paragon Solutions", to: "AE Industrial", forward: false, in: vocabulary)
                == "Paragon Solutions was acquired by AE Industrial (since 2024-12)")
        #expect(Wording.arrowLabel(acquired, in: vocabulary) == "acquired (since 2024-12)")
        #expect(Wording.verb("contracted", in: vocabulary) == "contracted with")
        #expect(Wording.verb("awarded_to", in: vocabulary) == "was awarded to")
        // A declared kind without phrases reads as its label, and against the link as an arrow.
        var declared = vocabulary
        declared.declareRelationshipKind(KindDefinition("planned_merger", "a merger announced"))
        let merger = Relationship(id: "m", kind: "planned_merger", from: "paragon", to: "redlattice")
        #expect(Wording.statement(merger, from: "Paragon Solutions", to: "RedLattice", in: declared) == "Paragon Solutions planned merger RedLattice")
        #expect(Wording.statement(merger, from: "RedLattice", to: "Paragon Solutions", forward: false, in: declared)
                == "RedLattice ←planned merger— Paragon Solutions")

        let source = Source(id: "s", title: "Report", publisher: "Outlet", url: "https://example.org/a", published: PartialDate("2025-09-19"),
                            archive: "sources/a.txt")
        #expect(Wording.source(source) == "Outlet, “Report”, 2025-09-19, https://example.org/a, copy: sources/a.txt")
        #expect(Wording.citation(Citation(source: "s", quote: "The words.", creditedTo: "calcalist"), number: 2)
                == "“The words.” [2], crediting calcalist")
        #expect(Wording.count(1, "entity", "entities") == "1 entity")
        #expect(Wording.count(2, "entity", "entities") == "2 entities")
        #expect(Wording.number(95_900_000) == "95900000")
        #expect(Wording.number(0.5) == "0.5")
    }

    @Test("names resolve through one index per graph; a folded contract and a typo are told apart")
    func names() throws {
        let opened = try Package.opened()
        #expect(opened.folded.foldsContracts)
        #expect(!opened.asWritten.foldsContracts)
        #expect(try opened.folded.entity(named: "immigration and customs enforcement") == opened.folded.entity(named: "ice"))
        #expect(throws: AnswerError.foldedContract("contract-clearview-2024")) {
            try opened.folded.entity(named: "contract-clearview-2024")
        }
        #expect(throws: AnswerError.unknownEntity("Palantr", explanation: "unknown entity 'Palantr'; did you mean 'Palantir' (id palantir)?")) {
            try opened.folded.entity(named: "Palantr")
        }
        #expect(try opened.asWritten.graph.id(of: opened.asWritten.entity(named: "contract-clearview-2024")) == "contract-clearview-2024")
    }

    @Test("render's highlighted path is the path query's path, under the same constraints")
    func highlightIsThePath() throws {
        let opened = try Package.opened()
        let constraints = TraversalConstraints(via: ["awarded", "awarded_to", "makes", "acquired"])
        let path = try PathQuery(from: "ICE", to: "AE Industrial", constraints: constraints).run(on: opened)
        let map = try MapQuery(constraints: constraints, highlight: PathQuery(from: "ICE", to: "AE Industrial", constraints: constraints))
            .run(on: opened)
        #expect(!path.paths.isEmpty)
        #expect(map.view.highlightedRelationships == Set(path.paths.flatMap(\.relationships)))
        #expect(map.subtitle == "path from U.S. Immigration and Customs Enforcement to AE Industrial in bold")
        #expect(throws: AnswerError.noPath(from: "U.S. Immigration and Customs Enforcement", to: "AE Industrial",
                                           constraints: ["as of 2023-06"])) {
            try MapQuery(highlight: PathQuery(from: "ICE", to: "AE Industrial",
                                              constraints: TraversalConstraints(asOf: PartialDate("2023-06")))).run(on: opened)
        }
    }

    @Test("pairs of a table: one line each, names and ids alike, problems by line")
    func pairs() throws {
        let opened = try Package.opened()
        var batch = try PathPairs(query: PathQuery(from: "", to: ""), on: opened)
        let table = Data("source,target\nICE,AE Industrial\nice,Palantr\n,x\n".utf8)
        let pairs = try PathPairs.pairs(in: table, name: "pairs.csv")
        #expect(pairs.map(\.line) == [2, 3, 4])
        let first = try batch.answer(from: pairs[0].source, to: pairs[0].target)
        #expect(try PathPairs.write(first, as: .csv)
                == "ice,ae-industrial,3,ice contract-paragon-2024 paragon-solutions ae-industrial,ice-awarded-paragon-2024 paragon-2024-awarded-to ae-industrial-acquired-paragon\n")
        #expect(try PathPairs.write(first, as: .text) == "U.S. Immigration and Customs Enforcement → AE Industrial: 3 hops: ICE —awarded (since 2024-09)→ "
                + "ICE-Paragon Solutions spyware contract (2024) —was awarded to→ Paragon Solutions ←acquired (since 2024-12)— AE Industrial\n")
        #expect(throws: AnswerError.self) { try batch.answer(from: pairs[1].source, to: pairs[1].target) }
        #expect(throws: AnswerError.badRequest("expected the source and target columns")) { try batch.answer(from: pairs[2].source, to: pairs[2].target) }
    }

    @Test("Mermaid arrows are worded like every other answer, classes in the diagrams' colours")
    func mermaid() throws {
        let opened = try Package.opened()
        let graph = opened.graph
        let paragon = try opened.asWritten.entity(named: "paragon-solutions").rawValue
        let text = MermaidWriter.write(graph)
        let lines = text.components(separatedBy: "\n")
        #expect(lines[0] == "flowchart LR")
        #expect(lines.contains("  n\(paragon)[\"Paragon Solutions\"]:::k_company"))
        #expect(lines.filter { $0.contains("-->") }.count == graph.relationshipCount)
        #expect(lines.contains { $0.hasSuffix("-->|\"acquired (since 2024-12)\"| n\(paragon)") })
        #expect(lines.contains("  classDef k_agency fill:#CFE3F2,stroke:#0072B2"))
        #expect(lines.contains("  classDef k_company fill:#FBE3B6,stroke:#E69F00"))
    }
}
