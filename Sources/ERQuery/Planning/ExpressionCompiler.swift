import ERGraph
import Foundation

/// Evaluates one expression against a row of bindings.
typealias Evaluator = (_ row: Row, _ context: EvaluationContext) throws -> Value

/// What every evaluation may consult: the graph, the parameters, and (inside an aggregating
/// projection) the aggregates computed for the current group.
final class EvaluationContext {
    let access: GraphAccess
    let parameters: [String: Value]
    var aggregateResults: [Value] = []

    init(access: GraphAccess, parameters: [String: Value]) {
        self.access = access
        self.parameters = parameters
    }
}

/// Which reusable shortest-path search a query needs: one per direction and set of link kinds.
struct PathSearchKey: Hashable, Sendable {
    var direction: ERGraph.Direction
    var kinds: [String]?
}

/// An aggregate found in a projection item, computed per group.
struct AggregateSpec {
    enum Function: String { case count, sum, min, max, avg, collect, countStar }
    var function: Function
    var distinct: Bool
    var argument: Evaluator?
    /// Where the aggregate is written, for errors about its values.
    var offset: Int
}

/// Collects the aggregates met while compiling one projection.
final class AggregateCollector {
    var specs: [AggregateSpec] = []
}

/// Turns expressions into evaluators, checking names against the scope and the graph as it
/// goes, so mistakes surface before any row is read.
struct ExpressionCompiler {
    let access: GraphAccess
    var scope: Scope
    /// Non-nil where aggregates are allowed (projection items, ORDER BY of an aggregating projection).
    var aggregates: AggregateCollector?

    static let aggregateNames: Set<String> = ["count", "sum", "min", "max", "avg", "collect"]

