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

/// `ergraph import`: read another format into an ergraph dataset.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read a file in another format into an ergraph dataset (YAML).",
        discussion: """
            --from dot reads any DOT through Graphviz's own parser: nodes become entities and edges \
            relationships, their attributes properties; a 'kind' attribute gives the kind. --from graphml \
            and --from json (node-link) read what ergraph, networkx, Gephi or D3 write.
            """)

    enum Source: String, ExpressibleByArgument, CaseIterable { case dot, graphml, json }

    @Option(help: "The format of the input.") var from: Source
    @Argument(help: "The file to read.") var file: String
    @Option(name: .shortAndLong, help: ArgumentHelp("The dataset to write (default: standard output).", valueName: "file"))
    var output: String?

    func run() throws {
        guard let bytes = FileManager.default.contents(atPath: file) else {
            throw CommandFailure.data("cannot read \(file): no such file or not readable")
        }
        let graph: Graph
        switch from {
        case .dot:
            do {
                let result = try DOTImporter.read(dotBytes: bytes, sourceName: file)
                for warning in result.warnings { Terminal.standardError("ergraph: warning: \(file): \(warning)") }
                graph = result.graph
            } catch {
                throw CommandFailure.data("\(file): \(error.message)")
            }
        case .graphml:
            do { graph = try GraphMLReader.read(bytes, name: file) } catch { throw CommandFailure.data(error.message) }
        case .json:
            do { graph = try NodeLinkJSONReader.read(bytes, name: file) } catch { throw CommandFailure.data(error.message) }
        }
        let result = (graph: graph, warnings: [String]())
        let yaml = try DatasetWriter.yaml(result.graph, comment: "Imported by ergraph from \(file)")
        if let output {
            do {
                try AtomicFile.write(yaml, to: output)
            } catch {
                throw CommandFailure.data(error.description)
            }
            Terminal.standardError("\(output): \(result.graph.entityCount) entities, \(result.graph.relationshipCount) relationships")
        } else {
            print(yaml, terminator: "")
        }
    }
}
