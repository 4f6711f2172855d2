import ERFormats
import ERGraph
import Foundation
import Testing

/// The Spark export (`SparkTablesWriter`, written through `AtomicFolder`): its files and schema,
/// and, in a real Spark (pyspark in local mode from the test venv), the same rows read back and
/// the same answers to the benchmark questions as ergraph's own.
@Suite("Spark export")
struct SparkExportTests {
    static func defaultGraph() throws -> Graph {
        let text = try String(contentsOf: Paths.file("Graph/ice-surveillance.yaml"), encoding: .utf8)
        return try #require(DatasetLoader.load(text: text, file: "ice-surveillance.yaml").graph)
    }

    static func folder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ergraph-spark-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func write(_ files: [ExportFile], to folder: URL) throws {
        try AtomicFolder.write(files.map { ($0.part, $0.data) }, to: folder.path, marker: SparkTablesWriter.schemaFile)
    }

    @Test("partitions of the asked size, a schema Spark reads, the same bytes every run")
    func files() throws {
        let graph = try Self.defaultGraph()
        let files = try SparkTablesWriter.files(graph, partitionRows: 20)
        #expect(files.map(\.part) == ["entities/part-00000.csv", "entities/part-00001.csv", "entities/part-00002.csv",
                                      "relationships/part-00000.csv", "relationships/part-00001.csv", "relationships/part-00002.csv",
                                      "relationships/part-00003.csv", "schema.json"])
        #expect(try SparkTablesWriter.files(graph, partitionRows: 20).map(\.data) == files.map(\.data))
        let schema = try #require(try JSONSerialization.jsonObject(with: files[7].data) as? [String: Any])
        let tables = try #require(schema["tables"] as? [String: [String: Any]])
        #expect(tables["entities"]?["rows"] as? Int == 46)
        #expect(tables["relationships"]?["rows"] as? Int == 70)
        #expect((tables["relationships"]?["ddl"] as? String)?.hasPrefix("`index` BIGINT, `id` STRING, `kind` STRING, `src` BIGINT, `dst` BIGINT, `from` STRING, `to` STRING") == true)
        #expect((schema["read"] as? [String: Any])?["options"] as? [String: String]
                == ["header": "true", "escape": "\"", "quote": "\"", "multiLine": "true", "mode": "FAILFAST", "encoding": "UTF-8"])
        // Every part has the header; the rows add up.
        let relationshipRows = files[3...6].map { String(decoding: $0.data, as: UTF8.self) }
        #expect(relationshipRows.allSatisfy { $0.hasPrefix("index,id,kind,src,dst,from,to,") })
        #expect(String(decoding: files[3].data, as: UTF8.self).split(separator: "\n")[1]
                    .hasPrefix("0,hsi-part-of-ice,part_of,1,0,hsi,ice,"))
        #expect(throws: SparkTablesWriter.WriteError.partitionRows(0)) { try SparkTablesWriter.files(graph, partitionRows: 0) }
    }

    @Test("column names Spark would confuse (case, fixed columns) are told apart; empty text and absent values differ")
    func columnNames() throws {
        var builder = GraphBuilder()
        try builder.addEntity(Entity(id: "a", kind: "company", name: "A", properties: ["Index": .integer(1), "note": .text("")]))
        try builder.addEntity(Entity(id: "b", kind: "company", name: "B", properties: ["index": .text("x"), "NOTE": .text("y")]))
        let files = try SparkTablesWriter.files(builder.build())
        let entities = String(decoding: files[0].data, as: UTF8.self)
        #expect(entities == "index,id,kind,name,Index_2,NOTE,index_3,note_2\n0,a,company,A,1,,,\"\"\n1,b,company,B,,y,x,\n")
        let empty = try SparkTablesWriter.files(GraphBuilder().build())
        #expect(String(decoding: empty[1].data, as: UTF8.self) == "index,id,kind,src,dst,from,to\n")
    }

    @Test("a folder is replaced only when this export wrote it or it is empty; a failed write leaves it as it was")
    func folderReplacement() throws {
        let parent = try Self.folder("replace")
        defer { try? FileManager.default.removeItem(at: parent) }
        let graph = try Self.defaultGraph()
        let target = parent.appendingPathComponent("out")
        try Self.write(try SparkTablesWriter.files(graph, partitionRows: 100), to: target)
        try Self.write(try SparkTablesWriter.files(graph, partitionRows: 30), to: target)
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.appendingPathComponent("entities").path).sorted()
                == ["part-00000.csv", "part-00001.csv"])
        let foreign = parent.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        try Data("notes".utf8).write(to: foreign.appendingPathComponent("notes.txt"))
        #expect(throws: OutputError.self) { try Self.write(try SparkTablesWriter.files(graph), to: foreign) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: foreign.path) == ["notes.txt"])
        // Nothing temporary is left beside them.
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted() == ["out", "work"])
    }
}