    func compile(_ expression: Expression) throws -> Evaluator {
        switch expression {
        case let .literal(value):
            return { _, _ in value }

        case let .parameter(name, offset):
            return { _, context in
                guard let value = context.parameters[name] else {
                    throw QueryError.missingParameter(name, at: offset)
                }
                return value
            }

        case let .variable(name, offset):
            guard let slot = scope.slot(of: name) else {
                throw QueryError("unknown variable '\(name)'" + Suggestions.didYouMean(name, among: scope.visibleNames), at: offset)
            }
            return { row, _ in row[slot] }

        case let .property(subject, key, offset):
            try checkProperty(subject, key, offset: offset)
            let base = try compile(subject)
            return { row, context in
                try Self.property(of: try base(row, context), key, context: context, offset: offset)
            }

        case let .list(items):
            let compiled = try items.map(compile)
            return { row, context in .list(try compiled.map { try $0(row, context) }) }

        case let .map(entries):
            let keys = entries.map(\.0)
            let compiled = try entries.map { try compile($0.1) }
            return { row, context in .map(keys: keys, values: try compiled.map { try $0(row, context) }) }

        case let .unary(op, operand, offset):
            let inner = try compile(operand)
            switch op {
            case .not:
                return { row, context in
                    switch try inner(row, context) {
                    case .null: .null
                    case let .bool(value): .bool(!value)
                    case let other: throw QueryError("NOT needs a boolean, not \(other.typeName)", at: offset)
                    }
                }
            case .minus, .plus:
                let negate = op == .minus
                return { row, context in
                    switch try inner(row, context) {
                    case .null: return .null
                    case let .integer(value):
                        guard negate else { return .integer(value) }
                        guard value != Int.min else { throw QueryError("integer overflow", at: offset) }
                        return .integer(-value)
                    case let .float(value): return .float(negate ? -value : value)
                    case let other: throw QueryError("'\(op.rawValue)' needs a number, not \(other.typeName)", at: offset)
                    }
                }
            }

        case let .binary(op, left, right, offset):
            let lhs = try compile(left), rhs = try compile(right)
            return try Self.binary(op, lhs, rhs, offset: offset)

        case let .isNull(operand, negated):
            let inner = try compile(operand)
            return { row, context in .bool(try inner(row, context).isNull != negated) }

        case let .countStar(offset):
            guard let aggregates else { throw QueryError("count(*) is an aggregate: use it in RETURN or WITH", at: offset) }
            let index = aggregates.specs.count
            aggregates.specs.append(AggregateSpec(function: .countStar, distinct: false, argument: nil, offset: offset))
            return { _, context in context.aggregateResults[index] }

        case let .function(name, distinct, arguments, offset):
            let lower = name.lowercased()
            if Self.aggregateNames.contains(lower) {
                guard let aggregates else {
                    throw QueryError("\(lower)(…) is an aggregate: use it in RETURN or WITH, not in \(scopeDescription)", at: offset)
                }
                guard arguments.count == 1 else {
                    throw QueryError("\(lower)(…) takes one argument, found \(arguments.count)", at: offset)
                }
                // An aggregate's argument is read per row, outside any aggregate.
                var inner = self
                inner.aggregates = nil
                let argument = try inner.compile(arguments[0])
                let index = aggregates.specs.count
                aggregates.specs.append(AggregateSpec(function: AggregateSpec.Function(rawValue: lower) ?? .count,
                                                      distinct: distinct, argument: argument, offset: offset))
                return { _, context in context.aggregateResults[index] }
            }
            if distinct { throw QueryError("DISTINCT goes only inside an aggregate such as count(DISTINCT x)", at: offset) }
            return try Functions.compile(lower, written: name, arguments: arguments, offset: offset, compiler: self)

        case let .listPredicate(quantifier, variable, list, predicate, offset):
            let source = try compile(list)
            var inner = self
            let slot = inner.scope.addHidden(.value)
            inner.scope.bind(variable, to: slot)
            let test = try inner.compile(predicate)
            return { row, context in
                let items: [Value]
                switch try source(row, context) {
                case .null: return .null
                case let .list(values): items = values
                case let other: throw QueryError("\(quantifier.rawValue)(… IN …) needs a list, not \(other.typeName)", at: offset)
                }
                var trueCount = 0, falseCount = 0, unknown = false
                var extended = row
                extended.append(.null)
                for item in items {
                    extended[slot] = item
                    switch try test(extended, context) {
                    case .bool(true): trueCount += 1
                    case .bool(false): falseCount += 1
                    case .null: unknown = true
                    case let other: throw QueryError("the WHERE of \(quantifier.rawValue)(…) must be true or false, not \(other.typeName)", at: offset)
                    }
                    if quantifier == .any && trueCount > 0 { return .bool(true) }
                    if quantifier == .none && trueCount > 0 { return .bool(false) }
                    if quantifier == .all && falseCount > 0 { return .bool(false) }
                    if quantifier == .single && trueCount > 1 { return .bool(false) }
                }
                if unknown { return .null }
                switch quantifier {
                case .all: return .bool(true)
                case .any: return .bool(false)
                case .none: return .bool(true)
                case .single: return .bool(trueCount == 1)
                }
            }

        case let .comprehension(variable, list, predicate, projection, offset):
            let source = try compile(list)
            var inner = self
            let slot = inner.scope.addHidden(.value)
            inner.scope.bind(variable, to: slot)
            let test = try predicate.map { try inner.compile($0) }
            let map = try projection.map { try inner.compile($0) }
            return { row, context in
                let items: [Value]
                switch try source(row, context) {
                case .null: return .null
                case let .list(values): items = values
                case let other: throw QueryError("a list comprehension needs a list after IN, not \(other.typeName)", at: offset)
                }
                var result: [Value] = []
                var extended = row
                extended.append(.null)
                for item in items {
                    extended[slot] = item
                    if let test, try test(extended, context) != .bool(true) { continue }
                    result.append(try map?(extended, context) ?? item)
                }
                return .list(result)
            }

        case let .mapProjection(subject, items, offset):
            let base = try compile(subject)
            var parts: [(String, Evaluator?)] = []
            var includeAll = false
            for item in items {
                switch item {
                case let .property(key, keyOffset):
                    try checkProperty(subject, key, offset: keyOffset)
                    parts.append((key, nil))
                case let .entry(key, value): parts.append((key, try compile(value)))
                case let .variable(name, variableOffset): parts.append((name, try compile(.variable(name, offset: variableOffset))))
                case .all: includeAll = true
                }
            }
            return { row, context in
                let value = try base(row, context)
                if value.isNull { return .null }
                var keys: [String] = [], values: [Value] = []
                if includeAll, case let .map(allKeys, allValues) = context.access.properties(of: value) {
                    keys = allKeys
                    values = allValues
                }
                for (key, evaluator) in parts {
                    let entry = try evaluator?(row, context) ?? Self.property(of: value, key, context: context, offset: offset)
                    if let existing = keys.firstIndex(of: key) { values[existing] = entry } else { keys.append(key); values.append(entry) }
                }
                return .map(keys: keys, values: values)
            }

        case let .subscript(subject, index, offset):
            let base = try compile(subject), position = try compile(index)
            return { row, context in
                let container = try base(row, context), key = try position(row, context)
                switch (container, key) {
                case (.null, _), (_, .null): return .null
                case let (.list(items), .integer(at)):
                    let resolved = at < 0 ? items.count + at : at
                    return items.indices.contains(resolved) ? items[resolved] : .null
                case let (.map, .string(name)), let (.node, .string(name)), let (.relationship, .string(name)):
                    return try Self.property(of: container, name, context: context, offset: offset)
                default:
                    throw QueryError("cannot index \(container.typeName) with \(key.typeName)", at: offset)
                }
            }

        case let .slice(subject, lower, upper, offset):
            let base = try compile(subject)
            let from = try lower.map(compile), to = try upper.map(compile)
            return { row, context in
                guard case let .list(items) = try base(row, context) else {
                    let value = try base(row, context)
                    if value.isNull { return .null }
                    throw QueryError("a slice [a..b] needs a list, not \(value.typeName)", at: offset)
                }
                func bound(_ evaluator: Evaluator?, _ fallback: Int) throws -> Int? {
                    guard let evaluator else { return fallback }
                    switch try evaluator(row, context) {
                    case .null: return nil
                    case let .integer(value): return value < 0 ? max(0, items.count + value) : min(value, items.count)
                    case let other: throw QueryError("a slice bound must be an integer, not \(other.typeName)", at: offset)
                    }
                }
                guard let start = try bound(from, 0), let end = try bound(to, items.count) else { return .null }
                return start < end ? .list(Array(items[start..<end])) : .list([])
            }

        case let .caseWhen(subject, branches, otherwise):
            let subjectEvaluator = try subject.map(compile)
            let compiled = try branches.map { (try compile($0.0), try compile($0.1)) }
            let fallback = try otherwise.map(compile)
            return { row, context in
                let value = try subjectEvaluator?(row, context)
                for (condition, result) in compiled {
                    let test = try condition(row, context)
                    let matches = value.map { Value.equals($0, test) == true } ?? (test == .bool(true))
                    if matches { return try result(row, context) }
                }
                return try fallback?(row, context) ?? .null
            }
        }
    }

