import ArgumentParser
import ERAnswers

/// What `--as-of` does with links that have no dates.
enum UndatedLinks: String, ExpressibleByArgument, CaseIterable {
    case keep, exclude
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

    @Option(help: ArgumentHelp("With --as-of: keep links that have no dates (the default; answers name them) or exclude them.",
                               valueName: "keep|exclude"))
    var undated: UndatedLinks = .keep

    @OptionGroup var contracts: ContractArguments

    var keepContractNodes: Bool { contracts.keepContractNodes }

    func validate() throws {
        if let maxDegree, maxDegree < 0 { throw ValidationError("--max-degree must be zero or more") }
        if let asOf, PartialDate(asOf) == nil {
            throw ValidationError("--as-of '\(asOf)' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
        }
    }

    static func list(_ text: String?) -> [String]? {
        text.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
    }

    func constraints(direction: Direction) -> TraversalConstraints {
        TraversalConstraints(direction: direction, via: Self.list(via), through: Self.list(through),
                             avoid: Self.list(avoid) ?? [], maxDegree: maxDegree, asOf: asOf.flatMap(PartialDate.init),
                             excludeUndated: undated == .exclude)
    }
}
