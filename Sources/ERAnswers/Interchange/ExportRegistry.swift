import ERFormats
import ERGraph
import Foundation

/// How drawn exports look, and how partitioned ones split (each format ignores the rest).
public struct ExportOptions: Sendable {
    public var title: String?
    public var clusterBy: ClusterMode
    /// Rows per file of a partitioned export (`spark`).
    public var partitionRows: Int
    public static let defaultPartitionRows = SparkTablesWriter.defaultPartitionRows

    public init(title: String? = nil, clusterBy: ClusterMode = .none, partitionRows: Int = SparkTablesWriter.defaultPartitionRows) {
        self.title = title
        self.clusterBy = clusterBy
        self.partitionRows = partitionRows
    }
}

/// A format the graph can be exported in.
public struct ExportFormat: Sendable {
    public var name: String
    public var summary: String
    public var fileExtension: String
    /// The file whose presence marks a folder as this format's, for formats that write a
    /// folder (`-o DIR`, each file's `part` a path inside it); nil for formats of one file or of
    /// files named after `-o`.
    public var folderMarker: String? = nil
    /// Writes the graph; also returns warnings (a source link that could not be drawn).
    public var write: @Sendable (Graph, ExportOptions) throws -> (files: [ExportFile], warnings: [String])
}

/// Every export by name: the readers-and-writers library's formats plus the drawn ones (DOT,
/// exactly what `render` lays out; Mermaid). A new format is one file and one line here.
public enum ExportRegistry {
    public static let all: [ExportFormat] = {
        var formats = [ExportFormat(name: "dot", summary: "the DOT that 'render' lays out, every contract kept as an entity (as written), the legend in the graph's label", fileExtension: "gv") { graph, options in
            let composer = DiagramComposer(options: .init(title: options.title, clusterBy: options.clusterBy, legendInTitle: true))
            let diagram = composer.compose(.whole(graph), of: graph)
            return ([ExportFile(part: "", data: Data(diagram.dot.utf8))], diagram.warnings)
        }]
        for exporter in ExportFormats.all + [MermaidWriter.self] {
            formats.append(ExportFormat(name: exporter.name, summary: exporter.summary, fileExtension: exporter.fileExtension) { graph, _ in
                (try exporter.export(graph), [])
            })
        }
        formats.append(ExportFormat(name: SparkTablesWriter.name, summary: SparkTablesWriter.summary, fileExtension: "",
                                    folderMarker: SparkTablesWriter.schemaFile) { graph, options in
            (try SparkTablesWriter.files(graph, partitionRows: options.partitionRows), [])
        })
        return formats
    }()

    public static var names: [String] { all.map(\.name) }

    /// The formats that are files, which a web page offers as downloads; a folder of
    /// partitioned tables (`spark`) is for a cluster, not a browser.
    public static var downloadable: [ExportFormat] { all.filter { $0.folderMarker == nil } }

    public static func named(_ name: String) -> ExportFormat? { all.first { $0.name == name } }
}
