/// The running state of one aggregate for one group.
struct Accumulator {
    let spec: AggregateSpec
    private var seen: Set<Value> = []
    private var count = 0
    private var integerSum = 0
    private var floatSum = 0.0
    private var sawFloat = false
    private var overflowed = false
    private var extreme: Value?
    private var items: [Value] = []

    init(_ spec: AggregateSpec) { self.spec = spec }

    mutating func add(_ row: Row, context: EvaluationContext) throws {
        if spec.function == .countStar {
            count += 1
            return
        }
        guard let argument = spec.argument else { return }
        let value = try argument(row, context)
        if value.isNull { return }
        if spec.distinct, !seen.insert(value.groupingKey).inserted { return }
        switch spec.function {
        case .count, .countStar: count += 1
        case .sum, .avg:
            count += 1
            switch value {
            case let .integer(number):
                if !sawFloat {
                    let (sum, overflow) = integerSum.addingReportingOverflow(number)
                    if overflow { overflowed = true } else { integerSum = sum }
                }
                floatSum += Double(number)
            case let .float(number):
                sawFloat = true
                floatSum += number
            default:
                throw QueryError("\(spec.function.rawValue)(…) adds numbers, not \(value.typeName)", at: spec.offset)
            }
        case .min, .max:
            if let current = extreme {
                let order = Value.sortOrder(value, current)
                if spec.function == .min ? order < 0 : order > 0 { extreme = value }
            } else {
                extreme = value
            }
        case .collect:
            items.append(value)
        }
    }

    var result: Value {
        switch spec.function {
        case .count, .countStar: return .integer(count)
        case .sum: return sawFloat || overflowed ? .float(floatSum) : .integer(integerSum)
        case .avg: return count == 0 ? .null : .float(floatSum / Double(count))
        case .min, .max: return extreme ?? .null
        case .collect: return .list(items)
        }
    }
}
