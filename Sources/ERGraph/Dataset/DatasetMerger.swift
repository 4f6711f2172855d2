/// Combines datasets into one, and folds the ids that `same_as` declares to be one entity.
///
/// Entities with the same id are one entity: their aliases and citations are pooled, and a
/// property, date or amount that only one side states is kept. Where the two sides disagree,
/// the first dataset's value is kept and the disagreement reported, never silently
/// overwritten. `same_as` groups (from any of the datasets) are folded into the first id of
/// the group that exists: the others' names become aliases and their links are redirected.
///
/// Merging is corroboration, not duplication: after `same_as`, a link from one dataset and a
/// link from another with the same ends and kind whose facts agree (dates, amounts, events and
/// properties equal, or given on one side only) are one link, carrying the citations of both.
/// Links within one dataset are never merged: parallel links its author wrote are distinct
/// claims (three contracts between the same buyer and vendor). Cross-dataset links whose facts
/// differ stay apart and are reported as probable duplicates, with both locations and what
/// differs.
public enum DatasetMerger {
    public static func merge(_ datasets: [Dataset]) -> (dataset: Dataset, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var merged = Dataset()
        merged.title = datasets.compactMap(\.title).joined(separator: " + ")
        if merged.title?.isEmpty ?? true { merged.title = nil }
        merged.description = datasets.count == 1 ? datasets.first?.description : nil
        // The first dataset's value of each property; others fill what it lacks.
        for dataset in datasets {
            merged.properties.merge(dataset.properties) { first, _ in first }
            merged.corroboration.merge(dataset.corroboration) { first, _ in first }
            // Every dataset's stories, once each.
            for story in dataset.stories where !merged.stories.contains(where: { $0.value == story.value }) {
                merged.stories.append(story)
            }
        }

        var sourceIndex: [String: Int] = [:]
        var entityIndex: [String: Int] = [:]
        var relationshipIndex: [String: Int] = [:]
        /// The dataset each merged relationship came from.
        var origins: [Int] = []
        for (datasetNumber, dataset) in datasets.enumerated() {
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
                    origins.append(datasetNumber)
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
        if datasets.count > 1 {
            merged.relationships = corroborate(merged.relationships, origins: origins, diagnostics: &diagnostics)
        }
        return (merged, diagnostics)
    }

    /// One link for each claim that several datasets make; see the type's documentation.
    /// O(E) for links with distinct ends and kinds, O(k²) within a group of k parallel links.
    private static func corroborate(_ relationships: [Located<Relationship>], origins: [Int],
                                    diagnostics: inout [Diagnostic]) -> [Located<Relationship>] {
        var kept: [Located<Relationship>] = []
        var keptOrigins: [Set<Int>] = []
        var byEnds: [String: [Int]] = [:]
        for (relationship, origin) in zip(relationships, origins) {
            let key = [relationship.value.from, relationship.value.kind, relationship.value.to].joined(separator: "\u{1F}")
            var absorbed = false
            var differences: [(Int, [String])] = []
            for candidate in byEnds[key] ?? [] where !keptOrigins[candidate].contains(origin) {
                switch agreement(kept[candidate].value, relationship.value) {
                case let .agree(combined):
                    kept[candidate].value = combined
                    keptOrigins[candidate].insert(origin)
                    absorbed = true
                case let .differ(what):
                    differences.append((candidate, what))
                }
                if absorbed { break }
            }
            if absorbed { continue }
            for (candidate, what) in differences {
                let other = kept[candidate]
                let there = other.locations.record.map { "\($0.file):\($0.line)" } ?? "an earlier dataset"
                diagnostics.append(.warning(
                    "relationship '\(relationship.value.id)' (\(relationship.value.from) \(relationship.value.kind) \(relationship.value.to)) "
                        + "may be the same claim as '\(other.value.id)' at \(there), but \(what.joined(separator: "; ")); "
                        + "both are kept as separate links", at: relationship.locations.record))
            }
            byEnds[key, default: []].append(kept.count)
            kept.append(relationship)
            keptOrigins.append([origin])
        }
        return kept
    }

    private enum Agreement {
        case agree(Relationship)
        case differ([String])
    }

    /// Whether two datasets' links state the same facts: each fact equal, or stated by one side
    /// only. Agreeing, the first with what the second adds and the citations of both.
    private static func agreement(_ first: Relationship, _ second: Relationship) -> Agreement {
        var combined = first
        var differences: [String] = []
        func date(_ name: String, _ a: PartialDate?, _ b: PartialDate?) -> PartialDate? {
            guard let a else { return b }
            if let b, b != a { differences.append("the \(name) dates differ (\(a) and \(b))") }
            return a
        }
        combined.validity.start = date("start", first.validity.start, second.validity.start)
        combined.validity.end = date("end", first.validity.end, second.validity.end)
        if first.amounts.isEmpty {
            combined.amounts = second.amounts
        } else if !second.amounts.isEmpty && Set(first.amounts) != Set(second.amounts) {
            let words = { (amounts: [Money]) in amounts.map { "\($0.exactAmount) \($0.currency) \($0.kind.rawValue)" }.joined(separator: ", ") }
            differences.append("the amounts differ (\(words(first.amounts)) and \(words(second.amounts)))")
        }
        if first.events.isEmpty {
            combined.events = second.events
        } else if !second.events.isEmpty && first.events.map(\.status) != second.events.map(\.status)
                    || zip(first.events, second.events).contains(where: { $0.date != $1.date && $0.date != nil && $1.date != nil }) {
            differences.append("the status histories differ")
        }
        for (key, value) in second.properties.sorted(by: { $0.key < $1.key }) {
            if let existing = first.properties[key] {
                if existing != value { differences.append("'\(key)' differs (\(existing) and \(value))") }
            } else {
                combined.properties[key] = value
            }
        }
        for citation in second.citations where !combined.citations.contains(citation) { combined.citations.append(citation) }
        return differences.isEmpty ? .agree(combined) : .differ(differences)
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
        func dates(_ validity: Validity) -> String {
            "\(validity.start?.description ?? "?") to \(validity.end?.description ?? "?")"
        }
        func amounts(_ amounts: [Money]) -> String {
            amounts.map { "\($0.exactAmount) \($0.currency) \($0.kind.rawValue)" }.joined(separator: ", ")
        }
        if entity.validity.isEmpty { entity.validity = other.validity }
        else if !other.validity.isEmpty && other.validity != entity.validity {
            diagnostics.append(.warning("conflicting dates for entity '\(entity.id)': \(dates(other.validity)) here, "
                                        + "\(dates(entity.validity)) at \(there); keeping the first", at: here))
        }
        if entity.amounts.isEmpty { entity.amounts = other.amounts }
        else if !other.amounts.isEmpty && other.amounts != entity.amounts {
            diagnostics.append(.warning("conflicting amounts for entity '\(entity.id)': \(amounts(other.amounts)) here, "
                                        + "\(amounts(entity.amounts)) at \(there); keeping the first", at: here))
        }
        if entity.events.isEmpty { entity.events = other.events }
        for citation in other.citations where !entity.citations.contains(citation) { entity.citations.append(citation) }
        return entity
    }
}
