import Foundation

/// How a mapping's `{column}` templates are filled, and how values are made into ids.
enum CSVTemplateText {
    /// Replaces `{column}` parts; nil when a named column is empty for this row.
    static func fill(_ template: String, value: (String) -> String) -> String? {
        guard template.utf8.contains(UInt8(ascii: "{")) else { return template }
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            let filled = value(String(rest[rest.index(after: open)..<close]))
            if filled.isEmpty { return nil }
            result += filled
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// Trimmed, inner runs of white space collapsed to one space.
    static func spaced(_ text: String) -> String {
        // Most values are already spaced ASCII; checking the bytes avoids splitting them (a
        // profile of a 286-column table put a fifth of the import in the split).
        var previousWasSpace = true
        var clean = true
        for byte in text.utf8 {
            if byte >= 0x80 { clean = false; break }
            let isSpace = byte == 0x20 || (0x09...0x0D).contains(byte)
            if isSpace && (previousWasSpace || byte != 0x20) { clean = false; break }
            previousWasSpace = isSpace
        }
        if clean && !previousWasSpace { return text }
        if clean && text.isEmpty { return text }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Without leading and trailing spaces and tabs; Foundation's `trimmingCharacters` took a
    /// twelfth of a wide table's import in a profile, for values that mostly have none.
    static func trimmed(_ text: String) -> String {
        let bytes = text.utf8
        guard let first = bytes.first, let last = bytes.last else { return text }
        let isBlank = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
        guard isBlank(first) || isBlank(last) else { return text }
        guard let start = bytes.firstIndex(where: { !isBlank($0) }), let end = bytes.lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(text[start...end])
    }

    /// The form names are matched by: spaced, case folded, accents dropped.
    static func normalized(_ text: String) -> String {
        let spacedText = spaced(text)
        if spacedText.utf8.allSatisfy({ $0 < 0x80 }) { return spacedText.lowercased() }
        return spacedText.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "en_US_POSIX"))
    }

    /// An id-safe form: ASCII letters and digits kept, every other run becomes one `-`.
    static func slug(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingDash = false
        for byte in text.utf8 {
            let isLetterOrDigit = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            if isLetterOrDigit {
                if pendingDash && !out.isEmpty { out.append(UInt8(ascii: "-")) }
                pendingDash = false
                out.append(byte)
            } else {
                pendingDash = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The values of a cell that holds several, split by `separator`, trimmed, empty ones dropped.
    static func items(_ text: String, separator: String) -> [String] {
        text.components(separatedBy: separator).map(spaced).filter { !$0.isEmpty }
    }
}

/// A `{column}` template split once into literal text and column names, so that filling it for
/// each row is no search through its characters.
struct CompiledTemplate: Sendable {
    enum Part: Sendable {
        case literal(String)
        case column(String)
    }

    let parts: [Part]

    init(_ template: String) {
        var parts: [Part] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            if open > rest.startIndex { parts.append(.literal(String(rest[..<open]))) }
            parts.append(.column(String(rest[rest.index(after: open)..<close])))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { parts.append(.literal(String(rest))) }
        self.parts = parts
    }

    /// The template filled; nil when a named column is empty for this row.
    func fill(_ value: (String) -> String) -> String? {
        if parts.count == 1, case let .column(column) = parts[0] {
            let filled = value(column)
            return filled.isEmpty ? nil : filled
        }
        var result = ""
        for part in parts {
            switch part {
            case let .literal(text): result += text
            case let .column(column):
                let filled = value(column)
                if filled.isEmpty { return nil }
                result += filled
            }
        }
        return result
    }
}
