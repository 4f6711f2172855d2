import ERFormats
import ERGraph
import Foundation

/// A Mermaid flowchart (`flowchart LR`) that GitHub, GitLab and most Markdown viewers draw:
/// one node per entity with its name, one arrow per relationship labelled as every answer
/// words it (``Wording/arrowLabel(_:)``), a class per entity kind in the diagrams' colours.
public enum MermaidWriter: GraphExporter {
    public static let name = "mermaid"
    public static let fileExtension = "mmd"
    public static let summary = "a Mermaid flowchart for Markdown"

    public static func export(_ graph: Graph) throws -> [ExportFile] {
        [ExportFile(part: "", data: Data(write(graph).utf8))]
    }

    public static func write(_ graph: Graph) -> String {
        var lines = ["flowchart LR"]
        // Mermaid ids must be simple words: entities get n0, n1, … in index order.
        for entity in graph.entityIndices {
            lines.append("  n\(entity.rawValue)[\"\(text(graph.name(of: entity)))\"]:::\(className(graph.kind(of: entity)))")
        }
        for link in graph.relationshipIndices {
            let record = graph.relationship(link)
            let label = Wording.arrowLabel(record, in: graph.vocabulary)
            lines.append("  n\(graph.from(link).rawValue) -->|\"\(text(label))\"| n\(graph.to(link).rawValue)")
        }
        let used = Set(graph.entityIndices.map { graph.kind(of: $0) })
        for kind in used.sorted() {
            let style = Theme.standard.entityStyle(kind)
            lines.append("  classDef \(className(kind)) fill:\(style.fill),stroke:\(style.border)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func className(_ kind: String) -> String {
        "k_" + kind.filter { $0.isLetter || $0.isNumber || $0 == "_" }
    }

    /// Mermaid label text: quotes and markup become entity codes, line breaks spaces.
    static func text(_ value: String) -> String {
        var out = ""
        for character in value {
            switch character {
            case "\"": out += "#quot;"
            case "<": out += "#lt;"
            case ">": out += "#gt;"
            case "#": out += "#35;"
            case "|": out += "#124;"
            case "\n", "\r": out += " "
            default: out.append(character)
            }
        }
        return out
    }
}
