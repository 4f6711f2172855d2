import ERGraph
import Foundation

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
