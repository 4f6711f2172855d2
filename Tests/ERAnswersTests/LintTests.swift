import ERAnswers
import ERFormats
import ERGraph
import Foundation
import Testing

/// `ergraph lint`: a fixture with one instance of every problem, the default datasets clean.
@Suite("Evidence you can defend: lint")
struct LintTests {
    static let fixture = Package.root.appendingPathComponent("Tests/Fixtures/lint/problems.yaml").path

    @Test("the fixture yields exactly one finding of each code, at its place")
    func everyCode() throws {
        let answer = LintAnswer(paths: [Self.fixture])
        let findings = try #require(answer.reports.first).findings
        #expect(findings.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.severity) \($0.code)" } == [
            "12:5 error archive-missing",
            "16:5 warning source-unlocatable",
            "18:5 warning source-uncited",
            "29:40 error quote-not-in-archive",
            "42:13 warning amount-without-kind",
            "44:5 warning contract-undated",
            "49:5 warning contract-without-amount",
            "61:16 warning events-out-of-order",
            "70:16 warning event-after-end",
            "73:5 error under-corroborated",
            "75:81 warning dated-after-source",
            "80:41 warning quote-reused",
        ])
        #expect(Set(findings.map(\.code)) == Set(lintCodes.map(\.code)))
        #expect(answer.hasErrors)
        #expect(findings[3].hint == "quote the source word for word; the closest passage: "
                + "“ICE awarded a $2 million contract to Paragon Solutions in September 2024.”")
        #expect(answer.text().hasSuffix("\(Self.fixture): 3 errors, 9 warnings\n"))
        let csv = try #require(answer.csv())
        #expect(csv.split(separator: "\n").count == 13)
    }

    @Test("validate --strict refuses the fixture for lint's errors, with their codes")
    func strictValidation() throws {
        let plain = ValidationAnswer(paths: [Self.fixture], strict: false)
        #expect(plain.isValid)
        let strict = ValidationAnswer(paths: [Self.fixture], strict: true)
        #expect(!strict.isValid)
        let messages = try #require(strict.reports.first).diagnostics.filter { $0.severity == "error" }.map(\.message)
        #expect(messages.filter { $0.contains("[archive-missing]") }.count == 1)
        #expect(messages.filter { $0.contains("[quote-not-in-archive]") }.count == 1)
        #expect(messages.filter { $0.contains("[under-corroborated]") }.count == 1)
    }

    @Test("the default datasets lint clean; what they lack, they say so with a reason")
    func defaultDatasetsClean() throws {
        let article = LintAnswer(paths: [Package.root.appendingPathComponent("Graph/ice-surveillance.yaml").path])
        let report = try #require(article.reports.first)
        #expect(report.errors == 0 && report.warnings == 0)
        #expect(report.findings.map(\.code) == ["contract-undated"])
        #expect(report.findings.first?.accepted == "the article, and the Business Insider report it credits, give no date for this contract")
        let table = try #require(LintAnswer(paths: [Package.root.appendingPathComponent("Graph/ice-contracts-fy2018.yaml").path]).reports.first)
        #expect(table.errors == 0 && table.warnings == 0)
        #expect(table.accepted == 2203)
    }

    @Test("quotes match as people read: spacing, typographic quotes, dashes, case, ellipses")
    func quoteMatching() {
        let archive = ArchivedText("In September 2024, ICE entered a $2 million contract with Israeli spyware developer Paragon Solutions.\n"
                                   + "The Biden administration quickly imposed a “stop work order” — pausing the agreement.")
        #expect(archive.contains(quote: "ICE entered a $2 million   contract"))
        #expect(archive.contains(quote: "imposed a \"stop work order\" - pausing"))
        #expect(archive.contains(quote: "in september 2024, ice entered"))
        #expect(archive.contains(quote: "ICE entered a $2 million contract … Paragon Solutions"))
        #expect(!archive.contains(quote: "Paragon Solutions … ICE entered"))
        #expect(!archive.contains(quote: "ICE signed a secret deal"))
    }
}

/// Independent sources: outlets, not citations.
@Suite("Corroboration")
struct CorroborationTests {
    @Test("an outlet and a rewrite crediting it are one source; two unrelated outlets are two")
    func counts() throws {
        let text = """
            sources:
              - {id: techcrunch, title: TC report, publisher: TechCrunch, url: https://example.org/tc}
              - {id: rewrite, title: Bitget rewrite, publisher: Bitget News, url: https://example.org/bitget}
              - {id: wired, title: Wired report, publisher: WIRED, url: https://example.org/wired}
            entities:
              - {id: ice, kind: agency, name: ICE}
              - {id: paragon, kind: company, name: Paragon}
              - {id: clearview, kind: company, name: Clearview AI}
              - {id: techcrunch-outlet, kind: publication, name: TechCrunch}
            relationships:
              - {id: one, kind: supplies, from: paragon, to: ice,
                 sources: [{source: techcrunch}, {source: rewrite, credited_to: techcrunch-outlet}]}
              - {id: two, kind: supplies, from: clearview, to: ice, sources: [{source: techcrunch}, {source: wired}]}
            """
        let graph = try #require(DatasetLoader.load(text: text, file: "c.yaml").graph)
        let links = Dictionary(uniqueKeysWithValues: graph.relationshipIndices.map { (graph.id(of: $0), $0) })
        #expect(graph.corroboration(of: try #require(links["one"])) == 1)
        #expect(graph.corroboration(of: try #require(links["two"])) == 2)
    }
}
