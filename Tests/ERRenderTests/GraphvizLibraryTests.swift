import ERRender
import Foundation
import Testing

@Suite("Graphviz library, linked in-process")
struct GraphvizLibraryTests {
    @Test("reports the same version as the dot CLI of the same installation")
    func versionMatchesCLI() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["dot", "-V"]
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let version = GraphvizLibrary.version
        #expect(version.first?.isNumber == true)
        #expect(output.contains("version \(version)"), "dot -V said: \(output)")
    }

    @Test("is safe to ask from many tasks at once")
    func concurrentUse() async {
        let versions = await withTaskGroup(of: String.self) { group in
            for _ in 0..<8 { group.addTask { GraphvizLibrary.version } }
            return await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(versions.count == 1)
    }
}
