import ERGraph
import Foundation

/// The answer to "how is X connected to Y, and how do I know?": paths hop by hop, each hop with
/// its exact link, dates, money, status and quoted sources. Writes text, JSON or CSV.
public struct PathReport: Encodable, Sendable {
    public struct EntityRecord: Encodable, Sendable, Equatable {
        public var id: String
        public var name: String
        public var kind: String
    }

    public struct SourceRecord: Encodable, Sendable, Equatable {
        public var source: String
        public var title: String?
        public var publisher: String?
        public var url: String?
        public var published: String?
        public var quote: String?
        public var creditedTo: String?

        enum CodingKeys: String, CodingKey {
            case source, title, publisher, url, published, quote
            case creditedTo = "credited_to"
        }
    }

    public struct LinkRecord: Encodable, Sendable {
        public var id: String
        public var kind: String
        public var from: String
        public var to: String
        /// `forward` when walked along the link, `backward` when against it.
        public var direction: String
        public var start: String?
        public var end: String?
        public var amounts: [Money]
        public var events: [StatusEvent]
        public var properties: [String: PropertyValue]
        public var sources: [SourceRecord]
        /// Other links joining the same two entities when paths are told apart by their
        /// entities (`path --k`): the route takes this link, and these say the same pair is
        /// linked again. Absent otherwise.
        public var parallel: [String]?
    }

    public struct PathRecord: Encodable, Sendable {
        public var length: Int
        public var cost: Double
        public var nodes: [EntityRecord]
        public var relationships: [LinkRecord]
    }

    public var from: EntityRecord
    public var to: EntityRecord
    public var paths: [PathRecord]

    /// - Parameter parallelLinks: when given, each hop also lists the links it returns (see
    ///   ``LinkRecord/parallel``).
    public init(graph: Graph, from source: EntityIndex, to target: EntityIndex, paths: [Path],
                parallelLinks: ((Hop) -> [RelationshipIndex])? = nil) {
        func entity(_ index: EntityIndex) -> EntityRecord {
            EntityRecord(id: graph.id(of: index), name: graph.name(of: index), kind: graph.kind(of: index))
        }
        from = entity(source)
        to = entity(target)
        self.paths = paths.map { path in
            PathRecord(length: path.length, cost: path.cost, nodes: path.entities.map(entity),
                       relationships: path.hops(in: graph).map { hop in
                           let record = graph.relationship(hop.relationship)
                           return LinkRecord(
                               id: record.id, kind: record.kind, from: record.from, to: record.to,
                               direction: hop.forward ? "forward" : "backward",
                               start: record.validity.start?.description, end: record.validity.end?.description,
                               amounts: record.amounts, events: record.events, properties: record.properties,
                               sources: record.citations.map { citation in
                                   let source = graph.source(withID: citation.source)
                                   return SourceRecord(source: citation.source, title: source?.title,
                                                       publisher: source?.publisher, url: source?.url,
                                                       published: source?.published?.description,
                                                       quote: citation.quote, creditedTo: citation.creditedTo)
                               },
                               parallel: parallelLinks.map { list in list(hop).map { graph.id(of: $0) } })
                       })
        }
    }

    // MARK: JSON

    /// Stable JSON: sorted keys, so two runs give the same bytes.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    // MARK: CSV

    public static let csvHeader = ["path", "hop", "from", "from_name", "direction", "relationship", "kind", "to", "to_name",
                                   "start", "end", "amounts", "status", "sources", "quotes"]

    /// One row per hop (RFC 4180 quoting), with a header unless `header` is false.
    public func csv(header: Bool = true) -> String {
        var rows: [[String]] = header ? [Self.csvHeader] : []
        for (pathNumber, path) in paths.enumerated() {
            for (hopNumber, link) in path.relationships.enumerated() {
                let fromNode = path.nodes[hopNumber], toNode = path.nodes[hopNumber + 1]
                rows.append([
                    String(pathNumber + 1), String(hopNumber + 1), fromNode.id, fromNode.name, link.direction,
                    link.id, link.kind, toNode.id, toNode.name, link.start ?? "", link.end ?? "",
                    link.amounts.map { "\($0.exactAmount) \($0.currency) \($0.kind.rawValue)" }.joined(separator: "; "),
                    link.events.map { event in event.date.map { "\(event.status) \($0)" } ?? event.status }.joined(separator: "; "),
                    Array(Set(link.sources.map(\.source))).sorted().joined(separator: "; "),
                    link.sources.compactMap(\.quote).joined(separator: " | "),
                ])
            }
        }
        return rows.map { $0.map(CSVField.escape).joined(separator: ",") }.joined(separator: "\n") + (rows.isEmpty ? "" : "\n")
    }

    // MARK: Text

