import ERAnswers
@testable import ERWeb
import Foundation
import Testing

/// Every route of the live site answered in-process: status, type and what the page says.
@Suite("Web routes")
struct WebAppTests {
    @Test("the front page has the title, the counts, the stories, every entity and every download")
    func home() throws {
        let page = try WebFixtures.get("/")
        #expect(page.status == 200)
        #expect(page.type == "text/html; charset=utf-8")
        #expect(page.text.contains("<h1>ICE surveillance technology supply chain</h1>"))
        #expect(page.text.contains("<li><b>46</b>entities</li>"))
        #expect(page.text.contains("<li><b>70</b>links</li>"))
        #expect(page.text.contains(#"<a class="statement" href="/path?from=ICE&amp;to=AE%20Industrial">How ICE is connected to AE Industrial</a>"#))
        #expect(page.text.contains(#"<li><a href="/entity/paragon-solutions">Paragon Solutions</a></li>"#))
        for download in ["/diagram/graph.svg", "/download/graphml", "/download/csv/entities", "/download/csv/relationships",
                         "/download/ftm", "/download/sqlite", "/download/dot", "/download/mermaid"] {
            #expect(page.text.contains("href=\"\(download)\""), "\(download)")
        }
        #expect(page.text.contains(#"<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; script-src &#39;self&#39;"#))
    }

    @Test("an entity page reads every link from the entity's side, with quotes, numbered sources and a linked drawing")
    func entity() throws {
        let page = try WebFixtures.get("/entity/paragon-solutions")
        #expect(page.status == 200)
        #expect(page.text.contains(#"<h1>Paragon Solutions <span class="kind">company</span></h1>"#))
        #expect(page.text.contains(#"<span class="statement">Paragon Solutions was acquired by <a href="/entity/ae-industrial">AE Industrial</a> (since 2024-12)</span>"#))
        #expect(page.text.contains("“In December, AE Industrial, a U.S. private equity firm, bought Paragon with intentions to merge it with cybersecurity company RedLattice, according to Israeli tech publication Calcalist.” <span class=\"cite\"><a href=\"#source-1\">[1]</a>, crediting calcalist</span>"))
        #expect(page.text.contains("[ae-industrial-acquired-paragon] · 1 independent source (single-sourced)"))
        #expect(page.text.contains(#"<li id="source-1">Bitget News (Bitget-RWA), rewriting TechCrunch&#39;s reporting, “Here&#39;s the technology driving ICE&#39;s deportation enforcement”, 2025-09-19, copy: sources/ice-technology-article.txt</li>"#))
        // The drawing: inline SVG, each entity a link to its page, its quote in the tooltip.
        #expect(page.text.contains(#"<figure class="diagram" aria-label="Paragon Solutions and the entities linked to it"><svg width=""#))
        #expect(page.text.contains(#"<a xlink:href="/entity/ae-industrial""#))
        #expect(!page.text.contains("<?xml") && !page.text.contains("<!--"))
        #expect(try WebFixtures.get("/entity?name=Paragon").response.headers.first { $0.name == "Location" }?.value == "/entity/paragon-solutions")
    }

    @Test("the path finder shows the cited hops, the highlighted drawing and the downloads; its API is the CLI's JSON")
    func path() throws {
        let page = try WebFixtures.get("/path?from=ICE&to=AE+Industrial")
        #expect(page.status == 200)
        #expect(page.text.contains("<h1>How ICE is connected to AE Industrial</h1>"))
        #expect(page.text.contains(#"<li><span class="statement">Paragon Solutions was acquired by AE Industrial (since 2024-12)</span>"#))
        #expect(page.text.contains("“In December, AE Industrial, a U.S. private equity firm, bought Paragon"))
        #expect(page.text.contains("<p>Money along the path: $2M reported</p>"))
        #expect(page.text.contains(#"<input type="text" name="from" value="ICE" required>"#))
        #expect(page.text.contains(#"href="/api/path?from=ICE&amp;to=AE%20Industrial&amp;format=csv""#))
        #expect(page.text.contains(#"href="/diagram/path.png?from=ICE&amp;to=AE%20Industrial""#))

        let api = try WebFixtures.get("/api/path?from=ICE&to=AE%20Industrial")
        #expect(api.status == 200 && api.type == "application/json")
        let opened = try WebFixtures.story.get().opened
        #expect(api.text == (try PathQuery(from: "ICE", to: "AE Industrial").run(on: opened).answer.json()))
        let csv = try WebFixtures.get("/api/path?from=ICE&to=AE%20Industrial&format=csv")
        #expect(csv.type == "text/csv; charset=utf-8")
        #expect(csv.text.hasPrefix("path,hop,from,from_name,direction,relationship,kind,to,to_name,"))

        let weighted = try WebFixtures.get("/api/path?from=ICE&to=Peter+Thiel&k=2&as_of=2025&via=contracted,founded")
        #expect(weighted.status == 200)
        let constrained = PathQuery(from: "ICE", to: "Peter Thiel", mode: .kShortest(count: 2, parallelLinksApart: false),
                                    constraints: TraversalConstraints(via: ["contracted", "founded"], asOf: PartialDate("2025")))
        #expect(weighted.text == (try constrained.run(on: opened).answer.json()))
    }

