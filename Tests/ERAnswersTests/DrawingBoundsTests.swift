import ERAnswers
import ERFormats
import ERGraph
import ERRender
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// The print style's geometry read from its SVG, the engine chosen by density, the layouts kept
/// where a timeout can stop them, and what links and focus entities look like.
@Suite("Drawing styles and bounds")
struct DrawingBoundsTests {
    static let dataset = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Graph/ice-surveillance.yaml").path

    /// Every text of an SVG with its box, estimated from its font size and characters (narrow
    /// ones, such as dots and spaces, at 0.3 em; capitals 0.65; others 0.55).
    struct TextBox {
        var text: String, size: Double, minX: Double, minY: Double, maxX: Double, maxY: Double
    }

    final class SVGTexts: NSObject, XMLParserDelegate {
        var width = 0.0, height = 0.0, offset = (x: 0.0, y: 0.0)
        var boxes: [TextBox] = []
        private var pending: (x: Double, y: Double, size: Double, anchor: String)?
        private var text = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if name == "svg" {
                width = Double(attributes["width"]?.dropLast(2) ?? "") ?? 0
                height = Double(attributes["height"]?.dropLast(2) ?? "") ?? 0
            }
            if name == "g", attributes["id"] == "graph0", let transform = attributes["transform"],
               let range = transform.range(of: #"translate\(([-0-9.]+) ([-0-9.]+)\)"#, options: .regularExpression) {
                let numbers = transform[range].dropFirst("translate(".count).dropLast().split(separator: " ").compactMap { Double($0) }
                if numbers.count == 2 { offset = (numbers[0], numbers[1]) }
            }
            if name == "text" {
                pending = (Double(attributes["x"] ?? "") ?? 0, Double(attributes["y"] ?? "") ?? 0,
                           Double(attributes["font-size"] ?? "") ?? 0, attributes["text-anchor"] ?? "start")
                text = ""
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { if pending != nil { text += string } }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            guard name == "text", let found = pending else { return }
            pending = nil
            guard !text.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\u{A0}"))).isEmpty else { return }
            let ems = text.reduce(0.0) { sum, character in
                sum + (" .,:;·'il|!()\u{A0}".contains(character) ? 0.3 : character.isUppercase ? 0.65 : 0.55)
            }
            let width = ems * found.size
            let x = found.x + offset.x, y = found.y + offset.y
            let minX = found.anchor == "middle" ? x - width / 2 : found.anchor == "end" ? x - width : x
            boxes.append(TextBox(text: text, size: found.size, minX: minX, minY: y - 0.8 * found.size, maxX: minX + width, maxY: y + 0.2 * found.size))
        }
    }

    func printSVG() throws -> SVGTexts {
        let opened = try OpenedGraph.open(.datasets([Self.dataset]))
        var request = DrawingRequest(format: .svg)
        request.style = .print
        let graph = opened.folded.graph
        let drawn = try request.draw(.whole(graph), of: graph)
        let texts = SVGTexts()
        let parser = XMLParser(data: drawn.data)
        parser.delegate = texts
        #expect(parser.parse())
        return texts
    }

    @Test("print style on the default dataset: landscape between 4:3 and 16:9, no text over another, the caption below and under a fifth")
    func printGeometry() throws {
        let svg = try printSVG()
        let aspect = svg.width / svg.height
        #expect(aspect >= 4.0 / 3.0 && aspect <= 16.0 / 9.0, "aspect \(aspect)")
        #expect(svg.width == 2491 && svg.height == 1624)
        var overlapping: [String] = []
        for (index, a) in svg.boxes.enumerated() {
            // Lines of one label stand a type size apart, so their estimated boxes touch; only a
            // shared strip wider than half a point counts as one text over another.
            let slack = 0.5
            for b in svg.boxes[(index + 1)...]
            where a.minX + slack < b.maxX && b.minX + slack < a.maxX && a.minY + slack < b.maxY && b.minY + slack < a.maxY {
                overlapping.append("\(a.text) / \(b.text)")
            }
        }
        #expect(overlapping.isEmpty, "\(overlapping)")
        // The smallest type is 14 pt; shrunk to an article's 1,200 pixels it is 5.1 pt, short of
        // the 9 pt the open issue asks (README, "Drawing a map").
        let smallest = try #require(svg.boxes.map(\.size).min())
        #expect(smallest == 14)
        #expect(((smallest * 900 / svg.width) * 10).rounded() / 10 == 5.1)
        // The caption starts at the title and runs to the foot; nothing of the drawing is in it.
        let title = try #require(svg.boxes.first { $0.text == "ICE surveillance technology supply chain" })
        let captionBoxes = svg.boxes.filter { $0.minY >= title.minY }
        let drawingBoxes = svg.boxes.filter { $0.minY < title.minY }
        #expect(drawingBoxes.allSatisfy { $0.maxY < title.minY })
        #expect(captionBoxes.contains { $0.text.hasPrefix("[1] Bitget News (Bitget-RWA)") })
        let captionShare = (svg.height - title.minY) / svg.height
        #expect(captionShare < 0.2, "the caption takes \(captionShare) of the figure")
        #expect((captionShare * 100).rounded() == 13)
    }

