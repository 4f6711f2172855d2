import ArgumentParser
import ERAnswers
import Foundation

extension GraphvizLayout: ExpressibleByArgument {}
extension GraphvizFormat: ExpressibleByArgument {}
extension ClusterMode: ExpressibleByArgument {}
extension DiagramStyle: ExpressibleByArgument {}

/// Options for drawing, shared by `render` and the `--render` of `path`, `neighbors` and `query`.
struct DiagramArguments: ParsableArguments {
    @Option(help: "Layout engine: dot, neato, fdp, sfdp, circo or twopi (default: dot; sfdp above 2,000 entities or 1.5 links per entity).")
    var layout: GraphvizLayout?
    @Option(name: .customLong("image-format"),
            help: "Image format: svg, png, pdf, dot, json or plain (default: from the file's extension, else svg).")
    var imageFormat: GraphvizFormat?
    @Option(name: .customLong("cluster-by"), help: "Group entities in boxes: none, kind, owner or agency.")
    var clusterBy: ClusterMode = .none
    @Option(help: "The diagram's title (default: the dataset's).") var title: String?
    @Option(help: ArgumentHelp("print (readable in an article's column: wrapped names, only informative link labels, caption and sources below), screen (every label, legend beside) or poster (screen in larger type). Default: print for the whole graph and paths, screen for focus, neighbour and query views.",
                               valueName: "style"))
    var style: DiagramStyle?
    @Option(help: ArgumentHelp("A sentence under the title.", valueName: "text")) var caption: String?
    @Option(help: ArgumentHelp("Stop a layout that runs longer than this many seconds.", valueName: "seconds"))
    var timeout: Int = 120

    func validate() throws {
        if timeout < 1 { throw ValidationError("--timeout must be at least 1 second") }
    }

    /// The format for `path`: the explicit one, else the extension's, else SVG.
    func format(for path: String?) throws -> GraphvizFormat {
        if let imageFormat { return imageFormat }
        guard let path else { return .svg }
        guard let format = GraphvizFormat(fileExtension: URL(fileURLWithPath: path).pathExtension) else {
            throw CommandFailure.usage("cannot tell the image format from '\(path)': name it .svg, .png, .pdf, .dot, .json or .plain, "
                                       + "or give --image-format")
        }
        return format
    }

    /// Draws `view` and writes it to `path` (whole or not at all), else to standard output
    /// (text formats only); says on standard error what was written.
    func draw(_ view: GraphView, of graph: Graph, to path: String?, subtitle: String? = nil,
              defaultStyle: DiagramStyle = .screen) throws {
        let format = try format(for: path)
        if path == nil && (format == .png || format == .pdf) {
            throw CommandFailure.usage("\(format.rawValue) is binary: give a file with -o")
        }
        var request = DrawingRequest(title: title, subtitle: subtitle, clusterBy: clusterBy, layout: layout, format: format,
                                     timeout: .seconds(timeout), worker: Self.ownExecutable)
        request.style = style ?? defaultStyle
        request.caption = caption
        let drawn = try Terminal.answering { () throws(AnswerError) in try request.draw(view, of: graph) }
        if let chosen = drawn.layoutChosen {
            let why = chosen.entities > GraphvizLayout.dotEntityLimit
                ? "more than dot lays out in reasonable time (\(Wording.grouped(GraphvizLayout.dotEntityLimit)))"
                : "too dense for dot's layered drawing in reasonable time"
            Terminal.note("\(Wording.count(chosen.entities, "entity", "entities")) and \(Wording.count(chosen.links, "link")), "
                          + "\(why): drawn with \(chosen.layout.rawValue); --layout dot insists, or draw less with --focus ENTITY --depth N")
        }
        for warning in drawn.warnings { Terminal.warning(warning) }
        guard let path else {
            FileHandle.standardOutput.write(drawn.data)
            return
        }
        try Terminal.answering { () throws(AnswerError) in try OutputFiles.write(drawn.data, to: path) }
        Terminal.standardError("wrote \(path)")
    }

    /// This program, to run layouts in a child process.
    static var ownExecutable: URL? {
        let link = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        if FileManager.default.isExecutableFile(atPath: link.path) { return link }
        return CommandLine.arguments.first.map { URL(fileURLWithPath: $0) }
    }
}
