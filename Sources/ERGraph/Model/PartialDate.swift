/// A calendar date known to the year, the month or the day: `2024`, `2024-09`, `2024-09-13`.
///
/// Reporting rarely gives a full date ("in December", "in 2023"), so the model never invents
/// the missing parts. A partial date stands for the whole span it names: `2024-09` is every day
/// of September 2024. That span gives the two comparisons the rest of ergraph relies on:
///
/// - **Ordering** (`<`) sorts chronologically by the first day of the span and, on a tie, puts
///   the less precise date first: `2024 < 2024-01 < 2024-01-01 < 2024-01-02 < 2024-02`.
///   It is a total order, so sorted output is deterministic.
/// - **Overlap** (``overlaps(_:)``) asks whether two spans share at least one day. Validity
///   checks use it: a link that started in `2024-09` is valid as of `2024` but not as of `2024-08`.
public struct PartialDate: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    /// How much of the date is known.
    public enum Precision: Int, Sendable, Comparable, Codable {
        case year = 1, month = 2, day = 3
        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public let year: Int
    public let month: Int?
    public let day: Int?

    /// Creates a date, checking that the month and day exist (February 29 only in leap years).
    /// Returns `nil` for impossible dates and for a day without a month.
    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        guard (1...9999).contains(year) else { return nil }
        if let month {
            guard (1...12).contains(month) else { return nil }
            if let day {
                guard day >= 1, day <= PartialDate.daysIn(month: month, year: year) else { return nil }
            }
        } else if day != nil {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (four-digit year, two-digit month and day).
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count) else { return nil }
        let widths = [4, 2, 2]
        var numbers: [Int] = []
        for (index, part) in parts.enumerated() {
            guard part.count == widths[index], part.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let value = Int(part) else { return nil }
            numbers.append(value)
        }
        self.init(year: numbers[0],
                  month: numbers.count > 1 ? numbers[1] : nil,
                  day: numbers.count > 2 ? numbers[2] : nil)
    }

    public var precision: Precision {
        day != nil ? .day : (month != nil ? .month : .year)
    }

    /// The first day of the span, as a sortable day number (see ``dayNumber``).
    public var firstDay: Int {
        PartialDate.dayNumber(year: year, month: month ?? 1, day: day ?? 1)
    }

    /// The last day of the span.
    public var lastDay: Int {
        let lastMonth = month ?? 12
        let last = day ?? PartialDate.daysIn(month: lastMonth, year: year)
        return PartialDate.dayNumber(year: year, month: lastMonth, day: last)
    }

    /// True when the two spans share at least one day.
    public func overlaps(_ other: PartialDate) -> Bool {
        firstDay <= other.lastDay && other.firstDay <= lastDay
    }

    /// True when this span lies wholly before `other` begins.
    public func isWhollyBefore(_ other: PartialDate) -> Bool {
        lastDay < other.firstDay
    }

    public var description: String {
        var text = String(year).leftPadded(to: 4)
        if let month { text += "-" + String(month).leftPadded(to: 2) }
        if let day { text += "-" + String(day).leftPadded(to: 2) }
        return text
    }

    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
        let left = (lhs.firstDay, lhs.precision.rawValue)
        let right = (rhs.firstDay, rhs.precision.rawValue)
        if left.0 != right.0 { return left.0 < right.0 }
        if left.1 != right.1 { return left.1 < right.1 }
        // Same first day and precision means the same date; keep the order total anyway.
        return false
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = PartialDate(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found '\(text)'")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 0000-03-01 in the proleptic Gregorian calendar (Howard Hinnant's
    /// `days_from_civil`): only differences and order matter here.
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = shiftedYear / 400
        let yearOfEra = shiftedYear - era * 400
        let monthIndex = (month + 9) % 12
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra
    }
}

/// The span of time in which a link held: either end may be unknown (open).
///
/// Semantics of ``isValid(at:)``: a link is valid at a partial date `D` when its span and `D`
/// could share a day, that is when it had not ended wholly before `D` began and did not start
/// wholly after `D` ended. An unknown start means "already in place"; an unknown end means
/// "still in place". So a contract signed `2024-09` is valid as of `2024`, `2024-09` and `2025`,
/// and not as of `2024-08` or `2023-06`.
public struct Validity: Hashable, Sendable, Codable {
    public var start: PartialDate?
    public var end: PartialDate?

    public init(start: PartialDate? = nil, end: PartialDate? = nil) {
        self.start = start
        self.end = end
    }

    public static let always = Validity()

    /// True when the end lies wholly before the start: a data error.
    public var endsBeforeItStarts: Bool {
        guard let start, let end else { return false }
        return end.isWhollyBefore(start)
    }

    public func isValid(at date: PartialDate) -> Bool {
        if let start, date.isWhollyBefore(start) { return false }
        if let end, end.isWhollyBefore(date) { return false }
        return true
    }

    public var isEmpty: Bool { start == nil && end == nil }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
