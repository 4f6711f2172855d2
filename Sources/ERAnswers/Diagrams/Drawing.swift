import ERGraph
import ERRender
import Foundation

/// A drawing to make: which view, how it looks, how it is laid out. Every answer that can be
/// drawn (the whole graph, a focus, a path, query results) goes through this one value.
public struct DrawingRequest: Sendable {
    public var title: String?
    public var subtitle: String?
    public var clusterBy: ClusterMode
    /// The layout engine; nil lets ``layoutChoice(forEntities:)`` choose.
    public var layout: GraphvizLayout?
    public var format: GraphvizFormat
    public var timeout: Duration
    /// The executable that runs layouts in a child process (the `ergraph` binary); nil keeps
    /// every layout in-process.
    public var worker: URL?
    /// Where clicking an entity leads (``DiagramComposer/Options/entityLink``).
    public var entityLink: (@Sendable (String) -> String?)?
    /// Drawn for a page that words the rest (``DiagramComposer/Options/onPage``).
    public var onPage: Bool
    /// Drawings made before, to answer again without a layout (a server's); nil draws every time.
    public var cache: DrawingCache?
    /// Where the drawing will be seen (``DiagramStyle``), and a sentence for its caption.
    public var style: DiagramStyle = .screen
    public var caption: String?

    public init(title: String? = nil, subtitle: String? = nil, clusterBy: ClusterMode = .none, layout: GraphvizLayout? = nil,
                format: GraphvizFormat = .svg, timeout: Duration = .seconds(120), worker: URL? = nil,
                entityLink: (@Sendable (String) -> String?)? = nil, onPage: Bool = false) {
        self.entityLink = entityLink
        self.onPage = onPage
        self.title = title
        self.subtitle = subtitle
        self.clusterBy = clusterBy
        self.layout = layout
        self.format = format
        self.timeout = timeout
        self.worker = worker
    }

    /// The engine for a view of `entityCount` entities and `linkCount` links, and whether it was
    /// chosen for the asker (so they can be told): dot's layered drawing reads best, but on dense
    /// or very large views it runs for minutes where sfdp takes seconds
    /// (``GraphvizLayout/suggested(forEntities:links:)``).
    public func layoutChoice(forEntities entityCount: Int, links linkCount: Int = 0) -> (layout: GraphvizLayout, chosenForSize: Bool) {
        if let layout { return (layout, false) }
        let suggested = GraphvizLayout.suggested(forEntities: entityCount, links: linkCount)
        return (suggested, suggested != .dot)
    }

    /// A drawing made: the bytes, and what the asker should know.
    public struct Drawn: Sendable {
        public var data: Data
        /// The composer's notes (a dropped link) and Graphviz's warnings.
        public var warnings: [String]
        /// Set when the engine was picked because the view is large or dense: the counts and the engine.
        public var layoutChosen: (entities: Int, links: Int, layout: GraphvizLayout)?
    }

    /// Composes `view` of `graph` and lays it out and renders it.
    public func draw(_ view: GraphView, of graph: Graph) throws(AnswerError) -> Drawn {
        var diagram = DiagramComposer(options: .init(title: title, subtitle: subtitle, clusterBy: clusterBy,
                                                     entityLink: entityLink, onPage: onPage, style: style,
                                                     caption: caption)).compose(view, of: graph)
        // Graphviz 2.42 writes an SVG drawn at any dpi but 72 scaled up inside a viewBox that is
        // not: browsers then show only its top-left three quarters. SVG sizes are in points anyway.
        if format == .svg { diagram.document.graphAttributes["dpi"] = .raw("72") }
        let entityCount = view.entities.count
        let linkCount = view.relationships.count
        let choice = layoutChoice(forEntities: entityCount, links: linkCount)
        let layoutChosen = choice.chosenForSize ? (entityCount, linkCount, choice.layout) : nil
        let key = cache.map { _ in choice.layout.rawValue + " " + format.rawValue + "\n" + diagram.dot }
        if let cache, let key, let known = cache.drawing(for: key) {
            return Drawn(data: known.data, warnings: known.warnings, layoutChosen: layoutChosen)
        }
        let renderer = DiagramRenderer(layout: choice.layout, format: format, timeout: timeout, worker: worker)
        let rendered: Rendered
        do {
            rendered = try renderer.render(diagram.document)
        } catch {
            throw .drawing(error, entities: entityCount)
        }
        let warnings = diagram.warnings + rendered.warnings.map { "graphviz: \($0)" }
        if let cache, let key { cache.store(rendered.data, warnings: warnings, for: key) }
        return Drawn(data: rendered.data, warnings: warnings, layoutChosen: layoutChosen)
    }
}
