import ArgumentParser
import ERAnswers

extension MoneyGrouping: ExpressibleByArgument {}

/// `ergraph money`: contract totals by agency, vendor, parent, product or year.
struct MoneyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "money",
        abstract: "Total contract amounts by agency, vendor, parent company, product or year.",
        discussion: """
            Amounts of different currencies or kinds (obligated, ceiling, paid, reported) are never \
            added together: each group shows one total per currency and kind. An order placed under \
            a parent contract adds only the kinds of amount its parent does not already state. \
            Contracts are always read folded, one buyer → vendor link each.
            """)

    @OptionGroup var graphOptions: GraphOptions
    @Option(help: "Group by agency, vendor, parent (the vendor's ultimate parents), product or year.")
    var by: MoneyGrouping = .vendor
    @Option(name: .customLong("as-of"), help: ArgumentHelp("Only contracts valid on this date.", valueName: "date"))
    var asOf: String?
    @Option(help: "Output format: text, json or csv.") var format: AnswerFormat = .text

    func validate() throws {
        if let asOf, PartialDate(asOf) == nil { throw ValidationError("--as-of '\(asOf)' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD") }
    }

    func run() throws {
        let opened = try graphOptions.open()
        try Terminal.print(MoneyAnswer(by: by, asOf: asOf.flatMap(PartialDate.init), of: opened), as: format)
    }
}
