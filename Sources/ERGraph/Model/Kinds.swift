import Foundation

/// A kind of entity or relationship with the one line that says what it means.
public struct KindDefinition: Hashable, Sendable, Codable {
    /// Lower-case identifier, words joined by `_`: `part_of`, `awarded_to`.
    public var id: String
    public var meaning: String

    public init(_ id: String, _ meaning: String) {
        self.id = id
        self.meaning = meaning
    }

    /// The id as people read it: `awarded_to` → `awarded to`.
    public var label: String { id.replacingOccurrences(of: "_", with: " ") }
}

/// The kinds a graph may use: the built-in vocabulary plus whatever a dataset declares.
public struct Vocabulary: Hashable, Sendable {
    public private(set) var entityKinds: [KindDefinition]
    public private(set) var relationshipKinds: [KindDefinition]

    public init(entityKinds: [KindDefinition], relationshipKinds: [KindDefinition]) {
        self.entityKinds = entityKinds
        self.relationshipKinds = relationshipKinds
    }

    public func entityKind(_ id: String) -> KindDefinition? { entityKinds.first { $0.id == id } }
    public func relationshipKind(_ id: String) -> KindDefinition? { relationshipKinds.first { $0.id == id } }

    /// Adds a dataset's own kind; returns false when the id is already known.
    @discardableResult
    public mutating func declareEntityKind(_ kind: KindDefinition) -> Bool {
        guard entityKind(kind.id) == nil else { return false }
        entityKinds.append(kind)
        return true
    }

    @discardableResult
    public mutating func declareRelationshipKind(_ kind: KindDefinition) -> Bool {
        guard relationshipKind(kind.id) == nil else { return false }
        relationshipKinds.append(kind)
        return true
    }

    /// The vocabulary every dataset starts with.
    public static let builtIn = Vocabulary(
        entityKinds: [
            KindDefinition("agency", "a government body that buys or uses technology (ICE, CBP)"),
            KindDefinition("government", "a government or administration as a whole"),
            KindDefinition("company", "a business: vendor, parent company, investor"),
            KindDefinition("organization", "a non-profit, association or other body that is neither agency nor company"),
            KindDefinition("product", "a product, service or system that is sold or used"),
            KindDefinition("contract", "a contract, award, order or subscription between a buyer and a vendor"),
            KindDefinition("person", "a named individual"),
            KindDefinition("publication", "a news outlet or publisher whose reporting is cited"),
            KindDefinition("document", "a report, leak, record or filing"),
            KindDefinition("location", "a country, city or site"),
        ],
        relationshipKinds: [
            KindDefinition("part_of", "the source is a component, division or office of the target"),
            KindDefinition("subsidiary_of", "the source company is a subsidiary of the target company"),
            KindDefinition("owns", "the source owns all or part of the target"),
            KindDefinition("acquired", "the source bought the target and has owned it since"),
            KindDefinition("merged_into", "the source merged with or into the target and continues as part of it"),
            KindDefinition("awarded", "the source (a buyer) awarded the target contract"),
            KindDefinition("awarded_to", "the source contract was awarded to the target vendor"),
            KindDefinition("contracted", "the source buyer holds a contract with the target vendor (a contract written as a link)"),
            KindDefinition("order_under", "the source contract is an order placed under the target parent contract"),
            KindDefinition("follows_on", "the source contract continues or succeeds the target contract"),
            KindDefinition("covers", "the source contract buys or licenses the target product"),
            KindDefinition("bought", "the source buyer bought or licensed the target product (a contract's 'covers' seen from the buyer)"),
            KindDefinition("benefits", "the source contract serves the target unit, which uses what it buys"),
            KindDefinition("makes", "the source company makes, develops or sells the target product"),
            KindDefinition("uses", "the source uses the target product or service"),
            KindDefinition("supplies", "the source sells to or works for the target customer"),
            KindDefinition("founded", "the source person founded or co-founded the target"),
            KindDefinition("works_for", "the source person works for or speaks for the target"),
            KindDefinition("leads", "the source person heads the target"),
            KindDefinition("reported", "the source outlet reported on the target"),
            KindDefinition("describes", "the source document is about the target"),
            KindDefinition("located_in", "the source is based in the target location"),
        ])
}
