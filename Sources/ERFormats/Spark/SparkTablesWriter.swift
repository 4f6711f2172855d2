import ERGraph
import Foundation

/// The graph as two partitioned tables for distributed engines (Apache Spark, and any engine
/// that reads CSV with a schema): `entities/part-NNNNN.csv`, `relationships/part-NNNNN.csv` and
/// `schema.json`, which holds each table's Spark schema (`StructType` JSON and a DDL string),
/// row and file counts, and the CSV read options that read the files exactly.
///
/// CSV, not Parquet: no maintained Parquet writer exists for Swift on Linux, and Spark reads CSV
/// with an explicit schema without guessing a type. The options in `schema.json` matter: RFC 4180
/// doubles a quote inside a field, and Spark's default escape is a backslash; `multiLine` reads
/// quoted line breaks; `FAILFAST` makes a damaged row an error instead of a null-filled row.
///
/// Columns: entities `index` (0…n-1, in the graph's order), `id`, `kind`, `name`, then every
/// flattened attribute (``FlatAttributes``) with its one type; relationships `index`, `id`,
/// `kind`, `src` and `dst` (the entities' `index`, so joins are on integers), `from` and `to`
/// (their ids), then theirs. A property whose name Spark would confuse with a fixed column or
/// another property (Spark compares column names ignoring case) gets a `_2`, `_3` suffix.
/// The same graph and partition size always give the same bytes.
public enum SparkTablesWriter {
    public static let name = "spark"
    public static let summary = "partitioned CSV tables with a Spark schema (folder: entities/, relationships/, schema.json), for Spark and other cluster engines"
    /// The file that marks a folder as this export's, and describes it.
    public static let schemaFile = "schema.json"
    public static let defaultPartitionRows = 1_000_000

    /// Why the tables cannot be written.
    public enum WriteError: Error, Equatable, Sendable, CustomStringConvertible {
        case partitionRows(Int)
        public var description: String {
            switch self {
            case let .partitionRows(rows): "the partition size must be at least 1 row, not \(rows)"
            }
        }
    }

