import ERGraph
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Why a file could not be imported.
public struct ImportError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Reads GraphML (as written by ergraph, yEd, Gephi or networkx) into a graph: `<key>`
/// declarations give attribute names and types, nodes become entities, edges relationships.
public enum GraphMLReader {
    public static func read(_ data: Data, name: String) throws(ImportError) -> Graph {
        let collector = Collector()
        let parser = XMLParser(data: data)
        parser.delegate = collector
        // A truncated file can parse "successfully" up to its end: also require the closing tag.
        guard parser.parse(), collector.sawGraphML, collector.closedGraphML else {
            let line = parser.lineNumber, column = parser.columnNumber
            let reason = !collector.sawGraphML ? "no <graphml> element"
                : (parser.parserError.map { "\($0.localizedDescription)" } ?? "the file ends before </graphml>")
            throw ImportError("\(name):\(line):\(column): invalid GraphML: \(reason)")
        }
        var builder = FlatGraphBuilder(title: collector.graphID ?? name)
        builder.addSources(json: collector.graphValues["ergraph_sources"]?.text)
        for node in collector.nodes { builder.addNode(id: node.id, attributes: node.values) }
        for edge in collector.edges { builder.addEdge(id: edge.id, from: edge.source, to: edge.target, attributes: edge.values) }
        return builder.build()
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

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            switch name {
            case "graphml": sawGraphML = true
            case "key":
                if let id = attributes["id"] {
                    keys[id] = Key(name: attributes["attr.name"] ?? id, type: attributes["attr.type"] ?? "string")
                }
            case "graph": graphID = graphID ?? attributes["id"]
            case "node": current = Element(id: attributes["id"]); isEdge = false
            case "edge":
                current = Element(id: attributes["id"], source: attributes["source"] ?? "", target: attributes["target"] ?? "")
                isEdge = true
            case "data": dataKey = attributes["key"]; text = ""
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { if dataKey != nil { text += string } }

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

/// Reads node-link JSON (`nodes` with `id`, `links` or `edges` with `source` and `target`), as
/// ergraph, D3 and networkx write it.
public enum NodeLinkJSONReader {
    public static func read(_ data: Data, name: String) throws(ImportError) -> Graph {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw ImportError("\(name): invalid JSON: \((error as NSError).userInfo[NSDebugDescriptionErrorKey] ?? error.localizedDescription)")
        }
        guard let document = object as? [String: Any], let nodes = document["nodes"] as? [[String: Any]] else {
            throw ImportError("\(name): not node-link JSON: expected an object with a \"nodes\" list")
        }
        let links = (document["links"] ?? document["edges"]) as? [[String: Any]] ?? []
        let title = (document["graph"] as? [String: Any])?["name"] as? String
        var builder = FlatGraphBuilder(title: title ?? name)
        builder.addSources(json: (document["graph"] as? [String: Any])?["ergraph_sources"] as? String)
        for (position, node) in nodes.enumerated() {
            guard let id = text(node["id"]) else { throw ImportError("\(name): node \(position + 1) has no \"id\"") }
            builder.addNode(id: id, attributes: flat(node, except: ["id"]))
        }
        for (position, link) in links.enumerated() {
            guard let source = text(link["source"]), let target = text(link["target"]) else {
                throw ImportError("\(name): link \(position + 1) lacks \"source\" or \"target\"")
            }
            builder.addEdge(id: text(link["key"]) ?? text(link["id"]), from: source, to: target,
                            attributes: flat(link, except: ["source", "target", "key", "id"]))
        }
        return builder.build()
    }

    private static func text(_ value: Any?) -> String? {
        switch value {
        case let string as String: string
        case let number as NSNumber: number.stringValue
        default: nil
        }
    }

    private static func flat(_ object: [String: Any], except skipped: Set<String>) -> [String: FlatValue] {
        var values: [String: FlatValue] = [:]
        for (key, value) in object where !skipped.contains(key) {
            switch value {
            case let string as String: values[key] = .string(string)
            case let flag as Bool where type(of: value) == Bool.self: values[key] = .boolean(flag)
            case let integer as Int where type(of: value) == Int.self: values[key] = .integer(integer)
            case let number as NSNumber:
                let text = number.stringValue
                if let integer = Int(text) { values[key] = .integer(integer) } else { values[key] = .double(number.doubleValue) }
            case let number as Double: values[key] = .double(number)
            default: values[key] = .string("\(value)")
            }
        }
        return values
    }
}
