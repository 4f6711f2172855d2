import ArgumentParser
import ERAnswers
import Foundation

extension AnswerFormat: ExpressibleByArgument {}

/// How answers that are no tables print.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json

    var answerFormat: AnswerFormat { self == .text ? .text : .json }
}

/// `--graph`, shared by every command that reads a dataset.
struct GraphOptions: ParsableArguments {
    static let defaultPath = "Graph/ice-surveillance.yaml"

    @Option(name: .long, help: ArgumentHelp(
        "The dataset to read (YAML or JSON).",
        discussion: "Repeat to merge datasets (same ids and same_as groups become one entity). NODES.csv,EDGES.csv loads plain node and relationship lists; FILE.ergs a snapshot. Defaults to $ERGRAPH_GRAPH, else \(GraphOptions.defaultPath).",
        valueName: "file"))
    var graph: [String] = []

    /// Every dataset to read: the options, else the environment, else the default dataset.
    var paths: [String] {
        if !graph.isEmpty { return graph }
        if let fromEnvironment = ProcessInfo.processInfo.environment["ERGRAPH_GRAPH"], !fromEnvironment.isEmpty {
            return [fromEnvironment]
        }
        return [Self.defaultPath]
    }

    var source: GraphSource { GraphSource(paths: paths) }

    /// Opens the graph, printing every diagnostic to standard error.
    func open(strict: Bool = false) throws -> OpenedGraph {
        do {
            let opened = try OpenedGraph.open(source, strict: strict)
            for diagnostic in opened.diagnostics { Terminal.standardError(diagnostic.description) }
            return opened
        } catch {
            // The problems the failed read found, not a second read of the files.
            if case let .invalidDatasets(_, diagnostics) = error {
                for diagnostic in diagnostics { Terminal.standardError(diagnostic.description) }
            }
            throw CommandFailure(error)
        }
    }
}

/// `--keep-contract-nodes`: the one switch, and its one default, for how every traversal,
/// count, drawing and query sees contracts.
struct ContractArguments: ParsableArguments {
    @Flag(name: .customLong("keep-contract-nodes"),
          help: "Keep contracts as entities instead of folding each into a buyer → vendor link (the default).")
    var keepContractNodes = false
}
