import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why an output file could not be written.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "cannot write \(path): \(reason)" }
}

/// Writes files whole or not at all, and respects what is already there.
///
/// - A regular file (or none yet) is written to a temporary file in the same folder, flushed to
///   disk, and renamed over the target: a failure or a kill at any moment leaves the old file or
///   the new one, never half a file. A file that exists keeps its permissions (and, for root,
///   its owner).
/// - A symbolic link is followed: its target is replaced the same way, and the link stays.
/// - A character device, FIFO or socket (`/dev/null`, a named pipe, a terminal) is written
///   through: replacing `/dev/null` with a regular file would break every later `> /dev/null`.
/// - `-`, `/dev/stdout` and `/dev/fd/1` mean standard output, written through its descriptor
///   (resolving the path would rename over a file the shell redirected into).
public enum AtomicFile {
    public static func write(_ data: Data, to path: String) throws(OutputError) {
        if let descriptor = standardDescriptor(path) {
            try writeThrough(data, descriptor: descriptor, path: path)
            return
        }
        let target = try resolved(path)
        var status = stat()
        if stat(target, &status) == 0 {
            switch status.st_mode & S_IFMT {
            case S_IFDIR:
                throw OutputError(path: path, reason: "it is a folder")
            case S_IFREG:
                try replace(target, with: data, keeping: status, path: path)
            default:
                let descriptor = open(target, O_WRONLY | O_CLOEXEC)
                guard descriptor >= 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
                defer { close(descriptor) }
                try writeThrough(data, descriptor: descriptor, path: path)
            }
        } else {
            try replace(target, with: data, keeping: nil, path: path)
        }
    }

    /// Whether writing to `path` goes through to a stream or device (standard output, a device,
    /// a FIFO, a socket, or a link to one) rather than replacing a file: such a target takes
    /// one file, never a set named after it.
    public static func writesThrough(_ path: String) -> Bool {
        if standardDescriptor(path) != nil { return true }
        guard let target = try? resolved(path) else { return false }
        var status = stat()
        guard stat(target, &status) == 0 else { return false }
        let type = status.st_mode & S_IFMT
        return type != S_IFREG && type != S_IFDIR
    }

    public static func write(_ text: String, to path: String) throws(OutputError) {
        try write(Data(text.utf8), to: path)
    }

    /// The descriptor a path names directly, for standard output and error.
    private static func standardDescriptor(_ path: String) -> Int32? {
        switch path {
        case "-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1": return STDOUT_FILENO
        case "/dev/stderr", "/dev/fd/2", "/proc/self/fd/2": return STDERR_FILENO
        default: return nil
        }
    }

    /// The path a chain of symbolic links ends at (which need not exist yet), at most 40 deep.
    private static func resolved(_ path: String) throws(OutputError) -> String {
        var current = path
        for _ in 0..<40 {
            var status = stat()
            guard lstat(current, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current, &buffer, buffer.count - 1)
            guard length > 0 else { throw OutputError(path: path, reason: "cannot read the symbolic link \(current): \(String(cString: strerror(errno)))") }
            let destination = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = destination.hasPrefix("/") ? destination
                : URL(fileURLWithPath: current).deletingLastPathComponent().appendingPathComponent(destination).path
        }
        throw OutputError(path: path, reason: "too many levels of symbolic links")
    }

    static func writeThrough(_ data: Data, descriptor: Int32, path: String) throws(OutputError) {
        let failure: Int32? = data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        if let failure { throw OutputError(path: path, reason: String(cString: strerror(failure))) }
    }

    /// A temporary file beside `target`, written, flushed, given the old file's mode and owner,
    /// and renamed over it.
    private static func replace(_ target: String, with data: Data, keeping existing: stat?, path: String) throws(OutputError) {
        let targetURL = URL(fileURLWithPath: target)
        let folder = targetURL.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw OutputError(path: path, reason: "the folder \(folder.path) does not exist")
        }
        let temporary = folder.appendingPathComponent(".\(targetURL.lastPathComponent).\(UUID().uuidString).tmp").path
        let mode = existing.map { $0.st_mode & 0o7777 } ?? 0o666
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else {
            throw OutputError(path: path, reason: errno == EACCES ? "permission denied" : String(cString: strerror(errno)))
        }
        do throws(OutputError) {
            try writeThrough(data, descriptor: descriptor, path: path)
            if let existing {
                // open() applies the umask; the old file's mode is restored exactly.
                _ = fchmod(descriptor, existing.st_mode & 0o7777)
                if getuid() == 0 { _ = fchown(descriptor, existing.st_uid, existing.st_gid) }
            }
            guard fsync(descriptor) == 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        close(descriptor)
        guard rename(temporary, target) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw OutputError(path: path, reason: reason)
        }
    }
}
