import ArgumentParser
import ERFormats
import ERGraph
import Foundation

/// `ergraph path FROM TO`: how two entities are connected, hop by hop, with the evidence.
struct PathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "Explain how two entities are connected: each hop's link, dates, money and quoted sources.",
        discussion: """
            By default the shortest path on the undirected view (arrows still show each link's real \
            direction). Contracts written as entities are folded into buyer → vendor links, each \
            hop still naming its contract. Exit status 1 when no path exists, 2 for an unknown entity.
            """)

    @Argument(help: "Where the path starts (id, name or alias).") var from: String
    @Argument(help: "Where the path ends (id, name or alias).") var to: String

    @OptionGroup var graphOptions: GraphOptions
    @OptionGroup var traversal: TraversalArguments

    @Flag(help: "Follow links only along their direction.") var directed = false
    @Flag(name: .customLong("all-shortest"), help: "Every shortest path, not just one.") var allShortest = false
    @Option(name: [.customLong("k"), .customShort("k")], help: ArgumentHelp("The k shortest loopless paths (Yen).", valueName: "n"))
    var k: Int?
    @Flag(help: "Every loopless path up to --max-hops, shortest first.") var all = false
    @Option(name: .customLong("max-hops"), help: "The longest path --all lists.") var maxHops = 4
    @Option(help: "The most paths to list with --all-shortest or --all.") var limit = 100
    @Option(help: ArgumentHelp("Weigh each link by this numeric property ('amount' for its money); cheapest path wins.",
                               valueName: "property"))
    var weight: String?
    @Option(help: ArgumentHelp("Weigh links by kind, e.g. owns=1,contracted=2; every kind used needs a cost.",
                               valueName: "kind=number,..."))
    var cost: String?

    @Option(help: "Output format: text, json or csv.") var format: AnswerFormat = .text
    @Option(help: ArgumentHelp("Also draw the paths found to this file (format from its extension).", valueName: "file"))
    var render: String?
    @OptionGroup(title: "Drawing (with --render)") var diagram: DiagramArguments

    func validate() throws {
        let modes = [allShortest, k != nil, all].filter { $0 }.count
        if modes > 1 { throw ValidationError("choose one of --all-shortest, --k and --all") }
        if let k, k < 1 { throw ValidationError("--k must be at least 1") }
        if maxHops < 1 { throw ValidationError("--max-hops must be at least 1") }
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
        if weight != nil && cost != nil { throw ValidationError("choose one of --weight and --cost") }
        if (weight != nil || cost != nil) && (allShortest || all) {
            throw ValidationError("--weight and --cost go with the default search or --k")
        }
        if let cost { _ = try Self.parseCosts(cost) }
    }

    static func parseCosts(_ text: String) throws -> [String: Double] {
        var costs: [String: Double] = [:]
        for item in text.split(separator: ",") {
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, let value = Double(parts[1]), value.isFinite else {
                throw ValidationError("--cost takes KIND=NUMBER pairs separated by commas, such as owns=1,contracted=2; found '\(item)'")
            }
            guard value >= 0 else { throw ValidationError("--cost for '\(parts[0])' is negative; costs must be zero or more") }
            costs[parts[0]] = value
        }
        return costs
    }

    func run() throws {
        let context = try TraversalGraph(graphOptions: graphOptions, keepContractNodes: traversal.keepContractNodes)
        let graph = context.graph
        let source = try context.entity(named: from)
        let target = try context.entity(named: to)
        let options = try traversal.options(for: graph, direction: directed ? .outgoing : .both)

        var weights: LinkWeights?
        do {
            if let weight { weights = try LinkWeights.property(weight, in: graph, options: options) }
            if let cost { weights = try LinkWeights.costs(try Self.parseCosts(cost), in: graph, options: options) }
        } catch let error as WeightError {
            throw CommandFailure.usage(error.description)
        }

        let paths: [Path]
        if let k {
            paths = graph.kShortestPaths(from: source, to: target, k: k, weights: weights, options: options)
        } else if allShortest {
            paths = graph.allShortestPaths(from: source, to: target, options: options, limit: limit)
        } else if all {
            paths = graph.simplePaths(from: source, to: target, maxHops: maxHops, limit: limit, options: options)
        } else if let weights {
            paths = graph.cheapestPath(from: source, to: target, weights: weights, options: options).map { [$0] } ?? []
        } else {
            paths = graph.shortestPath(from: source, to: target, options: options).map { [$0] } ?? []
        }

        let report = PathReport(graph: graph, from: source, to: target, paths: paths)
        if paths.isEmpty {
            var reasons: [String] = []
            if directed { reasons.append("following link directions") }
            if let asOf = traversal.asOf { reasons.append("as of \(asOf)") }
            if traversal.via != nil || traversal.through != nil || traversal.avoid != nil || traversal.maxDegree != nil {
                reasons.append("with the given constraints")
            }
            if all { reasons.append("within \(maxHops) hops") }
            let qualifier = reasons.isEmpty ? "" : " " + reasons.joined(separator: ", ")
            if format == .json { print(try report.json()) }
            throw CommandFailure.data("no path from \(graph.name(of: source)) to \(graph.name(of: target))\(qualifier)")
        }
        switch format {
        case .text: print(report.text(graph: graph))
        case .json: print(try report.json())
        case .csv: print(report.csv(), terminator: "")
        }
        if let render {
            try diagram.draw(.paths(graph, paths), of: graph, to: render,
                             subtitle: "how \(graph.name(of: source)) connects to \(graph.name(of: target))")
        }
    }
}
