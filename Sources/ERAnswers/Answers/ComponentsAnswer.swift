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

    /// The components of `context`'s graph. On the folded view a contract folded into its
    /// buyer → vendor link is counted with its buyer (it joins the same entities its link
    /// does), so the sizes add up to the entities the dataset has, as `stats` counts them;
    /// strongly connected components are of the folded links alone.
    public init(strong: Bool, in context: GraphContext, shown: Int = 8) {
        let graph = context.graph
        let labels = strong ? graph.stronglyConnectedComponents() : graph.weaklyConnectedComponents()
        var members = [[String]](repeating: [], count: labels.count)
        var lowest = [Int32](repeating: Int32.max, count: labels.count)
        for entity in graph.entityIndices {
            let label = Int(labels.labels[entity.int])
            members[label].append(graph.id(of: entity))
            lowest[label] = min(lowest[label], entity.rawValue)
        }
        if !strong {
            for folded in context.foldedContracts { members[Int(labels.labels[folded.buyer.int])].append(folded.contract) }
        }
        components = members.indices.sorted { members[$0].count != members[$1].count ? members[$0].count > members[$1].count : lowest[$0] < lowest[$1] }
            .map { Component(size: members[$0].count, entities: members[$0]) }
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
