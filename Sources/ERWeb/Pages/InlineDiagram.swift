import ERAnswers
import Foundation

/// Drawings on pages: the SVG that libgvc makes, cut to the `<svg>` element so that it sits in
/// the page, where its entities are links to their pages and its tooltips hold the quotes.
struct InlineDiagram {
    /// Views larger than this are not drawn on a page (the layout would take long and the
    /// drawing would not read); the page says so and offers the download.
    static let pageLimit = 80
    /// Views larger than this are not drawn on request at all.
    static let downloadLimit = 5_000

    var worker: URL?
    var timeout: Duration
    /// Shared by every request: a page asked for again is drawn once.
    let cache = DrawingCache()

    /// The page fields of a drawing of `view` (`svg`, or `diagramNote` saying why there is none).
    func fields(_ view: GraphView, of graph: Graph, subtitle: String?, label: String,
                entityLink: @escaping @Sendable (String) -> String?) -> Fields {
        guard !view.entities.isEmpty else { return ["svg": false, "diagramNote": false, "diagramLabel": label] }
        guard view.entities.count <= Self.pageLimit else {
            return ["svg": false, "diagramLabel": label,
                    "diagramNote": "\(Wording.count(view.entities.count, "entity", "entities")) is more than a page draws "
                        + "(\(Self.pageLimit)); the download below has the drawing."]
        }
        do {
            let drawn = try draw(view, of: graph, format: .svg, subtitle: subtitle, entityLink: entityLink, onPage: true)
            return ["svg": Self.inline(String(decoding: drawn, as: UTF8.self)), "diagramNote": false, "diagramLabel": label]
        } catch {
            return ["svg": false, "diagramNote": "The drawing could not be made: \(error.description)", "diagramLabel": label]
        }
    }

    /// The drawing as a file (SVG, PNG or PDF).
    func draw(_ view: GraphView, of graph: Graph, format: GraphvizFormat, subtitle: String?,
              entityLink: (@Sendable (String) -> String?)? = nil, onPage: Bool = false,
              style: DiagramStyle = .screen) throws(WebError) -> Data {
        guard view.entities.count <= Self.downloadLimit else {
            throw .drawingTooLarge("\(Wording.count(view.entities.count, "entity", "entities")) is more than a drawing on request holds "
                            + "(\(Wording.grouped(Self.downloadLimit))): draw it with `ergraph render`")
        }
        var request = DrawingRequest(subtitle: subtitle, format: format, timeout: timeout, worker: worker, entityLink: entityLink,
                                     onPage: onPage)
        request.cache = cache
        request.style = style
        do {
            return try request.draw(view, of: graph).data
        } catch {
            throw .answer(error)
        }
    }

    /// The `<svg>` element alone: no XML prolog or doctype (not allowed inside HTML) and no
    /// comments (Graphviz writes entity ids into them, and a comment is where a crafted id
    /// would try to end one).
    static func inline(_ svg: String) -> String {
        // Over bytes: Foundation's `range(of:)` on the String was 40% of serving an entity page.
        let bytes = Array(svg.utf8)
        let open = Array("<!--".utf8), close = Array("-->".utf8), element = Array("<svg".utf8)
        func matches(_ pattern: [UInt8], at index: Int) -> Bool {
            index + pattern.count <= bytes.count && bytes[index..<index + pattern.count].elementsEqual(pattern)
        }
        guard var index = bytes.indices.first(where: { matches(element, at: $0) }) else { return "" }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count - index)
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<") && matches(open, at: index) {
                var end = index + open.count
                while end < bytes.count && !matches(close, at: end) { end += 1 }
                index = min(bytes.count, end + close.count)
                continue
            }
            out.append(bytes[index])
            index += 1
        }
        while let last = out.last, last == 0x0A || last == 0x20 || last == 0x0D || last == 0x09 { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }
}
