/// A recursive-descent parser for the read-only openCypher subset ergraph answers. Keywords
/// are case-insensitive; every error names what was expected at the offending token.
struct Parser {
    private let tokens: [Token]
    private let scalars: [Unicode.Scalar]
    private var position = 0
    /// Guards the recursion against pathological nesting such as ten thousand '('.
    private var depth = 0
    private static let maximumDepth = 200
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

    private var current: Token { tokens[position] }

    private func keyword(_ token: Token) -> String? {
        if case let .identifier(name, quoted) = token.kind, !quoted { return name.uppercased() }
        return nil
    }

    private func isKeyword(_ word: String, ahead: Int = 0) -> Bool {
        let index = min(position + ahead, tokens.count - 1)
        return keyword(tokens[index]) == word
    }

    private func isSymbol(_ symbol: String, ahead: Int = 0) -> Bool {
        let index = min(position + ahead, tokens.count - 1)
        return tokens[index].kind == .symbol(symbol)
    }

    private mutating func advance() { if position < tokens.count - 1 { position += 1 } }

    private mutating func accept(keyword word: String) -> Bool {
        guard isKeyword(word) else { return false }
        advance()
        return true
    }

    private mutating func accept(_ symbol: String) -> Bool {
        guard isSymbol(symbol) else { return false }
        advance()
        return true
    }

    private mutating func expect(_ symbol: String, _ what: String? = nil) throws(QueryError) {
        guard accept(symbol) else { throw unexpected(expected: what ?? "'\(symbol)'") }
    }

    private mutating func expect(keyword word: String) throws(QueryError) {
        guard accept(keyword: word) else { throw unexpected(expected: word) }
    }

    /// "expected X, found Y" at the current token.
    private func unexpected(expected: String) -> QueryError {
        QueryError("expected \(expected), found \(describe(current))", at: current.offset)
    }

