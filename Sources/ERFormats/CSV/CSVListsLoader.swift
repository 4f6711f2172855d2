import ERGraph
import Foundation

/// Loads plain node and relationship lists (two CSV files) straight into the compact store.
///
/// Headers may be simple (`id,type,name,…` and `source,target,type,…`) or Neo4j admin-import
/// ones (`id:ID`, `:LABEL`, `name:string`, `:START_ID`, `:END_ID`, `:TYPE`, `amount:float`, …).
/// Extra columns become properties, stored as columns: numeric when the header says so
/// (`:int`, `:long`, `:float`, `:double`) or when the first value is a number, else text.
///
/// The parser works on the bytes (RFC 4180 quoting included) and makes strings only for ids,
/// which the lookup needs; names and text go into the store's tables as bytes. Any bad row
/// stops the load with its file, line and column.
public enum CSVListsLoader {
    public static func load(nodes nodesPath: String, edges edgesPath: String) throws(ImportError) -> Graph {
        let nodes: Data, edges: Data
        do {
            nodes = try Data(contentsOf: URL(fileURLWithPath: nodesPath), options: .alwaysMapped)
            edges = try Data(contentsOf: URL(fileURLWithPath: edgesPath), options: .alwaysMapped)
        } catch {
            throw ImportError("cannot read the lists: \(FileErrors.reason(error, path: nodesPath))")
        }
        return try load(nodes: nodes, nodesName: nodesPath, edges: edges, edgesName: edgesPath)
    }

    /// How the relationship list is read: in parallel chunks where the file allows it (the
    /// default), or one record at a time (what the chunks must equal; for tests).
    public enum Reading: Sendable, Equatable {
        /// Chunks of at least `chunkBytes` (a megabyte by default), one per core at most.
        case chunks(minimumBytes: Int = 1 << 20, threads: Int = ProcessInfo.processInfo.activeProcessorCount)
        case oneRecordAtATime
    }

    public static func load(nodes: Data, nodesName: String, edges: Data, edgesName: String,
                            reading: Reading = .chunks()) throws(ImportError) -> Graph {
        var builder = GraphBuilder()
        builder.title = "\(URL(fileURLWithPath: nodesName).lastPathComponent) + \(URL(fileURLWithPath: edgesName).lastPathComponent)"
        let result: Result<Void, ImportError> = nodes.withUnsafeBytes { nodeBytes in
            edges.withUnsafeBytes { edgeBytes in
                do {
                    let lookup = try readNodes(nodeBytes.bindMemory(to: UInt8.self), name: nodesName, into: &builder)
                    try readEdges(edgeBytes.bindMemory(to: UInt8.self), name: edgesName, lookup: lookup, reading: reading, into: &builder)
                    return .success(())
                } catch let error as ImportError {
                    return .failure(error)
                } catch {
                    return .failure(ImportError("\(error)"))
                }
            }
        }
        try result.get()
        return builder.build()
    }

    /// The next record; a malformed one stops the load with its file, line and column.
    private static func nextRecord(_ reader: inout CSVTokenizer) throws(ImportError) -> CSVTokenizer.Record? {
        do {
            return try reader.next()
        } catch {
            throw ImportError("\(reader.name):\(error.line):\(error.column): \(error.message)")
        }
    }

    // MARK: Headers

    struct Header {
        var names: [String]
        var types: [String?]

        init(_ fields: [String]) {
            names = []
            types = []
            for field in fields {
                let trimmed = field.trimmingCharacters(in: .whitespaces)
                if let colon = trimmed.lastIndex(of: ":") {
                    names.append(String(trimmed[..<colon]))
                    types.append(String(trimmed[trimmed.index(after: colon)...]).lowercased())
                } else {
                    names.append(trimmed)
                    types.append(nil)
                }
            }
        }
    }

    static let numericTypes: Set<String> = ["int", "long", "float", "double", "short", "byte"]

    /// Builds the property columns for the extra columns of a file.
    struct Extras {
        var positions: [Int]
        var names: [String]
        var numeric: [Bool?]  // nil: decided by the first value
        /// Columns whose header gives no type: numeric only while every value is a number.
        var guessed: [Bool]
        var numbers: [[Double]]
        var texts: [StringTable]
        /// For guessed numeric columns, each value as written, so a later value that is not a
        /// number turns the column to text without losing what the numbers were.
        var written: [StringTable]

        init(header: Header, used: Set<Int>) {
            positions = header.names.indices.filter { !used.contains($0) && !header.names[$0].isEmpty }
            names = positions.map { header.names[$0] }
            numeric = positions.map { position in header.types[position].map { numericTypes.contains($0) } }
            guessed = numeric.map { $0 == nil }
            numbers = positions.map { _ in [] }
            texts = positions.map { _ in StringTable() }
            written = positions.map { _ in StringTable() }
        }

