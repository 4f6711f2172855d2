import Foundation

/// Why a weighted search cannot run.
public enum WeightError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Links of these kinds may be used but were given no cost.
    case missingCosts(kinds: [String], links: Int)
    /// Some usable links lack the weight property; `examples` names a few of them.
    case missingProperty(name: String, links: Int, examples: [String])
    case negative(relationship: String, weight: Double)

    public var description: String {
        switch self {
        case let .missingCosts(kinds, links):
            "no cost given for \(kinds.count == 1 ? "kind" : "kinds") \(kinds.joined(separator: ", ")) (\(links) link\(links == 1 ? "" : "s"))"
        case let .missingProperty(name, links, examples):
            "\(links) link\(links == 1 ? " has" : "s have") no numeric '\(name)' (\(examples.joined(separator: ", "))\(links > examples.count ? ", …" : ""))"
        case let .negative(relationship, weight):
            "link '\(relationship)' has the negative weight \(Self.format(weight)); shortest paths need weights of zero or more"
        }
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

/// Link weights for weighted searches, one per relationship.
public struct LinkWeights: Sendable {
    /// How many links the search could use but were left out for want of a weight
    /// (``property(_:in:options:leavingOutMissing:)``).
    public var leftOut: Int = 0

    /// One weight per relationship index, zero or more; infinity marks a link not to use.
    public let values: [Double]

    public init(values: [Double]) { self.values = values }

    /// Every link weighs 1: weighted searches then count hops.
    public static func unit(_ graph: Graph) -> LinkWeights { LinkWeights(values: .init(repeating: 1, count: graph.relationshipCount)) }

    /// The numeric property `name` of each link (money counts by its amount). Every link the
    /// search may use must have one, zero or more; with `leavingOutMissing`, links without one
    /// are not walked (counted in ``leftOut``) unless no link has one at all.
    public static func property(_ name: String, in graph: Graph, options: TraversalOptions,
                                leavingOutMissing: Bool = false) throws(WeightError) -> LinkWeights {
        let what = Missing.property(name, leaveOut: leavingOutMissing)
        // Bulk graphs keep numbers in columns: read them without building a record per link.
        if let column = graph.relationshipColumns.numbers(name) {
            return try build(graph, options: options, what: what) { link in
                let value = column[link.int]
                return value.isNaN ? nil : value
            }
        }
        return try build(graph, options: options, what: what) { link in
            let record = graph.relationship(link)
            if name == "amount", let money = record.amounts.first {
                return Double(truncating: money.amount as NSDecimalNumber)
            }
            switch record.properties[name] {
            case let .money(money)?: return Double(truncating: money.amount as NSDecimalNumber)
            case let value?: return value.numericValue
            case nil: return nil
            }
        }
    }

    /// A cost per relationship kind (owns = 1, contracted = 2). Every kind the search may
    /// use must be given one.
    public static func costs(_ costs: [String: Double], in graph: Graph,
                             options: TraversalOptions) throws(WeightError) -> LinkWeights {
        try build(graph, options: options, what: .cost) { link in costs[graph.kind(of: link)] }
    }

    private static func build(_ graph: Graph, options: TraversalOptions, what: Missing,
                              weight: (RelationshipIndex) -> Double?) throws(WeightError) -> LinkWeights {
        let filter = TraversalFilter(options, graph: graph)
        var values = [Double](repeating: .infinity, count: graph.relationshipCount)
        var examples: [String] = []
        var missingKinds: [String] = []
        var missingCount = 0
        for link in graph.relationshipIndices where filter.canUse(link.int) {
            guard let value = weight(link), !value.isNaN else {
                missingCount += 1
                let kind = graph.kind(of: link)
                if !missingKinds.contains(kind) { missingKinds.append(kind) }
                if examples.count < 3 { examples.append("'\(graph.id(of: link))'") }
                continue
            }
            guard value >= 0 else { throw .negative(relationship: graph.id(of: link), weight: value) }
            values[link.int] = value
        }
        var weights = LinkWeights(values: values)
        if missingCount > 0 {
            switch what {
            case .cost: throw .missingCosts(kinds: missingKinds.sorted(), links: missingCount)
            case let .property(name, leaveOut):
                guard leaveOut, values.contains(where: { $0.isFinite }) else {
                    throw .missingProperty(name: name, links: missingCount, examples: examples)
                }
                weights.leftOut = missingCount
            }
        }
        return weights
    }

    private enum Missing {
        case cost
        case property(String, leaveOut: Bool)
    }
}

extension Graph {
    /// The cheapest path by the given weights: bidirectional Dijkstra with binary heaps (see
    /// ``WeightedPathSearch``, which answers many pairs without reallocating), O((V + E) log V)
    /// at worst. Ties between equal costs go to the lower link index, so the answer is stable.
    /// Nil when `target` cannot be reached.
    public func cheapestPath(from source: EntityIndex, to target: EntityIndex, weights: LinkWeights,
                             options: TraversalOptions = TraversalOptions()) -> Path? {
        var search = WeightedPathSearch(graph: self, weights: weights, options: options)
        return search.cheapestPath(from: source, to: target)
    }

    /// One-way Dijkstra with exclusions: Yen's spur searches.
    func dijkstra(from source: Int, to target: Int, weights: [Double], filter: TraversalFilter,
                  excludedLinks: Set<Int>, excludedEntities: Set<Int>) -> Path? {
        if source == target { return Path(entities: [EntityIndex(source)], relationships: [], cost: 0) }
        var best = [Double](repeating: .infinity, count: entityCount)
        var via = [Int32](repeating: -1, count: entityCount)
        var previous = [Int32](repeating: -1, count: entityCount)
        var settled = [Bool](repeating: false, count: entityCount)
        var queue = CostQueue()
        best[source] = 0
        queue.insert(cost: 0, entity: Int32(source))
        while let entry = queue.popMin() {
            let entity = Int(entry.entity)
            if settled[entity] { continue }
            settled[entity] = true
            if entity == target { break }
            if entity != source && !filter.canPass(entity) { continue }
            filter.forEachStep(from: entity, in: self) { link, neighbor in
                guard !settled[neighbor], !excludedLinks.contains(link), !excludedEntities.contains(neighbor) else { return }
                let cost = entry.cost + weights[link]
                // Strictly cheaper, or as cheap through a lower link index: stable parallel links.
                if cost < best[neighbor] || (cost == best[neighbor] && Int32(link) < via[neighbor] && previous[neighbor] == Int32(entity)) {
                    best[neighbor] = cost
                    via[neighbor] = Int32(link)
                    previous[neighbor] = Int32(entity)
                    queue.insert(cost: cost, entity: Int32(neighbor))
                }
            }
        }
        guard best[target].isFinite else { return nil }
        var entities = [EntityIndex(target)]
        var links: [RelationshipIndex] = []
        var cursor = target
        while cursor != source {
            links.append(RelationshipIndex(via[cursor]))
            cursor = Int(previous[cursor])
            entities.append(EntityIndex(cursor))
        }
        return Path(entities: entities.reversed(), relationships: links.reversed(), cost: best[target])
    }
}
