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
        if pairs != nil && (allShortest || k != nil || all || weight != nil || cost != nil || render != nil) {
            throw ValidationError("--pairs answers one shortest path per pair: it does not combine with --all-shortest, --k, --all, --weight, --cost or --render")
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

    func run() throws {
        let context = try TraversalGraph(graphOptions: graphOptions, keepContractNodes: traversal.keepContractNodes)
        let graph = context.graph
        if let pairs {
            try answerPairs(pairs, context: context)
            return
        }
        let source = try context.entity(named: from ?? "")
        let target = try context.entity(named: to ?? "")
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
            paths = graph.kShortestPaths(from: source, to: target, k: k, weights: weights, options: options,
                                         distinct: parallel ? .links : .entities)
        } else if allShortest {
            paths = graph.allShortestPaths(from: source, to: target, options: options, limit: limit)
        } else if all {
            paths = graph.simplePaths(from: source, to: target, maxHops: maxHops, limit: limit, options: options)
        } else if let weights {
            paths = graph.cheapestPath(from: source, to: target, weights: weights, options: options).map { [$0] } ?? []
        } else {
            paths = graph.shortestPath(from: source, to: target, options: options).map { [$0] } ?? []
        }

        let routes = k != nil && !parallel
        let report = PathReport(graph: graph, from: source, to: target, paths: paths,
                                parallelLinks: routes ? { graph.parallelLinks(of: $0, options: options) } : nil)
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

    /// Every pair of the file through one reusable search: the graph is loaded once.
    private func answerPairs(_ path: String, context: TraversalGraph) throws {
        let graph = context.graph
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure.data("cannot read \(path): no such file or not readable")
        }
        let records: [CSVRecord]
        do {
            records = try CSVReader().records(data)
        } catch {
            throw CommandFailure.data("\(path):\(error.line):\(error.column): \(error.message)")
        }
        guard let header = records.first?.fields.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }),
              let sourceColumn = header.firstIndex(of: "source"), let targetColumn = header.firstIndex(of: "target") else {
            throw CommandFailure.data("\(path):1: expected a header with columns source,target")
        }
        var search = PathSearch(graph: graph, options: try traversal.options(for: graph, direction: directed ? .outgoing : .both))
        var unresolved = 0
        if format == .csv { print("source,target,length,entities,relationships") }
        for record in records.dropFirst() {
            guard record.fields.count > max(sourceColumn, targetColumn) else {
                Terminal.error("\(path):\(record.line): expected the source and target columns")
                unresolved += 1
                continue
            }
            let names = (record.fields[sourceColumn], record.fields[targetColumn])
            let source: EntityIndex, target: EntityIndex
            do {
                source = try context.entity(named: names.0)
                target = try context.entity(named: names.1)
            } catch let failure as CommandFailure {
                Terminal.error("\(path):\(record.line): \(failure.message)")
                unresolved += 1
                continue
            }
            let found = search.shortestPath(from: source, to: target)
            let entities = found?.entities.map { graph.id(of: $0) } ?? []
            let links = found?.relationships.map { graph.id(of: $0) } ?? []
            switch format {
            case .csv:
                print([graph.id(of: source), graph.id(of: target), found.map { String($0.length) } ?? "",
                       entities.joined(separator: " "), links.joined(separator: " ")].map(CSVField.escape).joined(separator: ","))
            case .json:
                struct Answer: Encodable { var from: String; var to: String; var length: Int?; var entities: [String]; var relationships: [String] }
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                let answer = Answer(from: graph.id(of: source), to: graph.id(of: target), length: found?.length,
                                    entities: entities, relationships: links)
                print(String(decoding: try encoder.encode(answer), as: UTF8.self))
            case .text:
                if let found {
                    let report = PathReport(graph: graph, from: source, to: target, paths: [found])
                    let line = report.paths.first.map { PathReport.arrows($0, graph: graph) } ?? ""
                    print("\(graph.name(of: source)) → \(graph.name(of: target)): \(found.length) hop\(found.length == 1 ? "" : "s"): \(line)")
                } else {
                    print("\(graph.name(of: source)) → \(graph.name(of: target)): no path")
                }
            }
        }
        if unresolved > 0 { throw CommandFailure(message: "", status: 2) }
    }
}
