@testable import ERWeb
import Testing

@Suite("Web requests")
struct WebRequestTests {
    @Test("a target is percent-decoded over bytes, '+' is a space in the query, and the last value of a name wins")
    func decoding() throws {
        let request = try WebRequest.parse(target: "/path?from=ICE&to=AE+Industrial&via=owns%2Cacquired&to=Caf%C3%A9%20X#frag")
        #expect(request.path == "/path")
        #expect(request.value("from") == "ICE")
        #expect(request.value("to") == "Café X")
        #expect(request.value("via") == "owns,acquired")
        #expect(request.parameters.count == 4)
        #expect(try WebRequest.parse(target: "/entity/a%2Fb").path == "/entity/a/b")
        #expect(try WebRequest.parse(target: "/x?flag").has("flag"))
        #expect(try WebRequest.parse(target: "/x?flag").value("flag") == nil)
    }

    @Test("malformed escapes, invalid UTF-8, control characters and oversized requests are refused with what is wrong")
    func refusals() {
        #expect(throws: WebError.badRequest("parameter 'q' has a '%' not followed by two hexadecimal digits")) {
            try WebRequest.parse(target: "/search?q=50%")
        }
        #expect(throws: WebError.badRequest("parameter 'q' is not valid UTF-8")) { try WebRequest.parse(target: "/search?q=%FF%FE") }
        #expect(throws: WebError.badRequest("the path contains a control character")) { try WebRequest.parse(target: "/a%0Ab") }
        #expect(throws: WebError.badRequest("the request path must start with '/'")) { try WebRequest.parse(target: "http://x/") }
        #expect(throws: WebError.tooLarge("the request is longer than 16384 bytes")) {
            try WebRequest.parse(target: "/search?q=" + String(repeating: "a", count: 16_384))
        }
        #expect(throws: WebError.badRequest("parameter 'q' is longer than 4096 bytes")) {
            try WebRequest.parse(target: "/search?q=" + String(repeating: "a", count: 4_097))
        }
        #expect(throws: WebError.badRequest("more than 64 parameters")) {
            try WebRequest.parse(target: "/x?" + (0...64).map { "p\($0)=1" }.joined(separator: "&"))
        }
    }

    @Test("errors carry the status the web gives them")
    func statuses() {
        #expect(WebError.notFound("x").status == 404)
        #expect(WebError.badRequest("x").status == 400)
        #expect(WebError.tooLarge("x").status == 414)
        #expect(WebError.drawingTooLarge("x").status == 422)
        #expect(WebError.answer(.unknownEntity("x", explanation: "unknown")).status == 404)
        #expect(WebError.answer(.unknownKind("x", role: .entity, suggestion: "")).status == 400)
    }
}

@Suite("Entity slugs")
struct EntitySlugTests {
    @Test("plain ids are their own slug; others become plain text and a hash, never a path or a scheme")
    func slugs() {
        #expect(EntitySlugs.slug(for: "paragon-solutions") == "paragon-solutions")
        #expect(EntitySlugs.slug(for: "org:ice") == "org-ice-" + hash("org:ice"))
        #expect(EntitySlugs.slug(for: "../../etc/passwd") == "etc-passwd-" + hash("../../etc/passwd"))
        #expect(EntitySlugs.slug(for: "ORG") == "org-" + hash("ORG"))
        #expect(EntitySlugs.slug(for: "…") == "entity-" + hash("…"))
        for id in ["org:ice", "../x", "a/b", "C:\\x", "%2e%2e", ".hidden", "-x"] {
            let slug = EntitySlugs.slug(for: id)
            #expect(!slug.contains("/") && !slug.contains(":") && !slug.contains("..") && !slug.hasPrefix(".") && !slug.hasPrefix("-"), "\(slug)")
        }
    }

    func hash(_ id: String) -> String {
        let hex = String(EntitySlugs.fnv1a(id) & 0xFFFF_FFFF, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
