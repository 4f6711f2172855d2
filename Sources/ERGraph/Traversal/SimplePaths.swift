/// Every loopless path of at most `maxHops` links, shortest first, at most `limit` of them.
///
/// Iterative deepening over exact lengths, pruned by the hop distance to the target (a partial
/// path that cannot reach the target in the hops left is abandoned), so short answers come
/// first and the work stops once `limit` paths are found. The number of simple paths can grow
/// exponentially with `maxHops`; `limit` bounds the answer, the pruning bounds the search.
extension Graph {
    public func simplePaths(from source: EntityIndex, to target: EntityIndex, maxHops: Int,
                            limit: Int = 100, options: TraversalOptions = TraversalOptions()) -> [Path] {
        guard source != target, maxHops > 0, limit > 0 else { return [] }
        let filter = TraversalFilter(options, graph: self)
        let toTarget = hopDistances(from: target.int, filter: filter, reverse: true,
                                    exempt: [source.int, target.int], maximum: maxHops)
        guard toTarget[source.int] >= 0 else { return [] }
        var results: [Path] = []
        var onPath = [Bool](repeating: false, count: entityCount)
        var entities = [source]
        var links: [RelationshipIndex] = []
        onPath[source.int] = true

        for length in Int(toTarget[source.int])...maxHops {
            var found: [Path] = []
            func extend(_ entity: Int, hopsLeft: Int) {
                if entity == target.int {
                    if hopsLeft == 0 { found.append(Path(entities: entities, relationships: links)) }
                    return
                }
                if hopsLeft == 0 || (entity != source.int && !filter.canPass(entity)) { return }
                filter.forEachStep(from: entity, in: self) { link, neighbor in
                    guard !onPath[neighbor], toTarget[neighbor] >= 0, Int(toTarget[neighbor]) <= hopsLeft - 1 else { return }
                    onPath[neighbor] = true
                    entities.append(EntityIndex(neighbor))
                    links.append(RelationshipIndex(link))
                    extend(neighbor, hopsLeft: hopsLeft - 1)
                    entities.removeLast()
                    links.removeLast()
                    onPath[neighbor] = false
                }
            }
            extend(source.int, hopsLeft: length)
            results += found.sorted(by: Path.stableOrder)
            if results.count >= limit { break }
        }
        return Array(results.prefix(limit))
    }
}
