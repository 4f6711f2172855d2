import ERGraph

/// How FollowTheMoney schemata (followthemoney 4.11, `followthemoney/schema/*.yaml`) meet
/// ergraph's kinds, both ways. FtM writes links as "edge" entities (a Payment is an entity with
/// a payer and a beneficiary); ergraph writes them as relationships.
enum FtMSchemata {
    /// The 17 edge schemata: the property that holds the source, the one that holds the target,
    /// and the relationship kind ergraph reads them as.
    static let edges: [String: (source: String, target: String, kind: String)] = [
        "Associate": ("person", "associate", "associated_with"),
        "ContractAward": ("contract", "supplier", "awarded_to"),
        "Control": ("controller", "controlled", "controls"),
        "CourtCaseParty": ("party", "case", "involved_in"),
        "Debt": ("debtor", "creditor", "owes"),
        "Directorship": ("director", "organization", "directs"),
        "Documentation": ("document", "entity", "documents"),
        "Employment": ("employee", "employer", "works_for"),
        "Family": ("person", "relative", "related_to"),
        "Membership": ("member", "organization", "belongs_to"),
        "Occupancy": ("holder", "post", "holds"),
        "Ownership": ("owner", "asset", "owns"),
        "Payment": ("payer", "beneficiary", "paid"),
        "ProjectParticipant": ("participant", "project", "participates_in"),
        "Representation": ("agent", "client", "represents"),
        "Succession": ("predecessor", "successor", "precedes"),
        "UnknownLink": ("subject", "object", "linked_to"),
    ]

    /// Node schemata read as ergraph's own kinds; others become a declared kind of their name.
    static let nodeKinds: [String: String] = [
        "Person": "person", "Company": "company", "Organization": "organization", "LegalEntity": "organization",
        "PublicBody": "agency", "Address": "location", "Contract": "contract", "Document": "document",
        "Article": "document", "Asset": "product",
    ]

    /// The schema an entity of `kind` is written as.
    static func schema(forKind kind: String) -> String {
        switch kind {
        case "agency", "government": "PublicBody"
        case "company": "Company"
        case "person": "Person"
        case "organization", "publication": "Organization"
        case "product": "Asset"
        case "contract": "Contract"
        case "document": "Document"
        case "location": "Address"
        default: "LegalEntity"
        }
    }

    /// The edge schema and its source/target properties a relationship of `kind` is written as;
    /// `reversed` when ergraph's direction is the opposite of FtM's (a subsidiary of its owner).
    static func edge(forKind kind: String) -> (schema: String, source: String, target: String, reversed: Bool) {
        switch kind {
        case "owns", "acquired": ("Ownership", "owner", "asset", false)
        case "subsidiary_of": ("Ownership", "owner", "asset", true)
        case "part_of": ("Membership", "member", "organization", false)
        case "awarded_to": ("ContractAward", "contract", "supplier", false)
        case "works_for": ("Employment", "employee", "employer", false)
        case "leads", "directs": ("Directorship", "director", "organization", false)
        case "merged_into", "precedes": ("Succession", "predecessor", "successor", false)
        case "paid": ("Payment", "payer", "beneficiary", false)
        case "represents": ("Representation", "agent", "client", false)
        case "controls": ("Control", "controller", "controlled", false)
        default: ("UnknownLink", "subject", "object", false)
        }
    }

    /// The description entry that names a link's ergraph kind: `ergraph kind: acquired`.
    static let kindNote = "ergraph kind: "

    /// A quote as exports write it in notes and descriptions: `“words” (source title)`.
    static func quote(in note: String) -> String? {
        guard note.hasPrefix("“"), let close = note.range(of: "” (", options: .backwards), note.hasSuffix(")") else { return nil }
        return String(note[note.index(after: note.startIndex)..<close.lowerBound])
    }

    /// Properties FtM reads as names other than the main one.
    static let aliasProperties = ["alias", "weakAlias", "previousName", "abbreviation"]
}

extension FtMSchemata {
    /// A kind id as ergraph writes them: lower case, digits and `_`, starting with a letter.
    static func isKindID(_ text: String) -> Bool { Identifiers.isValidKind(text) }
}
