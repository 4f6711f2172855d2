/// Why an entity or relationship could not be added to a graph.
public enum GraphBuildError: Error, Equatable, Sendable, CustomStringConvertible {
    case duplicateEntity(String)
    case unknownEntity(String)
    case unknownEntityKind(String)
    case unknownRelationshipKind(String)
    case tooLarge(String)

    public var description: String {
        switch self {
        case let .duplicateEntity(id): "duplicate entity id '\(id)'"
        case let .unknownEntity(id): "unknown entity '\(id)'"
        case let .unknownEntityKind(kind): "unknown entity kind '\(kind)'"
        case let .unknownRelationshipKind(kind): "unknown relationship kind '\(kind)'"
        case let .tooLarge(what): "too many \(what): a graph holds at most 2,147,483,647"
        }
    }
}

/// Collects entities and relationships, then packs them into a ``Graph`` in O(V + E).
///
/// Bulk loaders call the index-based methods, which allocate nothing per call beyond the
/// columns themselves; dataset loaders call the record-based ones.
public struct GraphBuilder: Sendable {
    private var vocabulary: Vocabulary
    private var entityKindCodes: [String: UInt16] = [:]
    private var relationshipKindCodes: [String: UInt16] = [:]
    private var entityKindIDs: [String] = []
    private var relationshipKindIDs: [String] = []

    private var entityIDs = StringTable()
    private var entityNames = StringTable()
    private var entityKinds: [UInt16] = []
    private var entityLookup: [String: Int32] = [:]
    private var entityDetailSlots: [Int32] = []
    private var entityDetails: [EntityDetails] = []

    private var relationshipIDs = StringTable()
    private var relationshipKinds: [UInt16] = []
    private var relationshipFrom: [Int32] = []
    private var relationshipTo: [Int32] = []
    private var relationshipDetailSlots: [Int32] = []
    private var relationshipDetails: [RelationshipDetails] = []

    private var sources: [Source] = []
    private var sourceLookup: [String: Int] = [:]

    public var title: String?
    public var summaryText: String?

    public init(vocabulary: Vocabulary = .builtIn) {
        self.vocabulary = vocabulary
        for kind in vocabulary.entityKinds { _ = internEntityKind(kind.id) }
        for kind in vocabulary.relationshipKinds { _ = internRelationshipKind(kind.id) }
    }

    public var entityCount: Int { entityKinds.count }
    public var relationshipCount: Int { relationshipKinds.count }

    public mutating func reserveCapacity(entities: Int, relationships: Int) {
        entityIDs.reserveCapacity(strings: entities, bytes: entities * 8)
        entityNames.reserveCapacity(strings: entities, bytes: entities * 12)
        entityKinds.reserveCapacity(entities)
        entityLookup.reserveCapacity(entities)
        entityDetailSlots.reserveCapacity(entities)
        relationshipIDs.reserveCapacity(strings: relationships, bytes: 0)
        relationshipKinds.reserveCapacity(relationships)
        relationshipFrom.reserveCapacity(relationships)
        relationshipTo.reserveCapacity(relationships)
        relationshipDetailSlots.reserveCapacity(relationships)
    }

    /// The entity with this id, if it has been added.
    public func index(ofEntity id: String) -> EntityIndex? {
        entityLookup[id].map(EntityIndex.init)
    }

    public mutating func addSource(_ source: Source) {
        if let existing = sourceLookup[source.id] {
            sources[existing] = source
        } else {
            sourceLookup[source.id] = sources.count
            sources.append(source)
        }
    }

    /// Adds an entity with no details: the bulk path.
    @discardableResult
    public mutating func addEntity(id: String, kind: String, name: String) throws(GraphBuildError) -> EntityIndex {
        try appendEntity(id: id, kind: kind, name: name, details: nil)
    }

    /// Adds a full entity record.
    @discardableResult
    public mutating func addEntity(_ entity: Entity) throws(GraphBuildError) -> EntityIndex {
        let details = EntityDetails(aliases: entity.aliases, validity: entity.validity, amounts: entity.amounts,
                                    events: entity.events, properties: entity.properties, citations: entity.citations)
        return try appendEntity(id: entity.id, kind: entity.kind, name: entity.name, details: details.isEmpty ? nil : details)
    }

    private mutating func appendEntity(id: String, kind: String, name: String,
                                       details: EntityDetails?) throws(GraphBuildError) -> EntityIndex {
        guard let kindCode = entityKindCodes[kind] else { throw .unknownEntityKind(kind) }
        guard entityKinds.count < Int32.max else { throw .tooLarge("entities") }
        let index = Int32(entityKinds.count)
        guard entityLookup[id] == nil else { throw .duplicateEntity(id) }
        entityLookup[id] = index
        entityIDs.append(id)
        entityNames.append(name)
        entityKinds.append(kindCode)
        if let details {
            entityDetailSlots.append(Int32(entityDetails.count))
            entityDetails.append(details)
        } else {
            entityDetailSlots.append(-1)
        }
        return EntityIndex(index)
    }

    /// Adds a link with no details between entities already added: the bulk path.
    /// `id` may be nil, in which case the link is named by its index.
    @discardableResult
    public mutating func addRelationship(id: String? = nil, kind: String, from: EntityIndex,
                                         to: EntityIndex) throws(GraphBuildError) -> RelationshipIndex {
        guard let kindCode = relationshipKindCodes[kind] else { throw .unknownRelationshipKind(kind) }
        return try appendRelationship(id: id, kindCode: kindCode, from: from, to: to, details: nil)
    }

