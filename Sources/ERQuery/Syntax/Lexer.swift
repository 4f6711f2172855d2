/// One lexical unit of a query, with where it starts.
struct Token: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        /// A name: a keyword, variable, label or function (keywords are told apart by the parser,
        /// case-insensitively). `quoted` when written in backticks, which is never a keyword.
        case identifier(String, quoted: Bool)
        case integer(Int)
        case float(Double)
        case string(String)
        case parameter(String)
        /// Punctuation and operators: ( ) [ ] { } , . .. : | ; = <> < <= > >= + - * / % ^ -> <- --
        case symbol(String)
        case end
    }
    var kind: Kind
    var offset: Int
    /// Offset just past the token, for slicing the source text of an expression.
    var endOffset: Int
}

/// Splits a query into tokens. Strings take `'…'` or `"…"` with backslash escapes
/// (`\n \t \\ \' \" \uXXXX`); comments `// …` and `/* … */` are skipped.
struct Lexer {
    let scalars: [Unicode.Scalar]

    init(_ text: String) { scalars = Array(text.unicodeScalars) }

    func tokens() throws(QueryError) -> [Token] {
        var tokens: [Token] = []
        var index = 0
        func peek(_ ahead: Int = 0) -> Unicode.Scalar? { index + ahead < scalars.count ? scalars[index + ahead] : nil }

        while index < scalars.count {
            let scalar = scalars[index]
            if scalar.properties.isWhitespace { index += 1; continue }
            let start = index
            if scalar == "/" && peek(1) == "/" {
                while index < scalars.count && scalars[index] != "\n" { index += 1 }
                continue
            }
            if scalar == "/" && peek(1) == "*" {
                index += 2
                while index < scalars.count && !(scalars[index] == "*" && peek(1) == "/") { index += 1 }
                guard index < scalars.count else { throw QueryError("this comment is never closed: expected '*/'", at: start) }
                index += 2
                continue
            }
            if Self.isIdentifierStart(scalar) {
                while let next = peek(), Self.isIdentifierPart(next) { index += 1 }
                tokens.append(Token(kind: .identifier(String(String.UnicodeScalarView(scalars[start..<index])), quoted: false),
                                    offset: start, endOffset: index))
                continue
            }
            if scalar == "`" {
                index += 1
                var name = String.UnicodeScalarView()
                while true {
                    guard let next = peek() else { throw QueryError("this quoted name is never closed: expected '`'", at: start) }
                    index += 1
                    if next == "`" {
                        if peek() == "`" { name.append("`"); index += 1; continue }  // `` is a literal backtick
                        break
                    }
                    name.append(next)
                }
                guard !name.isEmpty else { throw QueryError("a quoted name cannot be empty", at: start) }
                tokens.append(Token(kind: .identifier(String(name), quoted: true), offset: start, endOffset: index))
                continue
            }
            if ("0"..."9").contains(scalar) {
                tokens.append(try number(from: &index))
                continue
            }
            if scalar == "." && peek(1).map({ ("0"..."9").contains($0) }) == true
                && !(tokens.last.map(Self.endsOperand) ?? false) {
                tokens.append(try number(from: &index))
                continue
            }
            if scalar == "'" || scalar == "\"" {
                tokens.append(try string(from: &index))
                continue
            }
            if scalar == "$" {
                index += 1
                let nameStart = index
                while let next = peek(), Self.isIdentifierPart(next) { index += 1 }
                guard index > nameStart else { throw QueryError("expected a parameter name after '$', such as $name", at: start) }
                tokens.append(Token(kind: .parameter(String(String.UnicodeScalarView(scalars[nameStart..<index]))),
                                    offset: start, endOffset: index))
                continue
            }
            let two = peek(1).map { String(scalar) + String($0) }
            if let two, ["<>", "<=", ">=", "->", "<-", "--", "..", "!="].contains(two) {
                if two == "!=" { throw QueryError("'!=' is not Cypher: write '<>' for 'not equal'", at: start) }
                index += 2
                tokens.append(Token(kind: .symbol(two), offset: start, endOffset: index))
                continue
            }
            if "()[]{},.:|;=<>+-*/%^".unicodeScalars.contains(scalar) {
                index += 1
                tokens.append(Token(kind: .symbol(String(scalar)), offset: start, endOffset: index))
                continue
            }
            throw QueryError("unexpected character '\(Self.visible(scalar))'", at: start)
        }
        tokens.append(Token(kind: .end, offset: scalars.count, endOffset: scalars.count))
        return tokens
    }

