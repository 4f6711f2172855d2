import Foundation
import Testing

/// The pages in a real browser (Debian's headless Chromium through selenium), and the API under
/// schemathesis: what the walk saw is checked value by value.
@Suite("Browser", .serialized)
struct BrowserTests {
    let cli = CLITests()

    static var python: String {
        ProcessInfo.processInfo.environment["ERGRAPH_PYTHON"] ?? CLITests.packageRoot.appendingPathComponent(".venv/bin/python").path
    }

    /// Runs a Python tool of the test venv; its standard output, and its status.
    func python(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        #expect(FileManager.default.isExecutableFile(atPath: Self.python), "no Python at \(Self.python): run 'make test'")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python)
        process.arguments = arguments
        process.currentDirectoryURL = CLITests.packageRoot
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let errors = CollectedText()
        err.fileHandleForReading.readabilityHandler = { handle in errors.append(handle.availableData) }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        err.fileHandleForReading.readabilityHandler = nil
        return (process.terminationStatus, String(decoding: data, as: UTF8.self), errors.value)
    }

    func walk(_ arguments: [String]) throws -> [String: Any] {
        let script = CLITests.packageRoot.appendingPathComponent("Tests/Fixtures/python/browser_walk.py").path
        let run = try python([script] + arguments)
        #expect(run.status == 0, "\(run.errors)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any], "\(run.errors)")
    }

    /// What the walk must see, on the server and on the static site alike.
    func checkWalk(_ seen: [String: Any], clickedPage: String) {
        #expect(seen["home_title"] as? String == "Overview · ICE surveillance technology supply chain")
        #expect((seen["suggestions"] as? [String])?.prefix(3) == ["Paragon Solutions company", "Paragon proprietary spyware solution product",
                                                                 "ICE-Paragon Solutions spyware contract (2024) contract"])
        #expect(seen["entity_heading"] as? String == "Paragon Solutions company")
        #expect((seen["entity_links"] as? [String])?.contains("Paragon Solutions was acquired by AE Industrial (since 2024-12)") == true)
        #expect(seen["entity_nodes"] as? Int == 7)
        #expect(seen["after_diagram_click"] as? String == "AE Industrial company")
        #expect(seen["after_diagram_click_url"] as? String == clickedPage)
        #expect(seen["path_heading"] as? String == "How ICE is connected to AE Industrial")
        #expect(seen["hops"] as? [String] == [
            "U.S. Immigration and Customs Enforcement awarded ICE-Paragon Solutions spyware contract (2024) (since 2024-09)",
            "ICE-Paragon Solutions spyware contract (2024) was awarded to Paragon Solutions",
            "Paragon Solutions was acquired by AE Industrial (since 2024-12)",
        ])
        #expect(seen["hop_quotes"] as? Int == 3)
        #expect(seen["path_highlighted_nodes"] as? Int == 4)
        #expect((seen["sources"] as? [String])?.first?.hasPrefix("Bitget News (Bitget-RWA), rewriting TechCrunch's reporting") == true)
        #expect(seen["console"] as? [String] == [], "the browser console: \(seen["console"] ?? "")")
    }

    @Test("on the server: type 'Parag', pick the suggestion, click AE Industrial in the drawing, find ICE → AE Industrial")
    func serverWalk() throws {
        let server = try RunningServer(["--quiet"])
        defer { _ = server.stop() }
        #expect(server.port > 0, "\(server.log)")
        checkWalk(try walk(["--url", "http://127.0.0.1:\(server.port)"]), clickedPage: "ae-industrial")
    }

    @Test("the same walk on the static site opened from disk, the story page in place of the form")
    func siteWalk() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ergraph-site-walk-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try cli.ergraph("site", "-o", folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == "wrote \(folder.path)/: 46 entity pages, 3 stories, 119 files, 2.1 MB; open \(folder.path)/index.html\n")
        checkWalk(try walk(["--site", folder.path]), clickedPage: "ae-industrial.html")
    }

    @Test("a hostile dataset's pages raise no alert, run only ergraph's scripts and show every name as text")
    func hostilePages() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ergraph-site-hostile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try cli.ergraph("site", "--graph", "Tests/Fixtures/web/hostile.yaml", "-o", folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        let pages = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".html") }.sorted()
        let script = CLITests.packageRoot.appendingPathComponent("Tests/Fixtures/python/browser_walk.py").path
        let opened = try python([script, "--pages"] + pages.map { folder.appendingPathComponent($0).path })
        #expect(opened.status == 0, "\(opened.errors)")
        let seen = try #require(try JSONSerialization.jsonObject(with: Data(opened.output.utf8)) as? [[String: Any]])
        #expect(seen.compactMap { $0["heading"] as? String } == [
            "<script>alert(1)</script> company", "Plain Agency agency", "Climber ../../ company",
            "<script>alert('title')</script> & co", "</a><script>alert('story')</script>",
        ])
        for page in seen {
            #expect(page["alert"] is NSNull, "\(page)")
            #expect(page["scripts"] as? [String] == ["search-index.js", "site.js"], "\(page)")
            #expect(page["svg_scripts"] as? Int == 0)
            #expect(page["console"] as? [String] == [], "\(page)")
        }
    }

    @Test("schemathesis against /openapi.json: no server error, every status, type and body as documented")
    func schemathesis() throws {
        let server = try RunningServer(["--quiet"])
        defer { _ = server.stop() }
        let tool = URL(fileURLWithPath: Self.python).deletingLastPathComponent().appendingPathComponent("schemathesis").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["run", "http://127.0.0.1:\(server.port)/openapi.json", "--max-examples", "40", "--seed", "1",
                             "--checks", "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance",
                             "--no-color"]
        // Its cache folder goes to a temporary folder, not into the repository.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("ergraph-schemathesis-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        process.currentDirectoryURL = scratch
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let report = String(decoding: data, as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(report.suffix(3000))")
        #expect(report.contains("Tested: 7"), "\(report.suffix(2000))")
        let cases = try #require(report.firstMatch(of: /([0-9]+) generated, ([0-9]+) passed\n/), "\(report.suffix(2000))")
        #expect(cases.1 == cases.2)
        #expect(Int(cases.1) ?? 0 > 300)
        #expect(!report.contains("FAILURES"))
    }
}
