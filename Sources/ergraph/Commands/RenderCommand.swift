import ArgumentParser
import ERFormats
import ERGraph
import ERRender
import Foundation

/// `ergraph render`: draw the whole graph or a view of it through Graphviz, in-process.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw the graph, or a view of it, as SVG, PNG, PDF, DOT, JSON or plain text, through Graphviz.",
        discussion: """
            Shapes and colours follow entity kinds, line styles follow relationship kinds; each link \
            shows its money and dates and numbers its sources, listed in the legend. In SVG every \
            entity and link has a tooltip with its details and quotes and links to its source. Views \
            of more than 500 entities get straight edges; more than 2,000 are laid out with sfdp \
            unless --layout says otherwise. Large layouts (over 2,000 entities with dot or neato) and \
            fdp/sfdp run in a child process that --timeout stops.
            """)

    @OptionGroup var graphOptions: GraphOptions
    @OptionGroup var diagram: DiagramArguments

    @Option(name: .shortAndLong, help: ArgumentHelp("The file to write; its extension picks the format.", valueName: "file"))
    var output: String?
    @Option(help: ArgumentHelp("Draw only this entity and what lies within --depth links.", valueName: "entity"))
    var focus: String?
    @Option(help: "With --focus: how many links away to draw.") var depth = 1
    @Option(name: .customLong("highlight-path"), parsing: .upToNextOption,
            help: ArgumentHelp("Draw the shortest path between two entities in bold, the rest dimmed.", valueName: "from to"))
    var highlightPath: [String] = []
    @Option(name: .customLong("as-of"), help: ArgumentHelp("Only what was valid on this date.", valueName: "date"))
    var asOf: String?
    @Option(help: ArgumentHelp("'contract' folds contract entities into buyer → vendor links.", valueName: "contract"))
    var collapse: String?

    func validate() throws {
        if !highlightPath.isEmpty && highlightPath.count != 2 {
            throw ValidationError("--highlight-path takes two entities, FROM and TO")
        }
        if let collapse, collapse != "contract" { throw ValidationError("--collapse takes 'contract'") }
        if depth < 1 { throw ValidationError("--depth must be at least 1") }
        if let asOf, PartialDate(asOf) == nil { throw ValidationError("--as-of '\(asOf)' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD") }
    }

    func run() throws {
        let loaded = try graphOptions.load()
        let graph = collapse == nil ? loaded : ContractProjection.collapse(loaded).graph
        let date = asOf.flatMap(PartialDate.init)
        var view: GraphView
        var subtitles: [String] = []
        if let focus {
            let center = try graph.entity(named: focus)
            view = GraphView.focus(graph, on: center, depth: depth, options: .init(asOf: date))
            subtitles.append("around \(graph.name(of: center)), \(depth) link\(depth == 1 ? "" : "s") deep")
        } else {
            view = GraphView.whole(graph, asOf: date)
        }
        if highlightPath.count == 2 {
            let from = try graph.entity(named: highlightPath[0])
            let to = try graph.entity(named: highlightPath[1])
            guard let path = graph.shortestPath(from: from, to: to, options: .init(asOf: date)) else {
                throw CommandFailure.data("no path from \(graph.name(of: from)) to \(graph.name(of: to)) to highlight")
            }
            view = view.highlighting([path])
            subtitles.append("path from \(graph.name(of: from)) to \(graph.name(of: to)) in bold")
        }
        try diagram.draw(view, of: graph, to: output, subtitle: subtitles.isEmpty ? nil : subtitles.joined(separator: " · "))
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
        guard let dot = FileManager.default.contents(atPath: input) else {
            throw CommandFailure(message: "error: cannot read \(input)", status: 1)
        }
        do {
            let rendered = try Graphviz.render(dotBytes: dot, layout: layout, format: format)
            for warning in rendered.warnings { Terminal.standardError("warning: \(warning)") }
            try AtomicFile.write(rendered.data, to: output)
        } catch let error as GraphvizError {
            Terminal.standardError("error: \(error.message)")
            throw ExitCode(1)
        }
    }
}