        mutating func add(_ record: CSVTokenizer.Record, reader: CSVTokenizer, name: String) throws(ImportError) {
            for (column, position) in positions.enumerated() {
                let field = record.fields[position]
                if numeric[column] == nil, field.count > 0 {
                    let isNumber = reader.double(field) != nil
                    numeric[column] = isNumber
                    if isNumber {
                        // The rows before the first value were empty: missing numbers, in place.
                        numbers[column] = [Double](repeating: .nan, count: texts[column].count)
                        written[column] = texts[column]
                        texts[column] = StringTable()
                    }
                }
                if numeric[column] == true, guessed[column], field.count > 0, reader.double(field) == nil {
                    // Not a number after all: the column is text, its numbers as they were written.
                    numeric[column] = false
                    for row in 0..<written[column].count { texts[column].append(written[column][row]) }
                    written[column] = StringTable()
                    numbers[column] = []
                }
                if numeric[column] == true {
                    if guessed[column] { reader.withBytes(field) { written[column].append(bytes: $0) } }
                    if field.count == 0 {
                        numbers[column].append(.nan)
                    } else if let value = reader.double(field) {
                        numbers[column].append(value)
                    } else {
                        throw ImportError("\(name):\(record.line):\(reader.column(of: field)): '\(reader.string(field))' is not a number "
                                          + "(column \(names[column]) is numeric)")
                    }
                } else {
                    reader.withBytes(field) { texts[column].append(bytes: $0) }
                }
            }
        }

        /// One column per extra field, one value per row in row order.
        func store() -> ColumnStore {
            var store = ColumnStore()
            for (column, name) in names.enumerated() {
                if numeric[column] == true {
                    store.add(name, .numbers(numbers[column]))
                } else {
                    store.add(name, .texts(texts[column]))
                }
            }
            return store
        }
    }

    // MARK: Files

    /// Adds the entities and returns their ids' lookup for the relationship list.
    private static func readNodes(_ bytes: UnsafeBufferPointer<UInt8>, name: String,
                                  into builder: inout GraphBuilder) throws(ImportError) -> EntityIDLookup {
        var idBytes: [UInt8] = []
        var idEnds: [Int] = []
        idBytes.reserveCapacity(bytes.count / 3)
        idEnds.reserveCapacity(bytes.count / 24)
        var reader = CSVTokenizer(bytes: bytes, name: name)
        guard let headerRecord = try nextRecord(&reader) else { throw ImportError("\(name): the node list is empty") }
        let header = Header(headerRecord.fields.map { reader.string($0) })
        guard let idColumn = header.types.firstIndex(of: "id") ?? header.names.firstIndex(where: { $0.lowercased() == "id" }) else {
            throw ImportError("\(name):1: no id column: name one 'id' (or 'id:ID' in Neo4j headers); found \(header.names.joined(separator: ", "))")
        }
        let kindColumn = header.types.firstIndex(of: "label") ?? header.names.firstIndex { ["type", "kind", "label"].contains($0.lowercased()) }
        let nameColumn = header.names.firstIndex { $0.lowercased() == "name" }
        var extras = Extras(header: header, used: Set([idColumn, kindColumn, nameColumn].compactMap { $0 }))
        var kindCodes: [String: UInt16] = [:]
        let defaultKind = builder.entityKindCode(declaring: "node", meaning: "an entity from a node list without a kind")
        while let record = try nextRecord(&reader) {
            guard record.fields.count == header.names.count else {
                throw ImportError("\(name):\(record.line):1: expected \(header.names.count) fields, found \(record.fields.count)")
            }
            let id = reader.string(record.fields[idColumn])
            guard !id.isEmpty else { throw ImportError("\(name):\(record.line):\(reader.column(of: record.fields[idColumn])): empty id") }
            var code = defaultKind
            if let kindColumn {
                let raw = reader.string(record.fields[kindColumn])
                if !raw.isEmpty {
                    if let known = kindCodes[raw] { code = known } else {
                        let kind = FlatGraphBuilder.kind(raw.split(separator: ";").first.map(String.init), fallback: "node")
                        code = builder.entityKindCode(declaring: kind, meaning: "read from a node list")
                        kindCodes[raw] = code
                    }
                }
            }
            let display = nameColumn.map { reader.string(record.fields[$0]) } ?? id
            do {
                try builder.addEntity(id: id, kindCode: code, name: display.isEmpty ? id : display)
            } catch {
                throw ImportError("\(name):\(record.line):\(reader.column(of: record.fields[idColumn])): \(error)")
            }
            reader.withBytes(record.fields[idColumn]) { idBytes.append(contentsOf: $0) }
            idEnds.append(idBytes.count)
            try extras.add(record, reader: reader, name: name)
        }
        builder.entityColumns = extras.store()
        return EntityIDLookup(arena: idBytes, ends: idEnds)
    }

