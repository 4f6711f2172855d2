/// One thing `lint` found: a stable code, how serious it is, where, and how to fix it.
public struct LintFinding: Hashable, Sendable {
    public enum Severity: String, Sendable, Comparable {
        case error, warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .error && rhs == .warning }
    }

    /// A stable name, such as `quote-not-in-archive`: scripts and documentation rely on it.
    public var code: String
    public var severity: Severity
    public var message: String
    /// What to do about it.
    public var hint: String
    public var location: SourceLocation?
    /// Why the dataset's author accepts it (the record's `lint_accepts` property), when they do:
    /// an accepted finding is shown but is not a problem.
    public var acceptedBecause: String?

    public init(code: String, severity: Severity, message: String, hint: String, location: SourceLocation?,
                acceptedBecause: String? = nil) {
        self.code = code
        self.severity = severity
        self.message = message
        self.hint = hint
        self.location = location
        self.acceptedBecause = acceptedBecause
    }
}

/// The archived copy of a source, as the caller found it on disk.
public enum ArchiveState: Sendable {
    case text(ArchivedText)
    /// The file `archive:` names does not exist (or cannot be read as UTF-8).
    case missing(path: String)
}

/// Checks a dataset's evidence: every claim against its sources, as a reporter's editor would.
///
/// Pure: the caller reads the archived copies and passes them in. Each check has a code that
/// never changes; ``codes`` lists them with their severity. Error-level findings are those a
/// published answer must not rest on (a quote its archive does not hold, an archive that is not
/// there, a link with fewer independent sources than the dataset itself asks for).
public enum DatasetLint {
    /// Every check: its code, severity and what it looks for.
    public static let codes: [(code: String, severity: LintFinding.Severity, meaning: String)] = [
        ("quote-not-in-archive", .error, "a quote that does not occur in its source's archived copy"),
        ("archive-missing", .error, "an archive: file that does not exist"),
        ("under-corroborated", .error, "a link resting on fewer independent sources than the dataset's corroboration rule asks"),
        ("source-unlocatable", .warning, "a source with neither a URL nor an archived copy"),
        ("source-uncited", .warning, "a source that nothing cites"),
        ("amount-without-kind", .warning, "an amount whose kind (paid, obligated, ceiling, reported, …) is not written"),
        ("contract-undated", .warning, "a contract with no start or end date"),
        ("contract-without-amount", .warning, "a contract with no amount"),
        ("events-out-of-order", .warning, "status events not in date order"),
        ("event-after-end", .warning, "a status event dated after its contract's end"),
        ("dated-after-source", .warning, "a link that begins after every source citing it was published"),
        ("quote-reused", .warning, "one quote cited for claims that share no entity"),
    ]

    public static func severity(of code: String) -> LintFinding.Severity {
        codes.first { $0.code == code }?.severity ?? .warning
    }

    /// The property in which a record accepts a finding, with its reason: `lint_accepts:
    /// "contract-undated: the article gives no date"` (or a list of such texts).
    public static let acceptanceProperty = "lint_accepts"

    /// The reason `properties` give for accepting `code`, if they do.
    static func acceptance(of code: String, in properties: [String: PropertyValue]?) -> String? {
        guard let value = properties?[acceptanceProperty] else { return nil }
        let entries: [PropertyValue]
        if case let .list(items) = value { entries = items } else { entries = [value] }
        for case let .text(entry) in entries {
            let parts = entry.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, parts[0] == code, !parts[1].isEmpty { return parts[1] }
        }
        return nil
    }

