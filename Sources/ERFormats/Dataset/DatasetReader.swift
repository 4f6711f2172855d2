import ERGraph
import Foundation

/// Reads ergraph datasets written in YAML or JSON (the format is documented in `Graph/README.md`).
///
/// Reading never stops at the first problem: it reports everything it can find, each with its
/// file, line and column, and returns the dataset only when nothing was wrong enough to stop it.
public struct DatasetReader: Sendable {
    /// The dataset format versions this reader understands.
    public static let supportedVersion = 1

    /// What a read produced.
    public struct Result: Sendable {
        /// What could be read: nil only when the file could not be parsed at all. With field
        /// errors it holds the records that were usable, so whole-dataset checks can still run.
        public var dataset: Dataset?
        public var diagnostics: [Diagnostic]
    }

    public init() {}

    /// Reads a file. `displayName` is how the file is named in messages (defaults to `path`).
    public func read(contentsOf path: String, displayName: String? = nil) -> Result {
        let name = displayName ?? path
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            return Result(dataset: nil, diagnostics: [.error("cannot read file: \(FileErrors.reason(error, path: path))",
                                                             at: .wholeFile(name))])
        }
        return read(data: data, file: name)
    }

    /// Reads bytes, checking first that they are UTF-8.
    public func read(data: Data, file: String) -> Result {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let bad = TextDecoding.firstInvalidUTF8(bytes) {
            return Result(dataset: nil, diagnostics: [.error(
                "the file is not valid UTF-8 (byte 0x\(String(bad.byte, radix: 16, uppercase: true)) cannot start or continue a character); save it as UTF-8",
                at: SourceLocation(file: file, line: bad.line, column: bad.column))])
        }
        if let nul = bytes.firstIndex(of: 0) {
            let place = TextDecoding.lineAndColumn(of: nul, in: bytes)
            return Result(dataset: nil, diagnostics: [.error("the file contains a NUL byte: it is not a text file",
                                                             at: SourceLocation(file: file, line: place.line, column: place.column))])
        }
        return read(text: String(decoding: bytes, as: UTF8.self), file: file)
    }

    /// Reads text. JSON is accepted as the subset of YAML it is.
    public func read(text: String, file: String) -> Result {
        // A raw tab can only stand between tokens in valid JSON, where YAML's flow syntax
        // would reject it; a space in its place keeps every column the same.
        let looksLikeJSON = file.lowercased().hasSuffix(".json")
            || text.first(where: { !$0.isWhitespace }) == "{"
        let source = looksLikeJSON ? text.replacingOccurrences(of: "\t", with: " ") : text
        let root: DocumentNode?
        do {
            root = try DocumentParser.parse(source, file: file, language: looksLikeJSON ? "JSON" : "YAML")
        } catch {
            return Result(dataset: nil, diagnostics: [error.diagnostic])
        }
        guard let root else {
            return Result(dataset: nil, diagnostics: [.error(
                "empty dataset: expected a mapping with 'entities' and 'relationships'",
                at: SourceLocation(file: file, line: 1, column: 1))])
        }
        let log = DiagnosticLog()
        let dataset = DatasetDecoder(log: log).decode(root)
        return Result(dataset: dataset, diagnostics: log.diagnostics.sortedByLocation())
    }
}

/// Turns a parsed document into a ``Dataset``, field by field.
struct DatasetDecoder {
    let log: DiagnosticLog

    static let topLevelFields = ["ergraph", "title", "description", "properties", "corroboration", "stories", "sources", "kinds", "entities", "relationships", "same_as"]
    static let storyFields = ["title", "from", "to", "description"]
    static let sourceFields = ["id", "title", "publisher", "url", "published", "archive"]
    static let entityFields = ["id", "kind", "name", "aliases", "description", "start", "end", "amount",
                               "events", "properties", "sources"]
    static let relationshipFields = ["id", "kind", "from", "to", "description", "start", "end", "amount",
                                     "events", "properties", "sources"]
    static let citationFields = ["source", "quote", "credited_to", "at"]
    static let eventFields = ["date", "status", "note", "sources"]
    static let amountFields = ["value", "currency", "kind", "note"]

