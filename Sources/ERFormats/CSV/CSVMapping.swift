import ERGraph
import Foundation

/// How to turn each row of one or more tables into entities and relationships, in the spirit
/// of FollowTheMoney mappings. Written in YAML; `Graph/README.md` documents every field.
public struct CSVMapping: Sendable {
    /// One table to read, and how.
    public struct Table: Sendable {
        /// The file, as the mapping writes it (relative to the mapping file, or absolute); nil for
        /// the defaults that tables named on the command line take.
        public var file: String?
        public var delimiter: Character = ","
        /// A file (relative to the mapping, or absolute) naming the columns of a table that has no
        /// header row: either a header row itself or a `position,name` dictionary.
        public var headerFile: String?
        public var location: SourceLocation?

        public init(file: String? = nil, delimiter: Character = ",", headerFile: String? = nil, location: SourceLocation? = nil) {
            self.file = file
            self.delimiter = delimiter
            self.headerFile = headerFile
            self.location = location
        }
    }

    /// How the rows that repeat an entity's or a link's key (an award's modifications in a
    /// transaction table) combine a field, instead of the later row's different value being a
    /// collision.
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
        /// Amounts: every distinct value kept, in the order first seen.
        case distinct
    }

    /// A date column and the format it is written in: a named format or a `%`-pattern.
    public struct DateColumn: Sendable {
        public var column: String
        /// Tried in order: the first that reads the value wins.
        public var formats: [String]
        /// How messages name the formats: `%m/%d/%y` or `%m/%d/%y or ISO`.
        public var formatNames: String { formats.joined(separator: " or ") }

        /// The value read by the first format that fits.
        public func parse(_ text: String) -> PartialDate? {
            for format in formats { if let date = DateFormats.parse(text, format: format) { return date } }
            return nil
        }
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

    /// Where an entity's or a link's kind comes from.
    public enum KindRule: Sendable {
        /// One kind for every row.
        case fixed(String)
        /// A column's value looked up in a table (values matched as written, then ignoring case);
        /// `otherwise` for values the table lacks, or nil to report the row.
        case lookup(column: String, values: [String: String], otherwise: String?)

        /// Every kind the rule can give.
        public var kinds: [String] {
            switch self {
            case let .fixed(kind): [kind]
            case let .lookup(_, values, otherwise): Array(Set(values.values).union(otherwise.map { [$0] } ?? [])).sorted()
            }
        }
    }

    /// A column holding several values (an event's actors), each making its own entity.
    public struct Split: Sendable {
        public var column: String
        public var separator: String
    }

    /// One entity made from each row (or one per value of a ``Split`` column).
    public struct EntityTemplate: Sendable {
        public var name: String
        public var kind: KindRule
        /// `{column}` parts are replaced by the value normalised for matching (trimmed, spaces
        /// collapsed, case folded) and made id-safe, so spelling variants meet.
        public var id: String
        /// `{column}` parts are replaced by the value as written (trimmed, spaces collapsed).
        public var display: String
        public var properties: [String: String]
        public var amounts: [AmountColumn]
        public var dates: [DateColumn]
        public var each: Split?
        public var location: SourceLocation
    }

    public struct RelationshipTemplate: Sendable {
        public var kind: KindRule
        /// A template name, or the id of a fixed entity.
        public var from: String
        public var to: String
        /// Skip the link when both ends are the same entity (a recipient that is its own parent).
        public var unlessSame: Bool
        public var properties: [String: String] = [:]
        public var amounts: [AmountColumn] = []
        public var dates: [DateColumn] = []
        public var location: SourceLocation
    }

    /// The documents each row names as its evidence (an event timeline's source URLs): each
    /// distinct URL becomes a source, cited by everything the row makes.
    public struct RowSources: Sendable {
        /// A template giving one URL, or several split by `separator`.
        public var url: String
        public var separator: String?
        public var title: String?
        public var publisher: String?
        public var published: DateColumn?
        public var location: SourceLocation
    }

    /// What a row's citation of the table quotes.
    public enum Quote: String, Sendable, CaseIterable {
        /// The whole row as written.
        case row
        /// No quote, but where the row is: `at: awards.csv line 17`, which the archived table
        /// shows. For wide tables, whose rows quoted whole make a dataset many times the
        /// table's size (a 286-column table: 1.8 KB a row, once per entity and link).
        case line
        /// Nothing: the citation names the table only.
        case none
    }

    public var title: String?
    public var description: String?
    /// The defaults for tables named on the command line.
    public var table = Table()
    /// The tables the mapping itself lists, read in order.
    public var tables: [Table] = []
    public var source: Source
    public var rowSources: RowSources?
    public var quote: Quote = .row
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

    /// Every column the mapping reads, with where it is named, for checking against a table.
    var namedColumns: [(column: String, location: SourceLocation)] {
        var named: [(String, SourceLocation)] = []
        func kindColumns(_ rule: KindRule) -> [String] {
            if case let .lookup(column, _, _) = rule { [column] } else { [] }
        }
        for template in entities {
            let columns = Self.columns(in: template.id) + Self.columns(in: template.display)
                + template.properties.keys.sorted().flatMap { Self.columns(in: template.properties[$0] ?? "") }
                + template.amounts.map(\.column) + template.dates.map(\.column) + kindColumns(template.kind)
                + (template.each.map { [$0.column] } ?? [])
            named += columns.map { ($0, template.location) }
        }
        for template in relationships {
            let columns = template.properties.keys.sorted().flatMap { Self.columns(in: template.properties[$0] ?? "") }
                + template.amounts.map(\.column) + template.dates.map(\.column) + kindColumns(template.kind)
            named += columns.map { ($0, template.location) }
        }
        if let sources = rowSources {
            let columns = Self.columns(in: sources.url) + (sources.title.map(Self.columns) ?? [])
                + (sources.publisher.map(Self.columns) ?? []) + (sources.published.map { [$0.column] } ?? [])
            named += columns.map { ($0, sources.location) }
        }
        return named
    }
}

