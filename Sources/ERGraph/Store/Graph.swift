/// An entity-relationship multigraph held in a compact, columnar store.
///
/// Entities and relationships get dense integer indices; kinds are interned to small codes;
/// ids and names live in packed string tables; links are kept in two compressed adjacency
/// arrays (outgoing and incoming) with stable relationship indices. Rich details (aliases,
/// properties, dates, money, events, citations) sit in side tables that cost nothing for bulk
/// graphs that have none. The graph is a value: copies are cheap until mutated, and it is
/// `Sendable`.
///
/// Build one with ``GraphBuilder`` or ``GraphAssembler``.
public struct Graph: Sendable {
    /// The columns, kinds and sources (``StoreColumns``).
    var columns: StoreColumns

    public internal(set) var vocabulary: Vocabulary {
        get { columns.vocabulary }
        set { columns.vocabulary = newValue }
    }
    public internal(set) var title: String? {
        get { columns.title }
        set { columns.title = newValue }
    }
    /// Properties of the dataset as a whole (a DOT file's graph attributes, for instance).
    public internal(set) var properties: [String: PropertyValue] {
        get { columns.graphProperties }
        set { columns.graphProperties = newValue }
    }
    public internal(set) var summaryText: String? {
        get { columns.summaryText }
        set { columns.summaryText = newValue }
    }
    /// The paths the dataset names as its stories (`stories:`), in the order written.
    public internal(set) var stories: [Story] {
        get { columns.stories }
        set { columns.stories = newValue }
    }
    /// Extra columns of bulk-loaded graphs, read back as properties.
    public internal(set) var entityColumns: ColumnStore {
        get { columns.entityColumns }
        set { columns.entityColumns = newValue }
    }
    public internal(set) var relationshipColumns: ColumnStore {
        get { columns.relationshipColumns }
        set { columns.relationshipColumns = newValue }
    }
    /// Sources by id, in the order the dataset lists them.
    public var sources: [Source] { columns.sources }

    /// Links grouped by their `from` entity.
    public let outgoing: Adjacency
    /// Links grouped by their `to` entity.
    public let incoming: Adjacency
    /// Each entity's distinct neighbours in either direction, through the first link to each
    /// (derived from the two lists above, never stored in snapshots): what unfiltered searches
    /// on the undirected view scan.
    public let undirected: Adjacency

    /// A graph around `columns`, with both adjacency arrays built by counting sort; O(V + E).
    init(columns: StoreColumns) {
        let outgoing = Adjacency(entityCount: columns.entityCount, keys: columns.relationshipFrom, others: columns.relationshipTo)
        let incoming = Adjacency(entityCount: columns.entityCount, keys: columns.relationshipTo, others: columns.relationshipFrom)
        self.init(columns: columns, outgoing: outgoing, incoming: incoming)
    }

    /// A graph around `columns` and adjacency arrays already built (a snapshot's).
    /// The undirected view is built from the two unless given (a snapshot stores it).
    init(columns: StoreColumns, outgoing: Adjacency, incoming: Adjacency, undirected: Adjacency? = nil) {
        self.columns = columns
        self.outgoing = outgoing
        self.incoming = incoming
        self.undirected = undirected ?? Adjacency(distinctNeighborsOf: outgoing, incoming, entityCount: columns.entityCount)
    }

    public var entityCount: Int { columns.entityCount }
    public var relationshipCount: Int { columns.relationshipKindCodes.count }

    public var entityIndices: some RandomAccessCollection<EntityIndex> {
        (0..<entityCount).lazy.map { EntityIndex($0) }
    }

    public var relationshipIndices: some RandomAccessCollection<RelationshipIndex> {
        (0..<relationshipCount).lazy.map { RelationshipIndex($0) }
    }

    // MARK: Entities

    /// The entity with this exact id.
    public func index(ofEntity id: String) -> EntityIndex? {
        columns.entityLookup[id].map(EntityIndex.init)
    }

