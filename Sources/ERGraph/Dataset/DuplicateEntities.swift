import Foundation

/// Entities that may be one: names that agree once case, accents, punctuation, spacing and
/// corporate suffixes are set aside ("Clearview AI, Inc." and "clearview ai"), and ids that
/// differ only in case (`ICE` and `ice`, which every name lookup, ignoring case, would confuse).
///
/// Only entities of the same kind are compared. O(V) with one hash per entity.
public enum DuplicateEntities {
    /// Corporate forms dropped from the end of a name, repeatedly ("Foo Holdings Co., Ltd").
    static let corporateSuffixes: Set<String> = [
        "inc", "incorporated", "llc", "corp", "corporation", "co", "company", "ltd", "limited", "plc", "lp", "llp",
        "gmbh", "ag", "sa", "sas", "bv", "nv", "pty",
    ]

    /// The name as compared: lower case without accents, punctuation and corporate suffixes,
    /// words joined by single spaces; nil when nothing is left.
    public static func normalizedName(_ name: String) -> String? {
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        // "l.l.c." and "u.s." lose their dots before the words are cut.
        let dotless = folded.replacingOccurrences(of: ".", with: "")
        var words = dotless.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        while words.count > 1, let last = words.last, corporateSuffixes.contains(last) { words.removeLast() }
        if words.first == "the" && words.count > 1 { words.removeFirst() }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    /// Every probable duplicate in `entities` (in dataset order), as warnings at the later one,
    /// and every pair of ids that differ only in case, as errors.
    public static func check(_ entities: [Located<Entity>]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var byName: [String: Located<Entity>] = [:]
        var byLowercasedID: [String: Located<Entity>] = [:]
        var exactIDs: Set<String> = []
        for record in entities {
            let entity = record.value
            guard exactIDs.insert(entity.id).inserted else { continue }
            let lowered = entity.id.lowercased()
            if let other = byLowercasedID[lowered] {
                diagnostics.append(.error("entity id '\(entity.id)' differs from '\(other.value.id)'\(where: other) only in case; "
                                          + "names are matched ignoring case, so use one id (or a same_as group)",
                                          at: record.locations["id"]))
            } else {
                byLowercasedID[lowered] = record
            }
            guard let name = normalizedName(entity.name) else { continue }
            let key = entity.kind + "\u{1F}" + name
            if let other = byName[key] {
                diagnostics.append(.warning(
                    "'\(entity.id)' (\(entity.name)) and '\(other.value.id)' (\(other.value.name))\(where: other) may be one \(entity.kind): "
                        + "their names agree once case, punctuation and corporate suffixes are set aside; if they are, add "
                        + "same_as: [[\(other.value.id), \(entity.id)]]",
                    at: record.locations.record))
            } else {
                byName[key] = record
            }
        }
        return diagnostics
    }
}

private extension String.StringInterpolation {
    /// ` at FILE:LINE` for a record that has a location.
    mutating func appendInterpolation(where record: Located<Entity>) {
        if let location = record.locations.record { appendLiteral(" at \(location.file):\(location.line)") }
    }
}
