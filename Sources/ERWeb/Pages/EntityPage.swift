import ERAnswers
import Foundation

extension GraphPages {
    /// One entity as `ergraph show` gives it: facts, properties, its own evidence, its links in
    /// and out worded from its side with their quotes, and a drawing of its neighbourhood whose
    /// entities lead to their pages.
    public func entityPage(_ index: EntityIndex, links: PageLinks, downloads: [(label: String, href: String)] = []) -> String {
        let answer = EntityAnswer(index, in: graph)
        let record = answer.entity
        var evidence = PageEvidence(graph: graph)
        var fields: Fields = [
            "name": record.name, "id": record.id, "kindLabel": Wording.kind(record.kind),
            "aliases": field(record.aliases.joined(separator: ", ")), "facts": field(Wording.facts(of: record)),
        ]
        let properties = record.properties.sorted { $0.key < $1.key }.map { ["key": Wording.kind($0.key), "value": "\($0.value)"] as Fields }
        fields["hasProperties"] = !properties.isEmpty
        fields["properties"] = properties
        fields.merge(evidence.citations(record.citations)) { _, new in new }

        func linkFields(_ relationship: Relationship, forward: Bool) -> Fields {
            let otherID = forward ? relationship.to : relationship.from
            let otherName = graph.index(ofEntity: otherID).map { graph.name(of: $0) } ?? otherID
            let statement = Wording.statement(relationship, from: record.name, to: otherName, forward: forward, in: graph.vocabulary)
            var link: Fields = ["id": relationship.id, "otherName": otherName,
                                "otherHref": entityHref(id: otherID, links) ?? links.home,
                                "independence": Wording.independence(answer.independentSources[relationship.id] ?? 0)]
            if let pieces = Self.split(statement, ownName: record.name, otherName: otherName) {
                link["before"] = pieces.before
                link["after"] = pieces.after
            } else {
                link["before"] = statement + " · "
                link["after"] = ""
            }
            if case let .text(contract)? = relationship.properties["contract_name"] { link["contractName"] = contract } else {
                link["contractName"] = false
            }
            link.merge(evidence.citations(relationship.citations + relationship.events.flatMap(\.citations))) { _, new in new }
            return link
        }
        var groups: [Fields] = []
        if !answer.outgoing.isEmpty {
            groups.append(["heading": "Outgoing links", "count": answer.outgoing.count,
                           "links": answer.outgoing.map { linkFields($0, forward: true) }])
        }
        if !answer.incoming.isEmpty {
            groups.append(["heading": "Incoming links", "count": answer.incoming.count,
                           "links": answer.incoming.map { linkFields($0, forward: false) }])
        }
        fields["groups"] = groups
        fields["timelineHref"] = links.question("timeline", [("entity", record.id)])
        if let focus = focusView(of: record.id) {
            fields.merge(diagrams.fields(focus.view, of: focus.context.graph, subtitle: focus.subtitle,
                                         label: "\(record.name) and the entities linked to it",
                                         entityLink: entityLinker(links))) { _, new in new }
        } else {
            fields["svg"] = false
            fields["diagramNote"] = false
        }
        fields.merge(Download.fields(downloads.map { Download(label: $0.label, href: $0.href) })) { _, new in new }
        fields.merge(evidence.sourceFields) { _, new in new }
        return PageRenderer.render("entity", frame: frame(record.name, links), fields: fields)
    }

    /// The neighbourhood drawn on an entity's page: one link deep, contracts folded into the
    /// links they stand for, as `ergraph render --focus ENTITY` draws it; a contract's own page
    /// draws it as an entity.
    func focusView(of id: String) -> MapQuery.Result? {
        let folded = MapQuery(focus: id, depth: 1)
        if let result = try? folded.run(on: opened) { return result }
        return try? MapQuery(focus: id, depth: 1, keepContractNodes: true).run(on: opened)
    }
}