    @Test("print labels links only with money, dates and status; screen with their kind and sources")
    func printLabels() throws {
        let opened = try OpenedGraph.open(.datasets([Self.dataset]))
        let graph = opened.folded.graph
        let printed = DiagramComposer(options: .init(style: .print)).compose(.whole(graph), of: graph).dot
        let screen = DiagramComposer(options: .init(style: .screen)).compose(.whole(graph), of: graph).dot
        #expect(printed.contains(#""label"="since 2024-12""#))
        #expect(!printed.contains(#""label"="acquired"#))
        #expect(screen.contains(#""label"="acquired\nsince 2024-12 [1] †""#))
        #expect(printed.contains(#""labelloc"="b""#) && printed.contains(#""ratio"="0.5625""#))
        // The article, which most links cite, is named once in the footnotes; the one link from
        // another source carries its number.
        #expect(printed.contains("[1] Bitget News (Bitget-RWA), rewriting TechCrunch&#39;s reporting"))
        #expect(printed.contains("(every link without a number)"))
        #expect(printed.components(separatedBy: #""label"="[2]""#).count == 2)
        #expect(!printed.contains("ergraph-legend") && screen.contains("ergraph-legend"))
    }

    @Test("dot for sparse views, sfdp for dense or very large ones, at the measured thresholds")
    func engineByDensity() {
        #expect(GraphvizLayout.suggested(forEntities: 46, links: 70) == .dot)
        #expect(GraphvizLayout.suggested(forEntities: 30, links: 120) == .dot)
        #expect(GraphvizLayout.suggested(forEntities: 500, links: 750) == .dot)
        #expect(GraphvizLayout.suggested(forEntities: 100, links: 151) == .sfdp)
        #expect(GraphvizLayout.suggested(forEntities: 100, links: 1_000) == .sfdp)
        #expect(GraphvizLayout.suggested(forEntities: 111, links: 1_101) == .sfdp)
        #expect(GraphvizLayout.suggested(forEntities: 2_001, links: 0) == .sfdp)
        let request = DrawingRequest()
        #expect(request.layoutChoice(forEntities: 100, links: 1_000) == (.sfdp, true))
        #expect(request.layoutChoice(forEntities: 46, links: 70) == (.dot, false))
    }

    @Test("only small layouts stay in-process, where no timeout could stop them")
    func isolation() {
        #expect(!GraphvizProcess.shouldIsolate(layout: .dot, nodeCount: 60, edgeCount: 100))
        #expect(GraphvizProcess.shouldIsolate(layout: .dot, nodeCount: 61, edgeCount: 10))
        #expect(GraphvizProcess.shouldIsolate(layout: .dot, nodeCount: 30, edgeCount: 101))
        #expect(GraphvizProcess.shouldIsolate(layout: .sfdp, nodeCount: 3, edgeCount: 2))
        #expect(GraphvizError.imageTooLarge(bytes: 31_200_000, limit: 25_000_000).description
                == "the PNG would be 31.2 MB, over the 25 MB a PNG may hold: draw it as SVG or PDF, or draw less")
    }

    @Test("a link of no named kind is not labelled 'edge'; a focus entity has a double border")
    func unnamedLinksAndFocus() throws {
        let imported = try DOTImporter.read(dotBytes: Data("digraph { a -> b; b -> c [label=\"x\"] }".utf8), sourceName: "plain.gv")
        let graph = imported.graph
        let dot = DiagramComposer().compose(.whole(graph), of: graph).dot
        #expect(!dot.contains(#""label"="edge"#))
        let focus = try #require(graph.index(ofEntity: "b"))
        let focused = DiagramComposer().compose(.focus(graph, on: focus, depth: 1), of: graph).dot
        #expect(focused.contains(#""peripheries"="2""#))
        #expect(focused.components(separatedBy: #""peripheries"="2""#).count == 2)
    }
}
