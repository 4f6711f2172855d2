/// A document that evidence comes from: a news article, a procurement record, a court filing.
public struct Source: Hashable, Sendable, Codable, Identifiable {
    /// Stable id that citations refer to.
    public var id: String
    public var title: String
    /// Who published it (an outlet, an agency, a registry).
    public var publisher: String?
    /// Where to read it; http or https only.
    public var url: String?
    public var published: PartialDate?
    /// A file under the dataset's `sources/` folder holding a copy, for when the link rots.
    public var archive: String?

    public init(id: String, title: String, publisher: String? = nil, url: String? = nil,
                published: PartialDate? = nil, archive: String? = nil) {
        self.id = id
        self.title = title
        self.publisher = publisher
        self.url = url
        self.published = published
        self.archive = archive
    }
}

/// The evidence for one claim: which source says it, and the short quote that supports it.
public struct Citation: Hashable, Sendable, Codable {
    /// The ``Source/id`` of the document.
    public var source: String
    /// The words in the source that support the claim, quoted exactly.
    public var quote: String?
    /// Where the quoted source got it, when it credits someone else ("as reported by 404 Media").
    public var creditedTo: String?
    /// Where in the source the claim is: a page, a section, a table's line (`awards.csv line 17`),
    /// so that it can be found again without quoting it whole.
    public var locator: String?

    public init(source: String, quote: String? = nil, creditedTo: String? = nil, locator: String? = nil) {
        self.source = source
        self.quote = quote
        self.creditedTo = creditedTo
        self.locator = locator
    }
}

/// Something that happened to a relationship on a date: a contract signed, paused by a
/// stop-work order, resumed, ended. The events of a relationship, in date order, tell its story.
public struct StatusEvent: Hashable, Sendable, Codable {
    public var date: PartialDate?
    /// Short, lower-case label such as `signed`, `stop-work order`, `stop-work order lifted`.
    public var status: String
    public var note: String?
    public var citations: [Citation]

    public init(date: PartialDate?, status: String, note: String? = nil, citations: [Citation] = []) {
        self.date = date
        self.status = status
        self.note = note
        self.citations = citations
    }
}

/// A typed property value. Datasets write plain scalars for text, numbers and booleans, and
/// small mappings for dates (`{date: 2024-09}`) and money (`{amount: 2M, currency: USD, kind: reported}`).
///
/// In JSON a value is written as what it is: a string, a number, a boolean, a date string,
/// `{"amount", "currency", "kind"}` for money, or an array.
public enum PropertyValue: Hashable, Sendable, Codable, CustomStringConvertible {
    case text(String)
    case integer(Int)
    case number(Double)
    case boolean(Bool)
    case date(PartialDate)
    case money(Money)
    case list([PropertyValue])

    public var description: String {
        switch self {
        case let .text(value): value
        case let .integer(value): String(value)
        case let .number(value): String(value)
        case let .boolean(value): value ? "true" : "false"
        case let .date(value): value.description
        case let .money(value): value.description
        case let .list(values): values.map(\.description).joined(separator: ", ")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case let .text(value): try container.encode(value)
        case let .integer(value): try container.encode(value)
        case let .number(value): try container.encode(value)
        case let .boolean(value): try container.encode(value)
        case let .date(value): try container.encode(value)
        case let .money(value): try container.encode(value)
        case let .list(values): try container.encode(values)
        }
    }

    /// Reads what ``encode(to:)`` writes; a date string comes back as text, since JSON
    /// cannot tell the two apart.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Bool.self) { self = .boolean(value) }
        else if let value = try? container.decode(Int.self) { self = .integer(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .text(value) }
        else if let value = try? container.decode([PropertyValue].self) { self = .list(value) }
        else { self = .money(try container.decode(Money.self)) }
    }

    /// The value as a number, when it is one.
    public var numericValue: Double? {
        switch self {
        case let .integer(value): Double(value)
        case let .number(value): value
        default: nil
        }
    }
}
