import ERFormats
import Foundation

/// Writing what answers, drawings, exports and imports make: each file whole or not at all
/// (a temporary file renamed into place).
public enum OutputFiles {
    public static func write(_ data: Data, to path: String) throws(AnswerError) {
        do {
            try AtomicFile.write(data, to: path)
        } catch {
            throw .unwritable(path: error.path, reason: error.reason)
        }
    }

    public static func write(_ text: String, to path: String) throws(AnswerError) {
        try write(Data(text.utf8), to: path)
    }

    /// Writes a folder export whole or not at all, replacing only a folder the same format wrote
    /// (it holds `marker`) or an empty one.
    public static func writeFolder(_ files: [ExportFile], to folder: String, marker: String) throws(AnswerError) {
        do {
            try AtomicFolder.write(files.map { ($0.part, $0.data) }, to: folder, marker: marker)
        } catch {
            throw .unwritable(path: error.path, reason: error.reason)
        }
    }

    /// Whether `output` is a stream or device (standard output, `/dev/null`, a FIFO), written
    /// through rather than replaced: it takes one file, never a set named after it.
    public static func writesThrough(_ output: String) -> Bool { AtomicFile.writesThrough(output) }

    /// Where each file of a multi-file export goes: `out.csv` → `out.entities.csv`, `out.relationships.csv`.
    public static func path(for file: ExportFile, output: String) -> String {
        guard !file.part.isEmpty else { return output }
        let url = URL(fileURLWithPath: output)
        let stem = url.pathExtension.isEmpty ? url : url.deletingPathExtension()
        return stem.path + "." + file.part + ".csv"
    }
}
