import ERGraph

/// Runs the steps of a planned MATCH for one incoming row, calling `emit` with each complete
/// row. Expansion walks the store's adjacency arrays directly; every link examined counts
/// against the query's work budget, so a runaway pattern stops with a clear error.
struct MatchExecutor {
    let steps: [MatchStep]
    let context: EvaluationContext
    let budget: WorkBudget

    func run(_ row: Row, emit: (Row) throws -> Bool) throws {
        var row = row
        _ = try step(0, &row, emit)
    }

    /// Returns false when `emit` asked to stop (a LIMIT was reached).
    func step(_ index: Int, _ row: inout Row, _ emit: (Row) throws -> Bool) throws -> Bool {
        guard index < steps.count else { return try emit(row) }
        let graph = context.access.graph
        switch steps[index] {
        case let .filter(evaluator, _):
            guard try evaluator(row, context) == .bool(true) else { return true }
            return try step(index + 1, &row, emit)

        case let .check(slot, constraint, _):
            guard case let .node(entity) = row[slot], try matches(entity, constraint, row) else { return true }
            return try step(index + 1, &row, emit)

        case let .scan(slot, source, constraint, _):
            func visit(_ entity: EntityIndex) throws -> Bool {
                try budget.spend(1)
                guard try matches(entity, constraint, row) else { return true }
                row[slot] = .node(entity)
                return try step(index + 1, &row, emit)
            }
            switch source {
            case .all:
                for entity in graph.entityIndices where !(try visit(entity)) { return false }
            case let .kinds(codes):
                for code in codes {
                    for entity in context.access.entities(ofKind: code) where !(try visit(entity)) { return false }
                }
            case let .id(evaluator, _):
                guard case let .string(id) = try evaluator(row, context), let entity = graph.index(ofEntity: id) else { return true }
                return try visit(entity)
            case let .name(evaluator, _):
                guard case let .string(name) = try evaluator(row, context) else { return true }
                for entity in context.access.entities(named: name) where !(try visit(entity)) { return false }
            }
            return true

        case let .expand(expansion):
            guard case let .node(from) = row[expansion.from] else { return true }
            if let length = expansion.length {
                return try expandVariable(expansion, from: from, length: length, index: index, &row, emit)
            }
            var keepGoing = true
            try forEachLink(of: from, expansion.link, reversed: expansion.reversed, row: row) { link, neighbor in
                if expansion.linkIsBound {
                    guard row[expansion.linkSlot] == .relationship(link) else { return true }
                }
                for slot in expansion.distinctFrom where row[slot] == .relationship(link) { return true }
                for slot in expansion.distinctFromLists {
                    if case let .list(links) = row[slot], links.contains(.relationship(link)) { return true }
                }
                if expansion.toIsBound {
                    guard row[expansion.to] == .node(neighbor) else { return true }
                } else {
                    guard try matches(neighbor, expansion.toConstraint, row) else { return true }
                    row[expansion.to] = .node(neighbor)
                }
                row[expansion.linkSlot] = .relationship(link)
                keepGoing = try step(index + 1, &row, emit)
                return keepGoing
            }
            return keepGoing

        case let .shortest(search):
            return try shortest(search, index: index, &row, emit)

        case let .buildPath(slot, parts, _):
            var nodes: [EntityIndex] = [], links: [RelationshipIndex] = []
            // After a zero-hop variable-length part the next entity is the one already placed.
            var skipNextNode = false
            for part in parts {
                switch part {
                case let .node(nodeSlot):
                    guard case let .node(entity) = row[nodeSlot] else { return true }
                    if !skipNextNode { nodes.append(entity) }
                    skipNextNode = false
                case let .link(linkSlot):
                    guard case let .relationship(link) = row[linkSlot] else { return true }
                    links.append(link)
                case let .links(listSlot, nodesSlot, reversed):
                    guard case let .list(linkValues) = row[listSlot], case let .list(nodeValues) = row[nodesSlot] else { return true }
                    for case let .relationship(link) in linkValues { links.append(link) }
                    let passed = reversed ? nodeValues.reversed() : nodeValues
                    // The first entity passed is the one already placed; the last is placed next.
                    for case let .node(entity) in passed.dropFirst().dropLast() { nodes.append(entity) }
                    skipNextNode = linkValues.isEmpty
                }
            }
            row[slot] = .path(nodes: nodes, relationships: links)
            return try step(index + 1, &row, emit)
        }
    }

    func matches(_ entity: EntityIndex, _ constraint: NodeConstraint, _ row: Row) throws -> Bool {
        if let codes = constraint.kindCodes, !codes.contains(context.access.graph.kindCode(of: entity)) { return false }
        for (key, evaluator) in constraint.properties {
            guard Value.equals(context.access.property(of: entity, key), try evaluator(row, context)) == true else { return false }
        }
        return true
    }

