import ERGraph
import Foundation

/// Makes an imported graph one that ergraph's own dataset reader accepts: every entity and
/// relationship id valid (letters, digits and `. _ : -`, starting with a letter or digit) and
/// unique ignoring case, every other file's ids kept.
///
/// An id that is not valid becomes a readable slug of itself (`Agricultural 'waste'` →
/// `agricultural-waste`); where two would collide, or two ids differ only in case, the later
/// gets a short, stable hash of the original (`…-3f9a1c`). The original is kept as the
/// property `source_id`, and a name that was the id stays the name. Ids that are already valid
/// and distinct are left as they are, so re-importing gives the same dataset.
public enum ImportedIdentifiers {
    /// The graph with valid ids, and how many ids the input had that were changed. Links a bulk
    /// list gave no id are named `link-INDEX` as well, but are not counted: nothing of the
    /// input was changed for them (counting them once warned that 250,000 ids "were not valid"
    /// for a relationship list without an id column).
    public static func normalize(_ graph: Graph) -> (graph: Graph, renamed: Int) {
        var taken: Set<String> = []
        var entityIDs: [String] = []
        var renamed = 0
        for entity in graph.entityIndices {
            let original = graph.id(of: entity)
            let id = unique(original, taken: &taken)
            if id != original { renamed += 1 }
            entityIDs.append(id)
        }
        var linkTaken: Set<String> = []
        var relationshipIDs: [String] = []
        var synthesized: Set<Int> = []
        for link in graph.relationshipIndices {
            let original = graph.id(of: link)
            // Links a bulk list gave no id are named `#INDEX` by the store: `link-INDEX` here,
            // with no source_id, since the file had none.
            if original.hasPrefix("#"), original.dropFirst().allSatisfy(\.isNumber),
               linkTaken.insert("link-\(original.dropFirst())").inserted {
                relationshipIDs.append("link-\(original.dropFirst())")
                synthesized.insert(link.int)
                continue
            }
            let id = unique(original, taken: &linkTaken)
            if id != original { renamed += 1 }
            relationshipIDs.append(id)
        }
        guard renamed > 0 || !synthesized.isEmpty else { return (graph, 0) }

        var builder = GraphBuilder(vocabulary: graph.vocabulary)
        builder.title = graph.title
        builder.summaryText = graph.summaryText
        builder.properties = graph.properties
        for source in graph.sources { builder.addSource(source) }
        for entity in graph.entityIndices {
            var record = graph.entity(entity)
            if record.id != entityIDs[entity.int] { record.properties["source_id"] = .text(record.id) }
            record.id = entityIDs[entity.int]
            // Ids are unique by construction and kinds come from the graph's own vocabulary.
            _ = try? builder.addEntity(record)
        }
        for link in graph.relationshipIndices {
            var record = graph.relationship(link)
            if record.id != relationshipIDs[link.int] && !synthesized.contains(link.int) { record.properties["source_id"] = .text(record.id) }
            record.id = relationshipIDs[link.int]
            record.from = entityIDs[graph.from(link).int]
            record.to = entityIDs[graph.to(link).int]
            _ = try? builder.addRelationship(record)
        }
        return (builder.build(), renamed)
    }

    /// `id` itself when valid and not yet taken (ignoring case), else its slug, else the slug
    /// with a hash of the original.
    static func unique(_ id: String, taken: inout Set<String>) -> String {
        if Identifiers.isValid(id), taken.insert(id.lowercased()).inserted { return id }
        let slug = slug(id)
        if slug != id, taken.insert(slug.lowercased()).inserted { return slug }
        var salt = 0
        while true {
            let candidate = "\(slug)-\(hash(id, salt: salt))"
            if taken.insert(candidate.lowercased()).inserted { return candidate }
            salt += 1
        }
    }

    /// Lower case, letters and digits kept, everything else a single `-`; `id` when nothing is left.
    static func slug(_ text: String) -> String {
        var slug = ""
        let folded = text.folding(options: [.diacriticInsensitive], locale: Locale(identifier: "en_US_POSIX")).lowercased()
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || ".:".unicodeScalars.contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty && !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while let last = slug.last, !(last.isLetter || last.isNumber) { slug.removeLast() }
        while let first = slug.first, !(first.isLetter || first.isNumber) { slug.removeFirst() }
        return slug.isEmpty ? "id" : slug
    }

    /// Six hex digits of FNV-1a over the UTF-8 bytes: stable from run to run and machine to
    /// machine (Swift's own `hashValue` is seeded per process).
    static func hash(_ text: String, salt: Int) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in Array(text.utf8) + (salt > 0 ? Array(String(salt).utf8) : []) {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
        return String(String(value, radix: 16).suffix(6))
    }
}
