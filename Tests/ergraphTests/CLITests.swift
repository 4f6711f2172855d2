import Foundation
import Testing

/// The `ergraph` executable as a user runs it: output, messages and exit status.
@Suite("Command line")
struct CLITests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary built next to the test bundle (swift test builds it: this target depends on it).
    static let executable: URL = {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for folder in [besideTests, besideTests.deletingLastPathComponent(), packageRoot.appendingPathComponent(".build/debug")] {
            let candidate = folder.appendingPathComponent("ergraph")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return packageRoot.appendingPathComponent(".build/debug/ergraph")
    }()

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func ergraph(_ arguments: String..., environment: [String: String] = [:],
                 directory: URL = CLITests.packageRoot) throws -> Run {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "ERGRAPH_GRAPH")
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test("validate --strict accepts the default dataset")
    func validateDefault() throws {
        let run = try ergraph("validate", "--strict")
        #expect(run.status == 0)
        #expect(run.stdout == "Graph/ice-surveillance.yaml: valid: 45 entities, 69 relationships, 1 source\n")
        #expect(run.stderr.isEmpty)
    }

    @Test("validate reports FILE:LINE:COLUMN on stderr and exits 1; good files still pass")
    func validateErrors() throws {
        let run = try ergraph("validate", "Graph/ice-surveillance.yaml", "Tests/Fixtures/invalid/dangling-from.yaml")
        #expect(run.status == 1)
        #expect(run.stdout == "Graph/ice-surveillance.yaml: valid: 45 entities, 69 relationships, 1 source\n")
        #expect(run.stderr == """
            Tests/Fixtures/invalid/dangling-from.yaml:15:11: error: 'from' refers to unknown entity 'palantr'; did you mean 'palantir'?
            Tests/Fixtures/invalid/dangling-from.yaml: invalid: 1 error

            """)
    }

    @Test("validate --format json lists each diagnostic with its position")
    func validateJSON() throws {
        let run = try ergraph("validate", "--format", "json", "Tests/Fixtures/invalid/date-month-13.yaml")
        #expect(run.status == 1)
        let reports = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        let diagnostic = try #require((reports.first?["diagnostics"] as? [[String: Any]])?.first)
        #expect(diagnostic["line"] as? Int == 17)
        #expect(diagnostic["column"] as? Int == 12)
        #expect(diagnostic["severity"] as? String == "error")
        #expect(reports.first?["valid"] as? Bool == false)
    }

    @Test("stats --format json gives the counts, by kind, and components")
    func statsJSON() throws {
        let run = try ergraph("stats", "--format", "json")
        #expect(run.status == 0)
        let stats = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(stats["entities"] as? Int == 45)
        #expect(stats["relationships"] as? Int == 69)
        #expect(stats["sources"] as? Int == 1)
        #expect(stats["components"] as? Int == 1)
        #expect((stats["entitiesByKind"] as? [String: Int])?["contract"] == 9)
        #expect((stats["relationshipsByKind"] as? [String: Int])?["awarded"] == 9)
        // Byte-identical on a second run.
        #expect(try ergraph("stats", "--format", "json").stdout == run.stdout)
    }

    @Test("stats text summary")
    func statsText() throws {
        let run = try ergraph("stats")
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("ICE surveillance technology supply chain (Graph/ice-surveillance.yaml)\n  entities       45: product 10, contract 9,"))
        #expect(run.stdout.contains("  components     1 (the largest has 45 entities)"))
    }

    @Test("$ERGRAPH_GRAPH names the dataset; --graph wins over it")
    func environment() throws {
        let fromEnvironment = try ergraph("stats", environment: ["ERGRAPH_GRAPH": "Tests/Fixtures/invalid/missing-entities.yaml"])
        #expect(fromEnvironment.status == 1)
        #expect(fromEnvironment.stderr.contains("missing-entities.yaml:1:1: error: the dataset is missing required field 'entities'"))
        let overridden = try ergraph("stats", "--graph", "Graph/ice-surveillance.yaml",
                                     environment: ["ERGRAPH_GRAPH": "Tests/Fixtures/invalid/missing-entities.yaml"])
        #expect(overridden.status == 0)
    }

    @Test("show names an entity by alias and prints each link with its quote")
    func show() throws {
        let run = try ergraph("show", "hsi")
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("Homeland Security Investigations  (hsi, agency)\n  also known as: HSI\n"))
        #expect(run.stdout.contains("""
              → part of U.S. Immigration and Customs Enforcement (ice)
                  “Homeland Security Investigations, the law enforcement division of ICE” [1]
            """))
        #expect(run.stdout.contains("  [1] Bitget News (Bitget-RWA), rewriting TechCrunch's reporting"))
    }

    @Test("show --format json returns the entity, its links and the sources they cite")
    func showJSON() throws {
        let run = try ergraph("show", "Paragon", "--format", "json")
        #expect(run.status == 0)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect((report["entity"] as? [String: Any])?["id"] as? String == "paragon-solutions")
        let incoming = try #require(report["incoming"] as? [[String: Any]])
        #expect(incoming.map { $0["id"] as? String }.contains("ae-industrial-acquired-paragon"))
        #expect((report["sources"] as? [[String: Any]])?.count == 1)
    }

    @Test("unknown entity: a suggestion on stderr and exit 2")
    func unknownEntity() throws {
        let run = try ergraph("show", "Palantr")
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == "ergraph: error: unknown entity 'Palantr'; did you mean 'Palantir' (id palantir)?\n")
    }

    @Test("usage errors exit 2 with a hint")
    func usageErrors() throws {
        let unknownOption = try ergraph("stats", "--frmat", "json")
        #expect(unknownOption.status == 2)
        #expect(unknownOption.stderr.contains("Unknown option '--frmat'"))
        let badFormat = try ergraph("stats", "--format", "xml")
        #expect(badFormat.status == 2)
        let twoGraphs = try ergraph("stats", "--graph", "a.yaml", "--graph", "b.yaml")
        #expect(twoGraphs.status == 2)
    }

    @Test("a missing dataset: one clear line and exit 1")
    func missingDataset() throws {
        let elsewhere = FileManager.default.temporaryDirectory
        let run = try ergraph("stats", directory: elsewhere)
        #expect(run.status == 1)
        #expect(run.stderr == "ergraph: error: cannot read Graph/ice-surveillance.yaml: no such file (name a dataset with --graph FILE or $ERGRAPH_GRAPH)\n")
    }

    @Test("--version, version and --help on every command")
    func helpAndVersion() throws {
        #expect(try ergraph("--version").stdout == "ergraph 0.1.0\n")
        let version = try ergraph("version")
        #expect(version.stdout.hasPrefix("ergraph 0.1.0 (Graphviz "))
        for command in ["validate", "stats", "list", "show", "kinds", "version"] {
            let help = try ergraph(command, "--help")
            #expect(help.status == 0, "\(command) --help")
            #expect(help.stdout.contains("USAGE: ergraph \(command)"))
        }
    }
}

@Suite("Command line: listing and committed output")
struct CLIListingTests {
    let cli = CLITests()

    @Test("list filters by kind and refuses unknown kinds")
    func list() throws {
        let people = try cli.ergraph("list", "--kind", "person")
        #expect(people.status == 0)
        #expect(people.stdout == """
            donald-trump      person  Donald Trump (President Donald Trump, Trump)
            jennifer-iras     person  Jennifer Iras
            jennifer-richman  person  Jennifer Richman
            peter-thiel       person  Peter Thiel

            """)
        let wrong = try cli.ergraph("list", "--kind", "persn")
        #expect(wrong.status == 2)
        #expect(wrong.stderr == "ergraph: error: unknown entity kind 'persn'; did you mean 'person'?\n")
    }

    @Test("kinds lists built-in and declared kinds with counts, even for an invalid dataset")
    func kinds() throws {
        let run = try cli.ergraph("kinds", "--format", "json")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let relationshipKinds = try #require(report["relationshipKinds"] as? [[String: Any]])
        let suspended = try #require(relationshipKinds.first { $0["id"] as? String == "suspended" })
        #expect(suspended["count"] as? Int == 1)
        let invalid = try cli.ergraph("kinds", "--graph", "Tests/Fixtures/invalid/unknown-entity-kind.yaml")
        #expect(invalid.status == 0)
        #expect(invalid.stdout.contains("  agency        a government body"))
    }

    @Test("the committed Output/ice-surveillance.stats.json is what make demo writes today")
    func committedStats() throws {
        let committed = try String(contentsOf: CLITests.packageRoot.appendingPathComponent("Output/ice-surveillance.stats.json"),
                                   encoding: .utf8)
        #expect(try cli.ergraph("stats", "--format", "json").stdout == committed)
    }
}
