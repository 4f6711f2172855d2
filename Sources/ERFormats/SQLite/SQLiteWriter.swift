import ERGraph
import Foundation
import GRDB

/// A SQLite database (through GRDB) that the `sqlite3` CLI, Datasette and any SQL tool open:
/// tables `entities`, `relationships`, `sources`, `citations` and `properties`, with a
/// full-text index (FTS5) on entity names and aliases in `entities_fts`.
///
/// Rows are inserted in the graph's order with explicit keys and the file is vacuumed, so the
/// same graph gives the same bytes.
public enum SQLiteWriter: GraphExporter {
    public static let name = "sqlite"
    public static let fileExtension = "sqlite"
    public static let summary = "a SQLite database for sqlite3 and Datasette, with a full-text index on names"

    public static func export(_ graph: Graph) throws -> [ExportFile] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ergraph-sqlite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("graph.sqlite").path
        try write(graph, to: path)
        return [ExportFile(part: "", data: try Data(contentsOf: URL(fileURLWithPath: path)))]
    }

    public static func write(_ graph: Graph, to path: String) throws {
        var configuration = Configuration()
        configuration.journalMode = .default
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        try queue.write { db in
            try db.execute(sql: """
                CREATE TABLE sources (id TEXT PRIMARY KEY, title TEXT NOT NULL, publisher TEXT, url TEXT, published TEXT, archive TEXT);
                CREATE TABLE entities (id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, aliases TEXT,
                    valid_from TEXT, valid_to TEXT, amount REAL, currency TEXT, amount_kind TEXT);
                CREATE TABLE relationships (id TEXT PRIMARY KEY, kind TEXT NOT NULL,
                    from_id TEXT NOT NULL REFERENCES entities(id), to_id TEXT NOT NULL REFERENCES entities(id),
                    valid_from TEXT, valid_to TEXT, amount REAL, currency TEXT, amount_kind TEXT, status TEXT);
                CREATE INDEX relationships_from ON relationships(from_id);
                CREATE INDEX relationships_to ON relationships(to_id);
                CREATE TABLE citations (owner_type TEXT NOT NULL, owner_id TEXT NOT NULL, position INTEGER NOT NULL,
                    source_id TEXT NOT NULL REFERENCES sources(id), quote TEXT, credited_to TEXT, locator TEXT,
                    PRIMARY KEY (owner_type, owner_id, position));
                CREATE TABLE properties (owner_type TEXT NOT NULL, owner_id TEXT NOT NULL, key TEXT NOT NULL, value TEXT,
                    PRIMARY KEY (owner_type, owner_id, key));
                CREATE VIRTUAL TABLE entities_fts USING fts5(id UNINDEXED, name, aliases);
                """)
            for source in graph.sources {
                try db.execute(sql: "INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?)",
                               arguments: [source.id, source.title, source.publisher, source.url,
                                           source.published?.description, source.archive])
            }
            for index in graph.entityIndices {
                let entity = graph.entity(index)
                let money = entity.amounts.first
                let aliases = entity.aliases.isEmpty ? nil : entity.aliases.joined(separator: "; ")
                try db.execute(sql: "INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                               arguments: [entity.id, entity.kind, entity.name, aliases, entity.validity.start?.description,
                                           entity.validity.end?.description, money.map { Double(truncating: $0.amount as NSDecimalNumber) },
                                           money?.currency, money?.kind.rawValue])
                try db.execute(sql: "INSERT INTO entities_fts (id, name, aliases) VALUES (?, ?, ?)",
                               arguments: [entity.id, entity.name, aliases])
                try insert(db, owner: "entity", id: entity.id, citations: entity.citations, properties: entity.properties)
            }
            for index in graph.relationshipIndices {
                let link = graph.relationship(index)
                let money = link.amounts.first
                let status = link.events.last.map { event in event.date.map { "\(event.status) \($0)" } ?? event.status }
                try db.execute(sql: "INSERT INTO relationships VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                               arguments: [link.id, link.kind, link.from, link.to, link.validity.start?.description,
                                           link.validity.end?.description, money.map { Double(truncating: $0.amount as NSDecimalNumber) },
                                           money?.currency, money?.kind.rawValue, status])
                try insert(db, owner: "relationship", id: link.id, citations: link.citations, properties: link.properties)
            }
        }
        // Compact the file: no free pages, so identical content gives identical bytes.
        try queue.vacuum()
    }

    private static func insert(_ db: Database, owner: String, id: String, citations: [Citation],
                               properties: [String: PropertyValue]) throws {
        for (position, citation) in citations.enumerated() {
            try db.execute(sql: "INSERT INTO citations VALUES (?, ?, ?, ?, ?, ?, ?)",
                           arguments: [owner, id, position, citation.source, citation.quote, citation.creditedTo, citation.locator])
        }
        for key in properties.keys.sorted() {
            try db.execute(sql: "INSERT INTO properties VALUES (?, ?, ?, ?)",
                           arguments: [owner, id, key, properties[key]?.description])
        }
    }
}
