import ERAnswers
import ERFormats
import ERGraph
import ERRender
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Runs a command and returns its exit status and standard error.
func runTool(_ executable: String, _ arguments: [String], input: Data? = nil) throws -> (status: Int32, stdout: Data, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [executable] + arguments
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ergraph-tool-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let inputFile = folder.appendingPathComponent("in"), outFile = folder.appendingPathComponent("out"),
        errFile = folder.appendingPathComponent("err")
    try (input ?? Data()).write(to: inputFile)
    FileManager.default.createFile(atPath: outFile.path, contents: nil)
    FileManager.default.createFile(atPath: errFile.path, contents: nil)
    process.standardInput = try FileHandle(forReadingFrom: inputFile)
    process.standardOutput = try FileHandle(forWritingTo: outFile)
    process.standardError = try FileHandle(forWritingTo: errFile)
    try process.run()
    process.waitUntilExit()
    return (process.terminationStatus, try Data(contentsOf: outFile), try String(contentsOf: errFile, encoding: .utf8))
}

@Suite("Diagrams through Graphviz")
struct RenderTests {
    static let nastyNames = [
        "say \"hi\"", "back\\slash", "trailing\\", "two\nlines", "<script>alert(1)</script>", "node", "GRAPH", "Strict",
        "1abc", "emoji 🛰️ and 東京", "\\N \\G \\l", "amp & <lt> \"quote\" 'apos'", "\" onmouseover=\"alert(1)",
        String(repeating: "twenty kilobytes ", count: 1_250),
    ]

    /// A graph whose names and sources are as hostile as a dataset can make them.
    static func hostileGraph() throws -> Graph {
        var builder = GraphBuilder()
        builder.title = "Hostile \"title\" <b>"
        builder.addSource(Source(id: "bad", title: "<script>", url: "javascript:alert(1)"))
        builder.addSource(Source(id: "good", title: "Fine", url: "https://example.org/a?b=1&c=2"))
        for (index, name) in nastyNames.enumerated() {
            try builder.addEntity(Entity(id: "e\(index)", kind: index % 2 == 0 ? "company" : "agency", name: name,
                                         properties: ["note": .text(name)],
                                         citations: [Citation(source: index % 2 == 0 ? "bad" : "good", quote: name)]))
        }
        for index in 1..<nastyNames.count {
            try builder.addRelationship(Relationship(id: "r\(index)", kind: index % 3 == 0 ? "owns" : "contracted",
                                                     from: "e\(index - 1)", to: "e\(index)",
                                                     amounts: [Money(amount: Decimal(index * 1_000_000), currency: "USD", kind: .reported)],
                                                     citations: [Citation(source: "good", quote: nastyNames[index])]))
        }
        return builder.build()
    }

