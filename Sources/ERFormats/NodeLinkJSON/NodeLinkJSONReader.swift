import ERGraph
import Foundation

/// Which fields of a node-link file hold what, for files from other projects.
public struct NodeLinkKeys: Sendable, Equatable {
    /// The node field that identifies a node; nil: `id`, else (when no node has one) `name`,
    /// else the node's position.
    public var id: String?
    /// The node field that names it.
    public var name: String
    /// The node field that gives its kind.
    public var kind: String
    /// The link field that gives its kind (by default the same as ``kind``).
    public var linkKind: String?
    /// A link field holding a number to read as the link's `amount` (for `--weight amount`).
    public var amount: String?

    public init(id: String? = nil, name: String = "name", kind: String = "kind", linkKind: String? = nil, amount: String? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.linkKind = linkKind
        self.amount = amount
    }
}

/// Reads node-link JSON (`nodes`, and `links` or `edges` with `source` and `target`), as
/// ergraph, D3 and networkx write it, and as other projects do: nodes keyed by `id`, by `name`
/// (D3's Sankey files have no `id`, their links point at positions) or by a field the reader is
/// told; list and object values kept as canonical JSON text (sorted keys: the same bytes on
/// every run); `null` read as absent; a field spelled two ways reported.
public enum NodeLinkJSONReader {
    public struct Result: Sendable {
        public var graph: Graph
        public var warnings: [String]
    }

    public static func read(_ data: Data, name: String) throws(ImportError) -> Graph {
        try read(data, name: name, keys: NodeLinkKeys()).graph
    }

    public static func read(_ data: Data, name: String, keys: NodeLinkKeys) throws(ImportError) -> Result {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw ImportError("\(name): invalid JSON: \((error as NSError).userInfo[NSDebugDescriptionErrorKey] ?? error.localizedDescription)")
        }
        guard let document = object as? [String: Any], let nodes = document["nodes"] as? [Any] else {
            throw ImportError("\(name): not node-link JSON: expected an object with a \"nodes\" list")
        }
        let links = (document["links"] ?? document["edges"]) as? [Any] ?? []
        let graphAttributes = document["graph"] as? [String: Any]
        var builder = FlatGraphBuilder(title: (graphAttributes?["name"] as? String) ?? name)
        builder.addSources(json: graphAttributes?["ergraph_sources"] as? String)
        var warnings: [String] = []

        // Which field keys the nodes.
        let nodeRecords = try nodes.enumerated().map { (position, node) throws(ImportError) -> [String: Any] in
            guard let record = node as? [String: Any] else { throw ImportError("\(name): node \(position + 1) is not an object") }
            return record
        }
        let idKey: String?
        if let key = keys.id {
            idKey = key
        } else if nodeRecords.contains(where: { text($0["id"]) != nil }) {
            idKey = "id"
        } else if !nodeRecords.isEmpty, nodeRecords.allSatisfy({ text($0[keys.name]) != nil }) {
            idKey = keys.name
            warnings.append("\(name): the nodes have no \"id\"; they are keyed by their \"\(keys.name)\"")
        } else {
            idKey = nil
            if !nodeRecords.isEmpty { warnings.append("\(name): the nodes have no \"id\"; they are keyed by their position") }
        }
        var idAtPosition: [String] = []
        var known: Set<String> = []
        for (position, node) in nodeRecords.enumerated() {
            let id: String
            if let idKey {
                guard let value = text(node[idKey]) else { throw ImportError("\(name): node \(position + 1) has no \"\(idKey)\"") }
                id = value
            } else {
                id = String(position)
            }
            idAtPosition.append(id)
            if !known.insert(id).inserted {
                warnings.append("\(name): node \(position + 1) repeats the id '\(id)'; the first node with it is kept")
                continue
            }
            var attributes = flat(node, except: idKey.map { [$0] } ?? [])
            rename(&attributes, keys.kind, to: "kind")
            if idKey != keys.name { rename(&attributes, keys.name, to: "name") }
            builder.addNode(id: id, attributes: attributes)
        }
        for (position, element) in links.enumerated() {
            guard let link = element as? [String: Any] else { throw ImportError("\(name): link \(position + 1) is not an object") }
            guard let source = end(link["source"], known: known, positions: idAtPosition),
                  let target = end(link["target"], known: known, positions: idAtPosition) else {
                throw ImportError("\(name): link \(position + 1) lacks \"source\" or \"target\"")
            }
            var attributes = flat(link, except: ["source", "target", "key", "id"])
            rename(&attributes, keys.linkKind ?? keys.kind, to: "kind")
            if let amount = keys.amount { rename(&attributes, amount, to: "amount") }
            builder.addEdge(id: text(link["key"]) ?? text(link["id"]), from: source, to: target, attributes: attributes)
        }
        warnings += spelledTwoWays(nodeRecords, what: "node", file: name)
        warnings += spelledTwoWays(links.compactMap { $0 as? [String: Any] }, what: "link", file: name)
        let built = builder.buildReporting()
        return Result(graph: built.graph, warnings: warnings + built.warnings.map { "\(name): \($0)" })
    }

    /// A link's end: a node's id, or (D3's convention when nodes have no id) a node's position.
    private static func end(_ value: Any?, known: Set<String>, positions: [String]) -> String? {
        guard let id = text(value) else { return nil }
        if known.contains(id) { return id }
        if let number = value as? NSNumber, let index = Int(exactly: number.doubleValue), positions.indices.contains(index) {
            return positions[index]
        }
        return id
    }

    private static func rename(_ attributes: inout [String: FlatValue], _ key: String, to name: String) {
        guard key != name, let value = attributes.removeValue(forKey: key) else { return }
        attributes[name] = value
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
            case is NSNull: continue
            case let string as String: values[key] = .string(string)
            case let flag as Bool where type(of: value) == Bool.self: values[key] = .boolean(flag)
            case let integer as Int where type(of: value) == Int.self: values[key] = .integer(integer)
            case let number as NSNumber:
                let text = number.stringValue
                if let integer = Int(text) { values[key] = .integer(integer) } else { values[key] = .double(number.doubleValue) }
            case let number as Double: values[key] = .double(number)
            default:
                // Lists and objects: canonical JSON, so two imports of one file give the same bytes.
                if JSONSerialization.isValidJSONObject(value),
                   let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes]) {
                    values[key] = .string(String(decoding: data, as: UTF8.self))
                }
            }
        }
        return values
    }

    /// Fields whose names differ only in case, `_`, `-` or spaces (`childOf`, `child_of`): one
    /// warning per pair, naming how many records use each.
    private static func spelledTwoWays(_ records: [[String: Any]], what: String, file: String) -> [String] {
        var spellings: [String: [String: Int]] = [:]
        for record in records {
            for key in record.keys {
                let folded = key.lowercased().filter { $0 != "_" && $0 != "-" && $0 != " " }
                spellings[folded, default: [:]][key, default: 0] += 1
            }
        }
        return spellings.keys.sorted().compactMap { folded in
            guard let forms = spellings[folded], forms.count > 1 else { return nil }
            let listed = forms.keys.sorted().map { key in
                let count = forms[key] ?? 0
                return "'\(key)' (\(count) \(what)\(count == 1 ? "" : "s"))"
            }
            return "\(file): one field of the \(what)s is spelled \(forms.count) ways: \(listed.joined(separator: ", ")); "
                + "they are kept as separate properties"
        }
    }
}
