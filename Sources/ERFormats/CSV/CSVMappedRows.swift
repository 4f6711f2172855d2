import ERGraph
import Foundation

/// The state of one mapping import: what the rows read so far have made.
struct MappedRows {
    let mapping: CSVMapping
    let fixedIDs: Set<String>
    private var entities: [String: Entity] = [:]
    private var entityOrder: [String] = []
    private var firstSeen: [String: (table: String, line: Int)] = [:]  // entity or link id → where first made
    private var links: [String: Relationship] = [:]
    private var linkOrder: [String] = []
    private var rowSources: [Source] = []
    private var sourceIDsByURL: [String: String] = [:]
    private var usedSourceIDs: Set<String>
    private(set) var problems: [RowProblem] = []
    private var counts: [CSVImportResult.TableCount] = []
    private var rowsSoFar = 0
    private var compiled: [String: CompiledTemplate] = [:]

    init(mapping: CSVMapping) {
        self.mapping = mapping
        var texts = mapping.entities.flatMap { [$0.id, $0.display] + $0.properties.values }
            + mapping.relationships.flatMap(\.properties.values)
        if let sources = mapping.rowSources { texts += [sources.url] + [sources.title, sources.publisher].compactMap { $0 } }
        for text in texts { compiled[text] = CompiledTemplate(text) }
        fixedIDs = Set(mapping.fixedEntities.map(\.id))
        usedSourceIDs = [mapping.source.id]
    }

    /// One row's values, by column name: only the columns the mapping names are made strings.
    struct Row {
        let slots: [String: Int]
        var values: [String]
        /// The value an `each` template is on, standing in for its column.
        var override: (column: String, value: String)?

        func value(_ column: String) -> String {
            if let override, override.column == column { return override.value }
            return slots[column].map { values[$0] } ?? ""
        }
    }

    // MARK: Reading a table

