/// RFC 4180 field quoting, shared by every CSV writer.
public enum CSVField {
    /// Quotes a field when it holds a comma, a quote, a line break or leading/trailing space.
    public static func escape(_ field: String) -> String {
        let needsQuotes = field.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || field.first == " " || field.last == " "
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
