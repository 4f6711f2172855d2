import ERGraph
import Foundation

/// Collects the diagnostics of one read.
final class DiagnosticLog {
    private(set) var diagnostics: [Diagnostic] = []

    func error(_ message: String, at location: SourceLocation) {
        diagnostics.append(.error(message, at: location))
    }

    func warning(_ message: String, at location: SourceLocation) {
        diagnostics.append(.warning(message, at: location))
    }
}

/// Reads the fields of one mapping in a document, reporting every problem with its location:
/// unknown fields (with a suggestion), missing required fields, values of the wrong shape.
struct FieldReader {
    /// What the mapping is, for messages: "entity", "relationship", "source".
    let what: String
    let location: SourceLocation
    let pairs: [(key: String, keyLocation: SourceLocation, value: DocumentNode)]
    let log: DiagnosticLog
    /// Allowed fields that an unknown field looks like a misspelling of.
    private let misspelt: Set<String>

    /// Nil (with an error logged) when `node` is not a mapping. Fields outside `allowed` are
    /// reported at once, with the closest allowed one suggested; nil `allowed` accepts any key.
    init?(_ node: DocumentNode, what: String, allowed: [String]?, log: DiagnosticLog) {
        guard case let .mapping(pairs, location) = node else {
            log.error("expected \(what) as a mapping of fields, found \(node.describedKind)", at: node.location)
            return nil
        }
        self.what = what
        self.location = location
        self.pairs = pairs
        self.log = log
        var misspelt: Set<String> = []
        if let allowed {
            for pair in pairs where !allowed.contains(pair.key) {
                let suggestion = Suggestions.closest(to: pair.key, among: allowed)
                if let suggestion { misspelt.insert(suggestion) }
                log.error("unknown field '\(pair.key)' in \(what)" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                          at: pair.keyLocation)
            }
        }
        self.misspelt = misspelt
    }

    /// Reports a missing required field, unless a misspelt field already explains it.
    func reportMissing(_ key: String) {
        guard !misspelt.contains(key) else { return }
        log.error("\(what) is missing required field '\(key)'", at: location)
    }

    func node(_ key: String) -> DocumentNode? {
        pairs.first { $0.key == key }?.value
    }

    func has(_ key: String) -> Bool { node(key) != nil }

    /// A text field. Missing and required: an error at the mapping; not text: an error at the value.
    func text(_ key: String, required: Bool = false) -> (value: String, location: SourceLocation)? {
        guard let node = node(key) else {
            if required { reportMissing(key) }
            return nil
        }
        guard case let .scalar(value, _, location) = node else {
            log.error("'\(key)' must be text, found \(node.describedKind)", at: node.location)
            return nil
        }
        if required && value.trimmingCharacters(in: .whitespaces).isEmpty {
            log.error("'\(key)' must not be empty", at: location)
            return nil
        }
        return (value, location)
    }

    /// A list of texts; a single text is taken as a list of one.
    func textList(_ key: String) -> [String] {
        guard let node = node(key) else { return [] }
        switch node {
        case let .scalar(value, _, _):
            return [value]
        case let .sequence(items, _):
            return items.compactMap { item in
                guard case let .scalar(value, _, _) = item else {
                    log.error("'\(key)' must be a list of text, found \(item.describedKind) in it", at: item.location)
                    return nil
                }
                return value
            }
        case .mapping:
            log.error("'\(key)' must be a list of text, found a mapping", at: node.location)
            return []
        }
    }

    /// The items of a list field; a single mapping is taken as a list of one.
    func list(_ key: String) -> [DocumentNode] {
        guard let node = node(key) else { return [] }
        switch node {
        case let .sequence(items, _): return items
        case .mapping: return [node]
        case .scalar:
            log.error("'\(key)' must be a list, found text", at: node.location)
            return []
        }
    }

    /// A partial date field.
    func date(_ key: String) -> (value: PartialDate, location: SourceLocation)? {
        guard let (text, location) = text(key) else { return nil }
        guard let date = PartialDate(text) else {
            log.error("malformed date '\(text)' in '\(key)': expected YYYY, YYYY-MM or YYYY-MM-DD with a real month and day",
                      at: location)
            return nil
        }
        return (date, location)
    }
}

enum Identifiers {
    /// Ids are what people type on the command line and what other files refer to: letters,
    /// digits and `. _ : -`, starting with a letter or digit, no spaces.
    static func isValid(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, first.isASCIIAlphanumeric else { return false }
        return id.unicodeScalars.allSatisfy { $0.isASCIIAlphanumeric || "._:-".unicodeScalars.contains($0) }
    }

    /// Kind ids: lower-case letters, digits and `_`, starting with a letter.
    static func isValidKind(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    static let rule = "ids use letters, digits, '.', '_', ':' and '-', and start with a letter or digit"
}

private extension Unicode.Scalar {
    var isASCIIAlphanumeric: Bool {
        ("a"..."z").contains(self) || ("A"..."Z").contains(self) || ("0"..."9").contains(self)
    }
}
