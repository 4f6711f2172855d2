import ERGraph

/// An entity pattern resolved against the graph: which kinds, which property values.
struct NodeConstraint {
    /// nil: any kind. Empty: no entity can match (`:a:b` with two different kinds).
    var kindCodes: Set<UInt16>?
    var properties: [(String, Evaluator)]
    var isTrivial: Bool { kindCodes == nil && properties.isEmpty }
}

/// A relationship pattern resolved against the graph.
struct LinkConstraint {
    /// Allowed kind codes, indexed by code (nil: any kind).
    var allowedKinds: [Bool]?
    var kindNames: [String]?
    var properties: [(String, Evaluator)]
    /// As written, from the pattern's left node to its right node.
    var direction: Direction
}

/// Where a scan finds its candidates.
enum NodeSource {
    case all
    case kinds([UInt16])
    case id(Evaluator, text: String)
    case name(Evaluator, text: String)
}

/// A predicate a shortest-path search applies while searching: `all(x IN relationships(p) WHERE …)`.
struct ElementFilter {
    var slot: Int
    var predicate: Evaluator
    var negated: Bool
}

/// One operation of a match, run for every row that reaches it.
enum MatchStep {
    case scan(slot: Int, source: NodeSource, constraint: NodeConstraint, label: String)
    case check(slot: Int, constraint: NodeConstraint, label: String)
    case expand(Expansion)
    case shortest(ShortestSearch)
    case filter(Evaluator, text: String)
    case buildPath(slot: Int, parts: [PathPart], label: String)
}

struct Expansion {
    var from: Int
    var to: Int
    var toIsBound: Bool
    var toConstraint: NodeConstraint
    var link: LinkConstraint
    /// True when walking the pattern right to left: the written direction flips.
    var reversed: Bool
    var linkSlot: Int
    var linkIsBound: Bool
    /// nil for one hop; the bounds of `*min..max` otherwise.
    var length: (min: Int, max: Int)?
    /// For a variable-length hop inside a named path: where the entities passed are kept.
    var nodesSlot: Int?
    /// Links bound earlier in the same MATCH, which this one must differ from.
    var distinctFrom: [Int]
    var distinctFromLists: [Int]
    /// False for an anonymous variable-length hop that nothing reads: its list of links is
    /// then never built, which saves an allocation per row.
    var keepsLinks: Bool = true
    var label: String
}

struct ShortestSearch {
    var from: Int
    var to: Int
    var toIsBound: Bool
    var toConstraint: NodeConstraint
    var link: LinkConstraint
    var reversed: Bool
    var minimum: Int
    var maximum: Int
    var all: Bool
    var pathSlot: Int
    var linkListSlot: Int?
    var linkFilters: [ElementFilter]
    var nodeFilters: [ElementFilter]
    var label: String
}

enum PathPart {
    case node(Int)
    case link(Int)
    /// A variable-length hop: its links (in pattern order) and the entities passed (in the
    /// order walked; `reversed` when walked right to left).
    case links(listSlot: Int, nodesSlot: Int, reversed: Bool)
}

/// Plans one MATCH clause: where to start each pattern, in which order to expand, and where
/// each condition of the WHERE can run, as early as its variables are bound.
struct MatchPlanner {
    let access: GraphAccess
    /// Unbounded variable-length patterns (`*`, `*2..`) stop at this many hops, as in Kùzu.
    static let unboundedHops = 30

    struct Plan {
        var steps: [MatchStep]
        var scope: Scope
        /// Slots this MATCH binds (set to null when an OPTIONAL MATCH finds nothing).
        var newSlots: [Int]
    }

    private struct Conjunct {
        var expression: Expression
        var variables: Set<String>
        var placed = false
    }

