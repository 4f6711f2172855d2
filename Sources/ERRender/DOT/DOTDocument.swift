/// A value of a DOT attribute.
public enum DOTValue: Hashable, Sendable {
    /// Text, written as an escaped, quoted DOT string: shown literally, line breaks kept.
    case text(String)
    /// An HTML-like label, written between angle brackets.
    case html(HTMLLabel)
    /// A value with meaning to Graphviz (a colour, a number, `\n`-style escapes meant as such),
    /// still quoted, with only quotes and line breaks escaped.
    case raw(String)
}

/// A graph to be written as DOT: attributes, clusters, nodes and edges, kept apart from how
/// they are written so the writer alone decides quoting and order.
public struct DOTDocument: Sendable {
    public var name: String
    public var directed: Bool
    public var graphAttributes: [String: DOTValue]
    public var nodeDefaults: [String: DOTValue]
    public var edgeDefaults: [String: DOTValue]
    public var clusters: [Cluster]
    public var nodes: [Node]
    public var edges: [Edge]

    public struct Cluster: Sendable {
        /// Written as `cluster_<id>`.
        public var id: String
        public var attributes: [String: DOTValue]
        public var nodeIDs: [String]
        public init(id: String, attributes: [String: DOTValue] = [:], nodeIDs: [String] = []) {
            self.id = id
            self.attributes = attributes
            self.nodeIDs = nodeIDs
        }
    }

    public struct Node: Sendable {
        public var id: String
        public var attributes: [String: DOTValue]
        public init(id: String, attributes: [String: DOTValue] = [:]) {
            self.id = id
            self.attributes = attributes
        }
    }

    public struct Edge: Sendable {
        public var tail: String
        public var head: String
        /// Tells parallel edges apart, and orders them.
        public var key: String
        public var attributes: [String: DOTValue]
        public init(tail: String, head: String, key: String, attributes: [String: DOTValue] = [:]) {
            self.tail = tail
            self.head = head
            self.key = key
            self.attributes = attributes
        }
    }

    public init(name: String, directed: Bool = true, graphAttributes: [String: DOTValue] = [:],
                nodeDefaults: [String: DOTValue] = [:], edgeDefaults: [String: DOTValue] = [:],
                clusters: [Cluster] = [], nodes: [Node] = [], edges: [Edge] = []) {
        self.name = name
        self.directed = directed
        self.graphAttributes = graphAttributes
        self.nodeDefaults = nodeDefaults
        self.edgeDefaults = edgeDefaults
        self.clusters = clusters
        self.nodes = nodes
        self.edges = edges
    }
}
