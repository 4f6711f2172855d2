import ERGraph
import Foundation

/// What changed (`ergraph diff`): between two versions of a dataset, the entities and links
/// added, removed and changed field by field; or, on one dataset between two dates, the links
/// and contracts that began, ended or changed status. Each with its evidence.
public struct DiffAnswer: Answer, Encodable {
    /// How a link fared, which the drawing styles.
    public enum Change: String, Encodable, Sendable, CaseIterable {
        case added, removed, changed, began, ended, status, unchanged
    }

    public struct Item: Encodable, Sendable {
        /// `entity` or `link`.
        public var record: String
        public var id: String
        public var change: String
        /// The record in words: `ICE awarded ICE-Paragon … (since 2024-09)`.
        public var what: String
        public var date: String?
        /// Field by field, for a changed record: `end: (none) → 2025-03`.
        public var fields: [String: [String]]?
        public var sources: [String]
        public var quotes: [String]
        fileprivate var citations: [String] = []
        /// The citations themselves, for pages that number them their own way (not encoded).
        public fileprivate(set) var evidence: [Citation] = []

        enum CodingKeys: String, CodingKey { case record, id, change, what, date, fields, sources, quotes }
    }

    public var from: String
    public var to: String
    public var items: [Item]
    /// Each link's change, by id, for the drawing (links of both versions; not encoded).
    public private(set) var linkChanges: [String: Change] = [:]
    private var sourceLines: [String] = []

    enum CodingKeys: String, CodingKey { case from, to, items }

    /// Between two versions.
    public init(old: Graph, oldName: String, new: Graph, newName: String) {
        from = oldName
        to = newName
        let diff = GraphDiff(from: old, to: new)
        var numbering = SourceNumbering()
        var items: [Item] = []
        func item(_ record: String, _ id: String, _ change: Change, _ what: String, citations: [Citation], in graph: Graph,
                  fields: [GraphDiff.FieldChange]? = nil) -> Item {
            var item = Item(record: record, id: id, change: change.rawValue, what: what, date: nil,
                            fields: fields.map { Dictionary(uniqueKeysWithValues: $0.map { ($0.field, [$0.before, $0.after]) }) },
                            sources: citations.map(\.source), quotes: citations.compactMap(\.quote))
            item.evidence = citations
            item.citations = citations.map { Wording.citation($0, number: numbering.number(for: $0.source)) }
            return item
        }
        func entityWords(_ entity: Entity) -> String {
            let facts = Wording.facts(of: entity)
            return "\(entity.name) (\(Wording.kind(entity.kind)))" + (facts.isEmpty ? "" : ": " + facts)
        }
        func linkWords(_ link: Relationship, in graph: Graph) -> String {
            let name = { (id: String) in graph.index(ofEntity: id).map { graph.name(of: $0) } ?? id }
            return Wording.statement(link, from: name(link.from), to: name(link.to), in: graph.vocabulary)
        }
        items += diff.addedEntities.map { item("entity", $0.id, .added, entityWords($0), citations: $0.citations, in: new) }
        items += diff.removedEntities.map { item("entity", $0.id, .removed, entityWords($0), citations: $0.citations, in: old) }
        items += diff.changedEntities.map {
            item("entity", $0.id, .changed, entityWords($0.after), citations: $0.after.citations, in: new, fields: $0.fields)
        }
        items += diff.addedLinks.map { item("link", $0.id, .added, linkWords($0, in: new), citations: $0.citations, in: new) }
        items += diff.removedLinks.map { item("link", $0.id, .removed, linkWords($0, in: old), citations: $0.citations, in: old) }
        items += diff.changedLinks.map {
            item("link", $0.id, .changed, linkWords($0.after, in: new), citations: $0.after.citations, in: new, fields: $0.fields)
        }
        self.items = items
        for link in new.relationshipIndices { linkChanges[new.id(of: link)] = .unchanged }
        for link in diff.addedLinks { linkChanges[link.id] = .added }
        for link in diff.removedLinks { linkChanges[link.id] = .removed }
        for change in diff.changedLinks { linkChanges[change.id] = .changed }
        sourceLines = numbering.list(in: new) + numbering.order.filter { new.source(withID: $0) == nil }.compactMap { id in
            old.source(withID: id).map { "  [\((numbering.order.firstIndex(of: id) ?? 0) + 1)] " + Wording.source($0) }
        }
    }

    /// Between two dates on one graph: what began, ended or changed status after `from`, up to `to`.
    public init(graph: Graph, from start: PartialDate, to end: PartialDate) {
        from = start.description
        to = end.description
        var numbering = SourceNumbering()
        // After `from`: a fact that may have happened after the first date's span (its last day
        // is later) counts; one dated within that span or before it held already.
        let facts = Chronology.facts(in: graph, from: start, to: end).filter { $0.date.lastDay > start.lastDay }
        var changes: [String: Change] = [:]
        for link in graph.relationshipIndices { changes[graph.id(of: link)] = .unchanged }
        items = facts.map { fact in
            let change: Change = fact.change == .begins ? .began : fact.change == .ends ? .ended : .status
            var record = "entity", id = "", what = ""
            switch fact.subject {
            case let .entity(index):
                id = graph.id(of: index)
                what = "\(graph.name(of: index)) (\(Wording.kind(graph.kind(of: index))))"
            case let .relationship(index):
                record = "link"
                id = graph.id(of: index)
                let link = graph.relationship(index)
                what = "\(graph.name(of: graph.from(index))) \(Wording.verb(link.kind, in: graph.vocabulary)) \(graph.name(of: graph.to(index)))"
                if changes[id] == .unchanged || change == .ended { changes[id] = change }
            }
            var item = Item(record: record, id: id, change: change.rawValue, what: fact.status.map { "\($0): " + what } ?? what,
                            date: fact.date.description, fields: nil, sources: fact.citations.map(\.source),
                            quotes: fact.citations.compactMap(\.quote))
            item.evidence = fact.citations
            item.citations = fact.citations.map { Wording.citation($0, number: numbering.number(for: $0.source)) }
            return item
        }
        linkChanges = changes
        sourceLines = numbering.list(in: graph)
    }

    public func text() -> String {
        let counts = Change.allCases.compactMap { change -> String? in
            let count = items.filter { $0.change == change.rawValue }.count
            return count == 0 ? nil : "\(count) \(change.rawValue == "status" ? "changed status" : change.rawValue)"
        }
        var lines = ["Changes from \(from) to \(to): " + (counts.isEmpty ? "none" : counts.joined(separator: ", "))]
        let headings: [(Change, String)] = [(.added, "Added"), (.removed, "Removed"), (.changed, "Changed"),
                                            (.began, "Began"), (.ended, "Ended"), (.status, "Changed status")]
        for (change, heading) in headings {
            let group = items.filter { $0.change == change.rawValue }
            guard !group.isEmpty else { continue }
            lines += ["", heading]
            for item in group {
                let mark = change == .added || change == .began ? "+" : change == .removed || change == .ended ? "-" : "~"
                lines.append("  \(mark) \(item.date.map { "\($0)  " } ?? "")\(item.record) '\(item.id)': \(item.what)")
                for (field, values) in (item.fields ?? [:]).sorted(by: { $0.key < $1.key }) {
                    lines.append("      \(field): \(values[0].isEmpty ? "(none)" : values[0]) → \(values[1].isEmpty ? "(none)" : values[1])")
                }
                lines += item.citations.map { "      " + $0 }
            }
        }
        if !sourceLines.isEmpty { lines += ["", "Sources"] + sourceLines }
        return lines.joined(separator: "\n") + "\n"
    }
}
