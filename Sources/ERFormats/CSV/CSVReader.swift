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

/// Whole tables as strings, each record with its line and its text as written (the exact
/// words a citation can quote), read through ``CSVTokenizer``.
public struct CSVReader: Sendable {
    public var delimiter: UInt8

    public init(delimiter: Character = ",") {
        self.delimiter = delimiter.asciiValue ?? UInt8(ascii: ",")
    }

    /// Every record, or the first error (an unterminated quote, text after a closing quote,
    /// bytes that are not UTF-8).
    public func records(_ data: Data) throws(CSVError) -> [CSVRecord] {
        let bytes = [UInt8](data)
        if let bad = TextDecoding.firstInvalidUTF8(bytes) {
            throw CSVError(line: bad.line, column: bad.column,
                           message: "the table is not valid UTF-8 (byte 0x\(String(bad.byte, radix: 16, uppercase: true))); save it as UTF-8")
        }
        let delimiter = self.delimiter
        let result: Result<[CSVRecord], CSVError> = bytes.withUnsafeBufferPointer { buffer in
            var tokenizer = CSVTokenizer(bytes: buffer, name: "", delimiter: delimiter)
            var records: [CSVRecord] = []
            do {
                while let record = try tokenizer.next() {
                    records.append(CSVRecord(line: record.line, fields: record.fields.map(tokenizer.string),
                                             text: tokenizer.text(of: record)))
                }
            } catch let error as CSVError {
                return .failure(error)
            } catch {
                return .failure(CSVError(line: 0, column: 0, message: "\(error)"))
            }
            return .success(records)
        }
        return try result.get()
    }
}
