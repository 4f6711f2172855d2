import ERGraph
import ERRender
import Foundation

/// A diagram ready to lay out: its DOT, and what the composer had to leave out.
public struct Diagram: Sendable {
    public var document: DOTDocument
    /// Problems that did not stop the drawing, such as a source link with a scheme other than
    /// http or https (dropped, never linked).
    public var warnings: [String]
    /// The sources cited by what is drawn, numbered as on the drawing.
    public var sources: [Source]

    /// The DOT text: exactly what ``Graphviz`` lays out, and what `ergraph export --format dot` writes.
    public var dot: String { DOTWriter.write(document) }

    public init(document: DOTDocument, warnings: [String], sources: [Source]) {
        self.document = document
        self.warnings = warnings
        self.sources = sources
    }
}

/// Turns a ``GraphView`` into a themed DOT document: shapes and colours per kind, line styles
/// per relationship family, labels with money and dates, numbered source markers, tooltips and
/// source links, a legend of the kinds drawn, and the list of sources cited.
public struct DiagramComposer: Sendable {
    public struct Options: Sendable {
        public var title: String?
        /// A second line under the title, such as what a view is centred on.
        public var subtitle: String?
        public var clusterBy: ClusterMode
        public var theme: Theme
        /// Where the legend goes: a node of its own (beside the drawing, where the layout
        /// places it), or under the title in the graph's own label, so that the DOT holds
        /// exactly the dataset's nodes (what other tools count).
        public var legendInTitle: Bool
        /// Where clicking an entity leads (its page on a site), by entity id; when nil, or when
        /// it gives nil, an entity links to its first cited web source, as on a standalone drawing.
        public var entityLink: (@Sendable (String) -> String?)?
        /// For a page that says the rest in words (its title, the quotes and numbered sources, how
        /// many outlets each link rests on): no title, no legend, no source numbers or marks on
        /// the drawing, whose numbering could differ from the page's.
        public var onPage: Bool
        /// Where the drawing will be seen (``DiagramStyle``).
        public var style: DiagramStyle
        /// A sentence under the title (print style) or the subtitle (others).
        public var caption: String?
        public init(title: String? = nil, subtitle: String? = nil, clusterBy: ClusterMode = .none, theme: Theme = .standard,
                    legendInTitle: Bool = false, entityLink: (@Sendable (String) -> String?)? = nil, onPage: Bool = false,
                    style: DiagramStyle = .screen, caption: String? = nil) {
            self.entityLink = entityLink
            self.onPage = onPage
            self.style = style
            self.caption = caption
            self.title = title
            self.subtitle = subtitle
            self.clusterBy = clusterBy
            self.theme = theme
            self.legendInTitle = legendInTitle
        }
    }

    public var options: Options

    /// Views with more entities than this are drawn with straight edges and bounded layout passes.
    public static let largeView = 500

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Names longer than this are shortened on the drawing (the tooltip keeps them whole):
    /// labels stay readable and HTML labels stay far below Graphviz's 16 KB token limit.
    static let maximumLabelLength = 120

