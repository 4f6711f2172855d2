/// A planned WITH or RETURN.
struct ProjectionPlan {
    struct Item {
        var name: String
        var evaluator: Evaluator
        var aggregates: Bool
    }
    struct Sort {
        /// Evaluated against the projected row (`column`), or the input row followed by the
        /// projected values (`evaluator`).
        var column: Int?
        var evaluator: Evaluator?
        var ascending: Bool
    }
    var items: [Item]
    var specs: [AggregateSpec]
    var aggregating: Bool
    var distinct: Bool
    var orderBy: [Sort]
    var skip: Evaluator?
    var limit: Evaluator?
    var skipOffset: Int
    var limitOffset: Int
    var predicate: Evaluator?
    var inputWidth: Int
    var scope: Scope

    /// How many input rows are enough when the projection neither sorts, groups nor
    /// de-duplicates: SKIP + LIMIT, so the match before it can stop early.
    func rowCap(context: EvaluationContext) throws -> Int? {
        guard !aggregating, !distinct, orderBy.isEmpty, predicate == nil, let limit else { return nil }
        let skipped = try skip.map { try count($0, context, skipOffset, "SKIP") } ?? 0
        return skipped + (try count(limit, context, limitOffset, "LIMIT"))
    }

    private func count(_ evaluator: Evaluator, _ context: EvaluationContext, _ offset: Int, _ word: String) throws -> Int {
        switch try evaluator([], context) {
        case let .integer(value) where value >= 0: return value
        case let .float(value) where value >= 0 && value == value.rounded() && value < 9e18: return Int(value)
        case let other: throw QueryError("\(word) takes a non-negative integer, not \(other.typeName == "an integer" ? "a negative one" : other.typeName)", at: offset)
        }
    }

    func run(_ input: [Row], context: EvaluationContext) throws -> [Row] {
        var output: [Row] = []
        // Rows to sort on: the input row then the projected values (non-aggregating), or the
        // projected values alone.
        var sortRows: [Row] = []
        if aggregating {
            var groupIndex: [[Value]: Int] = [:]
            var representatives: [Row] = []
            var accumulators: [[Accumulator]] = []
            let keyItems = items.indices.filter { !items[$0].aggregates }
            for row in input {
                let key = try keyItems.map { try items[$0].evaluator(row, context).groupingKey }
                let group: Int
                if let existing = groupIndex[key] {
                    group = existing
                } else {
                    group = representatives.count
                    groupIndex[key] = group
                    representatives.append(row)
                    accumulators.append(specs.map(Accumulator.init))
                }
                for index in accumulators[group].indices { try accumulators[group][index].add(row, context: context) }
            }
            if input.isEmpty && keyItems.isEmpty {
                representatives.append(Row(repeating: .null, count: inputWidth))
                accumulators.append(specs.map(Accumulator.init))
            }
            for (group, row) in representatives.enumerated() {
                context.aggregateResults = accumulators[group].map(\.result)
                output.append(try items.map { try $0.evaluator(row, context) })
            }
            sortRows = output
        } else {
            for row in input {
                let projected = try items.map { try $0.evaluator(row, context) }
                output.append(projected)
                if !orderBy.isEmpty { sortRows.append(row + projected) }
            }
            if distinct { sortRows = output }
        }
        if distinct {
            var seen: Set<[Value]> = []
            var kept: [Row] = [], keptSort: [Row] = []
            for (index, row) in output.enumerated() where seen.insert(row.map(\.groupingKey)).inserted {
                kept.append(row)
                if index < sortRows.count { keptSort.append(sortRows[index]) }
            }
            output = kept
            sortRows = keptSort
        }
        if !orderBy.isEmpty {
            var keys: [[Value]] = []
            keys.reserveCapacity(output.count)
            for index in output.indices {
                keys.append(try orderBy.map { sort in
                    if let column = sort.column { return output[index][column] }
                    return try sort.evaluator?(sortRows[index], context) ?? .null
                })
            }
            let order = output.indices.sorted { a, b in
                for (position, sort) in orderBy.enumerated() {
                    let comparison = Value.sortOrder(keys[a][position], keys[b][position])
                    if comparison != 0 { return sort.ascending ? comparison < 0 : comparison > 0 }
                }
                return a < b
            }
            output = order.map { output[$0] }
        }
        if let skip {
            let count = try count(skip, context, skipOffset, "SKIP")
            output = Array(output.dropFirst(count))
        }
        if let limit {
            let count = try count(limit, context, limitOffset, "LIMIT")
            output = Array(output.prefix(count))
        }
        if let predicate {
            output = try output.filter { try predicate($0, context) == .bool(true) }
        }
        return output
    }
}