    @Test("the dot CLI accepts every DOT we write without a warning, hostile names included")
    func dotAcceptsOurDOT() throws {
        let graph = try Self.hostileGraph()
        let diagram = DiagramComposer(options: .init(clusterBy: .kind)).compose(.whole(graph), of: graph)
        #expect(diagram.warnings.contains { $0.contains("javascript:alert(1)") })
        let run = try runTool("dot", ["-Tsvg"], input: Data(diagram.dot.utf8))
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty, "dot said: \(run.stderr)")
        let inProcess = try Graphviz.render(dot: diagram.dot, layout: .dot, format: .svg)
        #expect(inProcess.warnings.isEmpty, "\(inProcess.warnings)")
    }

    @Test("labels survive the round trip through cgraph, letter for letter")
    func labelsSurvive() throws {
        let graph = try Self.hostileGraph()
        let diagram = DiagramComposer().compose(.whole(graph), of: graph)
        let imported = try DOTImporter.read(dotBytes: Data(diagram.dot.utf8), sourceName: "hostile.gv").graph
        #expect(imported.entityCount == graph.entityCount)
        for entity in graph.entityIndices {
            let id = graph.id(of: entity)
            let other = try #require(imported.index(ofEntity: id))
            // Carriage returns and other control characters are not kept; nothing else changes.
            #expect(imported.name(of: other) == graph.name(of: entity))
        }
    }

    @Test("no script gets into the SVG: text is escaped, javascript: links dropped, no event attributes")
    func svgIsInert() throws {
        let graph = try Self.hostileGraph()
        let diagram = DiagramComposer().compose(.whole(graph), of: graph)
        let data = try Graphviz.render(dot: diagram.dot, format: .svg).data
        let svg = String(decoding: data, as: UTF8.self)
        // Read as XML, the way a browser does: well formed, no script element, no event
        // handler attribute, no link that is not http or https.
        let inspector = SVGInspector()
        let parser = XMLParser(data: data)
        parser.delegate = inspector
        #expect(parser.parse(), "the SVG is not well-formed XML: \(String(describing: parser.parserError))")
        #expect(inspector.elements.contains("svg"))
        #expect(!inspector.elements.contains("script"))
        #expect(inspector.eventAttributes.isEmpty, "\(inspector.eventAttributes)")
        #expect(!inspector.links.isEmpty)
        #expect(inspector.links.allSatisfy { $0.hasPrefix("https://") || $0.hasPrefix("http://") }, "\(inspector.links)")
        #expect(inspector.links.contains("https://example.org/a?b=1&c=2"))
        #expect(!svg.lowercased().contains("javascript:"))
        #expect(inspector.texts.contains("<script>alert(1)</script>"))
    }

    @Test("the same graph gives the same DOT and the same SVG, byte for byte")
    func deterministic() throws {
        let graph = try SyntheticGraph.generate(.init(entities: 150, relationships: 300, seed: 9))
        // Without clusters: with several, a second layout in one process may order them
        // differently (see GraphvizProcess.shouldIsolate); the CLI tests cover that case.
        let first = DiagramComposer().compose(.whole(graph), of: graph)
        let second = DiagramComposer().compose(.whole(graph), of: graph)
        #expect(first.dot == second.dot)
        let a = try Graphviz.render(dot: first.dot, layout: .dot, format: .svg).data
        let b = try Graphviz.render(dot: second.dot, layout: .dot, format: .svg).data
        #expect(a == b)
        #expect(a.count > 10_000)
        let clustered = DiagramComposer(options: .init(clusterBy: .kind)).compose(.whole(graph), of: graph)
        #expect(clustered.dot == DiagramComposer(options: .init(clusterBy: .kind)).compose(.whole(graph), of: graph).dot)
        #expect(GraphvizProcess.shouldIsolate(layout: .dot, nodeCount: 151, clusterCount: clustered.document.clusters.count))
    }

    @Test("every format renders; Graphviz's own errors come back as errors")
    func formatsAndErrors() throws {
        let dot = "digraph { a -> b }"
        for format in GraphvizFormat.allCases {
            let rendered = try Graphviz.render(dot: dot, layout: .dot, format: format)
            #expect(rendered.data.count > 20, "\(format)")
        }
        #expect(try Graphviz.render(dot: dot, format: .png).data.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(try Graphviz.render(dot: dot, format: .pdf).data.starts(with: Array("%PDF".utf8)))
        #expect(throws: GraphvizError.invalidDOT("syntax error in line 1 near ';'")) {
            try Graphviz.render(dot: "digraph { a -> ; }")
        }
        #expect(throws: GraphvizError.invalidDOT("no graph in the text (it is empty or only comments)")) {
            try Graphviz.render(dot: "/* nothing */")
        }
        // Left-over input from one read never leaks into the next (the lexer is reset).
        _ = try? Graphviz.render(dot: "digraph A {a} digraph B {b}")
        let parsed = try Graphviz.parse(dotBytes: Data("digraph C {c}".utf8))
        #expect(parsed.nodes.map(\.name) == ["c"])
        let warned = try Graphviz.render(dot: "digraph { a [shape=notashape] }")
        #expect(warned.warnings == ["using box for unknown shape notashape"])
    }

    @Test("eight tasks rendering at once all get the single-threaded answer")
    func concurrentRenders() async throws {
        let dot = DiagramComposer().compose(.whole(try Self.hostileGraph()), of: try Self.hostileGraph()).dot
        let reference = try Graphviz.render(dot: dot, format: .plain).data
        let results = try await withThrowingTaskGroup(of: Data.self) { group in
            for _ in 0..<8 { group.addTask { try await Graphviz.renderAsync(dot: dot, layout: .dot, format: .plain).data } }
            return try await group.reduce(into: [Data]()) { $0.append($1) }
        }
        #expect(results.count == 8)
        #expect(results.allSatisfy { $0 == reference })
    }

    @Test("large views: straight edges and bounded passes past 500 entities, sfdp past 2,000")
    func largeViews() throws {
        let small = try SyntheticGraph.generate(.init(entities: 500, relationships: 750, seed: 3))
        let large = try SyntheticGraph.generate(.init(entities: 501, relationships: 750, seed: 3))
        let smallDOT = DiagramComposer().compose(.whole(small), of: small).dot
        let largeDOT = DiagramComposer().compose(.whole(large), of: large).dot
        #expect(smallDOT.contains("\"splines\"=\"true\"") && !smallDOT.contains("mclimit"))
        for attribute in ["\"splines\"=\"line\"", "\"mclimit\"=\"0.2\"", "\"nslimit\"=\"2\"", "\"nslimit1\"=\"2\"", "\"searchsize\"=\"20\""] {
            #expect(largeDOT.contains(attribute), "\(attribute)")
        }
        #expect(GraphvizLayout.suggested(forEntities: 2_000) == .dot)
        #expect(GraphvizLayout.suggested(forEntities: 2_001) == .sfdp)
    }

    @Test("a PNG is at most 9,600 pixels a side; the SVG of the same view is not scaled")
    func largestPNG() throws {
        // A chain of 300 companies, laid out left to right: far wider than 100 inches.
        var builder = GraphBuilder()
        for index in 0..<300 { try builder.addEntity(Entity(id: "c\(index)", kind: "company", name: "Company \(index)")) }
        for index in 1..<300 { try builder.addRelationship(Relationship(id: "r\(index)", kind: "owns", from: "c\(index - 1)", to: "c\(index)")) }
        let chain = builder.build()
        let diagram = DiagramComposer().compose(.whole(chain), of: chain)
        let png = try DiagramRenderer(format: .png).render(diagram.document).data
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 24)
        let side = { (offset: Int) in png[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        let (width, height) = (side(16), side(20))
        #expect(max(width, height) <= 9_600 && max(width, height) >= 9_000, "\(width) × \(height)")
        let svg = String(decoding: try DiagramRenderer(format: .svg).render(diagram.document).data, as: UTF8.self)
        let svgWidth = try #require(svg.firstRange(of: /<svg width="(\d+)pt"/)).lowerBound
        let points = Int(svg[svgWidth...].dropFirst(12).prefix { $0.isNumber }) ?? 0
        #expect(points > 100 * 72, "the SVG is \(points) pt wide")
    }

    @Test("a layout in a child process that runs too long is stopped with a clear message")
    func timeout() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ergraph-slow-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let slowWorker = folder.appendingPathComponent("slow-worker")
        // `exec`, so the worker is one process, as ergraph's own render-worker is.
        try Data("#!/bin/sh\nexec sleep 30\n".utf8).write(to: slowWorker)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: slowWorker.path)
        let started = ContinuousClock.now
        #expect(throws: GraphvizError.layoutTimedOut(layout: .sfdp, seconds: 1)) {
            try GraphvizProcess.render(dot: "digraph { a -> b }", layout: .sfdp, format: .svg, timeout: .seconds(1), worker: slowWorker)
        }
        #expect(ContinuousClock.now - started < .seconds(10))
        #expect(GraphvizProcess.shouldIsolate(layout: .sfdp, nodeCount: 10))
        #expect(GraphvizProcess.shouldIsolate(layout: .dot, nodeCount: 61))
        #expect(!GraphvizProcess.shouldIsolate(layout: .dot, nodeCount: 60))
    }
}

