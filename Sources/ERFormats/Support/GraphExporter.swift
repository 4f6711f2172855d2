import ERGraph
import Foundation

/// One file an export writes: a name suffix (empty for the main file) and its bytes.
public struct ExportFile: Sendable {
    /// Added to the output path's stem: `""` for single-file formats, `entities`/`relationships` for CSV.
    public var part: String
    public var data: Data

    public init(part: String, data: Data) {
        self.part = part
        self.data = data
    }
}

/// A format the graph can be written in.
public protocol GraphExporter: Sendable {
    /// The name used on the command line: `graphml`, `gexf`, …
    static var name: String { get }
    /// The usual file extension.
    static var fileExtension: String { get }
    /// One line saying what reads it.
    static var summary: String { get }
    static func export(_ graph: Graph) throws -> [ExportFile]
}