    private var scopeDescription: String { "a WHERE or a pattern" }

    /// Refuses `n.nmae` when `n` is a node or relationship and no entity or link has that property.
    private func checkProperty(_ subject: Expression, _ key: String, offset: Int) throws {
        guard case let .variable(name, _) = subject, let slot = scope.slot(of: name) else { return }
        switch scope.kind(of: slot) {
        case .node where !access.entityKeys.contains(key):
            throw QueryError("no entity has the property '\(key)'" + Suggestions.didYouMean(key, among: access.entityKeys)
                             + " (known: \(Self.shortList(access.entityKeys)))", at: offset)
        case .relationship where !access.relationshipKeys.contains(key):
            throw QueryError("no relationship has the property '\(key)'" + Suggestions.didYouMean(key, among: access.relationshipKeys)
                             + " (known: \(Self.shortList(access.relationshipKeys)))", at: offset)
        case .path, .relationshipList:
            throw QueryError("'\(name)' is a \(scope.kind(of: slot) == .path ? "path" : "list of relationships"); it has no properties", at: offset)
        default:
            return
        }
    }

    static func shortList(_ names: [String]) -> String {
        names.count <= 14 ? names.joined(separator: ", ") : names.prefix(14).joined(separator: ", ") + ", …"
    }

    static func property(of value: Value, _ key: String, context: EvaluationContext, offset: Int) throws -> Value {
        switch value {
        case .null: return .null
        case let .node(entity): return context.access.property(of: entity, key)
        case let .relationship(link): return context.access.property(of: link, key)
        case .map: return value.mapValue(key) ?? .null
        case let .date(date):
            switch key {
            case "year": return .integer(date.year)
            case "month": return date.month.map(Value.integer) ?? .null
            case "day": return date.day.map(Value.integer) ?? .null
            default: throw QueryError("a date has year, month and day, not '\(key)'", at: offset)
            }
        default:
            throw QueryError("cannot read the property '\(key)' of \(value.typeName)", at: offset)
        }
    }

    // MARK: Operators

