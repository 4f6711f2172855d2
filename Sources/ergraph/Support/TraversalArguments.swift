import ArgumentParser
import ERGraph
import Foundation

/// How answers that are tables print.
enum AnswerFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv
}

/// The constraints shared by every traversal command.
struct TraversalArguments: ParsableArguments {
    @Option(help: ArgumentHelp("Only follow links of these kinds, comma-separated.", valueName: "kinds"))
    var via: String?

    @Option(help: ArgumentHelp("Only pass through entities of these kinds (the ends are exempt).", valueName: "kinds"))
    var through: String?

    @Option(help: ArgumentHelp("Never pass through these entities, comma-separated ids or names.", valueName: "entities"))
    var avoid: String?

    @Option(name: .customLong("max-degree"),
            help: ArgumentHelp("Do not pass through entities with more links than this (skip hubs).", valueName: "n"))
    var maxDegree: Int?

    @Option(name: .customLong("as-of"), help: ArgumentHelp(
        "Only links valid on this date (YYYY, YYYY-MM or YYYY-MM-DD): started by its end, not ended before its start.",
        valueName: "date"))
    var asOf: String?

    @Flag(name: .customLong("keep-contract-nodes"),
          help: "Walk contracts as entities instead of folding each into a buyer → vendor link.")
    var keepContractNodes = false

    func validate() throws {
        if let maxDegree, maxDegree < 0 { throw ValidationError("--max-degree must be zero or more") }
        if let asOf, PartialDate(asOf) == nil {
            throw ValidationError("--as-of '\(asOf)' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
        }
    }

    static func list(_ text: String?) -> [String]? {
        text.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
    }

    /// The options for `graph`, checking kinds and entity names against it.
    func options(for graph: Graph, direction: Direction) throws -> TraversalOptions {
        var options = TraversalOptions(direction: direction, maxDegree: maxDegree, asOf: asOf.flatMap(PartialDate.init))
        if let kinds = Self.list(via) {
            try Self.check(kinds, known: graph.vocabulary.relationshipKinds.map(\.id), what: "relationship kind")
            options.relationshipKinds = Set(kinds)
        }
        if let kinds = Self.list(through) {
            try Self.check(kinds, known: graph.vocabulary.entityKinds.map(\.id), what: "entity kind")
            options.intermediateKinds = Set(kinds)
        }
        for name in Self.list(avoid) ?? [] { options.avoid.insert(try graph.entity(named: name)) }
        return options
    }

    private static func check(_ kinds: [String], known: [String], what: String) throws {
        for kind in kinds where !known.contains(kind) {
            throw CommandFailure.usage("unknown \(what) '\(kind)'" + Suggestions.didYouMean(kind, among: known)
                                       + "; 'ergraph kinds' lists them")
        }
    }
}

/// A loaded dataset ready for traversal: contracts folded into links unless asked otherwise.
struct TraversalGraph {
    let graph: Graph
    private let original: Graph

    init(graphOptions: GraphOptions, keepContractNodes: Bool) throws {
        original = try graphOptions.load()
        graph = keepContractNodes ? original : ContractProjection.collapse(original).graph
    }

    /// Resolves a name, explaining when it names a contract that the projection folded away.
    func entity(named name: String) throws -> EntityIndex {
        do {
            return try graph.entity(named: name)
        } catch let failure as CommandFailure {
            if case let .found(folded) = EntityResolver(graph: original).resolve(name), graph.index(ofEntity: original.id(of: folded)) == nil {
                throw CommandFailure.usage("'\(name)' is a contract, folded into the link between its buyer and vendor; "
                                           + "add --keep-contract-nodes to walk contracts as entities")
            }
            throw failure
        }
    }
}
