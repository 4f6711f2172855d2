import ERGraph
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads GraphML (as written by ergraph, yEd, Gephi or networkx) into a graph: `<key>`
/// declarations give attribute names and types, nodes become entities, edges relationships.
public enum GraphMLReader {
    public static func read(_ data: Data, name: String) throws(ImportError) -> Graph {
        try readReporting(data, name: name).graph
    }

    /// The graph, and what could not go into it (a repeated node id, a refused link), named.
    public static func readReporting(_ data: Data, name: String) throws(ImportError) -> (graph: Graph, warnings: [String]) {
        let data = try XMLInput.prepared(data, name: name, format: "GraphML")
        let collector = Collector()
        let parser = XMLParser(data: data)
        parser.delegate = collector
        // A truncated file can parse "successfully" up to its end: also require the closing tag.
        let parsed = parser.parse()
        if let problem = collector.problem {
            throw ImportError("\(name):\(problem.line):\(problem.column): invalid GraphML: \(problem.message)")
        }
        guard parsed, collector.sawGraphML, collector.closedGraphML else {
            let line = parser.lineNumber, column = parser.columnNumber
            let reason = !collector.sawGraphML ? "no <graphml> element"
                : (parser.parserError.map { "\($0.localizedDescription)" } ?? "the file ends before </graphml>")
            throw ImportError("\(name):\(line):\(column): invalid GraphML: \(reason)")
        }
        var builder = FlatGraphBuilder(title: collector.graphID ?? name)
        builder.addSources(json: collector.graphValues["ergraph_sources"]?.text)
        for node in collector.nodes { builder.addNode(id: node.id, attributes: node.values) }
        for edge in collector.edges { builder.addEdge(id: edge.id, from: edge.source, to: edge.target, attributes: edge.values) }
        let built = builder.buildReporting()
        return (built.graph, built.warnings.map { "\(name): \($0)" })
    }

    private final class Collector: NSObject, XMLParserDelegate {
        struct Key { var name: String; var type: String }
        struct Element { var id: String?; var source = ""; var target = ""; var values: [String: FlatValue] = [:] }

        var sawGraphML = false
        var closedGraphML = false
        var graphID: String?
        var graphValues: [String: FlatValue] = [:]
        var keys: [String: Key] = [:]
        var nodes: [(id: String, values: [String: FlatValue])] = []
        var edges: [(id: String?, source: String, target: String, values: [String: FlatValue])] = []
        private var current: Element?
        private var isEdge = false
        private var dataKey: String?
        private var text = ""
        /// The first element the GraphML schema forbids (a node without an id, an edge without
        /// both ends): the file is refused there rather than the element dropped or guessed at.
        var problem: (line: Int, column: Int, message: String)?

        private func refuse(_ parser: XMLParser, _ message: String) {
            guard problem == nil else { return }
            problem = (parser.lineNumber, parser.columnNumber, message)
            parser.abortParsing()
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            switch name {
            case "graphml": sawGraphML = true
            case "key":
                if let id = attributes["id"] {
                    keys[id] = Key(name: attributes["attr.name"] ?? id, type: attributes["attr.type"] ?? "string")
                }
            case "graph": graphID = graphID ?? attributes["id"]
            case "node":
                guard let id = attributes["id"], !id.isEmpty else { return refuse(parser, "a <node> without an id (GraphML requires one)") }
                current = Element(id: id); isEdge = false
            case "edge":
                guard let source = attributes["source"], !source.isEmpty, let target = attributes["target"], !target.isEmpty else {
                    return refuse(parser, "an <edge> without a \(attributes["source"]?.isEmpty == false ? "target" : "source") (GraphML requires both ends)")
                }
                current = Element(id: attributes["id"], source: source, target: target)
                isEdge = true
            case "data": dataKey = attributes["key"]; text = ""
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { if dataKey != nil { text += string } }

        /// A value written as `<![CDATA[…]]>` (yEd and others do) is text like any other.
        func parser(_ parser: XMLParser, foundCDATA block: Data) {
            if dataKey != nil { text += String(decoding: block, as: UTF8.self) }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "graphml": closedGraphML = true
            case "data":
                if let key = dataKey {
                    let declared = keys[key] ?? Key(name: key, type: "string")
                    if current != nil {
                        current?.values[declared.name] = Self.value(text, type: declared.type)
                    } else {
                        graphValues[declared.name] = Self.value(text, type: declared.type)
                    }
                }
                dataKey = nil
            case "node":
                if let element = current, let id = element.id { nodes.append((id, element.values)) }
                current = nil
            case "edge":
                if let element = current { edges.append((element.id, element.source, element.target, element.values)) }
                current = nil
            default: break
            }
        }

        static func value(_ text: String, type: String) -> FlatValue {
            switch type {
            case "int", "long": Int(text).map(FlatValue.integer) ?? .string(text)
            case "float", "double": Double(text).map(FlatValue.double) ?? .string(text)
            case "boolean": .boolean(text.lowercased() == "true")
            default: .string(text)
            }
        }
    }
}
