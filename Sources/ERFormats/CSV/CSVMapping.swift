import ERGraph
import Foundation

/// How to turn each row of a table into entities and relationships, in the spirit of
/// FollowTheMoney mappings. Written in YAML; `Graph/README.md` documents every field.
public struct CSVMapping: Sendable {
    public struct Table: Sendable {
        public var delimiter: Character = ","
        /// A file (relative to the mapping) whose first record names the columns, for tables without a header row.
        public var headerFile: String?
    }

    /// How the rows that repeat an entity's key (an award's modifications in a transaction
    /// table) combine a field, instead of the later row's different value being a collision.
    public enum Combine: String, Sendable, CaseIterable {
        /// Amounts: added up (obligations and de-obligations).
        case sum
        /// The first row's value.
        case first
        /// The last row's value (a current ceiling).
        case latest
        /// Dates: the earliest; amounts: the smallest.
        case earliest
        /// Dates: the latest; amounts: the largest.
        case max
    }

    /// A way to read a date column: `YYYY-MM-DD`, `DD/MM/YYYY`, `MM/DD/YYYY`, `YYYY-MM` or `YYYY`.
    public struct DateColumn: Sendable {
        public var column: String
        public var format: String
        /// `start` or `end`.
        public var field: String
        /// How repeated rows combine it; nil: a different value is a collision.
        public var combine: Combine?
    }

    public struct AmountColumn: Sendable {
        public var column: String
        public var currency: String
        public var kind: AmountKind
        /// How repeated rows combine it; nil: a different value is a collision.
        public var combine: Combine?
    }

    /// One entity made from each row.
    public struct EntityTemplate: Sendable {
        public var name: String
        public var kind: String
        /// `{column}` parts are replaced by the value normalised for matching (trimmed, spaces
        /// collapsed, case folded) and made id-safe, so spelling variants meet.
        public var id: String
        /// `{column}` parts are replaced by the value as written (trimmed, spaces collapsed).
        public var display: String
        public var properties: [String: String]
        public var amounts: [AmountColumn]
        public var dates: [DateColumn]
        public var location: SourceLocation
    }

    public struct RelationshipTemplate: Sendable {
        public var kind: String
        /// A template name, or the id of a fixed entity.
        public var from: String
        public var to: String
        /// Skip the link when both ends are the same entity (a recipient that is its own parent).
        public var unlessSame: Bool
        public var location: SourceLocation
    }

    public var title: String?
    public var description: String?
    public var table = Table()
    public var source: Source
    public var entityKinds: [KindDefinition] = []
    public var relationshipKinds: [KindDefinition] = []
    public var fixedEntities: [Entity] = []
    public var entities: [EntityTemplate] = []
    public var relationships: [RelationshipTemplate] = []
    public var sameAs: [[String]] = []

    /// The columns a template string names.
    static func columns(in template: String) -> [String] {
        var names: [String] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}

/// Reads a mapping file, reporting problems as `FILE:LINE:COLUMN`.
public enum CSVMappingReader {
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

    static let topFields = ["ergraph_mapping", "title", "description", "table", "source", "kinds", "fixed", "entities",
                            "relationships", "same_as"]

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

