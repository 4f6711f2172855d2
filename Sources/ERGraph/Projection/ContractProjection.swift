/// Where a link of a projected graph came from.
public enum LinkOrigin: Hashable, Sendable {
    /// Copied unchanged from the original graph.
    case original(RelationshipIndex)
    /// Made from a contract node: the contract (an entity of the original graph) and the
    /// original links it was made from, in relationship order.
    case contract(EntityIndex, links: [RelationshipIndex])
}

/// A graph in which contract nodes have been folded into links, with the way back.
public struct ProjectedGraph: Sendable {
    public let graph: Graph
    /// The origin of each link of ``graph``, by its relationship index.
    public let origins: [LinkOrigin]
    /// True when no contract was folded: ``graph`` is the original graph.
    public var foldedNothing: Bool = false
}

/// Folds contracts written as nodes (FollowTheMoney style) into direct links.
///
/// Datasets may write a contract either as a link (`ice —contracted→ palantir`) or as a node
/// (`ice —awarded→ contract —awarded_to→ palantir`, `contract —covers→ icm`). Path questions
/// should not depend on the style, so this projection rewrites every contract node that has
/// at least one buyer (`awarded`) and one vendor (`awarded_to`):
///
/// - each buyer B and vendor V get a link `B —contracted→ V` carrying the contract's dates,
///   amounts, events, properties (plus `contract` = its id and `contract_name`) and the union
///   of the citations of the contract and of the links it was made from;
/// - each covered product P gets `B —bought→ P`; each unit U the contract `benefits` gets
///   `V —supplies→ U`; neither repeats the amounts, so money is never counted twice;
/// - links between contracts (`order_under`, `follows_on`) become the property of the same name;
/// - a contract that still has other links (an outlet that reported it, an order that paused
///   it) is not folded at all: it stays as written, between its buyer and its vendor, so the
///   route from buyer to vendor goes through it once and what is said about it stays attached.
///   A contract is a node or a folded link, never both, in the projected graph.
///
/// With ``Folding/all`` (for money, where only the contracts count) every contract is folded,
/// a referenced one kept beside its link so the links about it stay valid.
///
/// A buyer or vendor linked to the contract twice (two datasets describing the same award with
/// facts that differ) is one party, citing both links. Contracts without both a buyer and a
/// vendor stay as they are. Nothing else changes. O(V + E).
public enum ContractProjection {
    /// Which contracts are folded.
    public enum Folding: Sendable {
        /// Contracts nothing else refers to; the others stay as written (walking, drawing, querying).
        case unreferenced
        /// Every contract with a buyer and a vendor (money).
        case all
    }

    static let foldedKinds: Set<String> = ["awarded", "awarded_to", "covers", "benefits", "order_under", "follows_on"]

    public static func collapse(_ graph: Graph, folding: Folding = .unreferenced,
                                contractKind: String = EntityKinds.contract) -> ProjectedGraph {
        var plans: [EntityIndex: Plan] = [:]
        for entity in graph.entityIndices where graph.kind(of: entity) == contractKind {
            if let plan = Plan(contract: entity, in: graph, contractKind: contractKind) {
                plans[entity] = plan
            }
        }
        // A contract that some other link still needs (an outlet reported it, an order paused
        // it) is referenced. Leaving one as written keeps its links, which may in turn refer to
        // another contract (an order under it): repeated until nothing changes, so no link is
        // ever left pointing at a contract that was folded away.
        func referenced(among plans: [EntityIndex: Plan]) -> Set<EntityIndex> {
            let folded = Set(plans.values.flatMap(\.foldedLinks))
            var found: Set<EntityIndex> = []
            for contract in plans.keys {
                graph.forEachLink(of: contract, direction: .both) { link, _ in
                    if !folded.contains(link) { found.insert(contract) }
                }
            }
            return found
        }
        var referencedContracts = referenced(among: plans)
        if folding == .unreferenced {
            while !referencedContracts.isEmpty {
                for contract in referencedContracts { plans[contract] = nil }
                referencedContracts = referenced(among: plans)
            }
        }

        // Nothing to fold (bulk lists, datasets that write contracts as links): the graph as it is.
        if plans.isEmpty {
            return ProjectedGraph(graph: graph, origins: graph.relationshipIndices.map { .original($0) }, foldedNothing: true)
        }

        var builder = GraphBuilder(vocabulary: graph.vocabulary)
        builder.title = graph.title
        builder.summaryText = graph.summaryText
        builder.properties = graph.properties
        for source in graph.sources { builder.addSource(source) }

        // With every contract folded, a referenced one stays beside its link, keeping its links
        // to its parties, so the links about it stay valid.
        let keptContracts = referencedContracts
        let removedLinks = Set(plans.filter { !keptContracts.contains($0.key) }.values.flatMap(\.foldedLinks))
        var origins: [LinkOrigin] = []
        for entity in graph.entityIndices where plans[entity] == nil || keptContracts.contains(entity) {
            // Ids are unique in the source graph, so adding cannot fail.
            _ = try? builder.addEntity(graph.entity(entity))
        }
        for relationship in graph.relationshipIndices where !removedLinks.contains(relationship) {
            _ = try? builder.addRelationship(graph.relationship(relationship))
            origins.append(.original(relationship))
        }
        for contract in graph.entityIndices {
            guard let plan = plans[contract] else { continue }
            for link in plan.projectedLinks(in: graph) {
                _ = try? builder.addRelationship(link)
                origins.append(.contract(contract, links: plan.foldedLinks))
            }
        }
        return ProjectedGraph(graph: builder.build(), origins: origins)
    }

