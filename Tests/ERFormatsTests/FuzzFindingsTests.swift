import ERFormats
import ERGraph
import Foundation
import Testing

/// Inputs the fuzzer found (Tests/Fixtures/fuzz/SOURCE.md): each one is now a clear error.
@Suite("Fuzzer findings")
struct FuzzFindingsTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fuzz")

    @Test("GraphML whose names are not UTF-8 is refused at the first bad byte, not a crash in Foundation")
    func graphMLInvalidUTF8() throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent("graphml-invalid-utf8-name.graphml"))
        let error = #expect(throws: ImportError.self) { try GraphMLReader.read(data, name: "bad.graphml") }
        #expect(error?.message == "bad.graphml:1:14: invalid GraphML: a byte that is not UTF-8 (the file declares no other encoding); save it as UTF-8")
        // The same byte in a document that declares Latin-1 is the letter å, and reads.
        var latin1 = Data(#"<?xml version="1.0" encoding="ISO-8859-1"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="k" for="node" attr.name="name" attr.type="string"/><graph edgedefault="directed"><node id="a"><data key="k">"#.utf8)
        latin1.append(0xE5)
        latin1.append(contentsOf: Data(#"</data></node></graph></graphml>"#.utf8))
        let graph = try GraphMLReader.read(latin1, name: "latin1.graphml")
        #expect(graph.name(of: EntityIndex(0)) == "å")
    }

    @Test("an alias in a mapping key is refused before Yams hashes it (it expanded the alias there, for seconds)")
    func aliasInKey() throws {
        let path = Self.folder.appendingPathComponent("dataset-alias-key.yaml").path
        let result = DatasetLoader.load(path: path, displayName: "alias-key.yaml")
        #expect(result.graph == nil)
        #expect(result.diagnostics.map(\.description) == [
            "alias-key.yaml:30:26: error: an alias (*x6) in a mapping key: ergraph does not read aliases in keys, "
                + "which can make reading a small file take minutes; write the key out",
        ])
    }
}
