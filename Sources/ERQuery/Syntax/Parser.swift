/// A recursive-descent parser for the read-only openCypher subset ergraph answers. Keywords
/// are case-insensitive; every error names what was expected at the offending token.
struct Parser {
    let tokens: [Token]
    let scalars: [Unicode.Scalar]
    var position = 0
    /// Guards the recursion against pathological nesting such as ten thousand '('.
    var depth = 0
    static let maximumDepth = 200
    /// Longest fixed pattern and longest variable-length hop accepted: beyond them a query is
    /// a mistake, and the depth-first walks behind them would only run out of stack.
    static let maximumPatternLength = 100
    static let maximumHops = 1000

    static let writeKeywords: Set<String> = ["CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "DROP", "FOREACH", "LOAD", "COPY", "ALTER", "INSTALL"]
    /// Words that end an expression or start a clause, never a variable.
    static let reserved: Set<String> = Set([
        "MATCH", "OPTIONAL", "WHERE", "RETURN", "WITH", "UNWIND", "ORDER", "BY", "SKIP", "LIMIT", "ASC", "ASCENDING",
        "DESC", "DESCENDING", "AS", "DISTINCT", "AND", "OR", "XOR", "NOT", "IN", "STARTS", "ENDS", "CONTAINS", "IS",
        "NULL", "TRUE", "FALSE", "UNION", "ALL", "CASE", "WHEN", "THEN", "ELSE", "END", "CALL", "YIELD",
    ]).union(writeKeywords)

    init(_ text: String) throws(QueryError) {
        scalars = Array(text.unicodeScalars)
        tokens = try Lexer(text).tokens()
    }

    // MARK: Token helpers

    var current: Token { tokens[position] }

    func keyword(_ token: Token) -> String? {
        if case let .identifier(name, quoted) = token.kind, !quoted { return name.uppercased() }
        return nil
    }

    func isKeyword(_ word: String, ahead: Int = 0) -> Bool {
        let index = min(position + ahead, tokens.count - 1)
        return keyword(tokens[index]) == word
    }

    func isSymbol(_ symbol: String, ahead: Int = 0) -> Bool {
        let index = min(position + ahead, tokens.count - 1)
        return tokens[index].kind == .symbol(symbol)
    }

    mutating func advance() { if position < tokens.count - 1 { position += 1 } }

    mutating func accept(keyword word: String) -> Bool {
        guard isKeyword(word) else { return false }
        advance()
        return true
    }

    mutating func accept(_ symbol: String) -> Bool {
        guard isSymbol(symbol) else { return false }
        advance()
        return true
    }

    mutating func expect(_ symbol: String, _ what: String? = nil) throws(QueryError) {
        guard accept(symbol) else { throw unexpected(expected: what ?? "'\(symbol)'") }
    }

    mutating func expect(keyword word: String) throws(QueryError) {
        guard accept(keyword: word) else { throw unexpected(expected: word) }
    }

    /// "expected X, found Y" at the current token.
    func unexpected(expected: String) -> QueryError {
        QueryError("expected \(expected), found \(describe(current))", at: current.offset)
    }

    func describe(_ token: Token) -> String {
        switch token.kind {
        case let .identifier(name, quoted): quoted ? "`\(name)`" : "'\(name)'"
        case let .integer(value): "the number \(value)"
        case let .float(value): "the number \(value)"
        case .string: "a string"
        case let .parameter(name): "the parameter $\(name)"
        case let .symbol(symbol): "'\(symbol)'"
        case .end: "the end of the query"
        }
    }

    func text(from start: Int, to end: Int) -> String {
        let clampedEnd = min(max(end, start), scalars.count)
        return String(String.UnicodeScalarView(scalars[start..<clampedEnd]))
    }

    /// A name: any identifier, quoted or not (keywords allowed where a name is expected, as in
    /// `n.end` or `:contract`).
    mutating func name(_ what: String) throws(QueryError) -> (String, Int) {
        guard case let .identifier(name, _) = current.kind else { throw unexpected(expected: what) }
        let offset = current.offset
        advance()
        return (name, offset)
    }

    /// A variable: an identifier that is not a reserved word (unless quoted).
    mutating func variable(_ what: String = "a variable name") throws(QueryError) -> (String, Int) {
        guard case let .identifier(name, quoted) = current.kind, quoted || !Self.reserved.contains(name.uppercased()) else {
            throw unexpected(expected: what)
        }
        let offset = current.offset
        advance()
        return (name, offset)
    }

    var atVariable: Bool {
        if case let .identifier(name, quoted) = current.kind { return quoted || !Self.reserved.contains(name.uppercased()) }
        return false
    }

    mutating func nest() throws(QueryError) {
        depth += 1
        if depth > Self.maximumDepth {
            throw QueryError("the query nests more than \(Self.maximumDepth) levels deep", at: current.offset)
        }
    }

    // MARK: Query and clauses

    mutating func parseQuery() throws(QueryError) -> QueryAST {
        var parts = [try singleQuery()]
        var unionAll: [Bool] = []
        while accept(keyword: "UNION") {
            unionAll.append(accept(keyword: "ALL"))
            parts.append(try singleQuery())
        }
        _ = accept(";")
        guard current.kind == .end else {
            if let word = keyword(current), Self.writeKeywords.contains(word) { throw readOnly(word) }
            throw unexpected(expected: "the end of the query, UNION or another clause")
        }
        return QueryAST(parts: parts, unionAll: unionAll)
    }

    func readOnly(_ word: String) -> QueryError {
        QueryError("ergraph queries are read-only: \(word) would change the graph; use MATCH … RETURN to read it", at: current.offset)
    }

    mutating func singleQuery() throws(QueryError) -> [Clause] {
        var clauses: [Clause] = []
        while true {
            let start = current.offset
            if let word = keyword(current), Self.writeKeywords.contains(word) { throw readOnly(word) }
            if isKeyword("CALL") {
                throw QueryError("procedures (CALL) are not supported; ergraph answers MATCH, OPTIONAL MATCH, UNWIND, WITH and RETURN", at: start)
            }
            if accept(keyword: "OPTIONAL") {
                try expect(keyword: "MATCH")
                clauses.append(try match(optional: true, start: start))
            } else if accept(keyword: "MATCH") {
                clauses.append(try match(optional: false, start: start))
            } else if accept(keyword: "UNWIND") {
                let list = try expression()
                try expect(keyword: "AS")
                let (name, _) = try variable()
                clauses.append(.unwind(list, variable: name, offset: start))
            } else if accept(keyword: "WITH") {
                let projection = try self.projection(start: start)
                let predicate = accept(keyword: "WHERE") ? try expression() : nil
                clauses.append(.with(projection, predicate: predicate))
            } else if accept(keyword: "RETURN") {
                clauses.append(.return(try projection(start: start)))
                return clauses
            } else {
                let expected = clauses.isEmpty ? "MATCH, OPTIONAL MATCH, UNWIND, WITH or RETURN"
                                               : "another clause (MATCH, OPTIONAL MATCH, UNWIND, WITH) or RETURN"
                throw unexpected(expected: expected)
            }
        }
    }

    mutating func match(optional: Bool, start: Int) throws(QueryError) -> Clause {
        var patterns = [try pathPattern()]
        while accept(",") { patterns.append(try pathPattern()) }
        let predicate = accept(keyword: "WHERE") ? try expression() : nil
        return .match(patterns: patterns, optional: optional, predicate: predicate, offset: start)
    }

    mutating func projection(start: Int) throws(QueryError) -> Projection {
        let distinct = accept(keyword: "DISTINCT")
        var star = false
        var items: [ProjectionItem] = []
        if accept("*") {
            star = true
            if accept(",") { items = try projectionItems() }
        } else {
            items = try projectionItems()
        }
        var orderBy: [SortItem] = []
        if accept(keyword: "ORDER") {
            try expect(keyword: "BY")
            repeat {
                let itemStart = current.offset
                let expression = try self.expression()
                let itemText = text(from: itemStart, to: tokens[position - 1].endOffset)
                var ascending = true
                if accept(keyword: "DESC") || accept(keyword: "DESCENDING") { ascending = false }
                else if accept(keyword: "ASC") || accept(keyword: "ASCENDING") { ascending = true }
                orderBy.append(SortItem(expression: expression, ascending: ascending, text: itemText))
            } while accept(",")
        }
        let skip = accept(keyword: "SKIP") ? try expression() : nil
        let limit = accept(keyword: "LIMIT") ? try expression() : nil
        return Projection(distinct: distinct, star: star, items: items, orderBy: orderBy, skip: skip, limit: limit, offset: start)
    }

    mutating func projectionItems() throws(QueryError) -> [ProjectionItem] {
        var items: [ProjectionItem] = []
        repeat {
            let start = current.offset
            let expression = try self.expression()
            let written = text(from: start, to: tokens[position - 1].endOffset)
            if accept(keyword: "AS") {
                let (alias, _) = try variable("a name after AS")
                items.append(ProjectionItem(expression: expression, name: alias, hasAlias: true, offset: start))
            } else {
                items.append(ProjectionItem(expression: expression, name: written, hasAlias: false, offset: start))
            }
        } while accept(",")
        return items
    }

    // MARK: Patterns

    mutating func pathPattern() throws(QueryError) -> PathPattern {
        let start = current.offset
        var pathVariable: String?
        if atVariable && isSymbol("=", ahead: 1) {
            pathVariable = try variable().0
            advance()
        }
        for kind in [ShortestKind.shortest, .all] where isKeyword(kind.rawValue.uppercased()) && isSymbol("(", ahead: 1) {
            advance()
            advance()
            var pattern = try chain(start: start)
            try expect(")", "')' to close \(kind.rawValue)(…)")
            guard pattern.relationships.count == 1 else {
                throw QueryError("\(kind.rawValue) takes one relationship pattern between two nodes, such as (a)-[*..6]-(b)", at: start)
            }
            if pattern.relationships[0].length == nil { pattern.relationships[0].length = (1, 1) }
            pattern.pathVariable = pathVariable
            pattern.shortest = kind
            return pattern
        }
        var pattern = try chain(start: start)
        pattern.pathVariable = pathVariable
        return pattern
    }

    mutating func chain(start: Int) throws(QueryError) -> PathPattern {
        var nodes = [try nodePattern()]
        var relationships: [RelationshipPattern] = []
        while isSymbol("-") || isSymbol("<-") || isSymbol("--") {
            if relationships.count == Self.maximumPatternLength {
                throw QueryError("a pattern may have at most \(Self.maximumPatternLength) relationships; use a variable length such as -[*1..200]-", at: current.offset)
            }
            relationships.append(try relationshipPattern())
            nodes.append(try nodePattern())
        }
        return PathPattern(pathVariable: nil, shortest: nil, nodes: nodes, relationships: relationships, offset: start)
    }

    mutating func nodePattern() throws(QueryError) -> NodePattern {
        let start = current.offset
        try expect("(", "'(' to start a node pattern such as (n:company)")
        try nest()
        defer { depth -= 1 }
        var node = NodePattern(variable: nil, labels: [], labelsAreAlternatives: false, properties: [], offset: start, labelOffsets: [])
        if atVariable { node.variable = try variable().0 }
        if accept(":") {
            let (first, offset) = try name("a label (an entity kind) after ':'")
            node.labels = [first]
            node.labelOffsets = [offset]
            while isSymbol("|") || isSymbol(":") {
                let alternative = isSymbol("|")
                if alternative { node.labelsAreAlternatives = true }
                advance()
                if alternative { _ = accept(":") }
                let (label, offset) = try name("a label after '\(alternative ? "|" : ":")'")
                node.labels.append(label)
                node.labelOffsets.append(offset)
            }
        }
        if isSymbol("{") { node.properties = try propertyMap() }
        if let word = keyword(current), word == "WHERE" {
            throw QueryError("a WHERE inside a node pattern is not supported: move it after the MATCH pattern", at: current.offset)
        }
        try expect(")", "')' to close the node pattern")
        return node
    }

    mutating func relationshipPattern() throws(QueryError) -> RelationshipPattern {
        let start = current.offset
        var leftArrow = false
        var pattern = RelationshipPattern(variable: nil, types: [], typeOffsets: [], direction: .either, length: nil, properties: [], offset: start)
        if accept("--") {
            // -- or -->
            pattern.direction = accept(">") ? .outgoing : .either
            return pattern
        }
        if accept("<-") {
            leftArrow = true
            if accept("->") {
                // <-->
                pattern.direction = .either
                return pattern
            }
            if accept("-") {
                // <-- or <-->
                pattern.direction = accept(">") ? .either : .incoming
                return pattern
            }
        } else {
            try expect("-", "'-' or '<-' to start a relationship pattern")
        }
        try expect("[", "'[' to start the relationship's details, or '-' for any relationship")
        if atVariable { pattern.variable = try variable().0 }
        if accept(":") {
            repeat {
                let (type, offset) = try name("a relationship type after ':'")
                pattern.types.append(type)
                pattern.typeOffsets.append(offset)
            } while accept("|") && (accept(":") || true)
        }
        if accept("*") {
            var minimum = 1
            var maximum: Int?
            if case let .integer(value) = current.kind {
                advance()
                minimum = value
                maximum = value
                if accept("..") {
                    maximum = nil
                    if case let .integer(upper) = current.kind { maximum = upper; advance() }
                }
            } else if accept("..") {
                if case let .integer(upper) = current.kind { maximum = upper; advance() }
                else { throw unexpected(expected: "an upper bound after '*..'") }
            }
            if max(minimum, maximum ?? 0) > Self.maximumHops {
                throw QueryError("a variable-length relationship may span at most \(Self.maximumHops) hops", at: start)
            }
            if let maximum, maximum < minimum {
                throw QueryError("the relationship length *\(minimum)..\(maximum) is empty: the upper bound is below the lower", at: start)
            }
            pattern.length = (minimum, maximum)
        }
        if isSymbol("{") { pattern.properties = try propertyMap() }
        if isKeyword("WHERE") {
            throw QueryError("a WHERE inside a relationship pattern is not supported: move it after the MATCH pattern", at: current.offset)
        }
        try expect("]", "']' to close the relationship's details")
        if leftArrow {
            if accept("->") { pattern.direction = .either; return pattern }
            try expect("-", "'-' after ']' (as in <-[r]-)")
            pattern.direction = .incoming
        } else if accept("->") {
            pattern.direction = .outgoing
        } else {
            try expect("-", "'-' or '->' after ']'")
            pattern.direction = .either
        }
        return pattern
    }

    mutating func propertyMap() throws(QueryError) -> [(String, Expression)] {
        try expect("{")
        var entries: [(String, Expression)] = []
        if accept("}") { return entries }
        repeat {
            let (key, _) = try name("a property name")
            try expect(":", "':' after the property name")
            entries.append((key, try expression()))
        } while accept(",")
        try expect("}", "'}' or ',' in the property map")
        return entries
    }
}
