/// Every graph export ERFormats offers, by name. A new format is one file in its folder plus its
/// line here; ERAnswers' ``ExportRegistry`` adds the drawn formats (DOT, Mermaid).
public enum ExportFormats {
    public static let all: [any GraphExporter.Type] = [
        GraphMLWriter.self, GEXFWriter.self, NodeLinkJSONWriter.self, Neo4jCSVWriter.self, FtMWriter.self, CypherWriter.self, SQLiteWriter.self,
    ]

    public static func named(_ name: String) -> (any GraphExporter.Type)? {
        all.first { $0.name == name }
    }
}
