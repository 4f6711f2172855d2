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
    /// With ``asOf``: leave out links with no dates at all. By default they are kept (nothing
    /// says they did not hold then) and every answer names them.
    public var excludeUndated: Bool

    public init(direction: Direction = .both, via: [String]? = nil, through: [String]? = nil, avoid: [String] = [],
                maxDegree: Int? = nil, asOf: PartialDate? = nil, excludeUndated: Bool = false) {
        self.excludeUndated = excludeUndated
        self.direction = direction
        self.via = via
        self.through = through
        self.avoid = avoid
        self.maxDegree = maxDegree
        self.asOf = asOf
    }

    /// The note an answer gives about undated links it kept on a date question: "2 links
    /// without dates were kept: a, b"; nil when none were (or the question has no date).
    public func undatedNote(_ links: [RelationshipIndex], in graph: Graph) -> (note: String, ids: [String])? {
        guard asOf != nil, !excludeUndated else { return nil }
        var ids: [String] = []
        for link in links where graph.validity(of: link).isEmpty {
            let id = graph.id(of: link)
            if !ids.contains(id) { ids.append(id) }
        }
        guard !ids.isEmpty else { return nil }
        let shown = ids.prefix(5).joined(separator: ", ") + (ids.count > 5 ? ", …" : "")
        return ("\(Wording.count(ids.count, "link")) without dates \(ids.count == 1 ? "was" : "were") kept, "
                + "as nothing says \(ids.count == 1 ? "it" : "they") did not hold then: \(shown)", ids)
    }

    /// True when anything beyond direction and date narrows the search.
    public var narrowsLinks: Bool { via != nil || through != nil || !avoid.isEmpty || maxDegree != nil }

    /// The core's options for `context`'s graph, kinds and names checked.
    public func options(in context: GraphContext) throws(AnswerError) -> TraversalOptions {
        var options = TraversalOptions(direction: direction, maxDegree: maxDegree, asOf: asOf, excludeUndated: excludeUndated)
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
        if let asOf { parts.append("as of \(asOf)" + (excludeUndated ? " (undated links left out)" : "")) }
        if narrowsLinks { parts.append("with the given constraints") }
        return parts
    }
}
