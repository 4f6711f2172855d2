import ArgumentParser
import ERAnswers

/// `ergraph list`: every entity's id, kind and name, to find what to ask about.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List entities (id, kind, name), optionally of some kinds only.")

    @OptionGroup var graphOptions: GraphOptions

    @Option(help: ArgumentHelp("Only entities of these kinds, comma-separated (see 'ergraph kinds').", valueName: "kinds"))
    var kind: String?

    @Option(help: "Output format: text, json or csv.")
    var format: AnswerFormat = .text

    func run() throws {
        let context = try graphOptions.open().asWritten
        let answer = try Terminal.answering { () throws(AnswerError) in
            try ListAnswer(kinds: TraversalArguments.list(kind), in: context)
        }
        try Terminal.print(answer, as: format)
    }
}
