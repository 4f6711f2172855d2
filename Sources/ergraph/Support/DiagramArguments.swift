import ArgumentParser
import ERFormats
import ERGraph
import ERRender
import Foundation

extension GraphvizLayout: ExpressibleByArgument {}
extension GraphvizFormat: ExpressibleByArgument {}
extension ClusterMode: ExpressibleByArgument {}

/// Options for drawing, shared by `render` and the `--render` of `path` and `neighbors`.
struct DiagramArguments: ParsableArguments {
    @Option(help: "Layout engine: dot, neato, fdp, sfdp, circo or twopi (default: dot; sfdp above 2,000 entities).")
    var layout: GraphvizLayout?
    @Option(name: .customLong("image-format"),
            help: "Image format: svg, png, pdf, dot, json or plain (default: from the file's extension, else svg).")
    var imageFormat: GraphvizFormat?
    @Option(name: .customLong("cluster-by"), help: "Group entities in boxes: none, kind, owner or agency.")
    var clusterBy: ClusterMode = .none
    @Option(help: "The diagram's title (default: the dataset's).") var title: String?
    @Option(help: ArgumentHelp("Stop a layout that runs longer than this many seconds.", valueName: "seconds"))
    var timeout: Int = 120

    func validate() throws {
        if timeout < 1 { throw ValidationError("--timeout must be at least 1 second") }
    }

    /// The format for `path`: the explicit one, else the extension's, else SVG.
    func format(for path: String?) throws -> GraphvizFormat {
        if let imageFormat { return imageFormat }
        guard let path else { return .svg }
        let fileExtension = URL(fileURLWithPath: path).pathExtension
        guard let format = GraphvizFormat(fileExtension: fileExtension) else {
            throw CommandFailure.usage("cannot tell the image format from '\(path)': name it .svg, .png, .pdf, .dot, .json or .plain, "
                                       + "or give --image-format")
        }
        return format
    }

    /// Composes, lays out, renders and writes `view`: to `path`, else standard output (text formats only).
    func draw(_ view: GraphView, of graph: Graph, to path: String?, subtitle: String? = nil) throws {
        let diagram = DiagramComposer(options: .init(title: title, subtitle: subtitle, clusterBy: clusterBy)).compose(view, of: graph)
        for warning in diagram.warnings { Terminal.standardError("ergraph: warning: \(warning)") }
        let format = try format(for: path)
        if path == nil && (format == .png || format == .pdf) {
            throw CommandFailure.usage("\(format.rawValue) is binary: give a file with -o")
        }
        let entityCount = view.entities.count
        let layout = self.layout ?? GraphvizLayout.suggested(forEntities: entityCount)
        if self.layout == nil && layout != .dot {
            Terminal.standardError("ergraph: note: \(entityCount) entities, more than dot lays out in reasonable time "
                                   + "(\(GraphvizLayout.dotEntityLimit)): drawn with \(layout.rawValue); "
                                   + "--layout dot insists, or draw less with --focus ENTITY --depth N")
        }
        let renderer = DiagramRenderer(layout: layout, format: format, timeout: .seconds(timeout), worker: Self.ownExecutable)
        let rendered: Rendered
        do {
            rendered = try renderer.render(diagram)
        } catch {
            throw CommandFailure.data(error.message)
        }
        for warning in rendered.warnings { Terminal.standardError("ergraph: warning: graphviz: \(warning)") }
        if let path {
            do {
                try AtomicFile.write(rendered.data, to: path)
            } catch {
                throw CommandFailure.data(error.description)
            }
        } else {
            FileHandle.standardOutput.write(rendered.data)
        }
    }

    /// This program, to run layouts in a child process.
    static var ownExecutable: URL? {
        let link = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        if FileManager.default.isExecutableFile(atPath: link.path) { return link }
        return CommandLine.arguments.first.map { URL(fileURLWithPath: $0) }
    }
}