    func plan(patterns: [PathPattern], predicate: Expression?, optional: Bool, scope incoming: Scope) throws -> Plan {
        var scope = incoming
        let before = Set(0..<incoming.count)
        // Declare every variable first, with its kind, so the WHERE compiles against all of them.
        var nodeSlots: [[Int]] = [], linkSlots: [[Int]] = [], nodesSlots: [[Int?]] = []
        for pattern in patterns {
            var nodes: [Int] = [], links: [Int] = [], passed: [Int?] = []
            for node in pattern.nodes { nodes.append(try declare(node.variable, .node, in: &scope, offset: node.offset)) }
            for link in pattern.relationships {
                let kind: VariableKind = link.length == nil ? .relationship : .relationshipList
                if pattern.shortest != nil, link.variable != nil {
                    links.append(try declare(link.variable, .relationshipList, in: &scope, offset: link.offset))
                } else {
                    links.append(try declare(link.variable, kind, in: &scope, offset: link.offset))
                }
                passed.append(link.length != nil && pattern.pathVariable != nil && pattern.shortest == nil ? scope.addHidden(.value) : nil)
            }
            if let name = pattern.pathVariable {
                if scope.slot(of: name) != nil {
                    throw QueryError("the path variable '\(name)' is already bound; name the path differently", at: pattern.offset)
                }
                scope.add(name, .path)
            }
            nodeSlots.append(nodes)
            linkSlots.append(links)
            nodesSlots.append(passed)
        }
        let compiler = ExpressionCompiler(access: access, scope: scope, aggregates: nil)
        var conjuncts = (predicate?.conjuncts ?? []).map { Conjunct(expression: $0, variables: $0.freeVariables) }

        var bound = before
        var steps: [MatchStep] = []
        var clauseLinks: [Int] = [], clauseLists: [Int] = []

        func isBound(_ name: String) -> Bool { scope.slot(of: name).map(bound.contains) ?? true }
        func placeFilters() throws {
            for index in conjuncts.indices where !conjuncts[index].placed && conjuncts[index].variables.allSatisfy(isBound) {
                conjuncts[index].placed = true
                steps.append(.filter(try compiler.compile(conjuncts[index].expression), text: "WHERE " + Self.describe(conjuncts[index].expression)))
            }
        }
        try placeFilters()

        var remaining = Array(patterns.indices)
        while !remaining.isEmpty {
            // The cheapest start among ordinary patterns; shortest paths once their ends can be found.
            var best: (position: Int, node: Int, cost: Double)?
            for (position, index) in remaining.enumerated() where patterns[index].shortest == nil {
                for node in patterns[index].nodes.indices {
                    let cost = anchorCost(patterns[index].nodes[node], slot: nodeSlots[index][node], bound: bound,
                                          conjuncts: conjuncts.map(\.expression), scope: scope, isBound: isBound)
                    if best == nil || cost < best?.cost ?? .infinity { best = (position, node, cost) }
                }
            }
            let position = best?.position ?? 0
            let index = remaining.remove(at: position)
            let pattern = patterns[index]
            let nodes = nodeSlots[index], links = linkSlots[index]

            if let kind = pattern.shortest {
                try planShortest(pattern, kind: kind, nodes: nodes, linkSlot: links[0], scope: &scope, bound: &bound,
                                 steps: &steps, conjuncts: conjuncts.map(\.expression), compiler: compiler)
                try placeFilters()
                continue
            }

            let anchor = best?.node ?? 0
            try startAt(pattern.nodes[anchor], slot: nodes[anchor], bound: &bound, steps: &steps,
                        conjuncts: conjuncts.map(\.expression), compiler: compiler, scope: scope)
            try placeFilters()
            var order: [(link: Int, reversed: Bool)] = []
            for link in anchor..<pattern.relationships.count { order.append((link, false)) }
            for link in (0..<anchor).reversed() { order.append((link, true)) }
            for (link, reversed) in order {
                let from = reversed ? nodes[link + 1] : nodes[link]
                let to = reversed ? nodes[link] : nodes[link + 1]
                let toPattern = reversed ? pattern.nodes[link] : pattern.nodes[link + 1]
                let relationship = pattern.relationships[link]
                let linkSlot = links[link]
                let expansion = Expansion(
                    from: from, to: to, toIsBound: bound.contains(to),
                    toConstraint: try constraint(for: toPattern, compiler: compiler),
                    link: try constraint(for: relationship, compiler: compiler),
                    reversed: reversed, linkSlot: linkSlot, linkIsBound: bound.contains(linkSlot),
                    length: relationship.length.map { ($0.min, $0.max ?? max($0.min, Self.unboundedHops)) },
                    nodesSlot: nodesSlots[index][link], distinctFrom: clauseLinks, distinctFromLists: clauseLists,
                    label: Self.describe(relationship, from: scope.names[from], to: scope.names[to], reversed: reversed))
                var planned = expansion
                let relationshipsInClause = patterns.reduce(0) { $0 + $1.relationships.count }
                planned.keepsLinks = relationship.length == nil || relationship.variable != nil || pattern.pathVariable != nil
                    || relationshipsInClause > 1 || before.contains(linkSlot)
                steps.append(.expand(planned))
                if relationship.length == nil { clauseLinks.append(linkSlot) } else { clauseLists.append(linkSlot) }
                bound.insert(to)
                bound.insert(linkSlot)
                if let passed = nodesSlots[index][link] { bound.insert(passed) }
                try placeFilters()
            }
            if let name = pattern.pathVariable, let slot = scope.slot(of: name) {
                var parts: [PathPart] = [.node(nodes[0])]
                for link in pattern.relationships.indices {
                    if let passed = nodesSlots[index][link] {
                        parts.append(.links(listSlot: links[link], nodesSlot: passed, reversed: link < anchor))
                    } else {
                        parts.append(.link(links[link]))
                    }
                    parts.append(.node(nodes[link + 1]))
                }
                steps.append(.buildPath(slot: slot, parts: parts, label: name))
                bound.insert(slot)
                try placeFilters()
            }
        }
        for index in conjuncts.indices where !conjuncts[index].placed {
            steps.append(.filter(try compiler.compile(conjuncts[index].expression), text: "WHERE " + Self.describe(conjuncts[index].expression)))
        }
        return Plan(steps: steps, scope: scope, newSlots: Array(incoming.count..<scope.count))
    }

