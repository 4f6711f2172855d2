import ArgumentParser
import ERFormats
import ERGraph
import Foundation

/// How data is printed.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `--graph`, shared by every command that reads a dataset.
struct GraphOptions: ParsableArguments {
    static let defaultPath = "Graph/ice-surveillance.yaml"

    @Option(name: .long, help: ArgumentHelp(
        "The dataset to read (YAML or JSON).",
        discussion: "Repeat to merge datasets (same ids and same_as groups become one entity). NODES.csv,EDGES.csv loads plain node and relationship lists. Defaults to $ERGRAPH_GRAPH, else \(GraphOptions.defaultPath).",
        valueName: "file"))
    var graph: [String] = []

    /// The path to read: the option (the first, when several are given), else the
    /// environment, else the default dataset.
    var path: String { paths[0] }

    /// Every dataset to read; several are merged.
    var paths: [String] {
        if !graph.isEmpty { return graph }
        return [defaultPath]
    }

    private var defaultPath: String {
        if let fromEnvironment = ProcessInfo.processInfo.environment["ERGRAPH_GRAPH"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return Self.defaultPath
    }

    /// Loads the graph, printing warnings to standard error; errors end the command with status 1.
    func load(strict: Bool = false) throws -> Graph {
        // FILE.ergs: a snapshot of a built store, loaded without rebuilding.
        if paths.count == 1, paths[0].lowercased().hasSuffix(".ergs") {
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: paths[0]), options: .alwaysMapped)
            } catch {
                let reason = FileManager.default.fileExists(atPath: paths[0]) ? "not readable" : "no such file"
                throw CommandFailure.data("cannot read \(paths[0]): \(reason)")
            }
            do {
                return try GraphSnapshot.graph(from: data)
            } catch {
                throw CommandFailure.data("\(paths[0]): \(error)")
            }
        }
        // NODES.csv,EDGES.csv: plain lists, loaded straight into the store.
        if paths.count == 1, paths[0].contains(","), paths[0].lowercased().hasSuffix(".csv") {
            let parts = paths[0].split(separator: ",", maxSplits: 1).map(String.init)
            do {
                return try CSVListsLoader.load(nodes: parts[0], edges: parts[1])
            } catch {
                throw CommandFailure.data(error.message)
            }
        }
        for path in paths where !FileManager.default.fileExists(atPath: path) {
            let origin = graph.isEmpty ? " (name a dataset with --graph FILE or $ERGRAPH_GRAPH)" : ""
            throw CommandFailure.data("cannot read \(path): no such file\(origin)")
        }
        let result = DatasetLoader.load(paths: paths, options: .init(strict: strict))
        for diagnostic in result.diagnostics { Terminal.standardError(diagnostic.description) }
        guard let graph = result.graph else {
            let errors = result.diagnostics.errors.count
            throw CommandFailure.data("\(paths.joined(separator: " + ")) \(paths.count == 1 ? "has" : "have") \(errors) error\(errors == 1 ? "" : "s"); nothing was read")
        }
        return graph
    }
}

extension Graph {
    /// Resolves a name given on the command line, or fails with status 2 and a suggestion.
    func entity(named text: String) throws -> EntityIndex {
        let resolver = EntityResolver(graph: self)
        let resolution = resolver.resolve(text)
        if case let .found(entity) = resolution { return entity }
        throw CommandFailure.usage(resolver.explain(resolution, for: text) ?? "unknown entity '\(text)'")
    }
}
