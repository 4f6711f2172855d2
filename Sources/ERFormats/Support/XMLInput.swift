import Foundation

/// What is done to XML before Foundation's `XMLParser` sees it: swift-corelibs-foundation's
/// parser stops the process on input that libxml2 reports without fault, and every such input
/// the fuzzer found is either refused here, with its line and column, or made harmless.
enum XMLInput {
    /// The document as Foundation's parser may safely read it, or an error naming the line and
    /// column of what it cannot read.
    ///
    /// - UTF-16 and UTF-32 documents (with a byte-order mark, or detected from their first `<`,
    ///   as libxml2 does) are converted to UTF-8 here, so that the checks below see every byte.
    ///   Their encoding declaration is blanked with spaces, which keeps every column.
    /// - A document libxml2 reads as UTF-8 must be UTF-8 (`checkEncoding`).
    /// - A DOCTYPE with declarations of its own (`<!DOCTYPE graphml [ … ]>`) is refused:
    ///   Foundation dereferences a null pointer on a `NOTATION` without a public id, an
    ///   `ATTLIST` default of `#IMPLIED` and an unparsed entity (measured), and GraphML needs none.
    /// - A processing instruction without data (`<?target?>`) gets a space before its `?>`:
    ///   libxml2 hands Foundation a null pointer for the missing data, and Foundation calls
    ///   `strlen` on it (found by the fuzzer: Tests/Fixtures/fuzz/graphml-empty-instruction.graphml).
    ///   The instruction means the same; a later error on that line is reported one column on.
    static func prepared(_ data: Data, name: String, format: String) throws(ImportError) -> Data {
        let document = try utf8(data, name: name, format: format)
        try checkEncoding(document, name: name, format: format)
        return try withEmptyInstructionsFilled(document, name: name, format: format)
    }

