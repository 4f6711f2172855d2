import ArgumentParser
import ERGraph

/// `ergraph owners ENTITY`: who owns or contains an entity, up to the ultimate parents.
struct OwnersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "owners",
        abstract: "Follow ownership and part-of links up to the ultimate parents, with dates; cycles are reported.")

    @Argument(help: "The entity (id, name or alias).") var entity: String
    @OptionGroup var graphOptions: GraphOptions
    @Option(name: .customLong("as-of"), help: ArgumentHelp("Only links valid on this date.", valueName: "date"))
    var asOf: String?
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text

    struct Step: Encodable {
        var child: String
        var parent: String
        var relationship: String
        var kind: String
        var start: String?
        var end: String?
    }

    struct Report: Encodable {
        var entity: String
        var ultimateParents: [String]
        var chains: [[Step]]
        var cycles: [[String]]
    }

    func validate() throws {
        if let asOf, PartialDate(asOf) == nil { throw ValidationError("--as-of '\(asOf)' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD") }
    }

    func run() throws {
        let graph = try graphOptions.load()
        let start = try graph.entity(named: entity)
        let result = graph.ownershipChains(of: start, asOf: asOf.flatMap(PartialDate.init))
        let report = Report(
            entity: graph.id(of: start), ultimateParents: result.ultimateParents.map { graph.id(of: $0) },
            chains: result.chains.map { chain in
                chain.map { step in
                    let validity = graph.validity(of: step.relationship)
                    return Step(child: graph.id(of: step.child), parent: graph.id(of: step.parent),
                                relationship: graph.id(of: step.relationship), kind: graph.kind(of: step.relationship),
                                start: validity.start?.description, end: validity.end?.description)
                }
            },
            cycles: result.cycles.map { $0.map { graph.id(of: $0) } })
        if format == .json {
            print(try Terminal.json(report))
            return
        }
        var lines: [String] = []
        if result.chains.isEmpty {
            lines.append("\(graph.name(of: start)) has no owner or parent in this dataset")
        } else {
            let names = result.ultimateParents.map { graph.name(of: $0) }
            lines.append("\(graph.name(of: start)): ultimate parent\(names.count == 1 ? "" : "s"): \(names.joined(separator: ", "))")
            for chain in result.chains {
                var line = "  " + graph.name(of: start)
                for step in chain {
                    let dates = Describe.validity(graph.validity(of: step.relationship)).map { " (\($0))" } ?? ""
                    line += " —\(graph.kind(of: step.relationship).replacingOccurrences(of: "_", with: " "))\(dates)→ \(graph.name(of: step.parent))"
                }
                lines.append(line)
            }
        }
        for cycle in result.cycles {
            lines.append("  warning: cycle: " + (cycle + [cycle[0]]).map { graph.name(of: $0) }.joined(separator: " → "))
        }
        print(lines.joined(separator: "\n"))
    }
}
