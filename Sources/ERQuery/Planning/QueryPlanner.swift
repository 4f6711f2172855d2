import ERGraph

/// Plans the clauses of one single query (one part of a UNION) in order.
struct QueryPlanner {
    let access: GraphAccess

    enum Stage {
        case match(MatchPlanner.Plan, optional: Bool, width: Int, offset: Int)
        case unwind(Evaluator, slot: Int, width: Int, variable: String, text: String)
        case project(ProjectionPlan, label: String)
    }

    struct Plan {
        var stages: [Stage]
        var columns: [String]

        /// Runs the stages. Matches and UNWINDs stream their rows straight into the projection
        /// that follows them (aggregating or collecting as they come), so a large match never
        /// sits in memory as a whole.
        func run(context: EvaluationContext, budget: WorkBudget) throws -> [Row] {
            var rows: [Row] = [[]]
            var first = 0
            while first < stages.count {
                guard let end = stages[first...].firstIndex(where: { if case .project = $0 { true } else { false } }),
                      case let .project(projection, _) = stages[end] else { break }
                let state = try projection.start(context: context)
                let feeders = Array(stages[first..<end])
                let executors: [MatchExecutor?] = feeders.map { stage in
                    guard case let .match(plan, _, _, offset) = stage else { return nil }
                    return MatchExecutor(steps: plan.steps, context: context, budget: WorkBudget(limit: budget.limit, offset: offset))
                }
                /// Pushes a row through feeder `index` and on; false once the projection has enough.
                func push(_ row: Row, _ index: Int) throws -> Bool {
                    guard index < feeders.count else { return try projection.consume(row, state, context: context) }
                    switch feeders[index] {
                    case let .match(_, optional, width, _):
                        var padded = row
                        if padded.count < width { padded.append(contentsOf: repeatElement(Value.null, count: width - padded.count)) }
                        var found = false
                        var keepGoing = true
                        try executors[index]?.run(padded) { result in
                            found = true
                            keepGoing = try push(result, index + 1)
                            return keepGoing
                        }
                        if optional && !found { return try push(padded, index + 1) }
                        return keepGoing
                    case let .unwind(evaluator, slot, width, _, _):
                        var padded = row
                        if padded.count < width { padded.append(contentsOf: repeatElement(Value.null, count: width - padded.count)) }
                        let items: [Value]
                        switch try evaluator(padded, context) {
                        case .null: items = []
                        case let .list(values): items = values
                        case let other: items = [other]
                        }
                        for item in items {
                            padded[slot] = item
                            if !(try push(padded, index + 1)) { return false }
                        }
                        return true
                    case .project:
                        return true
                    }
                }
                for row in rows where !(try push(row, 0)) { break }
                rows = try projection.finish(state, context: context)
                first = end + 1
            }
            return rows
        }

        var explanation: [String] {
            var lines: [String] = []
            for stage in stages {
                switch stage {
                case let .match(plan, optional, _, _):
                    lines.append(optional ? "OPTIONAL MATCH" : "MATCH")
                    for step in plan.steps { lines.append("  " + Self.describe(step, plan.scope)) }
                case let .unwind(_, _, _, variable, text):
                    lines.append("UNWIND \(text) AS \(variable)")
                case let .project(_, label):
                    lines.append(label)
                }
            }
            return lines
        }

        static func describe(_ step: MatchStep, _ scope: Scope) -> String {
            func name(_ slot: Int) -> String { MatchPlanner.visible(scope.names[slot]) }
            switch step {
            case let .scan(slot, source, constraint, _):
                let kinds = constraint.kindCodes.map { " of kind " + $0.sorted().map(String.init).joined(separator: "|") } ?? ""
                switch source {
                case .all: return "scan every entity as \(name(slot))\(kinds.isEmpty ? "" : kinds)"
                case let .kinds(codes): return "scan entities as \(name(slot)) by kind (\(codes.count) kind\(codes.count == 1 ? "" : "s"))"
                case let .id(_, text): return "look up \(name(slot)) by id = \(text)"
                case let .name(_, text): return "look up \(name(slot)) by name = \(text)"
                }
            case let .check(slot, _, _): return "check \(name(slot)) against its pattern"
            case let .expand(expansion):
                let hops = expansion.length.map { "\($0.min)..\($0.max) hops, trails only, " } ?? ""
                return "expand \(expansion.label) (\(hops)adjacency of \(name(expansion.from)))"
            case let .shortest(search):
                let how = search.toIsBound && search.linkFilters.isEmpty && search.nodeFilters.isEmpty && search.link.properties.isEmpty
                    ? "bidirectional breadth-first search" : "breadth-first search"
                let filters = search.linkFilters.count + search.nodeFilters.count
                return "\(search.label): \(how) up to \(search.maximum) hops"
                    + (filters > 0 ? ", applying \(filters) path condition\(filters == 1 ? "" : "s") while searching" : "")
            case let .filter(_, text): return "filter \(text)"
            case let .buildPath(_, _, label): return "build path \(label)"
            }
        }
    }

