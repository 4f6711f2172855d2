import Foundation

/// A request as the pages see it: a path and its query parameters, already decoded and bounded.
/// The HTTP server turns what it receives into one of these; nothing here knows of sockets.
public struct WebRequest: Sendable, Equatable {
    /// The path, percent-decoded, always starting with `/`.
    public var path: String
    /// The query parameters in the order given (a name may repeat).
    public var parameters: [(name: String, value: String)]

    public static func == (lhs: WebRequest, rhs: WebRequest) -> Bool {
        lhs.path == rhs.path && lhs.parameters.elementsEqual(rhs.parameters) { $0.name == $1.name && $0.value == $1.value }
    }

    /// Limits that keep one request from costing much before any question is asked.
    public enum Limits {
        /// The longest request target (path and query) read.
        public static let target = 16_384
        /// The most parameters read.
        public static let parameters = 64
        /// The longest parameter value read (a Cypher query fits).
        public static let value = 4_096
    }

    public init(path: String, parameters: [(name: String, value: String)] = []) {
        self.path = path
        self.parameters = parameters
    }

    /// Reads a request target such as `/path?from=ICE&to=AE%20Industrial`: percent-decoding,
    /// `+` as a space in the query, limits checked. Malformed escapes, control characters and
    /// invalid UTF-8 are refused, never guessed at.
    public static func parse(target: String) throws(WebError) -> WebRequest {
        guard target.utf8.count <= Limits.target else { throw .tooLarge("the request is longer than \(Limits.target) bytes") }
        let withoutFragment = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        let pieces = withoutFragment.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let rawPath = pieces.first.map(String.init) ?? ""
        guard rawPath.hasPrefix("/") else { throw .badRequest("the request path must start with '/'") }
        let path = try decode(rawPath, plusIsSpace: false, what: "the path")
        var parameters: [(name: String, value: String)] = []
        if pieces.count == 2 {
            for pair in pieces[1].split(separator: "&") where !pair.isEmpty {
                guard parameters.count < Limits.parameters else { throw .badRequest("more than \(Limits.parameters) parameters") }
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let name = try decode(String(parts[0]), plusIsSpace: true, what: "a parameter name")
                let value = parts.count == 2 ? try decode(String(parts[1]), plusIsSpace: true, what: "parameter '\(name)'") : ""
                guard value.utf8.count <= Limits.value else {
                    throw .badRequest("parameter '\(name)' is longer than \(Limits.value) bytes")
                }
                parameters.append((name, value))
            }
        }
        return WebRequest(path: path, parameters: parameters)
    }

    /// The last value given for `name`, trimmed; nil when absent or empty.
    public func value(_ name: String) -> String? {
        guard let value = parameters.last(where: { $0.name == name })?.value.trimmingCharacters(in: .whitespaces),
              !value.isEmpty else { return nil }
        return value
    }

    /// True when `name` was given, even empty (a checkbox).
    public func has(_ name: String) -> Bool { parameters.contains { $0.name == name } }

    /// Percent-decoding over bytes, so that a multi-byte character split across escapes decodes
    /// whole and anything that is not UTF-8 is refused.
    static func decode(_ text: String, plusIsSpace: Bool, what: String) throws(WebError) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    throw .badRequest("\(what) has a '%' not followed by two hexadecimal digits")
                }
                bytes.append(high << 4 | low)
            case UInt8(ascii: "+") where plusIsSpace:
                bytes.append(UInt8(ascii: " "))
            default:
                bytes.append(byte)
            }
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else { throw .badRequest("\(what) is not valid UTF-8") }
        if decoded.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" || $0.value == 0x7F }) {
            throw .badRequest("\(what) contains a control character")
        }
        return decoded
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// What the pages answer: a status, a content type, the bytes, and headers of its own.
public struct WebResponse: Sendable {
    public var status: Int
    public var contentType: String
    public var body: Data
    /// Extra headers (a redirect's `Location`, a download's `Content-Disposition`).
    public var headers: [(name: String, value: String)]

    public init(status: Int = 200, contentType: String, body: Data, headers: [(name: String, value: String)] = []) {
        self.status = status
        self.contentType = contentType
        self.body = body
        self.headers = headers
    }

    public static func html(_ text: String, status: Int = 200) -> WebResponse {
        WebResponse(status: status, contentType: "text/html; charset=utf-8", body: Data(text.utf8))
    }

    public static func json(_ text: String, status: Int = 200) -> WebResponse {
        WebResponse(status: status, contentType: "application/json", body: Data(text.utf8))
    }

    public static func redirect(to location: String) -> WebResponse {
        WebResponse(status: 303, contentType: "text/plain; charset=utf-8", body: Data("see \(location)\n".utf8),
                    headers: [("Location", location)])
    }

    /// The headers every response carries: nothing loads from elsewhere, nothing runs inline,
    /// nothing frames the page.
    public static let securityHeaders: [(name: String, value: String)] = [
        ("Content-Security-Policy", ContentSecurity.policy),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
        ("X-Frame-Options", "DENY"),
        ("Cross-Origin-Opener-Policy", "same-origin"),
    ]
}

/// The Content-Security-Policy of every page, served and static: only this server's own CSS,
/// scripts, images and API; no inline script, no plug-ins, no framing, forms to itself only.
public enum ContentSecurity {
    /// What every page may load, also written into each page (``pagePolicy``) for the static site,
    /// which is served with whatever headers its host sends, or none from disk.
    public static let pagePolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "connect-src 'self'; form-action 'self'; base-uri 'none'"
    /// The header adds what only a header can say: no framing.
    public static let policy = pagePolicy + "; frame-ancestors 'none'"
}
