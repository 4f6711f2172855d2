import ArgumentParser
import ERFormats
import ERGraph
import Foundation

/// `ergraph validate`: checks datasets and reports every problem as FILE:LINE:COLUMN.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check datasets and report every problem with its file, line and column.",
        discussion: """
            Problems go to standard error as 'FILE:LINE:COLUMN: error: message'. Exit status 1 when \
            any file has an error. With --strict, a relationship without a source and a citation \
            without a quote are errors instead of warnings.
            """)

    @Argument(help: ArgumentHelp("Dataset files to check; defaults to the --graph dataset.", valueName: "file"))
    var files: [String] = []

    @OptionGroup var graphOptions: GraphOptions

    @Flag(help: "Treat missing sources and quotes as errors.")
    var strict = false

    @Option(help: "Output format for the report: text or json.")
    var format: OutputFormat = .text

    struct FileReport: Encodable {
        var file: String
        var valid: Bool
        var entities: Int?
        var relationships: Int?
        var sources: Int?
        var diagnostics: [DiagnosticReport]
    }

    struct DiagnosticReport: Encodable {
        var severity: String
        var file: String?
        var line: Int?
        var column: Int?
        var message: String
    }

    func run() throws {
        let paths = files.isEmpty ? [graphOptions.path] : files
        var reports: [FileReport] = []
        for path in paths {
            let result = DatasetLoader.load(path: path, options: .init(strict: strict))
            let graph = result.graph
            reports.append(FileReport(
                file: path, valid: graph != nil, entities: graph?.entityCount,
                relationships: graph?.relationshipCount, sources: graph?.sources.count,
                diagnostics: result.diagnostics.map {
                    DiagnosticReport(severity: $0.severity.rawValue, file: $0.location?.file,
                                     line: $0.location.flatMap { $0.line > 0 ? $0.line : nil },
                                     column: $0.location.flatMap { $0.line > 0 ? $0.column : nil },
                                     message: $0.message)
                }))
            if format == .text {
                for diagnostic in result.diagnostics { Terminal.standardError(diagnostic.description) }
                let warnings = result.diagnostics.warnings.count
                let warningNote = warnings == 0 ? "" : " (\(warnings) warning\(warnings == 1 ? "" : "s"))"
                if let graph {
                    print("\(path): valid: \(graph.entityCount) entities, \(graph.relationshipCount) relationships, "
                          + "\(graph.sources.count) source\(graph.sources.count == 1 ? "" : "s")\(warningNote)")
                } else {
                    let errors = result.diagnostics.errors.count
                    Terminal.standardError("\(path): invalid: \(errors) error\(errors == 1 ? "" : "s")\(warningNote)")
                }
            }
        }
        if format == .json { print(try Terminal.json(reports)) }
        if reports.contains(where: { !$0.valid }) { throw CommandFailure(message: "", status: 1) }
    }
}
