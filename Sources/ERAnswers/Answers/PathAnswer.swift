import ERFormats
import ERGraph
import Foundation

/// The answer to "how is X connected to Y, and how do I know?": paths hop by hop, each hop with
/// its exact link, dates, money, status and quoted sources. Written as text, JSON or CSV.
public struct PathAnswer: Answer, Encodable {
    public struct EntityRecord: Encodable, Sendable, Equatable {
        public var id: String
        public var name: String
        public var kind: String
        /// The money, dates and status of an entity that carries them (a contract kept as an
        /// entity on the path): what its hops no longer say.
        public var facts: String?
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
        /// The hop in words, walked in the path's direction (``Wording/statement(_:from:to:forward:)``):
        /// the same line the text answer and the diagram's tooltip give.
        public var statement: String
        /// Other links joining the same two entities when paths are told apart by the entities
        /// they pass (k shortest routes): the route takes this link, and these say the same
        /// pair is linked again. Absent otherwise.
        public var parallel: [String]?
        /// How many independent outlets the link rests on (``Corroboration``).
        public var independentSources: Int

        enum CodingKeys: String, CodingKey {
            case id, kind, from, to, direction, start, end, amounts, events, properties, sources, statement, parallel
            case independentSources = "independent_sources"
        }
    }

    public struct PathRecord: Encodable, Sendable {
        public var length: Int
        public var cost: Double
        public var nodes: [EntityRecord]
        public var relationships: [LinkRecord]
        /// The money along the path: its hops' amounts and those of the contracts it passes
        /// through, summed per currency and kind of amount (paid is never added to a ceiling).
        public var money: [Money] = []
        /// Each hop's arrow label, in order, for the one-line chain (not encoded).
        fileprivate var labels: [String] = []
        fileprivate var displayNames: [String] = []

        enum CodingKeys: String, CodingKey { case length, cost, nodes, relationships, money }
    }

    public var from: EntityRecord
    public var to: EntityRecord
    public var paths: [PathRecord]
    /// What the reader must know to read the paths right: undated links kept on a date
    /// question, links left out of a weighted search.
    public var notes: [String] = []
    /// The undated links the paths use on a date question (ids).
    public var undated: [String]?
    /// The numbered sources, in the order the hops cite them (not encoded: each hop carries its
    /// sources in full).
    private var sourceList: [String] = []

    enum CodingKeys: String, CodingKey { case from, to, paths, notes, undated }

    /// - Parameter parallelLinks: when given, each hop also lists the links it returns (see
    ///   ``LinkRecord/parallel``).
    public init(graph: Graph, from source: EntityIndex, to target: EntityIndex, paths: [Path],
                parallelLinks: ((Hop) -> [RelationshipIndex])? = nil) {
        func entity(_ index: EntityIndex) -> EntityRecord {
            EntityRecord(id: graph.id(of: index), name: graph.name(of: index), kind: graph.kind(of: index))
        }
        func stop(_ index: EntityIndex) -> EntityRecord {
            var record = entity(index)
            if graph.hasDetails(index) {
                let facts = Wording.facts(of: graph.entity(index))
                if !facts.isEmpty && (record.kind == EntityKinds.contract || !graph.entity(index).amounts.isEmpty) { record.facts = facts }
            }
            return record
        }
        from = entity(source)
        to = entity(target)
        var numbering = SourceNumbering()
        self.paths = paths.map { path in
            let hops = path.hops(in: graph)
            var record = PathRecord(length: path.length, cost: path.cost, nodes: path.entities.map(stop), relationships: [])
            record.displayNames = path.entities.map { Self.displayName($0, graph: graph) }
            var totals = MoneyTotals()
            for entity in path.entities.dropFirst().dropLast() where graph.kind(of: entity) == EntityKinds.contract && graph.hasDetails(entity) {
                for amount in graph.entity(entity).amounts { totals.add(amount) }
            }
            for hop in hops {
                let link = graph.relationship(hop.relationship)
                for amount in link.amounts { totals.add(amount) }
                record.labels.append(Wording.arrowLabel(link, in: graph.vocabulary))
                record.relationships.append(LinkRecord(
                    id: link.id, kind: link.kind, from: link.from, to: link.to,
                    direction: hop.forward ? "forward" : "backward",
                    start: link.validity.start?.description, end: link.validity.end?.description,
                    amounts: link.amounts, events: link.events, properties: link.properties,
                    sources: link.citations.map { citation in
                        _ = numbering.number(for: citation.source)
                        let source = graph.source(withID: citation.source)
                        return SourceRecord(source: citation.source, title: source?.title, publisher: source?.publisher,
                                            url: source?.url, published: source?.published?.description,
                                            quote: citation.quote, creditedTo: citation.creditedTo)
                    },
                    statement: Wording.statement(link, from: graph.name(of: hop.from), to: graph.name(of: hop.to),
                                                 forward: hop.forward, in: graph.vocabulary),
                    parallel: parallelLinks.map { list in list(hop).map { graph.id(of: $0) } },
                    independentSources: graph.corroboration(of: hop.relationship)))
            }
            record.money = totals.totals
            return record
        }
        sourceList = numbering.order
        sourceLines = numbering.list(in: graph)
    }

