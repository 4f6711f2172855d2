/// Writes ``DOTDocument``s as DOT text that Graphviz accepts without a warning, whatever the
/// names and labels hold, and that is byte-identical for identical input.
///
/// Rules (docs/GRAPHVIZ.md, "DOT rules"): every identifier and value is quoted, so keywords in any case,
/// digits first and punctuation are harmless; in text, `\` and `"` are escaped, line feeds
/// become `\n`, carriage returns are dropped and other control characters become spaces;
/// strings longer than 8,000 bytes are split as `"…" + "…"` (the lexer refuses single strings
/// near 16 KB); statements come in a fixed order: graph attributes (sorted by key), defaults,
/// clusters by id with their nodes sorted, the other nodes by id, then edges by (tail, head, key).
/// Plain `digraph`, never `strict`, so parallel edges stay apart.
public enum DOTWriter {
    public static func write(_ document: DOTDocument) -> String {
        var out = ""
        out += (document.directed ? "digraph " : "graph ") + quoted(document.name) + " {\n"
        for (key, value) in document.graphAttributes.sorted(by: { $0.key < $1.key }) {
            out += "  " + quoted(key) + "=" + format(value) + "\n"
        }
        if !document.nodeDefaults.isEmpty { out += "  node " + attributeList(document.nodeDefaults) + "\n" }
        if !document.edgeDefaults.isEmpty { out += "  edge " + attributeList(document.edgeDefaults) + "\n" }

        let nodesByID = Dictionary(document.nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var clustered = Set<String>()
        for cluster in document.clusters.sorted(by: { $0.id < $1.id }) {
            out += "  subgraph " + quoted("cluster_" + cluster.id) + " {\n"
            for (key, value) in cluster.attributes.sorted(by: { $0.key < $1.key }) {
                out += "    " + quoted(key) + "=" + format(value) + "\n"
            }
            for id in cluster.nodeIDs.sorted() where !clustered.contains(id) {
                clustered.insert(id)
                out += "    " + nodeStatement(nodesByID[id] ?? DOTDocument.Node(id: id)) + "\n"
            }
            out += "  }\n"
        }
        for node in document.nodes.sorted(by: { $0.id < $1.id }) where !clustered.contains(node.id) {
            out += "  " + nodeStatement(node) + "\n"
        }
        let arrow = document.directed ? " -> " : " -- "
        for edge in document.edges.sorted(by: { ($0.tail, $0.head, $0.key) < ($1.tail, $1.head, $1.key) }) {
            var attributes = edge.attributes
            attributes["key"] = .text(edge.key)
            out += "  " + quoted(edge.tail) + arrow + quoted(edge.head) + " " + attributeList(attributes) + "\n"
        }
        out += "}\n"
        return out
    }

    private static func nodeStatement(_ node: DOTDocument.Node) -> String {
        node.attributes.isEmpty ? quoted(node.id) : quoted(node.id) + " " + attributeList(node.attributes)
    }

    private static func attributeList(_ attributes: [String: DOTValue]) -> String {
        "[" + attributes.sorted(by: { $0.key < $1.key }).map { quoted($0.key) + "=" + format($0.value) }
            .joined(separator: ", ") + "]"
    }

    static func format(_ value: DOTValue) -> String {
        switch value {
        case let .text(text): quoted(text)
        case let .html(label): "<" + label.markup + ">"
        case let .raw(text): quoted(text, escapeBackslashes: false)
        }
    }

    /// The longest piece of one quoted string, in bytes: well below the lexer's ~16 KB limit.
    static let chunkLimit = 8_000

    /// A quoted DOT string showing `text` literally; split with `+` when long.
    public static func quoted(_ text: String, escapeBackslashes: Bool = true) -> String {
        var chunks: [String] = []
        var current = ""
        var currentBytes = 0
        for scalar in text.unicodeScalars {
            let piece: String
            switch scalar {
            case "\\": piece = escapeBackslashes ? "\\\\" : "\\"
            case "\"": piece = "\\\""
            case "\n": piece = "\\n"
            case "\r": continue
            case "\u{0}"..."\u{1F}", "\u{7F}": piece = " "
            default: piece = String(scalar)
            }
            let bytes = piece.utf8.count
            if currentBytes + bytes > chunkLimit {
                chunks.append(current)
                current = ""
                currentBytes = 0
            }
            current += piece
            currentBytes += bytes
        }
        // A raw value must not end in a lone backslash, which would escape the closing quote.
        if !escapeBackslashes, current.hasSuffix("\\"), !current.hasSuffix("\\\\") { current += "\\" }
        chunks.append(current)
        return chunks.map { "\"" + $0 + "\"" }.joined(separator: " + ")
    }
}