    private static func endsOperand(_ token: Token) -> Bool {
        switch token.kind {
        case .identifier, .integer, .float, .string, .parameter: true
        case let .symbol(symbol): symbol == ")" || symbol == "]" || symbol == "}"
        case .end: false
        }
    }

    private func number(from index: inout Int) throws(QueryError) -> Token {
        let start = index
        func digits() { while index < scalars.count && ("0"..."9").contains(scalars[index]) { index += 1 } }
        var isFloat = false
        if scalars[index] == "0", index + 1 < scalars.count, scalars[index + 1] == "x" || scalars[index + 1] == "X" {
            index += 2
            let hexStart = index
            while index < scalars.count && scalars[index].properties.isASCIIHexDigit { index += 1 }
            let text = String(String.UnicodeScalarView(scalars[hexStart..<index]))
            guard let value = Int(text, radix: 16) else { throw QueryError("expected a hexadecimal integer after '0x'", at: start) }
            return Token(kind: .integer(value), offset: start, endOffset: index)
        }
        digits()
        // A '.' followed by a digit is a decimal point; '..' is a range (as in *1..3).
        if index + 1 < scalars.count, scalars[index] == ".", ("0"..."9").contains(scalars[index + 1]) {
            isFloat = true
            index += 1
            digits()
        }
        if index < scalars.count, scalars[index] == "e" || scalars[index] == "E" {
            var look = index + 1
            if look < scalars.count, scalars[look] == "+" || scalars[look] == "-" { look += 1 }
            if look < scalars.count, ("0"..."9").contains(scalars[look]) {
                isFloat = true
                index = look
                digits()
            }
        }
        if index < scalars.count, Self.isIdentifierStart(scalars[index]) {
            throw QueryError("a number cannot run into a name: put a space or an operator between them", at: index)
        }
        let text = String(String.UnicodeScalarView(scalars[start..<index]))
        if isFloat {
            guard let value = Double(text), value.isFinite else { throw QueryError("'\(text)' is not a finite number", at: start) }
            return Token(kind: .float(value), offset: start, endOffset: index)
        }
        guard let value = Int(text) else { throw QueryError("the integer \(text) is too large (at most \(Int.max))", at: start) }
        return Token(kind: .integer(value), offset: start, endOffset: index)
    }

    private func string(from index: inout Int) throws(QueryError) -> Token {
        let start = index
        let quote = scalars[index]
        index += 1
        var text = String.UnicodeScalarView()
        while true {
            guard index < scalars.count else {
                throw QueryError("this string is never closed: expected \(quote == "'" ? "'" : "\"") before the end of the query", at: start)
            }
            let scalar = scalars[index]
            index += 1
            if scalar == quote { break }
            guard scalar == "\\" else { text.append(scalar); continue }
            guard index < scalars.count else { throw QueryError("a backslash ends the query inside a string", at: index - 1) }
            let escaped = scalars[index]
            index += 1
            switch escaped {
            case "n": text.append("\n")
            case "t": text.append("\t")
            case "r": text.append("\r")
            case "b": text.append("\u{8}")
            case "f": text.append("\u{C}")
            case "\\", "'", "\"": text.append(escaped)
            case "u", "U":
                let width = escaped == "u" ? 4 : 8
                guard index + width <= scalars.count,
                      let code = UInt32(String(String.UnicodeScalarView(scalars[index..<index + width])), radix: 16),
                      let value = Unicode.Scalar(code) else {
                    throw QueryError("expected \(width) hexadecimal digits of a character code after '\\\(escaped)'", at: index - 2)
                }
                text.append(value)
                index += width
            default:
                throw QueryError("unknown escape '\\\(Self.visible(escaped))' in a string; known: \\n \\t \\r \\\\ \\' \\\" \\uXXXX", at: index - 2)
            }
        }
        return Token(kind: .string(String(text)), offset: start, endOffset: index)
    }

    static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic
    }

    static func isIdentifierPart(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
    }

    /// A character as it can be shown in a message: control characters by their code.
    static func visible(_ scalar: Unicode.Scalar) -> String {
        scalar.properties.generalCategory == .control || scalar.properties.isWhitespace
            ? "U+" + String(scalar.value, radix: 16, uppercase: true) : String(scalar)
    }
}
