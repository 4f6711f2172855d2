/// Where each field of a record was written, so that checks made after reading can still
/// point at the right line and column. Keys are field paths such as `from`, `kind`,
/// `sources[1].source`, `events[0].date`.
public struct FieldLocations: Hashable, Sendable {
    /// The start of the record itself.
    public var record: SourceLocation?
    public var fields: [String: SourceLocation]

    public init(record: SourceLocation? = nil, fields: [String: SourceLocation] = [:]) {
        self.record = record
        self.fields = fields
    }

    /// Marks a record whose `sources` field was present but unreadable (already reported).
    public static let malformedSources = "sources (malformed)"

    /// The field's location, else the record's.
    public subscript(field: String) -> SourceLocation? { fields[field] ?? record }
}

/// A value read from a dataset together with where it was written.
public struct Located<Value: Hashable & Sendable>: Hashable, Sendable {
    public var value: Value
    public var locations: FieldLocations

    public init(_ value: Value, locations: FieldLocations = FieldLocations()) {
        self.value = value
        self.locations = locations
    }
}

/// A dataset as written by people: sources, declared kinds, entities and relationships,
/// each remembering where it was written. ``GraphAssembler`` checks it and builds a ``Graph``.
public struct Dataset: Hashable, Sendable {
    public var title: String?
    public var description: String?
    /// Properties of the dataset as a whole.
    public var properties: [String: PropertyValue] = [:]
    /// How many independent sources a link of each kind must rest on (`all` for every kind),
    /// which `lint` checks; where the rule was written.
    public var corroboration: [String: Int] = [:]
    public var corroborationLocation: SourceLocation?
    /// The paths the dataset names as its stories (``Story``), where each was written.
    public var stories: [Located<Story>] = []
    public var sources: [Located<Source>]
    public var entityKinds: [Located<KindDefinition>]
    public var relationshipKinds: [Located<KindDefinition>]
    public var entities: [Located<Entity>]
    public var relationships: [Located<Relationship>]
    /// Groups of ids that name one entity (`same_as`), possibly across datasets: merged into the
    /// first id of each group that exists.
    public var sameAs: [Located<[String]>] = []
    /// Ids of entities the reader saw but could not use (already reported): links to them are
    /// skipped quietly rather than reported a second time as dangling.
    public var unusableEntityIDs: Set<String> = []

    public init(title: String? = nil, description: String? = nil, sources: [Located<Source>] = [],
                entityKinds: [Located<KindDefinition>] = [], relationshipKinds: [Located<KindDefinition>] = [],
                entities: [Located<Entity>] = [], relationships: [Located<Relationship>] = []) {
        self.title = title
        self.description = description
        self.sources = sources
        self.entityKinds = entityKinds
        self.relationshipKinds = relationshipKinds
        self.entities = entities
        self.relationships = relationships
    }
}
