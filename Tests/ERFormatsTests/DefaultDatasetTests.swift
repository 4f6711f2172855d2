import ERFormats
import ERGraph
import Foundation
import Testing

/// The shipped dataset: complete, sourced, and faithful to the article it comes from.
@Suite("Default dataset: Graph/ice-surveillance.yaml")
struct DefaultDatasetTests {
    static let path = Paths.file("Graph/ice-surveillance.yaml").path

    func graph() throws -> Graph {
        let result = DatasetLoader.load(path: Self.path, displayName: "ice-surveillance.yaml", options: .init(strict: true))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        return try #require(result.graph)
    }

    /// Curly quotes and runs of white space normalised, so quotes compare as the words they are.
    static func normalized(_ text: String) -> String {
        let straightened = text.replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "‘", with: "'")
            .replacingOccurrences(of: "“", with: "\"").replacingOccurrences(of: "”", with: "\"")
        return straightened.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test("validates under --strict with enough entities and relationships")
    func size() throws {
        let graph = try graph()
        #expect(graph.entityCount >= 35)
        #expect(graph.relationshipCount >= 45)
        let summary = GraphSummary(graph: graph)
        #expect(summary.unsourcedRelationships == 0)
        #expect(summary.components == 1)
    }

    @Test("every relationship, entity and event quotes its source word for word")
    func quotesAreVerbatim() throws {
        let graph = try graph()
        var quotes: [(String, Citation)] = []
        for entity in graph.entityIndices {
            let record = graph.entity(entity)
            quotes += record.citations.map { (record.id, $0) }
            quotes += record.events.flatMap(\.citations).map { (record.id, $0) }
        }
        for relationship in graph.relationshipIndices {
            let record = graph.relationship(relationship)
            #expect(!record.citations.isEmpty, "\(record.id) cites nothing")
            #expect(record.citations.allSatisfy { $0.quote != nil }, "\(record.id) has a citation without a quote")
            quotes += record.citations.map { (record.id, $0) }
        }
        var articles: [String: String] = [:]
        var linkedOnly: Set<String> = []
        for source in graph.sources {
            guard let archive = source.archive else {
                // A source we may not archive whole: it must be reachable, and quoted briefly.
                #expect(source.url?.hasPrefix("https://") == true, "source \(source.id) has neither an archived copy nor a URL")
                linkedOnly.insert(source.id)
                continue
            }
            let text = try String(contentsOf: Paths.file("Graph/" + archive), encoding: .utf8)
            articles[source.id] = Self.normalized(text)
        }
        #expect(linkedOnly == ["dayton-business-journal"])
        for (owner, citation) in quotes {
            let quote = Self.normalized(try #require(citation.quote))
            if linkedOnly.contains(citation.source) {
                #expect(quote.split(separator: " ").count <= 12, "quote of \(owner) from \(citation.source) is long for an unarchived source")
                continue
            }
            let article = try #require(articles[citation.source])
            let found = article.contains(quote)  // a Bool, so a failure prints the quote, not the article
            #expect(found, "quote of \(owner) is not in the source: \(quote)")
        }
        #expect(quotes.count > 100)
    }

    @Test("credited outlets are entities of the graph")
    func creditsResolve() throws {
        let graph = try graph()
        for relationship in graph.relationshipIndices {
            for citation in graph.relationship(relationship).citations {
                if let credit = citation.creditedTo {
                    #expect(graph.index(ofEntity: credit).map { graph.kind(of: $0) } == "publication")
                }
            }
        }
    }

    @Test("the dataset's stories survive writing the dataset back and a snapshot")
    func stories() throws {
        let graph = try graph()
        let expected = [
            Story(title: "How ICE is connected to AE Industrial", from: "ICE", to: "AE Industrial",
                  summary: "ICE's spyware contract went to Paragon Solutions, which the private equity firm AE Industrial bought."),
            Story(title: "From ICE's case management system to Peter Thiel", from: "ICE", to: "Peter Thiel",
                  summary: "The largest of Palantir's ICE contracts, and the investor who co-founded the company."),
            Story(title: "Who owns the database ICE subscribes to", from: "ICE", to: "Reed Elsevier",
                  summary: "ICE pays LexisNexis for investigative data; LexisNexis belongs to Reed Elsevier."),
        ]
        #expect(graph.stories == expected)
        #expect(try GraphSnapshot.graph(from: try GraphSnapshot.data(of: graph)).stories == expected)
        let text = try DatasetWriter.yaml(graph)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ergraph-stories-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("copy.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        #expect(try #require(DatasetLoader.load(path: file.path).graph).stories == expected)
    }

    @Test("the article's key facts are in the graph")
    func keyFacts() throws {
        let graph = try graph()
        func entity(_ id: String) throws -> Entity { graph.entity(try #require(graph.index(ofEntity: id))) }
        func link(_ id: String) throws -> Relationship {
            graph.relationship(try #require(graph.relationshipIndices.first { graph.id(of: $0) == id }))
        }
        let paragon = try entity("contract-paragon-2024")
        #expect(paragon.amounts == [Money(amount: 2_000_000, currency: "USD", kind: .reported)])
        #expect(paragon.validity.start == PartialDate("2024-09"))
        #expect(paragon.events.map(\.status) == ["signed", "stop-work order", "stop-work order lifted"])
        #expect(paragon.events.map { $0.date?.description } == ["2024-09", "2024", "2025"])

        #expect(try link("hsi-part-of-ice").kind == "part_of")
        let acquisition = try link("ae-industrial-acquired-paragon")
        #expect(acquisition.kind == "acquired" && acquisition.validity.start == PartialDate("2024-12"))
        #expect(try link("grayshift-merged-into-magnet").validity.start == PartialDate("2023"))

        #expect(try entity("lexisnexis").properties["agencies_served"] == .integer(7500))
        #expect(try link("ice-uses-accurint").properties["searches"] == .integer(1_200_000))
        #expect(try entity("ice").properties["deportations_first_eight_months"] == .integer(200_000))
        #expect(try entity("cbp").properties["deportations_first_eight_months"] == .integer(132_000))

        let outlets = graph.entityIndices.filter { graph.kind(of: $0) == "publication" }.map { graph.name(of: $0) }
        #expect(Set(outlets) == ["404 Media", "CNN", "The Intercept", "Business Insider", "Wired", "Calcalist", "TechCrunch"])

        let products = Set(graph.entityIndices.filter { graph.kind(of: $0) == "product" }.map { graph.id(of: $0) })
        #expect(products.isSuperset(of: ["graykey", "accurint", "leids", "icm", "immigrationos", "paragon-spyware",
                                         "clearview-facial-recognition", "clearview-forensic-software"]))
        let amounts = graph.entityIndices.filter { graph.kind(of: $0) == "contract" }
            .flatMap { graph.entity($0).amounts.map(\.compact) }.sorted()
        #expect(amounts == ["$1.1M", "$18.5M", "$2M", "$3.75M", "$30M", "$3M", "$4.7M", "$800K", "$95.9M"])
    }

    @Test("through the contract projection, ICE links straight to each vendor; a contract others refer to stays a node")
    func projection() throws {
        let graph = ContractProjection.collapse(try graph()).graph
        let ice = try #require(graph.index(ofEntity: "ice"))
        var vendors: Set<String> = []
        var contracts: Set<String> = []
        graph.forEachLink(of: ice, direction: .outgoing) { link, other in
            if graph.kind(of: link) == "contracted" { vendors.insert(graph.id(of: other)) }
            if graph.kind(of: link) == "awarded" { contracts.insert(graph.id(of: other)) }
        }
        #expect(vendors == ["clearview-ai", "lexisnexis", "palantir"])
        // Paused and resumed by two administrations, reported on by outlets: these stay entities,
        // between ICE and their vendors, and are never also folded links.
        #expect(contracts == ["contract-clearview-2025", "contract-palantir-immigrationos", "contract-paragon-2024"])
        #expect(!graph.relationshipIndices.contains { ["contract-paragon-2024", "contract-palantir-immigrationos"].contains(graph.id(of: $0)) })
        #expect(graph.index(ofEntity: "contract-clearview-2024") == nil)
        // For money every contract is folded: the Paragon contract's link carries its three events.
        let money = ContractProjection.collapse(try self.graph(), folding: .all).graph
        let paragonLink = try #require(money.relationshipIndices.first { money.id(of: $0) == "contract-paragon-2024" })
        #expect(money.relationship(paragonLink).events.count == 3)
    }
}
