/// Why a query could not be read, planned or run, and where: `offset` counts Unicode scalars
/// from the start of the query text, so the caret lands under the character at fault.
public struct QueryError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong, where a caller may want to act on it rather than only print it.
    public enum Reason: Equatable, Sendable {
        /// Anything the message alone explains: syntax, an unknown name, a type error.
        case general
        /// The query uses `$name` and no value was given for it.
        case missingParameter(String)
        /// The query examined more links and entities than its work limit allows.
        case workLimitReached(Int)
    }

    public var offset: Int
    public var message: String
    public var reason: Reason

    public init(_ message: String, at offset: Int, reason: Reason = .general) {
        self.message = message
        self.offset = offset
        self.reason = reason
    }

    /// `$name` used and no value given for it.
    static func missingParameter(_ name: String, at offset: Int) -> QueryError {
        QueryError("the parameter $\(name) has no value", at: offset, reason: .missingParameter(name))
    }

    public var description: String { "at offset \(offset): \(message)" }

    /// `query:LINE:COLUMN: MESSAGE`, then the offending line with a caret under the position.
    public func rendered(in query: String) -> String {
        let scalars = Array(query.unicodeScalars)
        let position = min(max(offset, 0), scalars.count)
        var line = 1, lineStart = 0
        for index in 0..<position where scalars[index] == "\n" {
            line += 1
            lineStart = index + 1
        }
        var lineEnd = lineStart
        while lineEnd < scalars.count && scalars[lineEnd] != "\n" { lineEnd += 1 }
        var text = String.UnicodeScalarView()
        // Tabs become spaces so the caret stays aligned.
        for scalar in scalars[lineStart..<lineEnd] { text.append(scalar == "\t" ? " " : scalar) }
        let column = position - lineStart + 1
        return "query:\(line):\(column): \(message)\n  \(String(text))\n  \(String(repeating: " ", count: column - 1))^"
    }
}