    public static func findings(_ dataset: Dataset, archives: [String: ArchiveState]) -> [LintFinding] {
        var findings: [LintFinding] = []
        func add(_ code: String, _ message: String, hint: String, at location: SourceLocation?,
                 record properties: [String: PropertyValue]? = nil) {
            findings.append(LintFinding(code: code, severity: severity(of: code), message: message, hint: hint, location: location,
                                        acceptedBecause: acceptance(of: code, in: properties)))
        }
        let sourcesByID = Dictionary(dataset.sources.map { ($0.value.id, $0.value) }, uniquingKeysWith: { first, _ in first })
        let entityNames = Dictionary(dataset.entities.map { ($0.value.id, $0.value.name) }, uniquingKeysWith: { first, _ in first })

        // Sources.
        var cited: Set<String> = []
        for record in dataset.entities { cited.formUnion(allCitations(record.value.citations, record.value.events).map(\.citation.source)) }
        for record in dataset.relationships { cited.formUnion(allCitations(record.value.citations, record.value.events).map(\.citation.source)) }
        for located in dataset.sources {
            let source = located.value
            if source.url == nil && source.archive == nil {
                add("source-unlocatable", "source '\(source.id)' (\(source.title)) has neither a URL nor an archived copy, so no reader can check it",
                    hint: "add url: (http or https) or archive: (a copy beside the dataset)", at: located.locations.record)
            }
            if case let .missing(path)? = archives[source.id] {
                add("archive-missing", "source '\(source.id)' names the archive '\(path)', which does not exist",
                    hint: "put the archived copy there, or correct the path (relative to the dataset file)",
                    at: located.locations["archive"] ?? located.locations.record)
            }
            if !cited.contains(source.id) {
                add("source-uncited", "source '\(source.id)' (\(source.title)) is cited by nothing",
                    hint: "cite it where it supports a claim, or remove it", at: located.locations.record)
            }
        }

        // Quotes against archives, and quotes reused for unrelated claims.
        var quoteUses: [String: [(ends: Set<String>, owner: String, location: SourceLocation?, properties: [String: PropertyValue])]] = [:]
        func checkQuotes(owner: String, ends: Set<String>, citations: [Citation], events: [StatusEvent], locations: FieldLocations,
                         properties: [String: PropertyValue]) {
            for (citation, key) in allCitations(citations, events) {
                guard let quote = citation.quote else { continue }
                let location = locations.fields[key + ".quote"] ?? locations[key + ".source"]
                if case let .text(archive)? = archives[citation.source], !archive.contains(quote: quote) {
                    let closest = archive.closestPassage(to: quote).map { "the closest passage: “\($0)”" } ?? "no passage shares its words"
                    add("quote-not-in-archive", "the quote “\(Self.shortened(quote))” of \(owner) is not in the archived copy of '\(citation.source)'",
                        hint: "quote the source word for word; \(closest)", at: location, record: properties)
                }
                let normalized = ArchivedText.normalize(quote)
                if normalized.count >= 20 { quoteUses[normalized, default: []].append((ends, owner, location, properties)) }
            }
        }
        for record in dataset.entities {
            checkQuotes(owner: "entity '\(record.value.id)'", ends: [record.value.id], citations: record.value.citations,
                        events: record.value.events, locations: record.locations, properties: record.value.properties)
        }
        for record in dataset.relationships {
            let link = record.value
            checkQuotes(owner: "link '\(link.id)' (\(link.from) \(link.kind) \(link.to))", ends: [link.from, link.to],
                        citations: link.citations, events: link.events, locations: record.locations, properties: link.properties)
        }
        // Claims are related when links join their entities: those citing the same quote (one
        // table row makes an award, its vendor and the vendor's parent) or any link of the
        // dataset between them (a contract and the outlet that reported it may rest on one
        // sentence). Only a claim in a group of its own, apart from the first, is reported.
        var joined: [String: Set<String>] = [:]
        for record in dataset.relationships {
            joined[record.value.from, default: []].insert(record.value.to)
            joined[record.value.to, default: []].insert(record.value.from)
        }
        for key in quoteUses.keys.sorted() {
            guard let uses = quoteUses[key], uses.count > 1 else { continue }
            let involved = uses.reduce(into: Set<String>()) { $0.formUnion($1.ends) }
            var group: [String: String] = [:]
            func root(_ entity: String) -> String {
                var current = entity
                while let parent = group[current], parent != current { current = parent }
                return current
            }
            func unite(_ one: String, _ other: String) {
                let (a, b) = (root(one), root(other))
                if a != b { group[max(a, b)] = min(a, b) }
            }
            for use in uses { for end in use.ends { unite(end, use.ends.min() ?? end) } }
            for entity in involved { for neighbour in joined[entity] ?? [] where involved.contains(neighbour) { unite(entity, neighbour) } }
            guard let first = uses.first, let firstGroup = first.ends.first.map(root) else { continue }
            var reported: Set<String> = [firstGroup]
            for use in uses.dropFirst() {
                guard let groupOfUse = use.ends.first.map(root), !reported.contains(groupOfUse) else { continue }
                reported.insert(groupOfUse)
                add("quote-reused", "\(use.owner) cites the same quote as \(first.owner), a claim about other entities",
                    hint: "quote the words that support this claim itself", at: use.location, record: use.properties)
            }
        }

        // Money and dates.
        func checkAmounts(_ amounts: [Money], owner: String, locations: FieldLocations, properties: [String: PropertyValue]) {
            for index in amounts.indices where locations.fields["amount[\(index)].kind"] == nil {
                add("amount-without-kind", "the amount \(amounts[index].amount) \(amounts[index].currency) of \(owner) has no kind, so it reads as merely reported",
                    hint: "write {value: …, currency: …, kind: paid|obligated|ceiling|reported}", at: locations["amount[\(index)]"],
                    record: properties)
            }
        }
        func checkEvents(_ events: [StatusEvent], end: PartialDate?, owner: String, locations: FieldLocations,
                         properties: [String: PropertyValue]) {
            let dated = events.enumerated().compactMap { item in item.element.date.map { (item.offset, $0) } }
            for (previous, next) in zip(dated, dated.dropFirst()) where next.1.isWhollyBefore(previous.1) {
                add("events-out-of-order", "the status events of \(owner) are out of order: '\(events[next.0].status)' (\(next.1)) comes after '\(events[previous.0].status)' (\(previous.1))",
                    hint: "list events in the order they happened", at: locations["events[\(next.0)].date"], record: properties)
            }
            if let end {
                for (index, date) in dated where end.isWhollyBefore(date) {
                    add("event-after-end", "the status event '\(events[index].status)' of \(owner) is dated \(date), after its end \(end)",
                        hint: "check the event's date or the end date", at: locations["events[\(index)].date"], record: properties)
                }
            }
        }
        for record in dataset.entities {
            let entity = record.value
            let owner = "entity '\(entity.id)'"
            checkAmounts(entity.amounts, owner: owner, locations: record.locations, properties: entity.properties)
            checkEvents(entity.events, end: entity.validity.end, owner: owner, locations: record.locations, properties: entity.properties)
            guard entity.kind == EntityKinds.contract else { continue }
            if entity.validity.start == nil && entity.validity.end == nil && entity.events.allSatisfy({ $0.date == nil }) {
                add("contract-undated", "contract '\(entity.id)' (\(entity.name)) has no date, so as-of questions keep it at every date",
                    hint: "add start: (and end: when it ended), as precise as the source allows; or, when no source gives one, "
                        + "say so: lint_accepts: \"contract-undated: REASON\"", at: record.locations.record, record: entity.properties)
            }
            if entity.amounts.isEmpty {
                add("contract-without-amount", "contract '\(entity.id)' (\(entity.name)) has no amount, so money answers leave it out",
                    hint: "add amount: with its kind; or, when the value is not public, lint_accepts: \"contract-without-amount: REASON\"",
                    at: record.locations.record, record: entity.properties)
            }
        }
        for record in dataset.relationships {
            let link = record.value
            let owner = "link '\(link.id)'"
            checkAmounts(link.amounts, owner: owner, locations: record.locations, properties: link.properties)
            checkEvents(link.events, end: link.validity.end, owner: owner, locations: record.locations, properties: link.properties)
            if RelationshipKinds.money.contains(link.kind) {
                if link.validity.start == nil && link.validity.end == nil && link.events.allSatisfy({ $0.date == nil }) {
                    add("contract-undated", "contract link '\(link.id)' (\(link.from) \(link.kind) \(link.to)) has no date, so as-of questions keep it at every date",
                        hint: "add start: (and end: when it ended), as precise as the source allows", at: record.locations.record,
                        record: link.properties)
                }
                if link.amounts.isEmpty {
                    add("contract-without-amount", "contract link '\(link.id)' (\(link.from) \(link.kind) \(link.to)) has no amount, so money answers leave it out",
                        hint: "add amount: with its kind; or, when the value is not public, lint_accepts: \"contract-without-amount: REASON\"",
                        at: record.locations.record, record: link.properties)
                }
            }
            if let start = link.validity.start {
                let published = link.citations.compactMap { sourcesByID[$0.source]?.published }
                if !published.isEmpty, published.allSatisfy({ $0.isWhollyBefore(start) }) {
                    add("dated-after-source", "link '\(link.id)' begins \(start), after every source citing it was published (latest \(published.max().map(\.description) ?? ""))",
                        hint: "check the start date, or cite the source that reports the later fact", at: record.locations["start"],
                        record: link.properties)
                }
            }
            let wanted = dataset.corroboration[link.kind] ?? dataset.corroboration["all"]
            if let wanted {
                let outlets = Corroboration.outlets(of: link.citations, sources: { sourcesByID[$0] }, creditedName: { entityNames[$0] })
                if outlets.count < wanted {
                    add("under-corroborated", "link '\(link.id)' (\(link.from) \(link.kind) \(link.to)) rests on \(outlets.count) independent "
                        + "\(outlets.count == 1 ? "source" : "sources"); the dataset asks for \(wanted) for '\(link.kind)' links",
                        hint: "cite another outlet that reports it independently (a rewrite crediting the same outlet does not count)",
                        at: record.locations.record, record: link.properties)
                }
            }
        }
        return findings.sorted { ($0.location?.file ?? "", $0.location?.line ?? 0, $0.location?.column ?? 0, $0.code)
            < ($1.location?.file ?? "", $1.location?.line ?? 0, $1.location?.column ?? 0, $1.code) }
    }

    /// A record's citations and its events', with their location keys.
    static func allCitations(_ citations: [Citation], _ events: [StatusEvent]) -> [(citation: Citation, key: String)] {
        citations.enumerated().map { ($0.element, "sources[\($0.offset)]") }
            + events.enumerated().flatMap { event in
                event.element.citations.enumerated().map { ($0.element, "events[\(event.offset)].sources[\($0.offset)]") }
            }
    }

    static func shortened(_ text: String) -> String {
        text.count > 80 ? String(text.prefix(77)) + "…" : text
    }
}
