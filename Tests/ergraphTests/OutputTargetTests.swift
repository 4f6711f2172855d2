import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// Where `-o` points: regular files are replaced whole (a kill at any moment leaves the old file
/// or the new one), links are followed, devices and pipes are written through, `-` is standard
/// output, and a file that exists keeps its permissions.
@Suite("Output targets")
struct OutputTargetTests {
    let cli = CLITests()
    static let story = CLITests.packageRoot.appendingPathComponent("Graph/ice-surveillance.yaml").path
    static let awards = CLITests.packageRoot.appendingPathComponent("Graph/ice-contracts-fy2018.yaml").path

    func temporaryFolder() throws -> URL { try CLITests.temporaryFolder("ergraph-out") }

    func fileType(_ path: String, following: Bool = false) -> mode_t {
        var status = stat()
        let result = following ? stat(path, &status) : lstat(path, &status)
        return result == 0 ? status.st_mode & S_IFMT : 0
    }

    func exported(_ folder: URL) throws -> Data {
        let file = folder.appendingPathComponent("reference.json").path
        #expect(try cli.ergraph("export", "--graph", Self.story, "--format", "json", "-o", file).status == 0)
        return try Data(contentsOf: URL(fileURLWithPath: file))
    }

    @Test("a symbolic link is followed: its target is replaced and keeps mode 0640; the link stays a link")
    func symbolicLink() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("real.json").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: target))
        #expect(chmod(target, 0o640) == 0)
        let link = folder.appendingPathComponent("link.json").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.json")
        let run = try cli.ergraph("export", "--graph", Self.story, "--format", "json", "-o", link)
        #expect(run.status == 0 && run.stderr.isEmpty)
        #expect(fileType(link) == S_IFLNK)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real.json")
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == (try exported(folder)))
        var status = stat()
        #expect(stat(target, &status) == 0 && status.st_mode & 0o7777 == 0o640)
        // A link to a file not there yet creates it; the folder of a dangling one must exist.
        let fresh = folder.appendingPathComponent("fresh.json").path
        try FileManager.default.createSymbolicLink(atPath: fresh, withDestinationPath: "new.json")
        #expect(try cli.ergraph("export", "--graph", Self.story, "--format", "json", "-o", fresh).status == 0)
        #expect(fileType(folder.appendingPathComponent("new.json").path) == S_IFREG && fileType(fresh) == S_IFLNK)
        let dangling = folder.appendingPathComponent("dangling.json").path
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: "missing/none.json")
        let refused = try cli.ergraph("export", "--graph", Self.story, "--format", "json", "-o", dangling)
        #expect(refused.status == 1)
        #expect(refused.stderr == "ergraph: error: cannot write \(dangling): the folder \(folder.path)/missing does not exist\n")
    }

    @Test("a FIFO is written through, and stays a FIFO")
    func fifo() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reference = try exported(folder)
        let pipe = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(pipe, 0o600) == 0)
        // The reader opens the FIFO; the writer's open waits for it.
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/cat")
        reader.arguments = [pipe]
        let received = Pipe()
        reader.standardOutput = received
        try reader.run()
        let run = try cli.ergraph("export", "--graph", Self.story, "--format", "json", "-o", pipe)
        let bytes = received.fileHandleForReading.readDataToEndOfFile()
        reader.waitUntilExit()
        #expect(run.status == 0)
        #expect(bytes == reference)
        #expect(fileType(pipe) == S_IFIFO)
    }

    @Test("a character device made in a temporary folder is written through, not replaced", .enabled(if: getuid() == 0, "mknod needs root"))
    func device() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let null = folder.appendingPathComponent("null").path
        // The same device as /dev/null: major 1, minor 3.
        // makedev(1, 3) on Linux, written out: the macro is not imported into Swift.
        #expect(mknod(null, S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0)
        for format in ["json", "graphml", "dot"] {
            #expect(try cli.ergraph("export", "--graph", Self.story, "--format", format, "-o", null).status == 0)
        }
        #expect(try cli.ergraph("render", "--graph", Self.story, "--image-format", "svg", "-o", null).status == 0)
        #expect(try cli.ergraph("snapshot", "--graph", Self.story, "-o", null).status == 0)
        #expect(fileType(null) == S_IFCHR)
        // A format of two files cannot go to one device; nothing is written beside it.
        let csv = try cli.ergraph("export", "--graph", Self.story, "--format", "csv", "-o", null)
        #expect(csv.status == 2)
        #expect(csv.stderr == "ergraph: error: csv writes 2 files, named after -o: give a file name, not \(null)\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["null"])
    }

    @Test("-o - and /dev/stdout write to standard output, through a pipe or into a redirected file")
    func standardOutput() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reference = try exported(folder)
        for target in ["-", "/dev/stdout"] {
            let run = try cli.ergraph("export", "--graph", Self.story, "--format", "json", "-o", target)
            #expect(run.status == 0 && Data(run.stdout.utf8) == reference)
        }
        // Redirected into a file, as a shell does: the file is written, not renamed over.
        let redirected = folder.appendingPathComponent("redirected.json")
        FileManager.default.createFile(atPath: redirected.path, contents: nil)
        let handle = try FileHandle(forWritingTo: redirected)
        let process = Process()
        process.executableURL = CLITests.executable
        process.arguments = ["export", "--graph", Self.story, "--format", "json", "-o", "/dev/stdout"]
        process.standardOutput = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        #expect(process.terminationStatus == 0)
        #expect(try Data(contentsOf: redirected) == reference)
        let csv = try cli.ergraph("export", "--graph", Self.story, "--format", "csv", "-o", "-")
        #expect(csv.status == 2 && csv.stdout.isEmpty)
    }

    @Test("export --format spark writes a folder: named with -o, replaced only when it wrote it, never into a stream")
    func sparkFolder() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("tables").path
        let first = try cli.ergraph("export", "--graph", Self.story, "--format", "spark", "--partition-rows", "25", "-o", target)
        #expect(first.status == 0)
        #expect(first.stderr == "ergraph: note: \(target): 46 entities and 70 relationships in 5 CSV files; schema and read options in \(target)/schema.json\n")
        let again = try cli.ergraph("export", "--graph", Self.story, "--format", "spark", "-o", target)
        #expect(again.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: target + "/relationships") == ["part-00000.csv"])
        let noOutput = try cli.ergraph("export", "--graph", Self.story, "--format", "spark")
        #expect(noOutput.status == 2 && noOutput.stderr.contains("spark writes a folder of 3 files: name it with -o DIR"))
        let stream = try cli.ergraph("export", "--graph", Self.story, "--format", "spark", "-o", "-")
        #expect(stream.status == 2 && stream.stdout.isEmpty)
        let zero = try cli.ergraph("export", "--graph", Self.story, "--format", "spark", "--partition-rows", "0", "-o", target)
        #expect(zero.status == 2 && zero.stderr.contains("--partition-rows must be at least 1, not 0"))
        let notes = folder.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: notes.appendingPathComponent("draft.txt"))
        let foreign = try cli.ergraph("export", "--graph", Self.story, "--format", "spark", "-o", notes.path)
        #expect(foreign.status == 1)
        #expect(foreign.stderr.contains("the folder holds files this export did not write (no schema.json); nothing was replaced"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: notes.path) == ["draft.txt"])
    }

    /// What a finished file must be for each command killed on its way.
    enum Check { case json, svg, dataset, snapshot }

    func isWhole(_ path: String, _ check: Check) throws -> Bool {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        switch check {
        case .json:
            return (try? JSONSerialization.jsonObject(with: data)) != nil
        case .svg:
            let parser = XMLParser(data: data)
            return parser.parse() && String(decoding: data.suffix(16), as: UTF8.self).contains("</svg>")
        case .dataset:
            return try cli.ergraph("validate", path).status == 0
        case .snapshot:
            return try cli.ergraph("stats", "--graph", path).status == 0
        }
    }

    @Test("SIGKILL at moments spread over a run of export, render, import and snapshot leaves the target absent, or whole and valid")
    func killed() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let mapping = CLITests.packageRoot.appendingPathComponent("Graph/ice-contracts-fy2018.mapping.yaml").path
        let table = CLITests.packageRoot.appendingPathComponent("Graph/sources/ice-awards-fy2018/ice_awards_explorer.csv").path
        let commands: [(name: String, arguments: [String], output: String, check: Check)] = [
            ("export", ["export", "--graph", Self.story, "--graph", Self.awards, "--format", "json"], "export.json", .json),
            ("render", ["render", "--graph", Self.story, "--image-format", "svg"], "render.svg", .svg),
            ("import", ["import", "--from", "csv", "--mapping", mapping, table], "import.yaml", .dataset),
            ("snapshot", ["snapshot", "--graph", Self.story, "--graph", Self.awards], "snapshot.ergs", .snapshot),
        ]
        var outcomes: [String: [String: Int]] = [:]
        for command in commands {
            let output = folder.appendingPathComponent(command.output).path
            // One run to completion: how long the command takes, and the file it makes.
            let started = Date()
            #expect(try cli.ergraph(arguments: command.arguments + ["-o", output]).status == 0)
            let duration = Date().timeIntervalSince(started)
            #expect(try isWhole(output, command.check))
            // Four kills over 1.2 times that span, on a fresh target and then over the previous file.
            for run in 0..<4 {
                if run < 2 {
                    try? FileManager.default.removeItem(atPath: output)
                } else if !FileManager.default.fileExists(atPath: output) {
                    #expect(try cli.ergraph(arguments: command.arguments + ["-o", output]).status == 0)
                }
                let process = Process()
                process.executableURL = CLITests.executable
                process.arguments = command.arguments + ["-o", output]
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                usleep(UInt32(duration * 1.2 * Double(run % 2 + 1) / 2.5 * 1_000_000))
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                let outcome: String
                if !FileManager.default.fileExists(atPath: output) {
                    outcome = "absent"
                } else if try isWhole(output, command.check) {
                    outcome = "whole"
                } else {
                    outcome = "broken"
                }
                outcomes[command.name, default: [:]][outcome, default: 0] += 1
            }
            #expect(outcomes[command.name]?["broken"] == nil, "\(command.name): \(outcomes[command.name] ?? [:])")
            #expect(outcomes[command.name]?.values.reduce(0, +) == 4)
            // The runs over an existing file always leave one: the old or the new.
            #expect((outcomes[command.name]?["whole"] ?? 0) >= 2)
        }
    }
}