    func decode(_ root: DocumentNode) -> Dataset {
        var dataset = Dataset()
        guard case .mapping = root else {
            log.error("expected a mapping with 'entities' and 'relationships' at the top level, found \(root.describedKind)",
                      at: root.location)
            return dataset
        }
        guard let top = FieldReader(root, what: "the dataset", allowed: Self.topLevelFields, log: log) else { return dataset }
        if let (version, location) = top.text("ergraph"), version != String(DatasetReader.supportedVersion) {
            log.error("unsupported dataset format version '\(version)'; this ergraph reads version \(DatasetReader.supportedVersion)",
                      at: location)
            return dataset
        }
        guard top.has("entities") else {
            // Without entities every link would dangle: one message says it all.
            top.reportMissing("entities")
            return dataset
        }
        dataset.title = top.text("title")?.value
        dataset.description = top.text("description")?.value
        dataset.properties = properties(top, descriptionIsOne: false)
        if let node = top.node("corroboration"), let rule = FieldReader(node, what: "'corroboration'", allowed: nil, log: log) {
            dataset.corroborationLocation = rule.location
            for pair in rule.pairs {
                guard case let .scalar(text, _, location) = pair.value, let count = Int(text), count >= 1 else {
                    log.error("corroboration asks for a number of sources, 1 or more, per link kind (or 'all'); '\(pair.key)' has \(pair.value.describedKind)",
                              at: pair.value.location)
                    continue
                }
                _ = location
                dataset.corroboration[pair.key] = count
            }
        }
        if let kinds = top.node("kinds") { decodeKinds(kinds, into: &dataset) }
        dataset.stories = top.list("stories").compactMap(decodeStory)
        dataset.sources = top.list("sources").compactMap(decodeSource)
        for node in top.list("entities") {
            if let entity = decodeEntity(node) {
                dataset.entities.append(entity)
            } else if case let .mapping(pairs, _) = node,
                      case let .scalar(id, _, _)? = pairs.first(where: { $0.key == "id" })?.value {
                dataset.unusableEntityIDs.insert(id)
            }
        }
        for node in top.list("same_as") {
            guard case let .sequence(items, location) = node else {
                log.error("each item of 'same_as' must be a list of ids, such as [palantir, company:palantir-technologies]",
                          at: node.location)
                continue
            }
            let ids = items.compactMap { item -> String? in
                guard case let .scalar(id, _, _) = item else {
                    log.error("'same_as' lists ids, found \(item.describedKind)", at: item.location)
                    return nil
                }
                return id
            }
            if ids.count < 2 {
                log.error("a 'same_as' group needs at least two ids", at: location)
            } else {
                dataset.sameAs.append(Located(ids, locations: FieldLocations(record: location)))
            }
        }
        var autoIDs: [String: Int] = [:]
        dataset.relationships = top.list("relationships").compactMap { decodeRelationship($0, autoIDs: &autoIDs) }
        return dataset
    }

    private func decodeKinds(_ node: DocumentNode, into dataset: inout Dataset) {
        guard let kinds = FieldReader(node, what: "'kinds'", allowed: ["entities", "relationships"], log: log) else { return }
        for (field, isEntity) in [("entities", true), ("relationships", false)] {
            guard let group = kinds.node(field),
                  let definitions = FieldReader(group, what: "'kinds: \(field)'", allowed: nil, log: log) else { continue }
            for pair in definitions.pairs {
                guard Identifiers.isValidKind(pair.key) else {
                    log.error("malformed kind '\(pair.key)': kinds use lower-case letters, digits and '_', starting with a letter",
                              at: pair.keyLocation)
                    continue
                }
                // `kind: meaning`, or for a relationship kind `kind: {meaning, phrase, inverse}`.
                var definition: KindDefinition
                if case let .scalar(meaning, _, _) = pair.value {
                    definition = KindDefinition(pair.key, meaning)
                } else if !isEntity,
                          let fields = FieldReader(pair.value, what: "kind '\(pair.key)'", allowed: ["meaning", "phrase", "inverse"], log: log) {
                    guard let meaning = fields.text("meaning", required: true) else { continue }
                    definition = KindDefinition(pair.key, meaning.value, phrase: fields.text("phrase")?.value,
                                                inverse: fields.text("inverse")?.value)
                } else {
                    log.error("the meaning of kind '\(pair.key)' must be one line of text"
                              + (isEntity ? "" : ", or {meaning, phrase, inverse}") + ", found \(pair.value.describedKind)",
                              at: pair.value.location)
                    continue
                }
                let record = Located(definition,
                                     locations: FieldLocations(record: pair.keyLocation, fields: ["id": pair.keyLocation]))
                if isEntity { dataset.entityKinds.append(record) } else { dataset.relationshipKinds.append(record) }
            }
        }
    }

