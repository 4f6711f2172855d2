import ERGraph

/// Who owns or contains an entity, up to the ultimate parents (`ergraph owners`). Chains are
/// walked child → parent, and each link is drawn the way it is written.
public struct OwnersAnswer: Answer, Encodable {
    public struct Step: Encodable, Sendable {
        public var child: String
        public var parent: String
        public var relationship: String
        public var kind: String
        /// The link's own ends, as written.
        public var from: String
        public var to: String
        /// `forward` when the link is written child → parent, `backward` when parent → child.
        public var direction: String
        public var start: String?
        public var end: String?
        /// The step in words, read from the child.
        public var statement: String
    }

    public var entity: String
    public var ultimateParents: [String]
    public var chains: [[Step]]
    public var cycles: [[String]]
    private var lines: [String] = []

    enum CodingKeys: String, CodingKey { case entity, ultimateParents, chains, cycles }

    public init(of start: EntityIndex, asOf date: PartialDate?, in graph: Graph) {
        let result = graph.ownershipChains(of: start, asOf: date)
        entity = graph.id(of: start)
        ultimateParents = result.ultimateParents.map { graph.id(of: $0) }
        chains = result.chains.map { chain in
            chain.map { step in
                let link = graph.relationship(step.relationship)
                let forward = graph.from(step.relationship) == step.child
                return Step(child: graph.id(of: step.child), parent: graph.id(of: step.parent), relationship: link.id, kind: link.kind,
                            from: link.from, to: link.to, direction: forward ? "forward" : "backward",
                            start: link.validity.start?.description, end: link.validity.end?.description,
                            statement: Wording.statement(link, from: graph.name(of: step.child), to: graph.name(of: step.parent),
                                                         forward: forward, in: graph.vocabulary))
            }
        }
        cycles = result.cycles.map { $0.map { graph.id(of: $0) } }

        if result.chains.isEmpty {
            lines.append("\(graph.name(of: start)) has no owner or parent in this dataset")
        } else {
            let names = result.ultimateParents.map { graph.name(of: $0) }
            lines.append("\(graph.name(of: start)): ultimate parent\(names.count == 1 ? "" : "s"): \(names.joined(separator: ", "))")
            for chain in result.chains {
                // Each step read from the child, along the link or against it as it is written:
                // "Paragon Solutions was acquired by AE Industrial (since 2024-12)", then ", which …".
                let sentences = chain.enumerated().map { position, step in
                    Wording.statement(graph.relationship(step.relationship),
                                      from: position == 0 ? graph.name(of: step.child) : "which",
                                      to: graph.name(of: step.parent), forward: graph.from(step.relationship) == step.child,
                                      in: graph.vocabulary)
                }
                lines.append("  " + sentences.joined(separator: ", "))
            }
        }
        for cycle in result.cycles {
            lines.append("  warning: cycle: " + (cycle + [cycle[0]]).map { graph.name(of: $0) }.joined(separator: " → "))
        }
    }

    public func text() -> String { lines.joined(separator: "\n") + "\n" }
}