    @Test("malformed and unknown questions get 400 and 404 bodies that say what is wrong")
    func failures() throws {
        let unknown = try WebFixtures.get("/api/entity?name=Nobody")
        #expect(unknown.status == 404 && unknown.type == "application/json")
        #expect(unknown.text == """
            {
              "error": {
                "message": "unknown entity 'Nobody': no entity has that id, name or alias",
                "status": 404
              }
            }

            """)
        let page = try WebFixtures.get("/entity/nobody")
        #expect(page.status == 404 && page.text.contains("<pre class=\"error\">no entity has the page &#39;nobody&#39;</pre>"))
        let k = try WebFixtures.get("/api/path?from=ICE&to=AE+Industrial&k=99")
        #expect(k.status == 400 && k.text.contains("parameter 'k' is '99': give a whole number from 1 to 10"))
        let date = try WebFixtures.get("/path?from=ICE&to=AE+Industrial&as_of=soon")
        #expect(date.status == 400 && date.text.contains("parameter &#39;as_of&#39; is &#39;soon&#39;, not a date"))
        let kind = try WebFixtures.get("/api/path?from=ICE&to=AE+Industrial&via=befriended")
        #expect(kind.status == 400 && kind.text.contains("unknown relationship kind 'befriended'"))
        #expect(try WebFixtures.get("/api/path?from=ICE").status == 400)
        #expect(try WebFixtures.get("/api/path?from=ICE&to=Nobody").status == 404)
        #expect(try WebFixtures.get("/nowhere").status == 404)
        #expect(try WebFixtures.get("/assets/../Package.swift").status == 404)
        #expect(try WebFixtures.get("/assets/%2e%2e/Package.swift").status == 404)
        #expect(try WebFixtures.get("/download/../../etc/passwd").status == 404)
        #expect(try WebFixtures.get("/diagram/entity/../../x.svg").status == 404)
        #expect(try WebFixtures.get("/search?q=%ZZ").status == 400)
        let app = WebApp(pages: try WebFixtures.story.get())
        #expect(app.respond(method: "POST", target: "/").status == 405)
        #expect(app.respond(method: "POST", target: "/").headers.first { $0.name == "Allow" }?.value == "GET, HEAD")
    }

    @Test("search suggests by name first, then aliases, descriptions and quotes")
    func search() throws {
        let api = try WebFixtures.get("/api/search?q=Parag&limit=3")
        #expect(api.status == 200)
        #expect(api.text == """
            {
              "query" : "Parag",
              "results" : [
                {
                  "id" : "paragon-solutions",
                  "kind" : "company",
                  "name" : "Paragon Solutions",
                  "page" : "/entity/paragon-solutions"
                },
                {
                  "id" : "paragon-spyware",
                  "kind" : "product",
                  "name" : "Paragon proprietary spyware solution",
                  "page" : "/entity/paragon-spyware"
                },
                {
                  "id" : "contract-paragon-2024",
                  "kind" : "contract",
                  "name" : "ICE-Paragon Solutions spyware contract (2024)",
                  "page" : "/entity/contract-paragon-2024"
                }
              ]
            }

            """)
        let pages = try WebFixtures.story.get()
        // The name first, then the entities whose quotes name it.
        #expect(pages.search.search("grayk").map(\.id) == ["graykey", "grayshift", "magnet-forensics"])
        #expect(pages.search.search("grayk").map(\.match) == [nil, "Grayshift, the original Graykey producer",
                                                               "Magnet currently manufactures the Graykey device"])
        // Words from a quote: no name holds them, the quote is shown.
        let quoted = pages.search.search("Israeli spyware developer")
        #expect(quoted.map(\.id) == ["contract-paragon-2024", "paragon-solutions", "ice"])
        #expect(quoted.allSatisfy { $0.match?.contains("Israeli spyware developer") == true })
        #expect(pages.search.search("").isEmpty)
        let page = try WebFixtures.get("/search?q=palantir")
        #expect(page.status == 200 && page.text.contains(#"<a href="/entity/palantir">Palantir</a>"#))
    }

    @Test("Cypher, timeline and changes: the page and the API give the CLI's answers")
    func questions() throws {
        let opened = try WebFixtures.story.get().opened
        let query = try WebFixtures.get("/query?q=MATCH+(a:company)-[r:acquired]->(b)+RETURN+a,+b")
        #expect(query.status == 200)
        #expect(query.text.contains(#"<td><a href="/entity/ae-industrial">AE Industrial</a></td><td><a href="/entity/paragon-solutions">Paragon Solutions</a></td>"#))
        #expect(query.text.contains("<figure class=\"diagram\""))
        let api = try WebFixtures.get("/api/query?q=MATCH+(a:company)-[r:acquired]->(b)+RETURN+a,+b")
        #expect(api.text == (try CypherQuestion(text: "MATCH (a:company)-[r:acquired]->(b) RETURN a, b").run(on: opened).json()))
        let broken = try WebFixtures.get("/query?q=MATCH+(a+RETURN+a")
        #expect(broken.status == 400 && broken.text.contains("<pre class=\"error\">"))

        let timeline = try WebFixtures.get("/api/timeline?entity=Paragon+Solutions")
        let paragon = try opened.asWritten.entity(named: "Paragon Solutions")
        #expect(timeline.text == (try TimelineAnswer(graph: opened.graph, about: paragon, from: nil, to: nil).json()))
        let timelinePage = try WebFixtures.get("/timeline?entity=Paragon+Solutions")
        #expect(timelinePage.text.contains("<h1>Timeline of Paragon Solutions</h1>"))

        let diff = try WebFixtures.get("/api/diff?from=2024&to=2025")
        #expect(diff.text == (try DiffAnswer(graph: opened.graph, from: PartialDate("2024")!, to: PartialDate("2025")!).json()))
        #expect(try WebFixtures.get("/diff?from=2024&to=2025").text.contains("<h1>Changes from 2024 to 2025</h1>"))
        #expect(try WebFixtures.get("/api/diff?from=2025&to=2024").status == 400)
        #expect(try WebFixtures.get("/api/stats").text == (try StatsAnswer(opened.graph, origin: "Graph/ice-surveillance.yaml").json()))
    }

    @Test("a page asked for again is drawn once: the second answer comes from the drawing cache, byte for byte")
    func drawingCache() throws {
        let pages = try WebFixtures.pages("Graph/ice-surveillance.yaml")
        let app = WebApp(pages: pages)
        let first = app.respond(method: "GET", target: "/entity/paragon-solutions")
        #expect(pages.diagrams.cache.count == 1)
        let second = app.respond(method: "GET", target: "/entity/paragon-solutions")
        #expect(pages.diagrams.cache.count == 1)
        #expect(first.body == second.body)
        _ = app.respond(method: "GET", target: "/entity/ae-industrial")
        #expect(pages.diagrams.cache.count == 2)
    }

    @Test("drawings and exports download in every format; the assets and the API's description come from the binary")
    func downloads() throws {
        let svg = try WebFixtures.get("/diagram/entity/paragon-solutions.svg")
        #expect(svg.status == 200 && svg.type == "image/svg+xml" && svg.text.hasPrefix("<?xml"))
        let png = try WebFixtures.get("/diagram/path.png?from=ICE&to=AE+Industrial")
        #expect(png.type == "image/png" && png.response.body.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let pdf = try WebFixtures.get("/diagram/graph.pdf")
        #expect(pdf.type == "application/pdf" && pdf.text.hasPrefix("%PDF-"))
        let graphml = try WebFixtures.get("/download/graphml")
        #expect(graphml.type == "application/xml")
        #expect(graphml.response.headers.first { $0.name == "Content-Disposition" }?.value == "attachment; filename=\"graph.graphml\"")
        #expect(try WebFixtures.get("/download/csv/relationships").text.hasPrefix(":START_ID,:END_ID,:TYPE,id,"))
        #expect(try WebFixtures.get("/download/csv").status == 404)
        #expect(try WebFixtures.get("/download/nonsense").status == 404)
        #expect(try WebFixtures.get("/assets/site.css").type == "text/css; charset=utf-8")
        #expect(try WebFixtures.get("/assets/site.js").text.contains("window.ergraphSearchIndex"))
        let openapi = try WebFixtures.get("/openapi.json")
        let document = try #require(try JSONSerialization.jsonObject(with: openapi.response.body) as? [String: Any])
        #expect((document["paths"] as? [String: Any])?.keys.sorted()
                == ["/api/diff", "/api/entity", "/api/path", "/api/query", "/api/search", "/api/stats", "/api/timeline"])
    }
}
