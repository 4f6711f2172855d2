/// Something in the map: an agency, a company, a product, a contract, a person, an outlet.
public struct Entity: Hashable, Sendable, Codable, Identifiable {
    /// Stable id, unique within the graph, used by links and on the command line.
    public var id: String
    /// An entity kind from the ``Vocabulary``.
    public var kind: String
    public var name: String
    /// Other names the entity goes by (`ICE`, `HSI`), matched like the name.
    public var aliases: [String]
    /// When the entity existed or, for a contract, ran.
    public var validity: Validity
    /// Amounts that belong to the entity itself, such as a contract's value.
    public var amounts: [Money]
    /// Dated events, such as a contract's stop-work order and its lifting.
    public var events: [StatusEvent]
    public var properties: [String: PropertyValue]
    public var citations: [Citation]

    public init(id: String, kind: String, name: String, aliases: [String] = [],
                validity: Validity = .always, amounts: [Money] = [], events: [StatusEvent] = [],
                properties: [String: PropertyValue] = [:], citations: [Citation] = []) {
        self.id = id
        self.kind = kind
        self.name = name
        self.aliases = aliases
        self.validity = validity
        self.amounts = amounts
        self.events = events
        self.properties = properties
        self.citations = citations
    }
}

/// A directed, typed link between two entities. Several may join the same pair: two contracts
/// between an agency and a vendor are two relationships, each with its own dates, money and sources.
public struct Relationship: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    /// A relationship kind from the ``Vocabulary``.
    public var kind: String
    /// The ``Entity/id`` the link starts from.
    public var from: String
    /// The ``Entity/id`` the link points to.
    public var to: String
    public var validity: Validity
    /// Amounts attached to the link, each with its currency and kind.
    public var amounts: [Money]
    /// Dated events in the link's life (signed, stop-work order, lifted), oldest first.
    public var events: [StatusEvent]
    public var properties: [String: PropertyValue]
    public var citations: [Citation]

    public init(id: String, kind: String, from: String, to: String, validity: Validity = .always,
                amounts: [Money] = [], events: [StatusEvent] = [],
                properties: [String: PropertyValue] = [:], citations: [Citation] = []) {
        self.id = id
        self.kind = kind
        self.from = from
        self.to = to
        self.validity = validity
        self.amounts = amounts
        self.events = events
        self.properties = properties
        self.citations = citations
    }

    /// The latest event on or before `date` (or the latest of all when `date` is nil).
    public func status(asOf date: PartialDate? = nil) -> StatusEvent? {
        let dated = events.filter { event in
            guard let date else { return true }
            guard let eventDate = event.date else { return true }
            return !date.isWhollyBefore(eventDate)
        }
        return dated.max { lhs, rhs in
            switch (lhs.date, rhs.date) {
            case let (left?, right?): left < right
            case (nil, _?): true
            default: false
            }
        }
    }
}
