/// Checks a ``Dataset`` as a whole and builds its ``Graph``.
///
/// Reading a file already rejects what is malformed field by field; this pass checks what
/// needs the whole dataset: unique ids, known kinds, references that resolve, dates in order,
/// evidence for every link, and cycles in ownership or part-of chains.
public struct GraphAssembler: Sendable {
    public struct Options: Sendable {
        /// Make a relationship without a source, or a relationship citation without a quote,
        /// an error instead of a warning (or, for quotes, instead of nothing).
        public var strict: Bool
        public init(strict: Bool = false) { self.strict = strict }
    }

    /// What assembling produced: the graph (nil when there were errors) and every diagnostic.
    public struct Result: Sendable {
        public var graph: Graph?
        public var diagnostics: [Diagnostic]
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    public func assemble(_ dataset: Dataset) -> Result {
        var diagnostics: [Diagnostic] = []
        let vocabulary = declareKinds(dataset, into: &diagnostics)
        var builder = GraphBuilder(vocabulary: vocabulary)
        builder.title = dataset.title
        builder.summaryText = dataset.description
        builder.properties = dataset.properties
        builder.stories = dataset.stories.map(\.value)

        let sourceIDs = addSources(dataset, to: &builder, diagnostics: &diagnostics)
        let entityIDsInOrder = dataset.entities.map(\.value.id)

        var firstEntityLocation: [String: SourceLocation?] = [:]
        // Entities already reported as unusable: links to them are skipped without a second message.
        var unusable = dataset.unusableEntityIDs
        for record in dataset.entities {
            let entity = record.value
            if let first = firstEntityLocation[entity.id] {
                diagnostics.append(.error("duplicate entity id '\(entity.id)'\(Self.firstDefined(first))",
                                          at: record.locations["id"]))
                continue
            }
            firstEntityLocation[entity.id] = record.locations["id"]
            checkCitations(entity.citations, prefix: "sources", locations: record.locations,
                           sourceIDs: sourceIDs, diagnostics: &diagnostics)
            checkEvents(entity.events, locations: record.locations, sourceIDs: sourceIDs, diagnostics: &diagnostics)
            if let start = entity.validity.start, let end = entity.validity.end, entity.validity.endsBeforeItStarts {
                diagnostics.append(.error("end \(end) is before start \(start)", at: record.locations["end"]))
                unusable.insert(entity.id)
                continue
            }
            guard vocabulary.entityKind(entity.kind) != nil else {
                diagnostics.append(.error(
                    "unknown entity kind '\(entity.kind)'"
                        + Self.kindHint(entity.kind, among: vocabulary.entityKinds, group: "entities"),
                    at: record.locations["kind"]))
                unusable.insert(entity.id)
                continue
            }
            do {
                try builder.addEntity(entity)
            } catch {
                diagnostics.append(.error(error.description, at: record.locations.record))
            }
        }

        diagnostics += DuplicateEntities.check(dataset.entities)

        let nameIndex = Self.nameIndex(dataset.entities)
        var firstRelationshipLocation: [String: SourceLocation?] = [:]
        var addedRelationships: [(record: Located<Relationship>, index: RelationshipIndex)] = []
        for record in dataset.relationships {
            let relationship = record.value
            if let first = firstRelationshipLocation[relationship.id] {
                diagnostics.append(.error("duplicate relationship id '\(relationship.id)'\(Self.firstDefined(first))",
                                          at: record.locations["id"]))
                continue
            }
            firstRelationshipLocation[relationship.id] = record.locations["id"]
            var usable = true
            if vocabulary.relationshipKind(relationship.kind) == nil {
                diagnostics.append(.error(
                    "unknown relationship kind '\(relationship.kind)'"
                        + Self.kindHint(relationship.kind, among: vocabulary.relationshipKinds, group: "relationships"),
                    at: record.locations["kind"]))
                usable = false
            }
            for (field, reference) in [("from", relationship.from), ("to", relationship.to)]
            where firstEntityLocation[reference] == nil || unusable.contains(reference) {
                usable = false
                if unusable.contains(reference) { continue }
                diagnostics.append(.error(
                    "'\(field)' refers to unknown entity '\(reference)'"
                        + Self.entityHint(reference, ids: entityIDsInOrder, names: nameIndex),
                    at: record.locations[field]))
            }
            if relationship.validity.endsBeforeItStarts, let start = relationship.validity.start,
               let end = relationship.validity.end {
                diagnostics.append(.error("end \(end) is before start \(start)", at: record.locations["end"]))
                usable = false
            }
            if relationship.citations.isEmpty && record.locations.fields[FieldLocations.malformedSources] == nil {
                let message = "relationship '\(relationship.id)' cites no source; add 'sources' with the quote that supports it"
                diagnostics.append(options.strict ? .error(message, at: record.locations.record)
                                                  : .warning(message, at: record.locations.record))
            }
            checkCitations(relationship.citations, prefix: "sources", locations: record.locations,
                           sourceIDs: sourceIDs, diagnostics: &diagnostics)
            if options.strict {
                for (position, citation) in relationship.citations.enumerated() where citation.quote == nil {
                    diagnostics.append(.error(
                        "relationship '\(relationship.id)' cites '\(citation.source)' without a quote; "
                            + "strict checking asks for the words that support each link",
                        at: record.locations["sources[\(position)].source"]))
                }
            }
            checkEvents(relationship.events, locations: record.locations, sourceIDs: sourceIDs,
                        diagnostics: &diagnostics)
            guard usable else { continue }
            do {
                let index = try builder.addRelationship(relationship)
                addedRelationships.append((record, index))
            } catch {
                diagnostics.append(.error(error.description, at: record.locations.record))
            }
        }

        let graph = builder.build()
        diagnostics += checkStories(dataset.stories, in: graph)
        diagnostics += HierarchyCycles.find(in: graph).map { cycle in
            let names = cycle.entities.map { graph.id(of: $0) }
            // Point at the link written last: the one that closes the loop when reading the file.
            let closing = addedRelationships.last { cycle.relationships.contains($0.index) }
            return .warning("cycle in ownership or part-of links: " + (names + [names[0]]).joined(separator: " → "),
                            at: closing?.record.locations.record)
        }

        let sorted = diagnostics.sortedByLocation()
        return Result(graph: sorted.hasErrors ? nil : graph, diagnostics: sorted)
    }

