import ERGraph
import Foundation

/// One record of a CSV table with where it starts, for messages.
public struct CSVRecord: Sendable, Equatable {
    /// 1-based line of the record's first character (a quoted field may span lines).
    public var line: Int
    public var fields: [String]
    /// The record as written, without its line ending: the exact words a citation can quote.
    public var text: String
}

/// Why a table could not be read.
public struct CSVError: Error, Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String
    public var description: String { "\(line):\(column): \(message)" }

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }
}

/// An RFC 4180 reader over bytes that knows the line and column of everything it reads.
///
/// Hand-written rather than taken from SwiftCSV or CSV.swift (both mirrored here): neither
/// reports the line and column of a record or of a malformed field, and error messages need
/// both. Quoted fields may hold separators, quotes (doubled) and line breaks; `\r\n`, `\n` and
/// `\r` all end records; a UTF-8 byte-order mark is skipped.
public struct CSVReader: Sendable {
    public var delimiter: UInt8

    public init(delimiter: Character = ",") {
        self.delimiter = delimiter.asciiValue ?? UInt8(ascii: ",")
    }

    /// Every record, or the first error (an unterminated quote, text after a closing quote,
    /// bytes that are not UTF-8).
    public func records(_ data: Data) throws(CSVError) -> [CSVRecord] {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let bad = TextDecoding.firstInvalidUTF8(bytes) {
            throw CSVError(line: bad.line, column: bad.column,
                           message: "the table is not valid UTF-8 (byte 0x\(String(bad.byte, radix: 16, uppercase: true))); save it as UTF-8")
        }
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var index = 0
        var line = 1
        var lineStart = 0
        var recordLine = 1
        var recordStart = 0
        var atFieldStart = true
        let count = bytes.count

        func column(_ position: Int) -> Int {
            String(decoding: bytes[lineStart..<position], as: UTF8.self).count + 1
        }
        func finishField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            atFieldStart = true
        }
        func finishRecord(end: Int) {
            finishField()
            let text = String(decoding: bytes[recordStart..<end], as: UTF8.self)
            // A blank line is no record.
            if !(fields.count == 1 && fields[0].isEmpty) {
                records.append(CSVRecord(line: recordLine, fields: fields, text: text))
            }
            fields.removeAll(keepingCapacity: true)
        }

        while index < count {
            let byte = bytes[index]
            if atFieldStart && byte == UInt8(ascii: "\"") {
                // A quoted field: runs to the next lone quote.
                let openLine = line, openLineStart = lineStart, openIndex = index
                index += 1
                var closed = false
                while index < count {
                    let inner = bytes[index]
                    if inner == UInt8(ascii: "\"") {
                        if index + 1 < count && bytes[index + 1] == UInt8(ascii: "\"") {
                            field.append(inner)
                            index += 2
                            continue
                        }
                        index += 1
                        closed = true
                        break
                    }
                    if inner == 0x0A || (inner == 0x0D && (index + 1 >= count || bytes[index + 1] != 0x0A)) {
                        line += 1
                        lineStart = index + 1
                    }
                    field.append(inner)
                    index += 1
                }
                guard closed else {
                    let openColumn = String(decoding: bytes[openLineStart..<openIndex], as: UTF8.self).count + 1
                    throw CSVError(line: openLine, column: openColumn, message: "a quoted field is never closed (missing \")")
                }
                atFieldStart = false
                if index < count, bytes[index] != delimiter, bytes[index] != 0x0A, bytes[index] != 0x0D {
                    throw CSVError(line: line, column: column(index),
                                   message: "unexpected text after a closing quote; double a quote inside a quoted field (\"\")")
                }
                continue
            }
            switch byte {
            case delimiter:
                finishField()
                index += 1
            case 0x0A, 0x0D:
                finishRecord(end: index)
                if byte == 0x0D && index + 1 < count && bytes[index + 1] == 0x0A { index += 1 }
                index += 1
                line += 1
                lineStart = index
                recordLine = line
                recordStart = index
            default:
                field.append(byte)
                atFieldStart = false
                index += 1
            }
        }
        if !field.isEmpty || !fields.isEmpty || !atFieldStart { finishRecord(end: count) }
        return records
    }
}
