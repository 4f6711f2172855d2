import ERGraph
@testable import ERRender
import Foundation
import Testing

/// Untrusted DOT is parsed in a child process (`ergraph parse-worker`): what it hands back
/// is what cgraph read, and a worker that crashes or hangs is an error, never the caller's end.
@Suite("DOT parsed in a child process")
struct ParseWorkerTests {
    static let shell = URL(fileURLWithPath: "/bin/sh")

    @Test("what the worker writes reads back as the very graph cgraph parsed")
    func roundTrip() throws {
        let dot = Data(#"digraph G { label="a \"quoted\" title"; a [kind=agency, label="A, Inc."]; a -> b [amount=5]; b -> a }"#.utf8)
        let parsed = try Graphviz.parse(dotBytes: dot)
        let decoded = try JSONDecoder().decode(ParsedDOT.self, from: try JSONEncoder().encode(parsed))
        #expect(decoded.nodes == parsed.nodes)
        #expect(decoded.edges.map { "\($0.tail)>\($0.head):\($0.element.attributes)" } == parsed.edges.map { "\($0.tail)>\($0.head):\($0.element.attributes)" })
        #expect(decoded.graphAttributes == ["label": #"a "quoted" title"#])
        #expect(decoded.name == "G" && decoded.directed && !decoded.strict)
    }

    @Test("a worker killed by a memory fault is a clear error about the file")
    func crash() {
        #expect(throws: GraphvizError.invalidDOT("Graphviz's DOT parser crashed on this file (SIGSEGV, a memory fault); it ran in a process of its own, "
                                                 + "so nothing else was affected and nothing was written")) {
            try GraphvizProcess.parse(dotBytes: Data("digraph { a }".utf8), timeout: .seconds(10), worker: Self.shell,
                                      arguments: ["-c", "kill -SEGV $$", "sh"])
        }
    }

    @Test("a worker that does not finish is stopped at the timeout")
    func hang() {
        let start = ContinuousClock.now
        #expect(throws: GraphvizError.failed("Graphviz's DOT parser took longer than 1 s and was stopped")) {
            try GraphvizProcess.parse(dotBytes: Data("digraph { a }".utf8), timeout: .seconds(1), worker: Self.shell,
                                      arguments: ["-c", "sleep 30", "sh"])
        }
        #expect(ContinuousClock.now - start < .seconds(10))
    }

    @Test("a worker that cannot start says which")
    func missing() {
        #expect(throws: GraphvizError.worker("cannot start the worker /nonexistent/ergraph: No such file or directory")) {
            try GraphvizProcess.parse(dotBytes: Data("digraph { a }".utf8), timeout: .seconds(1), worker: URL(fileURLWithPath: "/nonexistent/ergraph"))
        }
    }
}
