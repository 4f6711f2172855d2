import ERAnswers

/// A file name and URL segment for every entity: the id itself when it is plain lowercase
/// letters, digits and hyphens; otherwise a readable version of it plus a hash of the id, so
/// that no two entities share one and none can climb out of its folder (`..`, `/`) or read as a
/// URL scheme (`org:ice.html`).
public struct EntitySlugs: Sendable {
    private let slugs: [String]
    private let bySlug: [String: EntityIndex]

    public init(graph: Graph) {
        var slugs: [String] = []
        var bySlug: [String: EntityIndex] = [:]
        slugs.reserveCapacity(graph.entityCount)
        bySlug.reserveCapacity(graph.entityCount)
        for entity in graph.entityIndices {
            let id = graph.id(of: entity)
            var slug = Self.slug(for: id)
            var attempt = 1
            while bySlug[slug] != nil {
                attempt += 1
                slug = Self.slug(for: id) + "-\(attempt)"
            }
            bySlug[slug] = entity
            slugs.append(slug)
        }
        self.slugs = slugs
        self.bySlug = bySlug
    }

    /// The entity's slug.
    public func slug(of entity: EntityIndex) -> String { slugs[entity.int] }

    /// The entity a slug names.
    public func entity(forSlug slug: String) -> EntityIndex? { bySlug[slug] }

    /// The slug of one id, independent of the rest of the graph (collisions aside).
    static func slug(for id: String) -> String {
        let plain = !id.isEmpty && id.utf8.count <= 80 && id.utf8.first != UInt8(ascii: "-")
            && id.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: "-") }
        if plain { return id }
        return slug(readable: id, hashing: id)
    }

    /// `readable` made plain (lowercase letters, digits, single hyphens, at most 48 characters)
    /// and the hash of `hashing`.
    static func slug(readable text: String, hashing: String) -> String {
        var readable = ""
        for scalar in text.lowercased().unicodeScalars {
            if readable.utf8.count >= 48 { break }
            if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                readable.unicodeScalars.append(scalar)
            } else if !readable.isEmpty && readable.last != "-" {
                readable.append("-")
            }
        }
        while readable.last == "-" { readable.removeLast() }
        let hash = String(fnv1a(hashing) & 0xFFFF_FFFF, radix: 16)
        let padded = String(repeating: "0", count: 8 - hash.count) + hash
        return (readable.isEmpty ? "entity" : readable) + "-" + padded
    }

    /// FNV-1a over the id's bytes: stable across runs and machines, unlike `Hasher`.
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}
