import ArgumentParser
import ERAnswers

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

    func validate() throws {
        if depth < 1 { throw ValidationError("--depth must be at least 1") }
    }

    func run() throws {
        let opened = try graphOptions.open()
        let query = NeighborhoodQuery(entity: entity, depth: depth, constraints: traversal.constraints(direction: direction.direction),
                                      keepContractNodes: traversal.keepContractNodes)
        let result = try Terminal.answering { () throws(AnswerError) in try query.run(on: opened) }
        try Terminal.print(result.answer, as: format)
        if let render { try diagram.draw(result.view, of: result.context.graph, to: render, subtitle: result.subtitle) }
    }
}