    func matches(_ link: RelationshipIndex, _ constraint: LinkConstraint, _ row: Row) throws -> Bool {
        if let allowed = constraint.allowedKinds, !allowed[Int(context.access.graph.kindCode(of: link))] { return false }
        for (key, evaluator) in constraint.properties {
            guard Value.equals(context.access.property(of: link, key), try evaluator(row, context)) == true else { return false }
        }
        return true
    }

    /// Every link of `entity` the pattern allows, with the entity at its other end. An
    /// undirected pattern meets a self-loop once, not twice.
    func forEachLink(of entity: EntityIndex, _ constraint: LinkConstraint, reversed: Bool, row: Row,
                             _ body: (RelationshipIndex, EntityIndex) throws -> Bool) throws {
        let graph = context.access.graph
        var direction = constraint.direction
        if reversed { direction = direction == .outgoing ? .incoming : (direction == .incoming ? .outgoing : .either) }
        if direction != .incoming {
            let adjacency = graph.outgoing
            for slot in adjacency.range(of: entity) {
                try budget.spend(1)
                let link = RelationshipIndex(adjacency.relationships[slot])
                guard try matches(link, constraint, row) else { continue }
                if !(try body(link, EntityIndex(adjacency.neighbors[slot]))) { return }
            }
        }
        if direction != .outgoing {
            let adjacency = graph.incoming
            for slot in adjacency.range(of: entity) {
                try budget.spend(1)
                let link = RelationshipIndex(adjacency.relationships[slot])
                let neighbor = EntityIndex(adjacency.neighbors[slot])
                if direction == .either && neighbor == entity { continue }
                guard try matches(link, constraint, row) else { continue }
                if !(try body(link, neighbor)) { return }
            }
        }
    }

    /// `*min..max`: every trail (no link twice) of an allowed length, depth first.
    private func expandVariable(_ expansion: Expansion, from: EntityIndex, length: (min: Int, max: Int), index: Int,
                                _ row: inout Row, _ emit: (Row) throws -> Bool) throws -> Bool {
        var links: [RelationshipIndex] = []
        var nodes: [EntityIndex] = [from]
        var excluded: Set<RelationshipIndex> = []
        for slot in expansion.distinctFrom { if case let .relationship(link) = row[slot] { excluded.insert(link) } }
        for slot in expansion.distinctFromLists {
            if case let .list(values) = row[slot] { for case let .relationship(link) in values { excluded.insert(link) } }
        }
        var keepGoing = true

        func arrive(_ entity: EntityIndex) throws {
            if expansion.toIsBound {
                guard row[expansion.to] == .node(entity) else { return }
            } else {
                guard try matches(entity, expansion.toConstraint, row) else { return }
                row[expansion.to] = .node(entity)
            }
            // A path value costs its length to build: counted, so the budget bounds time and
            // memory when every trail of 35 hops is kept (a fuzzed query: 8 minutes to its limit).
            if expansion.keepsLinks || expansion.nodesSlot != nil { try budget.spend(links.count) }
            if expansion.keepsLinks {
                let ordered = expansion.reversed ? links.reversed() : links
                let value = Value.list(ordered.map(Value.relationship))
                if expansion.linkIsBound {
                    guard row[expansion.linkSlot] == value else { return }
                }
                row[expansion.linkSlot] = value
            }
            if let nodesSlot = expansion.nodesSlot { row[nodesSlot] = .list(nodes.map(Value.node)) }
            keepGoing = try step(index + 1, &row, emit)
        }

        func walk(_ entity: EntityIndex, depth: Int) throws {
            if depth >= length.min { try arrive(entity) }
            guard keepGoing, depth < length.max else { return }
            try forEachLink(of: entity, expansion.link, reversed: expansion.reversed, row: row) { link, neighbor in
                // The trail check reads the trail: its length is work too.
                try budget.spend(links.count)
                guard !excluded.contains(link), !links.contains(link) else { return true }
                links.append(link)
                nodes.append(neighbor)
                try walk(neighbor, depth: depth + 1)
                links.removeLast()
                nodes.removeLast()
                return keepGoing
            }
        }
        try walk(from, depth: 0)
        return keepGoing
    }
}

/// Counts the links and entities a query examines and stops it past a limit, so a pattern
/// that would enumerate a large graph fails clearly instead of running for hours.
final class WorkBudget {
    let limit: Int
    let offset: Int
    private(set) var spent = 0

    init(limit: Int, offset: Int) {
        self.limit = limit
        self.offset = offset
    }

    @inline(__always) func spend(_ amount: Int) throws {
        spent &+= amount
        if spent > limit {
            throw QueryError("the query stopped after examining \(limit) links and entities: bound the pattern "
                             + "(an id or name, a label, fewer hops, a LIMIT) or allow more work", at: offset,
                             reason: .workLimitReached(limit))
        }
    }
}
