import ArgumentParser
import ERAnswers

/// `ergraph stats`: counts by kind, sources and components.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Summarize a dataset: entities and relationships by kind, sources, components.")

    @OptionGroup var graphOptions: GraphOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let opened = try graphOptions.open()
        try Terminal.print(StatsAnswer(opened.graph, origin: opened.source.description), as: format.answerFormat)
    }
}
