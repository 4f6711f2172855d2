/// The kinds that the code itself gives a meaning to, named once. Datasets may declare any
/// other kind; these are the ones algorithms, answers and diagrams treat specially.
public enum EntityKinds {
    /// A government body that buys: money and diagrams group by it.
    public static let agency = "agency"
    /// A contract written as an entity, which the contract projection folds into a link.
    public static let contract = "contract"
    public static let company = "company"
    public static let government = "government"
}

/// Relationship kinds with a role in the code.
public enum RelationshipKinds {
    /// The kind importers give a link whose file names none (a DOT edge, a list row without a
    /// type): it says nothing, so drawings do not label a link with it.
    public static let unspecified = "edge"
    /// The link the contract projection makes from buyer to vendor for each contract entity.
    public static let contracted = "contracted"
    public static let awarded = "awarded"
    public static let awardedTo = "awarded_to"
    public static let orderUnder = "order_under"
    public static let covers = "covers"
    public static let bought = "bought"
    public static let benefits = "benefits"
    /// A payment written as a link; counted by money like a contract.
    public static let paid = "paid"
    /// Links that carry money between a buyer and a vendor.
    public static let money: Set<String> = [contracted, paid]
}

/// Which way a hierarchical link is written.
public enum HierarchyDirection: Sendable, Equatable {
    /// From the part to the whole: `part_of`, `subsidiary_of`, `merged_into`.
    case childToParent
    /// From the owner to what it owns: `owns`, `acquired`.
    case parentToChild
}

/// Families of relationship: what a link is about, whatever its exact kind. Diagrams draw one
/// line style per family; answers group by it.
public enum LinkFamily: String, Sendable, CaseIterable, Comparable {
    case contract, ownership, product, people, reporting, other

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}

extension Vocabulary {
    /// The hierarchical kinds and the way each is written: the one table that ownership
    /// chains, hierarchy cycle checks and answers read.
    public static let hierarchy: [String: HierarchyDirection] = [
        "part_of": .childToParent, "subsidiary_of": .childToParent, "merged_into": .childToParent,
        "owns": .parentToChild, "acquired": .parentToChild,
    ]

    /// Kinds of link along which one entity owns or contains another: the chains that
    /// ownership questions follow and cycle checks guard.
    public static var hierarchicalKinds: Set<String> { Set(hierarchy.keys) }

    /// For a hierarchical link of `kind` from `from` to `to`: the child and the parent, or nil
    /// for a link of another kind.
    public static func childAndParent<Node>(kind: String, from: Node, to: Node) -> (child: Node, parent: Node)? {
        switch hierarchy[kind] {
        case .childToParent?: (from, to)
        case .parentToChild?: (to, from)
        case nil: nil
        }
    }

    /// The family of a relationship kind. Kinds some datasets declare (a suspension, a leak) are
    /// placed too, so they are drawn with their kin.
    public static func family(of kind: String) -> LinkFamily {
        switch kind {
        case "contracted", "awarded", "awarded_to", "order_under", "follows_on", "paid", "suspended", "reinstated": .contract
        case "part_of", "subsidiary_of", "owns", "acquired", "merged_into", "planned_merger": .ownership
        case "makes", "covers", "bought", "uses", "supplies", "benefits": .product
        case "founded", "works_for", "leads": .people
        case "reported", "describes", "leaked_to": .reporting
        default: .other
        }
    }
}
