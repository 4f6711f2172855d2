import Foundation

/// Runs a layout, or the parse of untrusted DOT, in a child process, still through libgvc, so it
/// can be stopped and so that a crash of Graphviz's C code ends the child, not ergraph.
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

    /// Parses untrusted DOT through `worker` (an executable that accepts
    /// `parse-worker --input IN --output OUT` and writes the ``ParsedDOT`` as JSON), so that a
    /// parser crash ends the worker, not the caller: Graphviz 2.42's cgraph has a history of
    /// crashes on malformed DOT (OSS-Fuzz), and `import --from dot` reads files other people send.
    public static func parse(dotBytes: Data, timeout: Duration, worker: URL, arguments prefix: [String] = []) throws(GraphvizError) -> ParsedDOT {
        let folder = try temporaryFolder("parse")
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.gv"), output = folder.appendingPathComponent("out.json")
        let messages = folder.appendingPathComponent("messages")
        do {
            try dotBytes.write(to: input)
        } catch {
            throw .worker("cannot write the parser's input: \(error.localizedDescription)")
        }
        let termination = try run(worker: worker, arguments: prefix + ["parse-worker", "--input", input.path, "--output", output.path],
                                  messages: messages, timeout: timeout) { .failed("Graphviz's DOT parser took longer than \($0) s and was stopped") }
        let lines = messageText(messages).split(separator: "\n").map(String.init)
        if case let .signalled(signal) = termination {
            throw .invalidDOT("Graphviz's DOT parser crashed on this file (\(Self.signalName(signal))); it ran in a process of its own, "
                              + "so nothing else was affected and nothing was written")
        }
        guard termination == .exited(0), let data = try? Data(contentsOf: output) else {
            if let reason = lines.first(where: { $0.hasPrefix("error: invalid DOT: ") }) {
                throw .invalidDOT(String(reason.dropFirst("error: invalid DOT: ".count)))
            }
            let reason = lines.first { !$0.hasPrefix("warning: ") }.map { $0.replacingOccurrences(of: "error: ", with: "") }
            throw .failed(reason ?? "the DOT parser worker failed (\(Self.describe(termination)))")
        }
        do {
            return try JSONDecoder().decode(ParsedDOT.self, from: data)
        } catch {
            throw .worker("the DOT parser worker's answer could not be read: \(error)")
        }
    }

    /// What a worker wrote to standard error. An empty file is not read: Foundation's reader
    /// leaks its 4 KB buffer on one (LeakSanitizer, every worker run that printed nothing).
    private static func messageText(_ file: URL) -> String {
        var status = stat()
        guard stat(file.path, &status) == 0, status.st_size > 0 else { return "" }
        return (try? String(contentsOf: file, encoding: .utf8)) ?? ""
    }

    /// `SIGSEGV (a memory fault)` and the like, for the message a user reads.
    static func signalName(_ signal: Int32) -> String {
        switch signal {
        case SIGSEGV: "SIGSEGV, a memory fault"
        case SIGABRT: "SIGABRT, an assertion failed"
        case SIGBUS: "SIGBUS, a memory fault"
        case SIGFPE: "SIGFPE, an arithmetic fault"
        case SIGILL: "SIGILL, an illegal instruction"
        case SIGKILL: "SIGKILL, stopped from outside"
        default: "signal \(signal)"
        }
    }

    static func describe(_ termination: ChildProcess.Termination?) -> String {
        switch termination {
        case let .exited(code)?: "status \(code)"
        case let .signalled(signal)?: "stopped by \(signalName(signal))"
        case let .unobservable(code)?: "could not be waited for: \(SpawnError(code: code))"
        case nil: "unknown"
        }
    }

    private static func temporaryFolder(_ purpose: String) throws(GraphvizError) -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ergraph-\(purpose)-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .worker("cannot make a temporary folder for the worker: \(error.localizedDescription)")
        }
        return folder
    }

    /// Starts the worker, waits for it at most `timeout` (then kills it and throws what
    /// `timedOut` makes of the seconds), and returns how it ended.
    private static func run(worker: URL, arguments: [String], messages: URL, timeout: Duration,
                            timedOut: (Int64) -> GraphvizError) throws(GraphvizError) -> ChildProcess.Termination {
        let process: ChildProcess
        switch ChildProcess.spawn(executable: worker.path, arguments: arguments, standardErrorPath: messages.path) {
        case let .success(started): process = started
        case let .failure(error): throw .worker("cannot start the worker \(worker.path): \(error)")
        }
        let deadline = ContinuousClock.now + timeout
        while true {
            if let termination = process.poll() { return termination }
            if ContinuousClock.now >= deadline {
                // The temporary folder is the parent's to clean.
                process.kill()
                throw timedOut(timeout.components.seconds)
            }
            Thread.sleep(forTimeInterval: 0.005)
        }
    }

    /// Renders through `worker` (an executable that accepts
    /// `render-worker --layout L --format F --input IN --output OUT`), waiting at most `timeout`.
    public static func render(dot: String, layout: GraphvizLayout, format: GraphvizFormat, timeout: Duration,
                              worker: URL, arguments prefix: [String] = []) throws(GraphvizError) -> Rendered {
        let folder = try temporaryFolder("render")
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.gv")
        let output = folder.appendingPathComponent("out")
        let messages = folder.appendingPathComponent("messages")
        do {
            try Data(dot.utf8).write(to: input)
        } catch {
            throw .worker("cannot write the layout's input: \(error.localizedDescription)")
        }
        let termination = try run(worker: worker,
                                  arguments: prefix + ["render-worker", "--layout", layout.rawValue, "--format", format.rawValue,
                                                       "--input", input.path, "--output", output.path],
                                  messages: messages, timeout: timeout) { .layoutTimedOut(layout: layout, seconds: $0) }
        let lines = messageText(messages)
            .split(separator: "\n").map(String.init)
        guard termination == .exited(0), let data = try? Data(contentsOf: output) else {
            let reason = lines.first { !$0.hasPrefix("warning: ") }.map { $0.replacingOccurrences(of: "error: ", with: "") }
            throw .failed(reason ?? "the layout worker failed (\(Self.describe(termination)))")
        }
        let warnings = lines.filter { $0.hasPrefix("warning: ") }.map { String($0.dropFirst("warning: ".count)) }
        return Rendered(data: format == .pdf ? PDFTimestamps.removed(from: data) : data, warnings: warnings)
    }
}
