import Foundation

/// A kind of entity or relationship with the one line that says what it means.
public struct KindDefinition: Hashable, Sendable, Codable {
    /// Lower-case identifier, words joined by `_`: `part_of`, `awarded_to`.
    public var id: String
    public var meaning: String
    /// For a relationship kind: how "source … target" reads, `acquired` in "AE Industrial
    /// acquired Paragon Solutions". Nil reads as the ``label``.
    public var phrase: String?
    /// How the same link reads from its target, "target … source": `was acquired by` in
    /// "Paragon Solutions was acquired by AE Industrial". Nil when the dataset gave none.
    public var inverse: String?

    public init(_ id: String, _ meaning: String, phrase: String? = nil, inverse: String? = nil) {
        self.id = id
        self.meaning = meaning
        self.phrase = phrase
        self.inverse = inverse
    }

    /// The id as people read it: `awarded_to` → `awarded to`.
    public var label: String { id.replacingOccurrences(of: "_", with: " ") }

    /// How the link reads from its source.
    public var activePhrase: String { phrase ?? label }
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
        var kind = kind
        // The kind importers give a link whose file names none reads as a plain link both ways
        // ("Electricity grid is linked to Agriculture"), not as the word "edge".
        if kind.id == RelationshipKinds.unspecified && kind.phrase == nil && kind.inverse == nil {
            kind.phrase = "is linked to"
            kind.inverse = "is linked from"
        }
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
            KindDefinition("part_of", "the source is a component, division or office of the target", phrase: "is part of", inverse: "includes"),
            KindDefinition("subsidiary_of", "the source company is a subsidiary of the target company", phrase: "is a subsidiary of", inverse: "is the parent company of"),
            KindDefinition("owns", "the source owns all or part of the target", phrase: "owns", inverse: "is owned by"),
            KindDefinition("acquired", "the source bought the target and has owned it since", phrase: "acquired", inverse: "was acquired by"),
            KindDefinition("merged_into", "the source merged with or into the target and continues as part of it", phrase: "merged into", inverse: "absorbed"),
            KindDefinition("awarded", "the source (a buyer) awarded the target contract", phrase: "awarded", inverse: "was awarded by"),
            KindDefinition("awarded_to", "the source contract was awarded to the target vendor", phrase: "was awarded to", inverse: "won"),
            KindDefinition("contracted", "the source buyer holds a contract with the target vendor (a contract written as a link)", phrase: "contracted with", inverse: "holds a contract from"),
            KindDefinition("order_under", "the source contract is an order placed under the target parent contract", phrase: "is an order under", inverse: "has the order"),
            KindDefinition("follows_on", "the source contract continues or succeeds the target contract", phrase: "follows on from", inverse: "was followed by"),
            KindDefinition("covers", "the source contract buys or licenses the target product", phrase: "covers", inverse: "is covered by"),
            KindDefinition("bought", "the source buyer bought or licensed the target product (a contract's 'covers' seen from the buyer)", phrase: "bought", inverse: "was bought by"),
            KindDefinition("benefits", "the source contract serves the target unit, which uses what it buys", phrase: "benefits", inverse: "benefits from"),
            KindDefinition("makes", "the source company makes, develops or sells the target product", phrase: "makes", inverse: "is made by"),
            KindDefinition("uses", "the source uses the target product or service", phrase: "uses", inverse: "is used by"),
            KindDefinition("supplies", "the source sells to or works for the target customer", phrase: "supplies", inverse: "is supplied by"),
            KindDefinition("founded", "the source person founded or co-founded the target", phrase: "founded", inverse: "was founded by"),
            KindDefinition("works_for", "the source person works for or speaks for the target", phrase: "works for", inverse: "employs"),
            KindDefinition("leads", "the source person heads the target", phrase: "leads", inverse: "is led by"),
            KindDefinition("reported", "the source outlet reported on the target", phrase: "reported on", inverse: "was reported on by"),
            KindDefinition("describes", "the source document is about the target", phrase: "describes", inverse: "is described in"),
            KindDefinition("located_in", "the source is based in the target location", phrase: "is located in", inverse: "is the location of"),
        ])
}
