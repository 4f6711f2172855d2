import ERGraph
import Foundation

/// Reads a dataset file and assembles its graph in one step: what every command does first.
public enum DatasetLoader {
    public struct Result: Sendable {
        /// The graph, when there were no errors.
        public var graph: Graph?
        /// Everything found, errors and warnings, in file order.
        public var diagnostics: [Diagnostic]
    }

    public static func load(path: String, displayName: String? = nil,
                            options: GraphAssembler.Options = .init()) -> Result {
        let read = DatasetReader().read(contentsOf: path, displayName: displayName)
        return assemble(read, options: options)
    }

    public static func load(text: String, file: String, options: GraphAssembler.Options = .init()) -> Result {
        assemble(DatasetReader().read(text: text, file: file), options: options)
    }

    private static func assemble(_ read: DatasetReader.Result, options: GraphAssembler.Options) -> Result {
        // A dataset with field errors is still checked as a whole, so one run reports everything.
        guard let dataset = read.dataset else {
            return Result(graph: nil, diagnostics: read.diagnostics)
        }
        let assembled = GraphAssembler(options: options).assemble(dataset)
        let diagnostics = (read.diagnostics + assembled.diagnostics).sortedByLocation()
        return Result(graph: diagnostics.hasErrors ? nil : assembled.graph, diagnostics: diagnostics)
    }
}
