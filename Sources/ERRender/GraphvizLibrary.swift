import CGraphviz
import Foundation

/// The one lock every call into Graphviz takes.
///
/// Graphviz 2.42 is not thread-safe: its DOT parser, error log, plugin registry and layout
/// engines keep global state, and concurrent use crashed or tripped assertions when measured
/// (docs/GRAPHVIZ.md, "Thread safety"). One process-wide mutex, not one per context, is the fix.
/// A pthread mutex (`NSLock`), which ThreadSanitizer sees; it guards no Swift value of its own.
let graphvizLock = NSLock()

/// Facts about the Graphviz library linked into this process.
public enum GraphvizLibrary {
    /// The version the library reports at run time, such as `2.42.2` (the pkg-config file
    /// may say otherwise, so this asks the library itself).
    public static var version: String {
        graphvizLock.withLock {
            guard let context = gvContext() else { return "unknown" }
            defer { gvFreeContext(context) }
            guard let version = gvcVersion(context) else { return "unknown" }
            return String(cString: version)
        }
    }
}
