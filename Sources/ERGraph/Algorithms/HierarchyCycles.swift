/// A loop in ownership or part-of links: A is part of B, which is owned by A.
public struct HierarchyCycle: Hashable, Sendable {
    /// The entities around the loop, each one part of (or owned by) the next; the last leads
    /// back to the first. Starts at the entity with the lowest index.
    public var entities: [EntityIndex]
    /// The links between consecutive entities, the closing link last.
    public var relationships: [RelationshipIndex]
}

/// Finds loops in the hierarchy formed by the ``Vocabulary/hierarchicalKinds``.
///
/// Every hierarchical link is read as "child → parent" (`part_of`, `subsidiary_of` and
/// `merged_into` point that way already; `owns` and `acquired` point from parent to child and
/// are reversed). Strongly connected components are found with Tarjan's algorithm (Tarjan 1972,
/// "Depth-first search and linear graph algorithms"), iteratively so deep chains cannot
/// overflow the stack; one shortest loop is then reported per component by breadth-first
/// search. O(V + E) time and memory over the hierarchical links.
public enum HierarchyCycles {
    public static func find(in graph: Graph) -> [HierarchyCycle] {
        let reversedKinds: Set<String> = ["owns", "acquired"]
        var parentLinks: [Int32: [(parent: Int32, relationship: Int32)]] = [:]
        for relationship in graph.relationshipIndices {
            let kind = graph.kind(of: relationship)
            guard Vocabulary.hierarchicalKinds.contains(kind) else { continue }
            var child = graph.from(relationship).rawValue
            var parent = graph.to(relationship).rawValue
            if reversedKinds.contains(kind) { swap(&child, &parent) }
            parentLinks[child, default: []].append((parent, relationship.rawValue))
        }
        guard !parentLinks.isEmpty else { return [] }

        let components = stronglyConnected(nodes: parentLinks.keys.sorted(), links: parentLinks)
        var cycles: [HierarchyCycle] = []
        for component in components {
            let members = Set(component)
            guard let root = component.min() else { continue }
            let selfLoop = parentLinks[root]?.first { $0.parent == root }
            if component.count == 1 && selfLoop == nil { continue }
            if let selfLoop {
                cycles.append(HierarchyCycle(entities: [EntityIndex(root)],
                                             relationships: [RelationshipIndex(selfLoop.relationship)]))
                continue
            }
            if let cycle = shortestLoop(from: root, within: members, links: parentLinks) {
                cycles.append(cycle)
            }
        }
        return cycles.sorted { $0.entities.first! < $1.entities.first! }
    }

    private static func stronglyConnected(nodes: [Int32],
                                          links: [Int32: [(parent: Int32, relationship: Int32)]]) -> [[Int32]] {
        var index: [Int32: Int] = [:]
        var lowLink: [Int32: Int] = [:]
        var onStack: Set<Int32> = []
        var stack: [Int32] = []
        var components: [[Int32]] = []
        var counter = 0
        for start in nodes where index[start] == nil {
            var work: [(node: Int32, next: Int)] = [(start, 0)]
            index[start] = counter; lowLink[start] = counter; counter += 1
            stack.append(start); onStack.insert(start)
            while let (node, next) = work.last {
                let successors = links[node] ?? []
                if next < successors.count {
                    work[work.count - 1].next += 1
                    let successor = successors[next].parent
                    if index[successor] == nil {
                        index[successor] = counter; lowLink[successor] = counter; counter += 1
                        stack.append(successor); onStack.insert(successor)
                        work.append((successor, 0))
                    } else if onStack.contains(successor) {
                        lowLink[node] = min(lowLink[node]!, index[successor]!)
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last?.node {
                    lowLink[parent] = min(lowLink[parent]!, lowLink[node]!)
                }
                if lowLink[node] == index[node] {
                    var component: [Int32] = []
                    while let member = stack.popLast() {
                        onStack.remove(member)
                        component.append(member)
                        if member == node { break }
                    }
                    components.append(component)
                }
            }
        }
        return components
    }

    private static func shortestLoop(from root: Int32, within members: Set<Int32>,
                                     links: [Int32: [(parent: Int32, relationship: Int32)]]) -> HierarchyCycle? {
        var cameFrom: [Int32: (previous: Int32, relationship: Int32)] = [:]
        var frontier: [Int32] = [root]
        var closing: (node: Int32, relationship: Int32)?
        search: while !frontier.isEmpty {
            var next: [Int32] = []
            for node in frontier {
                for link in links[node] ?? [] where members.contains(link.parent) {
                    if link.parent == root { closing = (node, link.relationship); break search }
                    if cameFrom[link.parent] == nil {
                        cameFrom[link.parent] = (node, link.relationship)
                        next.append(link.parent)
                    }
                }
            }
            frontier = next
        }
        guard let closing else { return nil }
        var entities: [EntityIndex] = []
        var relationships: [RelationshipIndex] = [RelationshipIndex(closing.relationship)]
        var node = closing.node
        while node != root {
            entities.append(EntityIndex(node))
            guard let step = cameFrom[node] else { return nil }
            relationships.append(RelationshipIndex(step.relationship))
            node = step.previous
        }
        entities.append(EntityIndex(root))
        // Walked backwards from the closing link; put the loop in child → parent order from the root.
        return HierarchyCycle(entities: entities.reversed(), relationships: relationships.reversed())
    }
}