    public func id(of entity: EntityIndex) -> String { columns.entityIDs[entity.int] }
    public func name(of entity: EntityIndex) -> String { columns.entityNames[entity.int] }
    public func kind(of entity: EntityIndex) -> String { columns.entityKindIDs[Int(columns.entityKindCodes[entity.int])] }
    public func kindCode(of entity: EntityIndex) -> UInt16 { columns.entityKindCodes[entity.int] }

    public func aliases(of entity: EntityIndex) -> [String] {
        entityDetailsFor(entity)?.aliases ?? []
    }

    public func validity(of entity: EntityIndex) -> Validity {
        entityDetailsFor(entity)?.validity ?? .always
    }

    /// Every custom property name some entity carries (detail records and bulk-loaded columns).
    public var entityPropertyNames: Set<String> {
        Set(columns.entityDetails.flatMap(\.properties.keys)).union(entityColumns.names)
    }

    /// Every custom property name some relationship carries.
    public var relationshipPropertyNames: Set<String> {
        Set(columns.relationshipDetails.flatMap(\.properties.keys)).union(relationshipColumns.names)
    }

    /// True when the entity has anything beyond its id, kind and name (aliases, dates, money,
    /// events, properties or citations): only then is ``entity(_:)`` worth building.
    public func hasDetails(_ entity: EntityIndex) -> Bool {
        columns.entityDetailSlots[entity.int] >= 0 || !entityColumns.isEmpty
    }

    /// The full record of an entity.
    public func entity(_ entity: EntityIndex) -> Entity {
        let details = entityDetailsFor(entity)
        var properties = entityColumns.isEmpty ? [:] : entityColumns.properties(at: entity.int)
        properties.merge(details?.properties ?? [:]) { _, detail in detail }
        return Entity(id: id(of: entity), kind: kind(of: entity), name: name(of: entity),
                      aliases: details?.aliases ?? [], validity: details?.validity ?? .always,
                      amounts: details?.amounts ?? [], events: details?.events ?? [],
                      properties: properties, citations: details?.citations ?? [])
    }

    private func entityDetailsFor(_ entity: EntityIndex) -> EntityDetails? {
        let slot = columns.entityDetailSlots[entity.int]
        return slot < 0 ? nil : columns.entityDetails[Int(slot)]
    }

    // MARK: Relationships

    public func from(_ relationship: RelationshipIndex) -> EntityIndex { EntityIndex(columns.relationshipFrom[relationship.int]) }
    public func to(_ relationship: RelationshipIndex) -> EntityIndex { EntityIndex(columns.relationshipTo[relationship.int]) }
    public func kind(of relationship: RelationshipIndex) -> String {
        columns.relationshipKindIDs[Int(columns.relationshipKindCodes[relationship.int])]
    }
    public func kindCode(of relationship: RelationshipIndex) -> UInt16 { columns.relationshipKindCodes[relationship.int] }

    /// The relationship's id; bulk-loaded links without one are named `#INDEX`.
    public func id(of relationship: RelationshipIndex) -> String {
        columns.relationshipIDs.byteCount(at: relationship.int) == 0 ? "#\(relationship.rawValue)" : columns.relationshipIDs[relationship.int]
    }

    public func validity(of relationship: RelationshipIndex) -> Validity {
        relationshipDetailsFor(relationship)?.validity ?? .always
    }

    /// The full record of a relationship.
    public func relationship(_ relationship: RelationshipIndex) -> Relationship {
        let details = relationshipDetailsFor(relationship)
        var properties = relationshipColumns.isEmpty ? [:] : relationshipColumns.properties(at: relationship.int)
        properties.merge(details?.properties ?? [:]) { _, detail in detail }
        return Relationship(
            id: id(of: relationship), kind: kind(of: relationship),
            from: id(of: from(relationship)), to: id(of: to(relationship)),
            validity: details?.validity ?? .always, amounts: details?.amounts ?? [],
            events: details?.events ?? [], properties: properties,
            citations: details?.citations ?? [])
    }

