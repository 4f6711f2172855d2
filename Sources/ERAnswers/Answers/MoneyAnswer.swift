import ERGraph

/// Contract totals per group, one total per currency and kind of amount, never added across
/// them (`ergraph money`). Every contract is folded into its buyer → vendor link for this, the
/// ones other links refer to included, so each contract is counted once, as one link.
public struct MoneyAnswer: Answer, Encodable {
    public struct Row: Encodable, Sendable {
        public var group: String
        public var name: String?
        public var totals: [Money]
        public var contracts: [String]
        public var nestedOrders: [String]
    }

    public var rows: [Row]
    public var grouping: MoneyGrouping

    public func encode(to encoder: any Encoder) throws { try rows.encode(to: encoder) }

    public init(by grouping: MoneyGrouping, asOf date: PartialDate?, of opened: OpenedGraph) {
        self.init(by: grouping, asOf: date, in: ContractProjection.collapse(opened.graph, folding: .all).graph)
    }

    /// The totals of a graph whose contracts are links.
    public init(by grouping: MoneyGrouping, asOf date: PartialDate?, in folded: Graph) {
        self.grouping = grouping
        rows = folded.moneyGroups(by: grouping, asOf: date).map { group in
            Row(group: group.key, name: group.entity.map { folded.name(of: $0) }, totals: group.totals,
                contracts: group.contracts.map { folded.id(of: $0) }, nestedOrders: group.nested.map { folded.id(of: $0) })
        }
    }

    public func text() -> String {
        guard !rows.isEmpty else { return "no contract amounts in this dataset\n" }
        let table = TextTable.text(rows.map { row in
            var count = Wording.count(row.contracts.count, "contract")
            if !row.nestedOrders.isEmpty { count += ", \(Wording.count(row.nestedOrders.count, "order")) inside a parent" }
            return [row.name ?? row.group, Wording.money(row.totals) ?? "", count]
        })
        return "Contract amounts by \(grouping.rawValue) (never adding different currencies or kinds of amount)\n" + table + "\n"
    }

    /// One row per group, currency and kind of amount; the group's number of contracts on its
    /// first row.
    public func csv() -> String? {
        var table: [[String]] = []
        for row in rows {
            // The count stands on the group's first line only, so that adding up the column
            // counts each contract once.
            for (position, total) in row.totals.enumerated() {
                table.append([row.group, row.name ?? "", total.currency, total.kind.rawValue, total.exactAmount,
                              position == 0 ? String(row.contracts.count) : ""])
            }
        }
        return TextTable.csv(["group", "name", "currency", "amount_kind", "total", "contracts"], table)
    }
}