    private func decodeSource(_ node: DocumentNode) -> Located<Source>? {
        guard let fields = FieldReader(node, what: "source", allowed: Self.sourceFields, log: log) else { return nil }
        var locations = FieldLocations(record: fields.location)
        let id = identifier(fields, locations: &locations)
        let title = fields.text("title", required: true)
        var source = Source(id: id ?? "", title: title?.value ?? "")
        source.publisher = fields.text("publisher")?.value
        source.published = fields.date("published")?.value
        source.archive = fields.text("archive")?.value
        if let (url, location) = fields.text("url") {
            let lowered = url.lowercased()
            if lowered.hasPrefix("https://") || lowered.hasPrefix("http://") {
                source.url = url
            } else {
                log.error("source url '\(url)' must start with http:// or https://", at: location)
            }
        }
        guard id != nil, title != nil else { return nil }
        return Located(source, locations: locations)
    }

    /// `{title, from, to, description}`: a path the dataset names as one of its stories.
    private func decodeStory(_ node: DocumentNode) -> Located<Story>? {
        guard let fields = FieldReader(node, what: "story", allowed: Self.storyFields, log: log) else { return nil }
        var locations = FieldLocations(record: fields.location)
        let title = fields.text("title", required: true)
        let from = fields.text("from", required: true)
        let to = fields.text("to", required: true)
        guard let title, let from, let to else { return nil }
        locations.fields["title"] = title.location
        locations.fields["from"] = from.location
        locations.fields["to"] = to.location
        return Located(Story(title: title.value, from: from.value, to: to.value, summary: fields.text("description")?.value),
                       locations: locations)
    }

    private func decodeEntity(_ node: DocumentNode) -> Located<Entity>? {
        guard let fields = FieldReader(node, what: "entity", allowed: Self.entityFields, log: log) else { return nil }
        var locations = FieldLocations(record: fields.location)
        let id = identifier(fields, locations: &locations)
        let kind = kindField(fields, locations: &locations)
        let name = fields.text("name", required: true)
        guard let id, let kind, let name else { return nil }
        var entity = Entity(id: id, kind: kind, name: name.value)
        entity.aliases = fields.textList("aliases")
        entity.validity = validity(fields, locations: &locations)
        entity.amounts = amounts(fields, locations: &locations)
        entity.events = events(fields, locations: &locations)
        entity.properties = properties(fields)
        entity.citations = citations(fields.list("sources"), prefix: "sources", locations: &locations)
        return Located(entity, locations: locations)
    }

    private func decodeRelationship(_ node: DocumentNode, autoIDs: inout [String: Int]) -> Located<Relationship>? {
        guard let fields = FieldReader(node, what: "relationship", allowed: Self.relationshipFields, log: log) else { return nil }
        var locations = FieldLocations(record: fields.location)
        let kind = kindField(fields, locations: &locations)
        let from = fields.text("from", required: true)
        let to = fields.text("to", required: true)
        if let from { locations.fields["from"] = from.location }
        if let to { locations.fields["to"] = to.location }
        var id: String?
        if fields.has("id") {
            id = identifier(fields, locations: &locations)
            guard id != nil else { return nil }
        }
        guard let kind, let from, let to else { return nil }
        if id == nil {
            // Links without an id are named after their ends and kind, numbered when repeated.
            let base = "\(from.value)-\(kind)-\(to.value)"
            let seen = autoIDs[base, default: 0] + 1
            autoIDs[base] = seen
            id = seen == 1 ? base : "\(base)-\(seen)"
        }
        var relationship = Relationship(id: id ?? "", kind: kind, from: from.value, to: to.value)
        relationship.validity = validity(fields, locations: &locations)
        relationship.amounts = amounts(fields, locations: &locations)
        relationship.events = events(fields, locations: &locations)
        relationship.properties = properties(fields)
        relationship.citations = citations(fields.list("sources"), prefix: "sources", locations: &locations)
        if case .scalar? = fields.node("sources") {
            // Already reported as malformed: the assembler should not also call the link unsourced.
            locations.fields[FieldLocations.malformedSources] = locations.record
        }
        return Located(relationship, locations: locations)
    }

