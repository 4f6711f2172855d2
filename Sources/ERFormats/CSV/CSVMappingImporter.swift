import ERGraph
import Foundation

/// A row the importer could not use, and why. Never dropped silently: every one is reported.
public struct RowProblem: Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var message: String
    /// True when the row was still used (a repeated key whose value differs: the first value
    /// kept, the row's links made); false when it was left out.
    public var rowUsed: Bool = false
    public var description: String { "line \(line): \(message)" }
}

/// What importing a table produced.
public struct CSVImportResult: Sendable {
    public var graph: Graph
    /// Ids the mapping declares to be one entity with ids of other datasets.
    public var sameAs: [[String]]
    public var problems: [RowProblem]
    public var rowsRead: Int
    public var rowsUsed: Int
}

/// Applies a ``CSVMapping`` to a table, row by row.
///
/// For each row, every entity template whose id columns are filled makes (or meets again) an
/// entity; ids are built from values normalised for matching (trimmed, spaces collapsed, case
/// folded, accents dropped), names keep the first spelling seen and later variants become
/// aliases; a property that differs from row to row keeps every value. Then every relationship
/// template whose ends exist makes a link. Everything cites the mapping's source, quoting the
/// row as written. A row with an unparseable amount or date or the wrong number of fields is
/// reported with its line and left out whole. A row that repeats an entity's key combines its
/// amounts and dates by the rules the mapping declares (`combine: sum`, `first`, `latest`,
/// `earliest`, `max`); where no rule is declared and a value differs, the first value is kept and
/// the difference reported, but the row is used: its other entities and its links are never lost
/// because one of its entities repeats.
public enum CSVMappingImporter {
    public static func run(mapping: CSVMapping, table: Data, tableName: String,
                           header headerData: Data? = nil) throws(ImportError) -> CSVImportResult {
        let reader = CSVReader(delimiter: mapping.table.delimiter)
        var records: [CSVRecord]
        do {
            records = try reader.records(table)
        } catch {
            throw ImportError("\(tableName):\(error.line):\(error.column): \(error.message)")
        }
        let header: [String]
        if let headerData {
            do {
                guard let first = try reader.records(headerData).first else { throw ImportError("the header file is empty") }
                header = first.fields
            } catch let error as CSVError {
                throw ImportError("header file:\(error.line):\(error.column): \(error.message)")
            } catch {
                throw ImportError("\(error)")
            }
        } else {
            guard !records.isEmpty else { throw ImportError("\(tableName): the table is empty") }
            header = records.removeFirst().fields
        }
        let columns = header.map { $0.trimmingCharacters(in: .whitespaces) }
        var positions: [String: Int] = [:]
        for (index, column) in columns.enumerated() where positions[column] == nil { positions[column] = index }
        for template in mapping.entities {
            let named = CSVMapping.columns(in: template.id) + CSVMapping.columns(in: template.display)
                + template.properties.values.flatMap(CSVMapping.columns) + template.amounts.map(\.column) + template.dates.map(\.column)
            for column in named where positions[column] == nil {
                throw ImportError("\(template.location): the mapping names column '\(column)', which \(tableName) lacks"
                                  + Suggestions.didYouMean(column, among: columns) + " (its columns: \(columns.joined(separator: ", ")))")
            }
        }

        var entities: [String: Entity] = [:]
        var entityOrder: [String] = []
        var firstLine: [String: Int] = [:]
        var links: [String: Relationship] = [:]
        var linkOrder: [String] = []
        var problems: [RowProblem] = []
        var used = 0
        let fixedIDs = Set(mapping.fixedEntities.map(\.id))

        for record in records {
            guard record.fields.count == columns.count else {
                problems.append(RowProblem(line: record.line, message: "expected \(columns.count) fields, found \(record.fields.count)"))
                continue
            }
            func value(_ column: String) -> String {
                positions[column].map { record.fields[$0] } ?? ""
            }
            let citation = Citation(source: mapping.source.id, quote: record.text)
            var rowEntities: [String: Entity] = [:]  // template name → entity made from this row
            var rowProblems: [String] = []
            for template in mapping.entities {
                guard let id = fill(template.id, value: { slug(normalized(value($0))) }) else { continue }
                let name = fill(template.display, value: { spaced(value($0)) }) ?? id
                var entity = Entity(id: id, kind: template.kind, name: name, citations: [citation])
                for (key, text) in template.properties {
                    if let filled = fill(text, value: { spaced(value($0)) }) { entity.properties[key] = .text(filled) }
                }
                for amount in template.amounts {
                    let text = value(amount.column).trimmingCharacters(in: .whitespaces)
                    guard !text.isEmpty else { continue }
                    guard let parsed = Money.parseAmount(text) else {
                        rowProblems.append("column \(amount.column): '\(text)' is not an amount (expected a number such as 5135635.83)")
                        continue
                    }
                    // A negative obligation is a de-obligation, summed as such; other kinds of
                    // amount are sizes and cannot be negative.
                    guard parsed >= 0 || amount.kind == .obligated else {
                        rowProblems.append("column \(amount.column): '\(text)' is negative, which only an obligated amount may be")
                        continue
                    }
                    entity.amounts.append(Money(amount: parsed, currency: amount.currency, kind: amount.kind))
                }
                for date in template.dates {
                    let text = value(date.column).trimmingCharacters(in: .whitespaces)
                    guard !text.isEmpty else { continue }
                    guard let parsed = DateFormats.parse(text, format: date.format) else {
                        rowProblems.append("column \(date.column): '\(text)' is not a date in the format \(date.format)")
                        continue
                    }
                    if date.field == "end" { entity.validity.end = parsed } else { entity.validity.start = parsed }
                }
                rowEntities[template.name] = entity
            }
            guard rowProblems.isEmpty else {
                problems.append(RowProblem(line: record.line, message: rowProblems.joined(separator: "; ")))
                continue
            }
            used += 1
            var differences: [String] = []
            for template in mapping.entities {
                guard let entity = rowEntities[template.name] else { continue }
                if var known = entities[entity.id] {
                    let there = "line \(firstLine[entity.id] ?? 0)"
                    differences += combine(into: &known, entity, template: template).map { "\(entity.id) \($0) at \(there); the first is kept" }
                    if known.name != entity.name && !known.aliases.contains(entity.name) { known.aliases.append(entity.name) }
                    // A property that differs from row to row (a company listed in two states)
                    // keeps every value seen, in order.
                    for (key, value) in entity.properties {
                        switch known.properties[key] {
                        case nil: known.properties[key] = value
                        case let .list(values)? where !values.contains(value): known.properties[key] = .list(values + [value])
                        case let existing? where existing != value && !isList(existing): known.properties[key] = .list([existing, value])
                        default: break
                        }
                    }
                    entities[entity.id] = known
                } else {
                    entities[entity.id] = entity
                    entityOrder.append(entity.id)
                    firstLine[entity.id] = record.line
                }
            }
            if !differences.isEmpty {
                problems.append(RowProblem(line: record.line, message: "key collision: " + differences.joined(separator: "; "), rowUsed: true))
            }
            for template in mapping.relationships {
                let from = rowEntities[template.from]?.id ?? (fixedIDs.contains(template.from) ? template.from : nil)
                let to = rowEntities[template.to]?.id ?? (fixedIDs.contains(template.to) ? template.to : nil)
                guard let from, let to else { continue }
                if template.unlessSame && from == to { continue }
                let id = "\(from)--\(template.kind)--\(to)"
                if links[id] == nil {
                    links[id] = Relationship(id: id, kind: template.kind, from: from, to: to, citations: [citation])
                    linkOrder.append(id)
                }
            }
        }

        var vocabulary = Vocabulary.builtIn
        for kind in mapping.entityKinds { vocabulary.declareEntityKind(kind) }
        for kind in mapping.relationshipKinds { vocabulary.declareRelationshipKind(kind) }
        var builder = GraphBuilder(vocabulary: vocabulary)
        builder.title = mapping.title
        builder.summaryText = mapping.description
        builder.addSource(mapping.source)
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
        return CSVImportResult(graph: builder.build(), sameAs: mapping.sameAs, problems: problems,
                               rowsRead: records.count, rowsUsed: used)
    }

