import ERFormats
import ERGraph

/// The entity and relationship kinds, built in and declared, with their meanings and how often
/// the datasets use each (`ergraph kinds`). Reads the datasets without requiring them to be
/// valid: this is where people look when validation says a kind is unknown.
public struct KindsAnswer: Answer, Encodable {
    public struct Kind: Encodable, Sendable {
        public var id: String
        public var meaning: String
        public var count: Int
        /// For relationship kinds: how the link reads from its source and from its target.
        public var phrase: String?
        public var inverse: String?
    }

    public var entityKinds: [Kind]
    public var relationshipKinds: [Kind]
    /// Files that could not be read at all (their kinds are missing from the answer).
    public var unreadable: [String] = []

    enum CodingKeys: String, CodingKey { case entityKinds, relationshipKinds }

    public init(paths: [String]) {
        var vocabulary = Vocabulary.builtIn
        var entityCounts: [String: Int] = [:]
        var relationshipCounts: [String: Int] = [:]
        var unreadable: [String] = []
        for path in paths {
            guard let dataset = DatasetReader().read(contentsOf: path).dataset else {
                unreadable.append(path)
                continue
            }
            for kind in dataset.entityKinds { vocabulary.declareEntityKind(kind.value) }
            for kind in dataset.relationshipKinds { vocabulary.declareRelationshipKind(kind.value) }
            for entity in dataset.entities { entityCounts[entity.value.kind, default: 0] += 1 }
            for relationship in dataset.relationships { relationshipCounts[relationship.value.kind, default: 0] += 1 }
        }
        self.init(vocabulary: vocabulary, entityCounts: entityCounts, relationshipCounts: relationshipCounts)
        self.unreadable = unreadable
    }

    /// The kinds of a graph that is already open (lists and snapshots have no dataset file).
    public init(graph: Graph) {
        var entityCounts: [String: Int] = [:]
        var relationshipCounts: [String: Int] = [:]
        for entity in graph.entityIndices { entityCounts[graph.kind(of: entity), default: 0] += 1 }
        for link in graph.relationshipIndices { relationshipCounts[graph.kind(of: link), default: 0] += 1 }
        self.init(vocabulary: graph.vocabulary, entityCounts: entityCounts, relationshipCounts: relationshipCounts)
    }

    private init(vocabulary: Vocabulary, entityCounts: [String: Int], relationshipCounts: [String: Int]) {
        entityKinds = vocabulary.entityKinds.map { Kind(id: $0.id, meaning: $0.meaning, count: entityCounts[$0.id] ?? 0) }
        relationshipKinds = vocabulary.relationshipKinds.map {
            Kind(id: $0.id, meaning: $0.meaning, count: relationshipCounts[$0.id] ?? 0, phrase: $0.activePhrase, inverse: $0.inverse)
        }
    }

    public func text() -> String {
        func table(_ title: String, _ kinds: [Kind]) -> [String] {
            let width = kinds.map(\.id.count).max() ?? 0
            return [title] + kinds.map { kind in
                let count = kind.count == 0 ? "" : " (\(kind.count) in this dataset)"
                let reads = kind.phrase.map { phrase in
                    "; reads A \(phrase) B" + (kind.inverse.map { ", B \($0) A" } ?? "")
                } ?? ""
                return "  " + kind.id.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + kind.meaning + reads + count
            }
        }
        return (table("Entity kinds", entityKinds) + [""] + table("Relationship kinds", relationshipKinds)).joined(separator: "\n") + "\n"
    }
}
