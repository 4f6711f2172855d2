import ArgumentParser
import ERAnswers

/// `ergraph owners ENTITY`: who owns or contains an entity, up to the ultimate parents.
struct OwnersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "owners",
        abstract: "Follow ownership and part-of links up to the ultimate parents, with dates; cycles are reported.")

    @Argument(help: "The entity (id, name or alias).") var entity: String
    @OptionGroup var graphOptions: GraphOptions
    @Option(name: .customLong("as-of"), help: ArgumentHelp("Only links valid on this date.", valueName: "date"))
    var asOf: String?
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text

    func validate() throws {
        if let asOf, PartialDate(asOf) == nil { throw ValidationError("--as-of '\(asOf)' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD") }
    }

    func run() throws {
        let context = try graphOptions.open().asWritten
        let start = try Terminal.answering { () throws(AnswerError) in try context.entity(named: entity) }
        try Terminal.print(OwnersAnswer(of: start, asOf: asOf.flatMap(PartialDate.init), in: context.graph), as: format.answerFormat)
    }
}
