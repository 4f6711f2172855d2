import ERAnswers
import Foundation

/// The live site of one graph: every route of `ergraph serve`, from a request to a response,
/// with no HTTP library in sight (the server is a thin layer on this). Read-only; the only
/// files it serves are compiled into the binary or made from the graph, so no path reaches the
/// file system.
public struct WebApp: Sendable {
    public let pages: GraphPages
    let links = PageLinks(.server)

    public init(pages: GraphPages) {
        self.pages = pages
    }

    /// The response to a raw request target (`/path?from=ICE&to=…`) sent with `method`.
    public func respond(method: String, target: String) -> WebResponse {
        guard method == "GET" || method == "HEAD" else {
            var response = WebResponse(status: 405, contentType: "text/plain; charset=utf-8",
                                       body: Data("this server only reads: use GET\n".utf8))
            response.headers.append(("Allow", "GET, HEAD"))
            return response
        }
        let isAPI = target.hasPrefix("/api/") || target == "/openapi.json"
        do {
            let request = try WebRequest.parse(target: target)
            return try respond(to: request)
        } catch {
            return failure(error, api: isAPI)
        }
    }

    /// The response to a parsed request.
    public func respond(to request: WebRequest) throws(WebError) -> WebResponse {
        let path = request.path
        switch path {
        case "/": return .html(pages.homePage(links: links, downloads: graphDownloads))
        case "/assets/site.css": return asset(SiteStyle.css, type: "text/css; charset=utf-8")
        case "/assets/site.js": return asset(SiteScript.javascript, type: "text/javascript; charset=utf-8")
        case "/favicon.ico": throw .notFound("no icon")
        case "/openapi.json": return .json(OpenAPIDocument.json)
        case "/search": return .html(pages.searchPage(query: request.value("q") ?? "", links: links))
        case "/entity": return try entityByName(request)
        case "/path": return try pathPage(request)
        case "/query": return try queryPage(request)
        case "/timeline": return .html(pages.timelinePage(try timeline(request), form: (request.value("entity") ?? "",
                                                                                          request.value("from") ?? "",
                                                                                          request.value("to") ?? ""),
                                                          links: links, downloads: apiDownloads("timeline", request)))
        case "/diff": return try diffPage(request)
        case "/api/stats": return .json(try encode(StatsAnswer(pages.graph, origin: pages.origin)))
        case "/api/search": return try searchAPI(request)
        case "/api/entity": return try answer(EntityAnswer(try entity(named: request, "name"), in: pages.graph), request)
        case "/api/path":
            guard let query = try WebQuestions.path(request).query else {
                throw .badRequest("parameters 'from' and 'to' are missing: name both ends of the path")
            }
            return try answer(try run(query).answer, request)
        case "/api/query":
            guard let question = try WebQuestions.cypher(request) else { throw .badRequest("parameter 'q' is missing: give a Cypher query") }
            return try answer(try ask(question), request)
        case "/api/timeline": return try answer(try timeline(request), request)
        case "/api/diff":
            guard let diff = try dateDiff(request) else { throw .badRequest("parameters 'from' and 'to' are missing: give two dates") }
            return try answer(diff, request)
        default: break
        }
        if path.hasPrefix("/entity/") {
            let slug = String(path.dropFirst("/entity/".count))
            guard let entity = pages.slugs.entity(forSlug: slug) else { throw .notFound("no entity has the page '\(slug)'") }
            let id = pages.graph.id(of: entity)
            return .html(pages.entityPage(entity, links: links, downloads: [
                ("JSON", links.question("api/entity", [("name", id)])),
                ("SVG", "/diagram/entity/\(slug).svg"), ("PNG", "/diagram/entity/\(slug).png"), ("PDF", "/diagram/entity/\(slug).pdf"),
            ]))
        }
        if path.hasPrefix("/diagram/") { return try diagram(path: String(path.dropFirst("/diagram/".count)), request) }
        if path.hasPrefix("/download/") { return try download(String(path.dropFirst("/download/".count))) }
        throw .notFound("no page at \(path)")
    }

    // MARK: Pages

    private func entityByName(_ request: WebRequest) throws(WebError) -> WebResponse {
        let entity = try entity(named: request, "name")
        return .redirect(to: links.entity(slug: pages.slugs.slug(of: entity)))
    }

    private func pathPage(_ request: WebRequest) throws(WebError) -> WebResponse {
        let (query, form) = try WebQuestions.path(request)
        guard let query else { return .html(pages.pathPage(nil, query: nil, form: form, links: links)) }
        let result = try run(query)
        let story = pages.graph.stories.first { $0.from == query.from && $0.to == query.to }
        return .html(pages.pathPage(result, query: query, form: form, links: links, story: story,
                                    downloads: apiDownloads("path", request) + diagramDownloads("path", request)))
    }

