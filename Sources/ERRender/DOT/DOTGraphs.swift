import Foundation

/// A DOT file may hold several graphs one after another (`digraph A {…} digraph B {…}`), which
/// cgraph reads one per call, keeping the rest of the text in its lexer. This finds where each
/// top-level graph ends, so each can be read on its own: braces are counted outside strings
/// (`"…"` with `\"`), HTML strings (`<…>`, nested) and comments (`//`, `/* */`, and `#` lines).
public enum DOTGraphs {
    /// The text of each graph, in order; the whole text when it holds one graph or none.
    public static func split(_ data: Data) -> [Data] {
        let bytes = [UInt8](data)
        var pieces: [Data] = []
        var start = 0, index = 0, depth = 0, htmlDepth = 0
        var atLineStart = true
        while index < bytes.count {
            let byte = bytes[index]
            if htmlDepth > 0 {
                if byte == UInt8(ascii: "<") { htmlDepth += 1 } else if byte == UInt8(ascii: ">") { htmlDepth -= 1 }
                index += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                    index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
                }
            case UInt8(ascii: "<"):
                htmlDepth = 1
            case UInt8(ascii: "/") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "/"):
                while index < bytes.count, bytes[index] != 0x0A { index += 1 }
            case UInt8(ascii: "#") where atLineStart:
                while index < bytes.count, bytes[index] != 0x0A { index += 1 }
            case UInt8(ascii: "/") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "*"):
                index += 2
                while index + 1 < bytes.count, !(bytes[index] == UInt8(ascii: "*") && bytes[index + 1] == UInt8(ascii: "/")) { index += 1 }
                index += 1
            case UInt8(ascii: "{"):
                depth += 1
            case UInt8(ascii: "}"):
                depth -= 1
                if depth == 0 {
                    pieces.append(Data(bytes[start...index]))
                    start = index + 1
                }
            default:
                break
            }
            if index < bytes.count {
                atLineStart = bytes[index] == 0x0A || (atLineStart && (bytes[index] == 0x20 || bytes[index] == 0x09))
            }
            index += 1
        }
        // What follows the last graph: a graph cgraph will report as broken, or only blanks.
        if start < bytes.count, bytes[start...].contains(where: { $0 > 0x20 }) { pieces.append(Data(bytes[start...])) }
        return pieces.count > 1 ? pieces : [data]
    }
}
