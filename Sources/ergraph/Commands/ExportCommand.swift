import ArgumentParser
import ERAnswers
import Foundation

/// `ergraph export`: write the graph in a format other tools read.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the graph in a format other tools read.",
        discussion: ExportCommand.formatList)

    /// Built from the registry, so a new format documents itself.
    static var formatList: String {
        var lines = ["Formats:"]
        for format in ExportRegistry.all { lines.append("  \(format.name): \(format.summary)") }
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
        guard ExportRegistry.named(format) != nil else {
            let names = ExportRegistry.names
            throw ValidationError("unknown export format '\(format)'\(Suggestions.didYouMean(format, among: names)); "
                                  + "choose one of \(names.joined(separator: ", "))")
        }
    }

    func run() throws {
        let graph = try graphOptions.open().graph
        guard let exporter = ExportRegistry.named(format) else { return }
        let written = try exporter.write(graph, ExportOptions(title: title, clusterBy: clusterBy))
        for warning in written.warnings { Terminal.warning(warning) }
        guard let output else {
            guard written.files.count == 1 else {
                throw CommandFailure.usage("\(format) writes \(written.files.count) files: name them with -o FILE")
            }
            FileHandle.standardOutput.write(written.files[0].data)
            return
        }
        if written.files.count > 1, OutputFiles.writesThrough(output) {
            throw CommandFailure.usage("\(format) writes \(written.files.count) files, named after -o: give a file name, not \(output)")
        }
        for file in written.files {
            let path = OutputFiles.path(for: file, output: output)
            try Terminal.answering { () throws(AnswerError) in try OutputFiles.write(file.data, to: path) }
        }
    }
}
