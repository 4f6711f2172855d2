import ArgumentParser
import ERGraph

/// `ergraph stats`: counts by kind, sources and components.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Summarize a dataset: entities and relationships by kind, sources, components.")

    @OptionGroup var graphOptions: GraphOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let graph = try graphOptions.load()
        let summary = GraphSummary(graph: graph)
        switch format {
        case .json:
            print(try Terminal.json(summary))
        case .text:
            print(Self.text(summary, path: graphOptions.path))
        }
    }

    static func text(_ summary: GraphSummary, path: String) -> String {
        func breakdown(_ counts: [String: Int]) -> String {
            counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
                .map { "\($0.key.replacingOccurrences(of: "_", with: " ")) \($0.value)" }
                .joined(separator: ", ")
        }
        var lines: [String] = []
        lines.append(summary.title.map { "\($0) (\(path))" } ?? path)
        lines.append("  entities       \(summary.entities): \(breakdown(summary.entitiesByKind))")
        lines.append("  relationships  \(summary.relationships): \(breakdown(summary.relationshipsByKind))")
        var sourceLine = "  sources        \(summary.sources), \(summary.citedSources) cited"
        if summary.unsourcedRelationships > 0 {
            sourceLine += "; \(summary.unsourcedRelationships) relationships cite none"
        } else if summary.relationships > 0 {
            sourceLine += "; every relationship cites one"
        }
        lines.append(sourceLine)
        lines.append("  components     \(summary.components) (the largest has \(summary.largestComponent) entities)")
        return lines.joined(separator: "\n")
    }
}
