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

enum Terminal {
    static func standardError(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    static func error(_ message: String) {
        standardError(message.isEmpty ? "" : "ergraph: error: \(message)")
    }

    /// Stable, human-diffable JSON: sorted keys, two-space indent, no escaped slashes.
    static func json<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
