import Foundation

/// Deterministic PDFs.
public enum PDFTimestamps {
    /// Cairo stamps every PDF with the time it was made (`/CreationDate (D:YYYYMMDDHHMMSSZ)`;
    /// the Debian 12 build ignores SOURCE_DATE_EPOCH), so the same diagram would differ from
    /// run to run. The stamp is overwritten in place with a fixed one of the same length, which
    /// leaves every byte offset in the file, and so its cross-reference table, valid.
    public static func removed(from pdf: Data) -> Data {
        var bytes = [UInt8](pdf)
        for key in ["/CreationDate (D:", "/ModDate (D:"] {
            let pattern = Array(key.utf8)
            var index = 0
            while let found = Self.find(pattern, in: bytes, from: index) {
                let start = found + pattern.count
                var end = start
                while end < bytes.count, end - start < 14, bytes[end] >= 0x30, bytes[end] <= 0x39 { end += 1 }
                if end - start == 14 {
                    for (offset, byte) in Array("20000101000000".utf8).enumerated() { bytes[start + offset] = byte }
                }
                index = end
            }
        }
        return Data(bytes)
    }

    private static func find(_ pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard !pattern.isEmpty, bytes.count >= pattern.count, start <= bytes.count - pattern.count else { return nil }
        for index in start...(bytes.count - pattern.count) where bytes[index] == pattern[0] {
            if Array(bytes[index..<index + pattern.count]) == pattern { return index }
        }
        return nil
    }
}