    func plan(_ clauses: [Clause]) throws -> Plan {
        var scope = Scope()
        var stages: [Stage] = []
        var columns: [String] = []
        for clause in clauses {
            switch clause {
            case let .match(patterns, optional, predicate, offset):
                let plan = try MatchPlanner(access: access).plan(patterns: patterns, predicate: predicate, optional: optional, scope: scope)
                scope = plan.scope
                stages.append(.match(plan, optional: optional, width: scope.count, offset: offset))
            case let .unwind(expression, variable, offset):
                let evaluator = try ExpressionCompiler(access: access, scope: scope, aggregates: nil).compile(expression)
                if scope.slot(of: variable) != nil {
                    throw QueryError("'\(variable)' is already bound; UNWIND needs a new name", at: offset)
                }
                let slot = scope.add(variable, .value)
                stages.append(.unwind(evaluator, slot: slot, width: scope.count, variable: variable,
                                      text: MatchPlanner.describe(expression)))
            case let .with(projection, predicate):
                let (plan, output) = try planProjection(projection, scope: scope, isReturn: false)
                var planned = plan
                if let predicate {
                    planned.predicate = try ExpressionCompiler(access: access, scope: output, aggregates: nil).compile(predicate)
                }
                scope = output
                stages.append(.project(planned, label: "WITH " + output.visibleNames.joined(separator: ", ")
                                       + (plan.aggregating ? " (grouped)" : "")))
            case let .return(projection):
                let (plan, output) = try planProjection(projection, scope: scope, isReturn: true)
                columns = plan.items.map(\.name)
                scope = output
                stages.append(.project(plan, label: "RETURN " + columns.joined(separator: ", ") + (plan.aggregating ? " (grouped)" : "")))
            }
        }
        return Plan(stages: stages, columns: columns)
    }

    private func planProjection(_ projection: Projection, scope: Scope, isReturn: Bool) throws -> (ProjectionPlan, Scope) {
        var written = projection.items
        if projection.star {
            let names = scope.visibleNames.sorted()
            if names.isEmpty { throw QueryError("\(isReturn ? "RETURN" : "WITH") * has no variables to return", at: projection.offset) }
            written = names.map { ProjectionItem(expression: .variable($0, offset: projection.offset), name: $0, hasAlias: true,
                                                 offset: projection.offset) } + written
        }
        let collector = AggregateCollector()
        let compiler = ExpressionCompiler(access: access, scope: scope, aggregates: collector)
        var items: [ProjectionPlan.Item] = []
        var output = Scope()
        var seen: Set<String> = []
        for item in written {
            if !isReturn, !item.hasAlias {
                guard case .variable = item.expression else {
                    throw QueryError("an expression in WITH needs a name: add AS name", at: item.offset)
                }
            }
            guard seen.insert(item.name).inserted else {
                throw QueryError("two columns are named '\(item.name)': give one another name with AS", at: item.offset)
            }
            let evaluator = try compiler.compile(item.expression)
            items.append(.init(name: item.name, evaluator: evaluator, aggregates: item.expression.containsAggregate))
            var kind = VariableKind.value
            if case let .variable(name, _) = item.expression, let slot = scope.slot(of: name) { kind = scope.kind(of: slot) }
            output.add(item.name, kind)
        }
        let aggregating = items.contains(where: \.aggregates)

        var sorts: [ProjectionPlan.Sort] = []
        for sort in projection.orderBy {
            if let column = items.firstIndex(where: { $0.name == sort.text }) {
                sorts.append(.init(column: column, evaluator: nil, ascending: sort.ascending))
                continue
            }
            if aggregating || projection.distinct {
                let evaluator = try ExpressionCompiler(access: access, scope: output, aggregates: nil).compile(sort.expression)
                sorts.append(.init(column: nil, evaluator: evaluator, ascending: sort.ascending))
            } else {
                // Sort keys see the variables before the projection and the new names after it.
                var combined = scope
                for (index, item) in items.enumerated() {
                    let slot = combined.addHidden(output.kind(of: index))
                    combined.bind(item.name, to: slot)
                }
                let evaluator = try ExpressionCompiler(access: access, scope: combined, aggregates: nil).compile(sort.expression)
                sorts.append(.init(column: nil, evaluator: evaluator, ascending: sort.ascending))
            }
        }
        let constants = ExpressionCompiler(access: access, scope: Scope(), aggregates: nil)
        func constant(_ expression: Expression?, _ word: String) throws -> Evaluator? {
            guard let expression else { return nil }
            guard expression.freeVariables.isEmpty else {
                throw QueryError("\(word) takes a number or a parameter, not a variable", at: expression.offset ?? projection.offset)
            }
            return try constants.compile(expression)
        }
        let plan = ProjectionPlan(
            items: items, specs: collector.specs, aggregating: aggregating, distinct: projection.distinct, orderBy: sorts,
            skip: try constant(projection.skip, "SKIP"), limit: try constant(projection.limit, "LIMIT"),
            skipOffset: projection.skip?.offset ?? projection.offset, limitOffset: projection.limit?.offset ?? projection.offset,
            predicate: nil, inputWidth: scope.count, scope: output)
        return (plan, output)
    }
}