    static func binary(_ op: BinaryOperator, _ lhs: @escaping Evaluator, _ rhs: @escaping Evaluator, offset: Int) throws -> Evaluator {
        switch op {
        case .and, .or, .xor:
            return { row, context in
                let left = try truth(try lhs(row, context), op, offset)
                if op == .and, left == false { return .bool(false) }
                if op == .or, left == true { return .bool(true) }
                let right = try truth(try rhs(row, context), op, offset)
                switch op {
                case .and: return right == false ? .bool(false) : (left == nil || right == nil ? .null : .bool(true))
                case .or: return right == true ? .bool(true) : (left == nil || right == nil ? .null : .bool(false))
                default: guard let left, let right else { return .null }; return .bool(left != right)
                }
            }
        case .equal, .notEqual:
            return { row, context in
                guard let equal = Value.equals(try lhs(row, context), try rhs(row, context)) else { return .null }
                return .bool(op == .equal ? equal : !equal)
            }
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            return { row, context in
                let left = try lhs(row, context), right = try rhs(row, context)
                guard let order = Value.compare(left, right) else { return .null }
                switch op {
                case .less: return .bool(order < 0)
                case .lessOrEqual: return .bool(order <= 0)
                case .greater: return .bool(order > 0)
                default: return .bool(order >= 0)
                }
            }
        case .in:
            return { row, context in
                let item = try lhs(row, context)
                switch try rhs(row, context) {
                case .null: return .null
                case let .list(values):
                    var unknown = false
                    for value in values {
                        switch Value.equals(item, value) {
                        case true?: return .bool(true)
                        case nil: unknown = true
                        case false?: continue
                        }
                    }
                    return unknown ? .null : .bool(false)
                case let other: throw QueryError("IN needs a list on its right, not \(other.typeName)", at: offset)
                }
            }
        case .startsWith, .endsWith, .contains:
            return { row, context in
                guard case let .string(text) = try lhs(row, context), case let .string(part) = try rhs(row, context) else { return .null }
                switch op {
                case .startsWith: return .bool(text.unicodeScalars.starts(with: part.unicodeScalars))
                case .endsWith: return .bool(text.unicodeScalars.reversed().starts(with: part.unicodeScalars.reversed()))
                default: return .bool(part.isEmpty || text.contains(part))
                }
            }
        case .add, .subtract, .multiply, .divide, .modulo, .power:
            return { row, context in try arithmetic(op, try lhs(row, context), try rhs(row, context), offset: offset) }
        }
    }

    private static func truth(_ value: Value, _ op: BinaryOperator, _ offset: Int) throws -> Bool? {
        switch value {
        case .null: return nil
        case let .bool(flag): return flag
        default: throw QueryError("\(op.rawValue) needs booleans, not \(value.typeName)", at: offset)
        }
    }

    static func arithmetic(_ op: BinaryOperator, _ left: Value, _ right: Value, offset: Int) throws -> Value {
        switch (left, right) {
        case (.null, _), (_, .null): return .null
        case let (.integer(a), .integer(b)):
            switch op {
            case .add: let (value, overflow) = a.addingReportingOverflow(b); if overflow { throw QueryError("integer overflow in +", at: offset) }; return .integer(value)
            case .subtract: let (value, overflow) = a.subtractingReportingOverflow(b); if overflow { throw QueryError("integer overflow in -", at: offset) }; return .integer(value)
            case .multiply: let (value, overflow) = a.multipliedReportingOverflow(by: b); if overflow { throw QueryError("integer overflow in *", at: offset) }; return .integer(value)
            case .divide:
                guard b != 0 else { throw QueryError("division by zero", at: offset) }
                let (value, overflow) = a.dividedReportingOverflow(by: b); if overflow { throw QueryError("integer overflow in /", at: offset) }
                return .integer(value)
            case .modulo:
                guard b != 0 else { throw QueryError("modulo by zero", at: offset) }
                let (value, overflow) = a.remainderReportingOverflow(dividingBy: b); if overflow { throw QueryError("integer overflow in %", at: offset) }
                return .integer(value)
            default: return .float(pow(Double(a), Double(b)))
            }
        case (.integer, .float), (.float, .integer), (.float, .float):
            let a = left.doubleValue ?? 0, b = right.doubleValue ?? 0
            switch op {
            case .add: return .float(a + b)
            case .subtract: return .float(a - b)
            case .multiply: return .float(a * b)
            case .divide: return .float(a / b)
            case .modulo: return .float(fmod(a, b))
            default: return .float(pow(a, b))
            }
        case let (.string(a), .string(b)) where op == .add: return .string(a + b)
        case let (.string(a), _) where op == .add && right.isScalar: return .string(a + right.plainText)
        case let (_, .string(b)) where op == .add && left.isScalar: return .string(left.plainText + b)
        case let (.list(a), .list(b)) where op == .add: return .list(a + b)
        case let (.list(a), _) where op == .add: return .list(a + [right])
        case let (_, .list(b)) where op == .add: return .list([left] + b)
        default:
            throw QueryError("cannot apply '\(op.rawValue)' to \(left.typeName) and \(right.typeName)", at: offset)
        }
    }
}

extension Value {
    var doubleValue: Double? {
        switch self {
        case let .integer(value): Double(value)
        case let .float(value): value
        default: nil
        }
    }

    var isScalar: Bool {
        switch self {
        case .integer, .float, .bool, .string, .date: true
        default: false
        }
    }

    /// The value as plain text, as toString() gives it.
    var plainText: String {
        switch self {
        case .null: "null"
        case let .bool(value): value ? "true" : "false"
        case let .integer(value): String(value)
        case let .float(value): Value.format(value)
        case let .string(value): value
        case let .date(value): value.description
        default: "\(self)"
        }
    }

    /// Floats as Cypher prints them: always with a decimal point, no exponent below 1e16.
    static func format(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        if value == value.rounded(), abs(value) < 1e16 { return String(format: "%.1f", value) }
        return "\(value)"
    }
}
