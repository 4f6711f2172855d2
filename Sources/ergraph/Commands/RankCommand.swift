import ArgumentParser
import ERGraph

/// Which centrality `rank` computes.
enum RankMeasure: String, ExpressibleByArgument, CaseIterable {
    case degree, betweenness, pagerank
}

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
    @Option(help: "degree, betweenness or pagerank.") var by: RankMeasure = .degree
    @Option(help: "How many to list.") var top = 10
    @Flag(name: .customLong("keep-contract-nodes"), help: "Rank contracts as entities instead of folding them into links.")
    var keepContractNodes = false
    @Option(help: "Output format: text, json or csv.") var format: AnswerFormat = .text

    struct Row: Encodable {
        var rank: Int
        var id: String
        var name: String
        var kind: String
        var score: Double
    }

    func validate() throws {
        if top < 1 { throw ValidationError("--top must be at least 1") }
    }

    func run() throws {
        let loaded = try graphOptions.load()
        let graph = keepContractNodes ? loaded : ContractProjection.collapse(loaded).graph
        let scores: [Double]
        switch by {
        case .degree: scores = graph.degrees().map(Double.init)
        case .betweenness: scores = graph.betweenness()
        case .pagerank: scores = graph.pageRank()
        }
        let ranked = scores.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }.prefix(top)
        let rows = ranked.enumerated().map { position, entity in
            Row(rank: position + 1, id: graph.id(of: EntityIndex(entity)), name: graph.name(of: EntityIndex(entity)),
                kind: graph.kind(of: EntityIndex(entity)), score: scores[entity])
        }
        let score: (Double) -> String = { by == .degree ? String(Int($0)) : String(format: "%.6f", $0) }
        switch format {
        case .json: print(try Terminal.json(rows))
        case .csv:
            print(Table.csv(["rank", "id", "name", "kind", by.rawValue], rows.map { [String($0.rank), $0.id, $0.name, $0.kind, score($0.score)] }),
                  terminator: "")
        case .text:
            print(Table.text(rows.map { [String($0.rank), score($0.score), $0.name, $0.kind] }))
        }
    }
}
