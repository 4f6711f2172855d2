import ERGraph
import Foundation

/// The scalar functions a query may call. Names are case-insensitive; the argument count is
/// checked when the query is planned.
enum Functions {
    /// name → allowed argument counts.
    static let arities: [String: ClosedRange<Int>] = [
        "id": 1...1, "labels": 1...1, "label": 1...1, "type": 1...1, "properties": 1...1, "keys": 1...1,
        "length": 1...1, "size": 1...1, "nodes": 1...1, "relationships": 1...1, "rels": 1...1,
        "startnode": 1...1, "endnode": 1...1, "tolower": 1...1, "toupper": 1...1, "lower": 1...1, "upper": 1...1,
        "coalesce": 1...64, "date": 1...1, "tostring": 1...1, "tointeger": 1...1, "tofloat": 1...1, "toboolean": 1...1,
        "trim": 1...1, "ltrim": 1...1, "rtrim": 1...1, "replace": 3...3, "substring": 2...3, "left": 2...2, "right": 2...2,
        "split": 2...2, "reverse": 1...1, "head": 1...1, "last": 1...1, "tail": 1...1, "range": 2...3,
        "abs": 1...1, "ceil": 1...1, "floor": 1...1, "round": 1...2, "sign": 1...1, "sqrt": 1...1, "exists": 1...1,
    ]

    static var knownNames: [String] { (Array(arities.keys) + Array(ExpressionCompiler.aggregateNames)).sorted() }

    static func compile(_ name: String, written: String, arguments: [Expression], offset: Int,
                        compiler: ExpressionCompiler) throws -> Evaluator {
        guard let arity = arities[name] else {
            throw QueryError("unknown function '\(written)'" + Suggestions.didYouMean(written, among: knownNames), at: offset)
        }
        guard arity.contains(arguments.count) else {
            let expected = arity.lowerBound == arity.upperBound ? "\(arity.lowerBound)" : "\(arity.lowerBound) to \(arity.upperBound)"
            throw QueryError("\(written)(…) takes \(expected) argument\(arity.upperBound == 1 ? "" : "s"), found \(arguments.count)", at: offset)
        }
        let args = try arguments.map(compiler.compile)
        // date('…') with a literal is checked now, so a typo is reported before the query runs.
        if name == "date", case let .literal(.string(text)) = arguments[0], PartialDate(text) == nil {
            throw QueryError("'\(text)' is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD", at: offset)
        }
        func error(_ message: String) -> QueryError { QueryError("\(written)(…): \(message)", at: offset) }

        if name == "coalesce" {
            return { row, context in
                for argument in args {
                    let value = try argument(row, context)
                    if !value.isNull { return value }
                }
                return .null
            }
        }
        if name == "exists" {
            return { row, context in .bool(!(try args[0](row, context)).isNull) }
        }
        let first = args[0]
        if args.count == 1 {
            return { row, context in
                let value = try first(row, context)
                if value.isNull { return .null }
                return try unary(name, value, context: context, error: error)
            }
        }
        return { row, context in
            let values = try args.map { try $0(row, context) }
            if values.contains(where: \.isNull) { return .null }
            return try variadic(name, values, error: error)
        }
    }

