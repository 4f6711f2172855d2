import ERAnswers
import ERFormats
import ERGraph
import ERQuery
import ERRender
import ERWeb
import Foundation

/// One fuzz target: the reader it feeds, given the bytes libFuzzer made.
struct FuzzTarget: Sendable {
    let name: String
    let summary: String
    let run: @Sendable (Data) -> Void
}

/// Every reader of input a user may be sent, each through its public entry point, as the CLI
/// and the server call it. A target must never crash, leak or hang: errors are the expected
/// answer to almost every input and are thrown away here.
enum FuzzTargets {
    /// The story graph, for the query planner and executor (read once, at start).
    static let story: Graph? = DatasetLoader.load(path: "Graph/ice-surveillance.yaml").graph
    static let engine: QueryEngine? = story.map(QueryEngine.init(graph:))
    /// The FY2018 awards mapping, for the mapped-table target.
    static let awardsMapping: CSVMapping? = (try? Data(contentsOf: URL(fileURLWithPath: "Graph/ice-contracts-fy2018.mapping.yaml")))
        .flatMap { CSVMappingReader.read($0, file: "mapping.yaml").mapping }

    static let all: [FuzzTarget] = [
        FuzzTarget(name: "dataset", summary: "dataset YAML and JSON, through the loader and the assembler") { data in
            _ = DatasetLoader.load(text: String(decoding: data, as: UTF8.self), file: "fuzz.yaml")
        },
        FuzzTarget(name: "csv-mapping", summary: "CSV mapping files") { data in
            _ = CSVMappingReader.read(data, file: "fuzz.mapping.yaml")
        },
        FuzzTarget(name: "csv-table", summary: "tables through the FY2018 awards mapping") { data in
            guard let mapping = awardsMapping else { fatalError("run from the repository: Graph/ice-contracts-fy2018.mapping.yaml") }
            _ = try? CSVMappingImporter.run(mapping: mapping, table: data, tableName: "fuzz.csv")
        },
        FuzzTarget(name: "csv-lists", summary: "node and relationship lists (the two files split at the first NUL byte)") { data in
            let cut = data.firstIndex(of: 0) ?? data.endIndex
            let nodes = data[data.startIndex..<cut]
            let edges = cut < data.endIndex ? data[(cut + 1)...] : Data()
            _ = try? CSVListsLoader.load(nodes: Data(nodes), nodesName: "nodes.csv", edges: Data(edges), edgesName: "edges.csv")
            _ = try? CSVListsLoader.load(nodes: Data(nodes), nodesName: "nodes.csv", edges: Data(edges), edgesName: "edges.csv",
                                         reading: .chunks(minimumBytes: 64, threads: 2))
        },
        FuzzTarget(name: "graphml", summary: "GraphML") { data in
            _ = try? GraphMLReader.readReporting(data, name: "fuzz.graphml")
        },
        FuzzTarget(name: "node-link", summary: "node-link JSON") { data in
            _ = try? NodeLinkJSONReader.read(data, name: "fuzz.json", keys: NodeLinkKeys())
        },
        FuzzTarget(name: "ftm", summary: "FollowTheMoney entities, one JSON object a line") { data in
            _ = try? FtMReader.read(data, name: "fuzz.ftm.json")
        },
        FuzzTarget(name: "dot", summary: "DOT import through Graphviz's cgraph, in-process") { data in
            _ = try? DOTImporter.read(dotBytes: data, sourceName: "fuzz.dot")
        },
        FuzzTarget(name: "cypher", summary: "Cypher: lexer, parser, planner and executor on the story graph") { data in
            guard let engine else { fatalError("run from the repository: Graph/ice-surveillance.yaml") }
            _ = try? engine.run(String(decoding: data, as: UTF8.self), workLimit: 20_000)
        },
        FuzzTarget(name: "snapshot", summary: "snapshots (.ergs)") { data in
            _ = try? GraphSnapshot.graph(from: data)
        },
        FuzzTarget(name: "web-request", summary: "the web server's request targets (path and query string)") { data in
            _ = try? WebRequest.parse(target: String(decoding: data, as: UTF8.self))
        },
    ]
}

/// The target this process runs, chosen by ERGRAPH_FUZZ_TARGET before the first input.
nonisolated(unsafe) var selectedTarget: FuzzTarget?

@_cdecl("LLVMFuzzerInitialize")
public func fuzzerInitialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    let name = ProcessInfo.processInfo.environment["ERGRAPH_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTargets.all.first(where: { $0.name == name }) else {
        let names = FuzzTargets.all.map(\.name).joined(separator: ", ")
        FileHandle.standardError.write(Data("ergraph-fuzz: set ERGRAPH_FUZZ_TARGET to one of \(names)\n".utf8))
        exit(2)
    }
    selectedTarget = target
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    selectedTarget?.run(data)
    return 0
}
