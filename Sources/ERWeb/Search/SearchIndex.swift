import ERAnswers
import Foundation

/// Search over names, aliases, descriptions and quotes, for suggestions as one types. A query
/// matches an entity when each of its words begins a word of what the entity is called or of
/// what is said about it; matches on the name rank first. The static site's script applies the
/// same rule to the prebuilt index (``siteScript(links:)``).
public struct SearchIndex: Sendable {
    /// One match.
    public struct Result: Sendable, Equatable, Encodable {
        public var entity: EntityIndex
        public var id: String
        public var name: String
        public var kind: String
        /// The alias, description or quote that matched, when the name did not.
        public var match: String?

        enum CodingKeys: String, CodingKey { case id, name, kind, match }
    }

    private struct Entry: Sendable {
        var entity: EntityIndex
        var nameWords: [Substring]
        /// Aliases, then the description, then the quotes: each text with its words.
        var texts: [(text: String, words: [Substring])]
    }

    /// Quotes are indexed for graphs up to this size; beyond it names and aliases only, so that
    /// the index stays a fraction of the graph.
    static let quotedUpTo = 20_000

    private let entries: [Entry]
    private let graph: Graph

    public init(graph: Graph) {
        self.graph = graph
        let withQuotes = graph.entityCount <= Self.quotedUpTo
        var quotesByEntity: [EntityIndex: [String]] = [:]
        if withQuotes {
            for link in graph.relationshipIndices where graph.hasDetails(link) {
                let quotes = graph.relationship(link).citations.compactMap(\.quote)
                guard !quotes.isEmpty else { continue }
                quotesByEntity[graph.from(link), default: []] += quotes
                quotesByEntity[graph.to(link), default: []] += quotes
            }
        }
        entries = graph.entityIndices.map { entity in
            var texts: [String] = []
            if graph.hasDetails(entity) {
                let record = graph.entity(entity)
                texts += record.aliases
                if case let .text(description)? = record.properties["description"] { texts.append(description) }
                if withQuotes { texts += record.citations.compactMap(\.quote) }
            }
            var seen: Set<String> = []
            texts += quotesByEntity[entity] ?? []
            texts = texts.filter { seen.insert($0).inserted }
            return Entry(entity: entity, nameWords: Self.words(graph.name(of: entity)),
                         texts: texts.map { ($0, Self.words($0)) })
        }
    }

    /// Lower-cased words: runs of letters and digits.
    static func words(_ text: String) -> [Substring] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }
    }

    /// The best `limit` matches for `query`, best first: the name starting with the query, then
    /// a word of the name, then an alias, description or quote; ties by name, then id.
    public func search(_ query: String, limit: Int = 8) -> [Result] {
        let terms = Self.words(query)
        guard !terms.isEmpty, limit > 0 else { return [] }
        let lowered = query.lowercased().trimmingCharacters(in: .whitespaces)
        var found: [(rank: Int, result: Result)] = []
        func covers(_ words: [Substring]) -> Bool { terms.allSatisfy { term in words.contains { $0.hasPrefix(term) } } }
        for entry in entries {
            let name = graph.name(of: entry.entity)
            var rank: Int?
            var match: String?
            if covers(entry.nameWords) {
                rank = name.lowercased().hasPrefix(lowered) ? 0 : 1
            } else if let text = entry.texts.first(where: { covers($0.words) }) {
                rank = 2
                match = Self.excerpt(text.text, around: terms[0])
            } else if covers(entry.nameWords + entry.texts.flatMap(\.words)) {
                rank = 3
            }
            guard let rank else { continue }
            found.append((rank, Result(entity: entry.entity, id: graph.id(of: entry.entity), name: name,
                                       kind: Wording.kind(graph.kind(of: entry.entity)), match: match)))
        }
        found.sort { ($0.rank, $0.result.name, $0.result.id) < ($1.rank, $1.result.name, $1.result.id) }
        return found.prefix(limit).map(\.result)
    }

    /// A short piece of `text` around the first word starting with `term`.
    static func excerpt(_ text: String, around term: Substring) -> String {
        guard text.count > 90 else { return text }
        let lowered = text.lowercased()
        var position = lowered.startIndex
        if let range = lowered.range(of: term) { position = range.lowerBound }
        let offset = lowered.distance(from: lowered.startIndex, to: position)
        var start = max(0, offset - 30)
        // Begin at a word: after the first space past the cut, unless that passes the match.
        if start > 0, let space = text.dropFirst(start).firstIndex(of: " "),
           text.distance(from: text.startIndex, to: space) < offset {
            start = text.distance(from: text.startIndex, to: space) + 1
        }
        let startIndex = text.index(text.startIndex, offsetBy: start)
        let endIndex = text.index(startIndex, offsetBy: min(90, text.distance(from: startIndex, to: text.endIndex)))
        return (start > 0 ? "…" : "") + text[startIndex..<endIndex] + (endIndex < text.endIndex ? "…" : "")
    }

    /// The index for a static site, as a script that sets `window.ergraphSearchIndex` (a JSON
    /// file would be refused by a browser opening the site from disk): per entity its name,
    /// kind, page, the texts it is found by (aliases, description, quotes) and id.
    public func siteScript(slugs: EntitySlugs, links: PageLinks) -> String {
        var rows: [String] = []
        rows.reserveCapacity(entries.count)
        for entry in entries {
            let name = graph.name(of: entry.entity)
            let texts = "[" + entry.texts.map { Self.javascriptString($0.text) }.joined(separator: ",") + "]"
            rows.append("[" + Self.javascriptString(name) + "," + Self.javascriptString(Wording.kind(graph.kind(of: entry.entity)))
                        + "," + Self.javascriptString(links.entity(slug: slugs.slug(of: entry.entity))) + "," + texts
                        + "," + Self.javascriptString(graph.id(of: entry.entity)) + "]")
        }
        return "window.ergraphSearchIndex = [\n" + rows.joined(separator: ",\n") + "\n];\n"
    }

    /// A JSON string that is also safe inside a script (``QueryResultWriter/jsonString(_:forScript:)``).
    static func javascriptString(_ text: String) -> String {
        QueryResultWriter.jsonString(text, forScript: true)
    }
}
