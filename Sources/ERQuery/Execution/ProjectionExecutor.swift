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

    /// What a projection has gathered so far: projected rows (and what they sort on), or the
    /// groups of an aggregation. Rows are pushed in one at a time, so a match feeding an
    /// aggregation never holds all its rows at once.
    final class State {
        var output: [Row] = []
        var sortRows: [Row] = []
        var groupIndex: [[Value]: Int] = [:]
        var representatives: [Row] = []
        var accumulators: [[Accumulator]] = []
        var cap: Int?
    }

    func start(context: EvaluationContext) throws -> State {
        let state = State()
        state.cap = try rowCap(context: context)
        return state
    }

    /// Takes one input row; false when enough rows are in (a LIMIT reached with nothing to sort).
    func consume(_ row: Row, _ state: State, context: EvaluationContext) throws -> Bool {
        if aggregating {
            var key: [Value] = []
            for index in items.indices where !items[index].aggregates {
                key.append(try items[index].evaluator(row, context).groupingKey)
            }
            let group: Int
            if let existing = state.groupIndex[key] {
                group = existing
            } else {
                group = state.representatives.count
                state.groupIndex[key] = group
                state.representatives.append(row)
                state.accumulators.append(specs.map(Accumulator.init))
            }
            for index in state.accumulators[group].indices { try state.accumulators[group][index].add(row, context: context) }
            return true
        }
        let projected = try items.map { try $0.evaluator(row, context) }
        state.output.append(projected)
        if !distinct, orderBy.contains(where: { $0.evaluator != nil }) { state.sortRows.append(row + projected) }
        if let cap = state.cap { return state.output.count < cap }
        return true
    }

    func finish(_ state: State, context: EvaluationContext) throws -> [Row] {
        var output = state.output
        var sortRows = state.sortRows
        if aggregating {
            if state.representatives.isEmpty && !items.contains(where: { !$0.aggregates }) {
                state.representatives.append(Row(repeating: .null, count: inputWidth))
                state.accumulators.append(specs.map(Accumulator.init))
            }
            for (group, row) in state.representatives.enumerated() {
                context.aggregateResults = state.accumulators[group].map(\.result)
                output.append(try items.map { try $0.evaluator(row, context) })
            }
        }
        // Sort keys read the projected row when grouped or de-duplicated.
        if aggregating || distinct { sortRows = output }
        if distinct {
            var seen: Set<[Value]> = []
            var kept: [Row] = []
            for row in output where seen.insert(row.map(\.groupingKey)).inserted { kept.append(row) }
            output = kept
            sortRows = kept
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
            output = Array(output.dropFirst(try count(skip, context, skipOffset, "SKIP")))
        }
        if let limit {
            output = Array(output.prefix(try count(limit, context, limitOffset, "LIMIT")))
        }
        if let predicate {
            output = try output.filter { try predicate($0, context) == .bool(true) }
        }
        return output
    }
}
