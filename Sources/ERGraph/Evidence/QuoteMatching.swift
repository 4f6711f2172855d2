import Foundation

/// Whether a quote occurs in a source's archived text, compared as people read: white space
/// collapsed, typographic quotes and dashes as plain ones, case folded. A quote may leave words
/// out with an ellipsis (`…` or `...`): its pieces must then occur in order.
public struct ArchivedText: Sendable {
    /// The text as compared, as UTF-8 bytes.
    private let archiveBytes: [UInt8]
    /// Where each word (or other run) begins, by its first eight bytes.
    private let wordStarts: [UInt64: [Int32]]
    private let sentences: [(text: String, words: Set<String>)]

    public init(_ text: String) {
        let bytes = Array(Self.normalize(text).utf8)
        archiveBytes = bytes
        var starts: [UInt64: [Int32]] = [:]
        if bytes.count >= Self.keyLength {
            for start in 0...(bytes.count - Self.keyLength)
            where start == 0 || !Self.isWordByte(bytes[start - 1]) || !Self.isWordByte(bytes[start]) {
                starts[Self.key(bytes, at: start), default: []].append(Int32(start))
            }
        }
        wordStarts = starts
        var sentences: [(String, Set<String>)] = []
        var current = ""
        for character in text {
            current.append(character)
            if ".!?\n".contains(character) {
                let sentence = Self.spaced(current)
                if sentence.count > 3 { sentences.append((sentence, Self.words(sentence))) }
                current = ""
            }
        }
        let last = Self.spaced(current)
        if last.count > 3 { sentences.append((last, Self.words(last))) }
        self.sentences = sentences
    }

    /// True when every piece of the quote (split at ellipses) occurs, in order.
    public func contains(quote: String) -> Bool {
        let pieces = Self.pieces(of: quote)
        guard !pieces.isEmpty else { return false }
        var offset = 0
        for piece in pieces {
            guard let end = find(Array(piece.utf8), from: offset) else { return false }
            offset = end
        }
        return true
    }

    /// Where `needle` ends at its first occurrence at or after `offset`. Pieces almost always
    /// begin where a word does, so those places are looked up in ``wordStarts`` first; only a
    /// piece not found there is searched for byte by byte. (`String.range(of:)` for each of
    /// the FY2018 table's 15,000 row quotes against its 2 MB archive took over a minute.)
    private func find(_ needle: [UInt8], from offset: Int) -> Int? {
        guard !needle.isEmpty, needle.count <= archiveBytes.count else { return needle.isEmpty ? offset : nil }
        func matches(at start: Int) -> Bool {
            guard start >= offset, start + needle.count <= archiveBytes.count else { return false }
            for index in 0..<needle.count where archiveBytes[start + index] != needle[index] { return false }
            return true
        }
        if needle.count >= Self.keyLength, let candidates = wordStarts[Self.key(needle, at: 0)] {
            for start in candidates where matches(at: Int(start)) { return Int(start) + needle.count }
        }
        var start = offset
        while start + needle.count <= archiveBytes.count {
            if archiveBytes[start] == needle[0] && matches(at: start) { return start + needle.count }
            start += 1
        }
        return nil
    }

    static let keyLength = 8

    static func key(_ bytes: [UInt8], at start: Int) -> UInt64 {
        var key: UInt64 = 0
        for index in start..<start + keyLength { key = key << 8 | UInt64(bytes[index]) }
        return key
    }

    static func isWordByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte) || byte >= 0x80
    }

    /// The sentence of the archive that shares the most words with the quote, for a hint.
    public func closestPassage(to quote: String) -> String? {
        let wanted = Self.words(Self.normalize(quote))
        guard !wanted.isEmpty else { return nil }
        var best: (score: Double, text: String)?
        for sentence in sentences {
            let shared = Double(wanted.intersection(sentence.words).count)
            guard shared > 0 else { continue }
            // Most shared words first; among equals, the passage closest in size.
            let score = shared + shared / Double(wanted.union(sentence.words).count)
            if score > (best?.score ?? 0) { best = (score, sentence.text) }
        }
        guard let best else { return nil }
        return best.text.count > 200 ? String(best.text.prefix(197)) + "…" : best.text
    }

    /// The quote's pieces between ellipses, normalised.
    static func pieces(of quote: String) -> [String] {
        guard quote.contains("…") || quote.contains("...") else { return [normalize(quote)].filter { !$0.isEmpty } }
        return quote.replacingEllipses().components(separatedBy: "\u{0}").map(normalize).filter { !$0.isEmpty }
    }

    /// Case folded, quotes and dashes plain, white space collapsed. Works on Unicode scalars
    /// (comparing `Character`s, which normalises each one, took most of a lint of the FY2018
    /// table, whose archive is 2 MB and every quote a row).
    public static func normalize(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            var plain = scalar
            switch scalar.value {
            case 0x41...0x5A: plain = Unicode.Scalar(scalar.value + 0x20) ?? scalar
            case 0x2018, 0x2019, 0x201A, 0x2032, 0x60: plain = "'"
            case 0x201C, 0x201D, 0x201E, 0x2033: plain = "\""
            case 0x2010...0x2015, 0x2212: plain = "-"
            case 0x00A0: plain = " "
            case 0x80...:
                let lower = scalar.properties.lowercaseMapping.unicodeScalars
                if lower.count == 1, let first = lower.first { plain = first }
            default: break
            }
            let isSpace = plain.value < 0x80 ? plain.value == 0x20 || (0x09...0x0D).contains(plain.value) : plain.properties.isWhitespace
            if isSpace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(plain)
        }
        return String(out)
    }

    static func spaced(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The words that say something, for finding a passage: short words and the commonest
    /// English ones left out.
    static func words(_ text: String) -> Set<String> {
        Set(normalize(text).split { !$0.isLetter && !$0.isNumber }.map(String.init).filter { $0.count > 2 && !stopWords.contains($0) })
    }

    static let stopWords: Set<String> = ["the", "and", "with", "has", "had", "have", "was", "were", "for", "that", "this", "from",
                                         "its", "are", "not", "but", "which", "their", "they", "been", "into", "than", "also"]
}

private extension String {
    /// Ellipses (`…`, `...`, `[…]`, `[...]`) as a separator no text holds.
    func replacingEllipses() -> String {
        var text = self
        for ellipsis in ["[…]", "[...]", "…", "..."] { text = text.replacingOccurrences(of: ellipsis, with: "\u{0}") }
        return text
    }
}
