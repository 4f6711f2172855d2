import Foundation

/// What a reported amount of money measures. Amounts of different kinds answer different
/// questions (what was committed, what could be spent, what a newspaper said), so they are
/// never added together.
public enum AmountKind: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Money the government has committed (obligated) under the award.
    case obligated
    /// The most the award allows (ceiling or potential value, with options).
    case ceiling
    /// Money actually paid or spent so far.
    case paid
    /// A figure reported in the press without saying which of the above it is.
    case reported

    public var meaning: String {
        switch self {
        case .obligated: "money committed under the award"
        case .ceiling: "the most the award allows, options included"
        case .paid: "money actually paid or spent"
        case .reported: "a figure reported in the press, basis not stated"
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// An amount of money with its currency and what it measures.
public struct Money: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Exact decimal amount: money is never a binary floating-point number.
    public var amount: Decimal
    /// ISO 4217 code, such as `USD`.
    public var currency: String
    public var kind: AmountKind

    public init(amount: Decimal, currency: String, kind: AmountKind) {
        self.amount = amount
        self.currency = currency
        self.kind = kind
    }

    /// Adds two amounts of the same currency and kind; anything else is refused, since
    /// adding a ceiling to an obligation, or dollars to euros, gives a meaningless figure.
    public func adding(_ other: Money) throws(MoneyError) -> Money {
        guard currency == other.currency else {
            throw .currencyMismatch(currency, other.currency)
        }
        guard kind == other.kind else {
            throw .kindMismatch(kind, other.kind)
        }
        return Money(amount: amount + other.amount, currency: currency, kind: kind)
    }

    /// A short human form: `$3.75M (obligated)`.
    public var description: String { "\(compact) (\(kind.rawValue))" }

    /// A short human form without the kind: `$3.75M`, `$800K`, `€1,200`.
    public var compact: String {
        let symbol = Money.symbols[currency]
        let prefix = symbol ?? currency + " "
        let magnitude = amount < 0 ? -amount : amount
        let sign = amount < 0 ? "-" : ""
        let scaled: (Decimal, String)
        if magnitude >= 1_000_000_000 {
            scaled = (magnitude / 1_000_000_000, "B")
        } else if magnitude >= 1_000_000 {
            scaled = (magnitude / 1_000_000, "M")
        } else if magnitude >= 10_000 {
            scaled = (magnitude / 1_000, "K")
        } else {
            scaled = (magnitude, "")
        }
        return sign + prefix + Money.plain(scaled.0, maximumFractionDigits: 2) + scaled.1
    }

    /// The exact amount in plain decimal notation, as it is written in datasets: `3750000`.
    public var exactAmount: String { Money.plain(amount, maximumFractionDigits: 38) }

    static let symbols: [String: String] = ["USD": "$", "EUR": "€", "GBP": "£", "ILS": "₪", "JPY": "¥"]

    /// Locale-independent rendering, rounded half-up, trailing zeros dropped.
    static func plain(_ value: Decimal, maximumFractionDigits: Int) -> String {
        var source = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &source, maximumFractionDigits, .plain)
        // Decimal's description is locale-independent and never uses exponent notation.
        return rounded.description
    }
}

/// Why two amounts could not be combined.
public enum MoneyError: Error, Equatable, Sendable, CustomStringConvertible {
    case currencyMismatch(String, String)
    case kindMismatch(AmountKind, AmountKind)

    public var description: String {
        switch self {
        case let .currencyMismatch(left, right):
            "cannot add \(right) to \(left): different currencies are never added together"
        case let .kindMismatch(left, right):
            "cannot add a \(right.rawValue) amount to a \(left.rawValue) amount: different kinds of amount are never added together"
        }
    }
}

/// Running totals kept apart by currency and amount kind.
public struct MoneyTotals: Sendable, Equatable {
    public struct Bucket: Hashable, Sendable, Comparable {
        public let currency: String
        public let kind: AmountKind
        public static func < (lhs: Bucket, rhs: Bucket) -> Bool {
            (lhs.currency, lhs.kind) < (rhs.currency, rhs.kind)
        }
    }

    private var sums: [Bucket: Decimal] = [:]

    public init() {}

    public mutating func add(_ money: Money) {
        sums[Bucket(currency: money.currency, kind: money.kind), default: 0] += money.amount
    }

    /// One `Money` per currency and kind, in a stable order (currency, then kind).
    public var totals: [Money] {
        sums.keys.sorted().map { Money(amount: sums[$0] ?? 0, currency: $0.currency, kind: $0.kind) }
    }

    public var isEmpty: Bool { sums.isEmpty }
}

extension Money {
    /// `-123.45` and the like, read without Foundation's text scanning: most amounts in a table
    /// are plain, and `Decimal(string:)` took a tenth of a wide table's import in a profile.
    static func plainAmount(_ text: String) -> Decimal? {
        var significand: UInt64 = 0
        var digits = 0, fractionDigits = 0
        var negative = false, point = false
        for (offset, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard digits < 18 else { return nil }
                significand = significand * 10 + UInt64(byte - UInt8(ascii: "0"))
                if significand > 0 || point { digits += 1 }
                if point { fractionDigits += 1 }
            case UInt8(ascii: "-") where offset == 0: negative = true
            case UInt8(ascii: ".") where !point: point = true
            default: return nil
            }
        }
        guard digits > 0 || significand == 0, text.utf8.contains(where: { (0x30...0x39).contains($0) }) else { return nil }
        guard !(point && fractionDigits == 0) else { return nil }
        return Decimal(sign: negative && significand > 0 ? .minus : .plus, exponent: -fractionDigits, significand: Decimal(significand))
    }

    /// Parses a dataset amount: a plain decimal (`3750000`, `1.1`), optionally with underscores
    /// or with commas as thousands separators (`1,200,000`, never `12,5`), or a number followed
    /// by `K`, `M` or `B` (`3.75M`, `800K`). Scaling is exact. Returns `nil` for anything else.
    public static func parseAmount(_ text: String) -> Decimal? {
        if let plain = plainAmount(text) { return plain }
        var body = Substring(text.trimmingCharacters(in: .whitespaces))
        var multiplier: Decimal = 1
        switch body.last {
        case "K", "k": multiplier = 1_000; body = body.dropLast()
        case "M", "m": multiplier = 1_000_000; body = body.dropLast()
        case "B", "b": multiplier = 1_000_000_000; body = body.dropLast()
        default: break
        }
        if body.contains(",") {
            // Commas only as thousands separators: 1-3 digits, then groups of exactly three.
            let whole = body.split(separator: ".", maxSplits: 1)[0].drop { $0 == "-" }
            let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
            guard let first = groups.first, (1...3).contains(first.count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
                return nil
            }
        }
        let digitsOnly = body.replacingOccurrences(of: "_", with: "").replacingOccurrences(of: ",", with: "")
        var sawDigit = false
        var sawPoint = false
        for (index, character) in digitsOnly.enumerated() {
            if character.isASCII && character.isNumber {
                sawDigit = true
            } else if character == "." && !sawPoint {
                sawPoint = true
            } else if character == "-" && index == 0 {
                continue
            } else {
                return nil
            }
        }
        guard sawDigit, digitsOnly.last != ".", digitsOnly.count <= 40,
              let value = Decimal(string: digitsOnly, locale: Locale(identifier: "en_US_POSIX")) else {
            return nil
        }
        return value * multiplier
    }

    /// True for a three-letter upper-case code such as `USD`.
    public static func isCurrencyCode(_ text: String) -> Bool {
        text.count == 3 && text.allSatisfy { $0.isASCII && $0.isUppercase && $0.isLetter }
    }
}