    // MARK: Variables and constraints

    private func declare(_ name: String?, _ kind: VariableKind, in scope: inout Scope, offset: Int) throws -> Int {
        guard let name else { return scope.addHidden(kind) }
        if let slot = scope.slot(of: name) {
            let existing = scope.kind(of: slot)
            // A value carried through WITH may hold a node or relationship; the match checks it.
            guard existing == kind || (existing == .value && (kind == .node || kind == .relationship)) else {
                throw QueryError("'\(name)' is already \(Self.article(existing)); it cannot also be \(Self.article(kind))", at: offset)
            }
            return slot
        }
        return scope.add(name, kind)
    }

    static func article(_ kind: VariableKind) -> String {
        switch kind {
        case .node: "a node"
        case .relationship: "a relationship"
        case .relationshipList: "a list of relationships"
        case .path: "a path"
        case .value: "a value"
        }
    }

    func constraint(for node: NodePattern, compiler: ExpressionCompiler) throws -> NodeConstraint {
        var codes: Set<UInt16>?
        if !node.labels.isEmpty {
            var resolved: [UInt16] = []
            for (label, offset) in zip(node.labels, node.labelOffsets) {
                guard let code = access.entityKindCodes[label.lowercased()] else {
                    throw QueryError("no entity has the label '\(label)'" + Suggestions.didYouMean(label, among: access.graph.entityKindNames)
                                     + " (labels are entity kinds: \(ExpressionCompiler.shortList(access.graph.entityKindNames.sorted())))",
                                     at: offset)
                }
                resolved.append(code)
            }
            // :a|b is either kind; :a:b needs both, which one kind per entity meets only if they are the same.
            codes = node.labelsAreAlternatives || Set(resolved).count == 1 ? Set(resolved) : []
        }
        let properties = try node.properties.map { entry in
            guard access.entityKeys.contains(entry.0) else {
                throw QueryError("no entity has the property '\(entry.0)'" + Suggestions.didYouMean(entry.0, among: access.entityKeys),
                                 at: node.offset)
            }
            return (entry.0, try compiler.compile(entry.1))
        }
        return NodeConstraint(kindCodes: codes, properties: properties)
    }

    func constraint(for link: RelationshipPattern, compiler: ExpressionCompiler) throws -> LinkConstraint {
        var allowed: [Bool]?
        var names: [String]?
        if !link.types.isEmpty {
            var flags = [Bool](repeating: false, count: access.graph.relationshipKindNames.count)
            for (type, offset) in zip(link.types, link.typeOffsets) {
                guard let code = access.relationshipKindCodes[type.lowercased()] else {
                    throw QueryError("no relationship has the type '\(type)'"
                                     + Suggestions.didYouMean(type, among: access.graph.relationshipKindNames)
                                     + " (types are relationship kinds: \(ExpressionCompiler.shortList(access.graph.relationshipKindNames.sorted())))",
                                     at: offset)
                }
                flags[Int(code)] = true
            }
            allowed = flags
            names = link.types.map { access.graph.relationshipKindNames[Int(access.relationshipKindCodes[$0.lowercased()] ?? 0)] }
        }
        let properties = try link.properties.map { entry in
            guard access.relationshipKeys.contains(entry.0) else {
                throw QueryError("no relationship has the property '\(entry.0)'"
                                 + Suggestions.didYouMean(entry.0, among: access.relationshipKeys), at: link.offset)
            }
            return (entry.0, try compiler.compile(entry.1))
        }
        return LinkConstraint(allowedKinds: allowed, kindNames: names, properties: properties, direction: link.direction)
    }