    /// Refuses a document that libxml2 will read as UTF-8 but holds bytes that are not, naming
    /// the line and column of the first one.
    ///
    /// Foundation's XMLParser stops the process (an illegal instruction in
    /// `_NSXMLParserStartElementNs`) when libxml2 hands it an element or attribute name that is
    /// not UTF-8: found by the GraphML fuzz target on `<data k\u{FFFD}y="n8">`, with one stray
    /// 0xE5 byte (Tests/Fixtures/fuzz/graphml-invalid-utf8-name.graphml), and again on a file that
    /// declares an encoding libxml2 does not know (`encoding="UTF-.:"`) or `UTF-16` over bytes
    /// that are not: libxml2 then goes on reading the bytes as UTF-8
    /// (graphml-unknown-encoding.graphml). Only a document declaring an encoding in which every
    /// byte is a character (ISO-8859-1, windows-1252) is converted by libxml2 before any name
    /// reaches Foundation; every other one must be UTF-8.
    static func checkEncoding(_ data: Data, name: String, format: String) throws(ImportError) {
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
                    // A name of junk is not echoed: it would be the user's bytes, not a word.
                    let named = encoding.count <= 40 && encoding.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 && $0.value < 0x7F })
                        ? "'\(encoding)'" : "an encoding name that is not one"
                    return "the file declares \(named), which ergraph reads only as UTF-8: other encodings need a byte-order mark (UTF-16, UTF-32) or must be ISO-8859-1 or windows-1252"
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
        // Decoded with U+FFFD for bytes that are not UTF-8: positions in this text are not byte
        // offsets of `head`, so only the text is used.
        let text = String(decoding: head, as: UTF8.self)
        guard let range = encodingDeclaration(text) else { return nil }
        return text[range].split(whereSeparator: { $0 == "\"" || $0 == "'" }).dropFirst().first.map(String.init) ?? ""
    }

    /// Where `encoding="…"` stands in the XML declaration at the start of `text`.
    private static func encodingDeclaration(_ text: String) -> Range<String.Index>? {
        guard text.hasPrefix("<?xml") || text.hasPrefix("\u{FEFF}<?xml"), let end = text.range(of: "?>") else { return nil }
        return text[..<end.lowerBound].range(of: #"encoding\s*=\s*["'][^"']*["']"#, options: .regularExpression)
    }

    /// A UTF-16 or UTF-32 document as UTF-8, without its byte-order mark and with its encoding
    /// declaration blanked; any other document as it is.
    private static func utf8(_ data: Data, name: String, format: String) throws(ImportError) -> Data {
        let head = Array(data.prefix(4))
        let wide: (String.Encoding, String)? =
            head.starts(with: [0xFF, 0xFE, 0, 0]) || head.starts(with: [0x3C, 0, 0, 0]) ? (.utf32LittleEndian, "UTF-32")
            : head.starts(with: [0, 0, 0xFE, 0xFF]) || head.starts(with: [0, 0, 0, 0x3C]) ? (.utf32BigEndian, "UTF-32")
            : head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0x3C, 0]) ? (.utf16LittleEndian, "UTF-16")
            : head.starts(with: [0xFE, 0xFF]) || head.starts(with: [0, 0x3C]) ? (.utf16BigEndian, "UTF-16")
            : nil
        guard let (encoding, label) = wide else { return data }
        guard var text = String(data: data, encoding: encoding) else {
            throw ImportError("\(name): invalid \(format): the file reads as \(label) from its first bytes, but is not valid \(label); save it as UTF-8")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if let declaration = encodingDeclaration(text) {
            // Spaces for the declaration's characters, all ASCII: every later column stays.
            text.replaceSubrange(declaration, with: String(repeating: " ", count: text[declaration].count))
        }
        return Data(text.utf8)
    }

    /// The document with a space before the `?>` of every processing instruction that has no
    /// data, or an error at a DOCTYPE with an internal subset. Comments and CDATA sections are
    /// skipped, so that their text is never changed.
    private static func withEmptyInstructionsFilled(_ data: Data, name: String, format: String) throws(ImportError) -> Data {
        let bytes = [UInt8](data)
        let count = bytes.count
        func starts(_ prefix: StaticString, at offset: Int) -> Bool {
            let length = prefix.utf8CodeUnitCount
            guard offset + length <= count else { return false }
            return prefix.withUTF8Buffer { buffer in (0..<length).allSatisfy { bytes[offset + $0] == buffer[$0] } }
        }
        func end(of terminator: StaticString, from offset: Int) -> Int {
            var index = offset
            while index < count, !starts(terminator, at: index) { index += 1 }
            return min(count, index + terminator.utf8CodeUnitCount)
        }
        func position(_ offset: Int) -> String {
            var line = 1, column = 1
            for byte in bytes[..<offset] where byte & 0xC0 != 0x80 {
                if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
            }
            return "\(line):\(column)"
        }
        var gaps: [Int] = []
        var index = 0
        while index < count {
            guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
            if starts("<!--", at: index) {
                index = end(of: "-->", from: index + 4)
            } else if starts("<![CDATA[", at: index) {
                index = end(of: "]]>", from: index + 9)
            } else if starts("<!DOCTYPE", at: index) {
                var scan = index + 9, quote: UInt8?
                while scan < count {
                    let byte = bytes[scan]
                    if let open = quote {
                        if byte == open { quote = nil }
                    } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                        quote = byte
                    } else if byte == UInt8(ascii: "[") {
                        throw ImportError("\(name):\(position(scan)): invalid \(format): a DOCTYPE with declarations of its own ([…]); "
                                          + "ergraph reads no DTD in \(format) (Foundation's XML parser crashes on some), so remove it")
                    } else if byte == UInt8(ascii: ">") {
                        break
                    }
                    scan += 1
                }
                index = scan + 1
            } else if starts("<?", at: index) {
                var scan = index + 2
                while scan < count, ![UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"),
                                      UInt8(ascii: "?")].contains(bytes[scan]) { scan += 1 }
                if scan > index + 2, starts("?>", at: scan) { gaps.append(scan) }
                index = end(of: "?>", from: scan)
            } else {
                index += 1
            }
        }
        guard !gaps.isEmpty else { return data }
        var filled = [UInt8]()
        filled.reserveCapacity(count + gaps.count)
        var copied = 0
        for gap in gaps {
            filled.append(contentsOf: bytes[copied..<gap])
            filled.append(UInt8(ascii: " "))
            copied = gap
        }
        filled.append(contentsOf: bytes[copied...])
        return Data(filled)
    }
}
