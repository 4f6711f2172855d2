import Foundation

/// How one page links to another: absolute paths on the server, relative file names on a
/// static site (so the folder opens from disk or from any host, at any depth).
public struct PageLinks: Sendable {
    public enum Mode: Sendable, Equatable {
        /// `/entity/ice`, `/path?from=…`: the live server, with every question.
        case server
        /// `entity/ice.html`, `../index.html`: static files; `depth` is how many folders the
        /// page sits below the site's root.
        case site(depth: Int)
    }

    public var mode: Mode

    public init(_ mode: Mode) { self.mode = mode }

    /// True on the live server, where forms can ask new questions.
    public var isLive: Bool { mode == .server }

    private var root: String {
        switch mode {
        case .server: "/"
        case let .site(depth): depth == 0 ? "" : String(repeating: "../", count: depth)
        }
    }

    public var home: String { mode == .server ? "/" : root + "index.html" }
    public func asset(_ name: String) -> String { root + "assets/" + name }
    public func entity(slug: String) -> String { mode == .server ? "/entity/" + slug : root + "entity/" + slug + ".html" }
    public func story(slug: String) -> String { root + "stories/" + slug + ".html" }
    /// A file beside the pages: a download, a diagram, an answer as JSON.
    public func file(_ path: String) -> String { root + path }

    /// A live question: `/path?from=ICE&to=AE%20Industrial`, parameters in the order given and
    /// empty ones left out.
    public func question(_ path: String, _ parameters: [(String, String?)]) -> String {
        let query = parameters.compactMap { name, value -> String? in
            guard let value, !value.isEmpty else { return nil }
            return Self.escape(name) + "=" + Self.escape(value)
        }.joined(separator: "&")
        return "/" + path + (query.isEmpty ? "" : "?" + query)
    }

    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// Percent-encodes everything but unreserved characters, so a value is one parameter whatever it holds.
    static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }
}
