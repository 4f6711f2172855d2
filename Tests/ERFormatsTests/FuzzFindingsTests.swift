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

    @Test("GraphML declaring an encoding libxml2 does not convert must be UTF-8: refused, not a crash in Foundation")
    func graphMLUnknownEncoding() throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent("graphml-unknown-encoding.graphml"))
        let error = #expect(throws: ImportError.self) { try GraphMLReader.read(data, name: "bad.graphml") }
        #expect(error?.message == "bad.graphml:2:167: invalid GraphML: a byte that is not UTF-8 (the file declares 'UTF-.:', which "
            + "ergraph reads only as UTF-8: other encodings need a byte-order mark (UTF-16, UTF-32) or must be ISO-8859-1); save it as UTF-8")
        // "UTF-16" over 8-bit text: libxml2 reads it as UTF-8 too, so the same check applies.
        var utf16Label = Data(#"<?xml version="1.0" encoding="UTF-16"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed"><node i"#.utf8)
        utf16Label.append(0xF9)
        utf16Label.append(contentsOf: Data(#"d="a"/></graph></graphml>"#.utf8))
        let labelError = #expect(throws: ImportError.self) { try GraphMLReader.read(utf16Label, name: "label.graphml") }
        #expect(labelError?.message.hasPrefix("label.graphml:1:") == true)
        #expect(labelError?.message.contains("the file declares 'UTF-16', which ergraph reads only as UTF-8") == true)
        // Windows-1252 is converted by libxml2, byte for byte: 0x80 is the euro sign there.
        var windows = Data(#"<?xml version="1.0" encoding="windows-1252"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="k" for="node" attr.name="name" attr.type="string"/><graph edgedefault="directed"><node id="a"><data key="k">"#.utf8)
        windows.append(contentsOf: [0x80, 0x20, 0xE9])
        windows.append(contentsOf: Data(#"</data></node></graph></graphml>"#.utf8))
        #expect(try GraphMLReader.read(windows, name: "windows.graphml").name(of: EntityIndex(0)) == "€ é")
    }

    @Test("GraphML's required ids and ends: a node without an id or an edge without a target is refused where it is, never dropped")
    func graphMLRequiredAttributes() {
        let head = #"<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed">"#
        let noID = #expect(throws: ImportError.self) {
            try GraphMLReader.read(Data((head + #"<node id="a"/><node/></graph></graphml>"#).utf8), name: "n.graphml")
        }
        #expect(noID?.message == "n.graphml:1:126: invalid GraphML: a <node> without an id (GraphML requires one)")
        let noTarget = #expect(throws: ImportError.self) {
            try GraphMLReader.read(Data((head + #"<node id="a"/><edge source="a"/></graph></graphml>"#).utf8), name: "e.graphml")
        }
        #expect(noTarget?.message == "e.graphml:1:137: invalid GraphML: an <edge> without a target (GraphML requires both ends)")
        let noSource = #expect(throws: ImportError.self) {
            try GraphMLReader.read(Data((head + #"<node id="a"/><edge target=""/></graph></graphml>"#).utf8), name: "s.graphml")
        }
        #expect(noSource?.message == "s.graphml:1:136: invalid GraphML: an <edge> without a source (GraphML requires both ends)")
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
