import CGraphviz
import Foundation

/// A layout engine of Graphviz.
public enum GraphvizLayout: String, Sendable, CaseIterable {
    case dot, neato, fdp, sfdp, circo, twopi

    /// Engines whose output differs between calls in one process (docs/GRAPHVIZ.md, "Determinism"):
    /// reproducible output needs a fresh process per layout.
    public var isReproducibleInProcess: Bool { self != .fdp && self != .sfdp }

    /// Above this many entities a drawing is laid out with sfdp unless another engine is asked for.
    public static let dotEntityLimit = 2_000

    /// Views with at most this many links are always laid out with dot: small enough at any density.
    public static let dotAnyDensityLinks = 120
    /// Above this many links per entity (and ``dotAnyDensityLinks`` links) a view is too dense for dot.
    public static let dotLinksPerEntity = 1.5

    /// The engine for a drawing when none is asked for. dot's layered drawing reads best, but its
    /// cost grows with density far more than with size. Measured with the `dot` CLI on generated
    /// hub-heavy views with labelled links (bench/results/render.md): 300 entities / 450 links took
    /// 0.8 s and 500 / 750 took 2.8 s, but 100 / 200 took 2.7 s, 100 / 250 6.4 s, 200 / 400
    /// 18.7 s, 50 / 300 39 s, and 100 / 500 did not finish in a minute; a real 111-entity focus
    /// with 1,101 links ran 3 min 54 s, where sfdp took 9.5 s. Beyond a few thousand entities dot
    /// takes minutes at any density (5,000 entities: over 5 minutes; sfdp about 16 s).
    public static func suggested(forEntities entityCount: Int, links linkCount: Int = 0) -> GraphvizLayout {
        if entityCount > dotEntityLimit { return .sfdp }
        if linkCount <= dotAnyDensityLinks { return .dot }
        return Double(linkCount) <= dotLinksPerEntity * Double(entityCount) ? .dot : .sfdp
    }
}

/// An output format Graphviz renders to.
public enum GraphvizFormat: String, Sendable, CaseIterable {
    case svg, png, pdf, dot, json, plain

    /// The format a file name asks for, from its extension.
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "svg": self = .svg
        case "png": self = .png
        case "pdf": self = .pdf
        case "dot", "gv": self = .dot
        case "json": self = .json
        case "plain", "txt": self = .plain
        default: return nil
        }
    }
}

/// Why Graphviz could not read, lay out or render a graph. Messages are Graphviz's own,
/// captured rather than left on standard error.
public enum GraphvizError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The DOT text could not be read; Graphviz's parser message (with its line).
    case invalidDOT(String)
    /// A layout or rendering failed; Graphviz's message.
    case failed(String)
    /// A layout in the worker process ran past its time limit and was stopped.
    case layoutTimedOut(layout: GraphvizLayout, seconds: Int64)
    /// The worker process could not be prepared, started or read.
    case worker(String)
    /// The image came out larger than ``DiagramRenderer/largestPNGBytes``; nothing was written.
    case imageTooLarge(bytes: Int, limit: Int)

    public var description: String {
        switch self {
        case let .invalidDOT(reason): "invalid DOT: \(reason)"
        case let .failed(reason): reason
        case let .layoutTimedOut(layout, seconds): "the \(layout.rawValue) layout took longer than \(seconds) s and was stopped"
        case let .worker(reason): reason
        case let .imageTooLarge(bytes, limit):
            String(format: "the PNG would be %.1f MB, over the %d MB a PNG may hold: draw it as SVG or PDF, or draw less",
                   Double(bytes) / 1_000_000, limit / 1_000_000)
        }
    }

    /// The same text as ``description``.
    public var message: String { description }
}

/// What a render produced: the bytes, and any warnings Graphviz gave.
public struct Rendered: Sendable {
    public var data: Data
    public var warnings: [String]
}

/// A node or edge as cgraph read it: its name and every attribute with a non-default value.
public struct DOTElement: Sendable, Equatable, Codable {
    public var name: String
    public var attributes: [String: String]
}

/// A graph as cgraph read it from DOT.
public struct ParsedDOT: Sendable {
    public var name: String
    public var directed: Bool
    public var strict: Bool
    public var nodes: [DOTElement]
    /// Edges with their ends (node names), in cgraph's order.
    public var edges: [(tail: String, head: String, element: DOTElement)]
    public var warnings: [String]
    /// The root graph's own attributes (`label`, `rankdir`, …) that have a value.
    public var graphAttributes: [String: String] = [:]
}

/// How the parse worker hands a graph back to its parent: JSON, edges as objects.
extension ParsedDOT: Codable {
    private struct Edge: Codable {
        var tail: String
        var head: String
        var element: DOTElement
    }