    private func describe(_ token: Token) -> String {
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

    private func text(from start: Int, to end: Int) -> String {
        let clampedEnd = min(max(end, start), scalars.count)
        return String(String.UnicodeScalarView(scalars[start..<clampedEnd]))
    }

    /// A name: any identifier, quoted or not (keywords allowed where a name is expected, as in
    /// `n.end` or `:contract`).
    private mutating func name(_ what: String) throws(QueryError) -> (String, Int) {
        guard case let .identifier(name, _) = current.kind else { throw unexpected(expected: what) }
        let offset = current.offset
        advance()
        return (name, offset)
    }

    /// A variable: an identifier that is not a reserved word (unless quoted).
    private mutating func variable(_ what: String = "a variable name") throws(QueryError) -> (String, Int) {
        guard case let .identifier(name, quoted) = current.kind, quoted || !Self.reserved.contains(name.uppercased()) else {
            throw unexpected(expected: what)
        }
        let offset = current.offset
        advance()
        return (name, offset)
    }

    private var atVariable: Bool {
        if case let .identifier(name, quoted) = current.kind { return quoted || !Self.reserved.contains(name.uppercased()) }
        return false
    }

    private mutating func nest() throws(QueryError) {
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

    private func readOnly(_ word: String) -> QueryError {
        QueryError("ergraph queries are read-only: \(word) would change the graph; use MATCH … RETURN to read it", at: current.offset)
    }

    private mutating func singleQuery() throws(QueryError) -> [Clause] {
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

    private mutating func match(optional: Bool, start: Int) throws(QueryError) -> Clause {
        var patterns = [try pathPattern()]
        while accept(",") { patterns.append(try pathPattern()) }
        let predicate = accept(keyword: "WHERE") ? try expression() : nil
        return .match(patterns: patterns, optional: optional, predicate: predicate, offset: start)
    }

    private mutating func projection(start: Int) throws(QueryError) -> Projection {
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

    private mutating func projectionItems() throws(QueryError) -> [ProjectionItem] {
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

    private mutating func pathPattern() throws(QueryError) -> PathPattern {
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

    private mutating func chain(start: Int) throws(QueryError) -> PathPattern {
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

    private mutating func nodePattern() throws(QueryError) -> NodePattern {
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

    private mutating func relationshipPattern() throws(QueryError) -> RelationshipPattern {
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

    private mutating func propertyMap() throws(QueryError) -> [(String, Expression)] {
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

    // MARK: Expressions, lowest precedence first

    mutating func expression() throws(QueryError) -> Expression {
        try nest()
        defer { depth -= 1 }
        return try orExpression()
    }

    private mutating func orExpression() throws(QueryError) -> Expression {
        var left = try xorExpression()
        while isKeyword("OR") {
            let offset = current.offset
            advance()
            left = .binary(.or, left, try xorExpression(), offset: offset)
        }
        return left
    }

    private mutating func xorExpression() throws(QueryError) -> Expression {
        var left = try andExpression()
        while isKeyword("XOR") {
            let offset = current.offset
            advance()
            left = .binary(.xor, left, try andExpression(), offset: offset)
        }
        return left
    }

    private mutating func andExpression() throws(QueryError) -> Expression {
        var left = try notExpression()
        while isKeyword("AND") {
            let offset = current.offset
            advance()
            left = .binary(.and, left, try notExpression(), offset: offset)
        }
        return left
    }

    private mutating func notExpression() throws(QueryError) -> Expression {
        if isKeyword("NOT") {
            let offset = current.offset
            advance()
            try nest()
            defer { depth -= 1 }
            return .unary(.not, try notExpression(), offset: offset)
        }
        return try comparison()
    }

    private mutating func comparison() throws(QueryError) -> Expression {
        let first = try predicateExpression()
        var operands = [first]
        var operators: [(BinaryOperator, Int)] = []
        let map: [String: BinaryOperator] = ["=": .equal, "<>": .notEqual, "<": .less, "<=": .lessOrEqual, ">": .greater, ">=": .greaterOrEqual]
        while case let .symbol(symbol) = current.kind, let op = map[symbol] {
            operators.append((op, current.offset))
            advance()
            operands.append(try predicateExpression())
        }
        guard !operators.isEmpty else { return first }
        // a < b < c means a < b AND b < c, as in openCypher.
        var result: Expression = .binary(operators[0].0, operands[0], operands[1], offset: operators[0].1)
        for index in 1..<operators.count {
            let next: Expression = .binary(operators[index].0, operands[index], operands[index + 1], offset: operators[index].1)
            result = .binary(.and, result, next, offset: operators[index].1)
        }
        return result
    }

    private mutating func predicateExpression() throws(QueryError) -> Expression {
        var left = try additive()
        while true {
            let offset = current.offset
            if accept(keyword: "IN") {
                left = .binary(.in, left, try additive(), offset: offset)
            } else if isKeyword("STARTS") {
                advance()
                try expect(keyword: "WITH")
                left = .binary(.startsWith, left, try additive(), offset: offset)
            } else if isKeyword("ENDS") {
                advance()
                try expect(keyword: "WITH")
                left = .binary(.endsWith, left, try additive(), offset: offset)
            } else if accept(keyword: "CONTAINS") {
                left = .binary(.contains, left, try additive(), offset: offset)
            } else if accept(keyword: "IS") {
                let negated = accept(keyword: "NOT")
                guard accept(keyword: "NULL") else { throw unexpected(expected: negated ? "NULL after IS NOT" : "NULL or NOT NULL after IS") }
                left = .isNull(left, negated: negated)
            } else {
                return left
            }
        }
    }

    private mutating func additive() throws(QueryError) -> Expression {
        var left = try multiplicative()
        while isSymbol("+") || isSymbol("-") {
            let op: BinaryOperator = isSymbol("+") ? .add : .subtract
            let offset = current.offset
            advance()
            left = .binary(op, left, try multiplicative(), offset: offset)
        }
        return left
    }

    private mutating func multiplicative() throws(QueryError) -> Expression {
        var left = try power()
        while isSymbol("*") || isSymbol("/") || isSymbol("%") {
            let op: BinaryOperator = isSymbol("*") ? .multiply : (isSymbol("/") ? .divide : .modulo)
            let offset = current.offset
            advance()
            left = .binary(op, left, try power(), offset: offset)
        }
        return left
    }

    private mutating func power() throws(QueryError) -> Expression {
        var left = try unary()
        while isSymbol("^") {
            let offset = current.offset
            advance()
            left = .binary(.power, left, try unary(), offset: offset)
        }
        return left
    }

    private mutating func unary() throws(QueryError) -> Expression {
        if isSymbol("-") || isSymbol("+") {
            let op: UnaryOperator = isSymbol("-") ? .minus : .plus
            let offset = current.offset
            advance()
            try nest()
            defer { depth -= 1 }
            // -9223372036854775808 is a literal, not the negation of a number too large.
            return .unary(op, try unary(), offset: offset)
        }
        return try postfix()
    }

    private mutating func postfix() throws(QueryError) -> Expression {
        var value = try atom()
        while true {
            let offset = current.offset
            if accept(".") {
                let (key, keyOffset) = try name("a property name after '.'")
                value = .property(value, key, offset: keyOffset)
            } else if isSymbol("[") {
                advance()
                if accept("..") {
                    let upper = isSymbol("]") ? nil : try expression()
                    try expect("]")
                    value = .slice(value, nil, upper, offset: offset)
                    continue
                }
                let index = try expression()
                if accept("..") {
                    let upper = isSymbol("]") ? nil : try expression()
                    try expect("]")
                    value = .slice(value, index, upper, offset: offset)
                } else {
                    try expect("]", "']' after the index")
                    value = .subscript(value, index, offset: offset)
                }
            } else {
                return value
            }
        }
    }

    private mutating func atom() throws(QueryError) -> Expression {
        let start = current.offset
        switch current.kind {
        case let .integer(value): advance(); return .literal(.integer(value))
        case let .float(value): advance(); return .literal(.float(value))
        case let .string(value): advance(); return .literal(.string(value))
        case let .parameter(name): advance(); return .parameter(name, offset: start)
        case .symbol("("):
            advance()
            try nest()
            defer { depth -= 1 }
            let inner = try expression()
            try expect(")", "')' to close the parenthesis")
            return inner
        case .symbol("["):
            return try listOrComprehension()
        case .symbol("{"):
            return .map(try propertyMap())
        case let .identifier(name, quoted):
            let upper = name.uppercased()
            if !quoted {
                switch upper {
                case "TRUE": advance(); return .literal(.bool(true))
                case "FALSE": advance(); return .literal(.bool(false))
                case "NULL": advance(); return .literal(.null)
                case "CASE": return try caseExpression()
                case "ALL" where isSymbol("(", ahead: 1), "ANY" where isSymbol("(", ahead: 1),
                     "NONE" where isSymbol("(", ahead: 1), "SINGLE" where isSymbol("(", ahead: 1):
                    return try listPredicate(ListQuantifier(rawValue: name.lowercased()) ?? .all)
                default: break
                }
                if isSymbol("(", ahead: 1) { return try functionCall(name) }
                if Self.reserved.contains(upper) {
                    if Self.writeKeywords.contains(upper) { throw readOnly(upper) }
                    throw unexpected(expected: "an expression")
                }
            } else if isSymbol("(", ahead: 1) {
                return try functionCall(name)
            }
            advance()
            if isSymbol("{") { return try mapProjection(.variable(name, offset: start), offset: start) }
            return .variable(name, offset: start)
        default:
            throw unexpected(expected: "an expression")
        }
    }

    private mutating func functionCall(_ name: String) throws(QueryError) -> Expression {
        let start = current.offset
        advance()
        try expect("(")
        try nest()
        defer { depth -= 1 }
        if name.lowercased() == "count" && accept("*") {
            try expect(")", "')' after count(*")
            return .countStar(offset: start)
        }
        let distinct = accept(keyword: "DISTINCT")
        var arguments: [Expression] = []
        if !isSymbol(")") {
            repeat { arguments.append(try expression()) } while accept(",")
        }
        try expect(")", "')' or ',' in the arguments of \(name)(…)")
        return .function(name: name, distinct: distinct, arguments: arguments, offset: start)
    }

    private mutating func listPredicate(_ quantifier: ListQuantifier) throws(QueryError) -> Expression {
        let start = current.offset
        advance()
        try expect("(")
        try nest()
        defer { depth -= 1 }
        let (name, _) = try variable("a variable, as in \(quantifier.rawValue)(x IN list WHERE …)")
        try expect(keyword: "IN")
        let list = try expression()
        try expect(keyword: "WHERE")
        let predicate = try expression()
        try expect(")", "')' to close \(quantifier.rawValue)(…)")
        return .listPredicate(quantifier, variable: name, list: list, predicate: predicate, offset: start)
    }

    private mutating func listOrComprehension() throws(QueryError) -> Expression {
        let start = current.offset
        advance()
        try nest()
        defer { depth -= 1 }
        if atVariable && isKeyword("IN", ahead: 1) {
            let (name, _) = try variable()
            advance()
            let list = try expression()
            let predicate = accept(keyword: "WHERE") ? try expression() : nil
            let projection = accept("|") ? try expression() : nil
            try expect("]", "']' to close the list comprehension")
            return .comprehension(variable: name, list: list, predicate: predicate, projection: projection, offset: start)
        }
        var items: [Expression] = []
        if !isSymbol("]") {
            repeat { items.append(try expression()) } while accept(",")
        }
        try expect("]", "']' or ',' in the list")
        return .list(items)
    }

    private mutating func mapProjection(_ subject: Expression, offset: Int) throws(QueryError) -> Expression {
        try expect("{")
        var items: [MapProjectionItem] = []
        if !isSymbol("}") {
            repeat {
                if accept(".") {
                    if accept("*") { items.append(.all); continue }
                    let (key, keyOffset) = try name("a property name after '.'")
                    items.append(.property(key, offset: keyOffset))
                } else if case .identifier = current.kind, isSymbol(":", ahead: 1) {
                    let (key, _) = try name("a key")
                    advance()
                    items.append(.entry(key, try expression()))
                } else {
                    let (name, nameOffset) = try variable("'.property', 'key: value' or a variable in the map projection")
                    items.append(.variable(name, offset: nameOffset))
                }
            } while accept(",")
        }
        try expect("}", "'}' or ',' in the map projection")
        return .mapProjection(subject, items, offset: offset)
    }

    private mutating func caseExpression() throws(QueryError) -> Expression {
        advance()
        try nest()
        defer { depth -= 1 }
        let subject = isKeyword("WHEN") ? nil : try expression()
        var branches: [(Expression, Expression)] = []
        while accept(keyword: "WHEN") {
            let condition = try expression()
            try expect(keyword: "THEN")
            branches.append((condition, try expression()))
        }
        guard !branches.isEmpty else { throw unexpected(expected: "WHEN") }
        let otherwise = accept(keyword: "ELSE") ? try expression() : nil
        try expect(keyword: "END")
        return .caseWhen(subject: subject, branches: branches, otherwise: otherwise)
    }
}
