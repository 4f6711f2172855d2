import ArgumentParser
import ERGraph

extension MoneyGrouping: ExpressibleByArgument {}

/// `ergraph money`: contract totals by agency, vendor, parent, product or year.
struct MoneyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "money",
        abstract: "Total contract amounts by agency, vendor, parent company, product or year.",
        discussion: """
            Amounts of different currencies or kinds (obligated, ceiling, paid, reported) are never \
            added together: each group shows one total per currency and kind. An order placed under \
            a parent contract adds only the kinds of amount its parent does not already state.
            """)

    @OptionGroup var graphOptions: GraphOptions
    @Option(help: "Group by agency, vendor, parent (the vendor's ultimate parents), product or year.")
    var by: MoneyGrouping = .vendor
    @Option(name: .customLong("as-of"), help: ArgumentHelp("Only contracts valid on this date.", valueName: "date"))
    var asOf: String?
    @Option(help: "Output format: text, json or csv.") var format: AnswerFormat = .text

    struct Row: Encodable {
        var group: String
        var name: String?
        var totals: [Money]
        var contracts: [String]
        var nestedOrders: [String]
    }

    func validate() throws {
        if let asOf, PartialDate(asOf) == nil { throw ValidationError("--as-of '\(asOf)' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD") }
    }

    func run() throws {
        let graph = ContractProjection.collapse(try graphOptions.load()).graph
        let groups = graph.moneyGroups(by: by, asOf: asOf.flatMap(PartialDate.init))
        let rows = groups.map { group in
            Row(group: group.key, name: group.entity.map { graph.name(of: $0) }, totals: group.totals,
                contracts: group.contracts.map { graph.id(of: $0) }, nestedOrders: group.nested.map { graph.id(of: $0) })
        }
        switch format {
        case .json:
            print(try Terminal.json(rows))
        case .csv:
            var table: [[String]] = []
            for row in rows {
                for total in row.totals {
                    table.append([row.group, row.name ?? "", total.currency, total.kind.rawValue, total.exactAmount,
                                  String(row.contracts.count)])
                }
            }
            print(Table.csv(["group", "name", "currency", "amount_kind", "total", "contracts"], table), terminator: "")
        case .text:
            if rows.isEmpty {
                print("no contract amounts in this dataset")
                return
            }
            print("Contract amounts by \(by.rawValue) (never adding different currencies or kinds of amount)")
            print(Table.text(rows.map { row in
                [row.name ?? row.group, row.totals.map(\.description).joined(separator: " + "),
                 "\(row.contracts.count) contract\(row.contracts.count == 1 ? "" : "s")"
                    + (row.nestedOrders.isEmpty ? "" : ", \(row.nestedOrders.count) order\(row.nestedOrders.count == 1 ? "" : "s") inside a parent")]
            }))
        }
    }
}
