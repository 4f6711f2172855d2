import ERGraph
import Foundation

/// A row the importer could not use, and why. Never dropped silently: every one is reported.
public struct RowProblem: Sendable, Equatable, CustomStringConvertible {
    /// The table's name as the import names it.
    public var table: String = ""
    public var line: Int
    public var message: String
    /// True when the row was still used (a repeated key whose value differs: the first value
    /// kept, the row's links made); false when it was left out.
    public var rowUsed: Bool = false
    public var description: String { "\(table.isEmpty ? "" : table + ":")line \(line): \(message)" }
}

/// One table to import: its bytes and how to read them.
public struct CSVTable: Sendable {
    /// How messages name it (its path).
    public var name: String
    public var data: Data
    /// The column names, for a table without a header row; nil: its first record names them.
    public var columns: [String]?
    public var delimiter: Character

    public init(name: String, data: Data, columns: [String]? = nil, delimiter: Character = ",") {
        self.name = name
        self.data = data
        self.columns = columns
        self.delimiter = delimiter
    }
}

/// How far an import has come, for a progress line.
public struct ImportProgress: Sendable {
    public var rows: Int
    public var bytesRead: Int
    public var bytesTotal: Int

    public init(rows: Int, bytesRead: Int, bytesTotal: Int) {
        self.rows = rows
        self.bytesRead = bytesRead
        self.bytesTotal = bytesTotal
    }
}

/// What importing one or more tables produced.
public struct CSVImportResult: Sendable {
    /// What one table gave.
    public struct TableCount: Sendable, Equatable {
        public var name: String
        public var rowsRead: Int
        public var rowsUsed: Int
        public var problems: Int
    }

    public var graph: Graph
    /// Ids the mapping declares to be one entity with ids of other datasets.
    public var sameAs: [[String]]
    public var problems: [RowProblem]
    public var tables: [TableCount]
    public var rowsRead: Int { tables.map(\.rowsRead).reduce(0, +) }
    public var rowsUsed: Int { tables.map(\.rowsUsed).reduce(0, +) }
}

/// Applies a ``CSVMapping`` to tables, one row at a time in a single streaming pass.
///
/// For each row, every entity template whose id columns are filled makes (or meets again) an
/// entity (one per value of an `each` column); ids are built from values normalised for
/// matching (trimmed, spaces collapsed, case folded, accents dropped), names keep the first
/// spelling seen and later variants become aliases; a property that differs from row to row
/// keeps every value. Then every relationship template whose ends exist makes a link, with its
/// own dates, amounts and properties from the row. Everything cites the row's own sources (when
/// the mapping names `row_sources`) and the mapping's source, quoting the row as written. A row
/// with an unparseable amount or date, a kind its lookup lacks, or the wrong number of fields is
/// reported with its line and left out whole. A row that repeats a key combines its amounts and
/// dates by the rules the mapping declares (`combine: sum`, `first`, `latest`, `earliest`, `max`,
/// `distinct`); where no rule is declared and a value differs, the first value is kept and the
/// difference reported, but the row is used: its other entities and its links are never lost
/// because one of its entities repeats.
public enum CSVMappingImporter {
    /// One table, with an optional header file (a header row or a position,name dictionary).
    public static func run(mapping: CSVMapping, table: Data, tableName: String,
                           header: Data? = nil) throws(ImportError) -> CSVImportResult {
        let columns = try header.map { data throws(ImportError) in
            try CSVHeaderFile.columns(data, name: "the header file", delimiter: mapping.table.delimiter)
        }
        return try run(mapping: mapping, tables: [CSVTable(name: tableName, data: table, columns: columns,
                                                           delimiter: mapping.table.delimiter)])
    }

    /// Every table in order, into one graph; `progress` is called every few thousand rows.
    public static func run(mapping: CSVMapping, tables: [CSVTable],
                           progress: (@Sendable (ImportProgress) -> Void)? = nil) throws(ImportError) -> CSVImportResult {
        guard !tables.isEmpty else {
            throw ImportError("no table to import: name one after the mapping, or list them under 'tables:' in the mapping")
        }
        var rows = MappedRows(mapping: mapping)
        let total = tables.map(\.data.count).reduce(0, +)
        var done = 0
        for table in tables {
            try rows.read(table) { rowsSoFar, bytes in
                progress?(ImportProgress(rows: rowsSoFar, bytesRead: done + bytes, bytesTotal: total))
            }
            done += table.data.count
        }
        return try rows.result()
    }
}
