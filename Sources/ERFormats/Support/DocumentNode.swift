import ERGraph
import Foundation
import Yams

/// A parsed YAML or JSON document: scalars, mappings and sequences, each with its location.
///
/// Readers walk this tree rather than Yams' own so that every value they take keeps the
/// line and column it was written at, and so that the rest of the code never sees YAML's
/// anchors, tags or styles.
indirect enum DocumentNode: Sendable {
    case scalar(String, quoted: Bool, at: SourceLocation)
    case mapping([(key: String, keyLocation: SourceLocation, value: DocumentNode)], at: SourceLocation)
    case sequence([DocumentNode], at: SourceLocation)

    var location: SourceLocation {
        switch self {
        case let .scalar(_, _, location), let .mapping(_, location), let .sequence(_, location): location
        }
    }

    /// "text", "a mapping", "a list": for messages that say what was found instead.
    var describedKind: String {
        switch self {
        case .scalar: "text"
        case .mapping: "a mapping"
        case .sequence: "a list"
        }
    }
}

/// Why a document could not be parsed at all.
struct DocumentError: Error {
    var diagnostic: Diagnostic
}

enum DocumentParser {
    /// The most values one document may hold once aliases are expanded: far above any
    /// hand-written dataset (the default one has a few thousand), far below what would hurt.
    static let maximumValues = 2_000_000

    /// Parses YAML (JSON is read as the YAML subset it is). Aliases are expanded; a budget on
    /// the number of values read stops alias bombs ("billion laughs") early.
    /// `language` names the syntax in messages: "YAML" or "JSON".
    static func parse(_ text: String, file: String, language: String = "YAML",
                      maximumValues: Int = maximumValues) throws(DocumentError) -> DocumentNode? {
        if let key = aliasInKey(text) {
            throw DocumentError(diagnostic: .error(
                "an alias (*\(key.name)) in a mapping key: ergraph does not read aliases in keys, which can make reading a small "
                    + "file take minutes; write the key out", at: SourceLocation(file: file, line: key.line, column: key.column)))
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw DocumentError(diagnostic: diagnostic(for: error, file: file, language: language))
        } catch {
            throw DocumentError(diagnostic: .error("invalid \(language): \(error)", at: SourceLocation(file: file, line: 1, column: 1)))
        }
        guard let root else { return nil }
        // Without aliases a document holds fewer values than bytes; ten per byte leaves room for
        // any anchor a person writes and stops a "billion laughs" after a few thousand values,
        // not two million (0.97 s in a debug build before, on Tests/Fixtures/invalid/alias-bomb.yaml).
        let limit = min(maximumValues, max(10_000, 10 * text.utf8.count))
        var budget = limit
        return try convert(root, file: file, budget: &budget, limit: limit, maximum: maximumValues)
    }

