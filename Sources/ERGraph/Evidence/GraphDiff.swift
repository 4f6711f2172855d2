/// What changed between two versions of a dataset: records added, removed, and changed field
/// by field. Records are matched by id.
public struct GraphDiff: Sendable {
    /// One field that differs, with its value before and after, as text.
    public struct FieldChange: Sendable, Hashable {
        public var field: String
        public var before: String
        public var after: String
    }

    /// A record present in both versions whose fields differ.
    public struct RecordChange<Record: Sendable>: Sendable {
        public var id: String
        public var before: Record
        public var after: Record
        public var fields: [FieldChange]
    }

    public typealias EntityChange = RecordChange<Entity>
    public typealias LinkChange = RecordChange<Relationship>

    public var addedEntities: [Entity] = []
    public var removedEntities: [Entity] = []
    public var changedEntities: [EntityChange] = []
    public var addedLinks: [Relationship] = []
    public var removedLinks: [Relationship] = []
    public var changedLinks: [LinkChange] = []

    public var isEmpty: Bool {
        addedEntities.isEmpty && removedEntities.isEmpty && changedEntities.isEmpty
            && addedLinks.isEmpty && removedLinks.isEmpty && changedLinks.isEmpty
    }

    /// The differences from `old` to `new`, in the new graph's order (removed ones in the old's).
    public init(from old: Graph, to new: Graph) {
        (addedEntities, removedEntities, changedEntities) = Self.compare(
            old: old.entityIndices.map(old.entity), new: new.entityIndices.map(new.entity), id: \.id, fields: Self.fields(of:))
        (addedLinks, removedLinks, changedLinks) = Self.compare(
            old: old.relationshipIndices.map(old.relationship), new: new.relationshipIndices.map(new.relationship),
            id: \.id, fields: Self.fields(of:))
    }

    /// Records matched by id: those only in `new`, those only in `old`, and those whose fields differ.
    static func compare<Record: Sendable>(old: [Record], new: [Record], id: (Record) -> String,
                                          fields: (Record) -> [(String, String)]) -> ([Record], [Record], [RecordChange<Record>]) {
        let oldByID = Dictionary(old.map { (id($0), $0) }, uniquingKeysWith: { first, _ in first })
        let newIDs = Set(new.map(id))
        var added: [Record] = [], changed: [RecordChange<Record>] = []
        for after in new {
            guard let before = oldByID[id(after)] else { added.append(after); continue }
            let differences = changes(before: fields(before), after: fields(after))
            if !differences.isEmpty { changed.append(RecordChange(id: id(after), before: before, after: after, fields: differences)) }
        }
        return (added, old.filter { !newIDs.contains(id($0)) }, changed)
    }

    static func changes(before: [(String, String)], after: [(String, String)]) -> [FieldChange] {
        let old = Dictionary(before, uniquingKeysWith: { first, _ in first })
        let new = Dictionary(after, uniquingKeysWith: { first, _ in first })
        let names = (before.map(\.0) + after.map(\.0)).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        return names.compactMap { name in
            let was = old[name] ?? "", now = new[name] ?? ""
            return was == now ? nil : FieldChange(field: name, before: was, after: now)
        }
    }

    /// A record's comparable fields as text, in a fixed order.
    static func fields(of entity: Entity) -> [(String, String)] {
        [("kind", entity.kind), ("name", entity.name), ("aliases", entity.aliases.joined(separator: ", "))]
            + shared(entity.validity, entity.amounts, entity.events, entity.properties, entity.citations)
    }

    static func fields(of link: Relationship) -> [(String, String)] {
        [("kind", link.kind), ("from", link.from), ("to", link.to)]
            + shared(link.validity, link.amounts, link.events, link.properties, link.citations)
    }

    static func shared(_ validity: Validity, _ amounts: [Money], _ events: [StatusEvent], _ properties: [String: PropertyValue],
                       _ citations: [Citation]) -> [(String, String)] {
        [("start", validity.start?.description ?? ""), ("end", validity.end?.description ?? ""),
         ("amount", amounts.map { "\($0.exactAmount) \($0.currency) \($0.kind.rawValue)" }.joined(separator: "; ")),
         ("events", events.map { ($0.date.map { "\($0) " } ?? "") + $0.status }.joined(separator: "; "))]
            + properties.keys.sorted().map { ("properties.\($0)", properties[$0]?.description ?? "") }
            + [("sources", citations.map { $0.source + ($0.quote.map { ": “\($0)”" } ?? "") }.joined(separator: "; "))]
    }
}
