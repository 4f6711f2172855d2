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
            + "ergraph reads only as UTF-8: other encodings must be UTF-16 or ISO-8859-1 or windows-1252); save it as UTF-8")
        // "UTF-16" over 8-bit text: libxml2 reads it as UTF-8 too, so the same check applies.
        var utf16Label = Data(#"<?xml version="1.0" encoding="UTF-16"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed"><node i"#.utf8)
        utf16Label.append(0xF9)
        utf16Label.append(contentsOf: Data(#"d="a"/></graph></graphml>"#.utf8))
        let labelError = #expect(throws: ImportError.self) { try GraphMLReader.read(utf16Label, name: "label.graphml") }
        #expect(labelError?.message == "label.graphml:1:132: invalid GraphML: a byte that is not UTF-8 "
            + "(the file declares 'UTF-16', but its first bytes are 8-bit text, not UTF-16); save it as UTF-8")
        // Windows-1252 is converted by libxml2, byte for byte: 0x80 is the euro sign there.
        var windows = Data(#"<?xml version="1.0" encoding="windows-1252"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="k" for="node" attr.name="name" attr.type="string"/><graph edgedefault="directed"><node id="a"><data key="k">"#.utf8)
        windows.append(contentsOf: [0x80, 0x20, 0xE9])
        windows.append(contentsOf: Data(#"</data></node></graph></graphml>"#.utf8))
        #expect(try GraphMLReader.read(windows, name: "windows.graphml").name(of: EntityIndex(0)) == "€ é")
        // Bytes that are not UTF-8 before the declared encoding (the fuzzer's next find, in this
        // check itself: it read the declaration at offsets of the decoded text).
        var early = Data(#"<?xml version=""#.utf8)
        early.append(contentsOf: [0xFF, 0xFF, 0xFF, 0xFF])
        early.append(contentsOf: Data(#"" encoding="latin1"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph/></graphml>"#.utf8))
        let earlyError = #expect(throws: ImportError.self) { try GraphMLReader.read(early, name: "early.graphml") }
        #expect(earlyError?.message == #"early.graphml:1:16: invalid GraphML: String not closed expecting " or '"#)
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

    @Test("GraphML with a processing instruction without data reads (Foundation's XMLParser dereferenced a null pointer), and CDATA is text")
    func graphMLEmptyInstruction() throws {
        let found = try Data(contentsOf: Self.folder.appendingPathComponent("graphml-empty-instruction.graphml"))
        let error = #expect(throws: ImportError.self) { try GraphMLReader.read(found, name: "found.graphml") }
        #expect(error?.message == "found.graphml:1:10: invalid GraphML: Document is empty")
        let key = #"<key id="k" for="node" attr.name="name" attr.type="string"/>"#
        let document = #"<?xml version="1.0"?><?q?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">"# + key
            + #"<graph edgedefault="directed"><?in?><node id="a"><data key="k"><![CDATA[<?q?> kept]]></data></node>"#
            + #"<!-- <?c?> --></graph></graphml><?after?>"#
        let graph = try GraphMLReader.read(Data(document.utf8), name: "pi.graphml")
        // The instructions read; the one inside CDATA is text, and stays exactly as written.
        #expect(graph.entityCount == 1)
        #expect(graph.name(of: EntityIndex(0)) == "<?q?> kept")
    }

    @Test("GraphML with a DTD of its own reads (Foundation crashed on some declarations) and expands no entity it declares")
    func graphMLInternalSubset() throws {
        let body = #"<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed"><node id="a"/></graph></graphml>"#
        for declarations in [#"<!NOTATION n SYSTEM "y">"#, "<!ATTLIST node b CDATA #IMPLIED>", #"<!ENTITY u SYSTEM "x" NDATA n>"#, "<?pi?>"] {
            let document = "<!DOCTYPE graphml [" + declarations + "]>\n" + body
            #expect(try GraphMLReader.read(Data(document.utf8), name: "dtd.graphml").entityCount == 1)
        }
        // An entity declared there is never expanded (no billion laughs): using it is an error.
        let entity = #"<!DOCTYPE graphml [<!ENTITY e "x">]><graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph>&e;</graph></graphml>"#
        let error = #expect(throws: ImportError.self) { try GraphMLReader.read(Data(entity.utf8), name: "entity.graphml") }
        #expect(error?.message == "entity.graphml:1:102: invalid GraphML: Entity 'e' not defined")
    }

    @Test("GraphML in UTF-16, with or without a byte-order mark, reads as its UTF-8 copy does; UTF-32 and broken UTF-16 are refused")
    func graphMLWideEncodings() throws {
        let text = #"<?xml version="1.0" encoding="UTF-16"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="k" for="node" attr.name="name" attr.type="string"/><graph edgedefault="directed"><node id="a"><data key="k">Paragon — ürün</data></node><?q?></graph></graphml>"#
        let encodings: [(String.Encoding, [UInt8])] = [(.utf16LittleEndian, [0xFF, 0xFE]), (.utf16BigEndian, [0xFE, 0xFF]), (.utf16LittleEndian, [])]
        for (encoding, mark) in encodings {
            let data = try #require(text.data(using: encoding))
            let graph = try GraphMLReader.read(Data(mark) + data, name: "wide.graphml")
            #expect(graph.name(of: EntityIndex(0)) == "Paragon — ürün")
        }
        let utf32 = Data([0xFF, 0xFE, 0, 0]) + (try #require(text.data(using: .utf32LittleEndian)))
        let utf32Error = #expect(throws: ImportError.self) { try GraphMLReader.read(utf32, name: "wide.graphml") }
        #expect(utf32Error?.message == "wide.graphml:1:1: invalid GraphML: the file is UTF-32, which ergraph does not read; save it as UTF-8")
        // Without a byte-order mark too, in either byte order.
        for bytes in [try #require(text.data(using: .utf32LittleEndian)), try #require(text.data(using: .utf32BigEndian))] {
            let error = #expect(throws: ImportError.self) { try GraphMLReader.read(bytes, name: "wide.graphml") }
            #expect(error?.message == utf32Error?.message)
        }
        var broken = Data([0xFF, 0xFE]) + (try #require(#"<?xml version="1.0"?><graphml><node i"#.data(using: .utf16LittleEndian)))
        broken.append(contentsOf: [0x00, 0xD8, 0x64, 0x00])
        let error = #expect(throws: ImportError.self) { try GraphMLReader.read(broken, name: "broken.graphml") }
        #expect(error?.message.hasPrefix("broken.graphml:1:") == true)
        #expect(error?.message.contains("invalid GraphML: input conversion failed due to input error, bytes 0x00 0xD8") == true)
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
