import ERGraph

/// One entity: its facts, every link in and out with dates, money and status, and the quote
/// behind each, with numbered sources (`ergraph show`).
public struct EntityAnswer: Answer, Encodable {
    public var entity: Entity
    public var outgoing: [Relationship]
    public var incoming: [Relationship]
    public var sources: [Source]
    /// Each link's number of independent outlets (``Corroboration``), by link id.
    public var independentSources: [String: Int]
    private var lines: [String] = []

    enum CodingKeys: String, CodingKey {
        case entity, outgoing, incoming, sources
        case independentSources = "independent_sources"
    }

    public init(_ index: EntityIndex, in graph: Graph) {
        var outgoingLinks: [RelationshipIndex] = []
        var incomingLinks: [RelationshipIndex] = []
        graph.forEachLink(of: index, direction: .outgoing) { link, _ in outgoingLinks.append(link) }
        graph.forEachLink(of: index, direction: .incoming) { link, _ in
            // A self-link is listed once, as outgoing.
            if graph.from(link) != index { incomingLinks.append(link) }
        }
        entity = graph.entity(index)
        outgoing = outgoingLinks.map(graph.relationship)
        incoming = incomingLinks.map(graph.relationship)
        var cited: [String] = []
        for citation in entity.citations + entity.events.flatMap(\.citations)
            + (outgoing + incoming).flatMap({ $0.citations + $0.events.flatMap(\.citations) })
        where !cited.contains(citation.source) {
            cited.append(citation.source)
        }
        sources = cited.compactMap(graph.source(withID:))
        independentSources = Dictionary((outgoingLinks + incomingLinks).map { (graph.id(of: $0), graph.corroboration(of: $0)) },
                                        uniquingKeysWith: { first, _ in first })
        lines = Self.text(graph: graph, index: index, outgoing: outgoingLinks, incoming: incomingLinks)
    }

    public func text() -> String { lines.joined(separator: "\n") + "\n" }

    private static func text(graph: Graph, index: EntityIndex, outgoing: [RelationshipIndex],
                             incoming: [RelationshipIndex]) -> [String] {
        let record = graph.entity(index)
        var numbering = SourceNumbering()
        var lines = ["\(record.name)  (\(record.id), \(Wording.kind(record.kind)))"]
        if !record.aliases.isEmpty { lines.append("  also known as: \(record.aliases.joined(separator: ", "))") }
        let facts = Wording.facts(of: record)
        if !facts.isEmpty { lines.append("  \(facts)") }
        for (key, value) in record.properties.sorted(by: { $0.key < $1.key }) {
            lines.append("  \(Wording.kind(key)): \(value)")
        }
        lines += evidence(record.citations, numbering: &numbering, indent: "  ")

        func linkLines(_ link: RelationshipIndex, forward: Bool) -> [String] {
            let relationship = graph.relationship(link)
            let other = forward ? graph.to(link) : graph.from(link)
            let line = "  " + Wording.statement(relationship, from: record.name, to: graph.name(of: other), forward: forward,
                                                in: graph.vocabulary) + " [\(graph.id(of: other))]"
                + " · " + Wording.independence(graph.corroboration(of: link))
            return [line] + evidence(relationship.citations, numbering: &numbering, indent: "      ")
        }
        if !outgoing.isEmpty {
            lines += ["", "Outgoing links (\(outgoing.count))"]
            for link in outgoing { lines += linkLines(link, forward: true) }
        }
        if !incoming.isEmpty {
            lines += ["", "Incoming links (\(incoming.count))"]
            for link in incoming { lines += linkLines(link, forward: false) }
        }
        if !numbering.order.isEmpty {
            lines += ["", "Sources"] + numbering.list(in: graph)
        }
        return lines
    }

    /// One line per citation: the quote and the number of its source, or a note when none.
    private static func evidence(_ citations: [Citation], numbering: inout SourceNumbering, indent: String) -> [String] {
        guard !citations.isEmpty else { return [indent + Wording.uncited] }
        return citations.map { indent + Wording.citation($0, number: numbering.number(for: $0.source)) }
    }
}
