/// The variables an expression reads from its row (not those its own comprehensions bind):
/// a filter can run as soon as all of them are bound.
extension Expression {
    var freeVariables: Set<String> {
        var names: Set<String> = []
        collect(into: &names, bound: [])
        return names
    }

    private func collect(into names: inout Set<String>, bound: Set<String>) {
        switch self {
        case .literal, .parameter, .countStar: return
        case let .variable(name, _): if !bound.contains(name) { names.insert(name) }
        case let .property(subject, _, _): subject.collect(into: &names, bound: bound)
        case let .list(items): for item in items { item.collect(into: &names, bound: bound) }
        case let .map(entries): for entry in entries { entry.1.collect(into: &names, bound: bound) }
        case let .unary(_, operand, _): operand.collect(into: &names, bound: bound)
        case let .binary(_, left, right, _):
            left.collect(into: &names, bound: bound)
            right.collect(into: &names, bound: bound)
        case let .isNull(operand, _): operand.collect(into: &names, bound: bound)
        case let .function(_, _, arguments, _): for argument in arguments { argument.collect(into: &names, bound: bound) }
        case let .listPredicate(_, variable, list, predicate, _):
            list.collect(into: &names, bound: bound)
            predicate.collect(into: &names, bound: bound.union([variable]))
        case let .comprehension(variable, list, predicate, projection, _):
            list.collect(into: &names, bound: bound)
            predicate?.collect(into: &names, bound: bound.union([variable]))
            projection?.collect(into: &names, bound: bound.union([variable]))
        case let .mapProjection(subject, items, _):
            subject.collect(into: &names, bound: bound)
            for item in items {
                switch item {
                case let .entry(_, value): value.collect(into: &names, bound: bound)
                case let .variable(name, _): if !bound.contains(name) { names.insert(name) }
                case .property, .all: break
                }
            }
        case let .subscript(subject, index, _):
            subject.collect(into: &names, bound: bound)
            index.collect(into: &names, bound: bound)
        case let .slice(subject, lower, upper, _):
            subject.collect(into: &names, bound: bound)
            lower?.collect(into: &names, bound: bound)
            upper?.collect(into: &names, bound: bound)
        case let .caseWhen(subject, branches, otherwise):
            subject?.collect(into: &names, bound: bound)
            for (condition, result) in branches {
                condition.collect(into: &names, bound: bound)
                result.collect(into: &names, bound: bound)
            }
            otherwise?.collect(into: &names, bound: bound)
        }
    }

    /// The parts of a conjunction: `a AND (b AND c)` gives a, b, c.
    var conjuncts: [Expression] {
        if case let .binary(.and, left, right, _) = self { return left.conjuncts + right.conjuncts }
        return [self]
    }

    /// True when an aggregate function is called somewhere inside.
    var containsAggregate: Bool {
        switch self {
        case .countStar: return true
        case let .function(name, _, arguments, _):
            return ExpressionCompiler.aggregateNames.contains(name.lowercased()) || arguments.contains { $0.containsAggregate }
        case .literal, .parameter, .variable: return false
        case let .property(subject, _, _): return subject.containsAggregate
        case let .list(items): return items.contains { $0.containsAggregate }
        case let .map(entries): return entries.contains { $0.1.containsAggregate }
        case let .unary(_, operand, _): return operand.containsAggregate
        case let .binary(_, left, right, _): return left.containsAggregate || right.containsAggregate
        case let .isNull(operand, _): return operand.containsAggregate
        case let .listPredicate(_, _, list, predicate, _): return list.containsAggregate || predicate.containsAggregate
        case let .comprehension(_, list, predicate, projection, _):
            return list.containsAggregate || (predicate?.containsAggregate ?? false) || (projection?.containsAggregate ?? false)
        case let .mapProjection(subject, items, _):
            return subject.containsAggregate || items.contains { if case let .entry(_, value) = $0 { value.containsAggregate } else { false } }
        case let .subscript(subject, index, _): return subject.containsAggregate || index.containsAggregate
        case let .slice(subject, lower, upper, _):
            return subject.containsAggregate || (lower?.containsAggregate ?? false) || (upper?.containsAggregate ?? false)
        case let .caseWhen(subject, branches, otherwise):
            return (subject?.containsAggregate ?? false) || branches.contains { $0.0.containsAggregate || $0.1.containsAggregate }
                || (otherwise?.containsAggregate ?? false)
        }
    }
}
