import ERFormats
import ERGraph
import Foundation

/// Tables imported through a mapping; every unusable row is reported with its table and line.
///
/// The tables are the files named on the command line (read with the mapping's `table:`
/// settings) followed by those the mapping lists under `tables:`. Paths in the mapping are
/// relative to the mapping file, as its author sees them; absolute paths are left alone.
enum TableImport {
    @Sendable static func read(_ request: ImportRequest) throws(AnswerError) -> Imported {
        guard let mapping = request.mapping, let mappingData = FileManager.default.contents(atPath: mapping) else {
            throw .unreadable(path: request.mapping ?? "the mapping", reason: "no such file or not readable")
        }
        let read = CSVMappingReader.read(mappingData, file: mapping)
        guard let parsed = read.mapping else {
            throw .invalidData("\(mapping) has \(Wording.count(read.diagnostics.errors.count, "error")); nothing was imported")
        }
        let folder = URL(fileURLWithPath: mapping).deletingLastPathComponent()
        func resolved(_ path: String) -> String {
            path.hasPrefix("/") ? path : folder.appendingPathComponent(path).path
        }
        let named = request.files.map { CSVMapping.Table(file: $0, delimiter: parsed.table.delimiter, headerFile: parsed.table.headerFile) }
        let listed = parsed.tables.map { table in
            var table = table
            table.file = table.file.map(resolved)
            return table
        }
        var tables: [CSVTable] = []
        for table in named + listed {
            guard let file = table.file else { continue }
            // Mapped, not copied: a large table costs address space, not memory it must keep.
            guard let data = try? Data(contentsOf: URL(fileURLWithPath: file), options: .alwaysMapped) else {
                throw .unreadable(path: file, reason: listed.contains { $0.file == file }
                                  ? "the table that \(mapping) lists is missing or not readable" : "no such file or not readable")
            }
            var columns: [String]?
            if let headerFile = table.headerFile {
                let path = resolved(headerFile)
                guard let header = FileManager.default.contents(atPath: path) else {
                    throw .unreadable(path: path, reason: "the header file that \(mapping) names is missing or not readable")
                }
                do {
                    columns = try CSVHeaderFile.columns(header, name: path, delimiter: table.delimiter)
                } catch {
                    throw .invalidData("\(error)")
                }
            }
            tables.append(CSVTable(name: file, data: data, columns: columns, delimiter: table.delimiter))
        }
        let result: CSVImportResult
        do {
            result = try CSVMappingImporter.run(mapping: parsed, tables: tables, progress: request.progress)
        } catch {
            throw .invalidData("\(error)")
        }
        let severity = request.strict ? "error" : "warning"
        let rowWarnings = result.problems.map { problem in
            "\(problem.table):\(problem.line): \(severity): " + (problem.rowUsed ? "" : "row not used: ") + problem.message
        }
        if request.strict && !result.problems.isEmpty { throw .rowsRejected(rowWarnings) }
        var lines = result.tables.map { "\($0.name): \($0.rowsRead) rows read, \($0.rowsUsed) used, \($0.problems) reported" }
        let made = "\(Wording.count(result.graph.entityCount, "entity", "entities")), " + Wording.count(result.graph.relationshipCount, "relationship")
        if lines.count == 1 { lines[0] += "; " + made } else {
            lines.append("\(Wording.count(lines.count, "table")): \(result.rowsRead) rows read, \(result.rowsUsed) used, "
                         + "\(result.problems.count) reported; " + made)
        }
        let origin = tables.count == 1 ? tables[0].name : "\(Wording.count(tables.count, "table")) (\(tables.map(\.name).joined(separator: ", ")))"
        return Imported(graph: result.graph, sameAs: result.sameAs, warnings: rowWarnings, diagnostics: read.diagnostics,
                        summary: lines.joined(separator: "\n"), origin: "\(origin) through the mapping \(mapping)")
    }
}
