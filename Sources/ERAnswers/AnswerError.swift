import ERGraph
import ERQuery
import ERRender

/// Why a question could not be answered, in the presentation layer's own terms. The CLI and
/// any server word these for their own users (flags, parameters); nothing here names either.
public enum AnswerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A name that resolves to no entity, or to several; `explanation` names candidates.
    case unknownEntity(String, explanation: String)
    /// A name that resolves to a contract the contract projection folded into a link.
    case foldedContract(String)
    /// A kind the dataset's vocabulary does not have.
    case unknownKind(String, role: KindRole, suggestion: String)
    /// No path between two entities under the question's constraints (already worded).
    case noPath(from: String, to: String, constraints: [String])
    /// The weights of a weighted path search cannot be built.
    case weights(WeightError)
    /// A file could not be read (or written).
    case unreadable(path: String, reason: String)
    /// A file could not be written; nothing was left half-written.
    case unwritable(path: String, reason: String)
    /// The data is not what the reader expected; the message carries file, line and column.
    case invalidData(String)
    /// A strict import found rows it could not use (each worded with its file and line); nothing
    /// was written.
    case rowsRejected([String])
    /// Datasets with errors: nothing was read. `diagnostics` holds every problem found, errors
    /// and warnings, in file order, for the caller to show.
    case invalidDatasets(paths: [String], diagnostics: [Diagnostic])
    /// A Cypher query that could not be read, planned or run; `rendered` shows the caret.
    case query(QueryError, rendered: String, whilePlanning: Bool)
    /// Graphviz could not lay out or render the drawing.
    case drawing(GraphvizError, entities: Int)
    /// The question itself is malformed (a bad table of pairs, an unknown format).
    case badRequest(String)

    /// The two kinds of kind.
    public enum KindRole: String, Sendable {
        case entity = "entity kind"
        case relationship = "relationship kind"
    }

    /// True when the asker named something wrong (exit status 2 in the CLI, 400 on the web);
    /// false when the data or the answer is at fault (status 1, or 404/422).
    public var isMisuse: Bool {
        switch self {
        case .unknownEntity, .foldedContract, .unknownKind, .weights, .badRequest: true
        case let .query(_, _, whilePlanning): whilePlanning
        case .noPath, .unreadable, .unwritable, .invalidData, .rowsRejected, .invalidDatasets, .drawing: false
        }
    }

    public var description: String {
        switch self {
        case let .unknownEntity(_, explanation): explanation
        case let .foldedContract(name): "'\(name)' is a contract, folded into the link between its buyer and vendor"
        case let .unknownKind(kind, role, suggestion): "unknown \(role.rawValue) '\(kind)'\(suggestion)"
        case let .noPath(from, to, constraints):
            "no path from \(from) to \(to)" + (constraints.isEmpty ? "" : " " + constraints.joined(separator: ", "))
        case let .weights(error): error.description
        case let .unreadable(path, reason): "cannot read \(path): \(reason)"
        case let .unwritable(path, reason): "cannot write \(path): \(reason)"
        case let .invalidData(message): message
        case let .rowsRejected(rows): "\(Wording.count(rows.count, "row")) could not be used; nothing was written"
        case let .invalidDatasets(paths, diagnostics):
            "\(paths.joined(separator: " + ")) \(paths.count == 1 ? "has" : "have") \(Wording.count(diagnostics.errors.count, "error")); nothing was read"
        case let .query(_, rendered, _): rendered
        case let .drawing(error, _): error.description
        case let .badRequest(message): message
        }
    }
}
