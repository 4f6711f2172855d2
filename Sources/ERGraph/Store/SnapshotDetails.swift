import Foundation

/// The rich records of a snapshot (aliases, dates, money, events, properties, citations) in a
/// compact binary form, every string stored once in a table of its own.
///
/// Hand-written rather than JSON through Foundation's coders, which format 1 used: importing a
/// 98 MB, 286-column table into a snapshot spent 53% of its time encoding and decoding these
/// records as JSON (measured with perf), and the JSON could not tell a date property from text.
/// Integers are LEB128 varints (signed ones zigzagged); a string is its index in the table;
/// an optional is a presence byte, then the value; amounts are exact decimal text.
enum SnapshotDetails {
    // MARK: Writing

    struct Writer {
        private(set) var bytes: [UInt8] = []
        private(set) var strings: [String] = []
        private var stringIndex: [String: Int] = [:]

        mutating func unsigned(_ value: Int) {
            var rest = UInt64(value)
            while rest >= 0x80 {
                bytes.append(UInt8(rest & 0x7F) | 0x80)
                rest >>= 7
            }
            bytes.append(UInt8(rest))
        }

        mutating func signed(_ value: Int) {
            unsigned(Int(bitPattern: UInt(bitPattern: (value << 1) ^ (value >> (Int.bitWidth - 1)))))
        }

        mutating func string(_ value: String) {
            if let index = stringIndex[value] { unsigned(index); return }
            stringIndex[value] = strings.count
            unsigned(strings.count)
            strings.append(value)
        }

        mutating func optional(_ value: String?) {
            guard let value else { bytes.append(0); return }
            bytes.append(1)
            string(value)
        }

        mutating func date(_ value: PartialDate?) {
            guard let value else { bytes.append(0); return }
            bytes.append(UInt8(value.precision.rawValue))
            signed(value.year)
            if let month = value.month { unsigned(month) }
            if let day = value.day { unsigned(day) }
        }

        mutating func money(_ value: Money) {
            string(value.exactAmount)
            string(value.currency)
            string(value.kind.rawValue)
        }

        mutating func citations(_ values: [Citation]) {
            unsigned(values.count)
            for citation in values {
                string(citation.source)
                optional(citation.quote)
                optional(citation.creditedTo)
                optional(citation.locator)
            }
        }

        mutating func shared(validity: Validity, amounts: [Money], events: [StatusEvent],
                             properties: [String: PropertyValue], citations: [Citation]) {
            date(validity.start)
            date(validity.end)
            unsigned(amounts.count)
            for amount in amounts { money(amount) }
            unsigned(events.count)
            for event in events {
                date(event.date)
                string(event.status)
                optional(event.note)
                self.citations(event.citations)
            }
            unsigned(properties.count)
            for key in properties.keys.sorted() {
                string(key)
                if let value = properties[key] { property(value) }
            }
            self.citations(citations)
        }

        mutating func property(_ value: PropertyValue) {
            switch value {
            case let .text(text): bytes.append(0); string(text)
            case let .integer(number): bytes.append(1); signed(number)
            case let .number(number):
                bytes.append(2)
                withUnsafeBytes(of: number.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
            case let .boolean(flag): bytes.append(flag ? 4 : 3)
            case let .date(date): bytes.append(5); self.date(date)
            case let .money(money): bytes.append(6); self.money(money)
            case let .list(values):
                bytes.append(7)
                unsigned(values.count)
                for item in values { property(item) }
            }
        }

        /// The string table: count, then each string's UTF-8 length and bytes.
        var stringTable: [UInt8] {
            var table = Writer()
            table.unsigned(strings.count)
            for string in strings {
                let utf8 = Array(string.utf8)
                table.unsigned(utf8.count)
                table.bytes += utf8
            }
            return table.bytes
        }
    }

    /// The records section and the string table section.
    static func encode(entities: [EntityDetails], relationships: [RelationshipDetails]) -> (entities: Data, relationships: Data, strings: Data) {
        var writer = Writer()
        writer.unsigned(entities.count)
        for record in entities {
            writer.unsigned(record.aliases.count)
            for alias in record.aliases { writer.string(alias) }
            writer.shared(validity: record.validity, amounts: record.amounts, events: record.events,
                          properties: record.properties, citations: record.citations)
        }
        let entityBytes = writer.bytes
        writer = Writer(continuing: writer)
        writer.unsigned(relationships.count)
        for record in relationships {
            writer.shared(validity: record.validity, amounts: record.amounts, events: record.events,
                          properties: record.properties, citations: record.citations)
        }
        return (Data(entityBytes), Data(writer.bytes), Data(writer.stringTable))
    }

    // MARK: Reading

    struct Reader {
        let bytes: [UInt8]
        var position = 0
        let strings: [String]

        mutating func byte() throws(SnapshotError) -> UInt8 {
            guard position < bytes.count else { throw .corrupted("a record runs past its section") }
            defer { position += 1 }
            return bytes[position]
        }

        mutating func unsigned() throws(SnapshotError) -> Int {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                let next = try byte()
                guard shift < 63 || (shift == 63 && next <= 1) else { throw .corrupted("a number too large") }
                value |= UInt64(next & 0x7F) << shift
                if next & 0x80 == 0 { break }
                shift += 7
            }
            guard value <= UInt64(Int.max) else { throw .corrupted("a number too large") }
            return Int(value)
        }

