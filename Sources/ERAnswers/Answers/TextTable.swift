import ERFormats

/// Plain tables for text and CSV answers.
public enum TextTable {
    /// Columns padded to their widest cell, two spaces apart, indented by two; the last column
    /// is not padded. Columns listed in `rightAligned` (numbers) are padded on the left.
    public static func text(_ rows: [[String]], header: [String]? = nil, rightAligned: Set<Int> = []) -> String {
        let all = (header.map { [$0] } ?? []) + rows
        guard let columns = all.map(\.count).max() else { return "" }
        var widths = [Int](repeating: 0, count: columns)
        for row in all { for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.count) } }
        return all.enumerated().map { number, row in
            let isHeader = header != nil && number == 0
            return "  " + row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                if rightAligned.contains(column) && !isHeader { return padding + cell }
                return column == row.count - 1 ? cell : cell + padding
            }.joined(separator: "  ")
        }.map { line in
            var trimmed = line
            while trimmed.last == " " { trimmed.removeLast() }
            return trimmed
        }.joined(separator: "\n")
    }

    /// RFC 4180 rows with a header, each line ended.
    public static func csv(_ header: [String], _ rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(CSVField.escape).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }
}
