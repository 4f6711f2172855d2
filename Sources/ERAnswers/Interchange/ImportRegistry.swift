import ERFormats
import ERGraph
import ERRender
import Foundation

/// What an import is asked to read.
public struct ImportRequest: Sendable {
    /// The input files: one, or two for node and relationship lists.
    public var files: [String]
    /// The mapping of a table import.
    public var mapping: String?
    /// Make any row that cannot be used fatal.
    public var strict: Bool
    /// For node-link files from other projects: which fields hold the id, name, kind and amount.
    public var nodeLinkKeys: NodeLinkKeys
    /// Told how far a long import has come (rows, bytes), every few thousand rows.
    public var progress: (@Sendable (ImportProgress) -> Void)?
    /// Where DOT is parsed: an executable that accepts `parse-worker` (ergraph itself), so that
    /// Graphviz's parser runs in a process of its own; nil parses in this process.
    public var parseWorker: URL?

    public init(files: [String], mapping: String? = nil, strict: Bool = false, nodeLinkKeys: NodeLinkKeys = NodeLinkKeys(),
                progress: (@Sendable (ImportProgress) -> Void)? = nil, parseWorker: URL? = nil) {
        self.files = files
        self.mapping = mapping
        self.strict = strict
        self.nodeLinkKeys = nodeLinkKeys
        self.progress = progress
        self.parseWorker = parseWorker
    }
}

/// What an import made, and what the asker should know about it.
public struct Imported: Sendable {
    public var graph: Graph
    /// Groups of ids that name one entity, to be written into the dataset.
    public var sameAs: [[String]] = []
    /// Problems that did not stop the import (a row not used, an attribute not understood),
    /// each already worded with its file and line where there is one.
    public var warnings: [String] = []
    /// Diagnostics of the mapping file itself.
    public var diagnostics: [Diagnostic] = []
    /// A closing line: how many rows were read and used.
    public var summary: String?
    /// How the dataset's header comment names the input.
    public var origin: String

    public init(graph: Graph, sameAs: [[String]] = [], warnings: [String] = [], diagnostics: [Diagnostic] = [],
                summary: String? = nil, origin: String) {
        self.graph = graph
        self.sameAs = sameAs
        self.warnings = warnings
        self.diagnostics = diagnostics
        self.summary = summary
        self.origin = origin
    }
}

/// A format a dataset can be imported from.
public struct ImportFormat: Sendable {
    public var name: String
    public var summary: String
    /// How many input files it takes; nil: any number (tables through one mapping).
    public var fileCount: Int?
    /// Whether it needs a mapping file.
    public var takesMapping: Bool
    public var read: @Sendable (ImportRequest) throws(AnswerError) -> Imported

    /// Reads the request and makes what it read a dataset ergraph accepts: ids that are not
    /// valid ergraph ids become stable slugs (``ImportedIdentifiers``), the originals kept.
    public func run(_ request: ImportRequest) throws(AnswerError) -> Imported {
        var imported = try read(request)
        let normalized = ImportedIdentifiers.normalize(imported.graph)
        // The graph changes also when only links a list gave no id were named (`link-N`), which
        // the warning does not count.
        imported.graph = normalized.graph
        if normalized.renamed > 0 {
            imported.warnings.append("\(Wording.count(normalized.renamed, "id")) of \(imported.origin) "
                                     + (normalized.renamed == 1 ? "was not a valid ergraph id" : "were not valid ergraph ids") + " (or differed only in case) "
                                     + (normalized.renamed == 1 ? "and became a readable one; the original is kept as the property source_id"
                                        : "and became readable ones; each original is kept as the property source_id"))
        }
        imported.graph = Self.citingTheFile(imported.graph, origin: imported.origin)
        return imported
    }