        if let tableNode = top.node("table"), let table = FieldReader(tableNode, what: "'table'", allowed: ["delimiter", "header"], log: log) {
            if let (delimiter, location) = table.text("delimiter") {
                if delimiter.count == 1, let character = delimiter.first, character.isASCII {
                    mapping.table.delimiter = character
                } else {
                    log.error("'delimiter' must be one ASCII character, found '\(delimiter)'", at: location)
                }
            }
            mapping.table.headerFile = table.text("header")?.value
        }
        if let kindsNode = top.node("kinds"), let kinds = FieldReader(kindsNode, what: "'kinds'", allowed: ["entities", "relationships"], log: log) {
            for (group, isEntity) in [("entities", true), ("relationships", false)] {
                guard let node = kinds.node(group), let definitions = FieldReader(node, what: "'kinds: \(group)'", allowed: nil, log: log) else { continue }
                for pair in definitions.pairs {
                    guard case let .scalar(meaning, _, _) = pair.value else { continue }
                    let kind = KindDefinition(pair.key, meaning)
                    if isEntity { mapping.entityKinds.append(kind) } else { mapping.relationshipKinds.append(kind) }
                }
            }
        }
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
                                                 allowed: ["kind", "id", "name", "properties", "amounts", "dates"], log: log),
                      let kind = template.text("kind", required: true), let id = template.text("id", required: true) else { continue }
                let display = template.text("name")?.value ?? id.value
                var properties: [String: String] = [:]
                if let node = template.node("properties"), let map = FieldReader(node, what: "'properties'", allowed: nil, log: log) {
                    for item in map.pairs {
                        if case let .scalar(value, _, _) = item.value { properties[item.key] = value }
                        else { log.error("property '\(item.key)' must be a template text such as \"{column}\"", at: item.value.location) }
                    }
                }
                var amounts: [CSVMapping.AmountColumn] = []
                for node in template.list("amounts") {
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
                                                           combine: Self.combine(amount, log: log)))
                }
                var dates: [CSVMapping.DateColumn] = []
                for node in template.list("dates") {
                    guard let date = FieldReader(node, what: "date column", allowed: ["column", "format", "field", "combine"], log: log),
                          let column = date.text("column", required: true), let format = date.text("format", required: true) else { continue }
                    guard DateFormats.known.contains(format.value) || DateFormats.isPattern(format.value) else {
                        log.error("unknown date format '\(format.value)'; expected one of \(DateFormats.known.joined(separator: ", ")), "
                                  + "or a pattern of %Y, %y, %m, %d, %H, %M, %S and literal characters such as '%d/%m/%y %H:%M'",
                                  at: format.location)
                        continue
                    }
                    let field = date.text("field")?.value ?? "start"
                    dates.append(CSVMapping.DateColumn(column: column.value, format: format.value, field: field,
                                                       combine: Self.combine(date, log: log)))
                }
                mapping.entities.append(CSVMapping.EntityTemplate(name: pair.key, kind: kind.value, id: id.value, display: display,
                                                                  properties: properties, amounts: amounts, dates: dates,
                                                                  location: pair.keyLocation))
            }
        }
        for node in top.list("relationships") {
            guard let link = FieldReader(node, what: "relationship template", allowed: ["kind", "from", "to", "unless_same"], log: log),
                  let kind = link.text("kind", required: true), let from = link.text("from", required: true),
                  let to = link.text("to", required: true) else { continue }
            mapping.relationships.append(CSVMapping.RelationshipTemplate(
                kind: kind.value, from: from.value, to: to.value, unlessSame: link.text("unless_same")?.value == "true",
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
}

/// Date formats a mapping may declare.
enum DateFormats {
    static let known = ["YYYY-MM-DD", "DD/MM/YYYY", "MM/DD/YYYY", "YYYY-MM", "YYYY", "DD.MM.YYYY"]

    /// A strftime-like pattern: `%d/%m/%y %H:%M`. Times are read and checked, then dropped:
    /// a dataset's dates are days at the finest.
    static func isPattern(_ format: String) -> Bool {
        guard format.contains("%") else { return false }
        var scalars = format.unicodeScalars.makeIterator()
        var fields: Set<Character> = []
        while let scalar = scalars.next() {
            guard scalar == "%" else { continue }
            guard let field = scalars.next().map(Character.init), "YymdHMS".contains(field) else { return false }
            fields.insert(field)
        }
        return fields.contains("Y") || fields.contains("y")
    }

    /// Two-digit years as POSIX reads them: 69–99 are 1969–1999, 00–68 are 2000–2068.
    static func fullYear(twoDigits: Int) -> Int { twoDigits >= 69 ? 1900 + twoDigits : 2000 + twoDigits }

    static func parsePattern(_ value: String, pattern: String) -> PartialDate? {
        var text = Array(value), position = 0
        var year: Int?, month: Int?, day: Int?
        var iterator = Array(pattern).makeIterator()
        func number(maxDigits: Int) -> Int? {
            var digits = ""
            while position < text.count, digits.count < maxDigits, text[position].isASCII, text[position].isNumber {
                digits.append(text[position]); position += 1
            }
            return digits.isEmpty ? nil : Int(digits)
        }
        while let character = iterator.next() {
            if character == "%" {
                switch iterator.next() {
                case "Y"?: guard let value = number(maxDigits: 4), value >= 1000 else { return nil }; year = value
                case "y"?: guard let value = number(maxDigits: 2) else { return nil }; year = fullYear(twoDigits: value)
                case "m"?: guard let value = number(maxDigits: 2), (1...12).contains(value) else { return nil }; month = value
                case "d"?: guard let value = number(maxDigits: 2), (1...31).contains(value) else { return nil }; day = value
                case "H"?: guard let value = number(maxDigits: 2), value < 24 else { return nil }
                case "M"?, "S"?: guard let value = number(maxDigits: 2), value < 60 else { return nil }
                default: return nil
                }
            } else {
                guard position < text.count, text[position] == character else { return nil }
                position += 1
            }
        }
        text = Array(text[position...])
        guard text.allSatisfy(\.isWhitespace), let year else { return nil }
        return PartialDate(year: year, month: month, day: month == nil ? nil : day)
    }

    static func parse(_ text: String, format: String) -> PartialDate? {
        let value = text.trimmingCharacters(in: .whitespaces)
        if isPattern(format) { return parsePattern(value, pattern: format) }
        switch format {
        case "YYYY-MM-DD", "YYYY-MM", "YYYY": return PartialDate(value).flatMap { $0.description.count == format.count ? $0 : nil }
        case "DD/MM/YYYY", "MM/DD/YYYY", "DD.MM.YYYY":
            let separator: Character = format.contains(".") ? "." : "/"
            let parts = value.split(separator: separator, omittingEmptySubsequences: false)
            guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }),
                  parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2,
                  let first = Int(parts[0]), let second = Int(parts[1]), let year = Int(parts[2]) else { return nil }
            let (day, month) = format.hasPrefix("DD") ? (first, second) : (second, first)
            return PartialDate(year: year, month: month, day: day)
        default: return nil
        }
    }
}

/// The date formats a mapping may declare, for callers outside the mapping importer.
public enum MappingDates {
    /// `text` read in `format` (one of the named formats, or a `%`-pattern such as `%m/%d/%y`).
    public static func parse(_ text: String, format: String) -> PartialDate? {
        DateFormats.parse(text, format: format)
    }
}
