/// What a diagram shows: a part of a graph plus emphasis. Every answer that can be drawn (the
/// whole graph, a neighbourhood, a path) is a view, and one renderer draws them all.
public struct GraphView: Sendable, Equatable {
    /// The entities drawn, in index order.
    public var entities: [EntityIndex]
    /// The links drawn, in index order; both ends are always among ``entities``.
    public var relationships: [RelationshipIndex]
    /// Entities and links to draw strongly; when non-empty, everything else is drawn dimmed.
    public var highlightedEntities: Set<EntityIndex>
    public var highlightedRelationships: Set<RelationshipIndex>
    /// The entity a focused view is centred on.
    public var focus: EntityIndex?
    /// The date the view was sliced at, for captions.
    public var asOf: PartialDate?

    public init(entities: [EntityIndex], relationships: [RelationshipIndex],
                highlightedEntities: Set<EntityIndex> = [], highlightedRelationships: Set<RelationshipIndex> = [],
                focus: EntityIndex? = nil, asOf: PartialDate? = nil) {
        self.entities = entities.sorted()
        self.relationships = relationships.sorted()
        self.highlightedEntities = highlightedEntities
        self.highlightedRelationships = highlightedRelationships
        self.focus = focus
        self.asOf = asOf
    }

    /// The whole graph, or what of it is valid at `asOf` (entities with no valid link stay,
    /// unless they themselves are not valid then).
    public static func whole(_ graph: Graph, asOf: PartialDate? = nil) -> GraphView {
        let entities = graph.entityIndices.filter { entity in
            asOf.map { graph.validity(of: entity).isValid(at: $0) } ?? true
        }
        let kept = Set(entities)
        let links = graph.relationshipIndices.filter { link in
            kept.contains(graph.from(link)) && kept.contains(graph.to(link))
                && (asOf.map { graph.validity(of: link).isValid(at: $0) } ?? true)
        }
        return GraphView(entities: entities, relationships: links, asOf: asOf)
    }

    /// An entity and everything within `depth` links of it, with every link among them that
    /// the options allow (not just the ones the search walked), so the picture shows context.
    public static func focus(_ graph: Graph, on entity: EntityIndex, depth: Int,
                             options: TraversalOptions = TraversalOptions()) -> GraphView {
        let reached = [entity] + graph.neighborhood(of: entity, depth: depth, options: options).map(\.entity)
        return induced(graph, entities: reached, options: options, focus: entity)
    }

    /// The entities and links of some paths, all of them highlighted.
    public static func paths(_ graph: Graph, _ paths: [Path]) -> GraphView {
        let entities = Set(paths.flatMap(\.entities))
        let links = Set(paths.flatMap(\.relationships))
        return GraphView(entities: Array(entities), relationships: Array(links),
                         highlightedEntities: entities, highlightedRelationships: links)
    }

    /// This view with `paths` highlighted and the rest kept but dimmed.
    public func highlighting(_ paths: [Path]) -> GraphView {
        var view = self
        let entities = Set(paths.flatMap(\.entities))
        let links = Set(paths.flatMap(\.relationships))
        view.entities = Array(Set(self.entities).union(entities)).sorted()
        view.relationships = Array(Set(self.relationships).union(links)).sorted()
        view.highlightedEntities = entities
        view.highlightedRelationships = links
        return view
    }

    /// `entities` and the links among them that `options` allow.
    public static func induced(_ graph: Graph, entities: [EntityIndex], options: TraversalOptions = TraversalOptions(),
                               focus: EntityIndex? = nil) -> GraphView {
        let members = Set(entities)
        let filter = TraversalFilter(options, graph: graph)
        var links: Set<RelationshipIndex> = []
        for entity in members {
            graph.forEachLink(of: entity, direction: .outgoing) { link, other in
                if members.contains(other) && filter.canUse(link.int) { links.insert(link) }
            }
        }
        return GraphView(entities: Array(members), relationships: Array(links), focus: focus, asOf: options.asOf)
    }

    public var isHighlighting: Bool { !highlightedEntities.isEmpty || !highlightedRelationships.isEmpty }
}