    public func compose(_ view: GraphView, of graph: Graph) -> Diagram {
        let theme = options.theme
        var warnings: [String] = []
        var sourceNumbers: [String: Int] = [:]
        var citedSources: [Source] = []
        func number(_ citation: Citation) -> Int? {
            if let known = sourceNumbers[citation.source] { return known }
            guard let source = graph.source(withID: citation.source) else { return nil }
            citedSources.append(source)
            sourceNumbers[citation.source] = citedSources.count
            return citedSources.count
        }
        func markers(_ citations: [Citation]) -> String {
            var numbers: [Int] = []
            for citation in citations { if let n = number(citation), !numbers.contains(n) { numbers.append(n) } }
            return Wording.markers(numbers)
        }
        func link(for citations: [Citation], of what: String) -> String? {
            for citation in citations {
                guard let url = graph.source(withID: citation.source)?.url else { continue }
                if Self.isWebLink(url) { return Self.linkValue(url) }
                let message = "dropped the link '\(url)' of source '\(citation.source)' on \(what): only http and https links are drawn"
                if !warnings.contains(message) { warnings.append(message) }
            }
            return nil
        }

        var document = DOTDocument(name: graph.title ?? "ergraph")
        let highlighting = view.isHighlighting

        // Links first, so sources are numbered in the order the edges cite them, which is
        // stable: relationship index order.
        var familiesDrawn: Set<LinkFamily> = []
        var undatedDrawn = 0
        var singleSourcedDrawn = 0
        // In print, the source most links cite is named once, in the footnotes; only links that
        // cite another carry numbers, so that the labels stay few and every claim stays traceable.
        let usualSource = options.style.labelsEveryLink ? nil : Self.mostCitedSource(view, graph: graph)
        for relationship in view.relationships {
            let record = graph.relationship(relationship)
            let family = Vocabulary.family(of: record.kind)
            familiesDrawn.insert(family)
            var lineStyle = theme.linkStyle(family)
            if family == .contract, let amount = record.amounts.map({ Double(truncating: $0.amount as NSDecimalNumber) }).max() {
                lineStyle.penWidth = theme.penWidth(forAmount: amount)
            }
            let strong = !highlighting || view.highlightedRelationships.contains(relationship)
            let style = options.style
            let citedMarks = markers(record.citations + record.events.flatMap(\.citations))
            let citedIDs = Set((record.citations + record.events.flatMap(\.citations)).map(\.source))
            let sourceMarks = options.onPage || (!style.labelsEveryLink && citedIDs == Set([usualSource].compactMap { $0 })) ? "" : citedMarks
            // On a view at a date, a link without dates is kept (nothing says it did not hold)
            // and marked, so the reader can tell it from one known to hold then.
            let undated = view.asOf != nil && record.validity.isEmpty
            if undated { undatedDrawn += 1 }
            let independent = graph.corroboration(of: relationship)
            if independent == 1 { singleSourcedDrawn += 1 }
            var attributes: [String: DOTValue] = [
                "id": .text("link-" + record.id),
                "kind": .text(record.kind),
                "label": .text(((style.labelsEveryLink ? Self.edgeLabel(record, in: graph.vocabulary) : style.linkFacts(Self.shortened(Wording.facts(of: record))))
                                + (undated ? "\n" + Self.undatedMark : "")
                                + (sourceMarks.isEmpty ? "" : " " + sourceMarks)
                                + (independent == 1 && !options.onPage && style.labelsEveryLink ? Self.singleSourceMark : ""))
                    .trimmingCharacters(in: .whitespaces)),
                "tooltip": .text(Self.edgeTooltip(record, graph: graph, markers: options.onPage ? "" : citedMarks) + "\n" + Wording.independence(independent)
                                 + (undated ? "\n" + Self.undatedMark + ": kept in this view as nothing says it did not hold then" : "")),
                "color": .raw(strong ? lineStyle.color : theme.dimmedLine),
                "fontcolor": .raw(strong ? "#333333" : theme.dimmedText),
                "style": .raw(lineStyle.style),
                "penwidth": .raw(Self.number(highlighting && strong ? lineStyle.penWidth + 1.5 : lineStyle.penWidth)),
            ]
            if let url = link(for: record.citations, of: "link '\(record.id)'") { attributes["URL"] = .text(url) }
            document.edges.append(DOTDocument.Edge(tail: record.from, head: record.to, key: record.id, attributes: attributes))
        }

        var kindsDrawn: [String: Int] = [:]
        for entity in view.entities {
            let record = graph.entity(entity)
            kindsDrawn[record.kind, default: 0] += 1
            let style = theme.entityStyle(record.kind)
            let strong = !highlighting || view.highlightedEntities.contains(entity)
            let sourceMarks = options.onPage ? "" : markers(record.citations)
            let details = Wording.facts(validity: record.validity, amounts: record.amounts, events: [])
            let fact = options.style.writesKind ? Wording.kind(record.kind) + (details.isEmpty ? "" : " · " + details) : details
            let textColor = strong ? "#111111" : theme.dimmedText
            var parts: [HTMLLabel.Part] = []
            for (number, line) in options.style.wrapped(Self.shortened(record.name)).enumerated() {
                if number > 0 { parts.append(.lineBreak) }
                parts.append(.font(color: textColor, [.bold([.text(line)])]))
            }
            if !fact.isEmpty {
                parts += [.lineBreak, .font(size: options.style.factSize, color: strong ? "#555555" : theme.dimmedText, [.text(fact)])]
            }
            let label = HTMLLabel(parts)
            var attributes: [String: DOTValue] = [
                "id": .text("entity-" + record.id),
                "kind": .text(record.kind),
                "name": .text(record.name),
                "label": .html(label),
                "tooltip": .text(Self.entityTooltip(record, markers: sourceMarks)),
                "shape": .raw(style.shape),
                "style": .raw(style.rounded ? "rounded,filled" : "filled"),
                "fillcolor": .raw(strong ? style.fill : theme.dimmedFill),
                "color": .raw(strong ? style.border : theme.dimmedLine),
                "penwidth": .raw(view.focus == entity || (highlighting && strong) ? "2.5" : "1.2"),
            ]
            // The entity a focus view is about: a double border, whatever the engine.
            if view.focus == entity { attributes["peripheries"] = .raw("2") }
            if let page = options.entityLink?(record.id) {
                attributes["URL"] = .text(Self.linkValue(page))
            } else if let url = link(for: record.citations, of: "entity '\(record.id)'") {
                attributes["URL"] = .text(url)
            }
            document.nodes.append(DOTDocument.Node(id: record.id, attributes: attributes))
        }

        document.clusters = clusters(for: view, of: graph)
        let legendTable = legend(kinds: kindsDrawn, families: familiesDrawn, undated: undatedDrawn, singleSourced: singleSourcedDrawn,
                                 sources: citedSources, view: view, graph: graph)
        let captionBelow = options.style.captionBelow && !options.onPage && !options.legendInTitle
        if !options.legendInTitle && !options.onPage && !captionBelow {
            document.nodes.append(DOTDocument.Node(id: "ergraph-legend", attributes: [
                "shape": .raw("plain"),
                "label": .html(HTMLLabel.table(legendTable)),
                "tooltip": .text("Legend and sources"),
                "ergraph_role": .text("legend"),
            ]))
        }

        let title = options.title ?? graph.title ?? "ergraph"
        var subtitles: [String] = []
        if let subtitle = options.subtitle { subtitles.append(subtitle) }
        if let date = view.asOf { subtitles.append("as of \(date)") }
        var titleParts: [HTMLLabel.Part] = [.font(size: 20, [.bold([.text(Self.shortened(title))])])]
        if !subtitles.isEmpty {
            titleParts += [.lineBreak, .font(size: 13, color: "#444444", [.text(Self.shortened(subtitles.joined(separator: " · ")))])]
        }
        if let caption = options.caption {
            titleParts += [.lineBreak, .font(size: 13, color: "#222222", [.text(Self.wrapped(caption, width: 110))])]
        }
        let titleLabel: HTMLLabel
        if captionBelow {
            titleLabel = HTMLLabel.table(printCaption(title: titleParts, kinds: kindsDrawn, families: familiesDrawn,
                                                      sources: citedSources, usualSource: usualSource, view: view))
        } else if options.legendInTitle {
            titleLabel = HTMLLabel.table(HTMLLabel.Table(rows: [
                [HTMLLabel.Cell(titleParts, align: "left")],
                [HTMLLabel.Cell([.table(legendTable)], align: "left")],
            ]))
        } else {
            titleLabel = HTMLLabel(titleParts)
        }
        document.graphAttributes = [
            "label": .html(titleLabel),
            "ergraph_role": .text("diagram"),
            "labelloc": .raw(captionBelow ? "b" : "t"),
            "labeljust": .raw("l"),
            "fontname": .text(theme.fontName),
            "rankdir": .raw(options.style.rankDirection),
            "newrank": .raw("true"),
            "nodesep": .raw(options.style.nodeSeparation),
            "ranksep": .raw(options.style.rankSeparation),
            "splines": .raw("true"),
            "overlap": .raw("false"),
            "sep": .raw("+8"),
            "pad": .raw("0.4"),
            "bgcolor": .raw("white"),
            "dpi": .raw("96"),
            "outputorder": .raw("edgesfirst"),
            "tooltip": .text(title),
        ]
        if options.onPage { document.graphAttributes["label"] = nil }
        if let ratio = options.style.aspectRatio, !options.onPage { document.graphAttributes["ratio"] = .raw(ratio) }
        if view.entities.count > Self.largeView {
            // Measured on a generated 5,000-entity view: dot spent minutes in crossing
            // minimisation (2.5 million crossings on its first pass) and sfdp over two minutes
            // routing curved edges around nodes; bounded passes and straight edges brought sfdp to
            // about 16 s and dot's 1,000-entity views to under 2 s (bench/results/render.md).
            for (name, value) in [("splines", "line"), ("mclimit", "0.2"), ("nslimit", "2"), ("nslimit1", "2"), ("searchsize", "20")] {
                document.graphAttributes[name] = .raw(value)
            }
        }
        document.nodeDefaults = ["fontname": .text(theme.fontName), "fontsize": .raw(Wording.number(options.style.nameSize)),
                                 "margin": .raw("0.12,0.06")]
        document.edgeDefaults = ["fontname": .text(theme.fontName), "fontsize": .raw(Wording.number(options.style.linkSize)),
                                 "arrowsize": .raw("0.7")]
        return Diagram(document: document, warnings: warnings, sources: citedSources)
    }