        mutating func count() throws(SnapshotError) -> Int {
            let value = try unsigned()
            // Every counted item takes at least one byte, so a count beyond what is left is damage.
            guard value <= bytes.count - position else { throw .corrupted("a count beyond its section") }
            return value
        }

        mutating func signed() throws(SnapshotError) -> Int {
            let raw = UInt(try unsigned())
            return Int(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
        }

        mutating func string() throws(SnapshotError) -> String {
            let index = try unsigned()
            guard index < strings.count else { throw .corrupted("a string index out of range") }
            return strings[index]
        }

        mutating func optional() throws(SnapshotError) -> String? {
            switch try byte() {
            case 0: return nil
            case 1: return try string()
            default: throw .corrupted("a bad presence byte")
            }
        }

        mutating func date() throws(SnapshotError) -> PartialDate? {
            let precision = try byte()
            guard precision != 0 else { return nil }
            let year = try signed()
            let month = precision >= 2 ? try unsigned() : nil
            let day = precision >= 3 ? try unsigned() : nil
            guard precision <= 3, let date = PartialDate(year: year, month: month, day: day) else { throw .corrupted("a bad date") }
            return date
        }

        mutating func money() throws(SnapshotError) -> Money {
            let text = try string(), currency = try string(), kindText = try string()
            guard let amount = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")),
                  let kind = AmountKind(rawValue: kindText) else { throw .corrupted("a bad amount") }
            return Money(amount: amount, currency: currency, kind: kind)
        }

        mutating func citations() throws(SnapshotError) -> [Citation] {
            var citations: [Citation] = []
            for _ in 0..<(try count()) {
                citations.append(Citation(source: try string(), quote: try optional(), creditedTo: try optional(), locator: try optional()))
            }
            return citations
        }

        mutating func shared() throws(SnapshotError) -> (Validity, [Money], [StatusEvent], [String: PropertyValue], [Citation]) {
            let validity = Validity(start: try date(), end: try date())
            var amounts: [Money] = []
            for _ in 0..<(try count()) { amounts.append(try money()) }
            var events: [StatusEvent] = []
            for _ in 0..<(try count()) {
                events.append(StatusEvent(date: try date(), status: try string(), note: try optional(), citations: try citations()))
            }
            var properties: [String: PropertyValue] = [:]
            for _ in 0..<(try count()) {
                let key = try string()
                properties[key] = try property(depth: 0)
            }
            return (validity, amounts, events, properties, try citations())
        }

        mutating func property(depth: Int) throws(SnapshotError) -> PropertyValue {
            guard depth < 64 else { throw .corrupted("lists nested too deep") }
            switch try byte() {
            case 0: return .text(try string())
            case 1: return .integer(try signed())
            case 2:
                var bits: UInt64 = 0
                for shift in stride(from: 0, to: 64, by: 8) { bits |= UInt64(try byte()) << UInt64(shift) }
                return .number(Double(bitPattern: bits))
            case 3: return .boolean(false)
            case 4: return .boolean(true)
            case 5:
                guard let date = try date() else { throw .corrupted("a missing date") }
                return .date(date)
            case 6: return .money(try money())
            case 7:
                var values: [PropertyValue] = []
                for _ in 0..<(try count()) { values.append(try property(depth: depth + 1)) }
                return .list(values)
            default: throw .corrupted("an unknown property type")
            }
        }

        var isAtEnd: Bool { position == bytes.count }
    }

    static func strings(_ data: Data) throws(SnapshotError) -> [String] {
        var reader = Reader(bytes: [UInt8](data), strings: [])
        var strings: [String] = []
        let total = try reader.count()
        strings.reserveCapacity(total)
        for _ in 0..<total {
            let length = try reader.count()
            let start = reader.position
            reader.position += length
            guard let string = String(validating: reader.bytes[start..<reader.position], as: UTF8.self) else {
                throw .corrupted("a string that is not UTF-8")
            }
            strings.append(string)
        }
        guard reader.isAtEnd else { throw .corrupted("bytes after the string table") }
        return strings
    }

    static func entities(_ data: Data, strings: [String]) throws(SnapshotError) -> [EntityDetails] {
        var reader = Reader(bytes: [UInt8](data), strings: strings)
        var records: [EntityDetails] = []
        for _ in 0..<(try reader.count()) {
            var aliases: [String] = []
            for _ in 0..<(try reader.count()) { aliases.append(try reader.string()) }
            let (validity, amounts, events, properties, citations) = try reader.shared()
            records.append(EntityDetails(aliases: aliases, validity: validity, amounts: amounts, events: events,
                                         properties: properties, citations: citations))
        }
        guard reader.isAtEnd else { throw .corrupted("bytes after the entity records") }
        return records
    }

    static func relationships(_ data: Data, strings: [String]) throws(SnapshotError) -> [RelationshipDetails] {
        var reader = Reader(bytes: [UInt8](data), strings: strings)
        var records: [RelationshipDetails] = []
        for _ in 0..<(try reader.count()) {
            let (validity, amounts, events, properties, citations) = try reader.shared()
            records.append(RelationshipDetails(validity: validity, amounts: amounts, events: events,
                                               properties: properties, citations: citations))
        }
        guard reader.isAtEnd else { throw .corrupted("bytes after the relationship records") }
        return records
    }
}

extension SnapshotDetails.Writer {
    /// A writer with empty bytes that keeps the string table built so far.
    init(continuing other: SnapshotDetails.Writer) {
        self = other
        self.bytes = []
    }
}
