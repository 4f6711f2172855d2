import Foundation

/// Files of the package, found from this source file so tests run from any directory.
enum Paths {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func file(_ relative: String) -> URL { packageRoot.appendingPathComponent(relative) }
}
