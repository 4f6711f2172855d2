/// A directed graph seen only through its successor lists: nodes `0..<nodeCount`, each with an
/// ordered list of successors. The one shape that ``StronglyConnected`` needs, as petgraph's
/// algorithms take `IntoNeighbors`: the store's adjacency and the hierarchy's child → parent
/// lists both provide it.
public protocol SuccessorLists {
    var nodeCount: Int { get }
    func successorCount(of node: Int) -> Int
    /// The `position`-th successor of `node`, `0 <= position < successorCount(of: node)`.
    func successor(of node: Int, at position: Int) -> Int
}

extension Adjacency: SuccessorLists {
    public var nodeCount: Int { offsets.count - 1 }
    public func successorCount(of node: Int) -> Int { Int(offsets[node + 1] - offsets[node]) }
    public func successor(of node: Int, at position: Int) -> Int { Int(neighbors[Int(offsets[node]) + position]) }
}

/// Strongly connected components by Tarjan's algorithm (Tarjan 1972, "Depth-first search and
/// linear graph algorithms"), iterative so that long chains cannot overflow the stack.
/// O(V + E) time, O(V) memory.
public enum StronglyConnected {
    /// The component of every node, numbered from 0 in order of each component's lowest node,
    /// so the numbering does not depend on the search order.
    public static func components(of graph: some SuccessorLists) -> ComponentLabels {
        let n = graph.nodeCount
        var index = [Int32](repeating: -1, count: n)
        var lowLink = [Int32](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var stack: [Int32] = []
        var rawLabels = [Int32](repeating: -1, count: n)
        var componentCount: Int32 = 0
        var counter: Int32 = 0
        var work: [(node: Int, position: Int)] = []
        for start in 0..<n where index[start] < 0 {
            index[start] = counter; lowLink[start] = counter; counter += 1
            stack.append(Int32(start)); onStack[start] = true
            work.append((start, 0))
            while let (node, position) = work.last {
                if position < graph.successorCount(of: node) {
                    work[work.count - 1].position += 1
                    let next = graph.successor(of: node, at: position)
                    if index[next] < 0 {
                        index[next] = counter; lowLink[next] = counter; counter += 1
                        stack.append(Int32(next)); onStack[next] = true
                        work.append((next, 0))
                    } else if onStack[next] {
                        lowLink[node] = min(lowLink[node], index[next])
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last?.node { lowLink[parent] = min(lowLink[parent], lowLink[node]) }
                if lowLink[node] == index[node] {
                    while let member = stack.popLast() {
                        onStack[Int(member)] = false
                        rawLabels[Int(member)] = componentCount
                        if Int(member) == node { break }
                    }
                    componentCount += 1
                }
            }
        }
        var renumber = [Int32](repeating: -1, count: Int(componentCount))
        var nextLabel: Int32 = 0
        var labels = rawLabels
        for node in 0..<n {
            let raw = Int(rawLabels[node])
            if renumber[raw] < 0 { renumber[raw] = nextLabel; nextLabel += 1 }
            labels[node] = renumber[raw]
        }
        return ComponentLabels(labels: labels, count: Int(componentCount))
    }
}