/// The answers Spark gives on the export, against ergraph's on the same graph.
@Suite("Spark gives the same answers", .serialized)
struct SparkAgreementTests {
    static var python: String {
        ProcessInfo.processInfo.environment["ERGRAPH_PYTHON"] ?? Paths.file(".venv/bin/python").path
    }

    @Test("the default dataset reads back whole; components, hop counts, 2-hop sizes, degree and PageRank top ten equal ergraph's on 10,000 / 50,000")
    func sameAnswers() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.python), "no Python at \(Self.python): run 'make test'")
        let folder = try SparkExportTests.folder("agreement")
        defer { try? FileManager.default.removeItem(at: folder) }
        let story = try SparkExportTests.defaultGraph()
        try SparkExportTests.write(try SparkTablesWriter.files(story, partitionRows: 20), to: folder.appendingPathComponent("story"))
        let graph = try SyntheticGraph.generate(.init(entities: 10_000, relationships: 50_000))
        try SparkExportTests.write(try SparkTablesWriter.files(graph, partitionRows: 20_000), to: folder.appendingPathComponent("generated"))
        var random = SeededGenerator(seed: 2026)
        let pairs = (0..<100).map { _ in (EntityIndex(random.below(graph.entityCount)), EntityIndex(random.below(graph.entityCount))) }
        let pairsFile = folder.appendingPathComponent("pairs.csv")
        try Data(("source,target\n" + pairs.map { "\(graph.id(of: $0.0)),\(graph.id(of: $0.1))\n" }.joined()).utf8).write(to: pairsFile)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python)
        process.arguments = [Paths.file("Tests/Fixtures/python/spark_check.py").path,
                             folder.appendingPathComponent("story").path, folder.appendingPathComponent("generated").path, pairsFile.path]
        var environment = ProcessInfo.processInfo.environment
        environment["SPARK_LOCAL_IP"] = "127.0.0.1"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let result = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])

        // Every row and value of the default dataset, quotes, commas and line breaks included.
        let rows = try #require(result["story"] as? [String: [[String: Any]]])
        let entityRows = try #require(rows["entities"]), linkRows = try #require(rows["relationships"])
        #expect(entityRows.count == 46 && linkRows.count == 70)
        func same(_ row: [String: Any], _ values: [String: FlatValue], skipping: Set<String>) {
            for (key, value) in values where !skipping.contains(key) {
                switch value {
                case let .string(text): #expect(row[key] as? String == text, "\(key)")
                case let .integer(number): #expect(row[key] as? Int == number, "\(key)")
                case let .double(number): #expect(row[key] as? Double == number, "\(key)")
                case let .boolean(flag): #expect(row[key] as? Bool == flag, "\(key)")
                }
            }
        }
        for entity in story.entityIndices {
            let row = entityRows[entity.int]
            #expect(row["id"] as? String == story.id(of: entity) && row["name"] as? String == story.name(of: entity))
            same(row, FlatAttributes.entity(story.entity(entity)), skipping: ["kind", "name"])
        }
        for link in story.relationshipIndices {
            let row = linkRows[link.int]
            #expect(row["src"] as? Int == story.from(link).int && row["dst"] as? Int == story.to(link).int)
            same(row, FlatAttributes.relationship(story.relationship(link)), skipping: ["kind"])
        }

        // The benchmark questions, as ergraph-bench answers them.
        let answers = try #require(result["answers"] as? [String: Any])
        var search = PathSearch(graph: graph)
        let lengths = pairs.map { search.shortestPath(from: $0.0, to: $0.1)?.length ?? -1 }
        var counter = NeighborhoodCounter(graph: graph)
        let twoHop = pairs.map { counter.count(around: $0.0, depth: 2) }
        let components = graph.weaklyConnectedComponents()
        let degrees = graph.degrees()
        let topDegree = degrees.indices.sorted { degrees[$0] != degrees[$1] ? degrees[$0] > degrees[$1] : $0 < $1 }.prefix(10)
            .map { "\(graph.id(of: EntityIndex($0))):\(degrees[$0])" }
        let rank = graph.pageRank(iterations: 20)
        let topRank = rank.indices.sorted { rank[$0] != rank[$1] ? rank[$0] > rank[$1] : $0 < $1 }.prefix(10).map { graph.id(of: EntityIndex($0)) }
        #expect(answers["entities"] as? Int == 10_000 && answers["relationships"] as? Int == 50_000)
        #expect(answers["lengths"] as? [Int] == lengths)
        #expect(answers["two_hop"] as? [Int] == twoHop)
        #expect(answers["components"] as? Int == components.count)
        #expect(answers["component_sizes"] as? [Int] == components.sizes)
        #expect(answers["top_degree"] as? [String] == topDegree)
        #expect(answers["top_pagerank"] as? [String] == topRank)
        // And what they are, so that a change of the generator shows here.
        #expect(components.count == 13)
        #expect(topDegree.first == "e0:19591")
        #expect(topRank.prefix(3) == ["e5", "e4967", "e2856"])
        #expect(lengths.prefix(5) == [4, 4, 4, 4, 2])
    }
}
