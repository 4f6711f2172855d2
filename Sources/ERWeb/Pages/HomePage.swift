import ERAnswers
import Foundation

extension GraphPages {
    /// Entities listed per kind on the front page; the rest are found through the search.
    static let entitiesListedPerKind = 200

    /// The front page: title, description, counts, stories, entities by kind, downloads, sources.
    public func homePage(links: PageLinks, downloads: [(label: String, href: String)] = []) -> String {
        let stats = StatsAnswer(graph, origin: origin).summary
        let counts: [Fields] = [
            ["value": Wording.grouped(stats.entities), "label": stats.entities == 1 ? "entity" : "entities"],
            ["value": Wording.grouped(stats.relationships), "label": stats.relationships == 1 ? "link" : "links"],
            ["value": Wording.grouped(stats.sources), "label": stats.sources == 1 ? "source" : "sources"],
            ["value": Wording.grouped(stats.components), "label": stats.components == 1 ? "component" : "components"],
        ]
        let breakdown = stats.entitiesByKind.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
            .map { "\(Wording.kind($0.key)) \(Wording.grouped($0.value))" }.joined(separator: ", ")
        var byKind: [String: [EntityIndex]] = [:]
        for entity in graph.entityIndices { byKind[graph.kind(of: entity), default: []].append(entity) }
        let kinds: [Fields] = byKind.sorted { ($1.value.count, $0.key) < ($0.value.count, $1.key) }.map { kind, entities in
            let listed = entities.sorted { (graph.name(of: $0), graph.id(of: $0)) < (graph.name(of: $1), graph.id(of: $1)) }
                .prefix(Self.entitiesListedPerKind)
            return ["label": Wording.kind(kind).capitalizedFirst, "count": Wording.grouped(entities.count),
                    "entities": listed.map { ["name": graph.name(of: $0), "href": links.entity(slug: slugs.slug(of: $0))] as Fields },
                    "more": entities.count > listed.count ? Wording.grouped(entities.count - listed.count) as Any : false]
        }
        let stories: [Fields] = graph.stories.map { story in
            ["title": story.title, "summary": field(story.summary), "href": storyHref(story, links)]
        }
        let sourceList: [Fields] = graph.sources.enumerated().map { position, source in
            let url = source.url.flatMap { ($0.lowercased().hasPrefix("https://") || $0.lowercased().hasPrefix("http://")) ? $0 : nil }
            return ["number": position + 1, "title": source.title, "publisher": field(source.publisher),
                    "published": field(source.published?.description), "url": field(url), "archive": field(source.archive)]
        }
        var fields: Fields = [
            "description": field(graph.summaryText), "counts": counts, "breakdown": breakdown, "kinds": kinds,
            "hasStories": !stories.isEmpty, "stories": stories, "hasSources": !sourceList.isEmpty, "sourceList": sourceList,
        ]
        fields.merge(Download.fields(downloads.map { Download(label: $0.label, href: $0.href) })) { _, new in new }
        return PageRenderer.render("home", frame: frame("Overview", links), fields: fields)
    }

    /// Where a story's path is shown: its own page on a site, the path finder on the server.
    func storyHref(_ story: Story, _ links: PageLinks) -> String {
        links.isLive ? links.question("path", [("from", story.from), ("to", story.to)]) : links.story(slug: Self.storySlug(story))
    }

    /// A story's file name: its title made plain, with a hash of its ends so two stories with one
    /// title stay apart.
    static func storySlug(_ story: Story) -> String {
        EntitySlugs.slug(readable: story.title, hashing: story.title + "\u{0}" + story.from + "\u{0}" + story.to)
    }
}

extension String {
    /// The first letter upper-cased: `Company`, `Contract`.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
