import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Synchronization
import Testing

/// `ergraph serve` as a process on an ephemeral loopback port, asked over HTTP.
/// What a process writes, collected from another thread.
final class CollectedText: Sendable {
    private let text = Mutex("")
    func append(_ data: Data) { text.withLock { $0 += String(decoding: data, as: UTF8.self) } }
    var value: String { text.withLock { $0 } }
}

final class RunningServer {
    let process: Process
    let port: Int
    private let output = CollectedText()

    init(_ arguments: [String]) throws {
        process = Process()
        process.executableURL = CLITests.executable
        process.arguments = ["serve", "--port", "0"] + arguments
        process.currentDirectoryURL = CLITests.packageRoot
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "ERGRAPH_GRAPH")
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        let output = self.output
        // Drained as it comes, so the request log never fills the pipe and stalls the server.
        errors.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if !data.isEmpty { output.append(data) }
        }
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        var found: Int?
        while found == nil && Date() < deadline && process.isRunning {
            Thread.sleep(forTimeInterval: 0.05)
            let text = output.value
            if let range = text.range(of: #"http://[^/]+:([0-9]+)/"#, options: .regularExpression) {
                found = Int(text[range].split(separator: ":").last?.dropLast() ?? "")
            }
        }
        port = found ?? 0
    }

    var log: String { output.value }

    struct Reply {
        var status: Int
        var type: String
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    func get(_ target: String) async throws -> Reply {
        let url = try #require(URL(string: "http://127.0.0.1:\(port)\(target)"))
        let (data, response) = try await URLSession.shared.data(from: url)
        let http = try #require(response as? HTTPURLResponse)
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
        }
        return Reply(status: http.statusCode, type: headers["content-type"] ?? "", headers: headers, body: data)
    }

    /// Sends `signal` and waits for the process to end: its exit status.
    func stop(_ signal: Int32 = SIGTERM) -> Int32 {
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        Thread.sleep(forTimeInterval: 0.1)
        return process.terminationStatus
    }
}

@Suite("Serving", .serialized)
struct ServeTests {
    let cli = CLITests()

    @Test("every route answers over HTTP with its type and the security headers; the API's JSON is the CLI's; SIGTERM stops it cleanly")
    func routes() async throws {
        let server = try RunningServer([])
        #expect(server.port > 0, "\(server.log)")
        let expected: [(String, Int, String)] = [
            ("/", 200, "text/html; charset=utf-8"), ("/entity/paragon-solutions", 200, "text/html; charset=utf-8"),
            ("/path?from=ICE&to=AE%20Industrial", 200, "text/html; charset=utf-8"),
            ("/query?q=MATCH%20(a)-%5Br%5D-%3E(b)%20RETURN%20a%20LIMIT%202", 200, "text/html; charset=utf-8"),
            ("/timeline?entity=ICE", 200, "text/html; charset=utf-8"), ("/diff?from=2024&to=2025", 200, "text/html; charset=utf-8"),
            ("/search?q=parag", 200, "text/html; charset=utf-8"), ("/api/stats", 200, "application/json"),
            ("/api/search?q=parag", 200, "application/json"), ("/openapi.json", 200, "application/json"),
            ("/assets/site.css", 200, "text/css; charset=utf-8"), ("/assets/site.js", 200, "text/javascript; charset=utf-8"),
            ("/diagram/entity/paragon-solutions.svg", 200, "image/svg+xml"), ("/diagram/graph.png", 200, "image/png"),
            ("/download/graphml", 200, "application/xml"), ("/download/csv/entities", 200, "text/csv; charset=utf-8"),
            ("/entity/nobody", 404, "text/html; charset=utf-8"), ("/api/entity?name=nobody", 404, "application/json"),
            ("/api/path?from=ICE&to=AE%20Industrial&k=0", 400, "application/json"), ("/%2e%2e/etc/passwd", 404, "text/html; charset=utf-8"),
        ]
        for (target, status, type) in expected {
            let reply = try await server.get(target)
            #expect(reply.status == status, "\(target)")
            #expect(reply.type == type, "\(target)")
            #expect(reply.headers["content-security-policy"]?.hasPrefix("default-src 'none'; script-src 'self'") == true, "\(target)")
            #expect(reply.headers["x-content-type-options"] == "nosniff")
            #expect(reply.headers["x-frame-options"] == "DENY")
        }
        let questions: [(String, [String])] = [
            ("/api/path?from=ICE&to=AE%20Industrial", ["path", "ICE", "AE Industrial", "--format", "json"]),
            ("/api/path?from=ICE&to=Peter%20Thiel&k=2&via=contracted,founded", ["path", "ICE", "Peter Thiel", "--k", "2", "--via", "contracted,founded", "--format", "json"]),
            ("/api/path?from=ICE&to=AE%20Industrial&format=csv", ["path", "ICE", "AE Industrial", "--format", "csv"]),
            ("/api/entity?name=Paragon", ["show", "Paragon", "--format", "json"]),
            ("/api/stats", ["stats", "--format", "json"]),
            ("/api/query?q=MATCH%20(a:company)-%5Br:acquired%5D-%3E(b)%20RETURN%20a,%20b", ["query", "MATCH (a:company)-[r:acquired]->(b) RETURN a, b", "--format", "json"]),
            ("/api/timeline?entity=Paragon%20Solutions&from=2024", ["timeline", "Paragon Solutions", "--from", "2024", "--format", "json"]),
            ("/api/diff?from=2024&to=2025", ["diff", "--from", "2024", "--to", "2025", "--format", "json"]),
        ]
        for (target, arguments) in questions {
            let reply = try await server.get(target)
            let run = try cli.ergraph(arguments: arguments)
            #expect(run.status == 0, "\(arguments)")
            #expect(reply.text == run.stdout, "\(target) differs from ergraph \(arguments.joined(separator: " "))")
        }
        let path = try await server.get("/path?from=ICE&to=AE%20Industrial")
        #expect(path.text.contains("Paragon Solutions was acquired by AE Industrial (since 2024-12)"))
        #expect(path.text.contains("“In December, AE Industrial, a U.S. private equity firm, bought Paragon"))

        #expect(server.stop(SIGTERM) == 0)
        let log = server.log
        #expect(log.hasPrefix("ergraph: serving ICE surveillance technology supply chain at http://127.0.0.1:\(server.port)/ (Ctrl-C stops)\n"))
        #expect(log.contains(" GET /api/stats 200 "))
        #expect(log.contains(" GET /entity/nobody 404 "))
        #expect(log.components(separatedBy: " bytes\n").count - 1 == expected.count + questions.count + 1)
        #expect(log.hasSuffix("ergraph: stopped\n"))
    }

