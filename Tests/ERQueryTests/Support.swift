import ERFormats
import ERGraph
import ERQuery
import Foundation
import Testing

/// Files of the package, found from this source file so tests run from any directory.
enum Paths {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func file(_ relative: String) -> URL { packageRoot.appendingPathComponent(relative) }

    /// The test venv's Python (networkx, Kùzu…), or $ERGRAPH_PYTHON.
    static var python: String {
        ProcessInfo.processInfo.environment["ERGRAPH_PYTHON"] ?? file(".venv/bin/python").path
    }

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ergraph-query-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}

enum Fixtures {
    static func defaultGraph() throws -> Graph {
        let result = DatasetLoader.load(path: Paths.file("Graph/ice-surveillance.yaml").path)
        return try #require(result.graph)
    }

    /// Runs a Python script of Tests/Fixtures/python and parses what it prints as JSON.
    static func python(_ script: String, _ arguments: [String]) throws -> Any {
        #expect(FileManager.default.isExecutableFile(atPath: Paths.python), "no Python at \(Paths.python): run 'make test'")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Paths.python)
        process.arguments = [Paths.file("Tests/Fixtures/python/\(script)").path] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(script) failed")
        return try JSONSerialization.jsonObject(with: data)
    }
}

extension QueryEngine {
    /// Runs a query that must succeed, reporting the rendered error otherwise.
    func rows(_ query: String, _ parameters: [String: Value] = [:]) throws -> [[Value]] {
        do {
            return try run(query, parameters: parameters).rows
        } catch {
            Issue.record("\(error.rendered(in: query))")
            throw error
        }
    }

    /// The error a query must give.
    func error(_ query: String) -> QueryError? {
        do {
            _ = try run(query)
            return nil
        } catch {
            return error
        }
    }
}
