import Foundation

/// Lays out and renders diagrams, in-process or, for large and force-directed layouts, in a
/// worker process that can be stopped.
public struct DiagramRenderer: Sendable {
    public var layout: GraphvizLayout
    public var format: GraphvizFormat
    public var timeout: Duration
    /// The executable that runs `render-worker`; nil renders everything in-process.
    public var worker: URL?

    public init(layout: GraphvizLayout = .dot, format: GraphvizFormat = .svg, timeout: Duration = .seconds(120),
                worker: URL? = nil) {
        self.layout = layout
        self.format = format
        self.timeout = timeout
        self.worker = worker
    }

    /// The largest PNG side, in inches at the diagrams' 96 dpi: 9,600 pixels. A generated
    /// 5,000-entity view came out at 15,491 × 10,525 pixels (63 MB) without it, more than
    /// ImageMagick would open with its default limits; SVG and PDF stay unscaled, for zooming.
    public static let largestPNGInches = 100
    /// The largest PNG written, in bytes: a drawing that would be larger is refused, with the
    /// advice to draw SVG or PDF, which scale without pixels, or less.
    public static let largestPNGBytes = 25_000_000

    public func render(_ document: DOTDocument) throws(GraphvizError) -> Rendered {
        var document = document
        if format == .png {
            // Scales down only what is larger ("size" without "!").
            document.graphAttributes["size"] = .raw("\(Self.largestPNGInches),\(Self.largestPNGInches)")
        }
        let nodeCount = document.nodes.count
        if let worker, GraphvizProcess.shouldIsolate(layout: layout, nodeCount: nodeCount, edgeCount: document.edges.count,
                                                     clusterCount: document.clusters.count) {
            return try Self.bounded(GraphvizProcess.render(dot: DOTWriter.write(document), layout: layout, format: format,
                                                           timeout: timeout, worker: worker), format: format)
        }
        var rendered = try Graphviz.render(dot: DOTWriter.write(document), layout: layout, format: format)
        if format == .pdf { rendered.data = PDFTimestamps.removed(from: rendered.data) }
        return try Self.bounded(rendered, format: format)
    }

    private static func bounded(_ rendered: Rendered, format: GraphvizFormat) throws(GraphvizError) -> Rendered {
        if format == .png && rendered.data.count > largestPNGBytes {
            throw .imageTooLarge(bytes: rendered.data.count, limit: largestPNGBytes)
        }
        return rendered
    }
}
