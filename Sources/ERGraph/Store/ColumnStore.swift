/// Properties kept as columns, one value per entity or relationship: the way bulk-loaded graphs
/// store their extra CSV columns, at 8 bytes a number instead of a dictionary per row.
public struct ColumnStore: Sendable, Equatable {
    /// A column of numbers (NaN where a row has none) or of text (empty where a row has none).
    public enum Column: Sendable, Equatable {
        case numbers([Double])
        case texts(StringTable)
    }

    /// Columns by name, in the order they were added.
    public private(set) var names: [String] = []
    private var columns: [String: Column] = [:]

    public init() {}

    public var isEmpty: Bool { names.isEmpty }

    public mutating func add(_ name: String, _ column: Column) {
        if columns.updateValue(column, forKey: name) == nil { names.append(name) }
    }

    public func column(_ name: String) -> Column? { columns[name] }

    /// The row's values as properties: numbers as integers when whole, missing values left out.
    public func properties(at row: Int) -> [String: PropertyValue] {
        var properties: [String: PropertyValue] = [:]
        for name in names {
            switch columns[name] {
            case let .numbers(values)? where row < values.count && !values[row].isNaN:
                let value = values[row]
                properties[name] = value == value.rounded() && abs(value) < 9e15 ? .integer(Int(value)) : .number(value)
            case let .texts(table)? where row < table.count && table.byteCount(at: row) > 0:
                properties[name] = .text(table[row])
            default:
                break
            }
        }
        return properties
    }

    /// The numbers of a column, if it is one: weights for searches, without building records.
    public func numbers(_ name: String) -> [Double]? {
        if case let .numbers(values)? = columns[name] { return values }
        return nil
    }

    var memoryFootprint: Int {
        columns.values.reduce(0) { total, column in
            switch column {
            case let .numbers(values): total + values.capacity * 8
            case let .texts(table): total + table.memoryFootprint
            }
        }
    }
}
