import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a folder of files whole or not at all, for exports that are folders (partitioned
/// tables): the files go into a hidden temporary folder beside the target, each flushed to disk,
/// and the folder is renamed into place.
///
/// A folder already there is replaced only when it is one this kind of export wrote (it holds
/// `marker`, for instance `schema.json` of a Spark export) or is empty: anything else in it is
/// someone's work, and the write is refused rather than lose it. Replacing takes two renames
/// (the old folder aside, the new one in), so a kill between them leaves the target absent and
/// the old copy in `.NAME.old-…` beside it, never a mix of the two.
public enum AtomicFolder {
    /// `files` are paths relative to the folder (`entities/part-00000.csv`) and their bytes.
    public static func write(_ files: [(path: String, data: Data)], to folder: String, marker: String) throws(OutputError) {
        let target = URL(fileURLWithPath: folder).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: parent.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw OutputError(path: folder, reason: "the folder \(parent.path) does not exist")
        }
        let exists = manager.fileExists(atPath: target.path, isDirectory: &isFolder)
        if exists {
            guard isFolder.boolValue else {
                throw OutputError(path: folder, reason: "it is a file, and this export writes a folder: name a new or empty folder")
            }
            let contents = (try? manager.contentsOfDirectory(atPath: target.path)) ?? []
            guard contents.isEmpty || contents.contains(marker) else {
                throw OutputError(path: folder, reason: "the folder holds files this export did not write (no \(marker)); "
                                  + "nothing was replaced: name a new or empty folder")
            }
        }
        for file in files where file.path.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }) || file.path.hasPrefix("/") {
            throw OutputError(path: folder, reason: "the export named a file outside its folder: \(file.path)")
        }
        let name = target.lastPathComponent
        let temporary = parent.appendingPathComponent(".\(name).\(UUID().uuidString).tmp")
        do {
            try manager.createDirectory(at: temporary, withIntermediateDirectories: false)
        } catch {
            throw OutputError(path: folder, reason: "cannot make a temporary folder beside it: \(error.localizedDescription)")
        }
        do throws(OutputError) {
            for file in files {
                let url = temporary.appendingPathComponent(file.path)
                do {
                    try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                } catch {
                    throw OutputError(path: folder, reason: "cannot make the folder for \(file.path): \(error.localizedDescription)")
                }
                try writeFlushed(file.data, to: url.path, reporting: folder)
            }
            if exists {
                let aside = parent.appendingPathComponent(".\(name).old-\(UUID().uuidString)")
                guard rename(target.path, aside.path) == 0 else { throw OutputError(path: folder, reason: String(cString: strerror(errno))) }
                guard rename(temporary.path, target.path) == 0 else {
                    let reason = String(cString: strerror(errno))
                    _ = rename(aside.path, target.path)
                    throw OutputError(path: folder, reason: reason)
                }
                try? manager.removeItem(at: aside)
            } else {
                guard rename(temporary.path, target.path) == 0 else { throw OutputError(path: folder, reason: String(cString: strerror(errno))) }
            }
        } catch {
            try? manager.removeItem(at: temporary)
            throw error
        }
    }

    private static func writeFlushed(_ data: Data, to path: String, reporting folder: String) throws(OutputError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw OutputError(path: folder, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        try AtomicFile.writeThrough(data, descriptor: descriptor, path: folder)
        guard fsync(descriptor) == 0 else { throw OutputError(path: folder, reason: String(cString: strerror(errno))) }
    }
}
