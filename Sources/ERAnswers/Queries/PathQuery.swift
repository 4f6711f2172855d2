import ERGraph

/// A path question: from where to where, which search, which constraints. `ergraph path`,
/// `render --highlight-path` and a server's path finder all ask through this one value, so the
/// same question gives the same paths everywhere.
public struct PathQuery: Sendable, Equatable {
    /// Which paths to find.
    public enum Mode: Sendable, Equatable {
        /// One shortest path (or, with weights, one cheapest).
        case shortest
        /// Every shortest path, at most `limit`.
        case allShortest(limit: Int)
        /// The `count` shortest loopless paths (Yen). Parallel links between the same two
        /// entities are one route unless `parallelLinksApart`.
        case kShortest(count: Int, parallelLinksApart: Bool)
        /// Every simple path up to `maxHops`, shortest first, at most `limit`.
        case all(maxHops: Int, limit: Int)
    }

    /// How links are weighed; unweighted paths count hops.
    public enum Weighting: Sendable, Equatable {
        case hops
        /// A numeric property of each link (`amount` for its money).
        case property(String)
        /// A cost per link kind.
        case costs([String: Double])
    }

    public var from: String
    public var to: String
    public var mode: Mode
    public var weighting: Weighting
    public var constraints: TraversalConstraints
    /// Walk contracts as entities instead of folded buyer → vendor links.
    public var keepContractNodes: Bool

    public init(from: String, to: String, mode: Mode = .shortest, weighting: Weighting = .hops,
                constraints: TraversalConstraints = TraversalConstraints(), keepContractNodes: Bool = false) {
        self.from = from
        self.to = to
        self.mode = mode
        self.weighting = weighting
        self.constraints = constraints
        self.keepContractNodes = keepContractNodes
    }

    /// The answer and the graph it was found in (folded or not), for drawing it.
    public struct Result: Sendable {
        public var answer: PathAnswer
        public var paths: [Path]
        public var context: GraphContext
        public var source: EntityIndex
        public var target: EntityIndex
    }

    /// Finds the paths. An empty result is an answer too (``Result/paths`` empty); callers
    /// that treat it as a failure use ``noPathError(_:)``.
    public func run(on opened: OpenedGraph) throws(AnswerError) -> Result {
        let context = opened.context(keepingContractNodes: keepContractNodes)
        let graph = context.graph
        let source = try context.entity(named: from)
        let target = try context.entity(named: to)
        let options = try constraints.options(in: context)
        let weights: LinkWeights?
        do {
            switch weighting {
            case .hops: weights = nil
            case let .property(name): weights = try LinkWeights.property(name, in: graph, options: options, leavingOutMissing: true)
            case let .costs(costs): weights = try LinkWeights.costs(costs, in: graph, options: options)
            }
        } catch {
            throw .weights(error)
        }
        let paths: [Path]
        var routes = false
        switch mode {
        case let .kShortest(count, parallelLinksApart):
            paths = graph.kShortestPaths(from: source, to: target, k: count, weights: weights, options: options,
                                         distinct: parallelLinksApart ? .links : .entities)
            routes = !parallelLinksApart
        case let .allShortest(limit):
            paths = graph.allShortestPaths(from: source, to: target, options: options, limit: limit)
        case let .all(maxHops, limit):
            paths = graph.simplePaths(from: source, to: target, maxHops: maxHops, limit: limit, options: options)
        case .shortest:
            if let weights {
                paths = graph.cheapestPath(from: source, to: target, weights: weights, options: options).map { [$0] } ?? []
            } else {
                paths = graph.shortestPath(from: source, to: target, options: options).map { [$0] } ?? []
            }
        }
        var answer = PathAnswer(graph: graph, from: source, to: target, paths: paths,
                                parallelLinks: routes ? { graph.parallelLinks(of: $0, options: options) } : nil)
        if let undated = constraints.undatedNote(paths.flatMap(\.relationships), in: graph) {
            answer.notes.append(undated.note)
            answer.undated = undated.ids
        }
        if let weights, weights.leftOut > 0, case let .property(name) = weighting {
            answer.notes.append("\(Wording.count(weights.leftOut, "link")) without a numeric '\(name)' "
                                + "\(weights.leftOut == 1 ? "was" : "were") left out of the search")
        }
        return Result(answer: answer, paths: paths, context: context, source: source, target: target)
    }

    /// The error an empty result means: "no path from A to B as of 2023-06, within 4 hops".
    public func noPathError(_ result: Result) -> AnswerError {
        var constraints = self.constraints.wording
        if case let .all(maxHops, _) = mode { constraints.append("within \(Wording.count(maxHops, "hop"))") }
        return .noPath(from: result.context.graph.name(of: result.source), to: result.context.graph.name(of: result.target),
                       constraints: constraints)
    }
}
