import ERFormats
import ERGraph
import Foundation

/// A dataset as it was at a git revision, for comparing with the file as it is now.
public enum GitRevision {
    /// The graph of `path` at `revision` (`HEAD`, `HEAD~1`, a tag, a commit), read with
    /// `git show REVISION:./PATH` from the file's own folder, so the file may lie in any
    /// repository; `name` (`REVISION:PATH`) names it in messages.
    public static func graph(of path: String, at revision: String) throws(AnswerError) -> (graph: Graph, name: String) {
        let file = URL(fileURLWithPath: path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", file.deletingLastPathComponent().path, "show", "\(revision):./\(file.lastPathComponent)"]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let name = "\(revision):\(path)"
        do {
            try process.run()
        } catch {
            throw .unreadable(path: name, reason: "git could not be started (\(error))")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw .unreadable(path: name, reason: message.split(separator: "\n").first.map(String.init) ?? "git show failed")
        }
        let loaded = DatasetLoader.load(text: String(decoding: data, as: UTF8.self), file: name)
        guard let graph = loaded.graph else { throw .invalidDatasets(paths: [name], diagnostics: loaded.diagnostics) }
        return (graph, name)
    }
}
