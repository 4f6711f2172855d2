import ERGraph
import ERRender
import Foundation

/// One diagram of a diff: every link of the newer version (and those the older had), styled by
/// how it fared, with a legend that says which style is which. SVG elements carry the link's id
/// (`link-ID`) and its change as their class, so tools can find them.
public enum DiffDrawing {
    /// Colour, line style and width per change.
    static let styles: [DiffAnswer.Change: (color: String, style: String, width: String, meaning: String)] = [
        .added: ("#009E73", "bold", "2.5", "added in the newer version"),
        .began: ("#009E73", "bold", "2.5", "began in the period"),
        .removed: ("#D55E00", "dashed", "2", "removed from the newer version"),
        .ended: ("#D55E00", "dashed", "2", "ended in the period"),
        .changed: ("#E69F00", "bold", "2", "changed (see the text answer for each field)"),
        .status: ("#E69F00", "bold", "2", "changed status in the period"),
        .unchanged: ("#BBBBBB", "solid", "1", "unchanged"),
    ]

    public static func document(_ answer: DiffAnswer, old: Graph?, new: Graph, theme: Theme = .standard) -> DOTDocument {
        var document = DOTDocument(name: "diff")
        var nodes: [String: String] = [:]  // id → name
        for index in new.entityIndices { nodes[new.id(of: index)] = new.name(of: index) }
        var links: [(Relationship, DiffAnswer.Change)] = new.relationshipIndices.map { index in
            let link = new.relationship(index)
            return (link, answer.linkChanges[link.id] ?? .unchanged)
        }
        if let old {
            for index in old.relationshipIndices where answer.linkChanges[old.id(of: index)] == .removed {
                let link = old.relationship(index)
                links.append((link, .removed))
                for end in [link.from, link.to] where nodes[end] == nil {
                    nodes[end] = old.index(ofEntity: end).map { old.name(of: $0) } ?? end
                }
            }
        }
        var used: Set<DiffAnswer.Change> = []
        for (link, change) in links {
            guard let style = styles[change] else { continue }
            used.insert(change)
            document.edges.append(DOTDocument.Edge(tail: link.from, head: link.to, key: link.id, attributes: [
                "id": .text("link-" + link.id),
                "class": .text(change.rawValue),
                "label": .text(Wording.verb(link.kind, in: new.vocabulary)),
                "color": .raw(style.color),
                "fontcolor": .raw(change == .unchanged ? "#999999" : style.color),
                "style": .raw(style.style),
                "penwidth": .raw(style.width),
                "tooltip": .text("\(change.rawValue): \(link.id)"),
            ]))
        }
        let touched = Set(links.filter { $0.1 != .unchanged }.flatMap { [$0.0.from, $0.0.to] })
        // Entities added, removed or changed themselves carry that change's colour.
        var entityChanges: [String: DiffAnswer.Change] = [:]
        for item in answer.items where item.record == "entity" { entityChanges[item.id] = DiffAnswer.Change(rawValue: item.change) }
        used.formUnion(entityChanges.values)
        for (id, name) in nodes {
            let change = entityChanges[id]
            let border = change.flatMap { styles[$0]?.color } ?? (touched.contains(id) ? "#333333" : "#BBBBBB")
            document.nodes.append(DOTDocument.Node(id: id, attributes: [
                "id": .text("entity-" + id),
                "class": .text(change?.rawValue ?? (touched.contains(id) ? "touched" : "unchanged")),
                "label": .text(DiagramComposer.shortened(name)),
                "shape": .raw("box"),
                "style": .raw("rounded,filled"),
                "fillcolor": .raw(touched.contains(id) || change != nil ? "#FFFFFF" : "#F4F4F4"),
                "color": .raw(border),
                "penwidth": .raw(change == nil ? "1" : "2"),
                "fontcolor": .raw(touched.contains(id) || change != nil ? "#111111" : "#999999"),
            ]))
        }
        var rows: [[HTMLLabel.Cell]] = [[HTMLLabel.Cell([.bold([.text("Changes from \(answer.from) to \(answer.to)")])], align: "left", columnSpan: 2)]]
        for change in DiffAnswer.Change.allCases where used.contains(change) {
            guard let style = styles[change] else { continue }
            let sample = style.style == "dashed" ? "─ ─ ─" : style.style == "bold" ? "━━━" : "───"
            rows.append([HTMLLabel.Cell([.font(color: style.color, [.bold([.text(sample)])])]),
                         HTMLLabel.Cell([.text("\(change.rawValue): \(style.meaning)")], align: "left")])
        }
        document.graphAttributes = [
            "label": .html(HTMLLabel.table(HTMLLabel.Table(rows: rows, border: 1, cellBorder: 0, cellSpacing: 2, cellPadding: 3,
                                                          background: "#FFFFFF"))),
            "labelloc": .raw("t"),
            "labeljust": .raw("l"),
            "fontname": .text(theme.fontName),
            "rankdir": .raw("LR"),
            "bgcolor": .raw("white"),
            "pad": .raw("0.3"),
            "ergraph_role": .text("diff"),
        ]
        document.nodeDefaults = ["fontname": .text(theme.fontName), "fontsize": .raw("10")]
        document.edgeDefaults = ["fontname": .text(theme.fontName), "fontsize": .raw("8")]
        return document
    }

    public static func draw(_ answer: DiffAnswer, old: Graph?, new: Graph, format: GraphvizFormat) throws(AnswerError) -> Data {
        let document = document(answer, old: old, new: new)
        let layout = GraphvizLayout.suggested(forEntities: document.nodes.count, links: document.edges.count)
        do {
            return try DiagramRenderer(layout: layout, format: format).render(document).data
        } catch {
            throw .drawing(error, entities: document.nodes.count)
        }
    }
}
