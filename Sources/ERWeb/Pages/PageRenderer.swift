import Mustache

/// Fields handed to a template: Mustache reads dictionaries, arrays and scalars.
typealias Fields = [String: Any]

/// Renders pages through swift-mustache. The library of templates is parsed once, on first use.
enum PageRenderer {
    private static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        for template in Templates.all {
            do {
                try library.register(template.text, named: template.name)
            } catch {
                // The templates are constants compiled into the binary; the tests render each one.
                preconditionFailure("template '\(template.name)' does not parse: \(error)")
            }
        }
        return library
    }()

    /// The page `template` with the frame's and the page's fields.
    static func render(_ template: String, frame: PageFrame, fields: Fields) -> String {
        var all = frame.fields
        all.merge(fields) { _, page in page }
        guard let text = library.render(all, withTemplate: template) else {
            preconditionFailure("no template named '\(template)'")
        }
        return text
    }
}

/// An optional text as a template field: Mustache shows a section for any string, even an empty
/// one, so what is absent must be `false`.
func field(_ text: String?) -> Any {
    guard let text, !text.isEmpty else { return false }
    return text
}

/// What every page shows around its content: the dataset's title, the search box, the navigation.
struct PageFrame {
    var graphTitle: String
    var origin: String
    var pageTitle: String
    var links: PageLinks

    var fields: Fields {
        var fields: Fields = [
            "graphTitle": graphTitle, "pageTitle": pageTitle, "origin": origin,
            "cssHref": links.asset("site.css"), "scriptHref": links.asset("site.js"), "homeHref": links.home,
            "live": links.isLive, "contentSecurityPolicy": ContentSecurity.pagePolicy,
        ]
        switch links.mode {
        case .server:
            fields["root"] = "/"
            fields["searchMode"] = "api"
            fields["searchAction"] = "/search"
            fields["searchIndexHref"] = false
            fields["nav"] = [["href": "/path", "label": "Paths"], ["href": "/query", "label": "Cypher"],
                             ["href": "/timeline", "label": "Timeline"], ["href": "/diff", "label": "Changes"]]
        case .site:
            fields["root"] = links.file("")
            fields["searchMode"] = "index"
            fields["searchAction"] = false
            fields["searchIndexHref"] = links.asset("search-index.js")
            fields["nav"] = [["href": links.home, "label": "Index"]]
        }
        return fields
    }
}
