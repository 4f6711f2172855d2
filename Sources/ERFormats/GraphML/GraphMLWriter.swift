import ERGraph
import Foundation

/// GraphML (graphml.graphdrawing.org), as yEd, Gephi, Cytoscape and networkx read it: one
/// `<key>` per attribute with its type, nodes by entity id, edges by relationship id
/// (parallel edges kept apart), in the graph's order.
public enum GraphMLWriter: GraphExporter {
    public static let name = "graphml"
    public static let fileExtension = "graphml"
    public static let summary = "GraphML for yEd, Gephi, Cytoscape and networkx"

    public static func export(_ graph: Graph) throws -> [ExportFile] {
        [ExportFile(part: "", data: Data(write(graph).utf8))]
    }

    public static func write(_ graph: Graph) -> String {
        let nodes = graph.entityIndices.map { (graph.id(of: $0), FlatAttributes.entity(graph.entity($0))) }
        let edges = graph.relationshipIndices.map { link in
            (graph.id(of: link), graph.id(of: graph.from(link)), graph.id(of: graph.to(link)),
             FlatAttributes.relationship(graph.relationship(link)))
        }
        let nodeTypes = FlatAttributes.columnTypes(nodes.map(\.1))
        let edgeTypes = FlatAttributes.columnTypes(edges.map(\.3))
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

            """
        // Key ids are positional (n0, n1, … and e0, e1, …) so attribute names never need escaping in ids.
        let nodeKeys = nodeTypes.keys.sorted()
        let edgeKeys = edgeTypes.keys.sorted()
        for (position, key) in nodeKeys.enumerated() {
            out += "  <key id=\"n\(position)\" for=\"node\" attr.name=\"\(FlatAttributes.xml(key))\" attr.type=\"\(FlatAttributes.xmlType(nodeTypes[key]))\"/>\n"
        }
        for (position, key) in edgeKeys.enumerated() {
            out += "  <key id=\"e\(position)\" for=\"edge\" attr.name=\"\(FlatAttributes.xml(key))\" attr.type=\"\(FlatAttributes.xmlType(edgeTypes[key]))\"/>\n"
        }
        let sources = FlatAttributes.sourcesJSON(graph)
        if sources != nil {
            out += "  <key id=\"g0\" for=\"graph\" attr.name=\"ergraph_sources\" attr.type=\"string\"/>\n"
        }
        out += "  <graph id=\"\(FlatAttributes.xml(graph.title ?? "ergraph"))\" edgedefault=\"directed\">\n"
        if let sources { out += "    <data key=\"g0\">\(FlatAttributes.xml(sources))</data>\n" }
        for (id, values) in nodes {
            out += "    <node id=\"\(FlatAttributes.xml(id))\">\n"
            for (position, key) in nodeKeys.enumerated() {
                guard let value = values[key] else { continue }
                out += "      <data key=\"n\(position)\">\(FlatAttributes.xml(value.text))</data>\n"
            }
            out += "    </node>\n"
        }
        for (id, from, to, values) in edges {
            out += "    <edge id=\"\(FlatAttributes.xml(id))\" source=\"\(FlatAttributes.xml(from))\" target=\"\(FlatAttributes.xml(to))\">\n"
            for (position, key) in edgeKeys.enumerated() {
                guard let value = values[key] else { continue }
                out += "      <data key=\"e\(position)\">\(FlatAttributes.xml(value.text))</data>\n"
            }
            out += "    </edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
        return out
    }
}
