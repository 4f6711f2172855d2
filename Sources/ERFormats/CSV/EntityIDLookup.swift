/// Entity ids looked up by their bytes, without making a `String` per lookup: the relationship
/// list's two ends per row are its hottest path.
///
/// Ids written as one prefix and consecutive numbers in row order (`0, 1, 2, …`, `e1, e2, …`)
/// are recognised and resolved by arithmetic, without hashing; any other ids go through an
/// open-addressing table over the bytes. Immutable once built, so chunks read in parallel
/// share it.
struct EntityIDLookup: Sendable {
    private enum Mode: Sendable {
        /// id(i) == prefix + decimal(first + i), every id canonical (no leading zeros).
        case dense(prefix: [UInt8], first: Int)
        /// slots[hash & mask] chains by linear probing to the row holding the id, -1 when empty.
        case hashed(slots: [Int32], mask: Int)
    }

    private let mode: Mode
    private let arena: [UInt8]
    private let ends: [Int]
    let count: Int

    /// The ids in row order, as their UTF-8 bytes packed in `arena` with each one's end in `ends`.
    init(arena: [UInt8], ends: [Int]) {
        self.arena = arena
        self.ends = ends
        count = ends.count
        if let dense = Self.densePattern(arena: arena, ends: ends) {
            mode = dense
        } else {
            var capacity = 16
            while capacity < ends.count * 2 { capacity <<= 1 }
            var slots = [Int32](repeating: -1, count: capacity)
            let mask = capacity - 1
            arena.withUnsafeBufferPointer { bytes in
                var start = 0
                for (row, end) in ends.enumerated() {
                    var slot = Self.hash(UnsafeBufferPointer(rebasing: bytes[start..<end])) & mask
                    // A repeated id keeps its first row; the loader reports the repeat itself.
                    while slots[slot] >= 0 { slot = (slot + 1) & mask }
                    slots[slot] = Int32(row)
                    start = end
                }
            }
            mode = .hashed(slots: slots, mask: mask)
        }
    }

    /// Whether ids are resolved by arithmetic (for the benchmark's notes and the tests).
    var isDense: Bool { if case .dense = mode { return true } else { return false } }

    /// The row of the entity whose id is exactly these bytes.
    func row(of key: UnsafeBufferPointer<UInt8>) -> Int32? {
        switch mode {
        case let .dense(prefix, first):
            guard key.count > prefix.count, key.count - prefix.count <= 18 else { return nil }
            for (offset, byte) in prefix.enumerated() where key[offset] != byte { return nil }
            let digits = key.count - prefix.count
            if digits > 1, key[prefix.count] == UInt8(ascii: "0") { return nil }
            var value = 0
            for index in prefix.count..<key.count {
                let digit = Int(key[index]) &- 48
                guard digit >= 0, digit <= 9 else { return nil }
                value = value * 10 + digit
            }
            let row = value - first
            return row >= 0 && row < count ? Int32(row) : nil
        case let .hashed(slots, mask):
            var slot = Self.hash(key) & mask
            return arena.withUnsafeBufferPointer { bytes in
                while true {
                    let row = Int(slots[slot])
                    if row < 0 { return nil }
                    let start = row == 0 ? 0 : ends[row - 1]
                    if ends[row] - start == key.count {
                        guard key.count > 0, let stored = bytes.baseAddress, let wanted = key.baseAddress else { return Int32(row) }
                        if memcmp(stored + start, wanted, key.count) == 0 { return Int32(row) }
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    /// FNV-1a over the bytes, folded: ids are short, so a simple byte hash costs less than
    /// Swift's seeded `Hasher` plus a `String` for each key.
    @inline(__always) private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: value ^ (value >> 29))
    }

    /// `prefix + (first + row)` for every row, if the ids are written so.
    private static func densePattern(arena: [UInt8], ends: [Int]) -> Mode? {
        guard let firstEnd = ends.first, firstEnd > 0 else { return nil }
        let firstID = arena[0..<firstEnd]
        guard let digitStart = firstID.lastIndex(where: { $0 < 48 || $0 > 57 }).map({ $0 + 1 }) ?? Optional(0),
              digitStart < firstEnd, firstEnd - digitStart <= 18 else { return nil }
        let prefix = Array(arena[0..<digitStart])
        let digits = arena[digitStart..<firstEnd]
        guard digits.count == 1 || digits.first != UInt8(ascii: "0") else { return nil }
        let first = digits.reduce(0) { $0 * 10 + Int($1 - 48) }
        var start = 0
        var expected: [UInt8] = []
        for (row, end) in ends.enumerated() {
            expected = prefix
            expected.append(contentsOf: String(first + row).utf8)
            guard end - start == expected.count, arena[start..<end].elementsEqual(expected) else { return nil }
            start = end
        }
        return .dense(prefix: prefix, first: first)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