    /// Combines a later row's reading of an entity into what earlier rows said: amounts and
    /// dates by the template's `combine` rules; returns what differs where no rule applies.
    private static func combine(into known: inout Entity, _ new: Entity, template: CSVMapping.EntityTemplate) -> [String] {
        var differences: [String] = []
        if known.kind != new.kind { differences.append("is a \(new.kind) here but a \(known.kind)") }
        for amount in new.amounts {
            let rule = template.amounts.first { $0.kind == amount.kind && $0.currency == amount.currency }?.combine
            guard let index = known.amounts.firstIndex(where: { $0.kind == amount.kind && $0.currency == amount.currency }) else {
                known.amounts.append(amount)
                continue
            }
            let old = known.amounts[index]
            switch rule {
            case .sum?: known.amounts[index].amount = old.amount + amount.amount
            case .latest?: known.amounts[index] = amount
            case .earliest?: known.amounts[index].amount = min(old.amount, amount.amount)
            case .max?: known.amounts[index].amount = max(old.amount, amount.amount)
            case .first?: break
            case nil:
                if old != amount { differences.append("has \(amount.description) here but \(old.description)") }
            }
        }
        for (field, newDate, oldDate) in [("start", new.validity.start, known.validity.start), ("end", new.validity.end, known.validity.end)] {
            guard let newDate else { continue }
            let rule = template.dates.first { $0.field == field }?.combine
            var chosen = oldDate ?? newDate
            if let oldDate {
                switch rule {
                case .earliest?: chosen = newDate.isWhollyBefore(oldDate) || (newDate.description < oldDate.description) ? newDate : oldDate
                case .max?, .latest?: chosen = rule == .latest ? newDate : (oldDate.isWhollyBefore(newDate) || oldDate.description < newDate.description ? newDate : oldDate)
                case .first?, .sum?: chosen = oldDate
                case nil:
                    if oldDate != newDate { differences.append("has the \(field) \(newDate) here but \(oldDate)") }
                }
            }
            if field == "start" { known.validity.start = chosen } else { known.validity.end = chosen }
        }
        return differences
    }

    private static func isList(_ value: PropertyValue) -> Bool {
        if case .list = value { true } else { false }
    }

    /// Replaces `{column}` parts; nil when a named column is empty for this row.
    static func fill(_ template: String, value: (String) -> String) -> String? {
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            let filled = value(String(rest[rest.index(after: open)..<close]))
            if filled.isEmpty { return nil }
            result += filled
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// Trimmed, inner runs of white space collapsed to one space.
    static func spaced(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The form names are matched by: spaced, case folded, accents dropped.
    static func normalized(_ text: String) -> String {
        spaced(text).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "en_US_POSIX"))
    }

    /// An id-safe form: ASCII letters and digits kept, every other run becomes one `-`.
    static func slug(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else if !out.isEmpty, !out.hasSuffix("-") {
                out += "-"
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }
}
