import Foundation

/// The check made on XML before libxml2 reads it (`XMLEvents`): bytes that are not UTF-8 in a
/// document read as UTF-8 are refused with their line and column and a word on the encoding.
enum XMLInput {
    /// Refuses a document that libxml2 will read as UTF-8 but holds bytes that are not, naming
    /// the line and column of the first one.
    ///
    /// This began as a guard for Foundation's XMLParser, which stopped the process on a name
    /// that was not UTF-8 (Tests/Fixtures/fuzz/graphml-invalid-utf8-name.graphml), also under a
    /// declared encoding libxml2 does not know (`encoding="UTF-.:"`) or `UTF-16` over 8-bit
    /// bytes, which libxml2 reads on as UTF-8 (graphml-unknown-encoding.graphml). libxml2 alone
    /// refuses such bytes too; this check says where, and why, in words. A UTF-16 document (by its
    /// byte-order mark or its first `<`), or one declaring an encoding in which every byte is a
    /// character (ISO-8859-1, windows-1252), is converted by libxml2 and not checked here. UTF-32,
    /// which libxml2 2.9 misreads with a byte-order mark, is refused.
    static func checkEncoding(_ data: Data, name: String, format: String) throws(ImportError) {
        let head = Array(data.prefix(4))
        if [[0xFF, 0xFE, 0, 0], [0, 0, 0xFE, 0xFF], [0x3C, 0, 0, 0], [0, 0, 0, 0x3C]].contains(head) {
            throw ImportError("\(name):1:1: invalid \(format): the file is UTF-32, which ergraph does not read; save it as UTF-8")
        }
        if head.starts(with: [0xFE, 0xFF]) || head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0x3C, 0])
            || head.starts(with: [0, 0x3C]) { return }
        let declared = declaredEncoding(Array(data.prefix(200)))
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
                let why = declared.map { encoding in
                    if ["utf-8", "utf8"].contains(encoding.lowercased()) { return "the file declares UTF-8" }
                    if ["utf-16", "utf16"].contains(encoding.lowercased()) {
                        return "the file declares '\(encoding)', but its first bytes are 8-bit text, not UTF-16"
                    }
                    // A name of junk is not echoed: it would be the user's bytes, not a word.
                    let named = encoding.count <= 40 && encoding.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 && $0.value < 0x7F })
                        ? "'\(encoding)'" : "an encoding name that is not one"
                    return "the file declares \(named), which ergraph reads only as UTF-8: other encodings must be UTF-16 or ISO-8859-1 or windows-1252"
                } ?? "the file declares no other encoding"
                throw ImportError("\(name):\(line):\(column): invalid \(format): a byte that is not UTF-8 (\(why)); save it as UTF-8")
            }
        }
    }

    /// Names of encodings that give a character for every byte that libxml2 accepts, so that its
    /// conversion can only produce UTF-8 (it stops at a byte windows-1252 leaves undefined).
    private static let everyByteIsACharacter: Set<String> = ["iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1",
                                                              "windows-1252", "cp1252"]

    /// The encoding an XML declaration at the start names, as written.
    private static func declaredEncoding(_ head: [UInt8]) -> String? {
        // Decoded with U+FFFD for bytes that are not UTF-8: only the text is used, never its
        // positions as byte offsets of `head` (the fuzzer found that trap).
        let text = String(decoding: head, as: UTF8.self)
        guard text.hasPrefix("<?xml") || text.hasPrefix("\u{FEFF}<?xml"), let end = text.range(of: "?>"),
              let encoding = text[..<end.lowerBound].range(of: #"encoding\s*=\s*["'][^"']*["']"#, options: .regularExpression)
        else { return nil }
        return text[encoding].split(whereSeparator: { $0 == "\"" || $0 == "'" }).dropFirst().first.map(String.init) ?? ""
    }
}