    // MARK: Clusters

    private func clusters(for view: GraphView, of graph: Graph) -> [DOTDocument.Cluster] {
        let groups: [String: (label: String, members: [EntityIndex])]
        switch options.clusterBy {
        case .none:
            return []
        case .kind:
            var byKind: [String: (label: String, members: [EntityIndex])] = [:]
            for entity in view.entities {
                let kind = graph.kind(of: entity)
                byKind[kind, default: (Wording.kind(kind), [])].members.append(entity)
            }
            groups = byKind
        case .owner:
            var byOwner: [String: (label: String, members: [EntityIndex])] = [:]
            let members = Set(view.entities)
            for entity in view.entities {
                guard let owner = graph.ownershipChains(of: entity).ultimateParents.first(where: members.contains) else { continue }
                let key = graph.id(of: owner)
                byOwner[key, default: ("owned by " + graph.name(of: owner), [owner])].members.append(entity)
            }
            groups = byOwner
        case .agency:
            groups = Self.nearestAgency(view, graph: graph)
        }
        var taken = Set<EntityIndex>()
        var result: [DOTDocument.Cluster] = []
        for key in groups.keys.sorted() {
            guard let group = groups[key] else { continue }
            let members = group.members.filter { taken.insert($0).inserted }
            guard members.count > 1 || options.clusterBy == .kind else { continue }
            result.append(DOTDocument.Cluster(id: key, attributes: [
                "label": .text(group.label), "style": .raw("rounded"), "color": .raw("#BBBBBB"),
                "fontcolor": .raw("#555555"), "fontsize": .raw("12"),
            ], nodeIDs: members.map { graph.id(of: $0) }))
        }
        return result
    }

