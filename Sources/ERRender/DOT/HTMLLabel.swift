import Foundation

/// An HTML-like Graphviz label built from typed parts, so that every piece of user text is
/// escaped and the markup is always well formed (a malformed label makes Graphviz fall back
/// to plain text with an error; an unbalanced `<` aborts the parse).
public struct HTMLLabel: Hashable, Sendable {
    /// The markup between the label's outer angle brackets.
    public let markup: String

    private init(markup: String) { self.markup = markup }

    /// A piece of a label.
    public indirect enum Part: Hashable, Sendable {
        case text(String)
        case bold([Part])
        case italic([Part])
        case font(face: String? = nil, size: Double? = nil, color: String? = nil, [Part])
        case lineBreak
        case table(Table)
    }

    public struct Table: Hashable, Sendable {
        public var rows: [[Cell]]
        public var border: Int
        public var cellBorder: Int
        public var cellSpacing: Int
        public var cellPadding: Int
        public var background: String?
        public init(rows: [[Cell]], border: Int = 0, cellBorder: Int = 0, cellSpacing: Int = 0,
                    cellPadding: Int = 2, background: String? = nil) {
            self.rows = rows
            self.border = border
            self.cellBorder = cellBorder
            self.cellSpacing = cellSpacing
            self.cellPadding = cellPadding
            self.background = background
        }
    }

    public struct Cell: Hashable, Sendable {
        public var parts: [Part]
        public var align: String?
        public var background: String?
        public var columnSpan: Int?
        public var port: String?
        public var width: Int?
        public var border: Int?
        /// How the lines of a multi-line cell align (Graphviz's `balign`).
        public var lineAlign: String?
        public init(_ parts: [Part], align: String? = nil, background: String? = nil, columnSpan: Int? = nil,
                    port: String? = nil, width: Int? = nil, border: Int? = nil, lineAlign: String? = nil) {
            self.parts = parts
            self.align = align
            self.background = background
            self.columnSpan = columnSpan
            self.port = port
            self.width = width
            self.border = border
            self.lineAlign = lineAlign
        }
    }

    public init(_ parts: [Part]) {
        markup = parts.map(Self.render).joined()
    }

    public static func table(_ table: Table) -> HTMLLabel { HTMLLabel([.table(table)]) }

    /// Escapes text for an HTML-like label or one of its attributes.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n": out += "&#10;"
            case "\u{0}"..."\u{1F}", "\u{7F}": out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func attribute(_ name: String, _ value: String?) -> String {
        value.map { " \(name)=\"\(escape($0))\"" } ?? ""
    }

    private static func render(_ part: Part) -> String {
        switch part {
        case let .text(text):
            // Line feeds in text become breaks; everything else is escaped.
            return text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { escape(String($0)) }.joined(separator: "<br/>")
        case let .bold(parts): return "<b>" + parts.map(render).joined() + "</b>"
        case let .italic(parts): return "<i>" + parts.map(render).joined() + "</i>"
        case let .font(face, size, color, parts):
            let sizeText = size.map { String(format: "%g", $0) }
            return "<font" + attribute("face", face) + attribute("point-size", sizeText) + attribute("color", color) + ">"
                + parts.map(render).joined() + "</font>"
        case .lineBreak: return "<br/>"
        case let .table(table):
            var out = "<table" + attribute("border", String(table.border)) + attribute("cellborder", String(table.cellBorder))
                + attribute("cellspacing", String(table.cellSpacing)) + attribute("cellpadding", String(table.cellPadding))
                + attribute("bgcolor", table.background) + ">"
            for row in table.rows {
                out += "<tr>"
                for cell in row {
                    out += "<td" + attribute("align", cell.align) + attribute("bgcolor", cell.background)
                        + attribute("colspan", cell.columnSpan.map(String.init)) + attribute("port", cell.port)
                        + attribute("width", cell.width.map(String.init)) + attribute("border", cell.border.map(String.init))
                        + attribute("balign", cell.lineAlign) + ">"
                    // An empty cell needs content to be valid in Graphviz's grammar.
                    let content = cell.parts.map(render).joined()
                    out += content.isEmpty ? " " : content
                    out += "</td>"
                }
                out += "</tr>"
            }
            return out + "</table>"
        }
    }
}
