import ERRender
import Foundation

/// The child-process side of long layouts: reads one DOT file, renders it in-process, writes
/// the result whole. The `ergraph` binary runs it as a hidden subcommand.
public enum LayoutWorker {
    /// Returns Graphviz's warnings.
    public static func run(layout: GraphvizLayout, format: GraphvizFormat, input: String, output: String) throws(AnswerError) -> [String] {
        guard let dot = FileManager.default.contents(atPath: input) else {
            throw .unreadable(path: input, reason: "no such file or not readable")
        }
        let rendered: Rendered
        do {
            rendered = try Graphviz.render(dotBytes: dot, layout: layout, format: format)
        } catch {
            throw .drawing(error, entities: 0)
        }
        try OutputFiles.write(rendered.data, to: output)
        return rendered.warnings
    }

    /// Parses the DOT file `input` through cgraph and writes what it read to `output` as JSON,
    /// for ``GraphvizProcess/parse(dotBytes:timeout:worker:arguments:)`` in the parent.
    public static func parse(input: String, output: String) throws(AnswerError) {
        guard let dot = FileManager.default.contents(atPath: input) else {
            throw .unreadable(path: input, reason: "no such file or not readable")
        }
        let parsed: ParsedDOT
        do {
            parsed = try Graphviz.parse(dotBytes: dot)
        } catch {
            throw .invalidData(error.description)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            try OutputFiles.write(try encoder.encode(parsed), to: output)
        } catch let error as AnswerError {
            throw error
        } catch {
            throw .invalidData("cannot encode the parsed DOT: \(error)")
        }
    }

    /// The version of the Graphviz library linked in.
    public static var graphvizVersion: String { GraphvizLibrary.version }
}
