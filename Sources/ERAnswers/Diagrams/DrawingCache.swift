import ERGraph
import Foundation

/// Drawings already made, by the exact DOT and format they were made from: Graphviz gives the
/// same bytes for the same input (docs/GRAPHVIZ.md), so a server that is asked for the same page
/// again answers without a second layout, which would wait for the one Graphviz lock. Bounded in
/// bytes; when full it starts over, which keeps it simple and its memory known.
public final class DrawingCache: Sendable {
    private struct Entry {
        var data: Data
        var warnings: [String]
    }

    private struct Contents {
        var entries: [String: Entry] = [:]
        var bytes = 0
    }

    private let contents = Locked(Contents())
    /// The most bytes of drawings (and their keys) held.
    public let capacity: Int

    public init(capacity: Int = 64 << 20) {
        self.capacity = capacity
    }

    func drawing(for key: String) -> (data: Data, warnings: [String])? {
        contents.withLock { $0.entries[key].map { ($0.data, $0.warnings) } }
    }

    func store(_ data: Data, warnings: [String], for key: String) {
        let size = data.count + key.utf8.count
        guard size <= capacity / 4 else { return }
        contents.withLock { contents in
            if contents.bytes + size > capacity { contents = Contents() }
            if contents.entries.updateValue(Entry(data: data, warnings: warnings), forKey: key) == nil { contents.bytes += size }
        }
    }

    /// How many drawings are held (for tests).
    public var count: Int { contents.withLock { $0.entries.count } }
}