    private struct Plan {
        var contract: EntityIndex
        var buyers: [(EntityIndex, RelationshipIndex)] = []
        var vendors: [(EntityIndex, RelationshipIndex)] = []
        var products: [(EntityIndex, RelationshipIndex)] = []
        var units: [(EntityIndex, RelationshipIndex)] = []
        var contractLinks: [(kind: String, other: EntityIndex, link: RelationshipIndex)] = []

        init?(contract: EntityIndex, in graph: Graph, contractKind: String) {
            self.contract = contract
            graph.forEachLink(of: contract, direction: .both) { link, other in
                let kind = graph.kind(of: link)
                let outgoing = graph.from(link) == contract
                switch (kind, outgoing) {
                case (RelationshipKinds.awarded, false): buyers.append((other, link))
                case (RelationshipKinds.awardedTo, true): vendors.append((other, link))
                case (RelationshipKinds.covers, true): products.append((other, link))
                case (RelationshipKinds.benefits, true): units.append((other, link))
                case (RelationshipKinds.orderUnder, true), ("follows_on", true):
                    // Only links to another contract fold into a property; others stay links.
                    if graph.kind(of: other) == contractKind { contractLinks.append((kind, other, link)) }
                default: break
                }
            }
            guard !buyers.isEmpty, !vendors.isEmpty else { return nil }
        }

        var foldedLinks: [RelationshipIndex] {
            (buyers + vendors + products + units).map(\.1) + contractLinks.map(\.link)
        }

        /// Each distinct entity of `parties` once, in the order first met, with every link that
        /// ties it to the contract (two datasets may both say who the buyer was).
        private static func distinct(_ parties: [(EntityIndex, RelationshipIndex)]) -> [(EntityIndex, [RelationshipIndex])] {
            var order: [EntityIndex] = []
            var links: [EntityIndex: [RelationshipIndex]] = [:]
            for (entity, link) in parties {
                if links[entity] == nil { order.append(entity) }
                links[entity, default: []].append(link)
            }
            return order.map { ($0, links[$0] ?? []) }
        }

        private static func citations(of links: [RelationshipIndex], in graph: Graph) -> [Citation] {
            var citations: [Citation] = []
            for citation in links.flatMap({ graph.relationship($0).citations }) where !citations.contains(citation) {
                citations.append(citation)
            }
            return citations
        }

        func projectedLinks(in graph: Graph) -> [Relationship] {
            let record = graph.entity(contract)
            let buyers = Self.distinct(self.buyers), vendors = Self.distinct(self.vendors)
            let products = Self.distinct(self.products), units = Self.distinct(self.units)
            var citations = record.citations
            for citation in Self.citations(of: (buyers + vendors).flatMap(\.1), in: graph) where !citations.contains(citation) {
                citations.append(citation)
            }
            var properties = record.properties
            properties["contract"] = .text(record.id)
            properties["contract_name"] = .text(record.name)
            for (kind, other, _) in contractLinks {
                properties[kind] = .text(graph.id(of: other))
            }
            let single = buyers.count == 1 && vendors.count == 1
            var links: [Relationship] = []
            for (buyer, _) in buyers {
                for (vendor, _) in vendors {
                    let id = single ? record.id : "\(record.id):\(graph.id(of: buyer))->\(graph.id(of: vendor))"
                    links.append(Relationship(id: id, kind: RelationshipKinds.contracted, from: graph.id(of: buyer), to: graph.id(of: vendor),
                                              validity: record.validity, amounts: record.amounts, events: record.events,
                                              properties: properties, citations: citations))
                }
                for (product, productLinks) in products {
                    links.append(Relationship(id: "\(record.id):bought:\(graph.id(of: product))", kind: RelationshipKinds.bought,
                                              from: graph.id(of: buyer), to: graph.id(of: product),
                                              validity: record.validity, properties: ["contract": .text(record.id)],
                                              citations: Self.citations(of: productLinks, in: graph)))
                }
            }
            for (vendor, _) in vendors {
                for (unit, unitLinks) in units {
                    links.append(Relationship(id: "\(record.id):supplies:\(graph.id(of: unit))", kind: "supplies",
                                              from: graph.id(of: vendor), to: graph.id(of: unit),
                                              validity: record.validity, properties: ["contract": .text(record.id)],
                                              citations: Self.citations(of: unitLinks, in: graph)))
                }
            }
            return links
        }
    }
}
