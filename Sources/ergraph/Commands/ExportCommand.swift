import ArgumentParser
import ERFormats
import ERGraph
import ERRender
import Foundation

/// `ergraph export`: write the graph in a format other tools read.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the graph in a format other tools read.",
        discussion: ExportCommand.formatList)

    /// Built from the exporters, so a new format documents itself.
    static var formatList: String {
        var lines = ["Formats:", "  dot: exactly the DOT that 'render' lays out"]
        for exporter in ExportFormats.all { lines.append("  \(exporter.name): \(exporter.summary)") }
        lines.append("Every export is deterministic: the same data gives the same bytes. csv writes two files, "
                     + "FILE.entities.csv and FILE.relationships.csv, from the stem of -o.")
        return lines.joined(separator: "\n")
    }

    @OptionGroup var graphOptions: GraphOptions
    @Option(help: "The format to write (see the list below).") var format: String = "dot"
    @Option(name: .shortAndLong, help: ArgumentHelp("The file to write (default: standard output).", valueName: "file"))
    var output: String?
    @Option(name: .customLong("cluster-by"), help: "For dot: group entities in boxes: none, kind, owner or agency.")
    var clusterBy: ClusterMode = .none
    @Option(help: "For dot: the diagram's title.") var title: String?

    func validate() throws {
        guard format == "dot" || ExportFormats.named(format) != nil else {
            let names = ["dot"] + ExportFormats.all.map { $0.name }
            throw ValidationError("unknown export format '\(format)'\(Suggestions.didYouMean(format, among: names)); "
                                  + "choose one of \(names.joined(separator: ", "))")
        }
    }

    func run() throws {
        let graph = try graphOptions.load()
        var files: [ExportFile]
        if format == "dot" {
            let diagram = DiagramComposer(options: .init(title: title, clusterBy: clusterBy)).compose(.whole(graph), of: graph)
            for warning in diagram.warnings { Terminal.standardError("ergraph: warning: \(warning)") }
            files = [ExportFile(part: "", data: Data(diagram.dot.utf8))]
        } else if let exporter = ExportFormats.named(format) {
            files = try exporter.export(graph)
        } else {
            files = []
        }
        guard let output else {
            guard files.count == 1 else {
                throw CommandFailure.usage("\(format) writes \(files.count) files: name them with -o FILE")
            }
            FileHandle.standardOutput.write(files[0].data)
            return
        }
        for file in files {
            var path = output
            if !file.part.isEmpty {
                let url = URL(fileURLWithPath: output)
                let stem = url.pathExtension.isEmpty ? url : url.deletingPathExtension()
                path = stem.path + "." + file.part + ".csv"
            }
            do {
                try AtomicFile.write(file.data, to: path)
            } catch {
                throw CommandFailure.data(error.description)
            }
        }
    }
}
