/// Expressions, lowest precedence first: the part of ``Parser`` that reads WHERE conditions,
/// projections and arguments.
extension Parser {
    // MARK: Expressions, lowest precedence first

    mutating func expression() throws(QueryError) -> Expression {
        try nest()
        defer { depth -= 1 }
        return try binary(.or)
    }

    /// The left-associative binary levels, loosest first. Between `AND` and `+` sit `NOT`,
    /// comparisons (chained: `a < b < c`) and string and list predicates, which have rules of
    /// their own.
    enum Level {
        case or, xor, and, additive, multiplicative, power

        /// The operators of the level: keywords for the logical ones, symbols for the others.
        var operators: [(spelling: String, isKeyword: Bool, op: BinaryOperator)] {
            switch self {
            case .or: [("OR", true, .or)]
            case .xor: [("XOR", true, .xor)]
            case .and: [("AND", true, .and)]
            case .additive: [("+", false, .add), ("-", false, .subtract)]
            case .multiplicative: [("*", false, .multiply), ("/", false, .divide), ("%", false, .modulo)]
            case .power: [("^", false, .power)]
            }
        }
    }

    /// One precedence-driven loop for every left-associative level: operands of the next
    /// tighter level joined by this level's operators.
    mutating func binary(_ level: Level) throws(QueryError) -> Expression {
        var left = try operand(tighterThan: level)
        while let found = level.operators.first(where: { $0.isKeyword ? isKeyword($0.spelling) : isSymbol($0.spelling) }) {
            let offset = current.offset
            advance()
            left = .binary(found.op, left, try operand(tighterThan: level), offset: offset)
        }
        return left
    }

    mutating func operand(tighterThan level: Level) throws(QueryError) -> Expression {
        switch level {
        case .or: try binary(.xor)
        case .xor: try binary(.and)
        case .and: try notExpression()
        case .additive: try binary(.multiplicative)
        case .multiplicative: try binary(.power)
        case .power: try unary()
        }
    }

    mutating func notExpression() throws(QueryError) -> Expression {
        if isKeyword("NOT") {
            let offset = current.offset
            advance()
            try nest()
            defer { depth -= 1 }
            return .unary(.not, try notExpression(), offset: offset)
        }
        return try comparison()
    }

    mutating func comparison() throws(QueryError) -> Expression {
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

    mutating func predicateExpression() throws(QueryError) -> Expression {
        var left = try binary(.additive)
        while true {
            let offset = current.offset
            if accept(keyword: "IN") {
                left = .binary(.in, left, try binary(.additive), offset: offset)
            } else if isKeyword("STARTS") {
                advance()
                try expect(keyword: "WITH")
                left = .binary(.startsWith, left, try binary(.additive), offset: offset)
            } else if isKeyword("ENDS") {
                advance()
                try expect(keyword: "WITH")
                left = .binary(.endsWith, left, try binary(.additive), offset: offset)
            } else if accept(keyword: "CONTAINS") {
                left = .binary(.contains, left, try binary(.additive), offset: offset)
            } else if accept(keyword: "IS") {
                let negated = accept(keyword: "NOT")
                guard accept(keyword: "NULL") else { throw unexpected(expected: negated ? "NULL after IS NOT" : "NULL or NOT NULL after IS") }
                left = .isNull(left, negated: negated)
            } else {
                return left
            }
        }
    }

    mutating func unary() throws(QueryError) -> Expression {
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

    mutating func postfix() throws(QueryError) -> Expression {
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

    mutating func atom() throws(QueryError) -> Expression {
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

    mutating func functionCall(_ name: String) throws(QueryError) -> Expression {
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

    mutating func listPredicate(_ quantifier: ListQuantifier) throws(QueryError) -> Expression {
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

    mutating func listOrComprehension() throws(QueryError) -> Expression {
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

    mutating func mapProjection(_ subject: Expression, offset: Int) throws(QueryError) -> Expression {
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

    mutating func caseExpression() throws(QueryError) -> Expression {
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