    /// Links that cite nothing cite the imported file itself, a source of its own: the file is
    /// the evidence the import has for them, and saying so keeps every link sourced.
    static func citingTheFile(_ graph: Graph, origin: String) -> Graph {
        let uncited = graph.relationshipIndices.filter { graph.relationship($0).citations.isEmpty }
        guard !uncited.isEmpty else { return graph }
        var sourceID = "imported-file"
        var counter = 2
        while graph.source(withID: sourceID) != nil { sourceID = "imported-file-\(counter)"; counter += 1 }
        var builder = GraphBuilder(vocabulary: graph.vocabulary)
        builder.title = graph.title
        builder.summaryText = graph.summaryText
        builder.properties = graph.properties
        for source in graph.sources { builder.addSource(source) }
        builder.addSource(Source(id: sourceID, title: origin))
        for entity in graph.entityIndices { _ = try? builder.addEntity(graph.entity(entity)) }
        for link in graph.relationshipIndices {
            var record = graph.relationship(link)
            if record.citations.isEmpty { record.citations = [Citation(source: sourceID)] }
            // The same ids, kinds and ends as the graph they come from: nothing can be refused.
            _ = try? builder.addRelationship(record)
        }
        return builder.build()
    }
}

/// Every import by name, beside ``ExportRegistry``: a new reader is one file and one line here.
public enum ImportRegistry {
    public static let all: [ImportFormat] = [
        ImportFormat(name: "csv", summary: "a table, through a mapping (YAML) that says what each row makes",
                     fileCount: nil, takesMapping: true, read: TableImport.read),
        ImportFormat(name: "csv-lists", summary: "plain node and relationship lists (NODES.csv EDGES.csv)",
                     fileCount: 2, takesMapping: false) { request throws(AnswerError) in
            do {
                return Imported(graph: try CSVListsLoader.load(nodes: request.files[0], edges: request.files[1]),
                                origin: request.files.joined(separator: " and "))
            } catch {
                throw .invalidData("\(error)")
            }
        },
        ImportFormat(name: "dot", summary: "any DOT, through Graphviz's own parser", fileCount: 1, takesMapping: false) {
            request throws(AnswerError) in
            try fromFile(request, errorsNameTheFile: true) { file, bytes in
                let parser: DOTImporter.Parser = request.parseWorker.map { .worker($0, timeout: .seconds(120)) } ?? .inProcess
                let result = try DOTImporter.read(dotBytes: bytes, sourceName: file, parser: parser)
                return Imported(graph: result.graph, warnings: result.warnings.map { "\(file): \($0)" }, origin: file)
            }
        },
        ImportFormat(name: "graphml", summary: "GraphML as ergraph, networkx, Gephi or yEd write it", fileCount: 1,
                     takesMapping: false) { request throws(AnswerError) in
            try fromFile(request) { file, bytes in
                let result = try GraphMLReader.readReporting(bytes, name: file)
                return Imported(graph: result.graph, warnings: result.warnings, origin: file)
            }
        },
        ImportFormat(name: "json", summary: "node-link JSON as ergraph, networkx or D3 write it", fileCount: 1,
                     takesMapping: false) { request throws(AnswerError) in
            try fromFile(request) { file, bytes in
                let result = try NodeLinkJSONReader.read(bytes, name: file, keys: request.nodeLinkKeys)
                return Imported(graph: result.graph, warnings: result.warnings, origin: file)
            }
        },
        ImportFormat(name: "ftm", summary: "FollowTheMoney entities, one JSON object a line", fileCount: 1,
                     takesMapping: false) { request throws(AnswerError) in
            try fromFile(request) { file, bytes in
                let result = try FtMReader.read(bytes, name: file)
                return Imported(graph: result.graph, warnings: result.warnings, origin: file)
            }
        },
    ]

    /// Reads the request's one file and hands it to `body`; what the reader throws becomes
    /// invalid data, worded by the reader (with the file's name in front where it lacks it).
    static func fromFile(_ request: ImportRequest, errorsNameTheFile: Bool = false,
                         _ body: (String, Data) throws -> Imported) throws(AnswerError) -> Imported {
        let (file, bytes) = try contents(request)
        do {
            return try body(file, bytes)
        } catch {
            throw .invalidData(errorsNameTheFile ? "\(file): \(error)" : "\(error)")
        }
    }

    public static var names: [String] { all.map(\.name) }

    public static func named(_ name: String) -> ImportFormat? { all.first { $0.name == name } }

    /// The one input file's bytes.
    static func contents(_ request: ImportRequest) throws(AnswerError) -> (String, Data) {
        let file = request.files.first ?? ""
        guard let bytes = FileManager.default.contents(atPath: file) else {
            throw .unreadable(path: file, reason: "no such file or not readable")
        }
        return (file, bytes)
    }
}

