import ERGraph
import Foundation

/// Reads GraphML (as written by ergraph, yEd, Gephi or networkx) into a graph: `<key>`
/// declarations give attribute names and types, nodes become entities, edges relationships.
public enum GraphMLReader {
    public static func read(_ data: Data, name: String) throws(ImportError) -> Graph {
        try readReporting(data, name: name).graph
    }

    /// The graph, and what could not go into it (a repeated node id, a refused link), named.
    public static func readReporting(_ data: Data, name: String) throws(ImportError) -> (graph: Graph, warnings: [String]) {
        try XMLInput.checkEncoding(data, name: name, format: "GraphML")
        let collector = Collector()
        do {
            try XMLEvents.parse(data, handler: collector)
        } catch {
            throw ImportError("\(name):\(error.position.line):\(error.position.column): invalid GraphML: \(error.message)")
        }
        // A truncated file can end cleanly after any element: also require the closing tag.
        guard collector.sawGraphML, collector.closedGraphML else {
            throw ImportError("\(name): invalid GraphML: " + (collector.sawGraphML ? "the file ends before </graphml>" : "no <graphml> element"))
        }
        var builder = FlatGraphBuilder(title: collector.graphID ?? name)
        builder.addSources(json: collector.graphValues["ergraph_sources"]?.text)
        for node in collector.nodes { builder.addNode(id: node.id, attributes: node.values) }
        for edge in collector.edges { builder.addEdge(id: edge.id, from: edge.source, to: edge.target, attributes: edge.values) }
        let built = builder.buildReporting()
        return (built.graph, built.warnings.map { "\(name): \($0)" })
    }

    private final class Collector: XMLEventHandler {
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
        private var dataKey: String?
        private var text = ""

        /// Refuses what the GraphML schema forbids (a node without an id, an edge without both
        /// ends) at its place, rather than dropping the element or guessing at it.
        func startElement(_ name: String, attributes: [String: String]) -> String? {
            switch name {
            case "graphml": sawGraphML = true
            case "key":
                if let id = attributes["id"] {
                    keys[id] = Key(name: attributes["attr.name"] ?? id, type: attributes["attr.type"] ?? "string")
                }
            case "graph": graphID = graphID ?? attributes["id"]
            case "node":
                guard let id = attributes["id"], !id.isEmpty else { return "a <node> without an id (GraphML requires one)" }
                current = Element(id: id)
            case "edge":
                guard let source = attributes["source"], !source.isEmpty, let target = attributes["target"], !target.isEmpty else {
                    return "an <edge> without a \(attributes["source"]?.isEmpty == false ? "target" : "source") (GraphML requires both ends)"
                }
                current = Element(id: attributes["id"], source: source, target: target)
            case "data": dataKey = attributes["key"]; text = ""
            default: break
            }
            return nil
        }

        func characters(_ string: String) { if dataKey != nil { text += string } }

        func endElement(_ name: String) {
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
