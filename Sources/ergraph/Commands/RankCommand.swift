import ArgumentParser
import ERAnswers

extension RankAnswer.Measure: ExpressibleByArgument {}

/// `ergraph rank`: the most central entities.
struct RankCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rank",
        abstract: "Rank entities by degree, betweenness or PageRank.",
        discussion: """
            degree: links in and out, parallel links counted. betweenness: share of shortest paths \
            through the entity on the undirected simple view, normalised as networkx does. pagerank: \
            over link directions, damping 0.85, run to convergence.
            """)

    @OptionGroup var graphOptions: GraphOptions
    @Option(help: "degree, betweenness or pagerank.") var by: RankAnswer.Measure = .degree
    @Option(help: "How many to list.") var top = 10
    @OptionGroup var contracts: ContractArguments
    @Option(help: "Output format: text, json or csv.") var format: AnswerFormat = .text

    func validate() throws {
        if top < 1 { throw ValidationError("--top must be at least 1") }
    }

    func run() throws {
        let graph = try graphOptions.open().context(keepingContractNodes: contracts.keepContractNodes).graph
        try Terminal.print(RankAnswer(by: by, top: top, in: graph), as: format)
    }
}
