import ArgumentParser
import ERAnswers
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

    @Argument(help: "Where the path starts (id, name or alias).") var from: String?
    @Argument(help: "Where the path ends (id, name or alias).") var to: String?
    @Option(help: ArgumentHelp("Answer every pair of a CSV file (columns source,target: ids or names), one result per line.",
                               valueName: "file"))
    var pairs: String?

    @OptionGroup var graphOptions: GraphOptions
    @OptionGroup var traversal: TraversalArguments

    @Flag(help: "Follow links only along their direction.") var directed = false
    @Flag(name: .customLong("all-shortest"), help: "Every shortest path, not just one.") var allShortest = false
    @Option(name: [.customLong("k"), .customShort("k")],
            help: ArgumentHelp("The k shortest loopless routes (Yen); parallel links between the same two entities are one route, listed under its hop.",
                               valueName: "n"))
    var k: Int?
    @Flag(name: .customLong("parallel"), help: "With --k, count parallel links (two contracts between the same pair) as separate paths.")
    var parallel = false
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
        if pairs == nil && (from == nil || to == nil) { throw ValidationError("give FROM and TO, or --pairs FILE") }
        if pairs != nil && (from != nil || to != nil) { throw ValidationError("give FROM and TO, or --pairs FILE, not both") }
        if pairs != nil && (allShortest || k != nil || all || render != nil) {
            throw ValidationError("--pairs answers one shortest (or, with --weight or --cost, cheapest) path per pair: it does not combine with --all-shortest, --k, --all or --render")
        }
        let modes = [allShortest, k != nil, all].filter { $0 }.count
        if modes > 1 { throw ValidationError("choose one of --all-shortest, --k and --all") }
        if let k, k < 1 { throw ValidationError("--k must be at least 1") }
        if parallel && k == nil { throw ValidationError("--parallel goes with --k") }
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

    /// The question as the presentation layer asks it.
    var query: PathQuery {
        let mode: PathQuery.Mode
        if let k {
            mode = .kShortest(count: k, parallelLinksApart: parallel)
        } else if allShortest {
            mode = .allShortest(limit: limit)
        } else if all {
            mode = .all(maxHops: maxHops, limit: limit)
        } else {
            mode = .shortest
        }
        var weighting = PathQuery.Weighting.hops
        if let weight { weighting = .property(weight) }
        if let cost, let costs = try? Self.parseCosts(cost) { weighting = .costs(costs) }
        return PathQuery(from: from ?? "", to: to ?? "", mode: mode, weighting: weighting,
                         constraints: traversal.constraints(direction: directed ? .outgoing : .both),
                         keepContractNodes: traversal.keepContractNodes)
    }

    func run() throws {
        let opened = try graphOptions.open()
        if let pairs {
            try answerPairs(pairs, opened: opened)
            return
        }
        let query = self.query
        let result = try Terminal.answering { () throws(AnswerError) in try query.run(on: opened) }
        if result.paths.isEmpty {
            if format == .json { try Terminal.print(result.answer, as: .json) }
            throw CommandFailure(query.noPathError(result))
        }
        try Terminal.print(result.answer, as: format)
        if let render {
            let graph = result.context.graph
            try diagram.draw(.paths(graph, result.paths), of: graph, to: render,
                             subtitle: "how \(graph.name(of: result.source)) connects to \(graph.name(of: result.target))", defaultStyle: .print)
        }
    }

    /// Every pair of the file through one reusable search and one name index: the graph is
    /// loaded once, and a pair costs a search.
    private func answerPairs(_ path: String, opened: OpenedGraph) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure.data("cannot read \(path): no such file or not readable")
        }
        let query = self.query
        var batch = try Terminal.answering { () throws(AnswerError) in try PathPairs(query: query, on: opened) }
        let pairs = try Terminal.answering { () throws(AnswerError) in try PathPairs.pairs(in: data, name: path) }
        var unresolved = 0
        var output = format == .csv ? PathPairs.csvHeader.joined(separator: ",") + "\n" : ""
        for pair in pairs {
            do {
                output += try PathPairs.write(try batch.answer(from: pair.source, to: pair.target), as: format)
            } catch let error as AnswerError {
                Terminal.error("\(path):\(pair.line): \(CommandFailure(error).message)")
                unresolved += 1
            }
            // Written in pieces, so a long batch shows progress and never holds every line.
            if output.utf8.count > 1 << 16 {
                FileHandle.standardOutput.write(Data(output.utf8))
                output = ""
            }
        }
        FileHandle.standardOutput.write(Data(output.utf8))
        if unresolved > 0 { throw CommandFailure(message: "", status: 2) }
    }
}