    /// Each entity goes with the agency it is fewest links from (ties: the agency listed first).
    private static func nearestAgency(_ view: GraphView, graph: Graph) -> [String: (label: String, members: [EntityIndex])] {
        let members = Set(view.entities)
        let links = Set(view.relationships)
        var owner: [EntityIndex: EntityIndex] = [:]
        var frontier: [EntityIndex] = view.entities.filter { graph.kind(of: $0) == EntityKinds.agency }
        for agency in frontier { owner[agency] = agency }
        while !frontier.isEmpty {
            var next: [EntityIndex] = []
            for entity in frontier {
                graph.forEachLink(of: entity, direction: .both) { link, other in
                    guard links.contains(link), members.contains(other), owner[other] == nil,
                          graph.kind(of: other) != EntityKinds.agency else { return }
                    owner[other] = owner[entity]
                    next.append(other)
                }
            }
            frontier = next
        }
        var groups: [String: (label: String, members: [EntityIndex])] = [:]
        for entity in view.entities {
            guard let agency = owner[entity] else { continue }
            groups[graph.id(of: agency), default: (graph.name(of: agency), [])].members.append(entity)
        }
        return groups
    }

    // MARK: Legend

    private func legend(kinds: [String: Int], families: Set<LinkFamily>, undated: Int, singleSourced: Int, sources: [Source],
                        view: GraphView, graph: Graph) -> HTMLLabel.Table {
        let theme = options.theme
        var rows: [[HTMLLabel.Cell]] = []
        rows.append([HTMLLabel.Cell([.bold([.text("Legend")])], align: "left", columnSpan: 2)])
        for kind in kinds.keys.sorted() {
            let style = theme.entityStyle(kind)
            rows.append([
                HTMLLabel.Cell([.text("     ")], background: style.fill, width: 28, border: 1),
                HTMLLabel.Cell([.text("\(Wording.kind(kind)) (\(kinds[kind] ?? 0))")], align: "left"),
            ])
        }
        for family in families.sorted() {
            let style = theme.linkStyle(family)
            rows.append([
                HTMLLabel.Cell([.font(color: style.color, [.bold([.text(style.sample)])])]),
                HTMLLabel.Cell([.text(theme.legendText(family))], align: "left"),
            ])
        }
        if singleSourced > 0 {
            rows.append([HTMLLabel.Cell([.bold([.text("†")])]),
                         HTMLLabel.Cell([.text("rests on one independent source (\(Wording.count(singleSourced, "link")))")], align: "left")])
        }
        if undated > 0, let date = view.asOf {
            // One cell across both columns, so the swatches keep their width.
            rows.append([HTMLLabel.Cell([.text(Self.undatedMark)], align: "left", columnSpan: 2)])
            rows.append([HTMLLabel.Cell([.text(" ")]),
                         HTMLLabel.Cell([.text(Self.wrapped("\(Wording.count(undated, "link")) with no date, kept as of \(date), as nothing "
                                                            + "says " + (undated == 1 ? "it" : "they") + " did not hold then", width: 60))],
                                        align: "left", lineAlign: "left")])
        }
        if view.isHighlighting && (view.highlightedEntities.count < view.entities.count
                                   || view.highlightedRelationships.count < view.relationships.count) {
            rows.append([HTMLLabel.Cell([.text("grey")], align: "left"),
                         HTMLLabel.Cell([.text("outside the highlighted path, shown for context")], align: "left")])
        }
        if !sources.isEmpty {
            rows.append([HTMLLabel.Cell([.text(" ")], columnSpan: 2)])
            rows.append([HTMLLabel.Cell([.bold([.text("Sources")]), .text(" (numbers in brackets on the links)")],
                                        align: "left", columnSpan: 2)])
            for (position, source) in sources.enumerated() {
                var shown = source
                // Only web links are drawn; a copy on disk is named instead.
                if let url = shown.url, !Self.isWebLink(url) { shown.url = nil }
                let text = Wording.source(shown)
                rows.append([HTMLLabel.Cell([.text("[\(position + 1)]")], align: "left"),
                             HTMLLabel.Cell([.text(Self.wrapped(text, width: 70))], align: "left", lineAlign: "left")])
            }
        }
        return HTMLLabel.Table(rows: rows, border: 1, cellBorder: 0, cellSpacing: 2, cellPadding: 3, background: "#FFFFFF")
    }