    /// True when the link has anything beyond its id, kind and ends.
    public func hasDetails(_ relationship: RelationshipIndex) -> Bool {
        columns.relationshipDetailSlots[relationship.int] >= 0 || !relationshipColumns.isEmpty
    }

    private func relationshipDetailsFor(_ relationship: RelationshipIndex) -> RelationshipDetails? {
        let slot = columns.relationshipDetailSlots[relationship.int]
        return slot < 0 ? nil : columns.relationshipDetails[Int(slot)]
    }

    /// The entity at the other end of `relationship` from `entity`.
    public func otherEnd(of relationship: RelationshipIndex, from entity: EntityIndex) -> EntityIndex {
        let start = from(relationship)
        return start == entity ? to(relationship) : start
    }

    /// Calls `body` with every link of `entity` in `direction` and the entity at its far end,
    /// outgoing links first, each group in relationship order.
    @inlinable
    public func forEachLink(of entity: EntityIndex, direction: Direction,
                            _ body: (RelationshipIndex, EntityIndex) throws -> Void) rethrows {
        if direction != .incoming {
            for slot in outgoing.range(of: entity) {
                try body(RelationshipIndex(outgoing.relationships[slot]), EntityIndex(outgoing.neighbors[slot]))
            }
        }
        if direction != .outgoing {
            for slot in incoming.range(of: entity) {
                try body(RelationshipIndex(incoming.relationships[slot]), EntityIndex(incoming.neighbors[slot]))
            }
        }
    }

    /// The number of links touching `entity` in `direction` (parallel links counted).
    public func degree(of entity: EntityIndex, direction: Direction = .both) -> Int {
        switch direction {
        case .outgoing: outgoing.degree(entity)
        case .incoming: incoming.degree(entity)
        case .both: outgoing.degree(entity) + incoming.degree(entity)
        }
    }

    // MARK: Sources and kinds

    public func source(withID id: String) -> Source? {
        columns.sourceLookup[id].map { sources[$0] }
    }

    /// Every entity kind the graph knows, indexed by ``kindCode(of:)-(EntityIndex)``.
    public var entityKindNames: [String] { columns.entityKindIDs }
    /// Every relationship kind the graph knows, indexed by ``kindCode(of:)-(RelationshipIndex)``.
    public var relationshipKindNames: [String] { columns.relationshipKindIDs }

    /// Approximate bytes held by the store's arrays (excluding rich details), for reports.
    public var memoryFootprint: Int {
        columns.entityIDs.memoryFootprint + columns.entityNames.memoryFootprint
            + columns.entityKindCodes.capacity * 2 + columns.entityDetailSlots.capacity * 4
            + columns.relationshipIDs.memoryFootprint + columns.relationshipKindCodes.capacity * 2
            + (columns.relationshipFrom.capacity + columns.relationshipTo.capacity + columns.relationshipDetailSlots.capacity) * 4
            + outgoing.memoryFootprint + incoming.memoryFootprint + undirected.memoryFootprint
            + entityColumns.memoryFootprint + relationshipColumns.memoryFootprint
    }
}

/// The rich part of an entity, stored only for entities that have some.
struct EntityDetails: Hashable, Sendable, Codable {
    var aliases: [String]
    var validity: Validity
    var amounts: [Money]
    var events: [StatusEvent]
    var properties: [String: PropertyValue]
    var citations: [Citation]

    var isEmpty: Bool {
        aliases.isEmpty && validity.isEmpty && amounts.isEmpty && events.isEmpty
            && properties.isEmpty && citations.isEmpty
    }
}

/// The rich part of a relationship, stored only for relationships that have some.
struct RelationshipDetails: Hashable, Sendable, Codable {
    var validity: Validity
    var amounts: [Money]
    var events: [StatusEvent]
    var properties: [String: PropertyValue]
    var citations: [Citation]

    var isEmpty: Bool {
        validity.isEmpty && amounts.isEmpty && events.isEmpty && properties.isEmpty && citations.isEmpty
    }
}
