/// Combines datasets into one, and folds the ids that `same_as` declares to be one entity.
///
/// Entities with the same id are one entity: their aliases and citations are pooled, and a
/// property, date or amount that only one side states is kept. Where the two sides disagree,
/// the first dataset's value is kept and the disagreement reported, never silently
/// overwritten. `same_as` groups (from any of the datasets) are folded into the first id of
/// the group that exists: the others' names become aliases and their links are redirected.
public enum DatasetMerger {
    public static func merge(_ datasets: [Dataset]) -> (dataset: Dataset, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var merged = Dataset()
        merged.title = datasets.compactMap(\.title).joined(separator: " + ")
        if merged.title?.isEmpty ?? true { merged.title = nil }
        merged.description = datasets.count == 1 ? datasets.first?.description : nil

        var sourceIndex: [String: Int] = [:]
        var entityIndex: [String: Int] = [:]
        var relationshipIndex: [String: Int] = [:]
        for dataset in datasets {
            for kind in dataset.entityKinds where !merged.entityKinds.contains(where: { $0.value.id == kind.value.id }) {
                merged.entityKinds.append(kind)
            }
            for kind in dataset.relationshipKinds where !merged.relationshipKinds.contains(where: { $0.value.id == kind.value.id }) {
                merged.relationshipKinds.append(kind)
            }
            for source in dataset.sources {
                if let index = sourceIndex[source.value.id] {
                    if merged.sources[index].value != source.value {
                        diagnostics.append(.warning("source '\(source.value.id)' is described differently here than in "
                                                    + "\(merged.sources[index].locations.record?.file ?? "an earlier dataset"); keeping the first",
                                                    at: source.locations.record))
                    }
                } else {
                    sourceIndex[source.value.id] = merged.sources.count
                    merged.sources.append(source)
                }
            }
            for entity in dataset.entities {
                if let index = entityIndex[entity.value.id] {
                    merged.entities[index].value = combine(merged.entities[index], entity, diagnostics: &diagnostics)
                } else {
                    entityIndex[entity.value.id] = merged.entities.count
                    merged.entities.append(entity)
                }
            }
            for relationship in dataset.relationships {
                if let index = relationshipIndex[relationship.value.id] {
                    if merged.relationships[index].value != relationship.value {
                        diagnostics.append(.warning("relationship '\(relationship.value.id)' is also defined in "
                                                    + "\(merged.relationships[index].locations.record?.file ?? "an earlier dataset") "
                                                    + "with other content; keeping the first", at: relationship.locations.record))
                    }
                } else {
                    relationshipIndex[relationship.value.id] = merged.relationships.count
                    merged.relationships.append(relationship)
                }
            }
            merged.sameAs += dataset.sameAs
            merged.unusableEntityIDs.formUnion(dataset.unusableEntityIDs)
        }

        // Fold same_as groups.
        var replacement: [String: String] = [:]
        for group in merged.sameAs {
            let present = group.value.filter { entityIndex[$0] != nil }
            guard let canonical = present.first.map({ replacement[$0] ?? $0 }) else { continue }
            for other in present.dropFirst() where other != canonical && replacement[other] == nil {
                guard let target = entityIndex[canonical], let source = entityIndex[other] else { continue }
                var folded = merged.entities[source]
                if !folded.value.aliases.contains(folded.value.name) { folded.value.aliases.insert(folded.value.name, at: 0) }
                merged.entities[target].value = combine(merged.entities[target], folded, diagnostics: &diagnostics)
                replacement[other] = canonical
            }
        }
        if !replacement.isEmpty {
            merged.entities.removeAll { replacement[$0.value.id] != nil }
            for index in merged.relationships.indices {
                if let to = replacement[merged.relationships[index].value.to] { merged.relationships[index].value.to = to }
                if let from = replacement[merged.relationships[index].value.from] { merged.relationships[index].value.from = from }
            }
        }
        return (merged, diagnostics)
    }

    /// `first` with what `second` adds; disagreements reported at `second`, first kept.
    private static func combine(_ first: Located<Entity>, _ second: Located<Entity>,
                                diagnostics: inout [Diagnostic]) -> Entity {
        var entity = first.value
        let other = second.value
        let here = second.locations.record
        let there = first.locations.record.map { "\($0.file):\($0.line)" } ?? "an earlier dataset"
        if entity.kind != other.kind {
            diagnostics.append(.warning("entity '\(other.id)' is a \(other.kind) here but a \(entity.kind) at \(there); keeping \(entity.kind)", at: here))
        }
        for name in [other.name] + other.aliases where name != entity.name && !entity.aliases.contains(name) {
            entity.aliases.append(name)
        }
        for (key, value) in other.properties.sorted(by: { $0.key < $1.key }) {
            if let existing = entity.properties[key] {
                if existing != value {
                    diagnostics.append(.warning("conflicting '\(key)' for entity '\(entity.id)': '\(value)' here, '\(existing)' at \(there); keeping the first", at: here))
                }
            } else {
                entity.properties[key] = value
            }
        }
        if entity.validity.isEmpty { entity.validity = other.validity }
        else if !other.validity.isEmpty && other.validity != entity.validity {
            diagnostics.append(.warning("conflicting dates for entity '\(entity.id)' (here and at \(there)); keeping the first", at: here))
        }
        if entity.amounts.isEmpty { entity.amounts = other.amounts }
        else if !other.amounts.isEmpty && other.amounts != entity.amounts {
            diagnostics.append(.warning("conflicting amounts for entity '\(entity.id)' (here and at \(there)); keeping the first", at: here))
        }
        if entity.events.isEmpty { entity.events = other.events }
        for citation in other.citations where !entity.citations.contains(citation) { entity.citations.append(citation) }
        return entity
    }
}
