import ERGraph

/// "What lies within N links of this entity?" — asked the same way by `ergraph neighbors` and
/// a server's entity page.
public struct NeighborhoodQuery: Sendable, Equatable {
    public var entity: String
    public var depth: Int
    public var constraints: TraversalConstraints
    public var keepContractNodes: Bool

    public init(entity: String, depth: Int = 1, constraints: TraversalConstraints = TraversalConstraints(),
                keepContractNodes: Bool = false) {
        self.entity = entity
        self.depth = depth
        self.constraints = constraints
        self.keepContractNodes = keepContractNodes
    }

    public struct Result: Sendable {
        public var answer: NeighborsAnswer
        /// The entity, what was reached and every allowed link among them, the entity marked.
        public var view: GraphView
        public var context: GraphContext
        /// How a drawing of it is subtitled.
        public var subtitle: String
    }

    public func run(on opened: OpenedGraph) throws(AnswerError) -> Result {
        let context = opened.context(keepingContractNodes: keepContractNodes)
        let graph = context.graph
        let start = try context.entity(named: entity)
        let options = try constraints.options(in: context)
        let found = graph.neighborhood(of: start, depth: depth, options: options)
        let view = GraphView.induced(graph, entities: [start] + found.map(\.entity), options: options, focus: start)
        return Result(answer: NeighborsAnswer(of: start, depth: depth, found: found, in: graph, constraints: constraints), view: view, context: context,
                      subtitle: "within \(Wording.count(depth, "link")) of \(graph.name(of: start))")
    }
}