    private static func readEdges(_ bytes: UnsafeBufferPointer<UInt8>, name: String, lookup: EntityIDLookup,
                                  reading: Reading, into builder: inout GraphBuilder) throws(ImportError) {
        var reader = CSVTokenizer(bytes: bytes, name: name)
        guard let headerRecord = try nextRecord(&reader) else { throw ImportError("\(name): the relationship list is empty") }
        let header = Header(headerRecord.fields.map { reader.string($0) })
        let sourceColumn = header.types.firstIndex(of: "start_id") ?? header.names.firstIndex { ["source", "from"].contains($0.lowercased()) }
        let targetColumn = header.types.firstIndex(of: "end_id") ?? header.names.firstIndex { ["target", "to"].contains($0.lowercased()) }
        guard let sourceColumn, let targetColumn else {
            throw ImportError("\(name):1: need source and target columns ('source,target' or ':START_ID,:END_ID'); found \(header.names.joined(separator: ", "))")
        }
        let kindColumn = header.types.firstIndex(of: "type") ?? header.names.firstIndex { ["type", "kind"].contains($0.lowercased()) }
        let idColumn = header.names.firstIndex { $0.lowercased() == "id" && $0 != "" }
        var extras = Extras(header: header, used: Set([sourceColumn, targetColumn, kindColumn, idColumn].compactMap { $0 }))
        var kindCodes: [String: UInt16] = [:]
        let defaultKind = builder.relationshipKindCode(declaring: RelationshipKinds.unspecified, meaning: "a link from a relationship list without a kind")
        func kindCode(_ raw: String) -> UInt16 {
            if let known = kindCodes[raw] { return known }
            let code = builder.relationshipKindCode(declaring: FlatGraphBuilder.kind(raw, fallback: RelationshipKinds.unspecified), meaning: "read from a relationship list")
            kindCodes[raw] = code
            return code
        }
        if case let .chunks(minimumBytes, threads) = reading, idColumn == nil,
           let layout = chunkLayout(header, extras: extras, source: sourceColumn, target: targetColumn, kind: kindColumn, delimiter: reader.delimiter),
           let chunks = CSVEdgeChunks.read(body: UnsafeBufferPointer(rebasing: bytes[reader.offset...]), layout: layout, lookup: lookup,
                                           minimumBytes: minimumBytes, threads: threads) {
            do throws(GraphBuildError) {
                var numbers = layout.numeric.map { _ in [Double]() }
                var valued = layout.numeric.map(\.declared)
                for chunk in chunks {
                    let codes = [defaultKind] + chunk.kindNames.map { kindCode(String(decoding: $0, as: UTF8.self)) }
                    try builder.appendRelationships(kindCodes: chunk.kinds.map { codes[Int($0)] }, from: chunk.from, to: chunk.to)
                    for column in numbers.indices {
                        numbers[column] += chunk.numbers[column]
                        valued[column] = valued[column] || chunk.valued[column]
                    }
                }
                var store = ColumnStore()
                for (column, extra) in layout.numeric.enumerated() {
                    // A guessed column that held no value at all is text (empty strings), as the
                    // one-record reader makes it.
                    if valued[column] {
                        store.add(extra.name, .numbers(numbers[column]))
                    } else {
                        var texts = StringTable()
                        texts.appendEmpty(count: numbers[column].count)
                        store.add(extra.name, .texts(texts))
                    }
                }
                builder.relationshipColumns = store
                return
            } catch {
                throw ImportError("\(name): \(error)")
            }
        }
        while let record = try nextRecord(&reader) {
            guard record.fields.count == header.names.count else {
                throw ImportError("\(name):\(record.line):1: expected \(header.names.count) fields, found \(record.fields.count)")
            }
            func entity(_ column: Int) throws(ImportError) -> EntityIndex {
                guard let row = reader.withBytes(record.fields[column], { lookup.row(of: $0) }) else {
                    throw ImportError("\(name):\(record.line):\(reader.column(of: record.fields[column])): unknown entity '\(reader.string(record.fields[column]))' (not in the node list)")
                }
                return EntityIndex(row)
            }
            let from = try entity(sourceColumn)
            let to = try entity(targetColumn)
            var code = defaultKind
            if let kindColumn {
                let raw = reader.string(record.fields[kindColumn])
                if !raw.isEmpty { code = kindCode(raw) }
            }
            let id = idColumn.map { reader.string(record.fields[$0]) }.flatMap { $0.isEmpty ? nil : $0 }
            do {
                try builder.addRelationship(id: id, kindCode: code, from: from, to: to)
            } catch {
                throw ImportError("\(name):\(record.line):1: \(error)")
            }
            try extras.add(record, reader: reader, name: name)
        }
        builder.relationshipColumns = extras.store()
    }

    /// The layout the parallel reader needs, when every extra column is numeric or may be.
    private static func chunkLayout(_ header: Header, extras: Extras, source: Int, target: Int, kind: Int?,
                                    delimiter: UInt8) -> CSVEdgeChunks.Layout? {
        guard extras.numeric.allSatisfy({ $0 != false }) else { return nil }
        let numeric = extras.positions.indices.map { (position: extras.positions[$0], name: extras.names[$0], declared: extras.numeric[$0] == true) }
        return CSVEdgeChunks.Layout(fieldCount: header.names.count, source: source, target: target, kind: kind,
                                    numeric: numeric, delimiter: delimiter)
    }
}