    private func queryPage(_ request: WebRequest) throws(WebError) -> WebResponse {
        guard let question = try WebQuestions.cypher(request) else {
            return .html(pages.queryPage(text: "MATCH (a)-[r]->(b) RETURN a, r, b LIMIT 10", contracts: false, answer: nil,
                                         problem: nil, links: links))
        }
        do {
            let answer = try question.run(on: pages.opened)
            return .html(pages.queryPage(text: question.text, contracts: question.keepContractNodes, answer: answer, problem: nil,
                                         links: links, downloads: apiDownloads("query", request) + diagramDownloads("query", request)))
        } catch {
            return .html(pages.queryPage(text: question.text, contracts: question.keepContractNodes, answer: nil,
                                         problem: error.description, links: links),
                         status: WebError.answer(error).status)
        }
    }

    private func diffPage(_ request: WebRequest) throws(WebError) -> WebResponse {
        let form = (request.value("from") ?? "", request.value("to") ?? "")
        return .html(pages.diffPage(try dateDiff(request), form: form, links: links,
                                    downloads: form.0.isEmpty ? [] : apiDownloads("diff", request)))
    }

    // MARK: Answers

    private func run(_ query: PathQuery) throws(WebError) -> PathQuery.Result {
        do { return try query.run(on: pages.opened) } catch { throw .answer(error) }
    }

    private func ask(_ question: CypherQuestion) throws(WebError) -> QueryAnswer {
        do { return try question.run(on: pages.opened) } catch { throw .answer(error) }
    }

    private func entity(named request: WebRequest, _ parameter: String) throws(WebError) -> EntityIndex {
        guard let name = request.value(parameter) else {
            throw .badRequest("parameter '\(parameter)' is missing: name an entity by id, name or alias")
        }
        do { return try pages.opened.asWritten.entity(named: name) } catch { throw .answer(error) }
    }

    private func timeline(_ request: WebRequest) throws(WebError) -> TimelineAnswer {
        let about = request.value("entity") == nil ? nil : try entity(named: request, "entity")
        return TimelineAnswer(graph: pages.graph, about: about, from: try WebQuestions.date(request, "from"),
                              to: try WebQuestions.date(request, "to"))
    }

    private func dateDiff(_ request: WebRequest) throws(WebError) -> DiffAnswer? {
        let from = try WebQuestions.date(request, "from"), to = try WebQuestions.date(request, "to")
        guard from != nil || to != nil else { return nil }
        guard let from, let to else { throw .badRequest("give both 'from' and 'to' dates") }
        guard from.firstDay <= to.lastDay else { throw .badRequest("'from' (\(from)) is after 'to' (\(to))") }
        return DiffAnswer(graph: pages.graph, from: from, to: to)
    }

    private func searchAPI(_ request: WebRequest) throws(WebError) -> WebResponse {
        let limit = try WebQuestions.integer(request, "limit", in: 1...100) ?? 8
        let query = request.value("q") ?? ""
        let results = pages.search.search(query, limit: limit).map { result in
            SearchAnswer.Result(id: result.id, name: result.name, kind: result.kind, match: result.match,
                                page: links.entity(slug: pages.slugs.slug(of: result.entity)))
        }
        return .json(try encode(SearchAnswer(query: query, results: results)))
    }

    /// An answer in the format the request asks for, as the CLI's `--format` writes it.
    private func answer(_ answer: some Answer, _ request: WebRequest) throws(WebError) -> WebResponse {
        let format = try WebQuestions.format(request)
        let text: String?
        do { text = try answer.written(as: format) } catch { throw .badRequest("the answer could not be written: \(error)") }
        guard let text else { throw .badRequest("this answer is not a table: ask for format=json") }
        return format == .csv
            ? WebResponse(contentType: "text/csv; charset=utf-8", body: Data(text.utf8))
            : .json(text)
    }

    private func encode(_ value: some Encodable) throws(WebError) -> String {
        do { return try JSONText.encode(value) } catch { throw .badRequest("the answer could not be written: \(error)") }
    }

    // MARK: Drawings and downloads

    private func diagram(path: String, _ request: WebRequest) throws(WebError) -> WebResponse {
        let stem = (path as NSString).deletingPathExtension
        let formats: [String: (GraphvizFormat, String)] = ["svg": (.svg, "image/svg+xml"), "png": (.png, "image/png"),
                                                           "pdf": (.pdf, "application/pdf")]
        guard let (format, type) = formats[(path as NSString).pathExtension] else {
            throw .notFound("drawings come as .svg, .png or .pdf")
        }
        let graph: Graph, view: GraphView, subtitle: String?
        if stem == "graph" {
            graph = pages.opened.folded.graph
            view = .whole(graph)
            subtitle = nil
        } else if stem == "path" {
            guard let query = try WebQuestions.path(request).query else { throw .badRequest("parameters 'from' and 'to' are missing") }
            let result = try run(query)
            guard !result.paths.isEmpty else { throw .answer(query.noPathError(result)) }
            graph = result.context.graph
            view = .paths(graph, result.paths)
            subtitle = "how \(graph.name(of: result.source)) connects to \(graph.name(of: result.target))"
        } else if stem == "query" {
            guard let question = try WebQuestions.cypher(request) else { throw .badRequest("parameter 'q' is missing") }
            let answer = try ask(question)
            graph = answer.graph
            view = answer.boundView
            subtitle = "what the query binds"
        } else if stem.hasPrefix("entity/"), let entity = pages.slugs.entity(forSlug: String(stem.dropFirst("entity/".count))),
                  let focus = pages.focusView(of: pages.graph.id(of: entity)) {
            graph = focus.context.graph
            view = focus.view
            subtitle = focus.subtitle
        } else {
            throw .notFound("no drawing at /diagram/\(path)")
        }
        // The whole map and paths are figures to publish (print style, as `render` and `path
        // --render` draw them); focus and query drawings are for the screen.
        let style: DiagramStyle = stem == "graph" || stem == "path" ? .print : .screen
        let data = try pages.diagrams.draw(view, of: graph, format: format, subtitle: subtitle,
                                           entityLink: format == .svg ? pages.entityLinker(links) : nil, style: style)
        return WebResponse(contentType: type, body: data)
    }

