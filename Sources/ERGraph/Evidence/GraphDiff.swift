/// What changed between two versions of a dataset: records added, removed, and changed field
/// by field. Records are matched by id.
public struct GraphDiff: Sendable {
    /// One field that differs, with its value before and after, as text.
    public struct FieldChange: Sendable, Hashable {
        public var field: String
        public var before: String
        public var after: String
    }

    public struct EntityChange: Sendable {
        public var id: String
        public var before: Entity
        public var after: Entity
        public var fields: [FieldChange]
    }

    public struct LinkChange: Sendable {
        public var id: String
        public var before: Relationship
        public var after: Relationship
        public var fields: [FieldChange]
    }

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
        let oldEntities = Dictionary(old.entityIndices.map { (old.id(of: $0), $0) }, uniquingKeysWith: { first, _ in first })
        let newEntityIDs = Set(new.entityIndices.map { new.id(of: $0) })
        for index in new.entityIndices {
            let after = new.entity(index)
            guard let oldIndex = oldEntities[after.id] else { addedEntities.append(after); continue }
            let before = old.entity(oldIndex)
            let fields = Self.changes(before: Self.fields(of: before), after: Self.fields(of: after))
            if !fields.isEmpty { changedEntities.append(EntityChange(id: after.id, before: before, after: after, fields: fields)) }
        }
        removedEntities = old.entityIndices.filter { !newEntityIDs.contains(old.id(of: $0)) }.map(old.entity)

        let oldLinks = Dictionary(old.relationshipIndices.map { (old.id(of: $0), $0) }, uniquingKeysWith: { first, _ in first })
        let newLinkIDs = Set(new.relationshipIndices.map { new.id(of: $0) })
        for index in new.relationshipIndices {
            let after = new.relationship(index)
            guard let oldIndex = oldLinks[after.id] else { addedLinks.append(after); continue }
            let before = old.relationship(oldIndex)
            let fields = Self.changes(before: Self.fields(of: before), after: Self.fields(of: after))
            if !fields.isEmpty { changedLinks.append(LinkChange(id: after.id, before: before, after: after, fields: fields)) }
        }
        removedLinks = old.relationshipIndices.filter { !newLinkIDs.contains(old.id(of: $0)) }.map(old.relationship)
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
