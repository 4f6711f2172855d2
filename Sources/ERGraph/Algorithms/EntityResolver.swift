import Foundation

/// Finds the entity a person means: by id, name or alias, ignoring case.
public struct EntityResolver: Sendable {
    /// What a name resolved to.
    public enum Resolution: Equatable, Sendable {
        case found(EntityIndex)
        /// Several entities share the name; listed by id.
        case ambiguous([EntityIndex])
        /// Nothing matched; the entities the text most likely meant (a name it begins, a
        /// word it matches, or a near spelling), best first, at most five.
        case notFound(suggestions: [EntityIndex])
    }

    private let graph: Graph
    private let byLowercasedName: [String: [EntityIndex]]

    /// Indexes ids, names and aliases: O(V) once, then O(1) per exact lookup.
    public init(graph: Graph) {
        self.graph = graph
        var index: [String: [EntityIndex]] = [:]
        for entity in graph.entityIndices {
            var keys = Set([graph.id(of: entity).lowercased(), graph.name(of: entity).lowercased()])
            for alias in graph.aliases(of: entity) { keys.insert(alias.lowercased()) }
            for key in keys { index[key, default: []].append(entity) }
        }
        byLowercasedName = index
    }

    public func resolve(_ text: String) -> Resolution {
        if let exact = graph.index(ofEntity: text) { return .found(exact) }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let matches = byLowercasedName[trimmed.lowercased()] {
            if matches.count == 1 { return .found(matches[0]) }
            return .ambiguous(matches.sorted { graph.id(of: $0) < graph.id(of: $1) })
        }
        return .notFound(suggestions: suggestions(for: trimmed.lowercased()))
    }

    /// Names that start with the text, then names with a word that starts with it, then the
    /// closest spelling. Scans every name: fine for people typing, O(V) per miss.
    private func suggestions(for text: String) -> [EntityIndex] {
        guard !text.isEmpty else { return [] }
        let keys = byLowercasedName.keys.sorted()
        var found: [EntityIndex] = []
        func add(_ entities: [EntityIndex]) {
            for entity in entities.sorted() where !found.contains(entity) { found.append(entity) }
        }
        for key in keys where key.hasPrefix(text) { add(byLowercasedName[key] ?? []) }
        for key in keys where !key.hasPrefix(text) {
            let words = key.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            if words.contains(where: { $0.hasPrefix(text) }) { add(byLowercasedName[key] ?? []) }
        }
        if found.isEmpty, let closest = Suggestions.closest(to: text, among: keys) {
            add(byLowercasedName[closest] ?? [])
        }
        return Array(found.prefix(5))
    }

    /// A one-line explanation for a failed resolution, naming the candidates or the suggestion.
    public func explain(_ resolution: Resolution, for text: String) -> String? {
        switch resolution {
        case .found:
            return nil
        case let .ambiguous(candidates):
            let list = candidates.map { "\(graph.id(of: $0)) (\(graph.name(of: $0)), \(graph.kind(of: $0)))" }
            return "'\(text)' names \(candidates.count) entities: \(list.joined(separator: ", ")); use an id"
        case let .notFound(suggestions) where suggestions.count == 1:
            let entity = suggestions[0]
            return "unknown entity '\(text)'; did you mean '\(graph.name(of: entity))' (id \(graph.id(of: entity)))?"
        case let .notFound(suggestions) where !suggestions.isEmpty:
            let list = suggestions.map { "'\(graph.name(of: $0))' (id \(graph.id(of: $0)))" }
            return "unknown entity '\(text)'; did you mean one of \(list.joined(separator: ", "))?"
        case .notFound:
            return "unknown entity '\(text)': no entity has that id, name or alias"
        }
    }
}
