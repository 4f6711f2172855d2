import ERRender
import Testing

@Suite("DOT writer")
struct DOTWriterTests {
    @Test("quotes and escapes every identifier and text", arguments: [
        ("plain", "\"plain\""),
        ("node", "\"node\""), ("GRAPH", "\"GRAPH\""), ("Strict", "\"Strict\""),
        ("1abc", "\"1abc\""),
        ("say \"hi\"", "\"say \\\"hi\\\"\""),
        ("back\\slash", "\"back\\\\slash\""),
        ("trailing\\", "\"trailing\\\\\""),
        ("two\nlines", "\"two\\nlines\""),
        ("cr\r\nlf", "\"cr\\nlf\""),
        ("tab\tbell\u{7}", "\"tab bell \""),
        ("\\N is literal", "\"\\\\N is literal\""),
        ("<script>", "\"<script>\""),
        ("emoji 🛰️ 東京", "\"emoji 🛰️ 東京\""),
        ("", "\"\""),
    ] as [(String, String)])
    func quoting(_ input: String, _ expected: String) {
        #expect(DOTWriter.quoted(input) == expected)
    }

    @Test("strings over 8,000 bytes are split with + below the lexer's limit, never inside an escape")
    func longStrings() {
        let long = String(repeating: "ab\"", count: 7_000)  // 21,000 characters, 28,000 bytes quoted
        let quoted = DOTWriter.quoted(long)
        let pieces = quoted.components(separatedBy: "\" + \"")
        #expect(pieces.count >= 4)
        for piece in pieces { #expect(piece.utf8.count <= 8_002) }
        // Rejoined, the pieces are the escaped text.
        #expect(pieces.joined().dropFirst().dropLast() == Substring(long.replacingOccurrences(of: "\"", with: "\\\"")))
        let multibyte = String(repeating: "東", count: 10_000)
        for piece in DOTWriter.quoted(multibyte).components(separatedBy: "\" + \"") {
            #expect(piece.utf8.count <= 8_002)
        }
    }

    @Test("HTML labels escape every text and attribute")
    func htmlLabels() {
        let label = HTMLLabel([.bold([.text("<script>alert('x') & \"y\"</script>")]), .lineBreak,
                               .font(color: "red\" onload=\"x", [.text("a\nb")])])
        #expect(label.markup == "<b>&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;</b><br/>"
                + "<font color=\"red&quot; onload=&quot;x\">a<br/>b</font>")
        let table = HTMLLabel.table(.init(rows: [[.init([.text("")], align: "left")]]))
        #expect(table.markup == "<table border=\"0\" cellborder=\"0\" cellspacing=\"0\" cellpadding=\"2\"><tr><td align=\"left\"> </td></tr></table>")
    }

    @Test("statements come in a fixed order whatever order they were added in")
    func stableOrder() {
        func document(reversed: Bool) -> DOTDocument {
            var nodes = [DOTDocument.Node(id: "b", attributes: ["z": .text("1"), "a": .text("2")]),
                         DOTDocument.Node(id: "a"), DOTDocument.Node(id: "c")]
            var edges = [DOTDocument.Edge(tail: "b", head: "a", key: "k2"), DOTDocument.Edge(tail: "a", head: "b", key: "k9"),
                         DOTDocument.Edge(tail: "a", head: "b", key: "k1")]
            if reversed { nodes.reverse(); edges.reverse() }
            return DOTDocument(name: "graph", graphAttributes: ["rankdir": .raw("LR"), "label": .text("T")],
                               clusters: [DOTDocument.Cluster(id: "x", attributes: ["label": .text("X")], nodeIDs: ["c"])],
                               nodes: nodes, edges: edges)
        }
        let text = DOTWriter.write(document(reversed: false))
        #expect(text == DOTWriter.write(document(reversed: true)))
        #expect(text == """
            digraph "graph" {
              "label"="T"
              "rankdir"="LR"
              subgraph "cluster_x" {
                "label"="X"
                "c"
              }
              "a"
              "b" ["a"="2", "z"="1"]
              "a" -> "b" ["key"="k1"]
              "a" -> "b" ["key"="k9"]
              "b" -> "a" ["key"="k2"]
            }

            """)
    }
}
