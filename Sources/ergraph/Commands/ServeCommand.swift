import ArgumentParser
import ERAnswers
import ERServer
import ERWeb
import Foundation

/// `ergraph serve`: the graph in a browser, read-only, on this machine unless told otherwise.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Browse the graph in a web browser: entity pages, the path finder, Cypher, timeline, downloads, a JSON API.",
        discussion: """
            Read-only. Listens on 127.0.0.1 (this machine only) unless --host names another address. \
            Logs one line per request to standard error; stops on Ctrl-C (SIGINT) or SIGTERM after the \
            requests in flight. The JSON API is described at /openapi.json.
            """)

    @OptionGroup var graphOptions: GraphOptions
    @Option(help: "The port to listen on (0: any free port, printed at start).") var port = 8080
    @Option(help: "The address to listen on; anything but a loopback address opens the graph to the network.")
    var host = "127.0.0.1"
    @Flag(help: "Do not log each request.") var quiet = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
    }

    func run() throws {
        let opened = try graphOptions.open()
        if !WebServer.isLoopback(host) {
            Terminal.warning("listening on \(host): anyone who can reach this address can read the whole graph")
        }
        let pages = GraphPages(opened: opened, origin: opened.source.description, worker: DiagramArguments.ownExecutable)
        let requestLog: @Sendable (String) -> Void = { line in Terminal.standardError(ServeCommand.timestamp() + " " + line) }
        let server = WebServer(app: WebApp(pages: pages), host: host, port: port, log: quiet ? nil : requestLog)
        let host = self.host
        let failure = Locked<String?>(nil)
        let finished = DispatchSemaphore(value: 0)
        Task {
            do {
                let title = opened.graph.title ?? opened.source.description
                let shown = host.contains(":") ? "[\(host)]" : host
                try await server.run { port in
                    Terminal.standardError("ergraph: serving \(title) at http://\(shown):\(port)/ (Ctrl-C stops)")
                }
            } catch {
                failure.withLock { $0 = "cannot serve on \(host):\(port): \(error)" }
            }
            finished.signal()
        }
        finished.wait()
        if let message = failure.withLock({ $0 }) { throw CommandFailure.data(message) }
        Terminal.standardError("ergraph: stopped")
    }

    static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }
}

/// `ergraph site -o DIR`: the same pages as static files, to publish beside a story.
struct SiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Write the graph as a static web site: a page per entity and per story, the index, search, downloads.",
        discussion: """
            Every link is relative: the folder opens from disk or from any static host. The stories are \
            the from/to pairs the dataset lists under 'stories:'. The same dataset gives the same bytes. \
            The folder is replaced whole, and only if it is empty or an earlier 'ergraph site' wrote it.
            """)

    @OptionGroup var graphOptions: GraphOptions
    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("The folder to write.", valueName: "dir"))
    var output: String

    func run() throws {
        let opened = try graphOptions.open()
        let pages = GraphPages(opened: opened, origin: opened.source.description, worker: DiagramArguments.ownExecutable)
        let summary: StaticSite.Summary
        do {
            summary = try StaticSite(pages: pages).write(to: output)
        } catch {
            throw CommandFailure.data(error.description)
        }
        Terminal.standardError("wrote \(output)/: \(Wording.count(summary.entityPages, "entity page")), "
                               + "\(Wording.count(summary.storyPages, "story", "stories")), \(summary.files) files, "
                               + String(format: "%.1f MB", Double(summary.bytes) / 1_000_000) + "; open \(output)/index.html")
    }
}
