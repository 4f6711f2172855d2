import Foundation

/// Checks made on XML before Foundation's `XMLParser` sees it.
enum XMLInput {
    /// Refuses a document that is meant to be UTF-8 (no encoding declared, or UTF-8 declared) but
    /// holds bytes that are not, naming the line and column of the first one.
    ///
    /// swift-corelibs-foundation's XMLParser stops the process (an illegal instruction in
    /// `_NSXMLParserStartElementNs`) when libxml2 hands it an element or attribute name that is
    /// not UTF-8: found by the GraphML fuzz target on `<data k\u{FFFD}y="n8">`, with one stray
    /// 0xE5 byte (Tests/Fixtures/fuzz/graphml-invalid-utf8-name.graphml). Documents that
    /// declare another encoding are converted by libxml2 before any name reaches Foundation.
    static func checkEncoding(_ data: Data, name: String, format: String) throws(ImportError) {
        guard declaresUTF8(data) else { return }
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
                throw ImportError("\(name):\(line):\(column): invalid \(format): a byte that is not UTF-8 "
                                  + "(the file declares no other encoding); save it as UTF-8")
            }
        }
    }

    /// Whether the document is to be read as UTF-8: no byte-order mark of UTF-16 or 32, and an
    /// XML declaration that names no encoding or names UTF-8.
    private static func declaresUTF8(_ data: Data) -> Bool {
        let head = Array(data.prefix(200))
        if head.starts(with: [0xFE, 0xFF]) || head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0, 0]) { return false }
        let text = String(decoding: head, as: UTF8.self)
        guard text.hasPrefix("<?xml") || text.hasPrefix("\u{FEFF}<?xml"), let end = text.range(of: "?>") else { return true }
        let declaration = text[..<end.lowerBound]
        guard let encoding = declaration.range(of: #"encoding\s*=\s*["']([^"']*)["']"#, options: .regularExpression) else { return true }
        let value = declaration[encoding].split(whereSeparator: { $0 == "\"" || $0 == "'" }).dropFirst().first?.lowercased() ?? ""
        return value == "utf-8" || value == "utf8"
    }
}
