import ERGraph
import Foundation
import Yams

/// Writes a graph as an ergraph dataset (the YAML format `DatasetReader` reads), in the graph's
/// own order, so the same graph always gives the same bytes. Importers use it to save what they
/// read; reading the file back gives the same graph.
public enum DatasetWriter {
    /// Why a graph cannot be written as a dataset.
    public enum WriteError: Error, Sendable, Equatable {
        /// The dataset would hold at least `values` YAML values, at least the `limit` the reader
        /// accepts (`DocumentParser.maximumValues`): refused before any text is made, since
        /// writing and then reading back 2 million values took 85 s only to be refused.
        case tooManyValues(values: Int, limit: Int)
    }

    /// The dataset YAML of `graph`. Throws `WriteError.tooManyValues` when the reader would
    /// refuse the result for its size.
    public static func yaml(_ graph: Graph, sameAs: [[String]] = [], comment: String? = nil) throws -> String {
        try yaml(graph, sameAs: sameAs, comment: comment, valueLimit: DocumentParser.maximumValues)
    }

    /// `valueLimit` lets tests check the writer's count against the reader's on a small graph.
    static func yaml(_ graph: Graph, sameAs: [[String]], comment: String?, valueLimit: Int) throws -> String {
        // The fewest values the document can have (the root, `ergraph`, the two lists, four per
        // entity, five per link) settles large graphs from their counts alone.
        let fewest = 4 + 4 * graph.entityCount + 5 * graph.relationshipCount
        guard fewest < valueLimit else {
            throw WriteError.tooManyValues(values: fewest, limit: valueLimit)
        }
        var top: [(String, Value)] = [("ergraph", .plain(String(DatasetReader.supportedVersion)))]
        if let title = graph.title { top.append(("title", text(title))) }
        if let summary = graph.summaryText { top.append(("description", text(summary))) }
        if !graph.properties.isEmpty {
            top.append(("properties", mapping(graph.properties.keys.sorted().compactMap { key in
                graph.properties[key].map { (key, property($0)) }
            })))
        }
        if !graph.stories.isEmpty {
            top.append(("stories", .list((graph.stories.map { story in
                var fields = [("title", text(story.title)), ("from", text(story.from)), ("to", text(story.to))]
                if let summary = story.summary { fields.append(("description", text(summary))) }
                return mapping(fields)
            }))))
        }
        if !graph.sources.isEmpty {
            top.append(("sources", .list((graph.sources.map(source)))))
        }
        let builtIn = Vocabulary.builtIn
        let entityKinds = graph.vocabulary.entityKinds.filter { builtIn.entityKind($0.id) == nil }
        let relationshipKinds = graph.vocabulary.relationshipKinds.filter { builtIn.relationshipKind($0.id) == nil }
        if !entityKinds.isEmpty || !relationshipKinds.isEmpty {
            var kinds: [(String, Value)] = []
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
        top.append(("entities", .list((graph.entityIndices.map { entity(graph.entity($0)) }))))
        if graph.relationshipCount > 0 {
            top.append(("relationships", .list((graph.relationshipIndices.map { relationship(graph.relationship($0)) }))))
        }
        if !sameAs.isEmpty {
            top.append(("same_as", .list((sameAs.map { group in .flowList(group.map(text)) }))))
        }
        let document = mapping(top)
        // The reader counts every node it converts (keys excepted) against its budget; counting
        // the same way here is exact, since the writer uses no anchors. Counting this tree, not
        // Yams nodes, matters: Yams nodes for 2.7 M values took 30 s and 5.7 GB in release.
        let values = document.count
        guard values < valueLimit else {
            throw WriteError.tooManyValues(values: values, limit: valueLimit)
        }
        let body = try Yams.serialize(node: document.node, width: -1, allowUnicode: true, sortKeys: false)
        let header = comment.map { $0.split(separator: "\n", omittingEmptySubsequences: false).map { "# \($0)" }.joined(separator: "\n") + "\n" } ?? ""
        return header + body
    }

    /// The document as the writer builds it, light enough to count before any Yams node exists.
    private indirect enum Value {
        /// Text that reads back as text: quoted whenever a plain scalar would read as something else.
        case text(String)
        /// A number or boolean, written plain.
        case plain(String)
        case list([Value])
        case flowList([Value])
        case map([(String, Value)])

        /// The values the reader counts: every node but the keys.
        var count: Int {
            switch self {
            case .text, .plain: 1
            case let .list(items), let .flowList(items): items.reduce(1) { $0 + $1.count }
            case let .map(pairs): pairs.reduce(1) { $0 + $1.1.count }
            }
        }

        var node: Node {
            switch self {
            case let .text(value):
                let plainIsSafe = !value.isEmpty && Int(value) == nil && Double(value) == nil
                    && !["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"].contains(value.lowercased())
                return .scalar(.init(value, .init(.str), plainIsSafe ? .any : .doubleQuoted))
            case let .plain(value): return Node(value)
            case let .list(items): return .sequence(.init(items.map(\.node)))
            case let .flowList(items): return .sequence(.init(items.map(\.node), .implicit, .flow))
            case let .map(pairs): return .mapping(.init(pairs.map { (Node($0.0), $0.1.node) }))
            }
        }
    }

    private static func mapping(_ pairs: [(String, Value)]) -> Value { .map(pairs) }

    private static func text(_ value: String) -> Value { .text(value) }

    private static func source(_ source: Source) -> Value {
        var pairs: [(String, Value)] = [("id", text(source.id)), ("title", text(source.title))]
        if let publisher = source.publisher { pairs.append(("publisher", text(publisher))) }
        if let url = source.url { pairs.append(("url", text(url))) }
        if let published = source.published { pairs.append(("published", text(published.description))) }
        if let archive = source.archive { pairs.append(("archive", text(archive))) }
        return mapping(pairs)
    }

    private static func entity(_ entity: Entity) -> Value {
        var pairs: [(String, Value)] = [("id", text(entity.id)), ("kind", text(entity.kind)), ("name", text(entity.name))]
        if !entity.aliases.isEmpty { pairs.append(("aliases", .list((entity.aliases.map(text))))) }
        pairs += shared(validity: entity.validity, amounts: entity.amounts, events: entity.events,
                        properties: entity.properties, citations: entity.citations)
        return mapping(pairs)
    }

    private static func relationship(_ relationship: Relationship) -> Value {
        var pairs: [(String, Value)] = [("id", text(relationship.id)), ("kind", text(relationship.kind)),
                                       ("from", text(relationship.from)), ("to", text(relationship.to))]
        pairs += shared(validity: relationship.validity, amounts: relationship.amounts, events: relationship.events,
                        properties: relationship.properties, citations: relationship.citations)
        return mapping(pairs)
    }

    private static func shared(validity: Validity, amounts: [Money], events: [StatusEvent],
                               properties: [String: PropertyValue], citations: [Citation]) -> [(String, Value)] {
        var pairs: [(String, Value)] = []
        if let start = validity.start { pairs.append(("start", text(start.description))) }
        if let end = validity.end { pairs.append(("end", text(end.description))) }
        if !amounts.isEmpty { pairs.append(("amount", .list((amounts.map(money))))) }
        if !events.isEmpty {
            pairs.append(("events", .list((events.map { event in
                var items: [(String, Value)] = []
                if let date = event.date { items.append(("date", text(date.description))) }
                items.append(("status", text(event.status)))
                if let note = event.note { items.append(("note", text(note))) }
                if !event.citations.isEmpty { items.append(("sources", .list((event.citations.map(citation))))) }
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
        if !citations.isEmpty { pairs.append(("sources", .list((citations.map(citation))))) }
        return pairs
    }

    private static func money(_ money: Money) -> Value {
        mapping([("value", .plain(money.exactAmount)), ("currency", text(money.currency)), ("kind", text(money.kind.rawValue))])
    }

    private static func citation(_ citation: Citation) -> Value {
        var pairs: [(String, Value)] = [("source", text(citation.source))]
        if let quote = citation.quote { pairs.append(("quote", text(quote))) }
        if let locator = citation.locator { pairs.append(("at", text(locator))) }
        if let credit = citation.creditedTo { pairs.append(("credited_to", text(credit))) }
        return mapping(pairs)
    }

    private static func property(_ value: PropertyValue) -> Value {
        switch value {
        case let .text(value): text(value)
        case let .integer(value): .plain(String(value))
        case let .number(value): .plain(value.isFinite ? String(value) : "0")
        case let .boolean(value): .plain(value ? "true" : "false")
        case let .date(value): mapping([("date", text(value.description))])
        case let .money(value): money(value)
        case let .list(values): .list((values.map(property)))
        }
    }
}
