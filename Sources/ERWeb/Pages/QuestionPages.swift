import ERAnswers
import Foundation

extension GraphPages {
    /// The Cypher box: the query, its table (entities linked to their pages), the drawing of
    /// what it binds; or the error with its caret.
    public func queryPage(text: String, contracts: Bool, answer: QueryAnswer?, problem: String?, links: PageLinks,
                          downloads: [(label: String, href: String)] = []) -> String {
        var fields: Fields = ["text": text, "contracts": contracts, "problem": field(problem), "hasResult": answer != nil,
                              "workLimit": Wording.grouped(CypherQuestion.defaultWorkLimit), "svg": false, "diagramNote": false,
                              "columns": [String](), "rows": [Fields](), "rowCount": ""]
        if let answer {
            fields["columns"] = answer.columns
            fields["rowCount"] = Wording.count(answer.cells.count, "row")
            fields["rows"] = answer.cells.map { row -> Fields in
                ["cells": row.map { cell -> Fields in
                    ["text": cell.text, "href": cell.entity.flatMap { entityHref(id: $0, links) } ?? false]
                }]
            }
            let view = answer.boundView
            if !view.entities.isEmpty {
                fields.merge(diagrams.fields(view, of: answer.graph, subtitle: "what the query binds", label: "What the query binds",
                                             entityLink: entityLinker(links))) { _, new in new }
            }
        }
        fields.merge(Download.fields(downloads.map { Download(label: $0.label, href: $0.href) })) { _, new in new }
        return PageRenderer.render("query", frame: frame("Cypher query", links), fields: fields)
    }

    /// The dated facts in order (`ergraph timeline`), with their evidence.
    public func timelinePage(_ answer: TimelineAnswer, form: (entity: String, from: String, to: String), links: PageLinks,
                             downloads: [(label: String, href: String)] = []) -> String {
        var evidence = PageEvidence(graph: graph)
        let labels = ["begins": "began", "ends": "ended", "status": "status"]
        let entries = answer.entries.map { entry -> Fields in
            var fields: Fields = ["date": entry.date, "change": entry.change, "changeLabel": labels[entry.change] ?? entry.change,
                                  "what": entry.what]
            fields.merge(evidence.citations(entry.evidence)) { _, new in new }
            return fields
        }
        let window = [answer.from.map { "from \($0)" }, answer.to.map { "to \($0)" }].compactMap { $0 }.joined(separator: " ")
        let heading = "Timeline" + (answer.about.map { " of \($0)" } ?? "") + (window.isEmpty ? "" : " " + window)
        var fields: Fields = ["heading": heading, "count": Wording.count(answer.entries.count, "dated fact"), "entries": entries,
                              "form": ["entity": form.entity, "from": form.from, "to": form.to] as Fields]
        fields.merge(Download.fields(downloads.map { Download(label: $0.label, href: $0.href) })) { _, new in new }
        fields.merge(evidence.sourceFields) { _, new in new }
        return PageRenderer.render("timeline", frame: frame(heading, links), fields: fields)
    }

    /// What began, ended or changed status between two dates (`ergraph diff --from --to`).
    public func diffPage(_ answer: DiffAnswer?, form: (from: String, to: String), links: PageLinks,
                         downloads: [(label: String, href: String)] = []) -> String {
        var evidence = PageEvidence(graph: graph)
        let items = (answer?.items ?? []).map { item -> Fields in
            var fields: Fields = ["date": item.date ?? "", "change": item.change, "what": item.what]
            fields.merge(evidence.citations(item.evidence)) { _, new in new }
            return fields
        }
        let heading = answer.map { "Changes from \($0.from) to \($0.to)" } ?? "What changed between two dates"
        var fields: Fields = ["heading": heading, "hasItems": answer != nil, "items": items,
                              "count": Wording.count(items.count, "change"),
                              "form": ["from": form.from, "to": form.to] as Fields]
        fields.merge(Download.fields(downloads.map { Download(label: $0.label, href: $0.href) })) { _, new in new }
        fields.merge(evidence.sourceFields) { _, new in new }
        return PageRenderer.render("diff", frame: frame(heading, links), fields: fields)
    }

    /// Search results as a page, for a search sent without the script.
    public func searchPage(query: String, links: PageLinks) -> String {
        let results = search.search(query, limit: 50)
        let fields: Fields = [
            "query": query, "count": Wording.count(results.count, "match", "matches") + (results.count == 50 ? " (the first 50)" : ""),
            "results": results.map { result -> Fields in
                ["name": result.name, "kind": result.kind, "match": field(result.match),
                 "page": links.entity(slug: slugs.slug(of: result.entity))]
            },
        ]
        return PageRenderer.render("search", frame: frame("Search", links), fields: fields)
    }
}