    /// Adds a link by kind code (see ``relationshipKindCode(_:)``), skipping the kind lookup.
    @discardableResult
    public mutating func addRelationship(id: String? = nil, kindCode: UInt16, from: EntityIndex,
                                         to: EntityIndex) throws(GraphBuildError) -> RelationshipIndex {
        guard Int(kindCode) < relationshipKindIDs.count else { throw .unknownRelationshipKind("#\(kindCode)") }
        return try appendRelationship(id: id, kindCode: kindCode, from: from, to: to, details: nil)
    }

    /// Adds a full relationship record whose ends are entity ids already added.
    @discardableResult
    public mutating func addRelationship(_ relationship: Relationship) throws(GraphBuildError) -> RelationshipIndex {
        guard let kindCode = relationshipKindCodes[relationship.kind] else {
            throw .unknownRelationshipKind(relationship.kind)
        }
        guard let from = index(ofEntity: relationship.from) else { throw .unknownEntity(relationship.from) }
        guard let to = index(ofEntity: relationship.to) else { throw .unknownEntity(relationship.to) }
        let details = RelationshipDetails(validity: relationship.validity, amounts: relationship.amounts,
                                          events: relationship.events, properties: relationship.properties,
                                          citations: relationship.citations)
        return try appendRelationship(id: relationship.id, kindCode: kindCode, from: from, to: to,
                                      details: details.isEmpty ? nil : details)
    }

    /// Columns of extra values, one per entity or relationship in index order (bulk loaders).
    public var entityColumns = ColumnStore()
    public var relationshipColumns = ColumnStore()

    /// The code of an entity kind, declaring it (with `meaning`) when the vocabulary lacks it:
    /// bulk files name kinds no dataset declared.
    public mutating func entityKindCode(declaring kind: String, meaning: String) -> UInt16 {
        if let code = entityKindCodes[kind] { return code }
        vocabulary.declareEntityKind(KindDefinition(kind, meaning))
        return internEntityKind(kind)
    }

    public mutating func relationshipKindCode(declaring kind: String, meaning: String) -> UInt16 {
        if let code = relationshipKindCodes[kind] { return code }
        vocabulary.declareRelationshipKind(KindDefinition(kind, meaning))
        return internRelationshipKind(kind)
    }

    /// Adds an entity by kind code, skipping the kind lookup: the bulk path.
    @discardableResult
    public mutating func addEntity(id: String, kindCode: UInt16, name: String) throws(GraphBuildError) -> EntityIndex {
        guard Int(kindCode) < entityKindIDs.count else { throw .unknownEntityKind("#\(kindCode)") }
        return try appendEntity(id: id, kind: entityKindIDs[Int(kindCode)], name: name, details: nil)
    }

    /// The code of a relationship kind, for the bulk path.
    public func relationshipKindCode(_ kind: String) -> UInt16? { relationshipKindCodes[kind] }

    private mutating func appendRelationship(id: String?, kindCode: UInt16, from: EntityIndex, to: EntityIndex,
                                             details: RelationshipDetails?) throws(GraphBuildError) -> RelationshipIndex {
        guard relationshipKinds.count < Int32.max else { throw .tooLarge("relationships") }
        guard from.int < entityKinds.count, from.rawValue >= 0 else { throw .unknownEntity(from.description) }
        guard to.int < entityKinds.count, to.rawValue >= 0 else { throw .unknownEntity(to.description) }
        let index = RelationshipIndex(relationshipKinds.count)
        relationshipIDs.append(id ?? "")
        relationshipKinds.append(kindCode)
        relationshipFrom.append(from.rawValue)
        relationshipTo.append(to.rawValue)
        if let details {
            relationshipDetailSlots.append(Int32(relationshipDetails.count))
            relationshipDetails.append(details)
        } else {
            relationshipDetailSlots.append(-1)
        }
        return index
    }

    private mutating func internEntityKind(_ kind: String) -> UInt16 {
        if let code = entityKindCodes[kind] { return code }
        let code = UInt16(entityKindIDs.count)
        entityKindIDs.append(kind)
        entityKindCodes[kind] = code
        return code
    }

    private mutating func internRelationshipKind(_ kind: String) -> UInt16 {
        if let code = relationshipKindCodes[kind] { return code }
        let code = UInt16(relationshipKindIDs.count)
        relationshipKindIDs.append(kind)
        relationshipKindCodes[kind] = code
        return code
    }

    /// Packs everything into a graph: builds both adjacency arrays by counting sort.
    public func build() -> Graph {
        let entityCount = entityKinds.count
        let outgoing = Adjacency(entityCount: entityCount, keys: relationshipFrom, others: relationshipTo)
        let incoming = Adjacency(entityCount: entityCount, keys: relationshipTo, others: relationshipFrom)
        return Graph(
            vocabulary: vocabulary, title: title, summaryText: summaryText,
            entityIDs: entityIDs, entityNames: entityNames, entityKindCodes: entityKinds,
            entityLookup: entityLookup, entityDetailSlots: entityDetailSlots, entityDetails: entityDetails,
            relationshipIDs: relationshipIDs, relationshipKindCodes: relationshipKinds,
            relationshipFrom: relationshipFrom, relationshipTo: relationshipTo,
            relationshipDetailSlots: relationshipDetailSlots, relationshipDetails: relationshipDetails,
            entityColumns: entityColumns, relationshipColumns: relationshipColumns,
            entityKindIDs: entityKindIDs, relationshipKindIDs: relationshipKindIDs,
            sources: sources, sourceLookup: sourceLookup,
            outgoing: outgoing, incoming: incoming,
            undirected: Adjacency(distinctNeighborsOf: outgoing, incoming, entityCount: entityCount))
    }
}
