import ERGraph
import Foundation

/// A value a query computes: Cypher's types, with the model's partial dates and the graph's
/// entities (nodes), relationships and paths referred to by index.
public enum Value: Hashable, Sendable {
    case null
    case bool(Bool)
    case integer(Int)
    case float(Double)
    case string(String)
    /// A date known to the year, month or day; see ``Value/compare(_:_:)`` for how partial
    /// dates compare.
    case date(PartialDate)
    case list([Value])
    /// Keys in the order written (map projections keep their order for display).
    case map(keys: [String], values: [Value])
    case node(EntityIndex)
    case relationship(RelationshipIndex)
    case path(nodes: [EntityIndex], relationships: [RelationshipIndex])

    public var isNull: Bool { if case .null = self { true } else { false } }

    /// Cypher's name for the value's type, for messages.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .integer: "an integer"
        case .float: "a float"
        case .string: "a string"
        case .date: "a date"
        case .list: "a list"
        case .map: "a map"
        case .node: "a node"
        case .relationship: "a relationship"
        case .path: "a path"
        }
    }

    /// `key → value` of a map value.
    func mapValue(_ key: String) -> Value? {
        guard case let .map(keys, values) = self, let index = keys.firstIndex(of: key) else { return nil }
        return values[index]
    }

    // MARK: Equality and comparison as Cypher defines them (three-valued)

    /// `=`: nil means unknown (null): a null on either side, or partial dates that overlap
    /// without being the same span... see ``compare(_:_:)``.
    public static func equals(_ lhs: Value, _ rhs: Value) -> Bool? {
        switch (lhs, rhs) {
        case (.null, _), (_, .null): return nil
        case let (.integer(a), .integer(b)): return a == b
        case let (.integer(a), .float(b)): return Double(a) == b
        case let (.float(a), .integer(b)): return a == Double(b)
        case let (.float(a), .float(b)): return a == b
        case let (.date(a), .date(b)): return compareDates(a, b) == 0
        case let (.list(a), .list(b)):
            guard a.count == b.count else { return false }
            var unknown = false
            for (x, y) in zip(a, b) {
                switch equals(x, y) {
                case false?: return false
                case nil: unknown = true
                case true?: continue
                }
            }
            return unknown ? nil : true
        case let (.map(keysA, valuesA), .map(keysB, valuesB)):
            guard Set(keysA) == Set(keysB) else { return false }
            var unknown = false
            for (key, value) in zip(keysA, valuesA) {
                guard let position = keysB.firstIndex(of: key) else { return false }
                switch equals(value, valuesB[position]) {
                case false?: return false
                case nil: unknown = true
                case true?: continue
                }
            }
            return unknown ? nil : true
        default:
            return lhs == rhs
        }
    }

    /// `<`, `<=`, `>`, `>=`: the sign of the comparison, or nil when the values do not compare
    /// (different types, a null, NaN).
    ///
    /// Partial dates compare at the coarser of their two precisions, which is the model's
    /// reading of a date as the span it names: `2024-09 < 2025`, and `2025-03 <= 2025` (it lies
    /// within 2025), but not `2025-03 < 2025`. So `r.start <= date('2025')` is "started by
    /// 2025" exactly as a traversal "as of 2025" reads it.
    public static func compare(_ lhs: Value, _ rhs: Value) -> Int? {
        switch (lhs, rhs) {
        case let (.integer(a), .integer(b)): return a < b ? -1 : (a > b ? 1 : 0)
        case let (.integer(a), .float(b)): return compareDoubles(Double(a), b)
        case let (.float(a), .integer(b)): return compareDoubles(a, Double(b))
        case let (.float(a), .float(b)): return compareDoubles(a, b)
        case let (.string(a), .string(b)): return a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) ? -1 : (a == b ? 0 : 1)
        case let (.bool(a), .bool(b)): return a == b ? 0 : (a ? 1 : -1)
        case let (.date(a), .date(b)): return compareDates(a, b)
        case let (.list(a), .list(b)):
            for (x, y) in zip(a, b) {
                guard let order = compare(x, y) else { return nil }
                if order != 0 { return order }
            }
            return a.count < b.count ? -1 : (a.count > b.count ? 1 : 0)
        default: return nil
        }
    }

    private static func compareDoubles(_ a: Double, _ b: Double) -> Int? {
        if a.isNaN || b.isNaN { return nil }
        return a < b ? -1 : (a > b ? 1 : 0)
    }

    /// Compares two partial dates at the coarser precision of the two.
    static func compareDates(_ a: PartialDate, _ b: PartialDate) -> Int {
        let precision = min(a.precision, b.precision)
        func key(_ date: PartialDate) -> (Int, Int, Int) {
            switch precision {
            case .year: (date.year, 0, 0)
            case .month: (date.year, date.month ?? 0, 0)
            case .day: (date.year, date.month ?? 0, date.day ?? 0)
            }
        }
        let left = key(a), right = key(b)
        return left < right ? -1 : (left > right ? 1 : 0)
    }

    // MARK: Ordering for ORDER BY (total, deterministic)

    /// Cypher's global sort order across types (maps, nodes, relationships, lists, paths, dates,
    /// strings, booleans, numbers, then null last), and within a type the natural order. Dates
    /// order by the model's total order (`2024 < 2024-01 < 2024-01-01`).
    static func sortOrder(_ lhs: Value, _ rhs: Value) -> Int {
        let left = rank(lhs), right = rank(rhs)
        if left != right { return left < right ? -1 : 1 }
        switch (lhs, rhs) {
        case let (.date(a), .date(b)): return a < b ? -1 : (b < a ? 1 : 0)
        case let (.node(a), .node(b)): return a < b ? -1 : (a == b ? 0 : 1)
        case let (.relationship(a), .relationship(b)): return a < b ? -1 : (a == b ? 0 : 1)
        case let (.float(a), .float(b)) where a.isNaN || b.isNaN:
            return a.isNaN == b.isNaN ? 0 : (a.isNaN ? 1 : -1)   // NaN after every number
        case let (.list(a), .list(b)):
            for (x, y) in zip(a, b) {
                let order = sortOrder(x, y)
                if order != 0 { return order }
            }
            return a.count < b.count ? -1 : (a.count > b.count ? 1 : 0)
        case let (.path(nodesA, relsA), .path(nodesB, relsB)):
            let order = sortOrder(.list(nodesA.map(Value.node) + relsA.map(Value.relationship)),
                                  .list(nodesB.map(Value.node) + relsB.map(Value.relationship)))
            return order
        case let (.map(keysA, valuesA), .map(keysB, valuesB)):
            let a = zip(keysA, valuesA).sorted { $0.0 < $1.0 }, b = zip(keysB, valuesB).sorted { $0.0 < $1.0 }
            for (x, y) in zip(a, b) {
                if x.0 != y.0 { return x.0 < y.0 ? -1 : 1 }
                let order = sortOrder(x.1, y.1)
                if order != 0 { return order }
            }
            return a.count < b.count ? -1 : (a.count > b.count ? 1 : 0)
        default:
            return compare(lhs, rhs) ?? 0
        }
    }

    private static func rank(_ value: Value) -> Int {
        switch value {
        case .map: 0
        case .node: 1
        case .relationship: 2
        case .list: 3
        case .path: 4
        case .date: 5
        case .string: 6
        case .bool: 7
        case .integer, .float: 8
        case .null: 9
        }
    }

    // MARK: Grouping and DISTINCT

    /// A key under which equal values (in the DISTINCT sense: 1 and 1.0 are the same, null
    /// equals null) fall together.
    var groupingKey: Value {
        switch self {
        case let .float(value) where value.rounded() == value && abs(value) < 9.0e15: .integer(Int(value))
        case let .list(values): .list(values.map(\.groupingKey))
        case let .map(keys, values):
            .map(keys: keys.sorted(), values: keys.indices.sorted { keys[$0] < keys[$1] }.map { values[$0].groupingKey })
        default: self
        }
    }
}

extension Value {
    init(_ property: PropertyValue) {
        switch property {
        case let .text(text): self = .string(text)
        case let .integer(value): self = .integer(value)
        case let .number(value): self = .float(value)
        case let .boolean(value): self = .bool(value)
        case let .date(value): self = .date(value)
        case let .money(money): self = .float(NSDecimalNumberBridge.double(money.amount))
        case let .list(values): self = .list(values.map(Value.init))
        }
    }
}

/// Decimal → Double without Foundation's class bridging in the hot path.
enum NSDecimalNumberBridge {
    static func double(_ decimal: Decimal) -> Double {
        Double(truncating: decimal as NSDecimalNumber)
    }
}
