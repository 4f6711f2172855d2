import ERAnswers
@testable import ERWeb
import Foundation
import Testing

@Suite("Static site")
struct StaticSiteTests {
    @Test("one page per entity and per story, every link relative and pointing at a file of the site")
    func pagesAndLinks() throws {
        let files = try StaticSite(pages: try WebFixtures.story.get()).files()
        let paths = Set(files.map(\.path))
        #expect(files.filter { $0.path.hasPrefix("entity/") && $0.path.hasSuffix(".html") }.count == 46)
        #expect(files.filter { $0.path.hasPrefix("stories/") && $0.path.hasSuffix(".html") }.map(\.path) == [
            "stories/how-ice-is-connected-to-ae-industrial-25d90d31.html",
            "stories/from-ice-s-case-management-system-to-peter-thiel-10a4eef2.html",
            "stories/who-owns-the-database-ice-subscribes-to-eff6d121.html",
        ])
        #expect(paths.contains("index.html") && paths.contains("assets/search-index.js") && paths.contains(StaticSite.marker))
        #expect(paths.isSuperset(of: ["downloads/graph.svg", "downloads/graph.png", "downloads/graph.pdf", "downloads/graph.graphml",
                                      "downloads/graph-entities.csv", "downloads/graph-relationships.csv", "downloads/graph.sqlite"]))
        let link = try NSRegularExpression(pattern: #"(?:href|src|xlink:href)="([^"]*)""#)
        var checked = 0
        var broken: [String] = []
        for file in files where file.path.hasSuffix(".html") {
            let text = String(decoding: file.data, as: UTF8.self)
            let folder = (file.path as NSString).deletingLastPathComponent
            for match in link.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let range = Range(match.range(at: 1), in: text) else { continue }
                let target = String(text[range]).replacingOccurrences(of: "&amp;", with: "&")
                if target.hasPrefix("https://") || target.hasPrefix("http://") || target.hasPrefix("#") || target.hasPrefix("data:") { continue }
                #expect(!target.hasPrefix("/"), "\(file.path) links to \(target)")
                var parts = folder.split(separator: "/").map(String.init)
                for piece in target.split(separator: "?")[0].split(separator: "/") {
                    if piece == ".." { parts = parts.dropLast() } else if piece != "." { parts.append(String(piece)) }
                }
                if !paths.contains(parts.joined(separator: "/")) { broken.append("\(file.path): \(target)") }
                checked += 1
            }
        }
        #expect(broken.isEmpty, "\(broken.prefix(10))")
        #expect(checked > 600)
    }

    @Test("the story page shows the cited hops of the dataset's story")
    func story() throws {
        let files = try StaticSite(pages: try WebFixtures.story.get()).files()
        let page = try #require(files.first { $0.path == "stories/how-ice-is-connected-to-ae-industrial-25d90d31.html" })
        let text = String(decoding: page.data, as: UTF8.self)
        #expect(text.contains("<h1>How ICE is connected to AE Industrial</h1>"))
        #expect(text.contains("ICE&#39;s spyware contract went to Paragon Solutions, which the private equity firm AE Industrial bought. 1 path from U.S. Immigration and Customs Enforcement to AE Industrial."))
        #expect(text.contains(#"<li><span class="statement">Paragon Solutions was acquired by AE Industrial (since 2024-12)</span>"#))
        #expect(!text.contains("<form class=\"ask\""))
        #expect(text.contains(#"<a xlink:href="../entity/ae-industrial.html""#))
    }

    @Test("the same graph gives the same bytes, and writing replaces only an earlier site")
    func deterministicAndSafe() throws {
        let pages = try WebFixtures.story.get()
        let first = try StaticSite(pages: pages).files(), second = try StaticSite(pages: pages).files()
        #expect(first.map(\.path) == second.map(\.path))
        #expect(zip(first, second).allSatisfy { $0.data == $1.data })

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ergraph-site-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let summary = try StaticSite(pages: pages).write(to: folder.path)
        #expect(summary.entityPages == 46 && summary.storyPages == 3 && summary.files == first.count)
        try StaticSite(pages: pages).write(to: folder.path)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("index.html").path))

        let foreign = FileManager.default.temporaryDirectory.appendingPathComponent("ergraph-foreign-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: foreign) }
        try Data("mine".utf8).write(to: foreign.appendingPathComponent("notes.txt"))
        #expect(throws: StaticSite.Failure.notASite(foreign.path)) { try StaticSite(pages: pages).write(to: foreign.path) }
        #expect(try String(contentsOf: foreign.appendingPathComponent("notes.txt"), encoding: .utf8) == "mine")
    }

    @Test("a story whose ends name no entity is refused where it is written")
    func badStory() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ergraph-story-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("story.yaml")
        try """
            ergraph: 1
            stories:
              - title: Nowhere
                from: a
                to: nobody
            entities:
              - {id: a, kind: company, name: A}

            """.write(to: file, atomically: true, encoding: .utf8)
        let error = #expect(throws: AnswerError.self) { try OpenedGraph.open(.datasets([file.path])) }
        guard case let .invalidDatasets(_, diagnostics)? = error else {
            Issue.record("expected invalid datasets, got \(String(describing: error))")
            return
        }
        #expect(diagnostics.map(\.description) == [
                "\(file.path):5:9: error: story 'Nowhere': to: unknown entity 'nobody': no entity has that id, name or alias",
        ])
    }
}
