import Foundation

/// Checks made on XML before Foundation's `XMLParser` sees it.
enum XMLInput {
    /// Refuses a document that libxml2 will read as UTF-8 but holds bytes that are not, naming
    /// the line and column of the first one.
    ///
    /// swift-corelibs-foundation's XMLParser stops the process (an illegal instruction in
    /// `_NSXMLParserStartElementNs`) when libxml2 hands it an element or attribute name that is
    /// not UTF-8: found by the GraphML fuzz target on `<data k\u{FFFD}y="n8">`, with one stray
    /// 0xE5 byte (Tests/Fixtures/fuzz/graphml-invalid-utf8-name.graphml), and again on a file that
    /// declares an encoding libxml2 does not know (`encoding="UTF-.:"`) or `UTF-16` over bytes
    /// that are not: libxml2 then goes on reading the bytes as UTF-8
    /// (graphml-unknown-encoding.graphml). Only a document with a UTF-16 or UTF-32 byte-order
    /// mark, or one declaring an encoding in which every byte is a character (ISO-8859-1), is
    /// converted by libxml2 before any name reaches Foundation; every other one must be UTF-8.
    static func checkEncoding(_ data: Data, name: String, format: String) throws(ImportError) {
        let head = Array(data.prefix(200))
        // Byte-order marks, and the 16- and 32-bit "<" that libxml2 detects without one.
        if head.starts(with: [0xFE, 0xFF]) || head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0, 0])
            || head.starts(with: [0x3C, 0]) || head.starts(with: [0, 0x3C]) { return }
        let declared = declaredEncoding(head)
        if let declared, everyByteIsACharacter.contains(declared.lowercased()) { return }
        var line = 1, column = 1
        var iterator = data.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(scalar):
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput:
                return
            case .error:
                let why = declared.map { ["utf-8", "utf8"].contains($0.lowercased()) ? "the file declares UTF-8"
                    : "the file declares '\($0)', which ergraph reads only as UTF-8: other encodings need a byte-order mark (UTF-16, UTF-32) or must be ISO-8859-1" }
                    ?? "the file declares no other encoding"
                throw ImportError("\(name):\(line):\(column): invalid \(format): a byte that is not UTF-8 (\(why)); save it as UTF-8")
            }
        }
    }

    /// Names of encodings that give a character for every byte, so that libxml2's conversion can
    /// only produce valid UTF-8.
    private static let everyByteIsACharacter: Set<String> = ["iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1",
                                                              "windows-1252", "cp1252", "iso-8859-3"]

    /// The encoding an XML declaration at the start names, as written.
    private static func declaredEncoding(_ head: [UInt8]) -> String? {
        let text = String(decoding: head, as: UTF8.self)
        guard text.hasPrefix("<?xml") || text.hasPrefix("\u{FEFF}<?xml"), let end = text.range(of: "?>") else { return nil }
        let declaration = text[..<end.lowerBound]
        guard let encoding = declaration.range(of: #"encoding\s*=\s*["']([^"']*)["']"#, options: .regularExpression) else { return nil }
        return declaration[encoding].split(whereSeparator: { $0 == "\"" || $0 == "'" }).dropFirst().first.map(String.init) ?? ""
    }
}
