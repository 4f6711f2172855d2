import Foundation

/// How `ergraph money` groups contract amounts.
public enum MoneyGrouping: String, Sendable, CaseIterable, Codable {
    /// By the buyer that awarded the contract.
    case agency
    /// By the vendor the contract went to.
    case vendor
    /// By the vendor's ultimate parents (the vendor itself when it has none).
    case parent
    /// By the product the contract covers (a contract covering several counts toward each).
    case product
    /// By the year the contract started (`unknown` when no start is known).
    case year
}

/// One group's totals and the contracts behind them.
public struct MoneyGroup: Sendable, Equatable {
    /// The entity the group is about (nil for years).
    public var entity: EntityIndex?
    /// The group's label: an entity id, or a year.
    public var key: String
    /// One total per currency and amount kind, never mixed.
    public var totals: [Money]
    /// The contract links counted, in relationship order.
    public var contracts: [RelationshipIndex]
    /// Contract links whose amounts were left out because their parent contract's amount of the
    /// same kind already includes them (orders under a parent contract).
    public var nested: [RelationshipIndex]
}

extension Graph {
    /// Totals of contract amounts by group, on a graph whose contracts are links (run
    /// ``ContractProjection/collapse(_:contractKind:)`` first when contracts are nodes).
    ///
    /// A contract is a `contracted` link with amounts (a `paid` link counts the same way). Amounts of different currencies or kinds
    /// are kept apart. An order under a parent contract (`order_under` property naming another
    /// counted contract) adds only the kinds of amount its parent does not already state.
    /// Groups are sorted by their largest total, then by key (years in order). O(E + groups · log groups).
    public func moneyGroups(by grouping: MoneyGrouping, asOf date: PartialDate? = nil) -> [MoneyGroup] {
        // Contracts written as links, and payments (FollowTheMoney's Payment): both carry money
        // from a payer to a recipient.
        let moneyKinds = RelationshipKinds.money
        var contractLinks: [RelationshipIndex] = []
        var byContractID: [String: RelationshipIndex] = [:]
        for link in relationshipIndices where moneyKinds.contains(kind(of: link)) {
            if let date, !validity(of: link).isValid(at: date) { continue }
            contractLinks.append(link)
            let record = relationship(link)
            if case let .text(contract)? = record.properties["contract"] { byContractID[contract] = link }
            byContractID[record.id] = link
        }
        var productsByContract: [String: [EntityIndex]] = [:]
        if grouping == .product {
            for link in relationshipIndices where kind(of: link) == "bought" {
                if case let .text(contract)? = relationship(link).properties["contract"] {
                    productsByContract[contract, default: []].append(to(link))
                }
            }
        }

        var groups: [String: MoneyGroup] = [:]
        var parentsByVendor: [EntityIndex: [EntityIndex]] = [:]
        for link in contractLinks {
            let record = relationship(link)
            var amounts = record.amounts
            var isNested = false
            if case let .text(parentID)? = record.properties["order_under"], let parent = byContractID[parentID] {
                let parentKinds = Set(relationship(parent).amounts.map { "\($0.currency) \($0.kind.rawValue)" })
                let kept = amounts.filter { !parentKinds.contains("\($0.currency) \($0.kind.rawValue)") }
                isNested = kept.count < amounts.count
                amounts = kept
            }
            if grouping == .parent, parentsByVendor[to(link)] == nil {
                parentsByVendor[to(link)] = ownershipChains(of: to(link)).ultimateParents
            }
            for (entity, key) in groupKeys(for: link, record: record, grouping: grouping, products: productsByContract,
                                           parents: parentsByVendor) {
                var group = groups[key] ?? MoneyGroup(entity: entity, key: key, totals: [], contracts: [], nested: [])
                var totals = MoneyTotals()
                for money in group.totals { totals.add(money) }
                for money in amounts { totals.add(money) }
                group.totals = totals.totals
                if isNested { group.nested.append(link) } else { group.contracts.append(link) }
                groups[key] = group
            }
        }
        if grouping == .year {
            // Years read best in order; contracts of unknown date last.
            return groups.values.sorted { ($0.key == "unknown" ? "~" : $0.key) < ($1.key == "unknown" ? "~" : $1.key) }
        }
        return groups.values.sorted { lhs, rhs in
            let left = lhs.totals.map(\.amount).max() ?? 0
            let right = rhs.totals.map(\.amount).max() ?? 0
            return left != right ? left > right : lhs.key < rhs.key
        }
    }

    private func groupKeys(for link: RelationshipIndex, record: Relationship, grouping: MoneyGrouping,
                           products: [String: [EntityIndex]],
                           parents: [EntityIndex: [EntityIndex]]) -> [(EntityIndex?, String)] {
        switch grouping {
        case .agency:
            return [(from(link), id(of: from(link)))]
        case .vendor:
            return [(to(link), id(of: to(link)))]
        case .parent:
            let vendor = to(link)
            let ultimate = parents[vendor] ?? []
            return (ultimate.isEmpty ? [vendor] : ultimate).map { ($0, id(of: $0)) }
        case .product:
            let contract: String
            if case let .text(value)? = record.properties["contract"] { contract = value } else { contract = record.id }
            let covered = products[contract] ?? []
            return covered.isEmpty ? [(nil, "(no product named)")] : covered.map { ($0, id(of: $0)) }
        case .year:
            return [(nil, record.validity.start.map { String($0.year) } ?? "unknown")]
        }
    }
}
