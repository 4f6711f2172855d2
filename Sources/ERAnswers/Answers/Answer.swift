import Foundation

/// How an answer is written.
public enum AnswerFormat: String, Sendable, CaseIterable {
    case text, json, csv
}

/// An answer to a question, as a typed value that writes itself as text for people, JSON for
/// programs and (where it is a table) CSV. The CLI prints these; a server returns them.
public protocol Answer: Sendable {
    /// The answer for people, ending with a line break.
    func text() -> String
    /// The answer as a CSV table, or nil when it is not a table.
    func csv() -> String?
    /// The answer as JSON; by default the value's own encoding (``JSONText``).
    func json() throws -> String
}

extension Answer where Self: Encodable {
    /// Stable, human-diffable JSON: sorted keys, two-space indent, no escaped slashes, a final
    /// line break.
    public func json() throws -> String {
        try JSONText.encode(self)
    }
}

extension Answer {
    public func csv() -> String? { nil }

    /// The answer in `format`; nil when the answer has no such form (CSV of a non-table).
    public func written(as format: AnswerFormat) throws -> String? {
        switch format {
        case .text: text()
        case .json: try json()
        case .csv: csv()
        }
    }
}

/// The one JSON encoding of answers.
public enum JSONText {
    public static func encode<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    /// One line, for streams of answers (one JSON value a line).
    public static func line<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
