import Foundation

/// Why a snapshot could not be read.
public enum SnapshotError: Error, Equatable, Sendable, CustomStringConvertible {
    case notASnapshot
    case newerVersion(Int)
    case truncated
    case corrupted(String)

    public var description: String {
        switch self {
        case .notASnapshot: "not an ergraph snapshot (the file does not start with ERGS)"
        case let .newerVersion(version):
            "the snapshot was written by a newer ergraph (format \(version); this one reads up to \(GraphSnapshot.version)); rebuild it from the dataset"
        case .truncated: "the snapshot is truncated: it ends before its last section"
        case let .corrupted(what): "the snapshot is corrupted (\(what)); rebuild it from the dataset"
        }
    }
}

/// The built store as one binary file, so a large graph loads without parsing or rebuilding.
///
/// Layout (little-endian): `ERGS`, format version (UInt32), section count (UInt32); then each
/// section as a four-letter tag, a byte length (UInt64) and its bytes; then a 64-bit checksum
/// of everything before it. Arrays are stored raw; records with rich details in ``SnapshotDetails``' binary form
/// (JSON in format 1, which is still read); the small metadata as JSON. Loading
/// checks the checksum, then every index against the sizes it must stay below, so a damaged or
/// hand-made file gives an error, never a crash or a wrong answer.
public enum GraphSnapshot {
    /// 2: rich records in ``SnapshotDetails``' binary form (1: JSON, still read).
    public static let version = 2
    static let magic: [UInt8] = Array("ERGS".utf8)

    /// The `META` section: what is small and structured, as JSON.
    private struct Meta: Codable {
        var title: String?
        var summaryText: String?
        /// Absent in snapshots written before datasets had properties.
        var properties: [String: PropertyValue]?
        /// Absent in snapshots written before datasets had stories, and when there are none.
        var stories: [Story]?
        var entityKinds: [KindDefinition]
        var relationshipKinds: [KindDefinition]
        var entityKindIDs: [String]
        var relationshipKindIDs: [String]
        var sources: [Source]
        var entityCount: Int
        var relationshipCount: Int
    }

    // MARK: Writing

    public static func data(of graph: Graph) throws -> Data {
        var sections: [(String, Data)] = []
        let meta = Meta(title: graph.title, summaryText: graph.summaryText, properties: graph.properties.isEmpty ? nil : graph.properties,
                        stories: graph.stories.isEmpty ? nil : graph.stories, entityKinds: graph.vocabulary.entityKinds,
                        relationshipKinds: graph.vocabulary.relationshipKinds, entityKindIDs: graph.columns.entityKindIDs,
                        relationshipKindIDs: graph.columns.relationshipKindIDs, sources: graph.sources,
                        entityCount: graph.entityCount, relationshipCount: graph.relationshipCount)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        sections.append(("META", try encoder.encode(meta)))
        sections.append(("EIDB", raw(graph.columns.entityIDs.bytes)))
        sections.append(("EIDE", raw(graph.columns.entityIDs.ends.map(Int64.init))))
        sections.append(("ENMB", raw(graph.columns.entityNames.bytes)))
        sections.append(("ENME", raw(graph.columns.entityNames.ends.map(Int64.init))))
        sections.append(("EKND", raw(graph.columns.entityKindCodes)))
        sections.append(("EDSL", raw(graph.columns.entityDetailSlots)))
        let details = SnapshotDetails.encode(entities: graph.columns.entityDetails, relationships: graph.columns.relationshipDetails)
        sections.append(("STRS", details.strings))
        sections.append(("EDET", details.entities))
        sections.append(("RIDB", raw(graph.columns.relationshipIDs.bytes)))
        sections.append(("RIDE", raw(graph.columns.relationshipIDs.ends.map(Int64.init))))
        sections.append(("RKND", raw(graph.columns.relationshipKindCodes)))
        sections.append(("RFRM", raw(graph.columns.relationshipFrom)))
        sections.append(("RTO_", raw(graph.columns.relationshipTo)))
        sections.append(("RDSL", raw(graph.columns.relationshipDetailSlots)))
        sections.append(("RDET", details.relationships))
        // The undirected view too (optional sections; readers before it rebuild the view and
        // ignore them): rebuilding it was the largest part of reading a snapshot.
        for (prefix, adjacency) in [("O", graph.outgoing), ("I", graph.incoming), ("U", graph.undirected)] {
            sections.append(("\(prefix)OFF", raw(adjacency.offsets)))
            sections.append(("\(prefix)NBR", raw(adjacency.neighbors)))
            sections.append(("\(prefix)REL", raw(adjacency.relationships)))
        }
        guard graph.entityColumns.names.count < 1_000, graph.relationshipColumns.names.count < 1_000 else {
            throw SnapshotError.corrupted("more than 999 property columns")
        }
        var columnSections: [(String, Data)] = []
        sections.append(("ECOL", try columns(graph.entityColumns, valueTag: "E", endTag: "F", into: &columnSections)))
        sections.append(("RCOL", try columns(graph.relationshipColumns, valueTag: "R", endTag: "S", into: &columnSections)))
        sections += columnSections

        var out = Data(magic)
        append(UInt32(version), to: &out)
        append(UInt32(sections.count), to: &out)
        for (tag, payload) in sections {
            out.append(contentsOf: Array(tag.utf8))
            append(UInt64(payload.count), to: &out)
            out.append(payload)
        }
        append(checksum(out), to: &out)
        return out
    }

