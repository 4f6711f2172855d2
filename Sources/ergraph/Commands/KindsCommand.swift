import ArgumentParser
import ERAnswers

/// `ergraph kinds`: the vocabulary of entity and relationship kinds, with what each means.
struct KindsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kinds",
        abstract: "List the kinds of entity and relationship a dataset may use, with their meanings and counts.")

    @OptionGroup var graphOptions: GraphOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let answer: KindsAnswer
        switch graphOptions.source {
        case let .datasets(paths):
            // Read without requiring validity: this is where people look when a kind is unknown.
            answer = KindsAnswer(paths: paths)
            for path in answer.unreadable {
                Terminal.note("\(path) could not be read; its kinds are not listed")
            }
        case .lists, .snapshot:
            answer = KindsAnswer(graph: try graphOptions.open().graph)
        }
        try Terminal.print(answer, as: format.answerFormat)
    }
}