    private enum CodingKeys: String, CodingKey { case name, directed, strict, nodes, edges, warnings, graphAttributes }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        directed = try container.decode(Bool.self, forKey: .directed)
        strict = try container.decode(Bool.self, forKey: .strict)
        nodes = try container.decode([DOTElement].self, forKey: .nodes)
        edges = try container.decode([Edge].self, forKey: .edges).map { ($0.tail, $0.head, $0.element) }
        warnings = try container.decode([String].self, forKey: .warnings)
        graphAttributes = try container.decode([String: String].self, forKey: .graphAttributes)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(directed, forKey: .directed)
        try container.encode(strict, forKey: .strict)
        try container.encode(nodes, forKey: .nodes)
        try container.encode(edges.map { Edge(tail: $0.tail, head: $0.head, element: $0.element) }, forKey: .edges)
        try container.encode(warnings, forKey: .warnings)
        try container.encode(graphAttributes, forKey: .graphAttributes)
    }
}

/// Messages Graphviz reports through `agerr`, gathered by the callback below. Only touched
/// while `graphvizLock` is held, which is why the unchecked access is safe.
nonisolated(unsafe) private var capturedMessages = ""
/// The process's one Graphviz context, made on first use under the lock, kept for the
/// process's life (docs/GRAPHVIZ.md, "Cleanup and leaks").
nonisolated(unsafe) private var sharedContext: OpaquePointer?

private let captureMessage: agusererrf = { text in
    if let text { capturedMessages += String(cString: text) }
    return 0
}

/// The Graphviz C library, linked in-process. Every call takes the one process-wide lock
/// (Graphviz is not thread-safe); these functions block, so async callers should run them off
/// the cooperative pool (``renderAsync(dot:layout:format:)``).
public enum Graphviz {
    /// Lays out `dot` with `layout` and renders it to `format`, in memory.
    public static func render(dot: String, layout: GraphvizLayout = .dot,
                              format: GraphvizFormat = .svg) throws(GraphvizError) -> Rendered {
        try render(dotBytes: Data(dot.utf8), layout: layout, format: format)
    }

    public static func render(dotBytes: Data, layout: GraphvizLayout, format: GraphvizFormat) throws(GraphvizError) -> Rendered {
        let result: Result<Rendered, GraphvizError> = graphvizLock.withLock {
            do {
                return .success(try renderLocked(dotBytes: dotBytes, layout: layout, format: format))
            } catch let error as GraphvizError {
                return .failure(error)
            } catch {
                return .failure(.failed("\(error)"))
            }
        }
        return try result.get()
    }

