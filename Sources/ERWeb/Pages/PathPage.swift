import ERAnswers
import Foundation

/// The path finder's form as the asker filled it in, to show it again above the answer.
public struct PathForm: Sendable, Equatable {
    public var from = "", to = "", asOf = "", via = "", through = "", avoid = "", maxDegree = "", k = "", weight = ""
    public var directed = false, contracts = false, excludeUndated = false

    public init() {}

    var fields: Fields {
        ["from": from, "to": to, "asOf": asOf, "via": via, "through": through, "avoid": avoid, "maxDegree": maxDegree,
         "k": k, "weight": weight, "directed": directed, "contracts": contracts, "excludeUndated": excludeUndated,
         "kLimit": WebQuestions.kLimit]
    }
}

extension GraphPages {
    /// The answer of `ergraph path` as a page: each path's chain, money and hops with their
    /// quotes and numbered sources, and the drawing with the paths in bold.
    ///
    /// - Parameter result: the answer, or nil for the empty form.
    public func pathPage(_ result: PathQuery.Result?, query: PathQuery?, form: PathForm, links: PageLinks, story: Story? = nil,
                         downloads: [(label: String, href: String)] = []) -> String {
        var fields: Fields = ["form": form.fields, "notes": [String](), "paths": [Fields](), "noPath": false, "summary": false,
                              "storySummary": field(story?.summary), "svg": false, "diagramNote": false]
        var heading = story?.title ?? "How two entities are connected"
        var evidence = PageEvidence(graph: result?.context.graph ?? graph)
        if let result, let query {
            let answer = result.answer
            let pathGraph = result.context.graph
            if story == nil { heading = "How \(answer.from.name) is connected to \(answer.to.name)" }
            fields["notes"] = answer.notes
            if answer.paths.isEmpty {
                fields["noPath"] = query.noPathError(result).description.capitalizedFirst + "."
            } else {
                fields["summary"] = Wording.count(answer.paths.count, "path") + " from \(answer.from.name) to \(answer.to.name)."
            }
            fields["paths"] = answer.paths.enumerated().map { position, path -> Fields in
                let costNote = path.cost == Double(path.length) ? "" : ", cost \(Wording.number(path.cost))"
                let hops = path.relationships.enumerated().map { hop, link -> Fields in
                    let reached = path.nodes[hop + 1]
                    var hopFields: Fields = [
                        "statement": link.statement, "id": link.id, "independence": Wording.independence(link.independentSources),
                        "reachedFacts": hop + 1 < path.nodes.count - 1 ? field(reached.facts.map { "\(reached.name): \($0)" }) : false,
                        "contractName": false, "parallel": false,
                    ]
                    if case let .text(contract)? = link.properties["contract_name"] { hopFields["contractName"] = contract }
                    if let parallel = link.parallel, !parallel.isEmpty {
                        hopFields["parallel"] = "also linked by \(Wording.count(parallel.count, "other link")): "
                            + parallel.prefix(5).joined(separator: ", ") + (parallel.count > 5 ? ", …" : "")
                    }
                    let citations = link.sources.map { Citation(source: $0.source, quote: $0.quote, creditedTo: $0.creditedTo) }
                    hopFields.merge(evidence.citations(citations)) { _, new in new }
                    return hopFields
                }
                return ["number": position + 1, "hops": Wording.count(path.length, "hop"), "costNote": costNote,
                        "chain": PathAnswer.chain(path), "money": field(Wording.money(path.money)), "hopList": hops]
            }
            if !result.paths.isEmpty {
                let view = GraphView.paths(pathGraph, result.paths)
                fields.merge(diagrams.fields(view, of: pathGraph, subtitle: "how \(answer.from.name) connects to \(answer.to.name)",
                                             label: "The paths from \(answer.from.name) to \(answer.to.name)",
                                             entityLink: entityLinker(links))) { _, new in new }
            }
        }
        fields["heading"] = heading
        fields.merge(Download.fields(downloads.map { Download(label: $0.label, href: $0.href) })) { _, new in new }
        fields.merge(evidence.sourceFields) { _, new in new }
        return PageRenderer.render("path", frame: frame(heading, links), fields: fields)
    }
}
