/// The one RFC 4180 tokenizer: records over raw bytes, one at a time, reusing its buffers, with
/// the line and column of everything it reads.
///
/// Hand-written rather than taken from SwiftCSV or CSV.swift (both mirrored here): neither
/// reports the line and column of a record or of a malformed field, which every message needs,
/// and the node and relationship lists of a million links are read without making a string
/// for each field. Quoted fields may hold separators, quotes (doubled) and line breaks; `\r\n`,
/// `\n` and `\r` all end records; blank lines are no records; a UTF-8 byte-order mark is
/// skipped. ``CSVReader`` (whole tables as strings) and ``CSVListsLoader`` (the lists, straight
/// into the store) both read through it.
struct CSVTokenizer {
    /// Where a field lies: in the file itself, or (a quoted field) in the record's scratch buffer.
    struct Field {
        var start: Int
        var count: Int
        var inScratch: Bool
        /// The offset of the line the field starts on, for its column.
        var lineStart: Int
        /// The offset of the field's first byte in the file (its opening quote, if quoted).
        var fileOffset: Int
    }

    struct Record {
        /// 1-based line of the record's first character.
        var line: Int
        var fields: [Field]
        /// The record's bytes in the file, without its line ending.
        var range: Range<Int>
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let name: String
    let delimiter: UInt8
    private var position = 0
    private var line = 1
    private var lineStart = 0
    private(set) var scratch: [UInt8] = []

    init(bytes: UnsafeBufferPointer<UInt8>, name: String, delimiter: UInt8 = UInt8(ascii: ",")) {
        self.bytes = bytes
        self.name = name
        self.delimiter = delimiter
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
    }

    /// A line ending at `index`: `\n`, or `\r` not followed by `\n`. Returns whether one ends there.
    @inline(__always) private func endsLine(at index: Int) -> Bool {
        bytes[index] == 0x0A || (bytes[index] == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A))
    }

    /// The offset of the next unread byte: where the rows start once the header is read.
    var offset: Int { position }

    /// The next record, nil at the end, or the first error (an unterminated quote, text after a
    /// closing quote).
    mutating func next() throws(CSVError) -> Record? {
        // Skip blank lines.
        while position < bytes.count, bytes[position] == 0x0A || bytes[position] == 0x0D {
            if endsLine(at: position) { line += 1; lineStart = position + 1 }
            position += 1
        }
        guard position < bytes.count else { return nil }
        scratch.removeAll(keepingCapacity: true)
        let recordStart = position
        var record = Record(line: line, fields: [], range: position..<position)
        while true {
            if position < bytes.count, bytes[position] == UInt8(ascii: "\"") {
                let openLine = line, openLineStart = lineStart, openOffset = position
                position += 1
                let fieldStart = scratch.count
                var closed = false
                while position < bytes.count {
                    let byte = bytes[position]
                    if byte == UInt8(ascii: "\"") {
                        if position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "\"") {
                            scratch.append(byte); position += 2; continue
                        }
                        position += 1; closed = true; break
                    }
                    if endsLine(at: position) { line += 1; lineStart = position + 1 }
                    scratch.append(byte)
                    position += 1
                }
                guard closed else {
                    throw CSVError(line: openLine, column: column(from: openLineStart, to: openOffset),
                                   message: "a quoted field is never closed (missing \")")
                }
                record.fields.append(Field(start: fieldStart, count: scratch.count - fieldStart, inScratch: true,
                                           lineStart: openLineStart, fileOffset: openOffset))
                if position < bytes.count, bytes[position] != delimiter, bytes[position] != 0x0A, bytes[position] != 0x0D {
                    throw CSVError(line: line, column: column(from: lineStart, to: position),
                                   message: "unexpected text after a closing quote; double a quote inside a quoted field (\"\")")
                }
            } else {
                let start = position
                while position < bytes.count, bytes[position] != delimiter, bytes[position] != 0x0A, bytes[position] != 0x0D {
                    position += 1
                }
                record.fields.append(Field(start: start, count: position - start, inScratch: false, lineStart: lineStart,
                                           fileOffset: start))
            }
            guard position < bytes.count, bytes[position] == delimiter else { break }
            position += 1
        }
        record.range = recordStart..<position
        if position < bytes.count, bytes[position] == 0x0D {
            if position + 1 >= bytes.count || bytes[position + 1] != 0x0A { line += 1; lineStart = position + 1 }
            position += 1
        }
        if position < bytes.count, bytes[position] == 0x0A { position += 1; line += 1; lineStart = position }
        return record
    }

    private func column(from lineStart: Int, to offset: Int) -> Int {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<offset]), as: UTF8.self).count + 1
    }

    @discardableResult
    func withBytes<T>(_ field: Field, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        if field.inScratch {
            return scratch.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[field.start..<field.start + field.count])) }
        }
        return body(UnsafeBufferPointer(rebasing: bytes[field.start..<field.start + field.count]))
    }

    func string(_ field: Field) -> String {
        withBytes(field) { String(decoding: $0, as: UTF8.self) }
    }

    /// The number in a field; nil when it is not one.
    func double(_ field: Field) -> Double? {
        guard field.count > 0, field.count < 64 else { return nil }
        return Double(string(field)).flatMap { $0.isFinite ? $0 : nil }
    }

    /// The 1-based column (in characters) where a field starts, for messages.
    func column(of field: Field) -> Int {
        column(from: field.lineStart, to: field.fileOffset)
    }

    /// The record as written, without its line ending.
    func text(of record: Record) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[record.range]), as: UTF8.self)
    }
}
