import ERAnswers
import ERFormats
import ERGraph
import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// `ergraph timeline` and `ergraph diff` on the default dataset and a changed copy of it.
@Suite("What changed: timelines and diffs")
struct ChangesTests {
    static let dataset = Package.root.appendingPathComponent("Graph/ice-surveillance.yaml").path

    /// The default dataset with one contract (and its award) added, one link ended and one
    /// amount changed.
    static func changedCopy() throws -> String {
        var text = try String(contentsOfFile: dataset, encoding: .utf8)
        func replace(_ old: String, _ new: String) throws {
            guard text.contains(old) else { throw ImportError("the default dataset no longer holds: \(old)") }
            text = text.replacingOccurrences(of: old, with: new)
        }
        try replace("    start: 2025-09\n    amount: {value: 3M, currency: USD, kind: reported}\n",
                    "    start: 2025-09\n    amount: {value: 3.5M, currency: USD, kind: reported}\n")
        try replace("to: paragon-solutions, start: 2024-12,\n", "to: paragon-solutions, start: 2024-12, end: 2025-06,\n")
        try replace("\nrelationships:\n", """

              - id: contract-palantir-2026
                kind: contract
                name: ICE-Palantir ImmigrationOS renewal (2026)
                start: 2026-01
                amount: {value: 40M, currency: USD, kind: reported}
                sources: [{source: article, quote: "Palantir is also developing a system called"}]

            relationships:
              - {id: ice-awarded-palantir-2026, kind: awarded, from: ice, to: contract-palantir-2026, start: 2026-01,
                 sources: [{source: article, quote: "Palantir is also developing a system called"}]}

            """)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ergraph-changed-\(UUID().uuidString).yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    func graph(_ path: String) throws -> Graph {
        try #require(DatasetLoader.load(path: path).graph)
    }

    @Test("ICE's timeline, in order, each date as precise as the article gives it")
    func iceTimeline() throws {
        let opened = try Package.opened()
        let ice = try opened.asWritten.entity(named: "ICE")
        let answer = TimelineAnswer(graph: opened.asWritten.graph, about: ice, from: nil, to: nil)
        #expect(answer.entries.map { "\($0.date) \($0.change) \($0.record)" } == [
            "2022 begins contract-palantir-icm-2022",
            "2022 begins ice-uses-accurint",
            "2023 begins contract-clearview-2023",
            "2024-09 begins contract-clearview-2024",
            "2024-09 begins contract-palantir-icm-2024",
            "2024-09 begins contract-paragon-2024",
            "2024-09 status contract-paragon-2024",
            "2024 status contract-paragon-2024",
            "2025-09 begins contract-clearview-2025",
            "2025 begins contract-lexisnexis-leids-2025",
            "2025 status contract-paragon-2024",
        ])
        #expect(answer.entries.map(\.precision).prefix(4) == ["year", "year", "year", "month"])
        #expect(answer.entries[7].what == "stop-work order: ICE-Paragon Solutions spyware contract (2024) (contract)")
        #expect(answer.csv()?.hasPrefix("date,precision,change,status,what,record,sources,quotes\n2022,year,begins,,") == true)
        let window = TimelineAnswer(graph: opened.asWritten.graph, about: ice, from: PartialDate("2024-06"), to: PartialDate("2024-12"))
        #expect(window.entries.map(\.record) == ["contract-clearview-2024", "contract-palantir-icm-2024", "contract-paragon-2024",
                                                 "contract-paragon-2024", "contract-paragon-2024"])
        // The drawing: one rank per year, the same bytes every time.
        let first = try TimelineDrawing.draw(answer, format: .svg), second = try TimelineDrawing.draw(answer, format: .svg)
        #expect(first == second)
        let svg = String(decoding: first, as: UTF8.self)
        #expect(["year&#45;2022", "year&#45;2023", "year&#45;2024", "year&#45;2025"].allSatisfy { svg.contains("<title>\($0)</title>") })
    }

    @Test("a diff between two versions: one contract added, one link ended, one amount changed")
    func versions() throws {
        let changed = try Self.changedCopy()
        defer { try? FileManager.default.removeItem(atPath: changed) }
        let answer = DiffAnswer(old: try graph(Self.dataset), oldName: "old.yaml", new: try graph(changed), newName: "new.yaml")
        #expect(answer.text() == """
            Changes from old.yaml to new.yaml: 2 added, 2 changed

            Added
              + entity 'contract-palantir-2026': ICE-Palantir ImmigrationOS renewal (2026) (contract): $40M reported; since 2026-01
                  “Palantir is also developing a system called” [1]
              + link 'ice-awarded-palantir-2026': U.S. Immigration and Customs Enforcement awarded ICE-Palantir ImmigrationOS renewal (2026) (since 2026-01)
                  “Palantir is also developing a system called” [1]

            Changed
              ~ entity 'contract-magnet-2025': HSI-Magnet Forensics software license agreement (2025) (contract): $3.5M reported; since 2025-09
                  amount: 3000000 USD reported → 3500000 USD reported
                  “In mid-September, Homeland Security Investigations, the law enforcement division of ICE, signed a $3 million agreement with Magnet Forensics.” [1]
              ~ link 'ae-industrial-acquired-paragon': AE Industrial acquired Paragon Solutions (2024-12 – 2025-06)
                  end: (none) → 2025-06
                  “In December, AE Industrial, a U.S. private equity firm, bought Paragon with intentions to merge it with cybersecurity company RedLattice, according to Israeli tech publication Calcalist.” [1], crediting calcalist

            Sources
              [1] Bitget News (Bitget-RWA), rewriting TechCrunch's reporting, “Here's the technology driving ICE's deportation enforcement”, 2025-09-19, copy: sources/ice-technology-article.txt

            """)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(answer.json().utf8)) as? [String: Any])
        let items = try #require(json["items"] as? [[String: Any]])
        #expect(items.map { "\($0["change"] ?? "") \($0["record"] ?? "") \($0["id"] ?? "")" } == [
            "added entity contract-palantir-2026", "changed entity contract-magnet-2025",
            "added link ice-awarded-palantir-2026", "changed link ae-industrial-acquired-paragon",
        ])
        let ended = try #require(items.last?["fields"] as? [String: [String]])
        #expect(ended == ["end": ["", "2025-06"]])

        // The drawing: the added link carries the 'added' style, the ended one 'changed'.
        let svg = try DiffDrawing.draw(answer, old: try graph(Self.dataset), new: try graph(changed), format: .svg)
        let edges = SVGEdges(svg)
        #expect(edges.classes["link-ice-awarded-palantir-2026"] == "edge added")
        #expect(edges.strokes["link-ice-awarded-palantir-2026"] == "#009e73")
        #expect(edges.classes["link-ae-industrial-acquired-paragon"] == "edge changed")
        #expect(edges.classes["link-ice-uses-accurint"] == "edge unchanged")
        #expect(edges.classes.values.filter { $0 == "edge unchanged" }.count == 69)
    }

    @Test("a diff between two dates: what began, ended or changed status")
    func dates() throws {
        let opened = try Package.opened()
        let answer = DiffAnswer(graph: opened.asWritten.graph, from: PartialDate("2024-06")!, to: PartialDate("2024-12")!)
        #expect(answer.text().hasPrefix("Changes from 2024-06 to 2024-12: 6 began, 2 changed status\n\nBegan\n"
                                        + "  + 2024-09  entity 'contract-clearview-2024': ICE-Clearview AI forensic software deal (2024) (contract)\n"))
        // A fact known only to its year (the stop-work order, 2024) may fall after 2024-06: it is kept.
        #expect(answer.items.map { "\($0.change) \($0.id)" } == [
            "began contract-clearview-2024", "began contract-palantir-icm-2024", "began contract-paragon-2024",
            "status contract-paragon-2024", "began ae-industrial-acquired-paragon", "began paragon-planned-merger-redlattice",
            "began biden-suspended-paragon-contract", "status contract-paragon-2024",
        ])
        #expect(answer.linkChanges["ae-industrial-acquired-paragon"] == .began)
        #expect(answer.linkChanges["ice-uses-accurint"] == .unchanged)
    }
}

extension ChangesTests {
    @Test("a dataset against its own git revision: read with git show, named REV:PATH; a bad revision is a clear error")
    func gitRevision() throws {
        let (graph, name) = try GitRevision.graph(of: Self.dataset, at: "HEAD")
        #expect(name == "HEAD:\(Self.dataset)")
        #expect(graph.entityCount >= 46)
        #expect(throws: AnswerError.self) { try GitRevision.graph(of: Self.dataset, at: "no-such-revision") }
    }
}

/// The id, class and stroke colour of every edge group in an SVG Graphviz wrote.
final class SVGEdges: NSObject, XMLParserDelegate {
    var classes: [String: String] = [:]
    var strokes: [String: String] = [:]
    private var current: String?

    init(_ data: Data) {
        super.init()
        let parser = XMLParser(data: data)
        parser.delegate = self
        parser.parse()
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if name == "g", let id = attributes["id"], let kind = attributes["class"], kind.hasPrefix("edge") {
            classes[id] = kind
            current = id
        } else if name == "path", let current, strokes[current] == nil {
            strokes[current] = attributes["stroke"]
        }
    }
}
