import ERGraph
import Foundation

/// The dated facts in the order they happened (`ergraph timeline`): links and contracts
/// beginning and ending, status events, each with its precision and its evidence.
public struct TimelineAnswer: Answer, Encodable {
    public struct Entry: Encodable, Sendable, Equatable {
        /// As precise as the dataset says (`2024`, `2024-09`, `2024-09-15`).
        public var date: String
        public var precision: String
        /// `begins`, `ends` or `status`.
        public var change: String
        public var status: String?
        /// The fact in words: `U.S. Immigration and Customs Enforcement awarded ICE-Paragon …`.
        public var what: String
        /// The entity or link the fact is about.
        public var record: String
        public var sources: [String]
        public var quotes: [String]
        /// Numbered citations for the text (not encoded).
        fileprivate var citations: [String] = []
        /// The citations themselves, for pages that number them their own way (not encoded).
        public fileprivate(set) var evidence: [Citation] = []
        /// What the fact is about, without its status (for the drawing; not encoded).
        var subject: String = ""

        enum CodingKeys: String, CodingKey { case date, precision, change, status, what, record, sources, quotes }
    }

    /// The entity the timeline is about, or nil for the whole graph.
    public var about: String?
    public var from: String?
    public var to: String?
    public var entries: [Entry]
    /// The numbered sources, as the text lists them (not encoded).
    public private(set) var sourceLines: [String] = []

    enum CodingKeys: String, CodingKey { case about, from, to, entries }

    public init(graph: Graph, about entity: EntityIndex?, from: PartialDate?, to: PartialDate?) {
        about = entity.map { graph.name(of: $0) }
        self.from = from?.description
        self.to = to?.description
        var numbering = SourceNumbering()
        entries = Chronology.facts(in: graph, about: entity, from: from, to: to).map { fact in
            let record: String, what: String
            switch fact.subject {
            case let .entity(index):
                record = graph.id(of: index)
                what = "\(graph.name(of: index)) (\(Wording.kind(graph.kind(of: index))))"
            case let .relationship(index):
                let link = graph.relationship(index)
                record = link.id
                what = "\(graph.name(of: graph.from(index))) \(Wording.verb(link.kind, in: graph.vocabulary)) \(graph.name(of: graph.to(index)))"
            }
            var entry = Entry(date: fact.date.description, precision: "\(fact.date.precision)", change: fact.change.rawValue,
                              status: fact.status, what: fact.status.map { "\($0): " + what } ?? what, record: record,
                              sources: fact.citations.map(\.source), quotes: fact.citations.compactMap(\.quote))
            entry.subject = what
            entry.evidence = fact.citations
            entry.citations = fact.citations.map { Wording.citation($0, number: numbering.number(for: $0.source)) }
            return entry
        }
        sourceLines = numbering.list(in: graph)
    }

    public func text() -> String {
        let window = [from.map { "from \($0)" }, to.map { "to \($0)" }].compactMap { $0 }.joined(separator: " ")
        var lines = ["Timeline" + (about.map { " of \($0)" } ?? "") + (window.isEmpty ? "" : " " + window) + ": "
                     + Wording.count(entries.count, "dated fact")]
        let dateWidth = max(10, entries.map(\.date.count).max() ?? 0)
        for entry in entries {
            let date = entry.date.padding(toLength: dateWidth, withPad: " ", startingAt: 0)
            let change = entry.change.padding(toLength: 7, withPad: " ", startingAt: 0)
            lines.append("\(date)  \(change)  \(entry.what) [\(entry.record)]")
            let indent = String(repeating: " ", count: dateWidth + 11)
            lines += entry.citations.map { indent + $0 }
        }
        if !sourceLines.isEmpty { lines += ["", "Sources"] + sourceLines }
        return lines.joined(separator: "\n") + "\n"
    }

    public func csv() -> String? {
        TextTable.csv(["date", "precision", "change", "status", "what", "record", "sources", "quotes"], entries.map { entry in
            [entry.date, entry.precision, entry.change, entry.status ?? "", entry.what, entry.record,
             entry.sources.joined(separator: " "), entry.quotes.joined(separator: " | ")]
        })
    }
}
