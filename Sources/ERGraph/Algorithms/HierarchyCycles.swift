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
/// Every hierarchical link is read as "child → parent", whichever way its kind is written
/// (``Vocabulary/hierarchy``). Strongly connected components are found with
/// ``StronglyConnected`` over the entities that have a parent link; one shortest loop is then
/// reported per component by breadth-first search. O(V + E) over the hierarchical links.
public enum HierarchyCycles {
    /// The hierarchy's child → parent lists over dense local node numbers.
    private struct ParentLists: SuccessorLists {
        var entities: [Int32] = []
        var localIndex: [Int32: Int] = [:]
        var parents: [[(parent: Int, relationship: Int32)]] = []

        mutating func node(_ entity: Int32) -> Int {
            if let known = localIndex[entity] { return known }
            localIndex[entity] = entities.count
            entities.append(entity)
            parents.append([])
            return entities.count - 1
        }

        var nodeCount: Int { entities.count }
        func successorCount(of node: Int) -> Int { parents[node].count }
        func successor(of node: Int, at position: Int) -> Int { parents[node][position].parent }
    }

    public static func find(in graph: Graph) -> [HierarchyCycle] {
        var lists = ParentLists()
        // Children in entity order, so local numbers (and so the search) follow entity order.
        var links: [(child: Int32, parent: Int32, relationship: Int32)] = []
        for relationship in graph.relationshipIndices {
            guard let ends = Vocabulary.childAndParent(kind: graph.kind(of: relationship), from: graph.from(relationship).rawValue,
                                                       to: graph.to(relationship).rawValue) else { continue }
            links.append((ends.child, ends.parent, relationship.rawValue))
        }
        guard !links.isEmpty else { return [] }
        for child in Set(links.map(\.child)).sorted() { _ = lists.node(child) }
        for link in links {
            let child = lists.node(link.child), parent = lists.node(link.parent)
            lists.parents[child].append((parent, link.relationship))
        }

        let labels = StronglyConnected.components(of: lists)
        var members = [[Int]](repeating: [], count: labels.count)
        for node in 0..<lists.nodeCount { members[Int(labels.labels[node])].append(node) }
        var cycles: [HierarchyCycle] = []
        for component in members {
            guard let root = component.min(by: { lists.entities[$0] < lists.entities[$1] }) else { continue }
            let selfLoop = lists.parents[root].first { $0.parent == root }
            if let selfLoop {
                cycles.append(HierarchyCycle(entities: [EntityIndex(lists.entities[root])],
                                             relationships: [RelationshipIndex(selfLoop.relationship)]))
                continue
            }
            guard component.count > 1 else { continue }
            if let cycle = shortestLoop(from: root, within: Set(component), lists: lists) { cycles.append(cycle) }
        }
        return cycles.sorted { ($0.entities.first?.rawValue ?? 0) < ($1.entities.first?.rawValue ?? 0) }
    }

    private static func shortestLoop(from root: Int, within members: Set<Int>, lists: ParentLists) -> HierarchyCycle? {
        var cameFrom: [Int: (previous: Int, relationship: Int32)] = [:]
        var frontier: [Int] = [root]
        var closing: (node: Int, relationship: Int32)?
        search: while !frontier.isEmpty {
            var next: [Int] = []
            for node in frontier {
                for link in lists.parents[node] where members.contains(link.parent) {
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
            entities.append(EntityIndex(lists.entities[node]))
            guard let step = cameFrom[node] else { return nil }
            relationships.append(RelationshipIndex(step.relationship))
            node = step.previous
        }
        entities.append(EntityIndex(lists.entities[root]))
        // Walked backwards from the closing link; put the loop in child → parent order from the root.
        return HierarchyCycle(entities: entities.reversed(), relationships: relationships.reversed())
    }
}
