import ERGraph
import ERRender

extension DiagramComposer {
    /// Kinds and line styles set side by side in the caption, this many to a row.
    static let captionItemsPerRow = 5

    /// The print style's caption, set below the drawing as a figure's is: the title, subtitle and
    /// caption; the kinds drawn and the line styles, side by side; the sources as numbered
    /// footnotes. Type at 12 points, so that it stays readable when the figure is shrunk to a
    /// column.
    func printCaption(title: [HTMLLabel.Part], kinds: [String: Int], families: Set<LinkFamily>, sources: [Source],
                      usualSource: String?, view: GraphView) -> HTMLLabel.Table {
        let theme = options.theme
        var rows: [[HTMLLabel.Cell]] = [[HTMLLabel.Cell(title, align: "left", lineAlign: "left")]]
        var items: [[HTMLLabel.Cell]] = []
        for kind in kinds.keys.sorted() {
            items.append([HTMLLabel.Cell([.text("    ")], background: theme.entityStyle(kind).fill, width: 22, border: 1),
                          HTMLLabel.Cell([.font(size: 14, [.text(Wording.kind(kind))])], align: "left")])
        }
        for family in families.sorted() {
            let style = theme.linkStyle(family)
            items.append([HTMLLabel.Cell([.font(size: 14, color: style.color, [.bold([.text(style.sample)])])]),
                          HTMLLabel.Cell([.font(size: 14, [.text(theme.legendText(family))])], align: "left")])
        }
        var row: [HTMLLabel.Cell] = []
        var legendRows: [[HTMLLabel.Cell]] = []
        for item in items {
            row += item
            if row.count == 2 * Self.captionItemsPerRow {
                legendRows.append(row)
                row = []
            }
        }
        if !row.isEmpty { legendRows.append(row) }
        if !legendRows.isEmpty {
            rows.append([HTMLLabel.Cell([.table(HTMLLabel.Table(rows: legendRows, cellSpacing: 2, cellPadding: 2))], align: "left")])
        }
        if view.asOf != nil || (view.isHighlighting && view.highlightedEntities.count < view.entities.count) {
            var notes: [String] = []
            if let date = view.asOf { notes.append("\(Self.undatedMark): no dates, kept as of \(date) as nothing says otherwise") }
            if view.isHighlighting { notes.append("grey: outside the highlighted path") }
            rows.append([HTMLLabel.Cell([.font(size: 14, [.text(notes.joined(separator: " · "))])], align: "left")])
        }
        if !sources.isEmpty {
            var footnotes: [HTMLLabel.Part] = [.font(size: 14, [.bold([.text(sources.count == 1 ? "Source" : "Sources")])])]
            for (position, source) in sources.enumerated() {
                let usual = source.id == usualSource ? " (every link without a number)" : ""
                footnotes += [.lineBreak, .font(size: 14, [.text(Self.wrapped("[\(position + 1)] " + Wording.source(source) + usual, width: 120))])]
            }
            rows.append([HTMLLabel.Cell(footnotes, align: "left", lineAlign: "left")])
        }
        return HTMLLabel.Table(rows: rows, cellSpacing: 4, cellPadding: 2)
    }
}

extension DiagramComposer {
    /// The source cited by the most links of `view` (the first listed among equals), if any.
    static func mostCitedSource(_ view: GraphView, graph: Graph) -> String? {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for link in view.relationships {
            let record = graph.relationship(link)
            for source in Set((record.citations + record.events.flatMap(\.citations)).map(\.source)) {
                if counts[source] == nil { order.append(source) }
                counts[source, default: 0] += 1
            }
        }
        return order.max { (counts[$0] ?? 0, order.firstIndex(of: $1) ?? 0) < (counts[$1] ?? 0, order.firstIndex(of: $0) ?? 0) }
    }
}
