import ERAnswers
@testable import ERWeb
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// A dataset whose strings try to break out of every context they are shown in
/// (Tests/Fixtures/web/hostile.yaml) shows each of them as text.
@Suite("Escaping hostile data")
struct EscapingTests {
    static let attacks = ["<script>alert(1)</script>", "<script>alert('quote')</script>", "<svg onload=alert('link')>",
                          "<img src=x onerror=alert(1)>", "<script>alert('title')</script>", "<b>bold</b>",
                          "--><script>alert('comment')</script><!--", "<script>alert('story')</script>"]

    func pages() throws -> [(String, String)] {
        let pages = try WebFixtures.hostile.get()
        let site = try StaticSite(pages: pages).files()
        var shown: [(String, String)] = site.filter { $0.path.hasSuffix(".html") || $0.path.hasSuffix(".js") }
            .map { ($0.path, String(decoding: $0.data, as: UTF8.self)) }
        for target in ["/", "/entity/org-evil-bf6cf843", "/path?from=plain&to=x..passwd", "/search?q=script",
                       "/query?q=MATCH+(a)+RETURN+a", "/timeline"] {
            let response = WebApp(pages: pages).respond(method: "GET", target: target)
            #expect(response.status == 200, "\(target)")
            shown.append((target, String(decoding: response.body, as: UTF8.self)))
        }
        return shown
    }

    @Test("no attack survives as markup on any served or static page, in any drawing or in the search index")
    func nothingBreaksOut() throws {
        let shown = try pages()
        #expect(shown.count == 13)
        for (name, text) in shown {
            for attack in Self.attacks { #expect(!text.contains(attack), "\(name) holds \(attack)") }
            // Only ergraph's own two scripts are ever loaded, and never inline.
            let scripts = text.components(separatedBy: "<script").count - 1
            #expect(scripts <= 2, "\(name): \(scripts) script elements")
            #expect(!text.contains("<script>"), "\(name)")
        }
        let entity = try #require(shown.first { $0.0 == "/entity/org-evil-bf6cf843" }?.1)
        #expect(entity.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt; <span class=\"kind\">company</span></h1>"))
        #expect(entity.contains("“&lt;/blockquote&gt;&lt;script&gt;alert(&#39;quote&#39;)&lt;/script&gt;”"))
        // Mustache tags in the data are data: shown, not expanded.
        #expect(entity.contains("{{mustache}} {{{triple}}}"))
        // The source's link: quotes and angle brackets cannot leave the attribute.
        #expect(entity.contains(#"<a href="https://example.org/a?b=1&amp;c=&lt;2&gt;&quot;&#39;" rel="noopener noreferrer">"#))
    }

    @Test("the inline drawing is well-formed XML whose texts hold the names as text")
    func drawing() throws {
        let shown = try pages()
        let entity = try #require(shown.first { $0.0 == "/entity/org-evil-bf6cf843" }?.1)
        let start = try #require(entity.range(of: "<svg"))
        let end = try #require(entity.range(of: "</svg>"))
        let svg = String(entity[start.lowerBound..<end.upperBound])
        let collector = TextCollector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = collector
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(collector.texts.contains("<script>alert(1)</script>"))
        #expect(collector.elements.contains("script") == false)
        #expect(collector.elements.contains("img") == false)
    }

    @Test("the API answers JSON, which no browser runs: the names come back as they are")
    func api() throws {
        let response = WebApp(pages: try WebFixtures.hostile.get()).respond(method: "GET", target: "/api/search?q=alert")
        #expect(response.contentType == "application/json")
        #expect(WebResponse.securityHeaders.contains { $0.name == "X-Content-Type-Options" && $0.value == "nosniff" })
        let answer = try #require(try JSONSerialization.jsonObject(with: response.body) as? [String: Any])
        let names = (answer["results"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(names == ["<script>alert(1)</script>", "Plain Agency"])
    }

    @Test("the search index is a script that only assigns data")
    func searchIndex() throws {
        let pages = try WebFixtures.hostile.get()
        let script = pages.search.siteScript(slugs: pages.slugs, links: PageLinks(.site(depth: 0)))
        #expect(script.hasPrefix("window.ergraphSearchIndex = [\n[\"\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\",\"company\",\"entity/org-evil-bf6cf843.html\",["))
        #expect(script.hasSuffix("\n];\n"))
        let json = String(script.dropFirst("window.ergraphSearchIndex = ".count).dropLast(2))
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[Any]])
        #expect(rows.count == 3)
        #expect(rows[0][0] as? String == "<script>alert(1)</script>")
    }
}

final class TextCollector: NSObject, XMLParserDelegate {
    var texts: [String] = []
    var elements: Set<String> = []
    private var current = ""

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.insert(name)
        current = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text" { texts.append(current) }
        current = ""
    }
}
