import ERGraph

extension MatchExecutor {
    /// `shortestPath` / `allShortestPaths`: breadth-first search, never path enumeration. Between
    /// two known entities with no condition on the path's elements it is the core's reusable
    /// bidirectional search; otherwise a one-way search that applies the element conditions
    /// (`all(x IN relationships(p) WHERE …)`) as it goes.
    func shortest(_ search: ShortestSearch, index: Int, _ row: inout Row, _ emit: (Row) throws -> Bool) throws -> Bool {
        guard case let .node(source) = row[search.from] else { return true }
        let graph = context.access.graph
        var direction = search.link.direction
        if search.reversed { direction = direction == .outgoing ? .incoming : (direction == .incoming ? .outgoing : .either) }

        var target: EntityIndex?
        if search.toIsBound {
            guard case let .node(bound) = row[search.to] else { return true }
            target = bound
        }
        if let target, source == target {
            // A zero-hop path, when the pattern allows one.
            guard search.minimum == 0, try matches(target, search.toConstraint, row) else { return true }
            return try bind([Path(entities: [source], relationships: [])], search: search, index: index, &row, emit)
        }

        let plain = search.linkFilters.isEmpty && search.nodeFilters.isEmpty && search.link.properties.isEmpty
        if let target, plain {
            let coreDirection: ERGraph.Direction = direction == .outgoing ? .outgoing : (direction == .incoming ? .incoming : .both)
            let options = TraversalOptions(direction: coreDirection, relationshipKinds: search.link.kindNames.map(Set.init))
            guard try matches(target, search.toConstraint, row) else { return true }
            try budget.spend(1)
            var paths: [Path]
            if search.all {
                paths = graph.allShortestPaths(from: source, to: target, options: options, limit: 1_000_000)
            } else {
                let key = PathSearchKey(direction: coreDirection, kinds: search.link.kindNames)
                paths = context.access.withPathSearch(key, options: options) { $0.shortestPath(from: source, to: target) }.map { [$0] } ?? []
            }
            paths = paths.filter { $0.length <= search.maximum && $0.length >= max(search.minimum, 1) }
            return try bind(paths, search: search, index: index, &row, emit)
        }

        // One-way breadth-first search, level by level, keeping every parent for allShortestPaths.
        var distance: [EntityIndex: Int] = [source: 0]
        var parents: [EntityIndex: [(RelationshipIndex, EntityIndex)]] = [:]
        var frontier = [source]
        var found: [EntityIndex] = []
        var level = 0
        let constraint = search.link
        while !frontier.isEmpty, level < search.maximum, (target == nil || found.isEmpty) {
            level += 1
            var next: [EntityIndex] = []
            for entity in frontier {
                if entity != source, !(try passes(entity, search.nodeFilters, row)) { continue }
                var reversedConstraint = constraint
                reversedConstraint.direction = direction
                try forEachLink(of: entity, reversedConstraint, reversed: false, row: row) { link, neighbor in
                    guard try passes(link, search.linkFilters, row) else { return true }
                    if let known = distance[neighbor] {
                        if known == level, search.all { parents[neighbor, default: []].append((link, entity)) }
                        return true
                    }
                    distance[neighbor] = level
                    parents[neighbor] = [(link, entity)]
                    next.append(neighbor)
                    return true
                }
            }
            for entity in next where target.map({ $0 == entity }) ?? true {
                if try matches(entity, search.toConstraint, row) { found.append(entity) }
            }
            frontier = next
        }
        for end in found {
            var paths: [Path] = []
            var entities = [end], links: [RelationshipIndex] = []
            func back(_ entity: EntityIndex) throws {
                if entity == source {
                    paths.append(Path(entities: entities.reversed(), relationships: links.reversed()))
                    return
                }
                for (link, parent) in parents[entity] ?? [] {
                    try budget.spend(1)
                    entities.append(parent)
                    links.append(link)
                    try back(parent)
                    entities.removeLast()
                    links.removeLast()
                    if !search.all { return }
                }
            }
            try back(end)
            if !(try bind(paths, search: search, index: index, &row, emit)) { return false }
        }
        return true
    }

    private func passes(_ entity: EntityIndex, _ filters: [ElementFilter], _ row: Row) throws -> Bool {
        try passes(.node(entity), filters, row)
    }

    private func passes(_ link: RelationshipIndex, _ filters: [ElementFilter], _ row: Row) throws -> Bool {
        try passes(.relationship(link), filters, row)
    }

    private func passes(_ element: Value, _ filters: [ElementFilter], _ row: Row) throws -> Bool {
        for filter in filters {
            var probe = row
            if probe.count <= filter.slot { probe.append(contentsOf: repeatElement(.null, count: filter.slot + 1 - probe.count)) }
            probe[filter.slot] = element
            let result = try filter.predicate(probe, context)
            if filter.negated ? result != .bool(false) : result != .bool(true) { return false }
        }
        return true
    }

    /// Binds each path (found from the search's start; turned round when the pattern was
    /// searched right to left) and runs the rest of the plan.
    private func bind(_ paths: [Path], search: ShortestSearch, index: Int, _ row: inout Row,
                      _ emit: (Row) throws -> Bool) throws -> Bool {
        for path in paths {
            let nodes = search.reversed ? Array(path.entities.reversed()) : path.entities
            let links = search.reversed ? Array(path.relationships.reversed()) : path.relationships
            guard let end = path.entities.last else { continue }
            row[search.to] = .node(end)
            row[search.pathSlot] = .path(nodes: nodes, relationships: links)
            if let slot = search.linkListSlot { row[slot] = .list(links.map(Value.relationship)) }
            if !(try step(index + 1, &row, emit)) { return false }
        }
        return true
    }
}
