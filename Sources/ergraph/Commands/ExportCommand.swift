import ArgumentParser
import ERFormats
import ERGraph
import ERRender
import Foundation

/// `ergraph export`: write the graph in a format other tools read.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the graph in another format: dot (exactly the DOT that 'render' lays out).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case dot }

    @OptionGroup var graphOptions: GraphOptions
    @Option(help: "The format to write.") var format: Format = .dot
    @Option(name: .shortAndLong, help: ArgumentHelp("The file to write (default: standard output).", valueName: "file"))
    var output: String?
    @Option(name: .customLong("cluster-by"), help: "For dot: group entities in boxes: none, kind, owner or agency.")
    var clusterBy: ClusterMode = .none
    @Option(help: "For dot: the diagram's title.") var title: String?

    func run() throws {
        let graph = try graphOptions.load()
        let diagram = DiagramComposer(options: .init(title: title, clusterBy: clusterBy)).compose(.whole(graph), of: graph)
        for warning in diagram.warnings { Terminal.standardError("ergraph: warning: \(warning)") }
        let text = diagram.dot
        guard let output else {
            print(text, terminator: "")
            return
        }
        do {
            try AtomicFile.write(text, to: output)
        } catch {
            throw CommandFailure.data(error.description)
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
            relationships, their attributes properties; a 'kind' attribute gives the kind.
            """)

    enum Source: String, ExpressibleByArgument, CaseIterable { case dot }

    @Option(help: "The format of the input.") var from: Source
    @Argument(help: "The file to read.") var file: String
    @Option(name: .shortAndLong, help: ArgumentHelp("The dataset to write (default: standard output).", valueName: "file"))
    var output: String?

    func run() throws {
        guard let bytes = FileManager.default.contents(atPath: file) else {
            throw CommandFailure.data("cannot read \(file): no such file or not readable")
        }
        let result: DOTImporter.Result
        do {
            result = try DOTImporter.read(dotBytes: bytes, sourceName: file)
        } catch {
            throw CommandFailure.data("\(file): \(error.message)")
        }
        for warning in result.warnings { Terminal.standardError("ergraph: warning: \(file): \(warning)") }
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