    // MARK: Shared fields

    private func identifier(_ fields: FieldReader, locations: inout FieldLocations) -> String? {
        guard let (id, location) = fields.text("id", required: true) else { return nil }
        locations.fields["id"] = location
        guard Identifiers.isValid(id) else {
            log.error("malformed id '\(id)': \(Identifiers.rule)", at: location)
            return nil
        }
        return id
    }

    private func kindField(_ fields: FieldReader, locations: inout FieldLocations) -> String? {
        guard let (kind, location) = fields.text("kind", required: true) else { return nil }
        locations.fields["kind"] = location
        return kind
    }

    private func validity(_ fields: FieldReader, locations: inout FieldLocations) -> Validity {
        let start = fields.date("start")
        let end = fields.date("end")
        if let start { locations.fields["start"] = start.location }
        if let end { locations.fields["end"] = end.location }
        return Validity(start: start?.value, end: end?.value)
    }

    /// The amounts, each one's place kept as `amount[i]` and, where its kind is written, as
    /// `amount[i].kind` (so that a check can tell a declared `reported` from the default).
    private func amounts(_ fields: FieldReader, locations: inout FieldLocations) -> [Money] {
        guard let node = fields.node("amount") else { return [] }
        let items: [DocumentNode]
        if case let .sequence(list, _) = node { items = list } else { items = [node] }
        var amounts: [Money] = []
        for item in items {
            guard let amount = money(item) else { continue }
            let key = "amount[\(amounts.count)]"
            locations.fields[key] = item.location
            if case let .mapping(pairs, _) = item, let kind = pairs.first(where: { $0.key == "kind" }) {
                locations.fields[key + ".kind"] = kind.value.location
            }
            amounts.append(amount)
        }
        return amounts
    }

    /// `2M` alone, or `{value: 2M, currency: USD, kind: obligated}`; currency defaults to USD
    /// and kind to `reported`, the honest default for a figure taken from the press.
    private func money(_ node: DocumentNode) -> Money? {
        if case let .scalar(text, _, location) = node {
            return amountValue(text, at: location).map { Money(amount: $0, currency: "USD", kind: .reported) }
        }
        guard let fields = FieldReader(node, what: "amount", allowed: Self.amountFields, log: log) else { return nil }
        guard let (text, location) = fields.text("value", required: true) else { return nil }
        let declaredKind = fields.text("kind").flatMap { AmountKind(rawValue: $0.value) }
        // Only an obligation may be negative: a de-obligation, money taken back from an award.
        let value = amountValue(text, at: location, negativeAllowed: declaredKind == .obligated)
        var currency = "USD"
        if let (code, location) = fields.text("currency") {
            if Money.isCurrencyCode(code) {
                currency = code
            } else {
                log.error("malformed currency '\(code)': expected a three-letter ISO 4217 code such as USD or EUR", at: location)
                return nil
            }
        }
        var kind = AmountKind.reported
        if let (text, location) = fields.text("kind") {
            guard let parsed = AmountKind(rawValue: text) else {
                let names = AmountKind.allCases.map(\.rawValue)
                log.error("unknown amount kind '\(text)' (expected \(names.dropLast().joined(separator: ", ")) or \(names.last ?? ""))"
                          + Suggestions.didYouMean(text, among: names), at: location)
                return nil
            }
            kind = parsed
        }
        return value.map { Money(amount: $0, currency: currency, kind: kind) }
    }