    private static func raw<T: FixedWidthInteger>(_ values: [T]) -> Data {
        values.withUnsafeBytes { Data($0) }
    }

    private static func append<T: FixedWidthInteger>(_ value: T, to data: inout Data) {
        withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }

    /// Which columns there are: their values travel in raw sections of their own.
    private struct ColumnRecord: Codable {
        var name: String
        var numeric: Bool
    }

    /// The column list (JSON) and, per column, raw sections: numbers as bit patterns (so NaN
    /// survives) under `<valueTag><index>`, text as bytes and ends under `<valueTag>`/`<endTag>`.
    private static func columns(_ store: ColumnStore, valueTag: Character, endTag: Character,
                                into sections: inout [(String, Data)]) throws -> Data {
        var records: [ColumnRecord] = []
        for (index, name) in store.names.enumerated() {
            let suffix = String(format: "%03d", index)
            switch store.column(name) {
            case let .numbers(values)?:
                records.append(ColumnRecord(name: name, numeric: true))
                sections.append(("\(valueTag)\(suffix)", raw(values.map(\.bitPattern))))
            case let .texts(table)?:
                records.append(ColumnRecord(name: name, numeric: false))
                sections.append(("\(valueTag)\(suffix)", raw(table.bytes)))
                sections.append(("\(endTag)\(suffix)", raw(table.ends.map(Int64.init))))
            case nil:
                continue
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(records)
    }

    /// FNV-1a over 64-bit words, then the tail bytes: fast, and any damage shows.
    static func checksum(_ data: Data) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        data.withUnsafeBytes { buffer in
            let words = buffer.count / 8
            for index in 0..<words {
                hash = (hash ^ buffer.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)) &* 0x0000_0100_0000_01B3
            }
            for index in (words * 8)..<buffer.count {
                hash = (hash ^ UInt64(buffer[index])) &* 0x0000_0100_0000_01B3
            }
        }
        return hash
    }

    // MARK: Reading

