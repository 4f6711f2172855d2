import Testing
@testable import ERGraph

@Suite("Partial dates")
struct PartialDateTests {
    @Test("parses the three precisions and rejects everything else",
          arguments: ["2024", "2024-09", "2024-09-13", "2024-02-29", "0001", "9999-12-31"])
    func parsesValid(_ text: String) throws {
        let date = try #require(PartialDate(text))
        #expect(date.description == text)
    }

    @Test("rejects malformed and impossible dates",
          arguments: ["", "24", "2024-9", "2024-09-1", "2024-13", "2024-00", "2023-02-29", "2024-04-31",
                      "2024/09", "Sept 2024", "2024-09-13T00:00", " 2024", "2024-", "-2024", "+202", "２０２４"])
    func rejectsInvalid(_ text: String) {
        #expect(PartialDate(text) == nil)
    }

    @Test("a day without a month is refused")
    func dayNeedsMonth() {
        #expect(PartialDate(year: 2024, month: nil, day: 3) == nil)
    }

    @Test("orders chronologically, the less precise date first on a tie")
    func ordering() throws {
        let texts = ["2024-02", "2024-01-02", "2023", "2024-01-01", "2024", "2024-01", "2025", "2023-12-31"]
        let sorted = try texts.map { try #require(PartialDate($0)) }.sorted().map(\.description)
        #expect(sorted == ["2023", "2023-12-31", "2024", "2024-01", "2024-01-01", "2024-01-02", "2024-02", "2025"])
    }

    @Test("spans: first and last day, overlap, wholly before")
    func spans() throws {
        let year = try #require(PartialDate("2024"))
        let september = try #require(PartialDate("2024-09"))
        let day = try #require(PartialDate("2024-09-30"))
        let february = try #require(PartialDate("2024-02"))
        #expect(september.lastDay - september.firstDay == 29)
        #expect(year.lastDay - year.firstDay == 365)  // 2024 is a leap year
        #expect(february.lastDay - february.firstDay == 28)
        #expect(year.overlaps(september) && september.overlaps(day) && day.overlaps(year))
        #expect(!september.overlaps(try #require(PartialDate("2024-10"))))
        #expect(try #require(PartialDate("2023-12-31")).isWhollyBefore(year))
        #expect(!year.isWhollyBefore(september))
    }

    @Test("validity at a date: open ends, partial starts, the Paragon contract")
    func validity() throws {
        func date(_ text: String) throws -> PartialDate { try #require(PartialDate(text)) }
        let contract = Validity(start: try date("2024-09"))
        #expect(contract.isValid(at: try date("2024")))
        #expect(contract.isValid(at: try date("2024-09")))
        #expect(contract.isValid(at: try date("2025")))
        #expect(!contract.isValid(at: try date("2024-08")))
        #expect(!contract.isValid(at: try date("2023-06")))

        let ended = Validity(start: try date("2020"), end: try date("2025-03"))
        #expect(ended.isValid(at: try date("2025")))
        #expect(ended.isValid(at: try date("2025-03-31")))
        #expect(!ended.isValid(at: try date("2025-04")))
        #expect(Validity.always.isValid(at: try date("1900")))
    }

    @Test("end before start is detected only when the spans cannot meet")
    func endBeforeStart() throws {
        func date(_ text: String) throws -> PartialDate { try #require(PartialDate(text)) }
        #expect(Validity(start: try date("2025-03"), end: try date("2024")).endsBeforeItStarts)
        #expect(!Validity(start: try date("2024-09"), end: try date("2024")).endsBeforeItStarts)
        #expect(!Validity(start: try date("2024"), end: try date("2024-01-01")).endsBeforeItStarts)
        #expect(!Validity(start: try date("2024")).endsBeforeItStarts)
    }
}
