import ERFormats
import ERGraph
import Foundation
import Testing

@Suite("Dataset reader")
struct DatasetReaderTests {
    static let yaml = """
        ergraph: 1
        title: Small
        sources:
          - {id: s1, title: Report, publisher: Outlet, url: "https://example.org/r", published: 2025-09-13}
        kinds:
          relationships:
            suspended: the source paused the target contract
        entities:
          - id: ice
            kind: agency
            name: ICE
            aliases: [Immigration and Customs Enforcement]
            properties: {budget: {value: 9B, currency: USD, kind: obligated}, founded: {date: 2003-03}, staff: 20000, federal: true, ratio: 0.5, motto: "123"}
            sources: [{source: s1, quote: "ICE is an agency"}]
          - {id: gov, kind: government, name: Administration}
          - id: c1
            kind: contract
            name: A contract
            start: 2024-09
            end: 2025
            amount:
              - {value: 2M, kind: reported}
              - {value: 5.5M, currency: EUR, kind: ceiling}
            events:
              - {date: 2024, status: stop-work order, note: paused, sources: [{source: s1, quote: paused}]}
        relationships:
          - {kind: awarded, from: ice, to: c1, sources: [s1]}
          - {kind: awarded, from: ice, to: c1, sources: [{source: s1, quote: again, credited_to: ice}]}
          - {id: pause, kind: suspended, from: gov, to: c1, start: 2024, sources: [{source: s1, quote: paused}]}
        """

    @Test("reads every field into the typed model")
    func readsFields() throws {
        let result = DatasetReader().read(text: Self.yaml, file: "small.yaml")
        #expect(result.diagnostics.isEmpty)
        let dataset = try #require(result.dataset)
        #expect(dataset.title == "Small")
        #expect(dataset.sources.first?.value == Source(id: "s1", title: "Report", publisher: "Outlet",
                                                       url: "https://example.org/r", published: PartialDate("2025-09-13")))
        #expect(dataset.relationshipKinds.map(\.value.id) == ["suspended"])

        let ice = dataset.entities[0].value
        #expect(ice.aliases == ["Immigration and Customs Enforcement"])
        #expect(ice.properties["budget"] == .money(Money(amount: 9_000_000_000, currency: "USD", kind: .obligated)))
        #expect(ice.properties["founded"] == .date(try #require(PartialDate("2003-03"))))
        #expect(ice.properties["staff"] == .integer(20000))
        #expect(ice.properties["federal"] == .boolean(true))
        #expect(ice.properties["ratio"] == .number(0.5))
        #expect(ice.properties["motto"] == .text("123"))  // quoted stays text
        #expect(ice.citations == [Citation(source: "s1", quote: "ICE is an agency")])

        let contract = dataset.entities[2].value
        #expect(contract.validity == Validity(start: PartialDate("2024-09"), end: PartialDate("2025")))
        #expect(contract.amounts == [Money(amount: 2_000_000, currency: "USD", kind: .reported),
                                     Money(amount: 5_500_000, currency: "EUR", kind: .ceiling)])
        #expect(contract.events == [StatusEvent(date: PartialDate("2024"), status: "stop-work order", note: "paused",
                                                citations: [Citation(source: "s1", quote: "paused")])])

        // Links without ids are named after their ends, numbered when repeated.
        #expect(dataset.relationships.map(\.value.id) == ["ice-awarded-c1", "ice-awarded-c1-2", "pause"])
        #expect(dataset.relationships[1].value.citations == [Citation(source: "s1", quote: "again", creditedTo: "ice")])
    }

    @Test("records where each field was written")
    func locations() throws {
        let dataset = try #require(DatasetReader().read(text: Self.yaml, file: "small.yaml").dataset)
        let contract = dataset.entities[2].locations
        #expect(contract.record == SourceLocation(file: "small.yaml", line: 16, column: 5))
        #expect(contract["start"] == SourceLocation(file: "small.yaml", line: 19, column: 12))
        #expect(dataset.relationships[2].locations["from"]?.line == 29)
    }

    @Test("the same dataset in JSON reads the same")
    func jsonEquivalent() throws {
        let json = """
            {
            \t"ergraph": 1,
            \t"sources": [{"id": "s1", "title": "Report"}],
            \t"entities": [
            \t\t{"id": "ice", "kind": "agency", "name": "ICE \\"quoted\\" \\u00e9"},
            \t\t{"id": "cbp", "kind": "agency", "name": "CBP", "start": "2003"}
            \t],
            \t"relationships": [{"id": "r", "kind": "supplies", "from": "cbp", "to": "ice", "sources": [{"source": "s1", "quote": "q"}]}]
            }
            """
        let result = DatasetLoader.load(text: json, file: "small.json")
        #expect(result.diagnostics.isEmpty)
        let graph = try #require(result.graph)
        #expect(graph.name(of: EntityIndex(0)) == "ICE \"quoted\" é")
        #expect(graph.entity(EntityIndex(1)).validity.start == PartialDate("2003"))
        #expect(graph.relationshipCount == 1)
    }

    @Test("an unsourced link is a warning, an error under --strict")
    func strictness() {
        let text = """
            entities: [{id: a, kind: company, name: A}, {id: b, kind: company, name: B}]
            relationships: [{id: r, kind: owns, from: a, to: b}]
            """
        let relaxed = DatasetLoader.load(text: text, file: "f.yaml")
        #expect(relaxed.graph != nil)
        #expect(relaxed.diagnostics.map(\.description)
                == ["f.yaml:2:17: warning: relationship 'r' cites no source; add 'sources' with the quote that supports it"])
        let strict = DatasetLoader.load(text: text, file: "f.yaml", options: .init(strict: true))
        #expect(strict.graph == nil)
        #expect(strict.diagnostics.map(\.severity) == [.error])
    }

    @Test("an ownership cycle is a warning naming the loop, at the link that closes it")
    func cycleWarning() {
        let text = """
            sources: [{id: s, title: T}]
            entities:
              - {id: a, kind: company, name: A}
              - {id: b, kind: company, name: B}
            relationships:
              - {id: r1, kind: owns, from: a, to: b, sources: [{source: s, quote: q}]}
              - {id: r2, kind: owns, from: b, to: a, sources: [{source: s, quote: q}]}
            """
        let result = DatasetLoader.load(text: text, file: "cycle.yaml", options: .init(strict: true))
        #expect(result.graph != nil)
        #expect(result.diagnostics.map(\.description)
                == ["cycle.yaml:7:5: warning: cycle in ownership or part-of links: a → b → a"])
    }

    @Test("a file that cannot be read says why, naming the file")
    func unreadableFile() {
        let result = DatasetLoader.load(path: "/nonexistent/dir/data.yaml")
        #expect(result.diagnostics.map(\.description) == ["/nonexistent/dir/data.yaml: error: cannot read file: no such file"])
    }

    @Test("a declared kind that is built in already is a warning")
    func redeclaredKind() {
        let text = """
            kinds: {entities: {agency: a government body}}
            entities: [{id: a, kind: agency, name: A}]
            """
        let result = DatasetLoader.load(text: text, file: "k.yaml")
        #expect(result.diagnostics.map(\.description) == ["k.yaml:1:20: warning: entity kind 'agency' is already defined"])
    }
}
