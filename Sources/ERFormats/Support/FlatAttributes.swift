import ERGraph
import Foundation

/// A plain attribute value, as table- and XML-based formats store them.
public enum FlatValue: Hashable, Sendable {
    case string(String)
    case integer(Int)
    case double(Double)
    case boolean(Bool)

    /// The value as text, numbers in a fixed, locale-independent form.
    public var text: String {
        switch self {
        case let .string(value): value
        case let .integer(value): String(value)
        case let .double(value): FlatValue.format(value)
        case let .boolean(value): value ? "true" : "false"
        }
    }

    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) + ".0" }
        return String(value)
    }
}

/// Entities and relationships flattened to name → value maps, the shape that GraphML, GEXF,
/// node-link JSON and CSV all share.
///
/// - `kind`, `name`, `aliases` (joined with `; `), `start`, `end`;
/// - each amount as `amount_<kind>_<currency>` (a number), so different kinds and currencies
///   stay apart;
/// - `status`, the latest status event with its date;
/// - every property under its own name (dates as text, money as its amount, lists joined);
/// - `sources`: the citations as a JSON array of `{"source", "quote", "credited_to"}`, so that
///   quotes holding any character come back exactly.
public enum FlatAttributes {
    public static func entity(_ entity: Entity) -> [String: FlatValue] {
        var values = shared(validity: entity.validity, amounts: entity.amounts, events: entity.events,
                            properties: entity.properties, citations: entity.citations)
        values["kind"] = .string(entity.kind)
        values["name"] = .string(entity.name)
        if !entity.aliases.isEmpty { values["aliases"] = .string(entity.aliases.joined(separator: "; ")) }
        return values
    }

    public static func relationship(_ relationship: Relationship) -> [String: FlatValue] {
        var values = shared(validity: relationship.validity, amounts: relationship.amounts, events: relationship.events,
                            properties: relationship.properties, citations: relationship.citations)
        values["kind"] = .string(relationship.kind)
        return values
    }

    private static func shared(validity: Validity, amounts: [Money], events: [StatusEvent],
                               properties: [String: PropertyValue], citations: [Citation]) -> [String: FlatValue] {
        var values: [String: FlatValue] = [:]
        for (key, value) in properties { values[key] = flat(value) }
        if let start = validity.start { values["start"] = .string(start.description) }
        if let end = validity.end { values["end"] = .string(end.description) }
        for money in amounts {
            values["amount_\(money.kind.rawValue)_\(money.currency)"] = .double(Double(truncating: money.amount as NSDecimalNumber))
        }
        if let latest = events.last {
            values["status"] = .string(latest.date.map { "\(latest.status) \($0)" } ?? latest.status)
            // The whole history, not just the latest status, so imports get every event back.
            if let json = eventsJSON(events) { values["events"] = .string(json) }
        }
        if !citations.isEmpty, let json = citationsJSON(citations) { values["sources"] = .string(json) }
        return values
    }

    static func eventsJSON(_ events: [StatusEvent]) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(events)).map { String(decoding: $0, as: UTF8.self) }
    }

    static func citationsJSON(_ citations: [Citation]) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(citations.map(CitationRecord.init))).map { String(decoding: $0, as: UTF8.self) }
    }

    /// A citation as exports write it, with the dataset format's field names.
    struct CitationRecord: Codable {
        var source: String
        var quote: String?
        var credited_to: String?
        var at: String?

        init(_ citation: Citation) {
            source = citation.source
            quote = citation.quote
            credited_to = citation.creditedTo
            at = citation.locator
        }

        var citation: Citation { Citation(source: source, quote: quote, creditedTo: credited_to, locator: at) }
    }

    static func flat(_ value: PropertyValue) -> FlatValue {
        switch value {
        case let .text(text): .string(text)
        case let .integer(number): .integer(number)
        case let .number(number): number.isFinite ? .double(number) : .string(String(number))
        case let .boolean(flag): .boolean(flag)
        case let .date(date): .string(date.description)
        case let .money(money): .double(Double(truncating: money.amount as NSDecimalNumber))
        case let .list(values): .string(values.map(\.description).joined(separator: "; "))
        }
    }

    /// The graph's source documents as one JSON text, stored as a graph-level attribute so that
    /// imports get back full sources and not just the ids that citations use.
    public static func sourcesJSON(_ graph: Graph) -> String? {
        guard !graph.sources.isEmpty else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(graph.sources)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The one type a column takes across all rows: a mix of numbers widens to double, any
    /// other mix to string.
    public static func columnTypes(_ rows: [[String: FlatValue]]) -> [String: FlatValue] {
        var types: [String: FlatValue] = [:]
        for row in rows {
            for (key, value) in row {
                switch (types[key], value) {
                case (nil, _): types[key] = value
                case (.integer?, .double), (.double?, .integer): types[key] = .double(0)
                case let (known?, new) where Self.sameType(known, new): continue
                default: types[key] = .string("")
                }
            }
        }
        return types
    }

    private static func sameType(_ a: FlatValue, _ b: FlatValue) -> Bool {
        switch (a, b) {
        case (.string, .string), (.integer, .integer), (.double, .double), (.boolean, .boolean): true
        default: false
        }
    }

    /// The attribute type GraphML and GEXF declare for a column.
    static func xmlType(_ value: FlatValue?) -> String {
        switch value {
        case .integer?: "long"
        case .double?: "double"
        case .boolean?: "boolean"
        default: "string"
        }
    }

    /// XML 1.0 text: escapes markup and drops the control characters XML cannot hold.
    public static func xml(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out += "&#\(scalar.value);"
            case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