    private func amountValue(_ text: String, at location: SourceLocation, negativeAllowed: Bool = false) -> Decimal? {
        guard let value = Money.parseAmount(text) else {
            log.error("malformed amount '\(text)': expected a number such as 2000000, 2.5M or 800K, without a currency sign",
                      at: location)
            return nil
        }
        guard value >= 0 || negativeAllowed else {
            log.error("negative amount '\(text)': only an obligated amount may be below zero (a de-obligation); "
                      + "other amounts are sizes of money", at: location)
            return nil
        }
        return value
    }

    private func events(_ fields: FieldReader, locations: inout FieldLocations) -> [StatusEvent] {
        var events: [StatusEvent] = []
        for (position, node) in fields.list("events").enumerated() {
            guard let event = FieldReader(node, what: "event", allowed: Self.eventFields, log: log) else { continue }
            let date = event.date("date")
            guard let status = event.text("status", required: true) else { continue }
            var citationLocations = FieldLocations()
            let citations = citations(event.list("sources"), prefix: "events[\(position)].sources",
                                      locations: &citationLocations)
            locations.fields.merge(citationLocations.fields) { first, _ in first }
            if let date { locations.fields["events[\(position)].date"] = date.location }
            events.append(StatusEvent(date: date?.value, status: status.value, note: event.text("note")?.value,
                                      citations: citations))
        }
        return events
    }

    private func citations(_ nodes: [DocumentNode], prefix: String, locations: inout FieldLocations) -> [Citation] {
        var citations: [Citation] = []
        for (position, node) in nodes.enumerated() {
            let key = "\(prefix)[\(citations.count)].source"
            if case let .scalar(source, _, location) = node {
                citations.append(Citation(source: source))
                locations.fields[key] = location
                continue
            }
            guard let fields = FieldReader(node, what: "citation", allowed: Self.citationFields, log: log) else { continue }
            guard let source = fields.text("source", required: true) else { continue }
            locations.fields[key] = source.location
            _ = position
            let quote = fields.text("quote")
            if let quote { locations.fields["\(prefix)[\(citations.count)].quote"] = quote.location }
            citations.append(Citation(source: source.value, quote: quote?.value,
                                      creditedTo: fields.text("credited_to")?.value, locator: fields.text("at")?.value))
        }
        return citations
    }

    /// An entity's or link's properties (its `description` among them), or the dataset's own.
    private func properties(_ fields: FieldReader, descriptionIsOne: Bool = true) -> [String: PropertyValue] {
        var properties: [String: PropertyValue] = [:]
        if descriptionIsOne, let description = fields.text("description") {
            properties["description"] = .text(description.value)
        }
        guard let node = fields.node("properties"),
              let mapping = FieldReader(node, what: "'properties'", allowed: nil, log: log) else { return properties }
        for pair in mapping.pairs {
            if let value = propertyValue(pair.value, key: pair.key) { properties[pair.key] = value }
        }
        return properties
    }

    /// Plain scalars become booleans and numbers where they read as such; quoted ones stay text.
    private func propertyValue(_ node: DocumentNode, key: String) -> PropertyValue? {
        switch node {
        case let .scalar(text, quoted, _):
            if quoted { return .text(text) }
            if text == "true" { return .boolean(true) }
            if text == "false" { return .boolean(false) }
            if let integer = Int(text) { return .integer(integer) }
            if text.contains("."), let number = Double(text), number.isFinite,
               text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }) {
                return .number(number)
            }
            return .text(text)
        case let .sequence(items, _):
            return .list(items.compactMap { propertyValue($0, key: key) })
        case .mapping:
            guard case let .mapping(pairs, _) = node else { return nil }
            let keys = pairs.map(\.key)
            if keys == ["date"], let fields = FieldReader(node, what: "property '\(key)'", allowed: ["date"], log: log) {
                return fields.date("date").map { .date($0.value) }
            }
            if keys.contains("value") {
                return money(node).map(PropertyValue.money)
            }
            log.error("property '\(key)' must be text, a number, a list, {date: …} or {value: …, currency: …}",
                      at: node.location)
            return nil
        }
    }
}