    @Test("an address beyond loopback is served only with a warning; Ctrl-C stops it; a busy port is an error")
    func hostsAndPorts() throws {
        let open = try RunningServer(["--host", "0.0.0.0", "--quiet"])
        #expect(open.port > 0)
        #expect(open.log.hasPrefix("ergraph: warning: listening on 0.0.0.0: anyone who can reach this address can read the whole graph\n"))
        let busy = try cli.ergraph("serve", "--port", String(open.port), "--host", "0.0.0.0")
        #expect(busy.status == 1)
        #expect(busy.stderr.contains("ergraph: error: cannot serve on 0.0.0.0:\(open.port): "))
        #expect(open.stop(SIGINT) == 0)
        let bad = try cli.ergraph("serve", "--port", "70000")
        #expect(bad.status == 2)
        #expect(bad.stderr == "ergraph: error: --port must be from 0 to 65535 (see 'ergraph help')\n")
    }
}

@Suite("Bounded drawings")
struct BoundedDrawingTests {
    let cli = CLITests()

    /// A dense hub-heavy view: 60 entities, 300 typed links, 30% of them from the first entity.
    func denseLists() throws -> (folder: URL, graph: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ergraph-dense-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var nodes = "id,type,name\n", edges = "source,target,type\n"
        for index in 0..<60 { nodes += "e\(index),company,Entity number \(index)\n" }
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<300 {
            let from = next(10) < 3 ? 0 : next(60)
            var to = next(60)
            if to == from { to = (to + 1) % 60 }
            edges += "e\(from),e\(to),contracted\n"
        }
        try nodes.write(to: folder.appendingPathComponent("nodes.csv"), atomically: true, encoding: .utf8)
        try edges.write(to: folder.appendingPathComponent("edges.csv"), atomically: true, encoding: .utf8)
        return (folder, folder.appendingPathComponent("nodes.csv").path + "," + folder.appendingPathComponent("edges.csv").path)
    }

    @Test("--timeout holds for dot too: a dense layout is stopped with what to try, and no file is left")
    func timeout() throws {
        let (folder, graph) = try denseLists()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("map.svg").path
        let started = Date()
        let run = try cli.ergraph("render", "--graph", graph, "--layout", "dot", "--style", "screen", "--timeout", "2", "-o", output)
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(run.status == 1)
        #expect(run.stderr == "ergraph: error: the dot layout took longer than 2 s and was stopped (60 entities); draw less with --focus ENTITY --depth N, or use --layout sfdp, or allow more with --timeout\n")
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test("without --layout a dense view is drawn with sfdp, and the note says why")
    func densityNote() throws {
        let (folder, graph) = try denseLists()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("map.svg").path
        let run = try cli.ergraph("render", "--graph", graph, "--style", "screen", "-o", output)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("ergraph: note: 60 entities and 300 links, too dense for dot's layered drawing in reasonable time: drawn with sfdp; --layout dot insists, or draw less with --focus ENTITY --depth N\n"))
        #expect(FileManager.default.fileExists(atPath: output))
    }
}
