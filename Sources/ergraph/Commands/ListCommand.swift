import ArgumentParser
import ERGraph
import Foundation

/// `ergraph list`: every entity's id, kind and name, to find what to ask about.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List entities (id, kind, name), optionally of some kinds only.")

    @OptionGroup var graphOptions: GraphOptions

    @Option(help: ArgumentHelp("Only entities of these kinds, comma-separated (see 'ergraph kinds').", valueName: "kinds"))
    var kind: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    struct Row: Encodable {
        var id: String
        var kind: String
        var name: String
        var aliases: [String]
    }

    func run() throws {
        let graph = try graphOptions.load()
        var wanted: Set<String>?
        if let kind {
            let kinds = Set(kind.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            let known = graph.vocabulary.entityKinds.map(\.id)
            for name in kinds.sorted() where !known.contains(name) {
                throw CommandFailure.usage("unknown entity kind '\(name)'" + Suggestions.didYouMean(name, among: known))
            }
            wanted = kinds
        }
        let rows = graph.entityIndices
            .filter { wanted?.contains(graph.kind(of: $0)) ?? true }
            .map { Row(id: graph.id(of: $0), kind: graph.kind(of: $0), name: graph.name(of: $0), aliases: graph.aliases(of: $0)) }
            .sorted { ($0.kind, $0.id) < ($1.kind, $1.id) }
        switch format {
        case .json:
            print(try Terminal.json(rows))
        case .text:
            let idWidth = rows.map(\.id.count).max() ?? 0
            let kindWidth = rows.map(\.kind.count).max() ?? 0
            for row in rows {
                let aliases = row.aliases.isEmpty ? "" : " (\(row.aliases.joined(separator: ", ")))"
                print(row.id.padding(toLength: idWidth, withPad: " ", startingAt: 0) + "  "
                      + row.kind.padding(toLength: kindWidth, withPad: " ", startingAt: 0) + "  " + row.name + aliases)
            }
        }
    }
}
