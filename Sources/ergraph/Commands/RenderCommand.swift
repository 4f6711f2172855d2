import ArgumentParser
import ERAnswers
import Foundation

/// `ergraph render`: draw the whole graph or a view of it through Graphviz, in-process.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw the graph, or a view of it, as SVG, PNG, PDF, DOT, JSON or plain text, through Graphviz.",
        discussion: """
            Shapes and colours follow entity kinds, line styles follow relationship kinds; each link \
            shows its money and dates and numbers its sources, listed in the legend. In SVG every \
            entity and link has a tooltip with its details and quotes and links to its source. \
            Contracts are folded into buyer → vendor links unless --keep-contract-nodes. Views \
            of more than 500 entities get straight edges; more than 2,000 are laid out with sfdp \
            unless --layout says otherwise. Large layouts (over 2,000 entities with dot or neato) and \
            fdp/sfdp run in a child process that --timeout stops. --highlight-path finds its path \
            exactly as 'ergraph path' does, under the same --via, --through, --avoid, --max-degree \
            and --as-of.
            """)

    @OptionGroup var graphOptions: GraphOptions
    @OptionGroup var diagram: DiagramArguments
    @OptionGroup(title: "What to draw") var traversal: TraversalArguments

    @Option(name: .shortAndLong, help: ArgumentHelp("The file to write; its extension picks the format.", valueName: "file"))
    var output: String?
    @Option(help: ArgumentHelp("Draw only this entity and what lies within --depth links.", valueName: "entity"))
    var focus: String?
    @Option(help: "With --focus: how many links away to draw.") var depth = 1
    @Option(name: .customLong("highlight-path"), parsing: .upToNextOption,
            help: ArgumentHelp("Draw the shortest path between two entities in bold, the rest dimmed.", valueName: "from to"))
    var highlightPath: [String] = []
    @Flag(help: "With --highlight-path: follow links only along their direction.") var directed = false

    func validate() throws {
        if !highlightPath.isEmpty && highlightPath.count != 2 {
            throw ValidationError("--highlight-path takes two entities, FROM and TO")
        }
        if depth < 1 { throw ValidationError("--depth must be at least 1") }
    }

    func run() throws {
        let opened = try graphOptions.open()
        let constraints = traversal.constraints(direction: .both)
        var highlight: PathQuery?
        if highlightPath.count == 2 {
            highlight = PathQuery(from: highlightPath[0], to: highlightPath[1],
                                  constraints: traversal.constraints(direction: directed ? .outgoing : .both),
                                  keepContractNodes: traversal.keepContractNodes)
        }
        let query = MapQuery(focus: focus, depth: depth, constraints: constraints, keepContractNodes: traversal.keepContractNodes,
                             highlight: highlight)
        let map = try Terminal.answering { () throws(AnswerError) in try query.run(on: opened) }
        try diagram.draw(map.view, of: map.context.graph, to: output, subtitle: map.subtitle, defaultStyle: focus == nil ? .print : .screen)
    }
}

/// `ergraph render-worker`: renders one DOT file in-process; run by ergraph itself as a child
/// process for layouts that must be stoppable or reproducible.
struct RenderWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "render-worker", abstract: "Internal: render one DOT file.",
                                                    shouldDisplay: false)

    @Option var layout: GraphvizLayout
    @Option var format: GraphvizFormat
    @Option var input: String
    @Option var output: String

    func run() throws {
        do {
            for warning in try LayoutWorker.run(layout: layout, format: format, input: input, output: output) {
                Terminal.standardError("warning: \(warning)")
            }
        } catch {
            Terminal.standardError("error: \(error.description)")
            throw ExitCode(1)
        }
    }
}

/// `ergraph parse-worker`: parses one DOT file through cgraph and writes what it read as JSON;
/// run by `import --from dot` as a child process, so a parser crash cannot take the import down.
struct ParseWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "parse-worker", abstract: "Internal: parse one DOT file.",
                                                    shouldDisplay: false)

    @Option var input: String
    @Option var output: String

    func run() throws {
        do {
            try LayoutWorker.parse(input: input, output: output)
        } catch {
            Terminal.standardError("error: \(error.description)")
            throw ExitCode(1)
        }
    }
}