    /// The first alias written before a key's colon, in a document that defines an anchor.
    ///
    /// Yams checks every mapping for repeated keys by hashing the key nodes, and an alias
    /// expands there in full: a 1 KB document whose key is `*x6`, an alias of ten levels of ten,
    /// took 3.9 s in a release build (found by the dataset fuzz target;
    /// Tests/Fixtures/fuzz/dataset-alias-key.yaml). The scan is by line and lexical: an alias
    /// (`*name` after a space, `[`, `{`, `,` or `?`) followed on its line by `: ` or a final
    /// `:`, or on an explicit-key line (`? …`). Documents without anchors are not scanned.
    static func aliasInKey(_ text: String) -> (name: String, line: Int, column: Int)? {
        guard text.contains("&") else { return nil }
        let separators: Set<Character> = [" ", "\t", "[", "{", ",", "?", "-"]
        for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let characters = Array(line)
            let explicitKey = line.drop(while: { $0 == " " || $0 == "-" }).hasPrefix("?")
            var index = 0
            while index < characters.count {
                if characters[index] == "#", index == 0 || characters[index - 1] == " " { break }
                guard characters[index] == "*", index == 0 || separators.contains(characters[index - 1]) else { index += 1; continue }
                var end = index + 1
                while end < characters.count, !" \t,[]{}:".contains(characters[end]) { end += 1 }
                guard end > index + 1 else { index += 1; continue }
                // A colon after the alias makes it a key, unless a comma of its own collection
                // came first (`[*a, b: c]` holds it as an item); a colon after the collection
                // around it closes makes that collection a key (`[*a, b]: c`).
                var colonFollows = false
                var depth = 0
                var itemEnded = false
                scan: for at in end..<characters.count {
                    switch characters[at] {
                    case "[", "{": depth += 1
                    case "]", "}": depth -= 1; if depth < 0 { itemEnded = false }
                    case "," where depth == 0: itemEnded = true
                    case ":":
                        let spaced = at + 1 == characters.count || characters[at + 1] == " " || characters[at + 1] == "\t"
                        if spaced, depth < 0 || (depth == 0 && !itemEnded) { colonFollows = true; break scan }
                    default: break
                    }
                }
                if explicitKey || colonFollows {
                    return (String(characters[(index + 1)..<end]), lineIndex + 1, index + 1)
                }
                index = end
            }
        }
        return nil
    }

    private static func location(_ mark: Mark?, file: String) -> SourceLocation {
        SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    private static func convert(_ node: Node, file: String, budget: inout Int, limit: Int,
                                maximum: Int) throws(DocumentError) -> DocumentNode {
        budget -= 1
        let here = location(node.mark, file: file)
        guard budget > 0 else {
            throw DocumentError(diagnostic: .error(
                limit < maximum
                    ? "the document expands to more than \(limit.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))) values, ten for each of its bytes (aliases that expand without bound)"
                    : "the document expands to more than \(maximum.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))) values (through aliases, or by its size); split it, or load bulk data from CSV",
                at: here))
        }
        switch node {
        case let .scalar(scalar):
            return .scalar(scalar.string, quoted: scalar.style != .plain, at: here)
        case let .sequence(sequence):
            var items: [DocumentNode] = []
            for item in sequence { items.append(try convert(item, file: file, budget: &budget, limit: limit, maximum: maximum)) }
            return .sequence(items, at: here)
        case let .mapping(mapping):
            var pairs: [(key: String, keyLocation: SourceLocation, value: DocumentNode)] = []
            for (key, value) in mapping {
                let keyLocation = location(key.mark, file: file)
                guard case let .scalar(keyScalar) = key else {
                    throw DocumentError(diagnostic: .error("mapping keys must be plain text, found \(key.isMapping ? "a mapping" : "a list")", at: keyLocation))
                }
                pairs.append((keyScalar.string, keyLocation, try convert(value, file: file, budget: &budget, limit: limit, maximum: maximum)))
            }
            return .mapping(pairs, at: here)
        case .alias:
            // The composer expands aliases; one left over means an undefined anchor.
            throw DocumentError(diagnostic: .error("invalid YAML: alias to an undefined anchor", at: here))
        }
    }

    private static func diagnostic(for error: YamlError, file: String, language: String) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            var message = "invalid \(language): \(problem)"
            if problem == "mapping values are not allowed in this context" {
                message += " (check the indentation of this line and of the line above)"
            }
            if let context {
                message += " \(context.text)"
                if context.mark.line != mark.line || context.mark.column != mark.column {
                    message += " (started at line \(context.mark.line), column \(context.mark.column))"
                }
            }
            return .error(message, at: location(mark, file: file))
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return .error("duplicate key \(keys) in the same mapping", at: location(context.mark, file: file))
        case let .reader(problem, offset, value, yaml):
            let place = offset.map { Self.lineAndColumn(ofUTF8Offset: $0, in: yaml, file: file) }
                ?? SourceLocation(file: file, line: 1, column: 1)
            return .error("invalid input: \(problem) (value \(value))", at: place)
        default:
            return .error("invalid \(language): \(error)", at: SourceLocation(file: file, line: 1, column: 1))
        }
    }

    static func lineAndColumn(ofUTF8Offset offset: Int, in text: String, file: String) -> SourceLocation {
        var line = 1
        var column = 1
        var consumed = 0
        for scalar in text.unicodeScalars {
            if consumed >= offset { break }
            consumed += String(scalar).utf8.count
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return SourceLocation(file: file, line: line, column: column)
    }
}

private extension Node {
    var isMapping: Bool { if case .mapping = self { true } else { false } }
}
