import ERGraph
import Foundation

/// GEXF 1.3 (gexf.net), Gephi's own format: attributes declared per class with their types,
/// nodes labelled with their names, edges labelled with their kind, parallel edges kept apart.
public enum GEXFWriter: GraphExporter {
    public static let name = "gexf"
    public static let fileExtension = "gexf"
    public static let summary = "GEXF 1.3 for Gephi (and networkx)"

    public static func export(_ graph: Graph) throws -> [ExportFile] {
        [ExportFile(part: "", data: Data(write(graph).utf8))]
    }

    public static func write(_ graph: Graph) -> String {
        let nodes = graph.entityIndices.map { entity in
            (graph.id(of: entity), graph.name(of: entity), FlatAttributes.entity(graph.entity(entity)))
        }
        let edges = graph.relationshipIndices.map { link in
            (graph.id(of: link), graph.id(of: graph.from(link)), graph.id(of: graph.to(link)), graph.kind(of: link),
             FlatAttributes.relationship(graph.relationship(link)))
        }
        let nodeTypes = FlatAttributes.columnTypes(nodes.map(\.2))
        let edgeTypes = FlatAttributes.columnTypes(edges.map(\.4))
        let nodeKeys = nodeTypes.keys.sorted()
        let edgeKeys = edgeTypes.keys.sorted()
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
              <meta>
                <creator>ergraph</creator>
                <description>\(FlatAttributes.xml(graph.title ?? "ergraph"))</description>
              </meta>
              <graph mode="static" defaultedgetype="directed">

            """
        out += "    <attributes class=\"node\">\n"
        for (position, key) in nodeKeys.enumerated() {
            out += "      <attribute id=\"\(position)\" title=\"\(FlatAttributes.xml(key))\" type=\"\(FlatAttributes.xmlType(nodeTypes[key]))\"/>\n"
        }
        out += "    </attributes>\n    <attributes class=\"edge\">\n"
        for (position, key) in edgeKeys.enumerated() {
            out += "      <attribute id=\"\(position)\" title=\"\(FlatAttributes.xml(key))\" type=\"\(FlatAttributes.xmlType(edgeTypes[key]))\"/>\n"
        }
        out += "    </attributes>\n    <nodes>\n"
        for (id, name, values) in nodes {
            out += "      <node id=\"\(FlatAttributes.xml(id))\" label=\"\(FlatAttributes.xml(name))\">\n        <attvalues>\n"
            for (position, key) in nodeKeys.enumerated() {
                guard let value = values[key] else { continue }
                out += "          <attvalue for=\"\(position)\" value=\"\(FlatAttributes.xml(value.text))\"/>\n"
            }
            out += "        </attvalues>\n      </node>\n"
        }
        out += "    </nodes>\n    <edges>\n"
        for (id, from, to, kind, values) in edges {
            out += "      <edge id=\"\(FlatAttributes.xml(id))\" source=\"\(FlatAttributes.xml(from))\" target=\"\(FlatAttributes.xml(to))\" label=\"\(FlatAttributes.xml(kind))\">\n        <attvalues>\n"
            for (position, key) in edgeKeys.enumerated() {
                guard let value = values[key] else { continue }
                out += "          <attvalue for=\"\(position)\" value=\"\(FlatAttributes.xml(value.text))\"/>\n"
            }
            out += "        </attvalues>\n      </edge>\n"
        }
        out += "    </edges>\n  </graph>\n</gexf>\n"
        return out
    }
}
