import ERGraph
import Foundation

/// Reads any DOT file through cgraph into a graph: nodes become entities, edges relationships,
/// attributes properties.
///
/// - Entity ids are the node names where they are valid ids; otherwise a cleaned form, made
///   unique (the original name is kept in the `dot_name` property).
/// - The name is the `name` attribute, else a plain `label` (not HTML, not `\N`), else the node name.
/// - Kinds come from a `kind` attribute where present; kinds the vocabulary lacks are declared
///   (cleaned to lower case and `_`). Without one, entities are `node` and links `edge`, kinds
///   the importer declares.
/// - Nodes marked `ergraph_role="legend"` (the legend of ergraph's own diagrams) are skipped, so
///   exporting and importing again gives the same graph.
public enum DOTImporter {
    /// Where cgraph parses the DOT.
    public enum Parser: Sendable {
        /// In this process: fast, and what the library's own callers (tests, the fuzzer) use.
        case inProcess
        /// In a child process (``GraphvizProcess/parse(dotBytes:timeout:worker:arguments:)``):
        /// a crash of the parser on a hostile file ends the child, and the import fails with a
        /// message, not the process.
        case worker(URL, timeout: Duration)

        func parse(_ bytes: Data) throws(GraphvizError) -> ParsedDOT {
            switch self {
            case .inProcess: try Graphviz.parse(dotBytes: bytes)
            case let .worker(executable, timeout): try GraphvizProcess.parse(dotBytes: bytes, timeout: timeout, worker: executable)
            }
        }
    }

    public struct Result: Sendable {
        public var graph: Graph
        public var warnings: [String]
    }

    /// Reads every graph of the file. A file of several graphs gives one dataset in which each
    /// node's id is prefixed by its graph's name (`A:a`, `B:a`), since each graph names its
    /// nodes on its own; any graph cgraph rejects fails the whole read with its message.
    public static func read(dotBytes: Data, sourceName: String, parser: Parser = .inProcess) throws(GraphvizError) -> Result {
        let pieces = DOTGraphs.split(dotBytes)
        guard pieces.count > 1 else { return try read(parser.parse(dotBytes), sourceName: sourceName) }
        var parsedGraphs: [ParsedDOT] = []
        for piece in pieces { parsedGraphs.append(try parser.parse(piece)) }
        var merged = ParsedDOT(name: "", directed: parsedGraphs.contains(where: \.directed), strict: false, nodes: [], edges: [], warnings: [])
        var usedPrefixes: Set<String> = []
        for (position, graph) in parsedGraphs.enumerated() {
            var prefix = cleanID(graph.name.isEmpty ? "graph\(position + 1)" : graph.name)
            while prefix.hasSuffix("-") && prefix.count > 1 { prefix.removeLast() }
            if !usedPrefixes.insert(prefix).inserted { prefix += "-\(position + 1)"; usedPrefixes.insert(prefix) }
            merged.nodes += graph.nodes.map { DOTElement(name: "\(prefix):\($0.name)", attributes: $0.attributes.merging(["dot_graph": graph.name]) { old, _ in old }) }
            merged.edges += graph.edges.map { ("\(prefix):\($0.tail)", "\(prefix):\($0.head)", $0.element) }
            merged.warnings += graph.warnings
            for (key, value) in graph.graphAttributes { merged.graphAttributes["\(prefix):\(key)"] = value }
        }
        var result = try read(merged, sourceName: sourceName)
        result.warnings.insert("the file holds \(parsedGraphs.count) graphs (\(parsedGraphs.map { $0.name.isEmpty ? "unnamed" : $0.name }.joined(separator: ", "))); "
                               + "all are imported, each node's id prefixed by its graph's name", at: 0)
        return result
    }

