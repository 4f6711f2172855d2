import ERAnswers
import ERFormats
import ERGraph
import ERQuery
import ERRender
import Foundation

// Measures building the compact store at a given size: `ergraph-bench store ENTITIES RELATIONSHIPS`.
// Run in release mode (make bench-store); figures from debug builds mean nothing.

func peakResidentMiB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kilobytes = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
        return kilobytes / 1024
    }
    return 0
}

func seconds(since start: ContinuousClock.Instant) -> Double {
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

let arguments = CommandLine.arguments

if arguments.count == 5, arguments[1] == "measure" {
    try Measure.run(nodes: arguments[2], edges: arguments[3], pairsFile: arguments[4])
    exit(0)
}

// `ergraph-bench render-views`: the time to lay out and render views of 100, 1,000 and 5,000
// entities to SVG through the library in-process, against the Graphviz CLI on the same DOT, with
// the engine `ergraph render` picks for the size (dot, sfdp above 2,000 entities), or the one
// ERGRAPH_VIEW_LAYOUT names; ERGRAPH_VIEW_SIZES=100,1000 chooses the sizes.
if arguments.count == 2, arguments[1] == "render-views" {
    var rows: [[String: Any]] = []
    let sizes = ProcessInfo.processInfo.environment["ERGRAPH_VIEW_SIZES"].map { $0.split(separator: ",").compactMap { Int($0) } } ?? [100, 1_000, 5_000]
    for size in sizes {
        let graph = try SyntheticGraph.generate(.init(entities: size, relationships: size * 3 / 2, seed: 7))
        // The composer bounds dot's passes and straightens edges for large views, in the DOT itself,
        // so the library and the CLI lay out the very same graph.
        let dot = DiagramComposer().compose(.whole(graph), of: graph).dot
        let layout = ProcessInfo.processInfo.environment["ERGRAPH_VIEW_LAYOUT"].flatMap(GraphvizLayout.init(rawValue:))
            ?? GraphvizLayout.suggested(forEntities: size)
        let inProcessStart = ContinuousClock.now
        let rendered = try Graphviz.render(dot: dot, layout: layout, format: .svg)
        let inProcess = seconds(since: inProcessStart)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ergraph-view-\(size).dot")
        try Data(dot.utf8).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["dot", "-K\(layout.rawValue)", "-Tsvg", file.path, "-o", "/dev/null"]
        let cliStart = ContinuousClock.now
        try process.run()
        process.waitUntilExit()
        let cli = seconds(since: cliStart)
        try? FileManager.default.removeItem(at: file)
        rows.append(["entities": size, "relationships": graph.relationshipCount, "layout": layout.rawValue,
                     "in_process_s": inProcess, "dot_cli_s": cli,
                     "svg_bytes": rendered.data.count, "dot_cli_status": Int(process.terminationStatus)])
    }
    let data = try JSONSerialization.data(withJSONObject: rows, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
    exit(0)
}

// `ergraph-bench write-lists ENTITIES RELATIONSHIPS FOLDER [--hub-share S] [--vendor-exponent X]`:
// the generated graph as CSV lists (nodes.csv, edges.csv with an amount per link), the files the
// benchmarks load; the options set the skew (see `SyntheticGraph.Shape`).
if arguments.count >= 5, arguments.count % 2 == 1, arguments[1] == "write-lists",
   let entities = Int(arguments[2]), let relationships = Int(arguments[3]) {
    var shape = SyntheticGraph.Shape(entities: entities, relationships: relationships)
    for option in stride(from: 5, to: arguments.count, by: 2) {
        switch (arguments[option], Double(arguments[option + 1])) {
        case ("--hub-share", let share?) where (0...1).contains(share): shape.hubShare = share
        case ("--vendor-exponent", let exponent?) where exponent > 0: shape.vendorExponent = exponent
        default:
            FileHandle.standardError.write(Data("write-lists: expected --hub-share 0…1 or --vendor-exponent > 0, got \(arguments[option]) \(arguments[option + 1])\n".utf8))
            exit(2)
        }
    }
    let graph = try SyntheticGraph.generate(shape)
    var random = SeededGenerator(seed: 99)
    var nodes = "id,type,name\n"
    for entity in graph.entityIndices { nodes += "\(graph.id(of: entity)),\(graph.kind(of: entity)),\(graph.name(of: entity))\n" }
    var edges = "source,target,type,amount\n"
    edges.reserveCapacity(relationships * 28)
    for link in graph.relationshipIndices {
        edges += "\(graph.id(of: graph.from(link))),\(graph.id(of: graph.to(link))),\(graph.kind(of: link)),\(1_000 + random.below(9_999_000))\n"
    }
    let folder = URL(fileURLWithPath: arguments[4])
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data(nodes.utf8).write(to: folder.appendingPathComponent("nodes.csv"))
    try Data(edges.utf8).write(to: folder.appendingPathComponent("edges.csv"))
    // 100 fixed pairs, the same for every tool.
    var pairRandom = SeededGenerator(seed: 2026)
    var pairs = "source,target\n"
    for _ in 0..<100 {
        pairs += "\(graph.id(of: EntityIndex(pairRandom.below(graph.entityCount)))),\(graph.id(of: EntityIndex(pairRandom.below(graph.entityCount))))\n"
    }
    try Data(pairs.utf8).write(to: folder.appendingPathComponent("pairs.csv"))
    print("wrote \(folder.path)/nodes.csv, edges.csv and pairs.csv: \(graph.entityCount) entities, \(graph.relationshipCount) relationships")
    exit(0)
}

guard arguments.count == 4, arguments[1] == "store",
      let entities = Int(arguments[2]), let relationships = Int(arguments[3]), entities > 0, relationships >= 0 else {
    FileHandle.standardError.write(Data("usage: ergraph-bench store ENTITIES RELATIONSHIPS\n".utf8))
    exit(2)
}

let start = ContinuousClock.now
let builder = try SyntheticGraph.builder(.init(entities: entities, relationships: relationships))
let generateSeconds = seconds(since: start)
let packStart = ContinuousClock.now
let graph = builder.build()
let packSeconds = seconds(since: packStart)
let componentStart = ContinuousClock.now
let components = graph.weaklyConnectedComponents()
let componentSeconds = seconds(since: componentStart)
print(String(format: "store: %d entities, %d relationships: generated and added in %.2f s, packed (both adjacency arrays and the undirected view) in %.2f s",
             graph.entityCount, graph.relationshipCount, generateSeconds, packSeconds))
print(String(format: "memory: store arrays %.0f MiB; peak resident set %.0f MiB (builder and graph both alive)",
             Double(graph.memoryFootprint) / 1_048_576, peakResidentMiB()))
print(String(format: "weak components: %d in %.3f s", components.count, componentSeconds))

// 100 fixed pairs, the same every run: unweighted shortest paths on the undirected view.
var random = SeededGenerator(seed: 2026)
let pairs = (0..<100).map { _ in (EntityIndex(random.below(graph.entityCount)), EntityIndex(random.below(graph.entityCount))) }
var search = PathSearch(graph: graph)
let pathStart = ContinuousClock.now
var found = 0
var totalLength = 0
for (source, target) in pairs {
    if let path = search.shortestPath(from: source, to: target) {
        found += 1
        totalLength += path.length
    }
}
let pathSeconds = seconds(since: pathStart)
print(String(format: "shortest paths: 100 pairs in %.3f s (%.2f ms each), %d found, mean length %.2f",
             pathSeconds, pathSeconds * 10, found, found == 0 ? 0 : Double(totalLength) / Double(found)))

// The same pairs as a Cypher query between two named entities: the planner looks both up by
// name and runs the same reusable bidirectional search, never enumerating paths.
let engineStart = ContinuousClock.now
let engine = QueryEngine(graph: graph)
let engineSeconds = seconds(since: engineStart)
let prepared = try engine.prepare("MATCH p = shortestPath((a {name: $a})-[*..30]-(b {name: $b})) RETURN length(p) AS hops")
let queryStart = ContinuousClock.now
var queryFound = 0
var queryLength = 0
for (source, target) in pairs {
    let result = try prepared.run(on: engine.access, parameters: ["a": .string(graph.name(of: source)), "b": .string(graph.name(of: target))])
    if case let .integer(hops)? = result.rows.first?.first {
        queryFound += 1
        queryLength += hops
    }
}
let querySeconds = seconds(since: queryStart)
print(String(format: "cypher shortestPath by name: index built in %.2f s; 100 pairs in %.3f s (%.2f ms each), %d found, mean length %.2f",
             engineSeconds, querySeconds, querySeconds * 10, queryFound, queryFound == 0 ? 0 : Double(queryLength) / Double(queryFound)))
if queryFound != found || queryLength != totalLength {
    print("cypher shortestPath DISAGREES with the direct search")
    exit(1)
}
