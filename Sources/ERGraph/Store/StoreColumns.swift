/// Everything a graph holds besides its adjacency arrays: the entity and relationship columns,
/// the kinds, the sources. ``GraphBuilder`` fills one, ``Graph`` is built around one and
/// ``GraphSnapshot`` reads one back, so the store's layout is written down once.
struct StoreColumns: Sendable {
    var vocabulary: Vocabulary
    var title: String?
    var summaryText: String?
    /// What the dataset says about itself beyond its title (a DOT file's graph attributes).
    var graphProperties: [String: PropertyValue] = [:]
    /// The paths the dataset names as its stories.
    var stories: [Story] = []

    // Entity columns.
    var entityIDs = StringTable()
    var entityNames = StringTable()
    var entityKindCodes: [UInt16] = []
    var entityLookup: [String: Int32] = [:]
    var entityDetailSlots: [Int32] = []
    var entityDetails: [EntityDetails] = []

    // Relationship columns.
    var relationshipIDs = StringTable()
    var relationshipKindCodes: [UInt16] = []
    var relationshipFrom: [Int32] = []
    var relationshipTo: [Int32] = []
    var relationshipDetailSlots: [Int32] = []
    var relationshipDetails: [RelationshipDetails] = []

    /// Extra columns of bulk-loaded graphs, read back as properties.
    var entityColumns = ColumnStore()
    var relationshipColumns = ColumnStore()

    /// Kind names by code.
    var entityKindIDs: [String] = []
    var relationshipKindIDs: [String] = []

    /// Sources by id, in the order the dataset lists them.
    var sources: [Source] = []
    var sourceLookup: [String: Int] = [:]

    init(vocabulary: Vocabulary) {
        self.vocabulary = vocabulary
    }

    var entityCount: Int { entityKindCodes.count }
    var relationshipCount: Int { relationshipKindCodes.count }
}