/// Date formats a mapping may declare.
enum DateFormats {
    static let known = ["ISO", "YYYY-MM-DD", "DD/MM/YYYY", "MM/DD/YYYY", "YYYY-MM", "YYYY", "DD.MM.YYYY"]

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

    /// Reads `value` by `pattern`, byte by byte (a table may hold millions of dates).
    static func parsePattern(_ value: String, pattern: String) -> PartialDate? {
        let text = Array(value.utf8), format = Array(pattern.utf8)
        var position = 0, index = 0
        var year: Int?, month: Int?, day: Int?
        func number(maxDigits: Int) -> Int? {
            var result = 0, digits = 0
            while position < text.count, digits < maxDigits, (0x30...0x39).contains(text[position]) {
                result = result * 10 + Int(text[position] - 0x30)
                digits += 1
                position += 1
            }
            return digits == 0 ? nil : result
        }
        while index < format.count {
            let byte = format[index]
            index += 1
            guard byte == UInt8(ascii: "%"), index < format.count else {
                guard position < text.count, text[position] == byte else { return nil }
                position += 1
                continue
            }
            let field = format[index]
            index += 1
            switch field {
            case UInt8(ascii: "Y"): guard let value = number(maxDigits: 4), value >= 1000 else { return nil }; year = value
            case UInt8(ascii: "y"): guard let value = number(maxDigits: 2) else { return nil }; year = fullYear(twoDigits: value)
            case UInt8(ascii: "m"): guard let value = number(maxDigits: 2), (1...12).contains(value) else { return nil }; month = value
            case UInt8(ascii: "d"): guard let value = number(maxDigits: 2), (1...31).contains(value) else { return nil }; day = value
            case UInt8(ascii: "H"): guard let value = number(maxDigits: 2), value < 24 else { return nil }
            case UInt8(ascii: "M"), UInt8(ascii: "S"): guard let value = number(maxDigits: 2), value < 60 else { return nil }
            default: return nil
            }
        }
        guard text[position...].allSatisfy({ $0 == 0x20 || $0 == 0x09 }), let year else { return nil }
        return PartialDate(year: year, month: month, day: month == nil ? nil : day)
    }

    static func parse(_ text: String, format: String) -> PartialDate? {
        let value = CSVTemplateText.trimmed(text)
        if isPattern(format) { return parsePattern(value, pattern: format) }
        switch format {
        case "ISO": return PartialDate(value)
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
