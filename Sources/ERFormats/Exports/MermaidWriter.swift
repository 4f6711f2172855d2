import ERGraph
import Foundation

/// A Mermaid flowchart (`flowchart LR`) that GitHub, GitLab and most Markdown viewers draw:
/// one node per entity with its name, one arrow per relationship labelled with its kind, money
/// and date, a class per entity kind.
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
            var label = record.kind.replacingOccurrences(of: "_", with: " ")
            if !record.amounts.isEmpty { label += " " + record.amounts.map(\.compact).joined(separator: " + ") }
            if let start = record.validity.start { label += " " + start.description }
            lines.append("  n\(graph.from(link).rawValue) -->|\"\(text(label))\"| n\(graph.to(link).rawValue)")
        }
        let theme = [("agency", "#CFE3F2", "#0072B2"), ("company", "#FBE3B6", "#E69F00"), ("product", "#C7EBDD", "#009E73"),
                     ("contract", "#FBF6C6", "#A89A00"), ("person", "#F2D9E6", "#CC79A7"), ("publication", "#DDEFFA", "#56B4E9"),
                     ("government", "#E3E3E3", "#555555")]
        let used = Set(graph.entityIndices.map { className(graph.kind(of: $0)) })
        for (kind, fill, stroke) in theme where used.contains(className(kind)) {
            lines.append("  classDef \(className(kind)) fill:\(fill),stroke:\(stroke)")
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