    private static func read(_ parsed: ParsedDOT, sourceName: String) throws(GraphvizError) -> Result {
        var vocabulary = Vocabulary.builtIn
        vocabulary.declareEntityKind(KindDefinition("node", "a node read from DOT without a kind"))
        vocabulary.declareRelationshipKind(KindDefinition(RelationshipKinds.unspecified, "an edge read from DOT without a kind"))
        let skipped = Set(parsed.nodes.filter { $0.attributes["ergraph_role"] == "legend" }.map(\.name))
        let madeByErgraph = !skipped.isEmpty || parsed.graphAttributes["ergraph_role"] == "diagram"
        // A drawing ergraph made: its presentation attributes are not facts about the entities.
        let presentation: Set<String> = !madeByErgraph ? [] : ["id", "label", "tooltip", "shape", "style", "fillcolor", "color",
                                                               "penwidth", "fontcolor", "URL"]

        var idsByName: [String: String] = [:]
        var usedIDs: Set<String> = []
        var entities: [Entity] = []
        for node in parsed.nodes where !skipped.contains(node.name) {
            var id = cleanID(node.name)
            if usedIDs.contains(id) {
                var counter = 2
                while usedIDs.contains("\(id)-\(counter)") { counter += 1 }
                id = "\(id)-\(counter)"
            }
            usedIDs.insert(id)
            idsByName[node.name] = id
            var attributes = node.attributes.filter { !presentation.contains($0.key) }.mapValues(unescape)
            let kind = kindName(attributes.removeValue(forKey: "kind"), fallback: "node")
            vocabulary.declareEntityKind(KindDefinition(kind, "read from DOT"))
            let label = attributes["label"].flatMap { $0.hasPrefix("<") || $0 == "\\N" || $0.isEmpty ? nil : $0 }
            var name = attributes.removeValue(forKey: "name") ?? label ?? node.name
            // An empty or blank name (DOT allows `""`) reads as the id, the original kept.
            if name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { name = id }
            if id != node.name { attributes["dot_name"] = node.name }
            entities.append(Entity(id: id, kind: kind, name: name, properties: attributes.mapValues(PropertyValue.text)))
        }

        for edge in parsed.edges {
            let kind = kindName(edge.element.attributes["kind"], fallback: RelationshipKinds.unspecified)
            vocabulary.declareRelationshipKind(KindDefinition(kind, "read from DOT"))
        }
        var builder = GraphBuilder(vocabulary: vocabulary)
        builder.title = parsed.name.isEmpty ? sourceName : parsed.name
        // Graph attributes are the dataset's properties, except on a drawing ergraph made, where
        // they only lay it out (its title and legend).
        if !madeByErgraph { builder.properties = parsed.graphAttributes.mapValues { PropertyValue.text(unescape($0)) } }
        for entity in entities {
            // Ids were made unique above and kinds declared, so adding cannot fail.
            _ = try? builder.addEntity(entity)
        }
        var warnings = parsed.warnings
        var usedLinkIDs: Set<String> = []
        for (position, edge) in parsed.edges.enumerated() {
            guard let from = idsByName[edge.tail], let to = idsByName[edge.head] else { continue }
            var attributes = edge.element.attributes.filter { !presentation.contains($0.key) }.mapValues(unescape)
            let kind = kindName(attributes.removeValue(forKey: "kind"), fallback: RelationshipKinds.unspecified)
            var base = attributes.removeValue(forKey: "key") ?? (edge.element.name.isEmpty ? "e\(position + 1)" : edge.element.name)
            if base.isEmpty { base = "e\(position + 1)" }
            var id = base
            var counter = 2
            while usedLinkIDs.contains(id) { id = "\(base)-\(counter)"; counter += 1 }
            usedLinkIDs.insert(id)
            let relationship = Relationship(id: id, kind: kind, from: from, to: to,
                                            properties: attributes.mapValues(PropertyValue.text))
            do {
                try builder.addRelationship(relationship)
            } catch {
                warnings.append("edge \(edge.tail) → \(edge.head) skipped: \(error)")
            }
        }
        return Result(graph: builder.build(), warnings: warnings)
    }

    /// The text a DOT string shows: cgraph keeps escString sequences as written, so `\\` is a
    /// backslash and `\n`, `\l`, `\r` are line ends.
    static func unescape(_ value: String) -> String {
        guard value.contains("\\") else { return value }
        var out = ""
        var iterator = value.makeIterator()
        while let character = iterator.next() {
            guard character == "\\" else { out.append(character); continue }
            switch iterator.next() {
            case "\\"?: out.append("\\")
            case "n"?, "l"?, "r"?: out.append("\n")
            case let other?: out.append("\\"); out.append(other)
            case nil: out.append("\\")
            }
        }
        return out
    }

    /// A valid ergraph id for a DOT node name.
    static func cleanID(_ name: String) -> String {
        var id = ""
        for scalar in name.unicodeScalars {
            let isASCIIAlphanumeric = scalar.isASCII && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar))
            if isASCIIAlphanumeric || "._:-".unicodeScalars.contains(scalar) {
                id.unicodeScalars.append(scalar)
            } else if !id.hasSuffix("-") {
                id += "-"
            }
        }
        while id.hasPrefix("-") || id.hasPrefix(".") || id.hasPrefix("_") || id.hasPrefix(":") { id.removeFirst() }
        return id.isEmpty ? "node" : id
    }

    static func kindName(_ value: String?, fallback: String) -> String {
        guard let value else { return fallback }
        var kind = ""
        for scalar in value.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) { kind.unicodeScalars.append(scalar) } else if !kind.hasSuffix("_") { kind += "_" }
        }
        while kind.first.map({ !$0.isLetter }) ?? false { kind.removeFirst() }
        while kind.hasSuffix("_") { kind.removeLast() }
        return kind.isEmpty ? fallback : kind
    }
}
