import ERGraph

/// How a query sees the graph: the properties of entities and relationships, kinds by name,
/// and the lookups the planner starts from. Built once per graph and shared by every query.
public final class GraphAccess: Sendable {
    public let graph: Graph
    /// Properties every entity has (or may have) through the model's own fields.
    static let entityFields = ["id", "name", "kind", "aliases", "start", "end", "amount", "currency", "amount_kind", "status"]
    static let relationshipFields = ["id", "kind", "start", "end", "amount", "currency", "amount_kind", "status", "sources",
                                     "independent_sources"]

    /// Every property name an entity or relationship of this graph can answer, sorted.
    let entityKeys: [String]
    let relationshipKeys: [String]
    /// Entity kinds by lower-cased name (labels are case-insensitive).
    let entityKindCodes: [String: UInt16]
    let relationshipKindCodes: [String: UInt16]
    /// Number of entities of each kind code, for choosing where a match starts.
    let entityKindCounts: [Int]
    private let entitiesByKindStorage: [[EntityIndex]]
    private let nameIndex: [String: [EntityIndex]]
    /// Shortest-path searches kept between queries: each owns arrays as long as the graph, which
    /// are stamped rather than cleared, so reusing one makes a search cost what it visits.
    private let pathSearches = Locked<[PathSearchKey: [PathSearch]]>([:])

    public init(graph: Graph) {
        self.graph = graph
        var entityKeys = Set(Self.entityFields), relationshipKeys = Set(Self.relationshipFields)
        var byKind = [[EntityIndex]](repeating: [], count: graph.entityKindNames.count)
        var names: [String: [EntityIndex]] = [:]
        names.reserveCapacity(graph.entityCount)
        for entity in graph.entityIndices {
            byKind[Int(graph.kindCode(of: entity))].append(entity)
            names[graph.name(of: entity), default: []].append(entity)
        }
        entityKeys.formUnion(graph.entityPropertyNames)
        relationshipKeys.formUnion(graph.relationshipPropertyNames)
        self.entityKeys = entityKeys.sorted()
        self.relationshipKeys = relationshipKeys.sorted()
        entityKindCodes = Dictionary(graph.entityKindNames.enumerated().map { ($1.lowercased(), UInt16($0)) }, uniquingKeysWith: { a, _ in a })
        relationshipKindCodes = Dictionary(graph.relationshipKindNames.enumerated().map { ($1.lowercased(), UInt16($0)) },
                                           uniquingKeysWith: { a, _ in a })
        entityKindCounts = byKind.map(\.count)
        entitiesByKindStorage = byKind
        nameIndex = names
    }

    /// Runs `body` with a reusable search for these options (taken from the pool, or new), and
    /// puts it back afterwards; safe when queries run on several threads.
    func withPathSearch<T>(_ key: PathSearchKey, options: TraversalOptions, _ body: (inout PathSearch) -> T) -> T {
        var search = pathSearches.withLock { $0[key]?.popLast() } ?? PathSearch(graph: graph, options: options)
        let result = body(&search)
        let finished = search
        pathSearches.withLock { $0[key, default: []].append(finished) }
        return result
    }

    func entities(ofKind code: UInt16) -> [EntityIndex] { entitiesByKindStorage[Int(code)] }
    func entities(named name: String) -> [EntityIndex] { nameIndex[name] ?? [] }

    // MARK: Properties

    func property(of entity: EntityIndex, _ key: String) -> Value {
        switch key {
        case "id": return .string(graph.id(of: entity))
        case "name": return .string(graph.name(of: entity))
        case "kind": return .string(graph.kind(of: entity))
        case "start": return graph.validity(of: entity).start.map(Value.date) ?? .null
        case "end": return graph.validity(of: entity).end.map(Value.date) ?? .null
        default: break
        }
        guard graph.hasDetails(entity) else { return key == "aliases" ? .list([]) : .null }
        let record = graph.entity(entity)
        switch key {
        case "aliases": return .list(record.aliases.map(Value.string))
        case "amount", "currency", "amount_kind": return Self.money(record.amounts, key)
        case "status": return record.events.last.map { .string($0.status) } ?? .null
        default: return record.properties[key].map(Value.init) ?? .null
        }
    }

    func property(of link: RelationshipIndex, _ key: String) -> Value {
        switch key {
        case "id": return .string(graph.id(of: link))
        case "kind": return .string(graph.kind(of: link))
        case "start": return graph.validity(of: link).start.map(Value.date) ?? .null
        case "end": return graph.validity(of: link).end.map(Value.date) ?? .null
        default: break
        }
        guard graph.hasDetails(link) else { return .null }
        let record = graph.relationship(link)
        switch key {
        case "amount", "currency", "amount_kind": return Self.money(record.amounts, key)
        case "status": return record.events.last.map { .string($0.status) } ?? .null
        // The source ids cited, so that `size(r.sources)` counts citations; and how many
        // independent outlets they are (``Corroboration``).
        case "sources": return .list(record.citations.map { .string($0.source) })
        case "independent_sources": return .integer(graph.corroboration(of: link))
        default: return record.properties[key].map(Value.init) ?? .null
        }
    }

    /// The first amount's value, currency or kind (what an amount is: reported, obligated…).
    private static func money(_ amounts: [Money], _ key: String) -> Value {
        guard let first = amounts.first else { return .null }
        switch key {
        case "amount": return .float(NSDecimalNumberBridge.double(first.amount))
        case "currency": return .string(first.currency)
        default: return .string(first.kind.rawValue)
        }
    }

    /// Every non-null property, keys sorted: what `properties(x)` returns.
    func properties(of value: Value) -> Value {
        switch value {
        case let .node(entity):
            let pairs = entityKeys.map { ($0, property(of: entity, $0)) }.filter { !$0.1.isNull && $0.1 != .list([]) }
            return .map(keys: pairs.map(\.0), values: pairs.map(\.1))
        case let .relationship(link):
            let pairs = relationshipKeys.map { ($0, property(of: link, $0)) }.filter { !$0.1.isNull }
            return .map(keys: pairs.map(\.0), values: pairs.map(\.1))
        case .map: return value
        default: return .null
        }
    }
}
