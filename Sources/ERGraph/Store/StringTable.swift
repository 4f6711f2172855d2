/// Strings packed into one UTF-8 buffer with an offset per string.
///
/// A million names cost one allocation instead of a million, and the table copies as two
/// arrays. Reading a string back decodes it from the buffer.
public struct StringTable: Sendable, Hashable {
    private(set) var bytes: [UInt8] = []
    private(set) var ends: [Int] = []

    public init() {}

    /// A table from its raw parts (snapshots); nil when the parts do not fit together.
    init?(bytes: [UInt8], ends: [Int]) {
        var previous = 0
        for end in ends {
            guard end >= previous, end <= bytes.count else { return nil }
            previous = end
        }
        guard ends.last.map({ $0 == bytes.count }) ?? bytes.isEmpty else { return nil }
        self.bytes = bytes
        self.ends = ends
    }

    public var count: Int { ends.count }

    public mutating func reserveCapacity(strings: Int, bytes byteCount: Int) {
        ends.reserveCapacity(strings)
        bytes.reserveCapacity(byteCount)
    }

    /// Appends a string and returns its position.
    @discardableResult
    public mutating func append(_ string: String) -> Int {
        var copy = string
        copy.withUTF8 { bytes.append(contentsOf: $0) }
        ends.append(bytes.count)
        return ends.count - 1
    }

    /// Appends UTF-8 bytes as they are, without building a `String`: the bulk loaders' path.
    @discardableResult
    public mutating func append(bytes: UnsafeBufferPointer<UInt8>) -> Int {
        self.bytes.append(contentsOf: bytes)
        ends.append(self.bytes.count)
        return ends.count - 1
    }

    /// Appends `count` empty strings (links without ids, in bulk).
    public mutating func appendEmpty(count: Int) {
        ends.append(contentsOf: repeatElement(bytes.count, count: count))
    }

    public subscript(position: Int) -> String {
        let start = position == 0 ? 0 : ends[position - 1]
        let end = ends[position]
        return bytes.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self)
        }
    }

    /// The number of UTF-8 bytes of the string at `position`, without decoding it.
    public func byteCount(at position: Int) -> Int {
        ends[position] - (position == 0 ? 0 : ends[position - 1])
    }

    /// Approximate bytes held, for memory reports.
    public var memoryFootprint: Int { bytes.capacity + ends.capacity * MemoryLayout<Int>.stride }
}
