import ERGraph

/// The constraints a traversal question may carry, as the asker gives them (kinds and entity
/// names as text), checked against the graph when the question is asked.
public struct TraversalConstraints: Sendable, Equatable {
    /// Which way links may be walked.
    public var direction: Direction
    /// Only links of these kinds.
    public var via: [String]?
    /// Only pass through entities of these kinds (the ends are exempt).
    public var through: [String]?
    /// Never pass through these entities (ids, names or aliases).
    public var avoid: [String]
    /// Do not pass through entities with more links than this.
    public var maxDegree: Int?
    /// Only links valid on this date.
    public var asOf: PartialDate?

    public init(direction: Direction = .both, via: [String]? = nil, through: [String]? = nil, avoid: [String] = [],
                maxDegree: Int? = nil, asOf: PartialDate? = nil) {
        self.direction = direction
        self.via = via
        self.through = through
        self.avoid = avoid
        self.maxDegree = maxDegree
        self.asOf = asOf
    }

    /// True when anything beyond direction and date narrows the search.
    public var narrowsLinks: Bool { via != nil || through != nil || !avoid.isEmpty || maxDegree != nil }

    /// The core's options for `context`'s graph, kinds and names checked.
    public func options(in context: GraphContext) throws(AnswerError) -> TraversalOptions {
        var options = TraversalOptions(direction: direction, maxDegree: maxDegree, asOf: asOf)
        if let via {
            try context.check(via, role: .relationship)
            options.relationshipKinds = Set(via)
        }
        if let through {
            try context.check(through, role: .entity)
            options.intermediateKinds = Set(through)
        }
        for name in avoid { options.avoid.insert(try context.entity(named: name)) }
        return options
    }

    /// What an empty answer says about the constraints: `following link directions`, `as of 2023-06`.
    public var wording: [String] {
        var parts: [String] = []
        if direction != .both { parts.append("following link directions") }
        if let asOf { parts.append("as of \(asOf)") }
        if narrowsLinks { parts.append("with the given constraints") }
        return parts
    }
}
