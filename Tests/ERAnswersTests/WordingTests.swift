import ERAnswers
import ERGraph
import Testing

@Suite("The one wording of evidence")
struct WordingTests {
    @Test("spans, money, status and facts read the same everywhere")
    func phrases() throws {
        let start = try #require(PartialDate("2024-09")), end = try #require(PartialDate("2025"))
        #expect(Wording.span(Validity(start: start, end: end)) == "2024-09 – 2025")
        #expect(Wording.span(Validity(start: start, end: nil)) == "since 2024-09")
        #expect(Wording.span(Validity(start: nil, end: end)) == "until 2025")
        #expect(Wording.span(.always) == nil)
    }
}
