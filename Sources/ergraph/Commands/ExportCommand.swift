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

    enum InputFormat: String, ExpressibleByArgument, CaseIterable {
        case csv, dot, graphml, json, ftm
        case csvLists = "csv-lists"
    }

    @Option(help: "The format of the input: csv (with --mapping), dot, graphml, json (node-link) or ftm (FollowTheMoney JSON lines).")
    var from: InputFormat
    @Argument(help: "The file to read.") var file: String
    @Argument(help: "With --from csv-lists: the relationship list (the first file is the node list).") var edgesFile: String?
    @Option(help: ArgumentHelp("With --from csv: the mapping (YAML) that says what each row makes.", valueName: "file"))
    var mapping: String?
    @Flag(help: "With --from csv: make any row that cannot be used fatal.") var strict = false

    func validate() throws {
        if from == .csv && mapping == nil { throw ValidationError("--from csv needs --mapping FILE") }
        if from != .csv && mapping != nil { throw ValidationError("--mapping goes with --from csv") }
        if from == .csvLists && edgesFile == nil { throw ValidationError("--from csv-lists takes two files: NODES.csv EDGES.csv") }
        if from != .csvLists && edgesFile != nil { throw ValidationError("only --from csv-lists takes a second file") }
    }
    @Option(name: .shortAndLong, help: ArgumentHelp("The dataset to write (default: standard output).", valueName: "file"))
    var output: String?

    func run() throws {
        guard let bytes = FileManager.default.contents(atPath: file) else {
            throw CommandFailure.data("cannot read \(file): no such file or not readable")
        }
        let graph: Graph
        var sameAs: [[String]] = []
        switch from {
        case .csv:
            let result = try importTable(bytes)
            graph = result.graph
            sameAs = result.sameAs
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
        case .csvLists:
            do { graph = try CSVListsLoader.load(nodes: file, edges: edgesFile ?? "") } catch { throw CommandFailure.data(error.message) }
        case .ftm:
            do {
                let result = try FtMReader.read(bytes, name: file)
                for warning in result.warnings { Terminal.standardError("ergraph: warning: \(warning)") }
                graph = result.graph
            } catch {
                throw CommandFailure.data(error.message)
            }
        }
        let result = (graph: graph, warnings: [String]())
        let origin = mapping.map { "\(file) through the mapping \($0)" } ?? file
        let yaml = try DatasetWriter.yaml(result.graph, sameAs: sameAs,
                                          comment: "Generated by 'ergraph import' from \(origin); do not edit by hand.")
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

    /// Reads the mapping and applies it; every unusable row is reported with its line.
    private func importTable(_ bytes: Data) throws -> CSVImportResult {
        guard let mapping, let mappingData = FileManager.default.contents(atPath: mapping) else {
            throw CommandFailure.data("cannot read the mapping \(self.mapping ?? ""): no such file or not readable")
        }
        let read = CSVMappingReader.read(mappingData, file: mapping)
        for diagnostic in read.diagnostics { Terminal.standardError(diagnostic.description) }
        guard let parsed = read.mapping else {
            throw CommandFailure.data("\(mapping) has \(read.diagnostics.errors.count) error(s); nothing was imported")
        }
        var header: Data?
        if let headerFile = parsed.table.headerFile {
            let path = URL(fileURLWithPath: mapping).deletingLastPathComponent().appendingPathComponent(headerFile).path
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CommandFailure.data("cannot read the header file \(path) that \(mapping) names")
            }
            header = data
        }
        let result: CSVImportResult
        do {
            result = try CSVMappingImporter.run(mapping: parsed, table: bytes, tableName: file, header: header)
        } catch {
            throw CommandFailure.data(error.message)
        }
        let severity = strict ? "error" : "warning"
        for problem in result.problems {
            Terminal.standardError("\(file):\(problem.line): \(severity): row not used: \(problem.message)")
        }
        Terminal.standardError("\(file): \(result.rowsRead) rows read, \(result.rowsUsed) used, \(result.problems.count) reported; "
                               + "\(result.graph.entityCount) entities, \(result.graph.relationshipCount) relationships")
        if strict && !result.problems.isEmpty {
            throw CommandFailure.data("\(result.problems.count) row\(result.problems.count == 1 ? "" : "s") could not be used (--strict); nothing was written")
        }
        return result
    }
}
