import ERFormats
import ERGraph
import Foundation
import Testing

/// Every file in Tests/Fixtures/invalid/ must give exactly the diagnostics in its `.expected`
/// file and no graph. Files named `*.strict.*` are checked with --strict.
@Suite("Malformed datasets")
struct MalformedDatasetTests {
    static let folder = Paths.file("Tests/Fixtures/invalid")

    static let fixtures: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.sorted()
    }()

    @Test("there are at least 30 malformed fixtures, each with its expectation")
    func enoughFixtures() {
        #expect(Self.fixtures.count >= 30)
        for name in Self.fixtures {
            let expected = Self.folder.appendingPathComponent(Self.expectationName(name)).path
            #expect(FileManager.default.fileExists(atPath: expected), "\(name) has no .expected file")
        }
    }

    @Test("each fixture gives the exact diagnostics and no graph", arguments: fixtures)
    func exactDiagnostics(_ name: String) throws {
        let path = Self.folder.appendingPathComponent(name).path
        let result = DatasetLoader.load(path: path, displayName: name,
                                        options: .init(strict: name.contains(".strict.")))
        let expected = try String(contentsOf: Self.folder.appendingPathComponent(Self.expectationName(name)), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        #expect(result.diagnostics.map(\.description) == expected)
        #expect(result.graph == nil, "a malformed dataset must not produce a graph")
        #expect(result.diagnostics.hasErrors)
    }

    static func expectationName(_ name: String) -> String {
        (name as NSString).deletingPathExtension + ".expected"
    }
}
