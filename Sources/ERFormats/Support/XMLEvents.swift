import CLibXML2
import Foundation

/// `prefix:local`, or `local`: the name as written. A free function, so that libxml2's C
/// callbacks can call it without capturing anything.
private func qualifiedName(prefix: UnsafePointer<xmlChar>?, local: UnsafePointer<xmlChar>) -> String {
    let name = String(cString: local)
    guard let prefix else { return name }
    return String(cString: prefix) + ":" + name
}

/// Where an XML event or error is, counted as libxml2 counts: lines from 1, columns from 1.
struct XMLPosition: Equatable, Sendable {
    var line: Int
    var column: Int
}

/// What a reader does with the elements and text of a document. A reader that finds an element
/// it must refuse returns its reason from `startElement`, and the parse stops there.
protocol XMLEventHandler: AnyObject {
    /// An element begins: its qualified name (`prefix:local`, or `local`) and attributes, keyed
    /// by qualified name. Returns the reason to stop, or nil to go on.
    func startElement(_ name: String, attributes: [String: String]) -> String?
    func endElement(_ name: String)
    /// Text inside an element, CDATA sections included, in pieces.
    func characters(_ text: String)
}

/// Reads XML through libxml2's SAX2 interface, directly.
///
/// Foundation's XMLParser on Linux wraps the same library but parses in recovery mode and
/// dereferences pointers libxml2 leaves null: a processing instruction without data (`<?q?>`),
/// a NOTATION without a public id, an `#IMPLIED` attribute default and an unparsed entity each
/// stopped the process with a segmentation fault, and a name that is not UTF-8 with an illegal
/// instruction (found by the GraphML fuzz target and by hand, Tests/Fixtures/fuzz/). Here only
/// the four callbacks below are set, every pointer is checked, and the parse stops at the first
/// error, without recovery:
/// - no DTD is loaded and no entity is declared (the handler has no DTD callbacks), so an
///   entity reference other than the five predefined ones and character references is an
///   error, never an expansion;
/// - no network access (`XML_PARSE_NONET`), and libxml2's limits on a text node and on nesting
///   stay on (no `XML_PARSE_HUGE`);
/// - CDATA sections arrive as text (`XML_PARSE_NOCDATA`).
enum XMLEvents {
    /// libxml2 sets up its global tables on first use, which is not safe from two threads at
    /// once (readers may run side by side); a Swift static is initialised exactly once.
    private static let libraryReady: Void = xmlInitParser()

    /// Why a document could not be read: libxml2's first error, with its place.
    struct Failure: Error {
        var position: XMLPosition
        var message: String
    }

    /// Feeds `data` to `handler`; throws at the first error libxml2 reports, or at the first
    /// element the handler refuses.
    static func parse(_ data: Data, handler: XMLEventHandler) throws(Failure) {
        _ = libraryReady
        let state = ParseState(handler: handler)
        var sax = xmlSAXHandler()
        sax.initialized = UInt32(XML_SAX2_MAGIC)
        sax.startElementNs = { context, localName, prefix, _, _, _, attributeCount, _, attributes in
            guard let state = ParseState.from(context), state.failure == nil, let localName else { return }
            var values: [String: String] = [:]
            if let attributes, attributeCount > 0 {
                // Five pointers an attribute: local name, prefix, URI, value start, value end.
                for index in 0..<Int(attributeCount) {
                    let base = index * 5
                    guard let local = attributes[base], let start = attributes[base + 3], let end = attributes[base + 4],
                          end >= start else { continue }
                    let value = String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
                    values[qualifiedName(prefix: attributes[base + 1], local: local)] = value
                }
            }
            if let refusal = state.handler.startElement(qualifiedName(prefix: prefix, local: localName), attributes: values) {
                state.stop(refusal)
            }
        }
        sax.endElementNs = { context, localName, prefix, _ in
            guard let state = ParseState.from(context), state.failure == nil, let localName else { return }
            state.handler.endElement(qualifiedName(prefix: prefix, local: localName))
        }
        sax.characters = { context, characters, length in
            guard let state = ParseState.from(context), state.failure == nil, let characters, length > 0 else { return }
            state.handler.characters(String(decoding: UnsafeBufferPointer(start: characters, count: Int(length)), as: UTF8.self))
        }
        let recordError: xmlStructuredErrorFunc = { context, error in
            guard let state = ParseState.from(context), let error, state.failure == nil,
                  error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            let text = error.pointee.message.map { String(cString: $0) } ?? "error \(error.pointee.code)"
            var position = XMLPosition(line: Int(error.pointee.line), column: Int(error.pointee.int2))
            // An encoding error carries no place: the parser's own is where it stopped.
            if position.line == 0, let parser = state.parser {
                position = XMLPosition(line: Int(xmlSAX2GetLineNumber(parser)), column: Int(xmlSAX2GetColumnNumber(parser)))
            }
            state.failure = Failure(position: position, message: text.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        sax.serror = recordError
        let unmanaged = Unmanaged.passRetained(state)
        defer { unmanaged.release() }
        // Errors raised outside the parser's own context (an encoding conversion that fails)
        // go to the thread's structured handler, which libxml2 keeps per thread; without it
        // they would be printed on stderr and not stop the read.
        xmlSetStructuredErrorFunc(unmanaged.toOpaque(), recordError)
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        guard let parser = xmlCreatePushParserCtxt(&sax, unmanaged.toOpaque(), nil, 0, nil) else {
            throw Failure(position: XMLPosition(line: 1, column: 1), message: "the XML parser could not start")
        }
        defer { xmlFreeParserCtxt(parser) }
        xmlCtxtUseOptions(parser, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue))
        state.parser = parser
        // libxml2 takes an Int32 length: a larger document is fed in pieces.
        let chunk = 1 << 24
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            let bytes = buffer.bindMemory(to: CChar.self)
            var offset = 0
            repeat {
                let length = min(chunk, bytes.count - offset)
                let last = offset + length >= bytes.count
                _ = xmlParseChunk(parser, bytes.baseAddress.map { $0 + offset }, Int32(length), last ? 1 : 0)
                offset += length
                if last || state.failure != nil { break }
            } while true
        }
        if let failure = state.failure { throw failure }
    }

    /// What the C callbacks reach through libxml2's user-data pointer.
    private final class ParseState {
        let handler: XMLEventHandler
        var parser: xmlParserCtxtPtr?
        var failure: Failure?

        init(handler: XMLEventHandler) { self.handler = handler }

        static func from(_ context: UnsafeMutableRawPointer?) -> ParseState? {
            context.map { Unmanaged<ParseState>.fromOpaque($0).takeUnretainedValue() }
        }

        /// Stops at the current element, with the handler's reason at libxml2's current place.
        func stop(_ reason: String) {
            guard let parser else { return failure = Failure(position: XMLPosition(line: 1, column: 1), message: reason) }
            // The failure first: stopping raises an error of its own, which must not replace it.
            failure = Failure(position: XMLPosition(line: Int(xmlSAX2GetLineNumber(parser)), column: Int(xmlSAX2GetColumnNumber(parser))),
                              message: reason)
            xmlStopParser(parser)
        }
    }
}
