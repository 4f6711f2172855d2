import ERGraph
import Foundation

/// Reads a mapping file, reporting problems as `FILE:LINE:COLUMN`.
public enum CSVMappingReader {
    public static func read(_ data: Data, file: String) -> (mapping: CSVMapping?, diagnostics: [Diagnostic]) {
        let root: DocumentNode?
        do {
            root = try DocumentParser.parse(String(decoding: data, as: UTF8.self), file: file)
        } catch {
            return (nil, [error.diagnostic])
        }
        guard let root else {
            return (nil, [.error("empty mapping", at: SourceLocation(file: file, line: 1, column: 1))])
        }
        let log = DiagnosticLog()
        let mapping = decode(root, log: log)
        let diagnostics = log.diagnostics.sortedByLocation()
        return (diagnostics.hasErrors ? nil : mapping, diagnostics)
    }

    static let topFields = ["ergraph_mapping", "title", "description", "table", "tables", "source", "row_sources", "quote",
                            "kinds", "fixed", "entities", "relationships", "same_as"]

    private static func decode(_ root: DocumentNode, log: DiagnosticLog) -> CSVMapping? {
        guard let top = FieldReader(root, what: "the mapping", allowed: topFields, log: log) else { return nil }
        guard let sourceNode = top.node("source"), let sourceFields = FieldReader(
            sourceNode, what: "'source'", allowed: ["id", "title", "publisher", "url", "published", "archive"], log: log) else {
            top.reportMissing("source")
            return nil
        }
        var source = Source(id: sourceFields.text("id", required: true)?.value ?? "",
                            title: sourceFields.text("title", required: true)?.value ?? "")
        source.publisher = sourceFields.text("publisher")?.value
        source.url = sourceFields.text("url")?.value
        source.published = sourceFields.date("published")?.value
        source.archive = sourceFields.text("archive")?.value
        var mapping = CSVMapping(source: source)
        mapping.title = top.text("title")?.value
        mapping.description = top.text("description")?.value
        if let node = top.node("table"), let table = self.table(node, what: "'table'", fileAllowed: false, log: log) {
            mapping.table = table
        }
        for node in top.list("tables") {
            if case let .scalar(file, _, location) = node {
                mapping.tables.append(CSVMapping.Table(file: file, delimiter: mapping.table.delimiter,
                                                       headerFile: mapping.table.headerFile, location: location))
            } else if var table = self.table(node, what: "a table", fileAllowed: true, log: log, defaults: mapping.table) {
                if table.file == nil { log.error("a table needs 'file'", at: node.location) }
                table.location = node.location
                mapping.tables.append(table)
            }
        }
        if let (text, location) = top.text("quote") {
            if let quote = CSVMapping.Quote(rawValue: text) { mapping.quote = quote } else {
                log.error("'quote' is row, line or none, found '\(text)'", at: location)
            }
        }
        if let node = top.node("row_sources") { mapping.rowSources = rowSources(node, log: log) }
        readKinds(top, into: &mapping, log: log)
        if let fixedNode = top.node("fixed"), let fixed = FieldReader(fixedNode, what: "'fixed'", allowed: ["entities"], log: log) {
            for node in fixed.list("entities") {
                guard let entity = FieldReader(node, what: "fixed entity", allowed: ["id", "kind", "name", "aliases", "description"], log: log),
                      let id = entity.text("id", required: true), let kind = entity.text("kind", required: true),
                      let name = entity.text("name", required: true) else { continue }
                var record = Entity(id: id.value, kind: kind.value, name: name.value, aliases: entity.textList("aliases"))
                if let description = entity.text("description") { record.properties["description"] = .text(description.value) }
                mapping.fixedEntities.append(record)
            }
        }
        if let entitiesNode = top.node("entities"), let entities = FieldReader(entitiesNode, what: "'entities'", allowed: nil, log: log) {
            for pair in entities.pairs {
                guard let template = FieldReader(pair.value, what: "entity template '\(pair.key)'",
                                                 allowed: ["kind", "id", "name", "properties", "amounts", "dates", "each"], log: log),
                      let kind = kindRule(template, log: log), let id = template.text("id", required: true) else { continue }
                var each: CSVMapping.Split?
                if let node = template.node("each"), let split = FieldReader(node, what: "'each'", allowed: ["column", "separator"], log: log),
                   let column = split.text("column", required: true) {
                    let separator = split.text("separator")?.value ?? ";"
                    if separator.isEmpty { log.error("'separator' must not be empty", at: node.location) }
                    each = CSVMapping.Split(column: column.value, separator: separator)
                }
                mapping.entities.append(CSVMapping.EntityTemplate(
                    name: pair.key, kind: kind, id: id.value, display: template.text("name")?.value ?? id.value,
                    properties: properties(template, log: log), amounts: amounts(template, log: log),
                    dates: dates(template, log: log), each: each, location: pair.keyLocation))
            }
        }
        for node in top.list("relationships") {
            guard let link = FieldReader(node, what: "relationship template",
                                         allowed: ["kind", "from", "to", "unless_same", "properties", "amounts", "dates"], log: log),
                  let kind = kindRule(link, log: log), let from = link.text("from", required: true),
                  let to = link.text("to", required: true) else { continue }
            mapping.relationships.append(CSVMapping.RelationshipTemplate(
                kind: kind, from: from.value, to: to.value, unlessSame: link.text("unless_same")?.value == "true",
                properties: properties(link, log: log), amounts: amounts(link, log: log), dates: dates(link, log: log),
                location: link.location))
        }
        for node in top.list("same_as") {
            if case let .sequence(items, _) = node {
                mapping.sameAs.append(items.compactMap { if case let .scalar(id, _, _) = $0 { id } else { nil } })
            }
        }
        // Templates must name each other or fixed entities.
        let names = Set(mapping.entities.map(\.name)).union(mapping.fixedEntities.map(\.id))
        for link in mapping.relationships {
            for end in [link.from, link.to] where !names.contains(end) {
                log.error("relationship template refers to '\(end)', which is neither an entity template nor a fixed entity"
                          + Suggestions.didYouMean(end, among: names.sorted()), at: link.location)
            }
        }
        return mapping
    }

