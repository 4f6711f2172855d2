import ArgumentParser
import ERAnswers

/// `ergraph show ENTITY`: one entity with its facts, its links and the evidence for each.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one entity: its facts, every link in and out, and the quoted sources.")

    @Argument(help: ArgumentHelp("The entity, by id, name or alias (case-insensitive).", valueName: "entity"))
    var entity: String

    @OptionGroup var graphOptions: GraphOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let context = try graphOptions.open().asWritten
        let index = try Terminal.answering { () throws(AnswerError) in try context.entity(named: entity) }
        try Terminal.print(EntityAnswer(index, in: context.graph), as: format.answerFormat)
    }
}