    private var sourceLines: [String] = []

    // MARK: CSV

    public static let csvHeader = ["path", "hop", "from", "from_name", "direction", "relationship", "kind", "to", "to_name",
                                   "start", "end", "amounts", "status", "sources", "quotes"]

    /// One row per hop (RFC 4180 quoting), with a header.
    public func csv() -> String? {
        var rows: [[String]] = []
        for (pathNumber, path) in paths.enumerated() {
            for (hopNumber, link) in path.relationships.enumerated() {
                let fromNode = path.nodes[hopNumber], toNode = path.nodes[hopNumber + 1]
                rows.append([
                    String(pathNumber + 1), String(hopNumber + 1), fromNode.id, fromNode.name, link.direction,
                    link.id, link.kind, toNode.id, toNode.name, link.start ?? "", link.end ?? "",
                    link.amounts.map { "\($0.exactAmount) \($0.currency) \($0.kind.rawValue)" }.joined(separator: "; "),
                    link.events.map(Wording.event).joined(separator: "; "),
                    Array(Set(link.sources.map(\.source))).sorted().joined(separator: "; "),
                    link.sources.compactMap(\.quote).joined(separator: " | "),
                ])
            }
        }
        return TextTable.csv(Self.csvHeader, rows)
    }

    // MARK: Text

    /// A readable explanation: one line per path with its arrows, then each hop's statement,
    /// its contract, its quotes and the numbered sources.
    public func text() -> String {
        var lines: [String] = [Wording.count(paths.count, "path") + " from \(from.name) to \(to.name)"]
        lines += notes.map { "  note: \($0)" }
        for (position, path) in paths.enumerated() {
            lines.append("")
            let costNote = path.cost == Double(path.length) ? "" : ", cost \(Wording.number(path.cost))"
            lines.append("Path \(position + 1) (\(Wording.count(path.length, "hop"))\(costNote))")
            lines.append("  " + Self.chain(path))
            if let money = Wording.money(path.money) { lines.append("  money along the path: \(money)") }
            for (hop, link) in path.relationships.enumerated() {
                lines.append("  \(hop + 1). \(link.statement)")
                let reached = path.nodes[hop + 1]
                if let facts = reached.facts, hop + 1 < path.nodes.count - 1 {
                    lines.append("       \(reached.name): \(facts)")
                }
                var reference = "[\(link.id)]"
                if case let .text(contractName)? = link.properties["contract_name"] {
                    reference = "contract: \(contractName) " + reference
                }
                lines.append("       " + reference + " · " + Wording.independence(link.independentSources))
                if link.sources.isEmpty { lines.append("       " + Wording.uncited) }
                for source in link.sources {
                    let number = (sourceList.firstIndex(of: source.source) ?? 0) + 1
                    lines.append("       " + Wording.citation(Citation(source: source.source, quote: source.quote,
                                                                        creditedTo: source.creditedTo), number: number))
                }
                if let parallel = link.parallel, !parallel.isEmpty {
                    lines.append("       also linked by \(Wording.count(parallel.count, "other link")): "
                                 + parallel.prefix(5).joined(separator: ", ") + (parallel.count > 5 ? ", …" : ""))
                }
            }
        }
        if !sourceLines.isEmpty {
            lines += ["", "Sources"] + sourceLines
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One line with the path's arrows:
    /// `ICE —awarded ($2M reported; since 2024-09)→ Paragon Solutions ←acquired (since 2024-12)— AE Industrial`.
    public static func chain(_ path: PathRecord) -> String {
        guard let first = path.displayNames.first else { return "" }
        var line = first
        for (hop, link) in path.relationships.enumerated() {
            let target = path.displayNames[hop + 1]
            line += link.direction == "forward" ? " —\(path.labels[hop])→ \(target)" : " ←\(path.labels[hop])— \(target)"
        }
        return line
    }

    /// An acronym alias (ICE, HSI, CBP) reads better on an arrow than the full name.
    static func displayName(_ entity: EntityIndex, graph: Graph) -> String {
        let name = graph.name(of: entity)
        let acronym = graph.aliases(of: entity).first { alias in
            alias.count <= 6 && alias.count < name.count && alias.allSatisfy { $0.isUppercase || $0.isNumber }
        }
        return acronym ?? name
    }
}