    mutating func read(_ table: CSVTable, progress: (Int, Int) -> Void) throws(ImportError) {
        let outcome: Result<Void, ImportError> = table.data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            do throws(ImportError) {
                try read(table, bytes: bytes, progress: progress)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try outcome.get()
    }

    private mutating func read(_ table: CSVTable, bytes: UnsafeBufferPointer<UInt8>, progress: (Int, Int) -> Void) throws(ImportError) {
        if let bad = TextDecoding.firstInvalidUTF8(bytes) {
            throw ImportError("\(table.name):\(bad.line):\(bad.column): the table is not valid UTF-8 "
                              + "(byte 0x\(String(bad.byte, radix: 16, uppercase: true))); save it as UTF-8")
        }
        var tokenizer = CSVTokenizer(bytes: bytes, name: table.name, delimiter: table.delimiter.asciiValue ?? UInt8(ascii: ","))
        func nextRecord() throws(ImportError) -> CSVTokenizer.Record? {
            do {
                return try tokenizer.next()
            } catch {
                throw ImportError("\(table.name):\(error.line):\(error.column): \(error.message)")
            }
        }
        let columns: [String]
        if let given = table.columns {
            columns = given.map(CSVTemplateText.trimmed)
        } else {
            guard let header = try nextRecord() else { throw ImportError("\(table.name): the table is empty") }
            columns = header.fields.map { CSVTemplateText.trimmed(tokenizer.string($0)) }
        }
        var positions: [String: Int] = [:]
        for (index, column) in columns.enumerated() where positions[column] == nil { positions[column] = index }
        var slots: [String: Int] = [:]
        var slotPositions: [Int] = []
        for (column, location) in mapping.namedColumns where slots[column] == nil {
            guard let position = positions[column] else {
                throw ImportError("\(location): the mapping names column '\(column)', which \(table.name) lacks"
                                  + Suggestions.didYouMean(column, among: columns)
                                  + (columns.count <= 12 ? " (its columns: \(columns.joined(separator: ", ")))"
                                     : " (its \(columns.count) columns begin: \(columns.prefix(12).joined(separator: ", ")), …)"))
            }
            slots[column] = slotPositions.count
            slotPositions.append(position)
        }
        var count = CSVImportResult.TableCount(name: table.name, rowsRead: 0, rowsUsed: 0, problems: 0)
        let problemsBefore = problems.count
        while let record = try nextRecord() {
            count.rowsRead += 1
            rowsSoFar += 1
            if rowsSoFar % 4096 == 0 { progress(rowsSoFar, record.range.upperBound) }
            guard record.fields.count == columns.count else {
                problems.append(RowProblem(table: table.name, line: record.line,
                                           message: "expected \(columns.count) fields, found \(record.fields.count)"))
                continue
            }
            let row = Row(slots: slots, values: slotPositions.map { tokenizer.string(record.fields[$0]) })
            if take(row, table: table.name, line: record.line, text: { tokenizer.text(of: record) }) {
                count.rowsUsed += 1
            }
        }
        count.problems = problems.count - problemsBefore
        counts.append(count)
        progress(rowsSoFar, bytes.count)
    }

    // MARK: One row

    /// Makes what one row says; false when the row was left out (and reported).
    private mutating func take(_ row: Row, table: String, line: Int, text: () -> String) -> Bool {
        let place = (table: table, line: line)
        func described(_ seen: (table: String, line: Int)?) -> String {
            guard let seen else { return "an earlier row" }
            return seen.table == table ? "line \(seen.line)" : "\(seen.table):\(seen.line)"
        }
        var rowProblems: [String] = []
        var notes: [String] = []
        // The row's own sources, then the table quoting it: the quote is made only for what is
        // new (a repeated key keeps its first row's quote), since copying every row's text was
        // a fifth of a wide table's import.
        let sourcesBefore = rowSources.count
        let citations = sourceCitations(row, notes: &notes)
        let quote = mapping.quote, tableSource = mapping.source.id
        var tableCitation: Citation?
        func quoted() -> Citation {
            if let tableCitation { return tableCitation }
            let citation = Citation(source: tableSource, quote: quote == .row ? text() : nil,
                                    locator: quote == .line ? "\(URL(fileURLWithPath: table).lastPathComponent) line \(line)" : nil)
            tableCitation = citation
            return citation
        }

        var made: [String: [Entity]] = [:]  // template name → entities made from this row
        for template in mapping.entities {
            let instances: [Row]
            if let each = template.each {
                instances = CSVTemplateText.items(row.value(each.column), separator: each.separator).map {
                    var instance = row
                    instance.override = (each.column, $0)
                    return instance
                }
            } else {
                instances = [row]
            }
            for instance in instances {
                guard let id = fill(template.id, value: { CSVTemplateText.slug(CSVTemplateText.normalized(instance.value($0))) })
                else { continue }
                guard let kind = kind(template.kind, instance, problems: &rowProblems) else { continue }
                let name = fill(template.display, value: { CSVTemplateText.spaced(instance.value($0)) }) ?? id
                var entity = Entity(id: id, kind: kind, name: name, citations: citations)
                entity.properties = properties(template.properties, instance)
                entity.amounts = amounts(template.amounts, instance, problems: &rowProblems)
                entity.validity = validity(template.dates, instance, problems: &rowProblems)
                made[template.name, default: []].append(entity)
            }
        }
        guard rowProblems.isEmpty else {
            problems.append(RowProblem(table: table, line: line, message: rowProblems.joined(separator: "; ")))
            forgetSources(since: sourcesBefore)
            return false
        }

        var madeLinks: [(link: Relationship, template: Int)] = []
        for (templateIndex, template) in mapping.relationships.enumerated() {
            let fromIDs = made[template.from]?.map(\.id) ?? (fixedIDs.contains(template.from) ? [template.from] : [])
            let toIDs = made[template.to]?.map(\.id) ?? (fixedIDs.contains(template.to) ? [template.to] : [])
            guard !fromIDs.isEmpty, !toIDs.isEmpty else { continue }
            guard let kind = kind(template.kind, row, problems: &rowProblems) else { continue }
            let properties = properties(template.properties, row)
            let amounts = amounts(template.amounts, row, problems: &rowProblems)
            let validity = validity(template.dates, row, problems: &rowProblems)
            for from in fromIDs {
                for to in toIDs where !(template.unlessSame && from == to) {
                    var link = Relationship(id: "\(from)--\(kind)--\(to)", kind: kind, from: from, to: to, citations: citations)
                    link.properties = properties
                    link.amounts = amounts
                    link.validity = validity
                    madeLinks.append((link, templateIndex))
                }
            }
        }
        guard rowProblems.isEmpty else {
            problems.append(RowProblem(table: table, line: line, message: rowProblems.joined(separator: "; ")))
            forgetSources(since: sourcesBefore)
            return false
        }

        var differences: [String] = []
        for template in mapping.entities {
            for entity in made[template.name] ?? [] {
                guard var known = entities[entity.id] else {
                    var entity = entity
                    entity.citations.append(quoted())
                    entities[entity.id] = entity
                    entityOrder.append(entity.id)
                    firstSeen[entity.id] = place
                    continue
                }
                let there = described(firstSeen[entity.id])
                if known.kind != entity.kind { differences.append("\(entity.id) is a \(entity.kind) here but a \(known.kind) at \(there); the first is kept") }
                differences += Self.combine(&known.amounts, entity.amounts, rules: template.amounts)
                    .map { "\(entity.id) \($0) at \(there); the first is kept" }
                differences += Self.combine(&known.validity, entity.validity, rules: template.dates)
                    .map { "\(entity.id) \($0) at \(there); the first is kept" }
                if known.name != entity.name && !known.aliases.contains(entity.name) { known.aliases.append(entity.name) }
                Self.merge(&known.properties, entity.properties)
                Self.addNewSources(&known.citations, entity.citations)
                entities[entity.id] = known
            }
        }
        for (link, templateIndex) in madeLinks {
            guard var known = links[link.id] else {
                var link = link
                link.citations.append(quoted())
                links[link.id] = link
                linkOrder.append(link.id)
                firstSeen[link.id] = place
                continue
            }
            let template = mapping.relationships[templateIndex]
            let there = described(firstSeen[link.id])
            differences += Self.combine(&known.amounts, link.amounts, rules: template.amounts)
                .map { "link \(link.id) \($0) at \(there); the first is kept" }
            differences += Self.combine(&known.validity, link.validity, rules: template.dates)
                .map { "link \(link.id) \($0) at \(there); the first is kept" }
            Self.merge(&known.properties, link.properties)
            Self.addNewSources(&known.citations, link.citations)
            links[link.id] = known
        }
        if !differences.isEmpty {
            problems.append(RowProblem(table: table, line: line, message: "key collision: " + differences.joined(separator: "; "), rowUsed: true))
        }
        if !notes.isEmpty {
            problems.append(RowProblem(table: table, line: line, message: notes.joined(separator: "; "), rowUsed: true))
        }
        return true
    }

    /// Fills a template of the mapping through its compiled form.
    private func fill(_ template: String, value: (String) -> String) -> String? {
        compiled[template].map { $0.fill(value) } ?? CSVTemplateText.fill(template, value: value)
    }

    private func kind(_ rule: CSVMapping.KindRule, _ row: Row, problems: inout [String]) -> String? {
        switch rule {
        case let .fixed(kind): return kind
        case let .lookup(column, values, otherwise):
            let value = CSVTemplateText.spaced(row.value(column))
            if let kind = values[value] ?? values.first(where: { $0.key.caseInsensitiveCompare(value) == .orderedSame })?.value ?? otherwise {
                return kind
            }
            problems.append("column \(column): '\(value)' is not in the kind lookup (it has \(values.keys.sorted().joined(separator: ", "))); "
                            + "add it, or give the lookup an 'otherwise' kind")
            return nil
        }
    }

    private func properties(_ templates: [String: String], _ row: Row) -> [String: PropertyValue] {
        var properties: [String: PropertyValue] = [:]
        for (key, text) in templates {
            if let filled = fill(text, value: { CSVTemplateText.spaced(row.value($0)) }) { properties[key] = .text(filled) }
        }
        return properties
    }

    private func amounts(_ columns: [CSVMapping.AmountColumn], _ row: Row, problems: inout [String]) -> [Money] {
        var amounts: [Money] = []
        for amount in columns {
            let text = CSVTemplateText.trimmed(row.value(amount.column))
            guard !text.isEmpty else { continue }
            guard let parsed = Money.parseAmount(text) else {
                problems.append("column \(amount.column): '\(text)' is not an amount (expected a number such as 5135635.83)")
                continue
            }
            // A negative obligation is a de-obligation, summed as such; other kinds of
            // amount are sizes and cannot be negative.
            guard parsed >= 0 || amount.kind == .obligated else {
                problems.append("column \(amount.column): '\(text)' is negative, which only an obligated amount may be")
                continue
            }
            amounts.append(Money(amount: parsed, currency: amount.currency, kind: amount.kind))
        }
        return amounts
    }

    private func validity(_ columns: [CSVMapping.DateColumn], _ row: Row, problems: inout [String]) -> Validity {
        var validity = Validity.always
        for date in columns {
            let text = CSVTemplateText.trimmed(row.value(date.column))
            guard !text.isEmpty else { continue }
            guard let parsed = date.parse(text) else {
                problems.append("column \(date.column): '\(text)' is not a date in the format \(date.formatNames)")
                continue
            }
            if date.field == "end" { validity.end = parsed } else { validity.start = parsed }
        }
        return validity
    }

    // MARK: A row's own sources

    /// Citations of the documents the row names; a URL that is not http(s) or a date that does
    /// not parse is noted, and the row's other evidence kept.
    private mutating func sourceCitations(_ row: Row, notes: inout [String]) -> [Citation] {
        guard let spec = mapping.rowSources,
              let urlText = fill(spec.url, value: { CSVTemplateText.spaced(row.value($0)) }) else { return [] }
        let urls = spec.separator.map { CSVTemplateText.items(urlText, separator: $0) } ?? [urlText]
        var citations: [Citation] = []
        for url in urls {
            let lowered = url.lowercased()
            guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://"), url.count > 8 else {
                notes.append("'\(url)' is not an http or https URL, so it is not cited as a source")
                continue
            }
            if let id = sourceIDsByURL[url] {
                if !citations.contains(where: { $0.source == id }) { citations.append(Citation(source: id)) }
                continue
            }
            var source = Source(id: newSourceID(for: url),
                                title: spec.title.flatMap { fill($0, value: { CSVTemplateText.spaced(row.value($0)) }) } ?? url)
            source.url = url
            source.publisher = spec.publisher.flatMap { fill($0, value: { CSVTemplateText.spaced(row.value($0)) }) }
            if let published = spec.published {
                let text = CSVTemplateText.trimmed(row.value(published.column))
                if !text.isEmpty {
                    if let date = published.parse(text) { source.published = date } else {
                        notes.append("column \(published.column): '\(text)' is not a date in the format \(published.formatNames); the source is kept undated")
                    }
                }
            }
            sourceIDsByURL[url] = source.id
            rowSources.append(source)
            citations.append(Citation(source: source.id))
        }
        return citations
    }

