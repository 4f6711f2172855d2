import ERGraph

/// What a map drawing shows (`ergraph render`): the whole graph or a focus around one entity,
/// at a date, with a path highlighted. The highlighted path is a ``PathQuery``, so it is the very
/// path `ergraph path` finds under the same constraints.
public struct MapQuery: Sendable, Equatable {
    /// Draw only this entity and what lies within ``depth`` links of it.
    public var focus: String?
    public var depth: Int
    /// The constraints on what is drawn (date, kinds, avoided entities) and on the highlighted
    /// path.
    public var constraints: TraversalConstraints
    public var keepContractNodes: Bool
    /// Draw this path in bold and the rest dimmed.
    public var highlight: PathQuery?

    public init(focus: String? = nil, depth: Int = 1, constraints: TraversalConstraints = TraversalConstraints(),
                keepContractNodes: Bool = false, highlight: PathQuery? = nil) {
        self.focus = focus
        self.depth = depth
        self.constraints = constraints
        self.keepContractNodes = keepContractNodes
        self.highlight = highlight
    }

    public struct Result: Sendable {
        public var view: GraphView
        public var context: GraphContext
        public var subtitle: String?
    }

    public func run(on opened: OpenedGraph) throws(AnswerError) -> Result {
        let context = opened.context(keepingContractNodes: keepContractNodes)
        let graph = context.graph
        var view: GraphView
        var subtitles: [String] = []
        if let focus {
            let center = try context.entity(named: focus)
            view = GraphView.focus(graph, on: center, depth: depth, options: try constraints.options(in: context))
            subtitles.append("around \(graph.name(of: center)), \(Wording.count(depth, "link")) deep")
        } else {
            view = GraphView.whole(graph, asOf: constraints.asOf)
        }
        if var highlight {
            highlight.keepContractNodes = keepContractNodes
            let found = try highlight.run(on: opened)
            guard !found.paths.isEmpty else { throw highlight.noPathError(found) }
            view = view.highlighting(found.paths)
            subtitles.append("path from \(graph.name(of: found.source)) to \(graph.name(of: found.target)) in bold")
        }
        return Result(view: view, context: context, subtitle: subtitles.isEmpty ? nil : subtitles.joined(separator: " · "))
    }
}