    /// The files of the export, paths relative to its folder.
    public static func files(_ graph: Graph, partitionRows: Int = defaultPartitionRows) throws(WriteError) -> [ExportFile] {
        guard partitionRows >= 1 else { throw .partitionRows(partitionRows) }
        let entityRows = graph.entityIndices.map { FlatAttributes.entity(graph.entity($0)) }
        let entityColumns = columns(fixed: [("index", .long), ("id", .string), ("kind", .string), ("name", .string)],
                                    rows: entityRows, excluding: ["kind", "name"])
        let linkRows = graph.relationshipIndices.map { FlatAttributes.relationship(graph.relationship($0)) }
        let linkColumns = columns(fixed: [("index", .long), ("id", .string), ("kind", .string), ("src", .long), ("dst", .long),
                                          ("from", .string), ("to", .string)],
                                  rows: linkRows, excluding: ["kind"])
        var files: [ExportFile] = []
        let entityFiles = partitions(table: "entities", columns: entityColumns, count: graph.entityCount, size: partitionRows) { index in
            let entity = EntityIndex(index)
            return [String(index)] + [graph.id(of: entity), graph.kind(of: entity), graph.name(of: entity)].map { text(.string($0)) }
                + entityColumns.dropFirst(4).map { entityRows[index][$0.key].map(text) ?? "" }
        }
        let linkFiles = partitions(table: "relationships", columns: linkColumns, count: graph.relationshipCount, size: partitionRows) { index in
            let link = RelationshipIndex(index)
            let from = graph.from(link), to = graph.to(link)
            return [String(index), text(.string(graph.id(of: link))), text(.string(graph.kind(of: link))), String(from.int), String(to.int),
                    text(.string(graph.id(of: from))), text(.string(graph.id(of: to)))]
                + linkColumns.dropFirst(7).map { linkRows[index][$0.key].map(text) ?? "" }
        }
        files += entityFiles + linkFiles
        let schema = SchemaDocument(
            format: "ergraph-spark", version: 1, title: graph.title,
            read: .init(format: "csv", options: ["header": "true", "escape": "\"", "quote": "\"", "multiLine": "true",
                                                 "mode": "FAILFAST", "encoding": "UTF-8"]),
            tables: [
                "entities": table(path: "entities", columns: entityColumns, rows: graph.entityCount, files: entityFiles),
                "relationships": table(path: "relationships", columns: linkColumns, rows: graph.relationshipCount, files: linkFiles),
            ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // Encoding plain strings, numbers and dictionaries of them cannot fail.
        let data = (try? encoder.encode(schema)) ?? Data()
        files.append(ExportFile(part: schemaFile, data: data + Data("\n".utf8)))
        return files
    }

    /// A column's Spark type.
    enum ColumnType: String, Codable {
        case string, long, double, boolean
        var ddl: String { rawValue == "long" ? "BIGINT" : rawValue.uppercased() }
    }

    struct Column {
        var name: String
        /// The attribute it holds (nil for the fixed columns).
        var key: String
        var type: ColumnType
    }

    /// The fixed columns, then one per attribute key in sorted order, named apart from every
    /// name before it ignoring case.
    static func columns(fixed: [(String, ColumnType)], rows: [[String: FlatValue]], excluding: Set<String>) -> [Column] {
        var result = fixed.map { Column(name: $0.0, key: "", type: $0.1) }
        var taken = Set(fixed.map { $0.0.lowercased() })
        let types = FlatAttributes.columnTypes(rows)
        for key in types.keys.sorted() where !excluding.contains(key) {
            var name = key
            var suffix = 2
            while taken.contains(name.lowercased()) {
                name = "\(key)_\(suffix)"
                suffix += 1
            }
            taken.insert(name.lowercased())
            let type: ColumnType = switch types[key] {
            case .integer?: .long
            case .double?: .double
            case .boolean?: .boolean
            default: .string
            }
            result.append(Column(name: name, key: key, type: type))
        }
        return result
    }

    private static func text(_ value: FlatValue) -> String {
        // An empty text is written quoted, which Spark reads as "", apart from an absent value
        // (an empty field), which it reads as null.
        if case let .string(string) = value, string.isEmpty { return "\"\"" }
        return CSVField.escape(value.text)
    }

    private static func partitions(table: String, columns: [Column], count: Int, size: Int,
                                   row: (Int) -> [String]) -> [ExportFile] {
        // `row` gives each field written already: escaped, an empty text quoted, an absent value empty.
        let header = columns.map { CSVField.escape($0.name) }.joined(separator: ",") + "\n"
        var files: [ExportFile] = []
        // A table with no rows still gets one file, with its header, so readers find the table.
        for (number, start) in stride(from: 0, to: max(count, 1), by: size).enumerated() {
            var text = header
            for index in start..<min(start + size, count) {
                text += row(index).joined(separator: ",") + "\n"
            }
            files.append(ExportFile(part: "\(table)/part-\(String(format: "%05d", number)).csv", data: Data(text.utf8)))
        }
        return files
    }

    private static func table(path: String, columns: [Column], rows: Int, files: [ExportFile]) -> SchemaDocument.Table {
        SchemaDocument.Table(
            path: path, rows: rows, files: files.map { String($0.part.dropFirst(path.count + 1)) },
            ddl: columns.map { "`\($0.name.replacingOccurrences(of: "`", with: "``"))` \($0.type.ddl)" }.joined(separator: ", "),
            schema: .init(type: "struct", fields: columns.map { .init(name: $0.name, type: $0.type.rawValue, nullable: true, metadata: [:]) }))
    }

    /// `schema.json`.
    struct SchemaDocument: Codable {
        var format: String
        var version: Int
        var title: String?
        var read: Read
        var tables: [String: Table]

        struct Read: Codable {
            var format: String
            var options: [String: String]
        }

        struct Table: Codable {
            var path: String
            var rows: Int
            var files: [String]
            var ddl: String
            var schema: StructType
        }

        /// Spark's `StructType.json()` shape, which `StructType.fromJson` reads.
        struct StructType: Codable {
            var type: String
            var fields: [Field]
            struct Field: Codable {
                var name: String
                var type: String
                var nullable: Bool
                var metadata: [String: String]
            }
        }
    }
}