    /// A row left out cites nothing, so the sources only it named are not kept.
    private mutating func forgetSources(since count: Int) {
        for source in rowSources[count...] {
            if let url = source.url { sourceIDsByURL[url] = nil }
            usedSourceIDs.remove(source.id)
        }
        rowSources.removeSubrange(count...)
    }

    /// A readable id for a URL (`src:theintercept-com-2025-ice-paragon`), with a short hash where
    /// it was cut or would meet another URL's.
    private mutating func newSourceID(for url: String) -> String {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        if rest.hasPrefix("www.") { rest = rest.dropFirst(4) }
        let slug = CSVTemplateText.slug(String(rest).lowercased())
        var id = "src:" + String(slug.prefix(60))
        if slug.count > 60 || usedSourceIDs.contains(id) { id += "-" + ImportedIdentifiers.hash(url, salt: 0) }
        var counter = 2
        let base = id
        while usedSourceIDs.contains(id) { id = "\(base)-\(counter)"; counter += 1 }
        usedSourceIDs.insert(id)
        return id
    }

    // MARK: Combining repeated keys

    /// Combines a later row's amounts into what earlier rows said, by the columns' rules; returns
    /// what differs where no rule applies.
    static func combine(_ known: inout [Money], _ new: [Money], rules: [CSVMapping.AmountColumn]) -> [String] {
        var differences: [String] = []
        for amount in new {
            let rule = rules.first { $0.kind == amount.kind && $0.currency == amount.currency }?.combine
            guard let index = known.firstIndex(where: { $0.kind == amount.kind && $0.currency == amount.currency }) else {
                known.append(amount)
                continue
            }
            let old = known[index]
            switch rule {
            case .sum?: known[index].amount = old.amount + amount.amount
            case .latest?: known[index] = amount
            case .earliest?: known[index].amount = min(old.amount, amount.amount)
            case .max?: known[index].amount = max(old.amount, amount.amount)
            case .distinct?: if !known.contains(amount) { known.append(amount) }
            case .first?: break
            case nil: if old != amount { differences.append("has \(amount.description) here but \(old.description)") }
            }
        }
        return differences
    }

