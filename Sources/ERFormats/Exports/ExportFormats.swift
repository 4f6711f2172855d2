/// Every graph export ERFormats offers, by command-line name. A new format is one file in this
/// folder plus its line here.
public enum ExportFormats {
    public static let all: [any GraphExporter.Type] = [
        GraphMLWriter.self, GEXFWriter.self, NodeLinkJSONWriter.self, Neo4jCSVWriter.self, MermaidWriter.self, FtMWriter.self, CypherWriter.self, SQLiteWriter.self,
    ]

    public static func named(_ name: String) -> (any GraphExporter.Type)? {
        all.first { $0.name == name }
    }
}