    public static func graph(from data: Data) throws(SnapshotError) -> Graph {
        guard data.count >= 4, Array(data.prefix(4)) == magic else { throw .notASnapshot }
        guard data.count >= 12 else { throw .truncated }
        let version = Int(read(UInt32.self, data, at: 4))
        guard version <= Self.version else { throw .newerVersion(version) }
        guard version >= 1 else { throw .corrupted("format version 0") }
        guard data.count >= 20 else { throw .truncated }
        let body = data.prefix(data.count - 8)
        let stored = read(UInt64.self, data, at: data.count - 8)
        let count = Int(read(UInt32.self, data, at: 8))
        var sections: [String: Data] = [:]
        var position = 12
        for _ in 0..<count {
            guard position + 12 <= body.count else { throw .truncated }
            let tag = String(decoding: data[data.startIndex + position..<data.startIndex + position + 4], as: UTF8.self)
            let length = read(UInt64.self, data, at: position + 4)
            position += 12
            guard length <= UInt64(body.count - position) else { throw .truncated }
            sections[tag] = data[data.startIndex + position..<data.startIndex + position + Int(length)]
            position += Int(length)
        }
        guard checksum(body) == stored else { throw .corrupted("checksum mismatch") }

        func section(_ tag: String) throws(SnapshotError) -> Data {
            guard let value = sections[tag] else { throw .corrupted("section \(tag) missing") }
            return value
        }
        func array<T: FixedWidthInteger>(_ tag: String, _ type: T.Type) throws(SnapshotError) -> [T] {
            let bytes = try section(tag)
            guard bytes.count % MemoryLayout<T>.size == 0 else { throw .corrupted("section \(tag) has a partial value") }
            var values = [T](repeating: 0, count: bytes.count / MemoryLayout<T>.size)
            _ = values.withUnsafeMutableBytes { target in bytes.copyBytes(to: target.bindMemory(to: UInt8.self)) }
            #if _endian(little)
            return values
            #else
            return values.map(T.init(littleEndian:))
            #endif
        }
        let decoder = JSONDecoder()
        let meta: Meta, entityDetails: [EntityDetails], relationshipDetails: [RelationshipDetails]
        do {
            meta = try decoder.decode(Meta.self, from: try section("META"))
            if version >= 2 {
                let strings = try SnapshotDetails.strings(try section("STRS"))
                entityDetails = try SnapshotDetails.entities(try section("EDET"), strings: strings)
                relationshipDetails = try SnapshotDetails.relationships(try section("RDET"), strings: strings)
            } else {
                entityDetails = try decoder.decode([EntityDetails].self, from: try section("EDET"))
                relationshipDetails = try decoder.decode([RelationshipDetails].self, from: try section("RDET"))
            }
        } catch let error as SnapshotError {
            throw error
        } catch {
            throw .corrupted("unreadable records")
        }
        let entities = meta.entityCount, relationships = meta.relationshipCount
        guard entities >= 0, relationships >= 0 else { throw .corrupted("negative sizes") }
        func table(_ bytesTag: String, _ endsTag: String, rows: Int) throws(SnapshotError) -> StringTable {
            let ends = try array(endsTag, Int64.self).map { Int($0) }
            guard ends.count == rows, let table = StringTable(bytes: try array(bytesTag, UInt8.self), ends: ends) else {
                throw .corrupted("string table \(bytesTag)")
            }
            return table
        }
        let entityIDs = try table("EIDB", "EIDE", rows: entities)
        let entityNames = try table("ENMB", "ENME", rows: entities)
        let relationshipIDs = try table("RIDB", "RIDE", rows: relationships)
        let entityKinds = try array("EKND", UInt16.self)
        let relationshipKinds = try array("RKND", UInt16.self)
        let from = try array("RFRM", Int32.self), to = try array("RTO_", Int32.self)
        let entitySlots = try array("EDSL", Int32.self), relationshipSlots = try array("RDSL", Int32.self)
        guard entityKinds.count == entities, entitySlots.count == entities,
              relationshipKinds.count == relationships, from.count == relationships, to.count == relationships,
              relationshipSlots.count == relationships else { throw .corrupted("column lengths disagree") }
        guard entityKinds.allSatisfy({ Int($0) < meta.entityKindIDs.count }),
              relationshipKinds.allSatisfy({ Int($0) < meta.relationshipKindIDs.count }),
              from.allSatisfy({ $0 >= 0 && Int($0) < entities }), to.allSatisfy({ $0 >= 0 && Int($0) < entities }),
              entitySlots.allSatisfy({ $0 >= -1 && Int($0) < entityDetails.count }),
              relationshipSlots.allSatisfy({ $0 >= -1 && Int($0) < relationshipDetails.count }) else {
            throw .corrupted("an index out of range")
        }
        guard let outgoing = Adjacency(offsets: try array("OOFF", Int32.self), neighbors: try array("ONBR", Int32.self),
                                       relationships: try array("OREL", Int32.self), entityCount: entities, relationshipCount: relationships),
              let incoming = Adjacency(offsets: try array("IOFF", Int32.self), neighbors: try array("INBR", Int32.self),
                                       relationships: try array("IREL", Int32.self), entityCount: entities, relationshipCount: relationships) else {
            throw .corrupted("adjacency arrays")
        }
        var undirected: Adjacency?
        if sections["UOFF"] != nil {
            guard let view = Adjacency(offsets: try array("UOFF", Int32.self), neighbors: try array("UNBR", Int32.self),
                                       relationships: try array("UREL", Int32.self), entityCount: entities,
                                       relationshipCount: relationships, everyLink: false) else {
                throw .corrupted("undirected adjacency arrays")
            }
            undirected = view
        }
        var lookup: [String: Int32] = [:]
        lookup.reserveCapacity(entities)
        for index in 0..<entities {
            guard lookup.updateValue(Int32(index), forKey: entityIDs[index]) == nil else { throw .corrupted("duplicate entity id") }
        }
        var sourceLookup: [String: Int] = [:]
        for (index, source) in meta.sources.enumerated() { sourceLookup[source.id] = index }
        var columns = StoreColumns(vocabulary: Vocabulary(entityKinds: meta.entityKinds, relationshipKinds: meta.relationshipKinds))
        columns.title = meta.title
        columns.summaryText = meta.summaryText
        columns.graphProperties = meta.properties ?? [:]
        columns.stories = meta.stories ?? []
        columns.entityIDs = entityIDs
        columns.entityNames = entityNames
        columns.entityKindCodes = entityKinds
        columns.entityLookup = lookup
        columns.entityDetailSlots = entitySlots
        columns.entityDetails = entityDetails
        columns.relationshipIDs = relationshipIDs
        columns.relationshipKindCodes = relationshipKinds
        columns.relationshipFrom = from
        columns.relationshipTo = to
        columns.relationshipDetailSlots = relationshipSlots
        columns.relationshipDetails = relationshipDetails
        columns.entityKindIDs = meta.entityKindIDs
        columns.relationshipKindIDs = meta.relationshipKindIDs
        columns.sources = meta.sources
        columns.sourceLookup = sourceLookup
        var graph = Graph(columns: columns, outgoing: outgoing, incoming: incoming, undirected: undirected)
        graph.entityColumns = try readColumns(try section("ECOL"), rows: entities, valueTag: "E", endTag: "F",
                                              array: { (tag) throws(SnapshotError) in try array(tag, UInt64.self) },
                                              bytes: { (tag) throws(SnapshotError) in try array(tag, UInt8.self) },
                                              ends: { (tag) throws(SnapshotError) in try array(tag, Int64.self) })
        graph.relationshipColumns = try readColumns(try section("RCOL"), rows: relationships, valueTag: "R", endTag: "S",
                                                    array: { (tag) throws(SnapshotError) in try array(tag, UInt64.self) },
                                                    bytes: { (tag) throws(SnapshotError) in try array(tag, UInt8.self) },
                                                    ends: { (tag) throws(SnapshotError) in try array(tag, Int64.self) })
        return graph
    }