    static func combine(_ known: inout Validity, _ new: Validity, rules: [CSVMapping.DateColumn]) -> [String] {
        var differences: [String] = []
        for (field, newDate, oldDate) in [("start", new.start, known.start), ("end", new.end, known.end)] {
            guard let newDate else { continue }
            var chosen = oldDate ?? newDate
            if let oldDate {
                let newIsLater = oldDate.isWhollyBefore(newDate) || oldDate.description < newDate.description
                switch rules.first(where: { $0.field == field })?.combine {
                case .earliest?: chosen = newIsLater ? oldDate : newDate
                case .max?: chosen = newIsLater ? newDate : oldDate
                case .latest?: chosen = newDate
                case .first?, .sum?, .distinct?: chosen = oldDate
                case nil: if oldDate != newDate { differences.append("has the \(field) \(newDate) here but \(oldDate)") }
                }
            }
            if field == "start" { known.start = chosen } else { known.end = chosen }
        }
        return differences
    }

    /// A property that differs from row to row (a company listed in two states) keeps every
    /// value seen, in order.
    static func merge(_ known: inout [String: PropertyValue], _ new: [String: PropertyValue]) {
        for (key, value) in new {
            switch known[key] {
            case nil: known[key] = value
            case let .list(values)? where !values.contains(value): known[key] = .list(values + [value])
            case .list?: break
            case let existing? where existing != value: known[key] = .list([existing, value])
            default: break
            }
        }
    }

