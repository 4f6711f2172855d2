import ERGraph
import Foundation

/// The column names of a table without a header row, from a file of their own. Two shapes are
/// recognised: a header row (one record naming every column), or a `position,name` dictionary
/// (one record per column, its position first, with or without a header record of its own), as
/// bulk downloads ship beside their headerless yearly files. Positions may start at 0 or 1 and
/// come in any order; a gap or a repeated position is an error with its line.
public enum CSVHeaderFile {
    public static func columns(_ data: Data, name: String, delimiter: Character = ",") throws(ImportError) -> [String] {
        let records: [CSVRecord]
        do {
            records = try CSVReader(delimiter: delimiter).records(data)
        } catch {
            throw ImportError("\(name):\(error.line):\(error.column): \(error.message)")
        }
        guard let first = records.first else { throw ImportError("\(name): the header file is empty") }
        guard records.count > 1 else { return first.fields }
        // A dictionary: every record two fields, the first a position (after an optional
        // record naming the dictionary's own columns).
        let body = Int(first.fields.first?.trimmingCharacters(in: .whitespaces) ?? "") == nil ? Array(records.dropFirst()) : records
        guard !body.isEmpty, body.allSatisfy({ $0.fields.count == 2 }) else {
            throw ImportError("\(name): a header file is one header row or a position,name dictionary; this one has "
                              + "\(records.count) records of \(Set(records.map(\.fields.count)).sorted().map(String.init).joined(separator: " or ")) fields")
        }
        var byPosition: [Int: (name: String, line: Int)] = [:]
        for record in body {
            let positionText = record.fields[0].trimmingCharacters(in: .whitespaces)
            guard let position = Int(positionText) else {
                throw ImportError("\(name):\(record.line):1: expected a column position (a whole number), found '\(positionText)'")
            }
            if let earlier = byPosition[position] {
                throw ImportError("\(name):\(record.line):1: position \(position) is given twice (also at line \(earlier.line))")
            }
            byPosition[position] = (record.fields[1], record.line)
        }
        let positions = byPosition.keys.sorted()
        guard let lowest = positions.first, lowest == 0 || lowest == 1 else {
            throw ImportError("\(name): positions start at \(positions.first ?? 0); expected 0 or 1")
        }
        for (offset, position) in positions.enumerated() where position != lowest + offset {
            throw ImportError("\(name): no column at position \(lowest + offset) (positions must run without gaps)")
        }
        return positions.compactMap { byPosition[$0]?.name }
    }
}
