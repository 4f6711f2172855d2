import ERGraph
import Foundation
import Yams

/// Writes a graph as an ergraph dataset (the YAML format `DatasetReader` reads), in the graph's
/// own order, so the same graph always gives the same bytes. Importers use it to save what they
/// read; reading the file back gives the same graph.
public enum DatasetWriter {
    public static func yaml(_ graph: Graph, sameAs: [[String]] = [], comment: String? = nil) throws -> String {
        var top: [(String, Node)] = [("ergraph", Node(String(DatasetReader.supportedVersion)))]
        if let title = graph.title { top.append(("title", text(title))) }
        if let summary = graph.summaryText { top.append(("description", text(summary))) }
        if !graph.properties.isEmpty {
            top.append(("properties", mapping(graph.properties.keys.sorted().compactMap { key in
                graph.properties[key].map { (key, property($0)) }
            })))
        }
        if !graph.stories.isEmpty {
            top.append(("stories", .sequence(.init(graph.stories.map { story in
                var fields = [("title", text(story.title)), ("from", text(story.from)), ("to", text(story.to))]
                if let summary = story.summary { fields.append(("description", text(summary))) }
                return mapping(fields)
            }))))
        }
        if !graph.sources.isEmpty {
            top.append(("sources", .sequence(.init(graph.sources.map(source)))))
        }
        let builtIn = Vocabulary.builtIn
        let entityKinds = graph.vocabulary.entityKinds.filter { builtIn.entityKind($0.id) == nil }
        let relationshipKinds = graph.vocabulary.relationshipKinds.filter { builtIn.relationshipKind($0.id) == nil }
        if !entityKinds.isEmpty || !relationshipKinds.isEmpty {
            var kinds: [(String, Node)] = []
            if !entityKinds.isEmpty { kinds.append(("entities", mapping(entityKinds.map { ($0.id, text($0.meaning)) }))) }
            if !relationshipKinds.isEmpty {
                kinds.append(("relationships", mapping(relationshipKinds.map { kind in
                    guard kind.phrase != nil || kind.inverse != nil else { return (kind.id, text(kind.meaning)) }
                    var fields = [("meaning", text(kind.meaning))]
                    if let phrase = kind.phrase { fields.append(("phrase", text(phrase))) }
                    if let inverse = kind.inverse { fields.append(("inverse", text(inverse))) }
                    return (kind.id, mapping(fields))
                })))
            }
            top.append(("kinds", mapping(kinds)))
        }
        top.append(("entities", .sequence(.init(graph.entityIndices.map { entity(graph.entity($0)) }))))
        if graph.relationshipCount > 0 {
            top.append(("relationships", .sequence(.init(graph.relationshipIndices.map { relationship(graph.relationship($0)) }))))
        }
        if !sameAs.isEmpty {
            top.append(("same_as", .sequence(.init(sameAs.map { group in .sequence(.init(group.map(text), .implicit, .flow)) }))))
        }
        let body = try Yams.serialize(node: mapping(top), width: -1, allowUnicode: true, sortKeys: false)
        let header = comment.map { $0.split(separator: "\n", omittingEmptySubsequences: false).map { "# \($0)" }.joined(separator: "\n") + "\n" } ?? ""
        return header + body
    }

    private static func mapping(_ pairs: [(String, Node)]) -> Node {
        .mapping(.init(pairs.map { (Node($0.0), $0.1) }))
    }

    /// Text that reads back as text: quoted whenever a plain scalar would read as something else.
    private static func text(_ value: String) -> Node {
        let plainIsSafe = !value.isEmpty && Int(value) == nil && Double(value) == nil
            && !["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"].contains(value.lowercased())
        return .scalar(.init(value, .init(.str), plainIsSafe ? .any : .doubleQuoted))
    }

    private static func source(_ source: Source) -> Node {
        var pairs: [(String, Node)] = [("id", text(source.id)), ("title", text(source.title))]
        if let publisher = source.publisher { pairs.append(("publisher", text(publisher))) }
        if let url = source.url { pairs.append(("url", text(url))) }
        if let published = source.published { pairs.append(("published", text(published.description))) }
        if let archive = source.archive { pairs.append(("archive", text(archive))) }
        return mapping(pairs)
    }

    private static func entity(_ entity: Entity) -> Node {
        var pairs: [(String, Node)] = [("id", text(entity.id)), ("kind", text(entity.kind)), ("name", text(entity.name))]
        if !entity.aliases.isEmpty { pairs.append(("aliases", .sequence(.init(entity.aliases.map(text))))) }
        pairs += shared(validity: entity.validity, amounts: entity.amounts, events: entity.events,
                        properties: entity.properties, citations: entity.citations)
        return mapping(pairs)
    }

    private static func relationship(_ relationship: Relationship) -> Node {
        var pairs: [(String, Node)] = [("id", text(relationship.id)), ("kind", text(relationship.kind)),
                                       ("from", text(relationship.from)), ("to", text(relationship.to))]
        pairs += shared(validity: relationship.validity, amounts: relationship.amounts, events: relationship.events,
                        properties: relationship.properties, citations: relationship.citations)
        return mapping(pairs)
    }

    private static func shared(validity: Validity, amounts: [Money], events: [StatusEvent],
                               properties: [String: PropertyValue], citations: [Citation]) -> [(String, Node)] {
        var pairs: [(String, Node)] = []
        if let start = validity.start { pairs.append(("start", text(start.description))) }
        if let end = validity.end { pairs.append(("end", text(end.description))) }
        if !amounts.isEmpty { pairs.append(("amount", .sequence(.init(amounts.map(money))))) }
        if !events.isEmpty {
            pairs.append(("events", .sequence(.init(events.map { event in
                var items: [(String, Node)] = []
                if let date = event.date { items.append(("date", text(date.description))) }
                items.append(("status", text(event.status)))
                if let note = event.note { items.append(("note", text(note))) }
                if !event.citations.isEmpty { items.append(("sources", .sequence(.init(event.citations.map(citation))))) }
                return mapping(items)
            }))))
        }
        var remaining = properties
        if case let .text(description)? = remaining.removeValue(forKey: "description") {
            pairs.append(("description", text(description)))
        }
        if !remaining.isEmpty {
            pairs.append(("properties", mapping(remaining.keys.sorted().compactMap { key in
                remaining[key].map { (key, property($0)) }
            })))
        }
        if !citations.isEmpty { pairs.append(("sources", .sequence(.init(citations.map(citation))))) }
        return pairs
    }

    private static func money(_ money: Money) -> Node {
        mapping([("value", Node(money.exactAmount)), ("currency", text(money.currency)), ("kind", text(money.kind.rawValue))])
    }

    private static func citation(_ citation: Citation) -> Node {
        var pairs: [(String, Node)] = [("source", text(citation.source))]
        if let quote = citation.quote { pairs.append(("quote", text(quote))) }
        if let locator = citation.locator { pairs.append(("at", text(locator))) }
        if let credit = citation.creditedTo { pairs.append(("credited_to", text(credit))) }
        return mapping(pairs)
    }

    private static func property(_ value: PropertyValue) -> Node {
        switch value {
        case let .text(value): text(value)
        case let .integer(value): Node(String(value))
        case let .number(value): Node(value.isFinite ? String(value) : "0")
        case let .boolean(value): Node(value ? "true" : "false")
        case let .date(value): mapping([("date", text(value.description))])
        case let .money(value): money(value)
        case let .list(values): .sequence(.init(values.map(property)))
        }
    }
}
