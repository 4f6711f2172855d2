import ERAnswers
import Foundation

/// A failure that a command reports with its own message and exit status.
struct CommandFailure: Error {
    var message: String
    var status: Int32

    /// Invalid data or no answer: status 1.
    static func data(_ message: String) -> CommandFailure { CommandFailure(message: message, status: 1) }
    /// Misuse, including naming an entity that does not exist: status 2.
    static func usage(_ message: String) -> CommandFailure { CommandFailure(message: message, status: 2) }
}

extension CommandFailure {
    /// The presentation layer's error, worded for the command line: where the remedy is a flag,
    /// the flag is named here and nowhere below.
    init(_ error: AnswerError) {
        var message = error.description
        switch error {
        case let .rowsRejected(rows):
            // Each row on its own line first, then the verdict.
            message = rows.joined(separator: "\n") + "\nergraph: error: "
                + "\(Wording.count(rows.count, "row")) could not be used (--strict); nothing was written"
        case .foldedContract:
            message += "; add --keep-contract-nodes to walk contracts as entities"
        case let .unknownEntity(_, explanation) where !explanation.contains("did you mean") && !explanation.contains("names "):
            message += "; 'ergraph list' shows every entity"
        case .unknownKind:
            message += " ('ergraph kinds' lists them)"
        case let .weights(weightError):
            switch weightError {
            case .missingCosts: message += "; give each a cost with --cost, or leave those kinds out with --via"
            case .missingProperty: message += "; with --via, choose kinds of link that carry it"
            case .negative: break
            }
        case let .unreadable(path, _) where path == GraphOptions.defaultPath:
            message += " (name a dataset with --graph FILE or $ERGRAPH_GRAPH)"
        case let .query(queryError, _, _):
            switch queryError.reason {
            case let .missingParameter(name): message += "\n  give it with --param \(name)=VALUE"
            case .workLimitReached: message += "\n  or raise --max-work"
            case .general: break
            }
        case let .drawing(.layoutTimedOut(layout, _), entities):
            message += " (\(Wording.count(entities, "entity", "entities"))); draw less with --focus ENTITY --depth N"
                + (layout == .sfdp ? "" : ", or use --layout sfdp") + ", or allow more with --timeout"
        default:
            break
        }
        self.init(message: message, status: error.isMisuse ? 2 : 1)
    }
}

enum Terminal {
    static func standardError(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    static func error(_ message: String) {
        if !message.isEmpty { standardError("ergraph: error: \(message)") }
    }

    static func warning(_ message: String) {
        standardError("ergraph: warning: \(message)")
    }

    static func note(_ message: String) {
        standardError("ergraph: note: \(message)")
    }

    /// Prints an answer in `format`; a format the answer has no form in is a usage error.
    static func print(_ answer: some Answer, as format: AnswerFormat) throws {
        guard let text = try answer.written(as: format) else {
            throw CommandFailure.usage("this answer has no \(format.rawValue) form")
        }
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Runs a step of the presentation layer, turning its error into the command's.
    static func answering<T>(_ body: () throws(AnswerError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw CommandFailure(error)
        }
    }
}

/// The progress line of a long import on standard error: shown only when standard error is a
/// terminal and the import has run for two seconds, rewritten in place, cleared at the end.
final class ProgressLine: Sendable {
    private let started = Date()
    private let shown = Locked(false)
    private let enabled = isatty(STDERR_FILENO) == 1

    /// For ``ImportRequest/progress``.
    var report: @Sendable (ImportProgress) -> Void {
        { [self] progress in
            let seconds = Date().timeIntervalSince(started)
            guard enabled, seconds >= 2 else { return }
            shown.withLock { $0 = true }
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + Wording.progress(progress, seconds: seconds)).utf8))
        }
    }

    func finish() {
        if shown.withLock({ $0 }) { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
