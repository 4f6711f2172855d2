import Foundation

enum TextDecoding {
    /// The first byte that breaks UTF-8, with its 1-based line and column (in characters).
    static func firstInvalidUTF8<Bytes: RandomAccessCollection>(_ bytes: Bytes) -> (byte: UInt8, line: Int, column: Int)? where Bytes.Element == UInt8, Bytes.Index == Int {
        // Most tables are ASCII: one plain pass says so, without counting lines.
        if !bytes.contains(where: { $0 >= 0x80 }) { return nil }
        var index = 0
        var line = 1
        var column = 1
        while index < bytes.count {
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (lead, line, column)
            }
            guard index + length <= bytes.count else { return (lead, line, column) }
            for offset in 1..<length {
                let continuation = bytes[index + offset]
                guard continuation & 0xC0 == 0x80 else { return (lead, line, column) }
            }
            // Overlong forms and surrogates.
            if length == 3 {
                let second = bytes[index + 1]
                if (lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F) { return (lead, line, column) }
            } else if length == 4 {
                let second = bytes[index + 1]
                if (lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second > 0x8F) { return (lead, line, column) }
            }
            if lead == 0x0A { line += 1; column = 1 } else { column += 1 }
            index += length
        }
        return nil
    }

    /// 1-based line and column of a byte offset in UTF-8 text.
    static func lineAndColumn(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for byte in bytes[..<offset] {
            if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }
}
