import ERGraph

/// Weakly or strongly connected components, largest first (`ergraph components`).
public struct ComponentsAnswer: Answer, Encodable {
    public struct Component: Encodable, Sendable {
        public var size: Int
        public var entities: [String]
    }

    public var kind: String
    public var count: Int
    public var components: [Component]
    /// How many entities to name per component in text.
    public var shown: Int

    enum CodingKeys: String, CodingKey { case kind, count, components }

    public init(strong: Bool, in graph: Graph, shown: Int = 8) {
        let labels = strong ? graph.stronglyConnectedComponents() : graph.weaklyConnectedComponents()
        var members = [[EntityIndex]](repeating: [], count: labels.count)
        for entity in graph.entityIndices { members[Int(labels.labels[entity.int])].append(entity) }
        components = members.sorted { $0.count != $1.count ? $0.count > $1.count : $0[0] < $1[0] }
            .map { Component(size: $0.count, entities: $0.map { graph.id(of: $0) }) }
        kind = strong ? "strong" : "weak"
        count = components.count
        self.shown = shown
    }

    public func text() -> String {
        var lines = ["\(count) \(kind == "strong" ? "strongly" : "weakly") connected component\(count == 1 ? "" : "s")"]
        for component in components {
            let names = component.entities.prefix(shown).joined(separator: ", ")
            let more = component.size > shown ? ", … (\(component.size - shown) more)" : ""
            lines.append("  \(component.size): \(names)\(more)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
