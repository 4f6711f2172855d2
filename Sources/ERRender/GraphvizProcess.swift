import Foundation

/// Runs a layout in a child process, still through libgvc, so it can be stopped.
///
/// Graphviz has no way to cancel a layout (docs/GRAPHVIZ.md, "Cancelling"): neato on 10,000
/// nodes ran past 300 s. fdp and sfdp also give different output on every call within one
/// process (docs/GRAPHVIZ.md, "Determinism"), but the same output in a fresh one. So large or force-directed layouts run
/// in a worker: the `ergraph` binary itself, with a hidden subcommand that renders in-process.
public enum GraphvizProcess {
    /// When a layout should leave the process: more than 2,000 entities for dot or neato, any
    /// fdp or sfdp layout, and any layout with several clusters: cgraph orders subgraphs by the
    /// addresses of their interned names, so a second layout in one process can list clusters
    /// in another order (measured here: the same SVG but for cluster order), while a fresh
    /// process always gives the first call's answer.
    public static func shouldIsolate(layout: GraphvizLayout, nodeCount: Int, edgeCount: Int = 0, clusterCount: Int = 0) -> Bool {
        !layout.isReproducibleInProcess || nodeCount > inProcessNodes || edgeCount > inProcessEdges || clusterCount > 1
    }

    /// The largest drawings laid out in-process, where no timeout can stop them: dot takes well
    /// under a second on views this small at any density (100 labelled links among 30 entities:
    /// 0.3 s), so every layout that could outlast a `--timeout` of 1 s or more runs in the worker.
    public static let inProcessNodes = 60
    public static let inProcessEdges = 100

    /// Renders through `worker` (an executable that accepts
    /// `render-worker --layout L --format F --input IN --output OUT`), waiting at most `timeout`.
    public static func render(dot: String, layout: GraphvizLayout, format: GraphvizFormat, timeout: Duration,
                              worker: URL, arguments prefix: [String] = []) throws(GraphvizError) -> Rendered {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ergraph-render-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .worker("cannot make a temporary folder for the layout: \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.gv")
        let output = folder.appendingPathComponent("out")
        let messages = folder.appendingPathComponent("messages")
        do {
            try Data(dot.utf8).write(to: input)
        } catch {
            throw .worker("cannot write the layout's input: \(error.localizedDescription)")
        }
        let process: ChildProcess
        switch ChildProcess.spawn(executable: worker.path,
                                  arguments: prefix + ["render-worker", "--layout", layout.rawValue, "--format", format.rawValue,
                                                       "--input", input.path, "--output", output.path],
                                  standardErrorPath: messages.path) {
        case let .success(started): process = started
        case let .failure(error): throw .worker("cannot start the layout worker \(worker.path): \(error)")
        }
        let deadline = ContinuousClock.now + timeout
        var termination = process.poll()
        while termination == nil {
            if ContinuousClock.now >= deadline {
                // The temporary folder is the parent's to clean.
                process.kill()
                throw .layoutTimedOut(layout: layout, seconds: timeout.components.seconds)
            }
            Thread.sleep(forTimeInterval: 0.02)
            termination = process.poll()
        }
        let lines = ((try? String(contentsOf: messages, encoding: .utf8)) ?? "")
            .split(separator: "\n").map(String.init)
        guard termination == .exited(0), let data = try? Data(contentsOf: output) else {
            let reason = lines.first { !$0.hasPrefix("warning: ") }.map { $0.replacingOccurrences(of: "error: ", with: "") }
            let status = switch termination {
            case let .exited(code)?: "status \(code)"
            case let .signalled(signal)?: "stopped by signal \(signal)"
            case let .unobservable(code)?: "could not be waited for: \(SpawnError(code: code))"
            case nil: "unknown"
            }
            throw .failed(reason ?? "the layout worker failed (\(status))")
        }
        let warnings = lines.filter { $0.hasPrefix("warning: ") }.map { String($0.dropFirst("warning: ".count)) }
        return Rendered(data: format == .pdf ? PDFTimestamps.removed(from: data) : data, warnings: warnings)
    }
}
