import ArgumentParser
import ERGraph

/// How far and which way `neighbors` walks.
enum WalkDirection: String, ExpressibleByArgument, CaseIterable {
    case out, `in`, both

    var direction: Direction {
        switch self {
        case .out: .outgoing
        case .in: .incoming
        case .both: .both
        }
    }
}

/// `ergraph neighbors ENTITY`: what lies within N links of an entity.
struct NeighborsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "neighbors",
        abstract: "List the entities within --depth links of an entity, nearest first, with the link that reaches each.")

    @Argument(help: "The entity (id, name or alias).") var entity: String
    @OptionGroup var graphOptions: GraphOptions
    @OptionGroup var traversal: TraversalArguments
    @Option(help: "How many links away to look.") var depth = 1
    @Option(help: "Which links to follow: out (along their direction), in, or both.") var direction: WalkDirection = .both
    @Option(help: "Output format: text, json or csv.") var format: AnswerFormat = .text
    @Option(help: ArgumentHelp("Also draw the neighbourhood to this file (format from its extension).", valueName: "file"))
    var render: String?
    @OptionGroup(title: "Drawing (with --render)") var diagram: DiagramArguments

    struct Row: Encodable {
        var id: String
        var name: String
        var kind: String
        var depth: Int
        var via: String
        var relationship: String
        var relationshipKind: String
    }

    func validate() throws {
        if depth < 1 { throw ValidationError("--depth must be at least 1") }
    }

    func run() throws {
        let context = try TraversalGraph(graphOptions: graphOptions, keepContractNodes: traversal.keepContractNodes)
        let graph = context.graph
        let start = try context.entity(named: entity)
        let options = try traversal.options(for: graph, direction: direction.direction)
        let found = graph.neighborhood(of: start, depth: depth, options: options)
        let rows = found.map { neighbor in
            Row(id: graph.id(of: neighbor.entity), name: graph.name(of: neighbor.entity), kind: graph.kind(of: neighbor.entity),
                depth: neighbor.depth, via: graph.id(of: neighbor.via), relationship: graph.id(of: neighbor.relationship),
                relationshipKind: graph.kind(of: neighbor.relationship))
        }
        switch format {
        case .json:
            print(try Terminal.json(rows))
        case .csv:
            print(Table.csv(["depth", "id", "name", "kind", "via", "relationship", "relationship_kind"],
                            rows.map { [String($0.depth), $0.id, $0.name, $0.kind, $0.via, $0.relationship, $0.relationshipKind] }),
                  terminator: "")
        case .text:
            print("\(rows.count) entit\(rows.count == 1 ? "y" : "ies") within \(depth) link\(depth == 1 ? "" : "s") of \(graph.name(of: start))")
            print(Table.text(rows.map { row in
                let arrow = graph.index(ofEntity: row.via).map { graph.name(of: $0) } ?? row.via
                return ["\(row.depth)", row.name, row.kind, "\(row.relationshipKind.replacingOccurrences(of: "_", with: " ")) from \(arrow)"]
            }))
        }
        if let render {
            let view = GraphView.induced(graph, entities: [start] + found.map(\.entity), options: options, focus: start)
            try diagram.draw(view, of: graph, to: render,
                             subtitle: "within \(depth) link\(depth == 1 ? "" : "s") of \(graph.name(of: start))")
        }
    }
}
