import Foundation

/// A value behind a lock, for the few places that share state between threads (the drawing
/// cache, the opened graph's views, reusable searches, the server's flags).
///
/// Not Synchronization's `Mutex`: on Linux that is a bare futex, which ThreadSanitizer cannot
/// see, so every access under it was reported as a data race (`make test-sanitize`: 11 reports,
/// all under a held lock). This is a pthread mutex (`NSLock`), which it sees; a lock is taken a
/// few times per request or drawing, never in a hot loop, so the difference in cost is nil.
public final class Locked<Value>: @unchecked Sendable {
    // A lock that guards no value is an `NSLock` itself: ThreadSanitizer reports the zero-sized
    // access to a `Locked<Void>`'s value as a race with the object's own header.
    private let lock = NSLock()
    private var value: Value

    public init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with the value, the lock held.
    public func withLock<Result, Failure: Error>(_ body: (inout Value) throws(Failure) -> Result) throws(Failure) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