    private static func table(_ node: DocumentNode, what: String, fileAllowed: Bool, log: DiagnosticLog,
                              defaults: CSVMapping.Table = CSVMapping.Table()) -> CSVMapping.Table? {
        let allowed = (fileAllowed ? ["file"] : []) + ["delimiter", "header"]
        guard let fields = FieldReader(node, what: what, allowed: allowed, log: log) else { return nil }
        var table = defaults
        table.file = fileAllowed ? fields.text("file")?.value : nil
        if let (delimiter, location) = fields.text("delimiter") {
            if delimiter.count == 1, let character = delimiter.first, character.isASCII {
                table.delimiter = character
            } else {
                log.error("'delimiter' must be one ASCII character, found '\(delimiter)'", at: location)
            }
        }
        if let header = fields.text("header")?.value { table.headerFile = header }
        return table
    }

    /// `kind: company`, or `kind: {column: type, lookup: {Firm: company}, otherwise: organization}`.
    private static func kindRule(_ fields: FieldReader, log: DiagnosticLog) -> CSVMapping.KindRule? {
        guard let node = fields.node("kind") else {
            fields.reportMissing("kind")
            return nil
        }
        if case let .scalar(kind, _, location) = node {
            guard !kind.trimmingCharacters(in: .whitespaces).isEmpty else {
                log.error("'kind' must not be empty", at: location)
                return nil
            }
            return .fixed(kind)
        }
        guard let rule = FieldReader(node, what: "'kind'", allowed: ["column", "lookup", "otherwise"], log: log),
              let column = rule.text("column", required: true) else { return nil }
        var values: [String: String] = [:]
        if let lookupNode = rule.node("lookup"), let lookup = FieldReader(lookupNode, what: "'lookup'", allowed: nil, log: log) {
            for pair in lookup.pairs {
                if case let .scalar(kind, _, _) = pair.value { values[pair.key] = kind } else {
                    log.error("a lookup maps a column value to a kind name; '\(pair.key)' maps to \(pair.value.describedKind)",
                              at: pair.value.location)
                }
            }
        } else {
            rule.reportMissing("lookup")
        }
        return .lookup(column: column.value, values: values, otherwise: rule.text("otherwise")?.value)
    }

    private static func properties(_ fields: FieldReader, log: DiagnosticLog) -> [String: String] {
        var properties: [String: String] = [:]
        guard let node = fields.node("properties"), let map = FieldReader(node, what: "'properties'", allowed: nil, log: log) else {
            return properties
        }
        for item in map.pairs {
            if case let .scalar(value, _, _) = item.value { properties[item.key] = value }
            else { log.error("property '\(item.key)' must be a template text such as \"{column}\"", at: item.value.location) }
        }
        return properties
    }

    private static func amounts(_ fields: FieldReader, log: DiagnosticLog) -> [CSVMapping.AmountColumn] {
        var amounts: [CSVMapping.AmountColumn] = []
        for node in fields.list("amounts") {
            guard let amount = FieldReader(node, what: "amount column", allowed: ["column", "currency", "kind", "combine"], log: log),
                  let column = amount.text("column", required: true) else { continue }
            let currency = amount.text("currency")?.value ?? "USD"
            var kindValue = AmountKind.reported
            if let (text, location) = amount.text("kind") {
                if let parsed = AmountKind(rawValue: text) { kindValue = parsed } else {
                    log.error("unknown amount kind '\(text)'" + Suggestions.didYouMean(text, among: AmountKind.allCases.map(\.rawValue)), at: location)
                }
            }
            amounts.append(CSVMapping.AmountColumn(column: column.value, currency: currency, kind: kindValue,
                                                   combine: combine(amount, log: log)))
        }
        return amounts
    }

