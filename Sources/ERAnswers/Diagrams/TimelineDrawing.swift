import ERGraph
import ERRender
import Foundation

/// A timeline drawn through Graphviz: one rank per year, top to bottom, each year a table of
/// its facts in order (date as precise as known, what changed, source numbers), the years
/// joined by the time axis. The same answer always gives the same bytes.
public enum TimelineDrawing {
    /// The DOT of the drawing.
    public static func document(_ answer: TimelineAnswer, theme: Theme = .standard) -> DOTDocument {
        var years: [String] = []
        var byYear: [String: [TimelineAnswer.Entry]] = [:]
        for entry in answer.entries {
            let year = String(entry.date.prefix(4))
            if byYear[year] == nil { years.append(year) }
            byYear[year, default: []].append(entry)
        }
        var numbering: [String: Int] = [:]
        var document = DOTDocument(name: "timeline")
        for year in years {
            var rows: [[HTMLLabel.Cell]] = [[HTMLLabel.Cell([.bold([.text(year)])], align: "left", columnSpan: 3)]]
            for entry in byYear[year] ?? [] {
                let numbers = entry.sources.map { source -> Int in
                    if let number = numbering[source] { return number }
                    numbering[source] = numbering.count + 1
                    return numbering.count
                }
                let change = entry.change == "status" ? (entry.status ?? "status") : entry.change
                rows.append([
                    HTMLLabel.Cell([.text(entry.date)], align: "left"),
                    HTMLLabel.Cell([.italic([.text(change)])], align: "left"),
                    HTMLLabel.Cell([.text(DiagramComposer.shortened(entry.subject) + (numbers.isEmpty ? "" : " " + Wording.markers(numbers)))],
                                   align: "left"),
                ])
            }
            document.nodes.append(DOTDocument.Node(id: "year-" + year, attributes: [
                "shape": .raw("plain"),
                "label": .html(HTMLLabel.table(HTMLLabel.Table(rows: rows, border: 1, cellBorder: 0, cellSpacing: 2, cellPadding: 3,
                                                              background: "#FFFFFF"))),
                "tooltip": .text("\(year): " + Wording.count(byYear[year]?.count ?? 0, "dated fact")),
            ]))
        }
        for (earlier, later) in zip(years, years.dropFirst()) {
            document.edges.append(DOTDocument.Edge(tail: "year-" + earlier, head: "year-" + later, key: "\(earlier)-\(later)",
                                                   attributes: ["color": .raw("#888888"), "penwidth": .raw("2")]))
        }
        let window = [answer.from.map { "from \($0)" }, answer.to.map { "to \($0)" }].compactMap { $0 }.joined(separator: " ")
        let title = "Timeline" + (answer.about.map { " of \($0)" } ?? "") + (window.isEmpty ? "" : " " + window)
        document.graphAttributes = [
            "label": .html(HTMLLabel([.font(size: 18, [.bold([.text(title)])])]
                                     + answer.sourceLines.flatMap { [HTMLLabel.Part.lineBreak, .font(size: 9, [.text($0.trimmingCharacters(in: .whitespaces))])] })),
            "labelloc": .raw("t"),
            "labeljust": .raw("l"),
            "fontname": .text(theme.fontName),
            "rankdir": .raw("TB"),
            "ranksep": .raw("0.3"),
            "bgcolor": .raw("white"),
            "pad": .raw("0.3"),
            "ergraph_role": .text("timeline"),
        ]
        document.nodeDefaults = ["fontname": .text(theme.fontName), "fontsize": .raw("10")]
        return document
    }

    /// The timeline laid out with dot and rendered.
    public static func draw(_ answer: TimelineAnswer, format: GraphvizFormat) throws(AnswerError) -> Data {
        do {
            return try DiagramRenderer(layout: .dot, format: format).render(document(answer)).data
        } catch {
            throw .drawing(error, entities: answer.entries.count)
        }
    }
}
