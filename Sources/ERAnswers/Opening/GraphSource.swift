/// Where a graph comes from, recognised from the names a user gives: a snapshot (`FILE.ergs`),
/// plain node and relationship lists (`NODES.csv,EDGES.csv`), or one or more datasets (YAML or
/// JSON), merged when there are several.
public enum GraphSource: Sendable, Equatable, CustomStringConvertible {
    case datasets([String])
    case lists(nodes: String, edges: String)
    case snapshot(String)

    public init(paths: [String]) {
        if paths.count == 1, paths[0].lowercased().hasSuffix(".ergs") {
            self = .snapshot(paths[0])
        } else if paths.count == 1, paths[0].contains(","), paths[0].lowercased().hasSuffix(".csv") {
            let parts = paths[0].split(separator: ",", maxSplits: 1).map(String.init)
            self = .lists(nodes: parts[0], edges: parts[1])
        } else {
            self = .datasets(paths)
        }
    }

    /// The files read.
    public var paths: [String] {
        switch self {
        case let .datasets(paths): paths
        case let .lists(nodes, edges): [nodes, edges]
        case let .snapshot(path): [path]
        }
    }

    /// How answers name it: `a.yaml`, `a.yaml + b.yaml`, `nodes.csv,edges.csv`.
    public var description: String {
        switch self {
        case let .datasets(paths): paths.joined(separator: " + ")
        case let .lists(nodes, edges): "\(nodes),\(edges)"
        case let .snapshot(path): path
        }
    }
}
