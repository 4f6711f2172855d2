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

    /// A new empty folder under the system's temporary folder, named `prefix-UUID`.
    static func temporaryFolder(_ prefix: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func ergraph(_ arguments: String..., environment: [String: String] = [:],
                 directory: URL = CLITests.packageRoot) throws -> Run {
        try ergraph(arguments: arguments, environment: environment, directory: directory)
    }

    func ergraph(arguments: [String], environment: [String: String] = [:],
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
        // Both pipes are drained at once: reading standard output to its end first deadlocks
        // once the child writes more than a pipe holds (64 KB) to standard error, as a
        // sanitizer's report does (seen under `make test-sanitize`).
        let errors = StandardErrorReader(err.fileHandleForReading)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = errors.wait()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test("validate --strict accepts the default dataset")
    func validateDefault() throws {
        let run = try ergraph("validate", "--strict")
        #expect(run.status == 0)
        #expect(run.stdout == "Graph/ice-surveillance.yaml: valid: 46 entities, 70 relationships, 2 sources\n")
        #expect(run.stderr.isEmpty)
    }

    @Test("validate reports FILE:LINE:COLUMN on stderr and exits 1; good files still pass")
    func validateErrors() throws {
        let run = try ergraph("validate", "Graph/ice-surveillance.yaml", "Tests/Fixtures/invalid/dangling-from.yaml")
        #expect(run.status == 1)
        #expect(run.stdout == "Graph/ice-surveillance.yaml: valid: 46 entities, 70 relationships, 2 sources\n")
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
        #expect(stats["entities"] as? Int == 46)
        #expect(stats["relationships"] as? Int == 70)
        #expect(stats["sources"] as? Int == 2)
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
        #expect(run.stdout.hasPrefix("ICE surveillance technology supply chain (Graph/ice-surveillance.yaml)\n  entities       46: product 10, company 9, contract 9,"))
        #expect(run.stdout.contains("  components     1 (the largest has 46 entities)"))
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
        #expect(run.stdout == """
            Homeland Security Investigations  (hsi, agency)
              also known as: HSI
              description: ICE's investigative arm; its cases include online child exploitation, human trafficking and financial crimes.
              “HSI, an investigative arm that deals with more than just immigration, including online child exploitation, human trafficking, and financial crimes” [1]

            Outgoing links (2)
              Homeland Security Investigations is part of U.S. Immigration and Customs Enforcement [ice] · 1 independent source (single-sourced)
                  “Homeland Security Investigations, the law enforcement division of ICE” [1]
              Homeland Security Investigations awarded HSI-Magnet Forensics software license agreement (2025) (since 2025-09) [contract-magnet-2025] · 1 independent source (single-sourced)
                  “In mid-September, Homeland Security Investigations, the law enforcement division of ICE, signed a $3 million agreement with Magnet Forensics.” [1]

            Incoming links (1)
              Homeland Security Investigations benefits from ICE-Clearview AI facial recognition contract (2025) [contract-clearview-2025] · 1 independent source (single-sourced)
                  “to bolster its Homeland Security Investigations (HSI) division, with the technology intended to help identify both victims and perpetrators in cases of child sexual exploitation and attacks on law enforcement officers” [1], crediting 404-media

            Sources
              [1] Bitget News (Bitget-RWA), rewriting TechCrunch's reporting, “Here's the technology driving ICE's deportation enforcement”, 2025-09-19, copy: sources/ice-technology-article.txt

            """)
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
        #expect(twoGraphs.status == 1)
        #expect(twoGraphs.stderr == "ergraph: error: cannot read a.yaml: no such file\n")
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
        for command in ["validate", "stats", "list", "show", "kinds", "path", "neighbors", "owners", "money", "rank", "components",
                        "render", "export", "import", "version"] {
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
        #expect(wrong.stderr == "ergraph: error: unknown entity kind 'persn'; did you mean 'person'? ('ergraph kinds' lists them)\n")
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

@Suite("Command line: paths and questions")
struct CLIPathTests {
    let cli = CLITests()

    @Test("ICE to AE Industrial: through Paragon Solutions, citing the article for each hop")
    func iceToAEIndustrial() throws {
        let run = try cli.ergraph("path", "ICE", "AE Industrial")
        #expect(run.status == 0)
        #expect(run.stdout == """
            1 path from U.S. Immigration and Customs Enforcement to AE Industrial

            Path 1 (3 hops)
              ICE —awarded (since 2024-09)→ ICE-Paragon Solutions spyware contract (2024) —was awarded to→ Paragon Solutions ←acquired (since 2024-12)— AE Industrial
              money along the path: $2M reported
              1. U.S. Immigration and Customs Enforcement awarded ICE-Paragon Solutions spyware contract (2024) (since 2024-09)
                   ICE-Paragon Solutions spyware contract (2024): $2M reported; since 2024-09; stop-work order 2024, stop-work order lifted 2025
                   [ice-awarded-paragon-2024] · 1 independent source (single-sourced)
                   “In September 2024, ICE entered a $2 million contract with Israeli spyware developer Paragon Solutions.” [1]
              2. ICE-Paragon Solutions spyware contract (2024) was awarded to Paragon Solutions
                   [paragon-2024-awarded-to] · 1 independent source (single-sourced)
                   “ICE entered a $2 million contract with Israeli spyware developer Paragon Solutions” [1]
              3. Paragon Solutions was acquired by AE Industrial (since 2024-12)
                   [ae-industrial-acquired-paragon] · 1 independent source (single-sourced)
                   “In December, AE Industrial, a U.S. private equity firm, bought Paragon with intentions to merge it with cybersecurity company RedLattice, according to Israeli tech publication Calcalist.” [1], crediting calcalist

            Sources
              [1] Bitget News (Bitget-RWA), rewriting TechCrunch's reporting, “Here's the technology driving ICE's deportation enforcement”, 2025-09-19, copy: sources/ice-technology-article.txt

            """)
    }

    @Test("--k 3 gives three distinct paths in non-decreasing length")
    func kThree() throws {
        let run = try cli.ergraph("path", "ICE", "AE Industrial", "--k", "3", "--format", "json")
        #expect(run.status == 0)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let paths = try #require(report["paths"] as? [[String: Any]])
        let lengths = paths.compactMap { $0["length"] as? Int }
        #expect(lengths == [3, 4, 4])
        let linkLists = paths.map { ($0["relationships"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String } }
        // Through the Paragon contract (an entity: two administrations paused and resumed it),
        // through the administration that resumed it, and through the spyware it covers.
        #expect(linkLists == [["ice-awarded-paragon-2024", "paragon-2024-awarded-to", "ae-industrial-acquired-paragon"],
                              ["trump-administration-oversees-ice", "trump-reinstated-paragon-contract", "paragon-2024-awarded-to",
                               "ae-industrial-acquired-paragon"],
                              ["ice-awarded-paragon-2024", "paragon-2024-covers", "paragon-makes-spyware", "ae-industrial-acquired-paragon"]])
    }

    @Test("as of 2023-06 there is no path through Paragon: exit 1 with a clear message")
    func asOf() throws {
        let run = try cli.ergraph("path", "ICE", "AE Industrial", "--as-of", "2023-06")
        #expect(run.status == 1)
        #expect(run.stderr == "ergraph: error: no path from U.S. Immigration and Customs Enforcement to AE Industrial as of 2023-06\n")
        #expect(try cli.ergraph("path", "ICE", "AE Industrial", "--as-of", "2025").status == 0)
        #expect(try cli.ergraph("path", "ICE", "AE Industrial", "--as-of", "June").status == 2)
    }

    @Test("JSON and CSV carry each hop's link, direction and sources")
    func machineFormats() throws {
        let json = try cli.ergraph("path", "ice", "ae-industrial", "--format", "json")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((report["from"] as? [String: Any])?["id"] as? String == "ice")
        let path = try #require((report["paths"] as? [[String: Any]])?.first)
        let links = try #require(path["relationships"] as? [[String: Any]])
        #expect(links.map { $0["direction"] as? String } == ["forward", "forward", "backward"])
        #expect(links.map { $0["kind"] as? String } == ["awarded", "awarded_to", "acquired"])
        #expect(links.map { $0["from"] as? String } == ["ice", "contract-paragon-2024", "ae-industrial"])
        #expect(links[2]["statement"] as? String == "Paragon Solutions was acquired by AE Industrial (since 2024-12)")
        let sources = try #require(links[2]["sources"] as? [[String: Any]])
        #expect(sources.first?["credited_to"] as? String == "calcalist")
        let nodes = try #require(path["nodes"] as? [[String: Any]])
        #expect(nodes.map { $0["id"] as? String } == ["ice", "contract-paragon-2024", "paragon-solutions", "ae-industrial"])
        #expect(nodes[1]["facts"] as? String == "$2M reported; since 2024-09; stop-work order 2024, stop-work order lifted 2025")

        let csv = try cli.ergraph("path", "ice", "ae-industrial", "--format", "csv")
        let rows = csv.stdout.split(separator: "\n")
        #expect(rows.count == 4)
        #expect(rows[0] == "path,hop,from,from_name,direction,relationship,kind,to,to_name,start,end,amounts,status,sources,quotes")
        #expect(rows[3].hasPrefix("1,3,paragon-solutions,Paragon Solutions,backward,ae-industrial-acquired-paragon,acquired,ae-industrial,AE Industrial,2024-12,"))
        // Byte-identical on a second run.
        #expect(try cli.ergraph("path", "ice", "ae-industrial", "--format", "json").stdout == json.stdout)
    }

    @Test("unknown entity: did-you-mean and exit 2; a folded contract: a hint")
    func unknownEntities() throws {
        let typo = try cli.ergraph("path", "ICE", "AE Industrail")
        #expect(typo.status == 2)
        #expect(typo.stderr == "ergraph: error: unknown entity 'AE Industrail'; did you mean 'AE Industrial' (id ae-industrial)?\n")
        let folded = try cli.ergraph("path", "contract-clearview-2024", "ICE")
        #expect(folded.status == 2)
        #expect(folded.stderr.contains("add --keep-contract-nodes"))
        #expect(try cli.ergraph("path", "contract-clearview-2024", "ICE", "--keep-contract-nodes").status == 0)
    }

    @Test("--as-of keeps undated links and names them; --undated exclude leaves them out")
    func undatedLinks() throws {
        let kept = try cli.ergraph("path", "ICE", "Palantir", "--as-of", "1990")
        #expect(kept.status == 0)
        #expect(kept.stdout.hasPrefix("""
            1 path from U.S. Immigration and Customs Enforcement to Palantir
              note: 1 link without dates was kept, as nothing says it did not hold then: palantir-supplies-ice

            Path 1 (1 hop)
              ICE ←supplies— Palantir
              1. U.S. Immigration and Customs Enforcement is supplied by Palantir

            """))
        let json = try cli.ergraph("path", "ICE", "Palantir", "--as-of", "1990", "--format", "json")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(report["undated"] as? [String] == ["palantir-supplies-ice"])
        let excluded = try cli.ergraph("path", "ICE", "Palantir", "--as-of", "1990", "--undated", "exclude")
        #expect(excluded.status == 1)
        #expect(excluded.stderr == "ergraph: error: no path from U.S. Immigration and Customs Enforcement to Palantir as of 1990 (undated links left out)\n")
        let neighbors = try cli.ergraph("neighbors", "Palantir", "--as-of", "2010")
        #expect(neighbors.stdout.components(separatedBy: "\n")[1] == "  note: 6 links without dates were kept, as nothing says they did not hold then: "
                + "palantir-makes-icm, palantir-makes-immigrationos, palantir-supplies-ice, immigrationos-awarded-to, thiel-founded-palantir, …")
    }

    @Test("every error ends its line: a failed read and the verdict after it")
    func errorLines() throws {
        let run = try cli.ergraph("stats", "--graph", "Tests/Fixtures/invalid/dangling-from.yaml")
        #expect(run.status == 1)
        #expect(run.stderr == """
            Tests/Fixtures/invalid/dangling-from.yaml:15:11: error: 'from' refers to unknown entity 'palantr'; did you mean 'palantir'?
            ergraph: error: Tests/Fixtures/invalid/dangling-from.yaml has 1 error; nothing was read

            """)
    }

    @Test("weights: by amount along contracts; missing costs are a clear error")
    func weights() throws {
        let cheapest = try cli.ergraph("path", "ICE", "Palantir", "--via", "contracted", "--weight", "amount")
        #expect(cheapest.status == 0)
        #expect(cheapest.stdout.contains("Path 1 (1 hop, cost 18500000)"))
        // On the folded view without --via: links without an amount are left out, and the answer says so.
        let folded = try cli.ergraph("path", "ICE", "Palantir", "--weight", "amount")
        #expect(folded.status == 0)
        #expect(folded.stdout.hasPrefix("""
            1 path from U.S. Immigration and Customs Enforcement to Palantir
              note: 57 links without a numeric 'amount' were left out of the search

            Path 1 (1 hop, cost 18500000)
              ICE —contracted with ($18.5M reported; since 2024-09)→ Palantir

            """))
        let awards = try cli.ergraph("path", "ICE", "Palantir", "--weight", "amount", "--via", "awarded")
        #expect(awards.status == 2)
        #expect(awards.stderr == "ergraph: error: 3 links have no numeric 'amount' ('ice-awarded-clearview-2025', 'ice-awarded-paragon-2024', "
                + "'ice-awarded-immigrationos'); with --via, choose kinds of link that carry it\n")
        let missing = try cli.ergraph("path", "ICE", "Palantir", "--cost", "contracted=1")
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("ergraph: error: no cost given for kinds acquired, awarded,"))
        #expect(try cli.ergraph("path", "ICE", "Palantir", "--cost", "contracted=-1").status == 2)
        #expect(try cli.ergraph("path", "ICE", "Palantir", "--via", "contracted", "--cost", "contracted=2").stdout
                    .contains("cost 2)"))
    }

    @Test("neighbors, owners, money, rank and components answer from the default dataset")
    func questions() throws {
        let neighbors = try cli.ergraph("neighbors", "AE Industrial", "--depth", "2", "--format", "json")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(neighbors.stdout.utf8)) as? [[String: Any]])
        #expect(rows.first?["id"] as? String == "paragon-solutions")
        #expect(rows.first?["direction"] as? String == "forward")
        #expect(rows.first?["statement"] as? String == "AE Industrial acquired Paragon Solutions (since 2024-12)")
        // Through the Paragon contract, an entity here: AE Industrial → Paragon → contract → ICE.
        let deeper = try cli.ergraph("neighbors", "AE Industrial", "--depth", "3", "--format", "json")
        let deeperRows = try #require(try JSONSerialization.jsonObject(with: Data(deeper.stdout.utf8)) as? [[String: Any]])
        let ice = try #require(deeperRows.first { $0["id"] as? String == "ice" })
        #expect(ice["depth"] as? Int == 3)
        #expect(ice["direction"] as? String == "backward")
        #expect(ice["statement"] as? String
                == "ICE-Paragon Solutions spyware contract (2024) was awarded by U.S. Immigration and Customs Enforcement (since 2024-09)")

        let owners = try cli.ergraph("owners", "Paragon")
        #expect(owners.stdout == """
            Paragon Solutions: ultimate parent: AE Industrial
              Paragon Solutions was acquired by AE Industrial (since 2024-12)

            """)
        #expect(try cli.ergraph("owners", "Paragon", "--as-of", "2024-06").stdout.contains("has no owner or parent"))

        let money = try cli.ergraph("money", "--by", "vendor", "--format", "csv")
        #expect(money.stdout.contains("palantir,Palantir,USD,reported,144400000,3\n"))
        #expect(money.stdout.contains("clearview-ai,Clearview AI,USD,paid,800000,3\n"))
        #expect(money.stdout.contains("clearview-ai,Clearview AI,USD,reported,4850000,\n"))
        let parents = try cli.ergraph("money", "--by", "parent", "--format", "csv")
        #expect(parents.stdout.contains("ae-industrial,AE Industrial,USD,reported,2000000,1\n"))

        let rank = try cli.ergraph("rank", "--by", "degree", "--top", "1", "--format", "csv")
        // ICE after folding contracts: 5 folded contracts, 4 products bought through them, 3 awards of
        // contracts kept as entities (paused or reported on), 5 uses, 2 suppliers, HSI, CNN's report.
        #expect(rank.stdout == "rank,id,name,kind,degree\n1,ice,U.S. Immigration and Customs Enforcement,agency,21\n")
        #expect(try cli.ergraph("rank", "--by", "pagerank", "--top", "3").status == 0)
        #expect(try cli.ergraph("rank", "--by", "betweenness", "--top", "3").stdout.contains("U.S. Immigration and Customs Enforcement"))

        let components = try cli.ergraph("components", "--format", "json")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(components.stdout.utf8)) as? [String: Any])
        #expect(report["count"] as? Int == 1)
    }
}

@Suite("Command line: drawing, export and import")
struct CLIRenderTests {
    let cli = CLITests()

    func temporaryFolder() throws -> URL { try CLITests.temporaryFolder("ergraph-cli") }

    @Test("render writes SVG, PNG and PDF, the format taken from the extension")
    func formats() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, magic) in [("g.svg", Array("<?xml".utf8)), ("g.png", [0x89, 0x50, 0x4E, 0x47]), ("g.pdf", Array("%PDF".utf8))] as [(String, [UInt8])] {
            let path = folder.appendingPathComponent(name).path
            let run = try cli.ergraph("render", "-o", path)
            #expect(run.status == 0, "\(name): \(run.stderr)")
            #expect(run.stderr == "wrote \(path)\n", "\(name): \(run.stderr)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)).starts(with: magic))
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test("two runs give identical SVG and PDF, with and without clusters, and identical DOT exports")
    func reproducible() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for arguments in [["render"], ["render", "--image-format", "pdf"], ["render", "--cluster-by", "kind"], ["render", "--cluster-by", "agency", "--layout", "neato"],
                          ["render", "--focus", "Palantir", "--depth", "2", "--cluster-by", "owner"], ["export", "--format", "dot"]] {
            var outputs: [Data] = []
            for run in 0..<2 {
                let path = folder.appendingPathComponent("run\(run).out").path
                let format = arguments.contains("--image-format") || arguments[0] != "render" ? [] : ["--image-format", "svg"]
                let result = try cli.ergraph(arguments: arguments + ["-o", path] + format)
                #expect(result.status == 0, "\(arguments): \(result.stderr)")
                outputs.append(try Data(contentsOf: URL(fileURLWithPath: path)))
            }
            #expect(outputs[0] == outputs[1], "\(arguments)")
            #expect(outputs[0].count > 1_000)
        }
    }

    @Test("the committed Output/ice-surveillance.dot is exactly what export writes today")
    func committedDOT() throws {
        let committed = try String(contentsOf: CLITests.packageRoot.appendingPathComponent("Output/ice-surveillance.dot"), encoding: .utf8)
        let exported = try cli.ergraph("export", "--format", "dot")
        #expect(exported.status == 0)
        #expect(exported.stdout == committed, "run 'make demo' to regenerate Output/")
    }

    @Test("the exported DOT is accepted by the dot CLI without a warning")
    func dotCLIAcceptsExport() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("ice.gv").path
        #expect(try cli.ergraph("export", "-o", path).status == 0)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["dot", "-Tsvg", "-o", folder.appendingPathComponent("ice.svg").path, path]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(stderr.isEmpty, "dot said: \(stderr)")
    }

    @Test("path --render and neighbors --render draw their answers; sfdp runs in a child process")
    func answersDrawn() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pathSVG = folder.appendingPathComponent("path.svg").path
        #expect(try cli.ergraph("path", "ICE", "AE Industrial", "--render", pathSVG).status == 0)
        let svg = try String(contentsOfFile: pathSVG, encoding: .utf8)
        #expect(svg.contains("Paragon Solutions") && svg.contains("AE Industrial"))
        #expect(!svg.contains("Clearview"))
        let neighbors = folder.appendingPathComponent("n.png").path
        #expect(try cli.ergraph("neighbors", "HSI", "--render", neighbors, "--layout", "sfdp").status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: neighbors)).starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }

    @Test("a view of more than 2,000 entities is laid out with sfdp and says so; --layout still decides")
    func largeViewLayout() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // 2,100 companies in rings of 30, each ring tied to the next by one link.
        var nodes = "id,type,name\n", edges = "source,target,type\n"
        for index in 0..<2_100 {
            nodes += "c\(index),company,Company \(index)\n"
            let next = index % 30 == 29 ? index - 29 : index + 1
            edges += "c\(index),c\(next),supplies\n"
            if index % 30 == 0 && index + 30 < 2_100 { edges += "c\(index),c\(index + 30),owns\n" }
        }
        try Data(nodes.utf8).write(to: folder.appendingPathComponent("nodes.csv"))
        try Data(edges.utf8).write(to: folder.appendingPathComponent("edges.csv"))
        let lists = folder.appendingPathComponent("nodes.csv").path + "," + folder.appendingPathComponent("edges.csv").path
        let output = folder.appendingPathComponent("large.plain").path
        let run = try cli.ergraph("render", "--graph", lists, "-o", output)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == "ergraph: note: 2100 entities and 2169 links, more than dot lays out in reasonable time (2,000): drawn with sfdp; "
                + "--layout dot insists, or draw less with --focus ENTITY --depth N\nwrote \(output)\n")
        let plain = try String(contentsOfFile: output, encoding: .utf8)
        #expect(plain.hasPrefix("graph "))
        // The whole graph is drawn in print style: its legend is in the caption, not a node.
        #expect(plain.split(separator: "\n").filter { $0.hasPrefix("node ") }.count == 2_100)
        // Asked for, an engine is used without a note (a focused view is small enough for dot anyway).
        let focusFile = folder.appendingPathComponent("focus.svg").path
        let focused = try cli.ergraph("render", "--graph", lists, "--focus", "c0", "--depth", "2", "--layout", "dot", "-o", focusFile)
        #expect(focused.status == 0 && focused.stderr == "wrote \(focusFile)\n", "\(focused.stderr)")
    }

    @Test("bad input or output: one line naming the cause, a non-zero exit, no partial file")
    func failures() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let badDOT = folder.appendingPathComponent("bad.gv")
        try Data("digraph { a -> ; }".utf8).write(to: badDOT)
        let output = folder.appendingPathComponent("out.yaml").path
        let malformed = try cli.ergraph("import", "--from", "dot", badDOT.path, "-o", output)
        #expect(malformed.status == 1)
        #expect(malformed.stderr == "ergraph: error: \(badDOT.path): invalid DOT: syntax error in line 1 near ';'\n")
        #expect(!FileManager.default.fileExists(atPath: output))

        let layout = try cli.ergraph("render", "--layout", "nosuch", "-o", folder.appendingPathComponent("x.svg").path)
        #expect(layout.status == 2)
        #expect(layout.stderr.split(separator: "\n").count == 1)
        #expect(layout.stderr.contains("'nosuch' is invalid for '--layout"))

        let format = try cli.ergraph("render", "-o", folder.appendingPathComponent("x.gif").path)
        #expect(format.status == 2)
        #expect(format.stderr.hasPrefix("ergraph: error: cannot tell the image format from"))

        let unwritable = try cli.ergraph("render", "-o", "/nonexistent-folder/x.svg")
        #expect(unwritable.status == 1)
        #expect(unwritable.stderr == "ergraph: error: cannot write /nonexistent-folder/x.svg: the folder /nonexistent-folder does not exist\n")
        let intoFolder = try cli.ergraph("render", "-o", folder.path)
        #expect(intoFolder.status != 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["bad.gv"])
    }

    @Test("import --from dot writes a dataset that validates and keeps every node and edge")
    func importDOT() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let dataset = folder.appendingPathComponent("unix.yaml").path
        let source = CLITests.packageRoot.appendingPathComponent("Tests/Fixtures/graphviz-debian-doc-examples/directed/unix.gv").path
        let run = try cli.ergraph("import", "--from", "dot", source, "-o", dataset)
        #expect(run.status == 0, "\(run.stderr)")
        let stats = try cli.ergraph("stats", "--graph", dataset, "--format", "json")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        #expect(report["entities"] as? Int == 41)
        #expect(report["relationships"] as? Int == 49)
        // Re-importing our own export of the default dataset gives back its entities and links.
        let exported = folder.appendingPathComponent("ice.gv").path
        #expect(try cli.ergraph("export", "-o", exported).status == 0)
        let again = folder.appendingPathComponent("again.yaml").path
        #expect(try cli.ergraph("import", "--from", "dot", exported, "-o", again).status == 0)
        let againStats = try cli.ergraph("stats", "--graph", again, "--format", "json")
        let againReport = try #require(try JSONSerialization.jsonObject(with: Data(againStats.stdout.utf8)) as? [String: Any])
        #expect(againReport["entities"] as? Int == 46)
        #expect(againReport["relationships"] as? Int == 70)
        #expect((againReport["relationshipsByKind"] as? [String: Int])?["acquired"] == 1)
    }
}

@Suite("Command line: tables and several datasets")
struct CLITableTests {
    let cli = CLITests()

    @Test("import --from csv reports unusable rows by line; --strict makes them fatal and writes nothing")
    func importCSV() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ergraph-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("awards.yaml").path
        let table = "Tests/Fixtures/csv/awards.csv", mapping = "Tests/Fixtures/csv/awards.mapping.yaml"
        let relaxed = try cli.ergraph("import", "--from", "csv", "--mapping", mapping, table, "-o", output)
        #expect(relaxed.status == 0)
        #expect(relaxed.stderr.contains("Tests/Fixtures/csv/awards.csv:5: warning: row not used: column signed: '31/02/2024' is not a date in the format DD/MM/YYYY"))
        #expect(relaxed.stderr.contains("8 rows read, 5 used, 4 reported"))
        #expect(relaxed.stderr.contains("Tests/Fixtures/csv/awards.csv:6: warning: key collision: award:a1 has €999 (obligated) here but €100 (obligated) at line 1; the first is kept"))
        #expect(try cli.ergraph("validate", output).status == 0)

        let strictOutput = folder.appendingPathComponent("strict.yaml").path
        let strict = try cli.ergraph("import", "--from", "csv", "--mapping", mapping, table, "-o", strictOutput, "--strict")
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("awards.csv:4: error: row not used: column amount: '12,5.0' is not an amount"))
        #expect(!FileManager.default.fileExists(atPath: strictOutput))
        #expect(try cli.ergraph("import", "--from", "csv", table).status == 2)  // no mapping
    }

    @Test("--graph repeats: the two shipped datasets merge, Palantir once, money by parent beside its awards")
    func merged() throws {
        let run = try cli.ergraph("money", "--by", "parent", "--format", "csv",
                                  "--graph", "Graph/ice-surveillance.yaml", "--graph", "Graph/ice-contracts-fy2018.yaml")
        #expect(run.status == 0, "\(run.stderr.prefix(500))")
        #expect(run.stdout.contains("palantir,Palantir,USD,reported,144400000,"))
        #expect(run.stdout.contains("palantir,Palantir,USD,ceiling,"))
        let show = try cli.ergraph("show", "Palantir Technologies", "--format", "json",
                                   "--graph", "Graph/ice-surveillance.yaml", "--graph", "Graph/ice-contracts-fy2018.yaml")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        #expect((report["entity"] as? [String: Any])?["id"] as? String == "palantir")
    }
}

@Suite("Command line: batches and snapshots")
struct CLIBatchTests {
    let cli = CLITests()

    @Test("path --pairs answers every pair in one process; an unknown name is reported by line, exit 2")
    func pairs() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ergraph-pairs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("pairs.csv")
        try Data("source,target\nICE,AE Industrial\nhsi,palantir\nPalantr,ICE\n".utf8).write(to: file)
        let run = try cli.ergraph("path", "--pairs", file.path, "--format", "csv")
        #expect(run.status == 2)
        #expect(run.stdout == """
            source,target,length,entities,relationships
            ice,ae-industrial,3,ice contract-paragon-2024 paragon-solutions ae-industrial,ice-awarded-paragon-2024 paragon-2024-awarded-to ae-industrial-acquired-paragon
            hsi,palantir,2,hsi ice palantir,hsi-part-of-ice palantir-supplies-ice

            """)
        #expect(run.stderr == "ergraph: error: \(file.path):4: unknown entity 'Palantr'; did you mean 'Palantir' (id palantir)?\n")
        #expect(try cli.ergraph("path", "ICE", "--pairs", file.path).status == 2)  // not both
    }

    @Test("a snapshot answers like the dataset it was made from")
    func snapshot() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ergraph-ergs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("ice.ergs").path
        #expect(try cli.ergraph("snapshot", "-o", path).status == 0)
        #expect(try cli.ergraph("path", "ICE", "AE Industrial", "--graph", path, "--format", "json").stdout
                == (try cli.ergraph("path", "ICE", "AE Industrial", "--format", "json").stdout))
        #expect(try cli.ergraph("snapshot", "-o", folder.appendingPathComponent("x.bin").path).status == 2)
        try Data("ERGS garbage".utf8).write(to: URL(fileURLWithPath: path))
        let damaged = try cli.ergraph("stats", "--graph", path)
        #expect(damaged.status == 1)
        #expect(damaged.stderr.hasPrefix("ergraph: error: \(path): the snapshot"))
    }
}

@Suite("Command line: evidence, timelines and changes")
struct CLIEvidenceTests {
    let cli = CLITests()

    @Test("lint exits 1 on the problem fixture and 0 on the default dataset; timeline and diff draw what they answer")
    func evidenceCommands() throws {
        let problems = try cli.ergraph("lint", "Tests/Fixtures/lint/problems.yaml")
        #expect(problems.status == 1)
        #expect(problems.stdout.hasSuffix("Tests/Fixtures/lint/problems.yaml: 3 errors, 9 warnings\n"))
        let clean = try cli.ergraph("lint")
        #expect(clean.status == 0)
        #expect(clean.stdout.hasSuffix("Graph/ice-surveillance.yaml: clean: every check passed (1 accepted by the dataset, with its reasons)\n"))
        #expect(try cli.ergraph("validate", "--strict", "Tests/Fixtures/lint/problems.yaml").status == 1)

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ergraph-evidence-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let timeline = folder.appendingPathComponent("ice.svg").path
        let drawn = try cli.ergraph("timeline", "ICE", "--render", timeline)
        #expect(drawn.status == 0)
        #expect(drawn.stdout.hasPrefix("Timeline of U.S. Immigration and Customs Enforcement: 11 dated facts\n2022  "))
        #expect(FileManager.default.fileExists(atPath: timeline))
        let period = try cli.ergraph("diff", "--from", "2024-06", "--to", "2024-12", "--format", "json")
        #expect(period.status == 0)
        #expect(period.stdout.contains("\"change\" : \"began\""))
        let misuse = try cli.ergraph("diff", "Graph/ice-surveillance.yaml")
        #expect(misuse.status == 2)
        #expect(misuse.stderr.contains("give two datasets (OLD NEW), or --rev REV FILE, or --from DATE --to DATE"))
        #expect(try cli.ergraph("timeline", "--from", "2024-13").status == 2)
    }
}

/// Reads a pipe to its end on a thread of its own.
final class StandardErrorReader: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    /// Everything the pipe held; the semaphore orders the thread's write before this read.
    func wait() -> Data {
        done.wait()
        return data
    }
}
