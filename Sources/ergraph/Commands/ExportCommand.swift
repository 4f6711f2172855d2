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
                     + "FILE.entities.csv and FILE.relationships.csv, from the stem of -o; spark writes the folder -o DIR "
                     + "(entities/, relationships/, schema.json), replacing only a folder it wrote before or an empty one.")
        return lines.joined(separator: "\n")
    }

    @OptionGroup var graphOptions: GraphOptions
    @Option(help: "The format to write (see the list below).") var format: String = "dot"
    @Option(name: .shortAndLong, help: ArgumentHelp("The file to write (default: standard output).", valueName: "file"))
    var output: String?
    @Option(name: .customLong("cluster-by"), help: "For dot: group entities in boxes: none, kind, owner or agency.")
    var clusterBy: ClusterMode = .none
    @Option(help: "For dot: the diagram's title.") var title: String?
    @Option(name: .customLong("partition-rows"), help: "For spark: rows per CSV file. (default: 1000000)")
    var partitionRows: Int = ExportOptions.defaultPartitionRows

    func validate() throws {
        guard ExportRegistry.named(format) != nil else {
            let names = ExportRegistry.names
            throw ValidationError("unknown export format '\(format)'\(Suggestions.didYouMean(format, among: names)); "
                                  + "choose one of \(names.joined(separator: ", "))")
        }
        guard partitionRows >= 1 else { throw ValidationError("--partition-rows must be at least 1, not \(partitionRows)") }
    }

    func run() throws {
        let graph = try graphOptions.open().graph
        guard let exporter = ExportRegistry.named(format) else { return }
        let written = try exporter.write(graph, ExportOptions(title: title, clusterBy: clusterBy, partitionRows: partitionRows))
        for warning in written.warnings { Terminal.warning(warning) }
        if let marker = exporter.folderMarker {
            guard let output, !OutputFiles.writesThrough(output) else {
                throw CommandFailure.usage("\(format) writes a folder of \(written.files.count) files: name it with -o DIR")
            }
            try Terminal.answering { () throws(AnswerError) in try OutputFiles.writeFolder(written.files, to: output, marker: marker) }
            let rows = "\(graph.entityCount) entities and \(graph.relationshipCount) relationships"
            Terminal.note("\(output): \(rows) in \(written.files.count - 1) CSV files; schema and read options in \(output)/\(marker)")
            return
        }
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