    /// A readable explanation: one line per path with its arrows, then each hop's evidence and
    /// the numbered sources.
    public func text(graph: Graph) -> String {
        var lines: [String] = []
        var sourceOrder: [String] = []
        func number(_ source: String) -> Int {
            if let index = sourceOrder.firstIndex(of: source) { return index + 1 }
            sourceOrder.append(source)
            return sourceOrder.count
        }
        let plural = paths.count == 1 ? "" : "s"
        lines.append("\(paths.count) path\(plural) from \(from.name) to \(to.name)")
        for (position, path) in paths.enumerated() {
            lines.append("")
            let costNote = path.cost == Double(path.length) ? "" : ", cost \(Self.number(path.cost))"
            lines.append("Path \(position + 1) (\(path.length) hop\(path.length == 1 ? "" : "s")\(costNote))")
            lines.append("  " + Self.arrows(path, graph: graph))
            for (hop, link) in path.relationships.enumerated() {
                let fromNode = path.nodes[hop], toNode = path.nodes[hop + 1]
                let arrow = link.direction == "forward" ? "→" : "←"
                var heading = "  \(hop + 1). \(fromNode.name) \(arrow) \(toNode.name): \(Self.verb(link.kind))"
                if case let .text(contractName)? = link.properties["contract_name"] {
                    heading += ", \(contractName)"
                }
                heading += " [\(link.id)]"
                lines.append(heading)
                if link.sources.isEmpty { lines.append("       (no source cited)") }
                for source in link.sources {
                    let credit = source.creditedTo.map { ", crediting \($0)" } ?? ""
                    let reference = "[\(number(source.source))]"
                    lines.append("       " + (source.quote.map { "“\($0)” " } ?? "") + reference + credit)
                }
                if let parallel = link.parallel, !parallel.isEmpty {
                    let others = parallel.count == 1 ? "1 other link" : "\(parallel.count) other links"
                    lines.append("       also linked by \(others): " + parallel.prefix(5).joined(separator: ", ")
                                 + (parallel.count > 5 ? ", …" : ""))
                }
            }
        }
        if !sourceOrder.isEmpty {
            lines.append("")
            lines.append("Sources")
            for (position, id) in sourceOrder.enumerated() {
                guard let source = graph.source(withID: id) else { continue }
                var parts: [String] = []
                if let publisher = source.publisher { parts.append(publisher) }
                parts.append("\"\(source.title)\"")
                if let published = source.published { parts.append(published.description) }
                if let url = source.url { parts.append(url) }
                lines.append("  [\(position + 1)] " + parts.joined(separator: ", "))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// One line with the path's arrows: `ICE —awarded $2M (2024-09)→ Paragon Solutions ←acquired (2024-12)— AE Industrial`.
    public static func arrows(_ path: PathRecord, graph: Graph) -> String {
        var line = displayName(path.nodes[0], graph: graph)
        for (hop, link) in path.relationships.enumerated() {
            let label = Self.label(link)
            let target = displayName(path.nodes[hop + 1], graph: graph)
            line += link.direction == "forward" ? " —\(label)→ \(target)" : " ←\(label)— \(target)"
        }
        return line
    }

    /// An acronym alias (ICE, HSI, CBP) reads better on an arrow than the full name.
    static func displayName(_ entity: EntityRecord, graph: Graph) -> String {
        guard let index = graph.index(ofEntity: entity.id) else { return entity.name }
        let acronym = graph.aliases(of: index).first { alias in
            alias.count <= 6 && alias.count < entity.name.count && alias.allSatisfy { $0.isUppercase || $0.isNumber }
        }
        return acronym ?? entity.name
    }

    /// `awarded $2M (2024-09; stop-work order 2024, stop-work order lifted 2025)`.
    static func label(_ link: LinkRecord) -> String {
        var text = verb(link.kind)
        if !link.amounts.isEmpty {
            // One amount reads plainly; several are told apart by their kind.
            text += " " + (link.amounts.count == 1 ? link.amounts[0].compact
                           : link.amounts.map { "\($0.compact) \($0.kind.rawValue)" }.joined(separator: ", "))
        }
        var facts: [String] = []
        switch (link.start, link.end) {
        case let (start?, end?): facts.append("\(start) – \(end)")
        case let (start?, nil): facts.append(start)
        case let (nil, end?): facts.append("until \(end)")
        case (nil, nil): break
        }
        let events = link.events.filter { $0.status != "signed" }
            .map { event in event.date.map { "\(event.status) \($0)" } ?? event.status }
        if !events.isEmpty { facts.append(events.joined(separator: ", ")) }
        if !facts.isEmpty { text += " (\(facts.joined(separator: "; ")))" }
        return text
    }

    /// How a kind reads on an arrow: a folded contract reads as what happened, "awarded".
    static func verb(_ kind: String) -> String {
        kind == "contracted" ? "awarded" : kind.replacingOccurrences(of: "_", with: " ")
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

/// RFC 4180 field quoting, shared by every CSV writer.
public enum CSVField {
    /// Quotes a field when it holds a comma, a quote, a line break or leading/trailing space.
    public static func escape(_ field: String) -> String {
        let needsQuotes = field.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || field.first == " " || field.last == " "
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
