import ERAnswers

/// The evidence fields every page shares: quotes with numbered sources, the numbered list, and
/// download links. Sources are numbered in the order the page cites them, as the CLI's text
/// answers number them.
struct PageEvidence {
    private(set) var numbering = SourceNumbering()
    let graph: Graph

    init(graph: Graph) { self.graph = graph }

    /// The fields of `citations`: quote, number, locator and credit of each.
    mutating func citations(_ citations: [Citation]) -> Fields {
        ["citations": citations.map { citation -> Fields in
            ["quote": field(citation.quote), "number": numbering.number(for: citation.source),
             "locator": field(citation.locator), "credit": field(citation.creditedTo)]
        }]
    }

    /// The numbered sources cited so far; web addresses only as links (others as text).
    var sourceFields: Fields {
        let list = numbering.order.enumerated().compactMap { position, id -> Fields? in
            guard let source = graph.source(withID: id) else { return nil }
            let url = source.url.flatMap { url -> String? in
                let lowered = url.lowercased()
                return lowered.hasPrefix("https://") || lowered.hasPrefix("http://") ? url : nil
            }
            return ["number": position + 1, "title": source.title, "publisher": field(source.publisher),
                    "published": field(source.published?.description), "url": field(url), "archive": field(source.archive)]
        }
        return ["hasSources": !list.isEmpty, "sourceList": list]
    }
}

/// A link to the same answer in another form.
struct Download {
    var label: String
    var href: String
    /// True when the browser should save it rather than show it.
    var isFile: Bool = true

    static func fields(_ downloads: [Download]) -> Fields {
        ["hasDownloads": !downloads.isEmpty,
         "downloadList": downloads.map { ["label": $0.label, "href": $0.href, "file": $0.isFile] as Fields }]
    }
}
