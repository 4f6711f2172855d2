import ArgumentParser
import ERAnswers

/// `ergraph components`: the separate pieces of the map.
struct ComponentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "components",
        abstract: "List connected components: weak (links in either direction) or --strong (along link directions).")

    @OptionGroup var graphOptions: GraphOptions
    @Flag(help: "Strongly connected components instead of weakly connected ones.") var strong = false
    @OptionGroup var contracts: ContractArguments
    @Option(help: "How many entities to name per component in text output.") var show = 8
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text

    func run() throws {
        let context = try graphOptions.open().context(keepingContractNodes: contracts.keepContractNodes)
        try Terminal.print(ComponentsAnswer(strong: strong, in: context, shown: show), as: format.answerFormat)
    }
}