@Suite("DOT import: Debian's Graphviz examples")
struct DOTImportTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/graphviz-debian-doc-examples")

    struct Expected: Sendable, CustomStringConvertible {
        var path: String
        var nodes: Int
        var edges: Int
        var description: String { path }
    }

    static let manifest: [Expected] = {
        guard let text = try? String(contentsOf: folder.appendingPathComponent("MANIFEST.csv"), encoding: .utf8) else { return [] }
        return text.split(whereSeparator: \.isNewline).dropFirst().compactMap { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 8, let nodes = Int(fields[5]), let edges = Int(fields[6]) else { return nil }
            return Expected(path: fields[0], nodes: nodes, edges: edges)
        }
    }()

    @Test("the manifest lists all 60 example graphs")
    func manifestComplete() {
        #expect(Self.manifest.count == 60)
    }

    @Test("each example imports with the node and edge counts Graphviz's gc gives, and survives export and re-import",
          arguments: manifest)
    func importsAndRoundTrips(_ expected: Expected) throws {
        let bytes = try Data(contentsOf: Self.folder.appendingPathComponent(expected.path))
        let graph = try DOTImporter.read(dotBytes: bytes, sourceName: expected.path).graph
        #expect(graph.entityCount == expected.nodes)
        #expect(graph.relationshipCount == expected.edges)

        let exported = DiagramComposer().compose(.whole(graph), of: graph).dot
        let again = try DOTImporter.read(dotBytes: Data(exported.utf8), sourceName: "again.gv").graph
        func entities(_ g: Graph) -> [String] { g.entityIndices.map { "\(g.id(of: $0))|\(g.kind(of: $0))|\(g.name(of: $0))" }.sorted() }
        func links(_ g: Graph) -> [String] {
            g.relationshipIndices.map { "\(g.id(of: $0))|\(g.kind(of: $0))|\(g.id(of: g.from($0)))|\(g.id(of: g.to($0)))" }.sorted()
        }
        #expect(entities(again) == entities(graph))
        #expect(links(again) == links(graph))
    }
}

/// Collects what a browser would act on in an SVG.
final class SVGInspector: NSObject, XMLParserDelegate {
    var elements: Set<String> = []
    var eventAttributes: [String] = []
    var links: [String] = []
    var texts: [String] = []
    private var text = ""

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.insert(name.lowercased())
        for (key, value) in attributes {
            if key.lowercased().hasPrefix("on") { eventAttributes.append("\(key)=\(value)") }
            if key.lowercased().hasSuffix("href") { links.append(value) }
        }
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text" { texts.append(text) }
        text = ""
    }
}