    private static func readColumns(_ list: Data, rows: Int, valueTag: Character, endTag: Character,
                                    array: (String) throws(SnapshotError) -> [UInt64],
                                    bytes: (String) throws(SnapshotError) -> [UInt8],
                                    ends: (String) throws(SnapshotError) -> [Int64]) throws(SnapshotError) -> ColumnStore {
        guard let records = try? JSONDecoder().decode([ColumnRecord].self, from: list), records.count < 1_000 else {
            throw .corrupted("column list")
        }
        var store = ColumnStore()
        for (index, record) in records.enumerated() {
            let suffix = String(format: "%03d", index)
            if record.numeric {
                let values = try array("\(valueTag)\(suffix)")
                guard values.count == rows else { throw .corrupted("column \(record.name)") }
                store.add(record.name, .numbers(values.map(Double.init(bitPattern:))))
            } else {
                let offsets = try ends("\(endTag)\(suffix)").map { Int($0) }
                guard offsets.count == rows, let table = StringTable(bytes: try bytes("\(valueTag)\(suffix)"), ends: offsets) else {
                    throw .corrupted("column \(record.name)")
                }
                store.add(record.name, .texts(table))
            }
        }
        return store
    }

    private static func read<T: FixedWidthInteger>(_ type: T.Type, _ data: Data, at offset: Int) -> T {
        var value: T = 0
        withUnsafeMutableBytes(of: &value) { target in
            data.copyBytes(to: target.bindMemory(to: UInt8.self),
                           from: data.startIndex + offset..<data.startIndex + offset + MemoryLayout<T>.size)
        }
        return T(littleEndian: value)
    }
}