    // MARK: Where to start

    /// An equality `v.key = expression` (either way round) whose other side is already computable.
    private func lookup(_ variable: String?, key: String, conjuncts: [Expression], node: NodePattern,
                        isBound: (String) -> Bool) -> Expression? {
        guard let variable else {
            return node.properties.first { $0.0 == key && $0.1.freeVariables.allSatisfy(isBound) }?.1
        }
        if let entry = node.properties.first(where: { $0.0 == key && $0.1.freeVariables.allSatisfy(isBound) }) { return entry.1 }
        for conjunct in conjuncts {
            guard case let .binary(.equal, left, right, _) = conjunct else { continue }
            for (side, other) in [(left, right), (right, left)] {
                if case let .property(.variable(name, _), property, _) = side, name == variable, property == key,
                   other.freeVariables.allSatisfy(isBound), !other.freeVariables.contains(variable) {
                    return other
                }
            }
        }
        return nil
    }

    private func anchorCost(_ node: NodePattern, slot: Int, bound: Set<Int>, conjuncts: [Expression], scope: Scope,
                            isBound: (String) -> Bool) -> Double {
        if bound.contains(slot) { return 0 }
        if lookup(node.variable, key: "id", conjuncts: conjuncts, node: node, isBound: isBound) != nil { return 1 }
        if lookup(node.variable, key: "name", conjuncts: conjuncts, node: node, isBound: isBound) != nil { return 2 }
        if !node.labels.isEmpty {
            let codes = node.labels.compactMap { access.entityKindCodes[$0.lowercased()] }
            return 3 + Double(codes.reduce(0) { $0 + access.entityKindCounts[Int($1)] })
        }
        return 3 + Double(access.graph.entityCount)
    }

    private func startAt(_ node: NodePattern, slot: Int, bound: inout Set<Int>, steps: inout [MatchStep], conjuncts: [Expression],
                         compiler: ExpressionCompiler, scope: Scope) throws {
        // A copy: a closure reading `bound` while this function holds it inout would be an
        // overlapping access.
        let boundNow = bound
        let isBound = { (name: String) in scope.slot(of: name).map(boundNow.contains) ?? true }
        let constraint = try self.constraint(for: node, compiler: compiler)
        let name = scope.names[slot]
        if bound.contains(slot) {
            if !constraint.isTrivial { steps.append(.check(slot: slot, constraint: constraint, label: name)) }
            return
        }
        let source: NodeSource
        if let key = lookup(node.variable, key: "id", conjuncts: conjuncts, node: node, isBound: isBound) {
            source = .id(try compiler.compile(key), text: Self.describe(key))
        } else if let key = lookup(node.variable, key: "name", conjuncts: conjuncts, node: node, isBound: isBound) {
            source = .name(try compiler.compile(key), text: Self.describe(key))
        } else if let codes = constraint.kindCodes {
            source = .kinds(codes.sorted())
        } else {
            source = .all
        }
        steps.append(.scan(slot: slot, source: source, constraint: constraint, label: name))
        bound.insert(slot)
    }

    // MARK: Shortest paths