    // MARK: Links

    static func isWebLink(_ url: String) -> Bool {
        let lowered = url.lowercased()
        return lowered.hasPrefix("http://") || lowered.hasPrefix("https://")
    }

    /// A URL as a DOT `URL` value: characters that cannot stand in a URL or an XML attribute
    /// are percent-encoded, and `&` is written as `&amp;`, which Graphviz passes through to SVG
    /// as is (it leaves a bare `&` unescaped, which is not well-formed XML).
    static func linkValue(_ url: String) -> String {
        var out = ""
        for scalar in url.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "\"", "<", ">", "'", " ", "\\", "`", "{", "}", "|", "^": out += String(format: "%%%02X", scalar.value)
            case "\u{0}"..."\u{20}", "\u{7F}": out += String(format: "%%%02X", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    // MARK: Text

    static func shortened(_ text: String) -> String {
        text.count <= maximumLabelLength ? text : String(text.prefix(maximumLabelLength - 1)) + "…"
    }

    static func wrapped(_ text: String, width: Int) -> String {
        lines(text, width: width).map(shortened).joined(separator: "\n")
    }

    /// `text` broken at spaces into lines of at most about `width` characters.
    static func lines(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    static func number(_ value: Double) -> String { String(format: "%.2f", value) }

    /// How a link resting on one independent source is marked, after its source numbers.
    static let singleSourceMark = " †"

    /// How a link without dates is marked on a view at a date.
    static let undatedMark = "(date unknown)"

    /// The kind's verb, and the link's facts on a second line.
    static func edgeLabel(_ record: Relationship, in vocabulary: Vocabulary) -> String {
        let facts = Wording.facts(of: record)
        if record.kind == RelationshipKinds.unspecified { return shortened(facts) }
        let verb = Wording.verb(record.kind, in: vocabulary)
        return shortened(facts.isEmpty ? verb : "\(verb)\n\(facts)")
    }

    /// The link's statement (``Wording/statement(_:from:to:forward:)``), what each amount kind
    /// means, its properties, its quotes and its source numbers.
    static func edgeTooltip(_ record: Relationship, graph: Graph, markers: String) -> String {
        let fromName = graph.index(ofEntity: record.from).map { graph.name(of: $0) } ?? record.from
        let toName = graph.index(ofEntity: record.to).map { graph.name(of: $0) } ?? record.to
        var lines = [Wording.statement(record, from: fromName, to: toName, in: graph.vocabulary)]
        for amount in record.amounts { lines.append("\(Wording.money(amount)): \(amount.kind.meaning)") }
        for (key, value) in record.properties.sorted(by: { $0.key < $1.key }) { lines.append("\(Wording.kind(key)): \(value)") }
        for citation in record.citations {
            if let quote = citation.quote { lines.append("“\(quote)”") }
        }
        if !markers.isEmpty { lines.append("sources \(markers)") }
        return lines.joined(separator: "\n")
    }

    static func entityTooltip(_ record: Entity, markers: String) -> String {
        var lines = ["\(record.name) (\(Wording.kind(record.kind)), id \(record.id))"]
        if !record.aliases.isEmpty { lines.append("also known as: " + record.aliases.joined(separator: ", ")) }
        let details = Wording.facts(of: record)
        if !details.isEmpty { lines.append(details) }
        for (key, value) in record.properties.sorted(by: { $0.key < $1.key }) { lines.append("\(Wording.kind(key)): \(value)") }
        for citation in record.citations {
            if let quote = citation.quote { lines.append("“\(quote)”") }
        }
        if !markers.isEmpty { lines.append("sources \(markers)") }
        return lines.joined(separator: "\n")
    }
}
