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

    /// Reads several datasets and merges them (``DatasetMerger``) before checking the whole.
    public static func load(paths: [String], options: GraphAssembler.Options = .init()) -> Result {
        guard paths.count > 1 else { return load(path: paths.first ?? "", options: options) }
        var datasets: [Dataset] = []
        var diagnostics: [Diagnostic] = []
        for path in paths {
            let read = DatasetReader().read(contentsOf: path)
            diagnostics += read.diagnostics
            if let dataset = read.dataset { datasets.append(dataset) }
        }
        guard datasets.count == paths.count, !diagnostics.hasErrors else {
            return Result(graph: nil, diagnostics: diagnostics.sortedByLocation())
        }
        let (merged, mergeDiagnostics) = DatasetMerger.merge(datasets)
        let assembled = GraphAssembler(options: options).assemble(merged)
        let all = (diagnostics + mergeDiagnostics + assembled.diagnostics).sortedByLocation()
        return Result(graph: all.hasErrors ? nil : assembled.graph, diagnostics: all)
    }

    public static func load(text: String, file: String, options: GraphAssembler.Options = .init()) -> Result {
        assemble(DatasetReader().read(text: text, file: file), options: options)
    }

    private static func assemble(_ read: DatasetReader.Result, options: GraphAssembler.Options) -> Result {
        // A dataset with field errors is still checked as a whole, so one run reports everything.
        guard let dataset = read.dataset else {
            return Result(graph: nil, diagnostics: read.diagnostics)
        }
        // same_as within one dataset folds too.
        let (merged, mergeDiagnostics) = dataset.sameAs.isEmpty ? (dataset, []) : DatasetMerger.merge([dataset])
        let assembled = GraphAssembler(options: options).assemble(merged)
        let diagnostics = (read.diagnostics + mergeDiagnostics + assembled.diagnostics).sortedByLocation()
        return Result(graph: diagnostics.hasErrors ? nil : assembled.graph, diagnostics: diagnostics)
    }
}