    private static func dates(_ fields: FieldReader, log: DiagnosticLog) -> [CSVMapping.DateColumn] {
        fields.list("dates").compactMap { dateColumn($0, what: "date column", fieldAllowed: true, log: log) }
    }

    private static func dateColumn(_ node: DocumentNode, what: String, fieldAllowed: Bool, log: DiagnosticLog) -> CSVMapping.DateColumn? {
        let allowed = ["column", "format"] + (fieldAllowed ? ["field", "combine"] : [])
        guard let date = FieldReader(node, what: what, allowed: allowed, log: log),
              let column = date.text("column", required: true) else { return nil }
        // One format, or several tried in order (tables of one export that write dates two ways).
        var formats: [(value: String, location: SourceLocation)] = []
        switch date.node("format") {
        case nil: date.reportMissing("format")
        case let .sequence(items, _)?:
            for item in items {
                if case let .scalar(text, _, location) = item { formats.append((text, location)) }
                else { log.error("a date format is text, such as '%m/%d/%y'", at: item.location) }
            }
            if items.isEmpty, let node = date.node("format") { log.error("'format' lists no format", at: node.location) }
        case .some:
            if let format = date.text("format", required: true) { formats.append(format) }
        }
        guard !formats.isEmpty else { return nil }
        for format in formats where !(DateFormats.known.contains(format.value) || DateFormats.isPattern(format.value)) {
            log.error("unknown date format '\(format.value)'; expected one of \(DateFormats.known.joined(separator: ", ")), "
                      + "or a pattern of %Y, %y, %m, %d, %H, %M, %S and literal characters such as '%d/%m/%y %H:%M'",
                      at: format.location)
            return nil
        }
        var field = "start"
        if let (text, location) = date.text("field") {
            if ["start", "end"].contains(text) { field = text } else {
                log.error("a date's 'field' is start or end, found '\(text)'", at: location)
            }
        }
        let rule = combine(date, log: log)
        if rule == .sum || rule == .distinct {
            log.error("dates combine by first, latest, earliest or max; '\(rule?.rawValue ?? "")' is for amounts", at: node.location)
        }
        return CSVMapping.DateColumn(column: column.value, formats: formats.map(\.value), field: field, combine: rule)
    }

    private static func rowSources(_ node: DocumentNode, log: DiagnosticLog) -> CSVMapping.RowSources? {
        guard let fields = FieldReader(node, what: "'row_sources'", allowed: ["url", "separator", "title", "publisher", "published"], log: log),
              let url = fields.text("url", required: true) else { return nil }
        let separator = fields.text("separator")
        if let separator, separator.value.isEmpty { log.error("'separator' must not be empty", at: separator.location) }
        return CSVMapping.RowSources(url: url.value, separator: separator?.value, title: fields.text("title")?.value,
                                     publisher: fields.text("publisher")?.value,
                                     published: fields.node("published").flatMap { dateColumn($0, what: "'published'", fieldAllowed: false, log: log) },
                                     location: fields.location)
    }

    private static func readKinds(_ top: FieldReader, into mapping: inout CSVMapping, log: DiagnosticLog) {
        guard let kindsNode = top.node("kinds"),
              let kinds = FieldReader(kindsNode, what: "'kinds'", allowed: ["entities", "relationships"], log: log) else { return }
        for (group, isEntity) in [("entities", true), ("relationships", false)] {
            guard let node = kinds.node(group), let definitions = FieldReader(node, what: "'kinds: \(group)'", allowed: nil, log: log) else { continue }
            for pair in definitions.pairs {
                guard case let .scalar(meaning, _, _) = pair.value else {
                    log.error("a kind is declared with its meaning as text", at: pair.value.location)
                    continue
                }
                let kind = KindDefinition(pair.key, meaning)
                if isEntity { mapping.entityKinds.append(kind) } else { mapping.relationshipKinds.append(kind) }
            }
        }
    }

    /// A column's `combine:` rule, reported when unknown.
    static func combine(_ fields: FieldReader, log: DiagnosticLog) -> CSVMapping.Combine? {
        guard let (text, location) = fields.text("combine") else { return nil }
        guard let rule = CSVMapping.Combine(rawValue: text) else {
            let names = CSVMapping.Combine.allCases.map(\.rawValue)
            log.error("unknown combine rule '\(text)'; expected one of \(names.joined(separator: ", "))"
                      + Suggestions.didYouMean(text, among: names), at: location)
            return nil
        }
        return rule
    }
}