    private func download(_ name: String) throws(WebError) -> WebResponse {
        let pieces = name.split(separator: "/", maxSplits: 1).map(String.init)
        guard let formatName = pieces.first, let format = ExportRegistry.downloadable.first(where: { $0.name == formatName }) else {
            throw .notFound("no export named '\(name)': the formats are \(ExportRegistry.downloadable.map(\.name).joined(separator: ", "))")
        }
        guard let files = try? format.write(pages.graph, ExportOptions()).files else {
            throw .badRequest("the \(format.name) export could not be written")
        }
        let part = pieces.count == 2 ? pieces[1] : ""
        guard let file = files.first(where: { $0.part == part }) else {
            throw .notFound("the \(format.name) export has the parts \(files.map { $0.part.isEmpty ? "(whole)" : $0.part }.joined(separator: ", "))")
        }
        let filename = "graph" + (part.isEmpty ? "" : "-" + part) + "." + format.fileExtension
        return WebResponse(contentType: Self.contentType(forExtension: format.fileExtension), body: file.data,
                           headers: [("Content-Disposition", "attachment; filename=\"\(filename)\"")])
    }

    /// Every export of the whole graph, and its drawing, for the front page.
    var graphDownloads: [(label: String, href: String)] {
        var downloads: [(label: String, href: String)] = [("SVG", "/diagram/graph.svg"), ("PNG", "/diagram/graph.png"),
                                                          ("PDF", "/diagram/graph.pdf")]
        for (format, part) in Self.exportParts {
            downloads.append((format + (part.isEmpty ? "" : " " + part), "/download/" + format + (part.isEmpty ? "" : "/" + part)))
        }
        return downloads
    }

    /// Every export and the parts it writes (CSV lists write two files), found once by exporting
    /// an empty graph.
    static let exportParts: [(format: String, part: String)] = ExportRegistry.downloadable.flatMap { export in
        let parts = (try? export.write(GraphBuilder().build(), ExportOptions()).files.map(\.part)) ?? [""]
        return (parts.isEmpty ? [""] : parts).map { (export.name, $0) }
    }

    private func apiDownloads(_ name: String, _ request: WebRequest) -> [(label: String, href: String)] {
        let parameters = request.parameters.filter { $0.name != "format" }.map { ($0.name, Optional($0.value)) }
        return [("JSON", links.question("api/" + name, parameters)),
                ("CSV", links.question("api/" + name, parameters + [("format", "csv")]))]
    }

    private func diagramDownloads(_ name: String, _ request: WebRequest) -> [(label: String, href: String)] {
        let parameters = request.parameters.map { ($0.name, Optional($0.value)) }
        return ["svg", "png", "pdf"].map { (ext: String) in (ext.uppercased(), links.question("diagram/\(name).\(ext)", parameters)) }
    }

    static func contentType(forExtension ext: String) -> String {
        switch ext {
        case "json": "application/json"
        case "csv": "text/csv; charset=utf-8"
        case "graphml", "gexf", "xml": "application/xml"
        case "sqlite", "db", "ergs": "application/octet-stream"
        default: "text/plain; charset=utf-8"
        }
    }

    private func asset(_ text: String, type: String) -> WebResponse {
        WebResponse(contentType: type, body: Data(text.utf8), headers: [("Cache-Control", "public, max-age=3600")])
    }

    // MARK: Failures

    /// An error as a page (or, for the API, as JSON), with its status.
    func failure(_ error: WebError, api: Bool) -> WebResponse {
        if api {
            let body = "{\n  \"error\": {\n    \"message\": " + SearchIndex.javascriptString(error.description)
                + ",\n    \"status\": \(error.status)\n  }\n}\n"
            return .json(body, status: error.status)
        }
        return .html(pages.errorPage(error, links: links), status: error.status)
    }
}

/// The answer of `/api/search`: suggestions for what one types.
struct SearchAnswer: Encodable {
    struct Result: Encodable {
        var id: String
        var name: String
        var kind: String
        var match: String?
        /// The entity's page on this server.
        var page: String
    }

    var query: String
    var results: [Result]
}
