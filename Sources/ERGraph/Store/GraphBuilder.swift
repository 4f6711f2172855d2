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
    private var columns: StoreColumns
    private var entityKindCodeByName: [String: UInt16] = [:]
    private var relationshipKindCodeByName: [String: UInt16] = [:]

    public var title: String? {
        get { columns.title }
        set { columns.title = newValue }
    }
    /// Properties of the dataset as a whole.
    public var properties: [String: PropertyValue] {
        get { columns.graphProperties }
        set { columns.graphProperties = newValue }
    }

    public var summaryText: String? {
        get { columns.summaryText }
        set { columns.summaryText = newValue }
    }

    /// The paths the dataset names as its stories.
    public var stories: [Story] {
        get { columns.stories }
        set { columns.stories = newValue }
    }

    public init(vocabulary: Vocabulary = .builtIn) {
        columns = StoreColumns(vocabulary: vocabulary)
        for kind in vocabulary.entityKinds { _ = internEntityKind(kind.id) }
        for kind in vocabulary.relationshipKinds { _ = internRelationshipKind(kind.id) }
    }

    public var entityCount: Int { columns.entityKindCodes.count }
    public var relationshipCount: Int { columns.relationshipKindCodes.count }

    public mutating func reserveCapacity(entities: Int, relationships: Int) {
        columns.entityIDs.reserveCapacity(strings: entities, bytes: entities * 8)
        columns.entityNames.reserveCapacity(strings: entities, bytes: entities * 12)
        columns.entityKindCodes.reserveCapacity(entities)
        columns.entityLookup.reserveCapacity(entities)
        columns.entityDetailSlots.reserveCapacity(entities)
        columns.relationshipIDs.reserveCapacity(strings: relationships, bytes: 0)
        columns.relationshipKindCodes.reserveCapacity(relationships)
        columns.relationshipFrom.reserveCapacity(relationships)
        columns.relationshipTo.reserveCapacity(relationships)
        columns.relationshipDetailSlots.reserveCapacity(relationships)
    }

    /// The entity with this id, if it has been added.
    public func index(ofEntity id: String) -> EntityIndex? {
        columns.entityLookup[id].map(EntityIndex.init)
    }

    public mutating func addSource(_ source: Source) {
        if let existing = columns.sourceLookup[source.id] {
            columns.sources[existing] = source
        } else {
            columns.sourceLookup[source.id] = columns.sources.count
            columns.sources.append(source)
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
        guard let kindCode = entityKindCodeByName[kind] else { throw .unknownEntityKind(kind) }
        guard columns.entityKindCodes.count < Int32.max else { throw .tooLarge("entities") }
        let index = Int32(columns.entityKindCodes.count)
        guard columns.entityLookup[id] == nil else { throw .duplicateEntity(id) }
        columns.entityLookup[id] = index
        columns.entityIDs.append(id)
        columns.entityNames.append(name)
        columns.entityKindCodes.append(kindCode)
        if let details {
            columns.entityDetailSlots.append(Int32(columns.entityDetails.count))
            columns.entityDetails.append(details)
        } else {
            columns.entityDetailSlots.append(-1)
        }
        return EntityIndex(index)
    }

    /// Adds a link with no details between entities already added: the bulk path.
    /// `id` may be nil, in which case the link is named by its index.
    @discardableResult
    public mutating func addRelationship(id: String? = nil, kind: String, from: EntityIndex,
                                         to: EntityIndex) throws(GraphBuildError) -> RelationshipIndex {
        guard let kindCode = relationshipKindCodeByName[kind] else { throw .unknownRelationshipKind(kind) }
        return try appendRelationship(id: id, kindCode: kindCode, from: from, to: to, details: nil)
    }

    /// Adds a link by kind code (see ``relationshipKindCode(_:)``), skipping the kind lookup.
    @discardableResult
    public mutating func addRelationship(id: String? = nil, kindCode: UInt16, from: EntityIndex,
                                         to: EntityIndex) throws(GraphBuildError) -> RelationshipIndex {
        guard Int(kindCode) < columns.relationshipKindIDs.count else { throw .unknownRelationshipKind("#\(kindCode)") }
        return try appendRelationship(id: id, kindCode: kindCode, from: from, to: to, details: nil)
    }

    /// Appends links without ids or details, in order, by kind code and entity row: the merge
    /// of loaders that read a file in parallel chunks. Checked as a whole before anything is
    /// added, so a bad column leaves the builder as it was.
    public mutating func appendRelationships(kindCodes: [UInt16], from: [Int32], to: [Int32]) throws(GraphBuildError) {
        precondition(kindCodes.count == from.count && from.count == to.count, "one kind and two ends per link")
        guard columns.relationshipKindCodes.count + from.count < Int32.max else { throw .tooLarge("relationships") }
        let entities = Int32(columns.entityKindCodes.count)
        let kinds = columns.relationshipKindIDs.count
        if let bad = kindCodes.first(where: { Int($0) >= kinds }) { throw .unknownRelationshipKind("#\(bad)") }
        if let bad = from.first(where: { $0 < 0 || $0 >= entities }) { throw .unknownEntity(EntityIndex(bad).description) }
        if let bad = to.first(where: { $0 < 0 || $0 >= entities }) { throw .unknownEntity(EntityIndex(bad).description) }
        columns.relationshipIDs.appendEmpty(count: from.count)
        columns.relationshipKindCodes.append(contentsOf: kindCodes)
        columns.relationshipFrom.append(contentsOf: from)
        columns.relationshipTo.append(contentsOf: to)
        columns.relationshipDetailSlots.append(contentsOf: repeatElement(-1, count: from.count))
    }

    /// Adds a full relationship record whose ends are entity ids already added.
    @discardableResult
    public mutating func addRelationship(_ relationship: Relationship) throws(GraphBuildError) -> RelationshipIndex {
        guard let kindCode = relationshipKindCodeByName[relationship.kind] else {
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
    public var entityColumns: ColumnStore {
        get { columns.entityColumns }
        set { columns.entityColumns = newValue }
    }
    public var relationshipColumns: ColumnStore {
        get { columns.relationshipColumns }
        set { columns.relationshipColumns = newValue }
    }

    /// The code of an entity kind, declaring it (with `meaning`) when the vocabulary lacks it:
    /// bulk files name kinds no dataset declared.
    public mutating func entityKindCode(declaring kind: String, meaning: String) -> UInt16 {
        if let code = entityKindCodeByName[kind] { return code }
        columns.vocabulary.declareEntityKind(KindDefinition(kind, meaning))
        return internEntityKind(kind)
    }

    public mutating func relationshipKindCode(declaring kind: String, meaning: String) -> UInt16 {
        if let code = relationshipKindCodeByName[kind] { return code }
        columns.vocabulary.declareRelationshipKind(KindDefinition(kind, meaning))
        return internRelationshipKind(kind)
    }

    /// Adds an entity by kind code, skipping the kind lookup: the bulk path.
    @discardableResult
    public mutating func addEntity(id: String, kindCode: UInt16, name: String) throws(GraphBuildError) -> EntityIndex {
        guard Int(kindCode) < columns.entityKindIDs.count else { throw .unknownEntityKind("#\(kindCode)") }
        return try appendEntity(id: id, kind: columns.entityKindIDs[Int(kindCode)], name: name, details: nil)
    }

    /// The code of a relationship kind, for the bulk path.
    public func relationshipKindCode(_ kind: String) -> UInt16? { relationshipKindCodeByName[kind] }

    private mutating func appendRelationship(id: String?, kindCode: UInt16, from: EntityIndex, to: EntityIndex,
                                             details: RelationshipDetails?) throws(GraphBuildError) -> RelationshipIndex {
        guard columns.relationshipKindCodes.count < Int32.max else { throw .tooLarge("relationships") }
        guard from.int < columns.entityKindCodes.count, from.rawValue >= 0 else { throw .unknownEntity(from.description) }
        guard to.int < columns.entityKindCodes.count, to.rawValue >= 0 else { throw .unknownEntity(to.description) }
        let index = RelationshipIndex(columns.relationshipKindCodes.count)
        columns.relationshipIDs.append(id ?? "")
        columns.relationshipKindCodes.append(kindCode)
        columns.relationshipFrom.append(from.rawValue)
        columns.relationshipTo.append(to.rawValue)
        if let details {
            columns.relationshipDetailSlots.append(Int32(columns.relationshipDetails.count))
            columns.relationshipDetails.append(details)
        } else {
            columns.relationshipDetailSlots.append(-1)
        }
        return index
    }

    private mutating func internEntityKind(_ kind: String) -> UInt16 {
        if let code = entityKindCodeByName[kind] { return code }
        let code = UInt16(columns.entityKindIDs.count)
        columns.entityKindIDs.append(kind)
        entityKindCodeByName[kind] = code
        return code
    }

    private mutating func internRelationshipKind(_ kind: String) -> UInt16 {
        if let code = relationshipKindCodeByName[kind] { return code }
        let code = UInt16(columns.relationshipKindIDs.count)
        columns.relationshipKindIDs.append(kind)
        relationshipKindCodeByName[kind] = code
        return code
    }

    /// Packs everything into a graph: builds both adjacency arrays by counting sort.
    public func build() -> Graph {
        Graph(columns: columns)
    }
}
