import ERAnswers
import ERWeb
import Foundation
import Testing

enum WebFixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { packageRoot.appendingPathComponent(relative).path }

    /// The pages of a dataset of the repository.
    static func pages(_ relative: String) throws -> GraphPages {
        let opened = try OpenedGraph.open(.datasets([path(relative)]))
        return GraphPages(opened: opened, origin: relative)
    }

    static let story = Result { try pages("Graph/ice-surveillance.yaml") }
    static let hostile = Result { try pages("Tests/Fixtures/web/hostile.yaml") }

    /// The app on the story graph, answering `target`.
    static func get(_ target: String, from pages: GraphPages? = nil) throws -> (status: Int, type: String, text: String, response: WebResponse) {
        let app = WebApp(pages: try pages ?? story.get())
        let response = app.respond(method: "GET", target: target)
        return (response.status, response.contentType, String(decoding: response.body, as: UTF8.self), response)
    }
}
