import Dispatch
import ERGraph
import Foundation

/// The relationship list read on every core: the body is cut into chunks at line ends, each chunk
/// is parsed on its own thread into plain columns, and the columns are appended to the builder in
/// file order, so the graph is the same, byte for byte, as the one-record-at-a-time reader's.
///
/// It takes only the files it can read exactly as that reader would: no quote anywhere (a quoted
/// field may hold a line break, so a chunk could start inside one), no ids on links, no text
/// columns, no bare `\r` line ends. Anything else, and any row that is wrong (an unknown entity,
/// a missing field, a value that is not a number), returns nil, and the caller reads the file
/// one record at a time, which says where and what the problem is. Measured on a 1,000,000-row
/// list with two cores (`make bench`): see bench/results.
enum CSVEdgeChunks {
    /// Which fields of a row mean what.
    struct Layout: Sendable {
        var fieldCount: Int
        var source: Int
        var target: Int
        var kind: Int?
        /// Extra columns, all numeric (declared or to be guessed), in header order.
        var numeric: [(position: Int, name: String, declared: Bool)]
        var delimiter: UInt8
    }

    /// What one chunk read. Kinds are local codes: 0 for an empty field, k for `kindNames[k - 1]`.
    struct Chunk: Sendable {
        var from: [Int32] = []
        var to: [Int32] = []
        var kinds: [UInt16] = []
        var kindNames: [[UInt8]] = []
        var numbers: [[Double]]
        /// Per numeric column, whether any row held a value (a column with none is text).
        var valued: [Bool]
    }

    /// The bytes, shared read-only by the chunk threads while the caller keeps them alive.
    private struct SharedBytes: @unchecked Sendable { let bytes: UnsafeBufferPointer<UInt8> }

    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var chunks: [Chunk?]
        init(count: Int) { chunks = Array(repeating: nil, count: count) }
        func set(_ chunk: Chunk?, at index: Int) { lock.lock(); chunks[index] = chunk; lock.unlock() }
        var all: [Chunk]? { lock.lock(); defer { lock.unlock() }; return chunks.allSatisfy { $0 != nil } ? chunks.compactMap { $0 } : nil }
    }

    /// The chunks of `body` (the bytes after the header), read in parallel; nil when the fast
    /// path does not apply or a row is wrong.
    static func read(body: UnsafeBufferPointer<UInt8>, layout: Layout, lookup: EntityIDLookup,
                     minimumBytes: Int, threads: Int) -> [Chunk]? {
        guard !body.isEmpty else { return [Chunk(numbers: layout.numeric.map { _ in [] }, valued: layout.numeric.map { _ in false })] }
        // memchr, not `contains`: vectorised, a few milliseconds on 40 MB.
        if let base = body.baseAddress, memchr(base, Int32(UInt8(ascii: "\"")), body.count) != nil { return nil }
        // Below a megabyte or so a second thread costs more than it saves.
        let count = max(1, min(threads, body.count / max(1, minimumBytes)))
        var bounds = [0]
        for index in 1..<max(count, 1) {
            var cut = max(bounds[bounds.count - 1], body.count * index / count)
            while cut < body.count, body[cut] != 0x0A { cut += 1 }
            bounds.append(min(body.count, cut + 1))
        }
        bounds.append(body.count)
        let cuts = bounds
        let shared = SharedBytes(bytes: body)
        let results = Results(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            results.set(parse(shared.bytes, from: cuts[index], to: cuts[index + 1], layout: layout, lookup: lookup), at: index)
        }
        return results.all
    }

    private static func parse(_ body: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int,
                              layout: Layout, lookup: EntityIDLookup) -> Chunk? {
        let lineFeed: UInt8 = 0x0A, carriageReturn: UInt8 = 0x0D
        var chunk = Chunk(numbers: layout.numeric.map { _ in [] }, valued: layout.numeric.map { _ in false })
        let estimate = (end - start) / 24
        chunk.from.reserveCapacity(estimate)
        chunk.to.reserveCapacity(estimate)
        chunk.kinds.reserveCapacity(estimate)
        for column in chunk.numbers.indices { chunk.numbers[column].reserveCapacity(estimate) }
        var fieldStarts = [Int](repeating: 0, count: layout.fieldCount)
        var fieldEnds = [Int](repeating: 0, count: layout.fieldCount)
        var lastKind = 0
        var position = start
        while position < end {
            let first = body[position]
            if first == lineFeed { position += 1; continue }
            if first == carriageReturn {
                guard position + 1 < body.count, body[position + 1] == lineFeed else { return nil }
                position += 2
                continue
            }
            var fields = 0
            var fieldStart = position
            while true {
                let byte = position < end ? body[position] : lineFeed
                if byte == layout.delimiter || byte == lineFeed || byte == carriageReturn {
                    guard fields < layout.fieldCount else { return nil }
                    fieldStarts[fields] = fieldStart
                    fieldEnds[fields] = position
                    fields += 1
                    if byte == layout.delimiter {
                        position += 1
                        fieldStart = position
                        continue
                    }
                    break
                }
                position += 1
            }
            guard fields == layout.fieldCount else { return nil }
            if position < end {
                if body[position] == carriageReturn {
                    guard position + 1 < body.count, body[position + 1] == lineFeed else { return nil }
                    position += 2
                } else {
                    position += 1
                }
            }
            func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
                UnsafeBufferPointer(rebasing: body[fieldStarts[index]..<fieldEnds[index]])
            }
            guard let from = lookup.row(of: field(layout.source)), let to = lookup.row(of: field(layout.target)) else { return nil }
            chunk.from.append(from)
            chunk.to.append(to)
            if let kindColumn = layout.kind {
                let raw = field(kindColumn)
                if raw.isEmpty {
                    chunk.kinds.append(0)
                } else if lastKind > 0, chunk.kindNames[lastKind - 1].elementsEqual(raw) {
                    chunk.kinds.append(UInt16(lastKind))
                } else {
                    if let known = chunk.kindNames.firstIndex(where: { $0.elementsEqual(raw) }) {
                        lastKind = known + 1
                    } else {
                        guard chunk.kindNames.count < Int(UInt16.max) - 1 else { return nil }
                        chunk.kindNames.append(Array(raw))
                        lastKind = chunk.kindNames.count
                    }
                    chunk.kinds.append(UInt16(lastKind))
                }
            } else {
                chunk.kinds.append(0)
            }
            for (column, extra) in layout.numeric.enumerated() {
                let raw = field(extra.position)
                if raw.isEmpty {
                    chunk.numbers[column].append(.nan)
                } else if let value = number(raw) {
                    chunk.numbers[column].append(value)
                    chunk.valued[column] = true
                } else {
                    return nil
                }
            }
        }
        return chunk
    }

    /// The number the one-record reader would read (`Double(String)`, finite only), with whole
    /// numbers of up to 15 digits read directly: exact, and most of a list's amounts.
    @inline(__always) static func number(_ raw: UnsafeBufferPointer<UInt8>) -> Double? {
        var index = 0
        var negative = false
        if raw[0] == UInt8(ascii: "-") { negative = true; index = 1 }
        let digits = raw.count - index
        if digits > 0, digits <= 15 {
            var value = 0
            var whole = true
            while index < raw.count {
                let digit = Int(raw[index]) &- 48
                if digit < 0 || digit > 9 { whole = false; break }
                value = value * 10 + digit
                index += 1
            }
            if whole { return negative ? -Double(value) : Double(value) }
        }
        guard raw.count < 64 else { return nil }
        return Double(String(decoding: raw, as: UTF8.self)).flatMap { $0.isFinite ? $0 : nil }
    }
}
