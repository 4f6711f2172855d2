/// One step up a hierarchy: `child` belongs to `parent` through `relationship`.
public struct OwnershipStep: Hashable, Sendable {
    public var child: EntityIndex
    public var parent: EntityIndex
    public var relationship: RelationshipIndex
}

/// Who stands above an entity: every chain of ownership and part-of links up to the entities
/// that nothing stands above (the ultimate parents).
public struct OwnershipChains: Sendable {
    /// Each chain from the entity up to an ultimate parent (or up to where a cycle closes).
    public var chains: [[OwnershipStep]]
    /// The ultimate parents reached, in index order.
    public var ultimateParents: [EntityIndex]
    /// Loops met on the way up, each as the entities around it; reported, never followed twice.
    public var cycles: [[EntityIndex]]
}

extension Graph {
    /// The links that make `child` part of, or owned by, another entity, read child → parent
    /// (``Vocabulary/hierarchy`` says which way each kind is written), in link order.
    public func parentLinks(of child: EntityIndex, asOf date: PartialDate? = nil) -> [OwnershipStep] {
        var steps: [OwnershipStep] = []
        forEachLink(of: child, direction: .both) { link, other in
            guard let ends = Vocabulary.childAndParent(kind: kind(of: link), from: from(link), to: to(link)) else { return }
            if let date, !validity(of: link).isValid(at: date) { return }
            if ends.child == child && other != child { steps.append(OwnershipStep(child: child, parent: other, relationship: link)) }
        }
        return steps
    }

    /// All chains up from `entity`: depth-first over parent links, each chain stopping at an
    /// entity with no parent or at one already on the chain (a cycle, reported once).
    /// O(number of chains × their length); ownership trees are shallow.
    public func ownershipChains(of entity: EntityIndex, asOf date: PartialDate? = nil) -> OwnershipChains {
        var chains: [[OwnershipStep]] = []
        var ultimate: Set<EntityIndex> = []
        var cycles: [[EntityIndex]] = []
        var seenCycles: Set<Set<EntityIndex>> = []
        var chain: [OwnershipStep] = []
        var onChain: [EntityIndex] = [entity]

        func climb(_ current: EntityIndex) {
            let parents = parentLinks(of: current, asOf: date)
            if parents.isEmpty {
                if current != entity { ultimate.insert(current) }
                if !chain.isEmpty { chains.append(chain) }
                return
            }
            for step in parents {
                if let position = onChain.firstIndex(of: step.parent) {
                    let loop = Array(onChain[position...])
                    if seenCycles.insert(Set(loop)).inserted { cycles.append(loop) }
                    chains.append(chain + [step])
                    continue
                }
                chain.append(step)
                onChain.append(step.parent)
                climb(step.parent)
                chain.removeLast()
                onChain.removeLast()
            }
        }
        climb(entity)
        return OwnershipChains(chains: chains, ultimateParents: ultimate.sorted(), cycles: cycles)
    }
}
