import ArgumentParser
import ERGraph

/// `ergraph show ENTITY`: one entity with its facts, its links and the evidence for each.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one entity: its facts, every link in and out, and the quoted sources.")

    @Argument(help: ArgumentHelp("The entity, by id, name or alias (case-insensitive).", valueName: "entity"))
    var entity: String

    @OptionGroup var graphOptions: GraphOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    struct Report: Encodable {
        var entity: Entity
        var outgoing: [Relationship]
        var incoming: [Relationship]
        var sources: [Source]
    }

    func run() throws {
        let graph = try graphOptions.load()
        let index = try graph.entity(named: entity)
        var outgoing: [RelationshipIndex] = []
        var incoming: [RelationshipIndex] = []
        graph.forEachLink(of: index, direction: .outgoing) { link, _ in outgoing.append(link) }
        graph.forEachLink(of: index, direction: .incoming) { link, _ in
            // A self-link is listed once, as outgoing.
            if graph.from(link) != index { incoming.append(link) }
        }
        switch format {
        case .json:
            let record = graph.entity(index)
            let links = (outgoing + incoming).map(graph.relationship)
            var cited: [String] = []
            for citation in record.citations + record.events.flatMap(\.citations)
                + links.flatMap({ $0.citations + $0.events.flatMap(\.citations) })
            where !cited.contains(citation.source) {
                cited.append(citation.source)
            }
            print(try Terminal.json(Report(entity: record, outgoing: outgoing.map(graph.relationship),
                                           incoming: incoming.map(graph.relationship),
                                           sources: cited.compactMap(graph.source(withID:)))))
        case .text:
            print(text(graph: graph, index: index, outgoing: outgoing, incoming: incoming))
        }
    }

    private func text(graph: Graph, index: EntityIndex, outgoing: [RelationshipIndex],
                      incoming: [RelationshipIndex]) -> String {
        let record = graph.entity(index)
        var numbering = SourceNumbering()
        var lines = ["\(record.name)  (\(record.id), \(record.kind))"]
        if !record.aliases.isEmpty { lines.append("  also known as: \(record.aliases.joined(separator: ", "))") }
        let facts = Describe.facts(validity: record.validity, amounts: record.amounts, events: record.events)
        if !facts.isEmpty { lines.append("  \(facts)") }
        for (key, value) in record.properties.sorted(by: { $0.key < $1.key }) {
            lines.append("  \(key.replacingOccurrences(of: "_", with: " ")): \(value)")
        }
        lines += evidence(record.citations, numbering: &numbering, indent: "  ")

        func linkLines(_ link: RelationshipIndex, arrow: String, other: EntityIndex) -> [String] {
            let relationship = graph.relationship(link)
            var line = "  \(arrow) \(relationship.kind.replacingOccurrences(of: "_", with: " ")) "
                + "\(graph.name(of: other)) (\(graph.id(of: other)))"
            let facts = Describe.facts(validity: relationship.validity, amounts: relationship.amounts,
                                       events: relationship.events)
            if !facts.isEmpty { line += ": \(facts)" }
            return [line] + evidence(relationship.citations, numbering: &numbering, indent: "      ")
        }
        if !outgoing.isEmpty {
            lines.append("")
            lines.append("Outgoing links (\(outgoing.count))")
            for link in outgoing { lines += linkLines(link, arrow: "→", other: graph.to(link)) }
        }
        if !incoming.isEmpty {
            lines.append("")
            lines.append("Incoming links (\(incoming.count))")
            for link in incoming { lines += linkLines(link, arrow: "←", other: graph.from(link)) }
        }
        if !numbering.order.isEmpty {
            lines.append("")
            lines.append("Sources")
            for (position, id) in numbering.order.enumerated() {
                guard let source = graph.source(withID: id) else { continue }
                lines.append("  [\(position + 1)] " + Describe.source(source))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// One line per citation: the quote and the number of its source, or a warning when none.
    private func evidence(_ citations: [Citation], numbering: inout SourceNumbering, indent: String) -> [String] {
        guard !citations.isEmpty else { return ["\(indent)(no source cited)"] }
        return citations.map { citation in
            let reference = "[\(numbering.number(for: citation.source))]"
            let credit = citation.creditedTo.map { ", crediting \($0)" } ?? ""
            guard let quote = citation.quote else { return "\(indent)\(reference)\(credit)" }
            return "\(indent)“\(quote)” \(reference)\(credit)"
        }
    }
}