    /// A story whose ends name no entity, or several, would publish a page that answers nothing.
    private func checkStories(_ stories: [Located<Story>], in graph: Graph) -> [Diagnostic] {
        guard !stories.isEmpty else { return [] }
        let resolver = EntityResolver(graph: graph)
        var diagnostics: [Diagnostic] = []
        for story in stories {
            for (field, name) in [("from", story.value.from), ("to", story.value.to)] {
                let resolution = resolver.resolve(name)
                if case .found = resolution { continue }
                let why = resolver.explain(resolution, for: name) ?? "unknown entity '\(name)'"
                diagnostics.append(.error("story '\(story.value.title)': \(field): \(why)", at: story.locations[field]))
            }
        }
        return diagnostics
    }

    private func declareKinds(_ dataset: Dataset, into diagnostics: inout [Diagnostic]) -> Vocabulary {
        var vocabulary = Vocabulary.builtIn
        for record in dataset.entityKinds where !vocabulary.declareEntityKind(record.value) {
            diagnostics.append(.warning("entity kind '\(record.value.id)' is already defined", at: record.locations["id"]))
        }
        for record in dataset.relationshipKinds where !vocabulary.declareRelationshipKind(record.value) {
            diagnostics.append(.warning("relationship kind '\(record.value.id)' is already defined", at: record.locations["id"]))
        }
        return vocabulary
    }

    private func addSources(_ dataset: Dataset, to builder: inout GraphBuilder,
                            diagnostics: inout [Diagnostic]) -> [String] {
        var seen: [String: SourceLocation?] = [:]
        var ids: [String] = []
        for record in dataset.sources {
            if let first = seen[record.value.id] {
                diagnostics.append(.error("duplicate source id '\(record.value.id)'\(Self.firstDefined(first))",
                                          at: record.locations["id"]))
                continue
            }
            seen[record.value.id] = record.locations["id"]
            ids.append(record.value.id)
            builder.addSource(record.value)
        }
        return ids
    }

    private func checkCitations(_ citations: [Citation], prefix: String, locations: FieldLocations,
                                sourceIDs: [String], diagnostics: inout [Diagnostic]) {
        for (position, citation) in citations.enumerated() where !sourceIDs.contains(citation.source) {
            // A linear scan: datasets cite a handful of sources, and the list keeps suggestions in order.
            diagnostics.append(.error(
                "unknown source '\(citation.source)'" + Suggestions.didYouMean(citation.source, among: sourceIDs),
                at: locations["\(prefix)[\(position)].source"]))
        }
    }

    private func checkEvents(_ events: [StatusEvent], locations: FieldLocations, sourceIDs: [String],
                             diagnostics: inout [Diagnostic]) {
        for (position, event) in events.enumerated() {
            checkCitations(event.citations, prefix: "events[\(position)].sources", locations: locations,
                           sourceIDs: sourceIDs, diagnostics: &diagnostics)
        }
    }

    private static func firstDefined(_ location: SourceLocation?) -> String {
        location.map { " (first defined at line \($0.line), column \($0.column))" } ?? ""
    }

    /// `; did you mean 'agency'?`, else a pointer to where a dataset declares its own kinds.
    private static func kindHint(_ kind: String, among kinds: [KindDefinition], group: String) -> String {
        if let closest = Suggestions.closest(to: kind, among: kinds.map(\.id)) {
            return "; did you mean '\(closest)'?"
        }
        return "; 'ergraph kinds' lists the known ones; declare your own under 'kinds: \(group):'"
    }

    /// Lower-cased names and aliases to ids, for hints when a reference uses a name.
    private static func nameIndex(_ entities: [Located<Entity>]) -> [String: String] {
        var index: [String: String] = [:]
        for record in entities {
            for name in [record.value.name] + record.value.aliases where index[name.lowercased()] == nil {
                index[name.lowercased()] = record.value.id
            }
        }
        return index
    }

    private static func entityHint(_ reference: String, ids: [String], names: [String: String]) -> String {
        if let id = names[reference.lowercased()] {
            return "; references use ids: did you mean '\(id)'?"
        }
        return Suggestions.didYouMean(reference, among: ids)
    }
}
