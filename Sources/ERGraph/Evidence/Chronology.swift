/// One dated fact: a link or an entity beginning or ending, or a status event on it.
public struct DatedFact: Hashable, Sendable {
    public enum Change: String, Sendable, Hashable {
        case begins, ends, status
    }

    /// As precise as the dataset says: a month is a month, not its first day.
    public var date: PartialDate
    public var change: Change
    /// The status of a status event (`stop-work order`).
    public var status: String?
    public var note: String?
    public enum Subject: Hashable, Sendable {
        case entity(EntityIndex)
        case relationship(RelationshipIndex)
    }
    public var subject: Subject
    /// The evidence: the event's own citations, else its record's.
    public var citations: [Citation]
}

/// The dated facts of a graph in the order they happened (`ergraph timeline`).
public enum Chronology {
    /// Every dated fact, or those about `entity` (its own, its links', and those of the
    /// contracts it is linked to), whose date overlaps `from`…`to`. Ordered by the last day each
    /// could be (a fact known only to its year comes after the months of that year: by then it
    /// had happened), then the finer date first, then beginnings before status events before
    /// ends, then the record's id.
    public static func facts(in graph: Graph, about entity: EntityIndex? = nil, from: PartialDate? = nil,
                             to: PartialDate? = nil) -> [DatedFact] {
        var entities: [EntityIndex] = []
        var links: [RelationshipIndex] = []
        if let entity {
            entities.append(entity)
            var seenLinks: Set<RelationshipIndex> = []
            for direction in [Direction.outgoing, .incoming] {
                graph.forEachLink(of: entity, direction: direction) { link, other in
                    guard seenLinks.insert(link).inserted else { return }
                    links.append(link)
                    if graph.kind(of: other) == EntityKinds.contract && other != entity && !entities.contains(other) { entities.append(other) }
                }
            }
        } else {
            entities = Array(graph.entityIndices)
            links = Array(graph.relationshipIndices)
        }
        var facts: [DatedFact] = []
        func add(_ validity: Validity, _ events: [StatusEvent], subject: DatedFact.Subject, citations: [Citation]) {
            if let start = validity.start { facts.append(DatedFact(date: start, change: .begins, subject: subject, citations: citations)) }
            for event in events {
                guard let date = event.date else { continue }
                facts.append(DatedFact(date: date, change: .status, status: event.status, note: event.note, subject: subject,
                                       citations: event.citations.isEmpty ? citations : event.citations))
            }
            if let end = validity.end { facts.append(DatedFact(date: end, change: .ends, subject: subject, citations: citations)) }
        }
        for index in entities where graph.hasDetails(index) {
            let record = graph.entity(index)
            add(record.validity, record.events, subject: .entity(index), citations: record.citations)
        }
        for link in links where graph.hasDetails(link) {
            let record = graph.relationship(link)
            // A link to a contract that begins or ends with it says the same as the contract.
            let contract = [graph.from(link), graph.to(link)].first { graph.kind(of: $0) == EntityKinds.contract }
            let contractValidity = contract.map { graph.validity(of: $0) }
            var validity = record.validity
            if let contractValidity, entities.contains(where: { $0 == contract }) || entity == nil {
                if validity.start == contractValidity.start { validity.start = nil }
                if validity.end == contractValidity.end { validity.end = nil }
            }
            add(validity, record.events, subject: .relationship(link), citations: record.citations)
        }
        let order: [DatedFact.Change: Int] = [.begins: 0, .status: 1, .ends: 2]
        func id(_ fact: DatedFact) -> String {
            switch fact.subject {
            case let .entity(index): graph.id(of: index)
            case let .relationship(index): graph.id(of: index)
            }
        }
        return facts.filter { fact in
            !(from.map { fact.date.isWhollyBefore($0) } ?? false) && !(to.map { $0.isWhollyBefore(fact.date) } ?? false)
        }.sorted {
            ($0.date.lastDay, -$0.date.precision.rawValue, order[$0.change] ?? 0, id($0), $0.status ?? "")
                < ($1.date.lastDay, -$1.date.precision.rawValue, order[$1.change] ?? 0, id($1), $1.status ?? "")
        }
    }
}