    /// A later row's own sources are added (corroboration); its quote of the table is not, so a
    /// key repeated in a thousand rows does not carry a thousand quotes.
    static func addNewSources(_ known: inout [Citation], _ new: [Citation]) {
        for citation in new where !known.contains(where: { $0.source == citation.source }) {
            known.insert(citation, at: known.firstIndex { $0.quote != nil } ?? known.endIndex)
        }
    }

    // MARK: The graph

    func result() throws(ImportError) -> CSVImportResult {
        var vocabulary = Vocabulary.builtIn
        for kind in mapping.entityKinds { vocabulary.declareEntityKind(kind) }
        for kind in mapping.relationshipKinds { vocabulary.declareRelationshipKind(kind) }
        for template in mapping.entities {
            for kind in template.kind.kinds where vocabulary.entityKind(kind) == nil {
                throw ImportError("\(template.location): '\(kind)' is not an entity kind; declare it under kinds: entities:, or use one of "
                                  + vocabulary.entityKinds.map(\.id).joined(separator: ", "))
            }
        }
        for template in mapping.relationships {
            for kind in template.kind.kinds where vocabulary.relationshipKind(kind) == nil {
                throw ImportError("\(template.location): '\(kind)' is not a relationship kind; declare it under kinds: relationships:, or use one of "
                                  + vocabulary.relationshipKinds.map(\.id).joined(separator: ", "))
            }
        }
        var builder = GraphBuilder(vocabulary: vocabulary)
        builder.title = mapping.title
        builder.summaryText = mapping.description
        builder.addSource(mapping.source)
        for source in rowSources { builder.addSource(source) }
        do {
            for var entity in mapping.fixedEntities {
                entity.citations = [Citation(source: mapping.source.id)]
                try builder.addEntity(entity)
            }
            for id in entityOrder where !fixedIDs.contains(id) {
                if let entity = entities[id] { try builder.addEntity(entity) }
            }
            for id in linkOrder {
                if let link = links[id] { try builder.addRelationship(link) }
            }
        } catch {
            throw ImportError("the mapping produced an inconsistent graph: \(error)")
        }
        return CSVImportResult(graph: builder.build(), sameAs: mapping.sameAs, problems: problems, tables: counts)
    }
}
