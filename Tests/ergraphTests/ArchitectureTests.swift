import Foundation
import Testing

/// The house as docs/ARCHITECTURE.md draws it: the star of dependencies, rooms of a readable
/// size, a CLI that only parses and prints.
@Suite("Architecture")
struct ArchitectureTests {
    static let root = CLITests.packageRoot

    func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// A copy of Package.swift and Sources/ in a temporary folder, for the checker to judge.
    func copyOfPackage() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ergraph-architecture-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("Package.swift"), to: folder.appendingPathComponent("Package.swift"))
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("Sources"), to: folder.appendingPathComponent("Sources"))
        return folder
    }

    @Test("the dependency check passes on the package and fails on a forbidden import or declaration")
    func dependencyStar() throws {
        let script = Self.root.appendingPathComponent("scripts/check-dependencies.py").path
        let clean = try run("python3", [script])
        #expect(clean.status == 0)
        #expect(clean.output == "dependency check: 8 targets, every import within the star\n")

        let folder = try copyOfPackage()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bridge = folder.appendingPathComponent("Sources/ERRender/PDFTimestamps.swift")
        try (try String(contentsOf: bridge, encoding: .utf8) + "import ERQuery\n").write(to: bridge, atomically: true, encoding: .utf8)
        let forbidden = try run("python3", [script, folder.path])
        #expect(forbidden.status == 1)
        #expect(forbidden.output.hasPrefix("Sources/ERRender/PDFTimestamps.swift:"))
        #expect(forbidden.output.contains(": ERRender must not import ERQuery (it may import CGraphviz, ERGraph)\n"))

        let package = folder.appendingPathComponent("Package.swift")
        let text = try String(contentsOf: package, encoding: .utf8)
            .replacingOccurrences(of: #"dependencies: ["ERAnswers", "ERWeb", "ERServer", .product(name: "ArgumentParser""#,
                                  with: #"dependencies: ["ERAnswers", "ERWeb", "ERServer", "ERGraph", .product(name: "ArgumentParser""#)
        try text.write(to: package, atomically: true, encoding: .utf8)
        let declared = try run("python3", [script, folder.path])
        #expect(declared.output.contains("Package.swift: ergraph declares ERGraph, outside its allowed ArgumentParser, ERAnswers, ERServer, ERWeb\n"))
    }

    @Test("no source file is over 600 lines")
    func roomSizes() throws {
        var long: [String] = []
        let sources = Self.root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        for file in files where file.pathExtension == "swift" {
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).count
            if lines > 600 { long.append("\(file.lastPathComponent): \(lines)") }
        }
        #expect(long.isEmpty, "\(long)")
    }

    @Test("the CLI's commands call the presentation layer: no algorithm, projection or file format is used directly")
    func thinCommands() throws {
        let commands = Self.root.appendingPathComponent("Sources/ergraph")
        let files = FileManager.default.enumerator(at: commands, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        let forbidden = ["ContractProjection", "EntityResolver", "DatasetLoader", "DatasetReader", "DatasetWriter", "CSVReader",
                         "GraphMLReader", "DOTImporter", "DiagramComposer", "DiagramRenderer", "QueryEngine", ".shortestPath(",
                         ".neighborhood(", ".ownershipChains(", ".moneyGroups(", "AtomicFile", "JSONEncoder"]
        var found: [String] = []
        for file in files where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for name in forbidden where text.contains(name) { found.append("\(file.lastPathComponent): \(name)") }
        }
        #expect(found.isEmpty, "\(found)")
    }
}
