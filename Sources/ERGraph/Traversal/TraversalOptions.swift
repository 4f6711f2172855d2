/// The constraints an investigator puts on a search.
public struct TraversalOptions: Sendable, Equatable {
    /// `.outgoing` follows links along their direction; `.both` (the default) ignores it.
    public var direction: Direction
    /// Only links of these kinds; nil allows all.
    public var relationshipKinds: Set<String>?
    /// Only entities of these kinds in the middle of a path; the ends are exempt.
    public var intermediateKinds: Set<String>?
    /// Entities a path may not pass through.
    public var avoid: Set<EntityIndex>
    /// Entities with more links than this are not passed through: hubs such as
    /// a large agency connect everything and explain nothing.
    public var maxDegree: Int?
    /// Only links (and entities) valid at this date, in the sense of ``Validity/isValid(at:)``.
    public var asOf: PartialDate?
    /// With ``asOf``: leave out links that have no dates at all, instead of keeping them
    /// (nothing says they did not hold then).
    public var excludeUndated: Bool = false

    public init(direction: Direction = .both, relationshipKinds: Set<String>? = nil,
                intermediateKinds: Set<String>? = nil, avoid: Set<EntityIndex> = [],
                maxDegree: Int? = nil, asOf: PartialDate? = nil, excludeUndated: Bool = false) {
        self.excludeUndated = excludeUndated
        self.direction = direction
        self.relationshipKinds = relationshipKinds
        self.intermediateKinds = intermediateKinds
        self.avoid = avoid
        self.maxDegree = maxDegree
        self.asOf = asOf
    }

    /// No constraint at all: every search takes its fast path.
    public var isUnconstrained: Bool {
        relationshipKinds == nil && intermediateKinds == nil && avoid.isEmpty && maxDegree == nil && asOf == nil
    }
}

/// Options compiled against one graph into flat lookup tables, so that a traversal checks a
/// link or an entity with one array read instead of set lookups and date arithmetic.
struct TraversalFilter: Sendable {
    let direction: Direction
    /// Per relationship: may the search use it? nil means every link may be used.
    let usableLink: [Bool]?
    /// Per entity: may a path pass through it (as opposed to start or end there)? nil means all.
    let passable: [Bool]?

    init(_ options: TraversalOptions, graph: Graph) {
        direction = options.direction
        if options.relationshipKinds != nil || options.asOf != nil {
            let allowedCodes = options.relationshipKinds.map { kinds in
                Set(graph.relationshipKindNames.indices.filter { kinds.contains(graph.relationshipKindNames[$0]) }.map(UInt16.init))
            }
            usableLink = graph.relationshipIndices.map { link in
                if let allowedCodes, !allowedCodes.contains(graph.kindCode(of: link)) { return false }
                if let date = options.asOf {
                    let validity = graph.validity(of: link)
                    if !validity.isValid(at: date) || (options.excludeUndated && validity.isEmpty) { return false }
                }
                return true
            }
        } else {
            usableLink = nil
        }
        if options.intermediateKinds != nil || !options.avoid.isEmpty || options.maxDegree != nil || options.asOf != nil {
            let allowedCodes = options.intermediateKinds.map { kinds in
                Set(graph.entityKindNames.indices.filter { kinds.contains(graph.entityKindNames[$0]) }.map(UInt16.init))
            }
            passable = graph.entityIndices.map { entity in
                if let allowedCodes, !allowedCodes.contains(graph.kindCode(of: entity)) { return false }
                if options.avoid.contains(entity) { return false }
                if let limit = options.maxDegree, graph.degree(of: entity) > limit { return false }
                if let date = options.asOf, !graph.validity(of: entity).isValid(at: date) { return false }
                return true
            }
        } else {
            passable = nil
        }
    }

    @inline(__always) func canUse(_ link: Int) -> Bool { usableLink?[link] ?? true }
    @inline(__always) func canPass(_ entity: Int) -> Bool { passable?[entity] ?? true }

    /// The adjacency lists a search scans forwards and backwards (from the target of a directed
    /// search): the graph's simple undirected view when every link may be used and direction
    /// does not matter, since one step per neighbour then gives the same searches as every link.
    func adjacencyLists(in graph: Graph) -> (forward: [Adjacency], backward: [Adjacency]) {
        switch direction {
        case .both: usableLink == nil ? ([graph.undirected], [graph.undirected])
            : ([graph.outgoing, graph.incoming], [graph.outgoing, graph.incoming])
        case .outgoing: ([graph.outgoing], [graph.incoming])
        case .incoming: ([graph.incoming], [graph.outgoing])
        }
    }

    /// Calls `body(link, neighbor)` for every usable link of `entity` in the filter's direction.
    @inline(__always)
    func forEachStep(from entity: Int, in graph: Graph, reverse: Bool = false, _ body: (Int, Int) -> Void) {
        // A reverse step (searching backwards from the target of a directed search) follows
        // incoming links where the forward search follows outgoing ones.
        let useOut = reverse ? direction != .outgoing : direction != .incoming
        let useIn = reverse ? direction != .incoming : direction != .outgoing
        if useOut {
            let adjacency = graph.outgoing
            for slot in Int(adjacency.offsets[entity])..<Int(adjacency.offsets[entity + 1]) {
                let link = Int(adjacency.relationships[slot])
                if canUse(link) { body(link, Int(adjacency.neighbors[slot])) }
            }
        }
        if useIn {
            let adjacency = graph.incoming
            for slot in Int(adjacency.offsets[entity])..<Int(adjacency.offsets[entity + 1]) {
                let link = Int(adjacency.relationships[slot])
                if canUse(link) { body(link, Int(adjacency.neighbors[slot])) }
            }
        }
    }
}