    /// The same, on a thread of its own so a long layout never blocks Swift's cooperative pool.
    public static func renderAsync(dot: String, layout: GraphvizLayout = .dot,
                                   format: GraphvizFormat = .svg) async throws -> Rendered {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try render(dot: dot, layout: layout, format: format) })
            }
        }
    }

    /// Reads DOT through cgraph: nodes and edges with their attributes, as any Graphviz tool
    /// would see them.
    public static func parse(dotBytes: Data) throws(GraphvizError) -> ParsedDOT {
        let result: Result<ParsedDOT, GraphvizError> = graphvizLock.withLock {
            do {
                return .success(try parseLocked(dotBytes))
            } catch let error as GraphvizError {
                return .failure(error)
            } catch {
                return .failure(.failed("\(error)"))
            }
        }
        return try result.get()
    }

    // MARK: Under the lock

    private static func beginCapture() {
        capturedMessages = ""
        _ = agseterrf(captureMessage)
        _ = agreseterrors()
    }

    /// Graphviz's messages so far, split into errors and warnings, one line each.
    private static func endCapture() -> (errors: [String], warnings: [String]) {
        var errors: [String] = []
        var warnings: [String] = []
        var current: Bool?  // true: error, false: warning
        for rawLine in capturedMessages.split(separator: "\n", omittingEmptySubsequences: true) {
            var line = String(rawLine).trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("Error: ") {
                current = true
                line.removeFirst("Error: ".count)
            } else if line.hasPrefix("Warning: ") {
                current = false
                line.removeFirst("Warning: ".count)
            }
            if current == false { warnings.append(line) } else { errors.append(line) }
        }
        capturedMessages = ""
        _ = agreseterrors()
        return (errors, warnings)
    }

    private static func context() throws(GraphvizError) -> OpaquePointer {
        if let sharedContext { return sharedContext }
        guard let created = gvContext() else { throw .failed("Graphviz could not start (gvContext failed)") }
        sharedContext = created
        return created
    }

    /// agmemread on a NUL-terminated copy of the bytes, then the lexer reset. Returns the graph
    /// and the warnings the parser gave.
    private static func read(_ bytes: Data) throws(GraphvizError) -> (UnsafeMutablePointer<Agraph_t>, [String]) {
        guard !bytes.contains(0) else { throw .invalidDOT("the text contains a NUL byte") }
        var terminated = [UInt8](bytes)
        terminated.append(0)
        let graph = terminated.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { agmemread($0) }
            }
        }
        aglexbad()
        let messages = endCapture()
        beginCapture()
        guard let graph else {
            // Empty or comment-only input fails without a message (docs/GRAPHVIZ.md, "Errors").
            let reason = messages.errors.first ?? "no graph in the text (it is empty or only comments)"
            throw .invalidDOT(reason)
        }
        return (graph, messages.warnings)
    }

    private static func renderLocked(dotBytes: Data, layout: GraphvizLayout, format: GraphvizFormat) throws(GraphvizError) -> Rendered {
        let gvc = try context()
        beginCapture()
        var (graph, warnings) = try read(dotBytes)
        defer { agclose(graph) }
        guard gvLayout(gvc, graph, layout.rawValue) == 0 else {
            let messages = endCapture()
            throw .failed(messages.errors.first ?? "layout '\(layout.rawValue)' failed")
        }
        defer { gvFreeLayout(gvc, graph) }
        var output: UnsafeMutablePointer<CChar>?
        var length: UInt32 = 0
        let status = gvRenderData(gvc, graph, format.rawValue, &output, &length)
        defer { gvFreeRenderData(output) }
        let messages = endCapture()
        guard status == 0, let output else {
            throw .failed(messages.errors.first ?? "rendering to \(format.rawValue) failed")
        }
        // Errors that Graphviz recovers from (a malformed HTML label falls back to plain text)
        // are passed on as warnings: the picture exists, but the caller should know.
        warnings += messages.warnings + messages.errors
        let data = Data(bytes: output, count: Int(length))
        return Rendered(data: data, warnings: warnings)
    }

    private static func parseLocked(_ bytes: Data) throws(GraphvizError) -> ParsedDOT {
        _ = try context()  // gvContext sets up the attribute defaults cgraph reads against
        beginCapture()
        let (graph, warnings) = try read(bytes)
        defer { agclose(graph) }
        func string(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
            guard let pointer else { return "" }
            // DOT files declared latin1 reach us as Latin-1 bytes: decode those rather than fail.
            return String(validatingCString: pointer) ?? String(cString: pointer, encoding: .isoLatin1) ?? ""
        }
        func attributes(of object: UnsafeMutableRawPointer, kind: Int32) -> [String: String] {
            var result: [String: String] = [:]
            var symbol = agnxtattr(graph, kind, nil)
            while let current = symbol {
                let value = string(agxget(object, current))
                let defaultValue = string(current.pointee.defval)
                if value != defaultValue { result[string(current.pointee.name)] = value }
                symbol = agnxtattr(graph, kind, current)
            }
            return result
        }
        var nodes: [DOTElement] = []
        var edges: [(tail: String, head: String, element: DOTElement)] = []
        var node = agfstnode(graph)
        while let current = node {
            nodes.append(DOTElement(name: string(agnameof(current)), attributes: attributes(of: UnsafeMutableRawPointer(current), kind: Int32(AGNODE))))
            var edge = agfstout(graph, current)
            while let currentEdge = edge {
                let tail = string(agnameof(cgv_tail(currentEdge)))
                let head = string(agnameof(cgv_head(currentEdge)))
                let key = agnameof(currentEdge).map { String(cString: $0) } ?? ""
                edges.append((tail, head, DOTElement(name: key, attributes: attributes(of: UnsafeMutableRawPointer(currentEdge), kind: Int32(AGEDGE)))))
                edge = agnxtout(graph, currentEdge)
            }
            node = agnxtnode(graph, current)
        }
        // A root graph's attribute values are the symbols' defaults, so every one with a value counts.
        var graphAttributes: [String: String] = [:]
        var symbol = agnxtattr(graph, Int32(AGRAPH), nil)
        while let current = symbol {
            let value = string(agxget(UnsafeMutableRawPointer(graph), current))
            if !value.isEmpty { graphAttributes[string(current.pointee.name)] = value }
            symbol = agnxtattr(graph, Int32(AGRAPH), current)
        }
        let messages = endCapture()
        return ParsedDOT(name: string(agnameof(UnsafeMutableRawPointer(graph))), directed: agisdirected(graph) != 0,
                         strict: agisstrict(graph) != 0, nodes: nodes, edges: edges, warnings: warnings + messages.warnings,
                         graphAttributes: graphAttributes)
    }
}