    private static func unary(_ name: String, _ value: Value, context: EvaluationContext,
                              error: (String) -> QueryError) throws -> Value {
        let graph = context.access.graph
        switch (name, value) {
        case let ("id", .node(entity)): return .string(graph.id(of: entity))
        case let ("id", .relationship(link)): return .string(graph.id(of: link))
        case let ("labels", .node(entity)): return .list([.string(graph.kind(of: entity))])
        case let ("label", .node(entity)): return .string(graph.kind(of: entity))
        case let ("label", .relationship(link)), let ("type", .relationship(link)): return .string(graph.kind(of: link))
        case ("properties", _):
            let properties = context.access.properties(of: value)
            if properties.isNull { throw error("needs a node, a relationship or a map, not \(value.typeName)") }
            return properties
        case ("keys", _):
            guard case let .map(keys, _) = context.access.properties(of: value) else {
                throw error("needs a node, a relationship or a map, not \(value.typeName)")
            }
            return .list(keys.map(Value.string))
        case let ("length", .path(_, links)): return .integer(links.count)
        case let ("length", .list(items)), let ("size", .list(items)): return .integer(items.count)
        case let ("length", .string(text)), let ("size", .string(text)): return .integer(text.count)
        case let ("nodes", .path(entities, _)): return .list(entities.map(Value.node))
        case let ("relationships", .path(_, links)), let ("rels", .path(_, links)): return .list(links.map(Value.relationship))
        case let ("startnode", .relationship(link)): return .node(graph.from(link))
        case let ("endnode", .relationship(link)): return .node(graph.to(link))
        case let ("tolower", .string(text)), let ("lower", .string(text)): return .string(text.lowercased())
        case let ("toupper", .string(text)), let ("upper", .string(text)): return .string(text.uppercased())
        case let ("date", .string(text)):
            guard let date = PartialDate(text) else { throw error("'\(text)' is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD") }
            return .date(date)
        case ("date", .date): return value
        case ("tostring", _) where value.isScalar: return .string(value.plainText)
        case let ("tointeger", .integer(number)): return .integer(number)
        case let ("tointeger", .float(number)):
            guard number.isFinite, abs(number) < 9.2e18 else { return .null }
            return .integer(Int(number.rounded(.towardZero)))
        case let ("tointeger", .string(text)):
            if let number = Int(text.trimmingCharacters(in: .whitespaces)) { return .integer(number) }
            if let number = Double(text.trimmingCharacters(in: .whitespaces)), number.isFinite, abs(number) < 9.2e18 {
                return .integer(Int(number.rounded(.towardZero)))
            }
            return .null
        case let ("tofloat", .integer(number)): return .float(Double(number))
        case ("tofloat", .float): return value
        case let ("tofloat", .string(text)): return Double(text.trimmingCharacters(in: .whitespaces)).map(Value.float) ?? .null
        case ("toboolean", .bool): return value
        case let ("toboolean", .string(text)):
            switch text.trimmingCharacters(in: .whitespaces).lowercased() {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: return .null
            }
        case let ("trim", .string(text)): return .string(text.trimmingCharacters(in: .whitespaces))
        case let ("ltrim", .string(text)): return .string(String(text.drop { $0 == " " || $0 == "\t" }))
        case let ("rtrim", .string(text)): return .string(String(text.reversed().drop { $0 == " " || $0 == "\t" }.reversed()))
        case let ("reverse", .string(text)): return .string(String(text.reversed()))
        case let ("reverse", .list(items)): return .list(items.reversed())
        case let ("head", .list(items)): return items.first ?? .null
        case let ("last", .list(items)): return items.last ?? .null
        case let ("tail", .list(items)): return .list(Array(items.dropFirst()))
        case let ("abs", .integer(number)):
            guard number != Int.min else { throw error("integer overflow") }
            return .integer(abs(number))
        case let ("abs", .float(number)): return .float(abs(number))
        case let ("ceil", number), let ("floor", number), let ("round", number), let ("sqrt", number), let ("sign", number):
            guard let double = number.doubleValue else { break }
            switch name {
            case "ceil": return .float(double.rounded(.up))
            case "floor": return .float(double.rounded(.down))
            case "round": return .float(double.rounded(.toNearestOrAwayFromZero))
            case "sqrt": return .float(double.squareRoot())
            default: return .integer(double > 0 ? 1 : (double < 0 ? -1 : 0))
            }
        default: break
        }
        throw error("cannot take \(value.typeName)")
    }

    private static func variadic(_ name: String, _ values: [Value], error: (String) -> QueryError) throws -> Value {
        switch (name, values[0]) {
        case let ("replace", .string(text)):
            guard case let .string(search) = values[1], case let .string(replacement) = values[2] else { break }
            return .string(search.isEmpty ? text : text.replacingOccurrences(of: search, with: replacement))
        case let ("substring", .string(text)):
            guard case let .integer(start) = values[1], start >= 0 else { throw error("the start must be a non-negative integer") }
            let characters = Array(text)
            let from = min(start, characters.count)
            var to = characters.count
            if values.count == 3 {
                guard case let .integer(length) = values[2], length >= 0 else { throw error("the length must be a non-negative integer") }
                to = min(characters.count, from + length)
            }
            return .string(String(characters[from..<to]))
        case let ("left", .string(text)):
            guard case let .integer(count) = values[1], count >= 0 else { throw error("the length must be a non-negative integer") }
            return .string(String(text.prefix(count)))
        case let ("right", .string(text)):
            guard case let .integer(count) = values[1], count >= 0 else { throw error("the length must be a non-negative integer") }
            return .string(String(text.suffix(count)))
        case let ("split", .string(text)):
            guard case let .string(separator) = values[1], !separator.isEmpty else { throw error("the separator must be a non-empty string") }
            return .list(text.components(separatedBy: separator).map(Value.string))
        case let ("round", number) where number.doubleValue != nil:
            guard case let .integer(digits) = values[1], (0...15).contains(digits) else { throw error("the precision must be an integer from 0 to 15") }
            let scale = pow(10.0, Double(digits))
            return .float(((number.doubleValue ?? 0) * scale).rounded(.toNearestOrAwayFromZero) / scale)
        case let ("range", .integer(start)):
            guard case let .integer(end) = values[1] else { break }
            var step = 1
            if values.count == 3 {
                guard case let .integer(given) = values[2], given != 0 else { throw error("the step must be a non-zero integer") }
                step = given
            }
            let count = step > 0 ? max(0, (end - start) / step + 1) : max(0, (start - end) / -step + 1)
            guard count <= 10_000_000 else { throw error("the range would hold \(count) numbers; at most 10,000,000") }
            return .list(stride(from: start, through: end, by: step).map(Value.integer))
        default: break
        }
        throw error("cannot take \(values.map(\.typeName).joined(separator: ", "))")
    }
}
