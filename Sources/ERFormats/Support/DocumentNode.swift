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
    static func parse(_ text: String, file: String, language: String = "YAML") throws(DocumentError) -> DocumentNode? {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw DocumentError(diagnostic: diagnostic(for: error, file: file, language: language))
        } catch {
            throw DocumentError(diagnostic: .error("invalid \(language): \(error)", at: SourceLocation(file: file, line: 1, column: 1)))
        }
        guard let root else { return nil }
        var budget = maximumValues
        return try convert(root, file: file, budget: &budget)
    }

    private static func location(_ mark: Mark?, file: String) -> SourceLocation {
        SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    private static func convert(_ node: Node, file: String, budget: inout Int) throws(DocumentError) -> DocumentNode {
        budget -= 1
        let here = location(node.mark, file: file)
        guard budget > 0 else {
            throw DocumentError(diagnostic: .error(
                "the document expands to more than 2,000,000 values (through aliases, or by its size); "
                    + "split it, or load bulk data from CSV", at: here))
        }
        switch node {
        case let .scalar(scalar):
            return .scalar(scalar.string, quoted: scalar.style != .plain, at: here)
        case let .sequence(sequence):
            var items: [DocumentNode] = []
            for item in sequence { items.append(try convert(item, file: file, budget: &budget)) }
            return .sequence(items, at: here)
        case let .mapping(mapping):
            var pairs: [(key: String, keyLocation: SourceLocation, value: DocumentNode)] = []
            for (key, value) in mapping {
                let keyLocation = location(key.mark, file: file)
                guard case let .scalar(keyScalar) = key else {
                    throw DocumentError(diagnostic: .error("mapping keys must be plain text, found \(key.isMapping ? "a mapping" : "a list")", at: keyLocation))
                }
                pairs.append((keyScalar.string, keyLocation, try convert(value, file: file, budget: &budget)))
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
