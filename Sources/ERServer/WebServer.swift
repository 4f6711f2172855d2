import ERWeb
import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// `ergraph serve`: Hummingbird in front of ``WebApp``. It adds what HTTP needs (status,
/// headers, the security policy, one log line per request) and nothing the pages decide; it
/// stops gracefully on SIGINT and SIGTERM, finishing the requests in flight.
public struct WebServer: Sendable {
    public var app: WebApp
    public var host: String
    public var port: Int
    /// Where each request's log line goes (standard error in the CLI); nil logs nothing.
    public var log: (@Sendable (String) -> Void)?

    public init(app: WebApp, host: String = "127.0.0.1", port: Int = 8080, log: (@Sendable (String) -> Void)? = nil) {
        self.app = app
        self.host = host
        self.port = port
        self.log = log
    }

    /// True for the addresses that only this machine can reach.
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// Serves until SIGINT or SIGTERM. `onListening` is told the port once the socket listens
    /// (the one the system chose when `port` is 0).
    public func run(onListening: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        let responder = PageResponder(app: app, log: log)
        var logger = Logger(label: "ergraph")
        logger.logLevel = .error
        let application = Application(
            responder: responder,
            configuration: .init(address: .hostname(host, port: port), serverName: "ergraph"),
            onServerRunning: { channel in onListening(channel.localAddress?.port ?? 0) },
            logger: logger)
        try await application.runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }
}

/// Answers every request through the pages, off the event loops: page work (and a Graphviz
/// layout, which holds the one Graphviz lock) runs on Dispatch's threads, so connections keep
/// being served while a drawing is made.
struct PageResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let app: WebApp
    let log: (@Sendable (String) -> Void)?

    func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        let started = ContinuousClock.now
        let method = request.method.rawValue
        let target = request.head.path ?? "/"
        let app = self.app
        let answer = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: app.respond(method: method, target: target))
            }
        }
        var headers = HTTPFields()
        headers[.contentType] = answer.contentType
        for header in WebResponse.securityHeaders + answer.headers {
            if let name = HTTPField.Name(header.name) { headers.append(HTTPField(name: name, value: header.value)) }
        }
        let body = method == "HEAD" ? ByteBuffer() : ByteBuffer(bytes: answer.body)
        headers[.contentLength] = String(answer.body.count)
        if let log {
            let elapsed = ContinuousClock.now - started
            let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            log(String(format: "%@ %@ %d %.1f ms %d bytes", method, Self.printable(target), answer.status, milliseconds, answer.body.count))
        }
        return Response(status: HTTPResponse.Status(code: answer.status), headers: headers, body: ResponseBody(byteBuffer: body))
    }

    /// The target as one log line: control characters escaped, so a request cannot forge lines.
    static func printable(_ target: String) -> String {
        var out = ""
        for scalar in target.unicodeScalars.prefix(300) {
            if scalar.value < 0x20 || scalar.value == 0x7F { out += String(format: "\\x%02X", scalar.value) } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