    private func planShortest(_ pattern: PathPattern, kind: ShortestKind, nodes: [Int], linkSlot: Int, scope: inout Scope,
                              bound: inout Set<Int>, steps: inout [MatchStep], conjuncts: [Expression],
                              compiler: ExpressionCompiler) throws {
        let scopeNow = scope, boundBefore = bound
        let isBound = { (name: String) in scopeNow.slot(of: name).map(boundBefore.contains) ?? true }
        let relationship = pattern.relationships[0]
        let length = relationship.length ?? (1, 1)
        guard length.min <= 1 else {
            throw QueryError("\(kind.rawValue) finds paths of at least 0 or 1 hop; \(length.min) is not supported", at: relationship.offset)
        }
        let costs = [0, 1].map { anchorCost(pattern.nodes[$0], slot: nodes[$0], bound: boundBefore, conjuncts: conjuncts, scope: scopeNow, isBound: isBound) }
        // Start from the cheaper end; find the other end first too when it can be looked up.
        let start = costs[1] < costs[0] ? 1 : 0
        let end = 1 - start
        try startAt(pattern.nodes[start], slot: nodes[start], bound: &bound, steps: &steps, conjuncts: conjuncts,
                    compiler: compiler, scope: scopeNow)
        if costs[end] <= 2 {
            try startAt(pattern.nodes[end], slot: nodes[end], bound: &bound, steps: &steps, conjuncts: conjuncts,
                        compiler: compiler, scope: scopeNow)
        }
        let pathName = pattern.pathVariable ?? " shortest \(pattern.offset)"
        let pathSlot = scope.slot(of: pathName) ?? scope.add(pathName, .path)

        // all(x IN relationships(p) WHERE …) and none(…) are applied during the search, as Neo4j does.
        var linkFilters: [ElementFilter] = [], nodeFilters: [ElementFilter] = []
        if let name = pattern.pathVariable {
            for conjunct in conjuncts {
                guard case let .listPredicate(quantifier, variable, list, predicate, _) = conjunct,
                      quantifier == .all || quantifier == .none,
                      case let .function(function, _, arguments, _) = list, arguments.count == 1,
                      case let .variable(subject, _) = arguments[0], subject == name,
                      predicate.freeVariables.subtracting([variable]).allSatisfy({ isBound($0) && $0 != name }) else { continue }
                var inner = compiler
                let slot = inner.scope.addHidden(.value)
                inner.scope.bind(variable, to: slot)
                let filter = ElementFilter(slot: slot, predicate: try inner.compile(predicate), negated: quantifier == .none)
                switch function.lowercased() {
                case "relationships", "rels": linkFilters.append(filter)
                case "nodes": nodeFilters.append(filter)
                default: continue
                }
            }
        }
        let search = ShortestSearch(
            from: nodes[start], to: nodes[end], toIsBound: bound.contains(nodes[end]),
            toConstraint: try constraint(for: pattern.nodes[end], compiler: compiler),
            link: try constraint(for: relationship, compiler: compiler), reversed: start == 1,
            minimum: length.min, maximum: length.max ?? Self.unboundedHops, all: kind == .all, pathSlot: pathSlot,
            linkListSlot: relationship.variable == nil ? nil : linkSlot, linkFilters: linkFilters, nodeFilters: nodeFilters,
            label: "\(kind.rawValue)(\(scope.names[nodes[0]])…\(scope.names[nodes[1]]))")
        steps.append(.shortest(search))
        bound.formUnion([nodes[end], pathSlot, linkSlot])
    }

    // MARK: Descriptions for --explain

    static func describe(_ expression: Expression) -> String {
        switch expression {
        case let .literal(value): return ValueText.literal(value)
        case let .parameter(name, _): return "$" + name
        case let .variable(name, _): return name
        case let .property(subject, key, _): return describe(subject) + "." + key
        case let .binary(op, left, right, _): return "\(describe(left)) \(op.rawValue) \(describe(right))"
        case let .unary(op, operand, _): return op == .not ? "NOT \(describe(operand))" : op.rawValue + describe(operand)
        case let .function(name, _, arguments, _): return "\(name)(\(arguments.map(describe).joined(separator: ", ")))"
        case let .isNull(operand, negated): return "\(describe(operand)) IS \(negated ? "NOT " : "")NULL"
        case let .list(items): return "[" + items.map(describe).joined(separator: ", ") + "]"
        case let .listPredicate(quantifier, variable, list, predicate, _):
            return "\(quantifier.rawValue)(\(variable) IN \(describe(list)) WHERE \(describe(predicate)))"
        default: return "…"
        }
    }

    static func describe(_ link: RelationshipPattern, from: String, to: String, reversed: Bool) -> String {
        let types = link.types.isEmpty ? "" : ":" + link.types.joined(separator: "|")
        let length = link.length.map { "*\($0.min)..\($0.max.map(String.init) ?? "")" } ?? ""
        return "\(Self.visible(from)) -[\(link.variable ?? "")\(types)\(length)]- \(Self.visible(to))\(reversed ? " (walked right to left)" : "")"
    }

    static func visible(_ name: String) -> String { name.hasPrefix(" ") ? "()" : name }
}
