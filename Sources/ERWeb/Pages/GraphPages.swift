import ERAnswers
import Foundation

/// The pages of one opened graph, for the server and the static site alike: each page is an
/// answer of the presentation layer laid out in HTML, its links made by a ``PageLinks``.
public struct GraphPages: Sendable {
    public let opened: OpenedGraph
    /// A slug for every entity of the graph as written (contracts kept), which the folded view's
    /// entities share.
    public let slugs: EntitySlugs
    public let search: SearchIndex
    /// How the pages name what was read (the file), in the footer and the stats.
    public let origin: String
    let diagrams: InlineDiagram

    /// - Parameters:
    ///   - worker: the executable that runs long layouts in a child process (the `ergraph` binary).
    ///   - layoutTimeout: how long one drawing may take when laid out in that process.
    public init(opened: OpenedGraph, origin: String, worker: URL? = nil, layoutTimeout: Duration = .seconds(20)) {
        self.opened = opened
        self.origin = origin
        let graph = opened.asWritten.graph
        slugs = EntitySlugs(graph: graph)
        search = SearchIndex(graph: graph)
        diagrams = InlineDiagram(worker: worker, timeout: layoutTimeout)
    }

    var graph: Graph { opened.asWritten.graph }

    var graphTitle: String { graph.title ?? "ergraph" }

    func frame(_ pageTitle: String, _ links: PageLinks) -> PageFrame {
        PageFrame(graphTitle: graphTitle, origin: origin, pageTitle: pageTitle, links: links)
    }

    /// The page of the entity with `id` (nil when no such entity).
    func entityHref(id: String, _ links: PageLinks) -> String? {
        graph.index(ofEntity: id).map { links.entity(slug: slugs.slug(of: $0)) }
    }

    /// For drawings: an entity id to its page.
    func entityLinker(_ links: PageLinks) -> @Sendable (String) -> String? {
        let graph = self.graph, slugs = self.slugs
        return { id in graph.index(ofEntity: id).map { links.entity(slug: slugs.slug(of: $0)) } }
    }

    /// The statement about a link split around the other entity's name, so that the name can be a
    /// link: the sentence starts with the entity the page is about, so the other name is searched
    /// after it.
    static func split(_ statement: String, ownName: String, otherName: String) -> (before: String, after: String)? {
        let searchFrom = statement.hasPrefix(ownName) ? statement.index(statement.startIndex, offsetBy: ownName.count) : statement.startIndex
        guard let range = statement.range(of: otherName, range: searchFrom..<statement.endIndex) else { return nil }
        return (String(statement[..<range.lowerBound]), String(statement[range.upperBound...]))
    }

    // MARK: Errors

    /// The page for an error, with its status.
    public func errorPage(_ error: WebError, links: PageLinks) -> String {
        PageRenderer.render("error", frame: frame(error.heading, links), fields: ["heading": error.heading, "message": error.description])
    }
}
